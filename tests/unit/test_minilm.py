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
    plain = encoder_file("float")
    assert plain.parent == tmp_path and plain.stat().st_size > 3 * built.stat().st_size
    single = encoder_file("int8-single")
    assert single.stat().st_size < plain.stat().st_size / 3
    assert sorted(tmp_path.iterdir()) == sorted([built, plain, single])
    vectors = MiniLM(max_tokens=128, threads=1).encode(TEXTS[:1])
    assert vectors.shape == (1, 384)
    with pytest.raises(ValueError, match="unknown encoder form"):
        encoder_file("int4")  # type: ignore[arg-type]


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


def test_int8_single_vectors_hang_on_the_text_alone() -> None:
    """One text a run: a text's vector is the same alone, in any company, in any order and on
    any number of threads, and stays close to the float model's."""
    texts = [*TEXTS, "A much longer sentence, about the harbour board and its budget, " * 3]
    together = MiniLM(max_tokens=128, form="int8-single", threads=2).encode(texts)
    for i, text in enumerate(texts):
        alone = MiniLM(max_tokens=128, form="int8-single", threads=1).encode([text])[0]
        assert np.array_equal(alone, together[i])
    reverse = MiniLM(max_tokens=128, form="int8-single").encode(texts[::-1])[::-1]
    assert np.array_equal(reverse, together)
    reference = MiniLM(max_tokens=128, form="float").encode(texts)
    assert float((together * reference).sum(axis=1).min()) > 0.97


def test_float_batches_run_at_once_give_what_one_run_gives() -> None:
    texts = [f"Item {i}: the ferry {'left late ' * (i % 5)}again." for i in range(40)]
    parallel = MiniLM(max_tokens=128, batch_size=4, threads=3, form="float").encode(texts)
    serial = MiniLM(max_tokens=128, batch_size=40, threads=1, form="float").encode(texts)
    assert np.array_equal(parallel, serial)


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
