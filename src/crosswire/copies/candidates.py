"""Candidate pairs of copies: text folding, MinHash signatures over word shingles, LSH buckets, and the
"names and numbers" blocking that survives rewording and translation; the thresholds of the stage."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

__all__ = ["minhash_signatures", "candidate_pairs"]

Kind = Literal["identical", "syndicated", "rewrite", "translation"]
LOOSENESS: dict[str, int] = {"identical": 0, "syndicated": 1, "rewrite": 2, "translation": 3}

# --- parameters (module constants, documented; none is tuned to one corpus) ---------------------

NUM_PERM = 128  # MinHash permutations
SHINGLE = 4  # words per shingle
TEXT_BANDS, TEXT_ROWS = 64, 2  # LSH over shingles: catches Jaccard >= ~0.12 most of the time
NAME_BANDS, NAME_ROWS = 42, 3  # LSH over names+numbers: catches Jaccard >= ~0.3 most of the time
MAX_BUCKET = 30  # a bucket larger than this (text many pages share) pairs each member
STAR = 2  # ... with only its STAR fullest members, so the cost stays linear
MIN_NAMES = 6  # fewer distinct names/numbers than this: no second blocking for the article
MIN_NUMBERS = 4  # fewer distinct numbers than this: no third blocking (translations only)
MIN_WORDS = 20  # shorter texts are only grouped when identical
WORD_GATE = 0.5  # share of the shorter text's distinct words a same-language copy must share
NAMES_GATE = 0.3  # share of the names/numbers of the smaller text also in the other
TRANSLATION_NAMES = 0.5  # ... for a translation (it keeps them), and at least
MIN_SHARED_NAMES = 4  # ... this many of them

TEMPLATE_SHARE = 0.25  # more than this share of corresponding sentences differing in numbers/names: a form
MAX_SWAP = 3  # a swap of at most this many words the other text never uses: a filled-in form

NEAR = 0.85  # fuzz.ratio (0..1) of two sentences that are one sentence lightly edited
REWORDED = 0.60  # token-sort ratio of two sentences that say the same in other words
LOOSE_GATE = 0.5  # below this share of SYNDICATED_COVER near-identical, rewording needs names
EMBED_MATCH = 0.89  # cosine of e5 sentence embeddings that render one sentence (e5 is compressed:
# unrelated news sentences score ~0.75-0.8)
EMBED_LOW = 0.85  # ... or at least this, when the pair stands out from both sentences' rivals
EMBED_MARGIN = 0.03  # ... by this much (a rendering is its sentence's clear best match; a sentence of
# an independent report on the same fact is one of several close ones)
MIN_UNIT_WORDS = 4  # sentences shorter than this do not count for coverage
MAX_UNIT_CHARS = 200  # a sentence weighs its length up to this: a long one does not outweigh several
COMMON_DF = 3  # a sentence in this many distinct texts may be boilerplate (see weigh)
SYNDICATED_COVER = 0.6  # weighted share of the lighter text's sentences matched near-identically, in order
REWRITE_COVER = 0.7  # weighted share of the lighter text's sentences matched (reworded), in order
REWRITE_SIM = 0.6  # and the score-weighted share (how close the matched sentences are)
MIN_REWORDED = 3  # a rewrite needs at least this many matched rare sentences, however short
MIN_MATCHES = 3  # and at least this many matched rare sentences (fewer if the text is that short)
MAX_UNITS = 80  # sentences per article used by the precise check
MAX_EMBED_PAIRS = 200  # cap on embedding checks per call, to keep the cost bounded

# a word; in scripts written without spaces (Chinese, Japanese) each character counts as one
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+", re.UNICODE)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_MAX_HASH = np.uint64((1 << 32) - 1)


class Encoder(Protocol):
    def encode(self, texts: list[str], *, query: bool = False) -> np.ndarray | None: ...


# --- normalisation ----------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Case- and accent-folded text: 'Sébastien' and 'sebastien' compare equal."""
    text = text.casefold()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def unit_words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def norm(text: str) -> str:
    return " ".join(unit_words(text))


# --- MinHash (numpy-vectorised) -----------------------------------------------------------------


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Random multipliers (odd) and offsets of the multiply-shift hash functions."""
    gen = np.random.default_rng(seed)
    a = gen.integers(0, 1 << 63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = gen.integers(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


def _token_ids(words: Sequence[str], vocab: dict[str, int]) -> np.ndarray:
    """Stable 32-bit ids of words (blake2b of the word, cached in ``vocab``)."""
    for w in set(words).difference(vocab):
        vocab[w] = int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=4).digest(), "little")
    return np.fromiter(map(vocab.__getitem__, words), dtype=np.uint64, count=len(words))


def _shingle_hashes(ids: np.ndarray, k: int) -> np.ndarray:
    """32-bit hashes of the k-word shingles starting at each position of a word-id sequence
    (the last k-1 positions hash shorter tails: callers drop them)."""
    h = np.zeros(len(ids), dtype=np.uint64)
    mult = np.uint64(1000003)
    with np.errstate(over="ignore"):
        for j in range(k):
            h[: len(ids) - j] = h[: len(ids) - j] * mult + ids[j:]
    h ^= h >> np.uint64(29)
    return h & _MAX_HASH


def minhash_signatures(
    token_lists: Sequence[Sequence[str]], *, shingle: int = SHINGLE, num_perm: int = NUM_PERM, chunk: int = 8192
) -> np.ndarray:
    """MinHash signatures, one row of ``num_perm`` uint64 per token list.

    Shingles are ``shingle`` consecutive tokens (a list shorter than that is one
    shingle); an empty list gets an all-max row (it then collides with nothing but
    other empty lists, which callers skip).  All texts are hashed together in
    vectorised chunks of about ``chunk`` shingles, so the cost is linear in the total
    number of words with little per-text overhead.
    """
    a, b = _permutations(num_perm)
    n = len(token_lists)
    sig = np.full((n, num_perm), _MAX_HASH, dtype=np.uint64)
    if n == 0:
        return sig
    vocab: dict[str, int] = {}
    lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=n)
    flat = [w for t in token_lists for w in t]
    if not flat:
        return sig
    ids = _token_ids(flat, vocab)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    hashes = _shingle_hashes(ids, shingle)
    # per text: the positions whose shingle lies inside it (a short text: its first position)
    counts = np.where(lengths > 0, np.maximum(lengths - shingle + 1, 1), 0)
    short = np.flatnonzero((lengths > 0) & (lengths < shingle))
    for i in short:  # a text shorter than a shingle is one shingle of its own length
        hashes[starts[i]] = _shingle_hashes(ids[starts[i] : starts[i] + lengths[i]], int(lengths[i]))[0]
    doc_of = np.repeat(np.arange(n), counts)
    offsets = np.concatenate(([0], np.cumsum(counts)[:-1]))
    pos = starts[doc_of] + (np.arange(int(counts.sum())) - offsets[doc_of])
    hv = hashes[pos]
    # multiply-shift hashing, (a*x + b) mod 2^64 keeping the high 32 bits, done in place in
    # chunks that end at text boundaries so np.minimum.reduceat gives each text's minimum
    nonempty = np.flatnonzero(counts > 0)
    ends = offsets[nonempty] + counts[nonempty]
    buf = np.empty((num_perm, chunk), dtype=np.uint64)  # one row per hash function: contiguous
    shift = np.uint64(32)
    b_col = b[:, None]

    def permuted(x: np.ndarray) -> np.ndarray:
        out = buf[:, : len(x)] if len(x) <= chunk else np.empty((num_perm, len(x)), dtype=np.uint64)
        np.multiply.outer(a, x, out=out)
        out += b_col
        out >>= shift
        return out

    first = 0
    with np.errstate(over="ignore"):
        while first < len(nonempty):
            last = int(np.searchsorted(ends, offsets[nonempty[first]] + chunk, side="right"))
            if last <= first:  # one text longer than a chunk: its minimum chunk by chunk
                i = nonempty[first]
                lo, hi = int(offsets[i]), int(offsets[i] + counts[i])
                for start in range(lo, hi, chunk):
                    np.minimum(sig[i], permuted(hv[start : min(hi, start + chunk)]).min(axis=1), out=sig[i])
                first += 1
                continue
            lo, hi = int(offsets[nonempty[first]]), int(ends[last - 1])
            cuts = offsets[nonempty[first:last]] - lo
            sig[nonempty[first:last]] = np.minimum.reduceat(permuted(hv[lo:hi]), cuts, axis=1).T
            first = last
    return sig


def candidate_pairs(
    sig: np.ndarray,
    bands: int,
    rows: int,
    *,
    skip: npt.ArrayLike | None = None,
    max_bucket: int = MAX_BUCKET,
    rank: npt.ArrayLike | None = None,
    star: int = STAR,
) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share at least one LSH band bucket.

    A bucket with more than ``max_bucket`` members holds text that very many pages
    share (cookie notices, subscription appeals, or a wire story every outlet
    carried): each member is paired only with the ``star`` first members by ``rank``
    (lowest first; default: index order), which keeps the cost linear and still
    reaches the fullest copy of a widely carried story.
    """
    pairs: set[tuple[int, int]] = set()
    n = sig.shape[0]
    keep = np.ones(n, dtype=bool) if skip is None else ~np.asarray(skip, dtype=bool)
    idx = np.flatnonzero(keep)
    order_key = np.arange(n) if rank is None else np.asarray(rank)
    for band in range(bands):
        block = np.ascontiguousarray(sig[idx, band * rows : (band + 1) * rows])
        if block.shape[1] == 0:
            break
        # bucket by the band's bytes: sort rows and cut where they change
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * block.shape[1]))).ravel()
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        bounds = np.concatenate(([0], np.flatnonzero(sk[1:] != sk[:-1]) + 1, [len(sk)]))
        for k in np.flatnonzero(np.diff(bounds) >= 2):
            ids = idx[order[bounds[k] : bounds[k + 1]]]
            if len(ids) <= max_bucket:
                ids = np.sort(ids)
                for x in range(len(ids)):
                    for y in range(x + 1, len(ids)):
                        pairs.add((int(ids[x]), int(ids[y])))
            else:
                ids = ids[np.argsort(order_key[ids], kind="stable")]
                for hub in ids[:star]:
                    for other in ids:
                        if other != hub:
                            pairs.add((int(min(hub, other)), int(max(hub, other))))
    return pairs


# --- per-article views ----------------------------------------------------------------------------


_CAPITAL = re.compile(r"(?<![\w'’-])[^\W\d_a-zß-ÿ][\w'’-]*", re.UNICODE)
# a number; digits grouped by spaces ("2 814", French and others) are one number
_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|\d[\d.,:]*\d|\d")
_OPENING = set(".!?…:;\"“”«»‘’'([-—–")


def names_of(text: str) -> list[str]:
    """Capitalised words inside sentences, and numbers, folded: a signature that survives
    rewording and translation.  Sentence-initial words are left out (they are mostly
    function words that change with the language)."""
    out: list[str] = []
    for m in _CAPITAL.finditer(text):
        word = m.group()
        if not word[:1].isupper():
            continue
        before = text[max(0, m.start() - 3) : m.start()].rstrip()
        if not before or before[-1] in _OPENING:
            continue
        out.append(_fold(word))
    out += numbers_of(text)
    return out


def numbers_of(text: str) -> list[str]:
    """The numbers of a text, without their separators ('2,000' and '2000' agree)."""
    return [re.sub(r"[.,:\s]", "", m.group()) for m in _DIGITS.finditer(text)]
