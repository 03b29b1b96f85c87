"""De-duplication: exact (normalized body hash) and near-duplicate (MinHash LSH, datasketch)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from datasketch import MinHash, MinHashLSH

from parallax.model import normalize_for_hash

__all__ = ["DuplicateIndex", "Match", "body_hash", "minhash_of", "signature_bytes"]

NUM_PERM = 64
SHINGLE = 5
# The hashing scheme of this datasketch version; stored signatures are read back with it.
SCHEME = MinHash(num_perm=NUM_PERM).scheme


@dataclass(frozen=True, slots=True)
class Match:
    kept_id: str
    kind: Literal["exact", "near"]
    similarity: float


def body_hash(body: str) -> str:
    """Hash of the normalized body: equal for bodies that differ only in case/punctuation/space."""
    return hashlib.sha256(normalize_for_hash(body).encode("utf-8")).hexdigest()


def minhash_of(body: str) -> MinHash:
    """MinHash over word 5-shingles of the normalized body."""
    words = normalize_for_hash(body).split()
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    sketch = MinHash(num_perm=NUM_PERM)
    sketch.update_batch([s.encode("utf-8") for s in shingles])
    return sketch


class DuplicateIndex:
    """Finds the kept article an incoming one duplicates.

    `threshold` is the estimated Jaccard similarity of 5-shingle sets above which two bodies are
    near-duplicates (wire copy republished with a changed intro or a trimmed tail).
    """

    def __init__(self, threshold: float = 0.8) -> None:
        self.threshold = threshold
        self._hashes: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sketches: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def find(self, body: str, sketch: MinHash | None = None) -> Match | None:
        exact = self._hashes.get(body_hash(body))
        if exact is not None:
            return Match(exact, "exact", 1.0)
        sketch = sketch or minhash_of(body)
        best: Match | None = None
        for candidate in self._lsh.query(sketch):
            similarity = float(sketch.jaccard(self._sketches[candidate]))
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = Match(candidate, "near", round(similarity, 3))
        return best

    def add(self, article_id: str, body: str, sketch: MinHash | None = None) -> None:
        if article_id in self._sketches:
            return
        sketch = sketch or minhash_of(body)
        self._hashes.setdefault(body_hash(body), article_id)
        self._lsh.insert(article_id, sketch)
        self._sketches[article_id] = sketch

    def load(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        """Restore from stored (id, body hash, signature bytes) rows."""
        for article_id, digest, signature in rows:
            sketch = MinHash(
                num_perm=NUM_PERM,
                hashvalues=np.frombuffer(signature, dtype=np.uint64),
                scheme=SCHEME,
            )
            self._hashes.setdefault(digest, article_id)
            self._lsh.insert(article_id, sketch)
            self._sketches[article_id] = sketch


def signature_bytes(sketch: MinHash) -> bytes:
    return np.asarray(sketch.hashvalues, dtype=np.uint64).tobytes()
