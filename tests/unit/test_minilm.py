"""The shared MiniLM: built once into the cache (int8 and float), close to the reference model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from parallax.minilm import MiniLM, encoder_file
from parallax.stories.embed import MiniLMEmbedder, load_embedder

TEXTS = [
    "Ships left the port at dawn.",
    "The council voted to close the tram depot after a year of losses.",
    "Striking drivers said the pay offer was an insult.",
]


def test_the_int8_encoder_is_built_once_into_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARALLAX_CACHE", str(tmp_path))
    built = encoder_file()
    assert built.parent == tmp_path and built.stat().st_size > 10_000_000
    assert list(tmp_path.iterdir()) == [built]  # no temporary files left behind
    stamp = built.stat().st_mtime_ns
    assert encoder_file() == built and built.stat().st_mtime_ns == stamp
    plain = encoder_file(quantized=False)
    assert plain.parent == tmp_path and plain.stat().st_size > 3 * built.stat().st_size
    assert sorted(tmp_path.iterdir()) == sorted([built, plain])
    vectors = MiniLM(max_tokens=128, threads=1).encode(TEXTS[:1])
    assert vectors.shape == (1, 384)


def test_story_vectors_are_the_float_model_s_whatever_the_batch() -> None:
    ours = load_embedder().encode(TEXTS)
    reference = MiniLMEmbedder().encode(TEXTS)
    assert ours.shape == reference.shape == (3, 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    assert float((ours * reference).sum(axis=1).min()) > 0.9999
    # the same text in another batch gives the same vector: a story does not hang on its batch
    alone = load_embedder().encode(TEXTS[1:2])[0]
    assert np.allclose(alone, ours[1], atol=1e-5)
    assert load_embedder().encode([]).shape == (0, 384)


def test_int8_vectors_stay_close_to_the_float_model() -> None:
    ours = MiniLM(max_tokens=256).encode(TEXTS)
    reference = MiniLMEmbedder().encode(TEXTS)
    assert float((ours * reference).sum(axis=1).min()) > 0.95
    alone = MiniLM(max_tokens=256).encode(TEXTS[1:2])[0]
    assert float(alone @ ours[1]) > 0.98


def test_token_spans_point_into_the_text() -> None:
    text = "Olaf Strand signed the wind levy."
    states, spans = MiniLM(max_tokens=16).states([text])[0]
    assert len(states) == len(spans) and states.shape[1] == 384
    pieces = [text[a:b] for a, b in spans if b > a]
    assert pieces[:2] == ["Olaf", "Strand"]
    long = MiniLM(max_tokens=16).states(["word " * 100])[0][0]
    assert len(long) == 16  # cut at max_tokens, [CLS] and [SEP] included


def test_the_vector_index_and_onnx_runtime_load_in_either_order() -> None:
    """usearch 2.26.2 and later crash onnxruntime loaded after them unless the system C++
    runtime is loaded first (`parallax.stories` does that)."""
    import subprocess
    import sys

    for first, second in (
        ("parallax.stories.cluster", "onnxruntime"),
        ("onnxruntime", "parallax.stories.cluster"),
    ):
        code = f"import {first}; import {second}"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
        assert done.returncode == 0, (code, done.stderr[-500:])
