"""How often the role heads' domain check lets articles through.

The shipped framing model keeps its 297 training documents' vectors; `Framer` gives roles
only to an article whose five nearest training documents are, on average, as similar as for
98% of training documents held out of their fold (`domain_threshold`). This prints the share
of articles that pass:

- the SemEval-2025 T10 English documents, each scored against the other folds' documents
  (5 folds, as `parallax train framing` sets the threshold): about 98% by construction;
- the project's sample corpus (`data/sample`, fictional local news);
- the first 300 English articles of SemEval-2022 Task 8 (multilingual news of 2020 on every
  subject), when `../shared/data/semeval2022t8-en` is there.

    python scripts/role_domain.py

The README's Framing caveat quotes this script's output. A research aid, not a test.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from parallax.framing.encoder import load_encoder
from parallax.framing.heads import load_model
from parallax.framing.semeval import load_documents
from parallax.framing.train import held_out_similarity
from parallax.minilm import Vectors
from parallax.model import Article
from parallax.pipeline import analyze_inputs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def document_vectors(items: list[tuple[str | None, str]]) -> Vectors:
    return np.stack([d.document for d in load_encoder().documents(items)])


def main() -> None:
    model = load_model()
    threshold = float(model.settings["domain_threshold"])
    print(f"domain threshold {threshold:.3f} (mean similarity of the 5 nearest)")
    docs = load_documents(SHARED / "semeval2025t10-en" / "train")
    x = document_vectors([(d.title, d.body) for d in docs])
    held_out = held_out_similarity(x)
    print(f"SemEval-2025 T10, held out by fold: {(held_out >= threshold).mean():.3f} pass")
    sample = [a for a in analyze_inputs([str(ROOT / "data" / "sample")]) if isinstance(a, Article)]
    passed = sum(model.in_domain(v) for v in document_vectors([(a.title, a.body) for a in sample]))
    print(f"sample corpus: {passed} of {len(sample)} articles pass")
    pairs = SHARED / "semeval2022t8-en" / "en_en_pairs_with_text.jsonl"
    if pairs.is_file():
        texts = []
        with pairs.open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line).get("text1") or ""
                if len(text) > 200:
                    texts.append(text)
                if len(texts) == 300:
                    break
        passed = sum(model.in_domain(v) for v in document_vectors([(None, t) for t in texts]))
        print(f"SemEval-2022 T8 English news of 2020: {passed} of {len(texts)} articles pass")


if __name__ == "__main__":
    main()
