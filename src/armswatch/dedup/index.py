"""MinHash signatures over word shingles and an LSH index that finds the stored story a new copy belongs to.

Similarity is *containment* (shared shingles / shingles of the smaller text), estimated from the MinHash
Jaccard and the two shingle counts, so a copy truncated to 60% still matches its full original. LSH only
proposes candidates (at a low Jaccard); each is then checked against `threshold`.
"""
from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from armswatch.types import Article

SHINGLE = 3  # words per shingle: long enough that two reports on one topic share few, short enough to survive typos
# Containment. bench/dedup_eval.py gives pairwise P = R = 1.0 from 0.40 to 0.60 on raw and on cleaned copies
# (below 0.40 shared site furniture merges raw copies of different stories; above 0.60 truncated copies split).
DEFAULT_THRESHOLD = 0.5
DEFAULT_NUM_PERM = 128
CANDIDATE_JACCARD = 0.2  # LSH recall target: a copy truncated to a third still has Jaccard ~0.25 with its original
SEED = 1
SCHEME = "affine32"
_MAGIC = b"AWM1"
_HEADER = struct.Struct("<4sBHI")  # magic, shingle size, num_perm, shingle count
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


@lru_cache(maxsize=4)
def _empty_minhash(num_perm: int) -> MinHash:
    """A MinHash with no values yet: its permutations are drawn once per process, then copied."""
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)


def sign(text: str, num_perm: int = DEFAULT_NUM_PERM) -> bytes:
    """The signature of `text` as bytes (a worker computes these; `StoryIndex.add` and `match` take them)."""
    grams = shingles(text)
    mh = _empty_minhash(num_perm).copy()
    mh.update_batch(list(grams))
    return Signature(np.asarray(mh.hashvalues), len(grams)).to_bytes()


class Signature:
    """A decoded signature: MinHash values plus the shingle count needed to estimate containment."""

    __slots__ = ("hashvalues", "size")

    def __init__(self, hashvalues: np.ndarray, size: int):
        self.hashvalues, self.size = hashvalues, size

    def to_bytes(self) -> bytes:
        return _HEADER.pack(_MAGIC, SHINGLE, len(self.hashvalues), self.size) + self.hashvalues.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        magic, k, num_perm, size = _HEADER.unpack_from(data)
        if magic != _MAGIC or k != SHINGLE:
            raise ValueError("not an armswatch MinHash signature (or made with another shingle size)")
        values = np.frombuffer(data, dtype="<u4", count=num_perm, offset=_HEADER.size).astype(np.uint64)
        return cls(values, size)

    def minhash(self) -> LeanMinHash:
        """The values as a datasketch MinHash for the LSH (a lean one: no permutations to draw)."""
        return LeanMinHash(seed=SEED, hashvalues=self.hashvalues, scheme=SCHEME)


def containment(a: Signature, b: Signature) -> float:
    """Estimated |A∩B| / min(|A|,|B|) from the MinHash Jaccard and the set sizes."""
    return float(containments(a, b.hashvalues[None, :], np.array([b.size]))[0])


def containments(a: Signature, values: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """`containment` of `a` with each row of `values` (MinHash values) and `sizes` (shingle counts) at once: a
    story republished a hundred times makes every new copy an LSH candidate of all of them."""
    if not a.size:
        return np.zeros(len(sizes))
    j = np.count_nonzero(values == a.hashvalues, axis=1) / len(a.hashvalues)
    inter = j * (a.size + sizes) / (1.0 + j)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.minimum(1.0, inter / np.minimum(a.size, sizes))
    return np.where(sizes > 0, out, 0.0)


class StoryIndex:
    """Signatures of stored articles, by story; `match` returns the story a new article copies, if any."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = DEFAULT_NUM_PERM):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold, self.num_perm = threshold, num_perm
        self._lsh = MinHashLSH(threshold=min(CANDIDATE_JACCARD, threshold), num_perm=num_perm)
        self._row: dict[str, int] = {}  # article id -> its row in _values/_sizes
        self._story: list[str] = []
        self._values = np.zeros((64, num_perm), dtype=np.uint64)  # one row per article (grown by doubling), so
        self._sizes = np.zeros(64, dtype=np.int64)  # a query compares all its LSH candidates in one numpy step

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._row

    def signature(self, article: Article | str) -> bytes:
        """The article's signature as bytes (store it; pass it back to `add` after a reload).

        Of the body without the headline: sites retitle syndicated copies, and stores made before the headline was
        kept in the text signed the body alone."""
        return sign(article if isinstance(article, str) else article.body, self.num_perm)

    def _decode(self, signature: bytes | Signature | list) -> Signature:
        if isinstance(signature, Signature):
            sig = signature
        elif isinstance(signature, (bytes, bytearray, memoryview)):
            sig = Signature.from_bytes(bytes(signature))
        else:
            raise TypeError(f"signature must be bytes from StoryIndex.signature, got {type(signature).__name__}")
        if len(sig.hashvalues) != self.num_perm:
            raise ValueError(f"signature has {len(sig.hashvalues)} permutations, index uses {self.num_perm}")
        return sig

    def add(self, article_id: str, signature: bytes, story_id: str) -> None:
        """Index an article under `story_id`; adding an id again keeps its first story."""
        if article_id in self._row:
            return
        sig = self._decode(signature)
        row = len(self._row)
        if row == len(self._sizes):
            self._values = np.concatenate([self._values, np.zeros_like(self._values)])
            self._sizes = np.concatenate([self._sizes, np.zeros_like(self._sizes)])
        self._values[row], self._sizes[row] = sig.hashvalues, sig.size
        self._row[article_id] = row
        self._story.append(story_id)
        if sig.size:
            self._lsh.insert(article_id, sig.minhash())

    def scores(self, signature: bytes) -> list[tuple[float, str, str]]:
        """(containment, article_id, story_id) of every LSH candidate, best first."""
        sig = self._decode(signature)
        if not sig.size:
            return []
        keys, scores = self._candidates(sig)
        out = [(float(score), key, self._story[self._row[key]]) for score, key in zip(scores, keys)]
        return sorted(out, key=lambda t: (-t[0], t[1]))

    def match(self, signature: bytes) -> str | None:
        """The story of the most similar indexed article when it reaches `threshold`, else None (the first of
        `scores`, found without sorting them: a story with many copies gives many candidates)."""
        sig = self._decode(signature)
        keys, scores = self._candidates(sig) if sig.size else ([], np.zeros(0))
        if not keys:
            return None
        best = scores.max()
        if best < self.threshold:
            return None
        key = min(k for k, score in zip(keys, scores) if score == best)
        return self._story[self._row[key]]

    def _candidates(self, sig: Signature) -> tuple[list[str], np.ndarray]:
        """The LSH candidates of `sig` and their containment with it."""
        keys = list(self._lsh.query(sig.minhash()))
        rows = [self._row[key] for key in keys]
        return keys, containments(sig, self._values[rows], self._sizes[rows])

    @classmethod
    def load(cls, rows: Iterable[tuple[str, bytes, str]], threshold: float = DEFAULT_THRESHOLD,
             num_perm: int = DEFAULT_NUM_PERM) -> StoryIndex:
        """An index rebuilt from stored (article_id, signature, story_id) rows."""
        index = cls(threshold, num_perm)
        for article_id, signature, story_id in rows:
            index.add(article_id, signature, story_id)
        return index
