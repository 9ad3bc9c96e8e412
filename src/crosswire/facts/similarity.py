"""How alike two sentences are: TF-IDF of words and character n-grams, and pair scores computed
without an n-by-n matrix past a few thousand sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from crosswire.facts.contradiction import Stated, days_clash, figures_clash
from crosswire.text.words import content_words, fold

__all__ = ["Aligned", "PairScores", "similarity_matrix", "tfidf", "dense", "encode_all"]


class Encoder(Protocol):
    def encode(self, texts: list[str], *, query: bool = False) -> np.ndarray | None: ...


def encode_all(embedder: Encoder, texts: Sequence[str]) -> np.ndarray | None:
    """The embedding of every text, or None when the model fails or answers for a different number of
    texts: a broken model must not break the stage, whose callers then go on without it."""
    try:
        vecs = embedder.encode(list(texts))
    except Exception:
        return None
    if vecs is None or len(vecs) != len(texts):
        return None
    return vecs


@dataclass(slots=True)
class Aligned:
    """One group of sentences (at most one per article) that state the same fact."""

    members: list[int]  # indexes into the sentence list given to align_sentences
    strength: float  # mean similarity of the links that built it (1.0 for a single sentence)
    # sentences of other articles that state it too, inside a sentence aligned with another fact
    # ("their first contact since October 2022" in a lead aligned with the lead of another report)
    support: list[int] = field(default_factory=list)


def _analyzer(text: str) -> list[str]:
    toks = content_words(text)
    return toks + [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]


def _char_ngrams(text: str, lo: int = 3, hi: int = 5) -> list[str]:
    """Character n-grams inside padded words (like scikit-learn's ``char_wb``)."""
    out: list[str] = []
    for w in text.split():
        w = f" {w} "
        n_w = len(w)
        for n in range(lo, hi + 1):
            if n > n_w:
                break
            out.extend(w[i : i + n] for i in range(n_w - n + 1))
    return out


DENSE_FLOPS = 300_000_000  # below this n*n*vocabulary, TF-IDF stays a dense numpy array (no scipy import);
# above it the dense product costs more than importing scipy and going sparse


def tfidf(docs: Sequence[list[str]], *, dense: bool | None = None):
    """Row-normalised TF-IDF (sublinear tf, smoothed idf), rows = documents.

    A small stand-in for scikit-learn's vectorizer (importing scikit-learn costs seconds):
    a dense numpy array for small inputs, a scipy CSR matrix for big ones (``dense``
    True or False forces one).
    """
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, toks in enumerate(docs):
        counts: dict[int, int] = {}
        for t in toks:
            j = vocab.setdefault(t, len(vocab))
            counts[j] = counts.get(j, 0) + 1
        rows.extend([r] * len(counts))
        cols.extend(counts)
        vals.extend(counts.values())
    n, m = len(docs), max(1, len(vocab))
    r_ = np.asarray(rows, dtype=np.int64)
    c_ = np.asarray(cols, dtype=np.int64)
    v_ = 1.0 + np.log(np.asarray(vals, dtype=np.float32))
    df = np.bincount(c_, minlength=m).astype(np.float32)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    v_ = (v_ * idf[c_]).astype(np.float32)
    norms = np.sqrt(np.bincount(r_, weights=v_ * v_, minlength=n)).astype(np.float32)
    norms[norms == 0] = 1.0
    v_ = v_ / norms[r_]
    if dense if dense is not None else n * n * m <= DENSE_FLOPS:
        x = np.zeros((n, m), dtype=np.float32)
        x[r_, c_] = v_
        return x
    from scipy import sparse

    return sparse.csr_matrix((v_, (r_, c_)), shape=(n, m), dtype=np.float32)


def dense(x) -> np.ndarray:
    """A TF-IDF matrix or product as a numpy array (small inputs are dense already)."""
    return x if isinstance(x, np.ndarray) else x.toarray()


def _gram(x) -> np.ndarray:
    return dense(x @ x.T)


def similarity_matrix(texts: Sequence[str]) -> np.ndarray:
    """Dense (n, n) lexical similarity in 0..1 (word and character TF-IDF cosines, averaged)."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    folded = [fold(t) for t in texts]
    word = tfidf([_analyzer(t) for t in folded])
    char = tfidf([_char_ngrams(t) for t in folded])
    sim = _gram(word) + _gram(char)
    return np.clip(sim.astype(np.float32) / 2.0, 0.0, 1.0)


def common_stems(text: str) -> set[str]:
    """Stems of the ordinary (not capitalised, not function) words of a sentence."""
    out = set()
    for w in re.findall(r"[^\W\d_][\w'’\-]*", text):
        if w[:1].islower():
            out.update(content_words(w))
    return out


# --- scoring pairs without an n-by-n matrix -------------------------------------------------------

DENSE_N = 1500  # up to this many sentences every pair is scored (one dense matrix, exact)
NEIGHBOURS = 30  # above it, each sentence is scored against its NEIGHBOURS nearest sentences by words
_ROW_CHUNK = 512  # rows of the word-similarity block computed at once when looking for neighbours
_PAIR_CHUNK = 8192  # pairs whose character similarity is computed at once


def _row_dots(x, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Dot products of the row pairs (rows[k], cols[k]) of a dense or CSR matrix."""
    out = np.zeros(len(rows), dtype=np.float32)
    for k in range(0, len(rows), _PAIR_CHUNK):
        r, c = rows[k : k + _PAIR_CHUNK], cols[k : k + _PAIR_CHUNK]
        if isinstance(x, np.ndarray):
            out[k : k + len(r)] = np.einsum("ij,ij->i", x[r], x[c])
        else:
            out[k : k + len(r)] = np.asarray(x[r].multiply(x[c]).sum(axis=1)).ravel()
    return out


_FEW_PAIRS = 16  # up to this many pairs asked at once, each is computed from the CSR arrays directly


def _csr_dot(x, i: int, j: int) -> float:
    """Dot product of rows i and j of a CSR matrix with sorted column indices."""
    a0, a1, b0, b1 = x.indptr[i], x.indptr[i + 1], x.indptr[j], x.indptr[j + 1]
    if a1 - a0 > b1 - b0:
        a0, a1, b0, b1 = b0, b1, a0, a1
    ia, ib = x.indices[a0:a1], x.indices[b0:b1]
    if not len(ia) or not len(ib):
        return 0.0
    pos = np.minimum(np.searchsorted(ib, ia), len(ib) - 1)
    hit = ib[pos] == ia
    return float(x.data[a0:a1][hit] @ x.data[b0:b1][pos[hit]])


class PairScores:
    """The similarity of any two sentences of a story, without holding an n-by-n matrix.

    Indexed like a matrix: ``scores[i, j]`` is a float and ``scores[np.ix_(rows, cols)]`` a
    block.  A pair's score is its lexical similarity (word and character TF-IDF cosines,
    averaged), raised where the alignment confirmed a link (mutual best match, embedding);
    two sentences of one article score 0.  Small stories keep the lexical matrix; big ones
    keep the TF-IDF rows and compute a pair's similarity when it is asked for.
    """

    def __init__(self, art_index: np.ndarray, *, matrix: np.ndarray | None = None, word=None, char=None) -> None:
        self._art = np.asarray(art_index, dtype=np.int64)
        self._matrix = matrix
        self._word, self._char = word, char
        self._keys = np.zeros(0, dtype=np.int64)  # raised pairs: i * n + j with i < j, sorted
        self._vals = np.zeros(0, dtype=np.float32)
        self._memo: dict[int, float] = {}
        self._raised: dict[int, float] = {}
        n = len(self._art)
        self.shape = (n, n)

    def lexical(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Lexical similarity (0..1) of the pairs (rows[k], cols[k])."""
        rows, cols = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        if self._matrix is not None:
            return self._matrix[rows, cols]
        if not len(rows):
            return np.zeros(0, dtype=np.float32)
        if len(rows) <= _FEW_PAIRS:  # one pair at a time (callers asking pair by pair): no sparse slicing
            return np.array([self._one(int(i), int(j)) for i, j in zip(rows, cols, strict=False)], dtype=np.float32)
        sim = (_row_dots(self._word, rows, cols) + _row_dots(self._char, rows, cols)) / 2.0
        return np.clip(sim, 0.0, 1.0).astype(np.float32)

    def _one(self, i: int, j: int) -> float:
        key = min(i, j) * self.shape[0] + max(i, j)
        got = self._memo.get(key)
        if got is None:
            got = min(1.0, max(0.0, (_csr_dot(self._word, i, j) + _csr_dot(self._char, i, j)) / 2.0))
            self._memo[key] = got
        return got

    def raise_pairs(self, rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> None:
        """Set the scores of pairs whose link was confirmed (kept for both orders)."""
        n = self.shape[0]
        lo, hi = np.minimum(rows, cols).astype(np.int64), np.maximum(rows, cols).astype(np.int64)
        keys = np.concatenate([self._keys, lo * n + hi])
        vals = np.concatenate([self._vals, np.asarray(values, dtype=np.float32)])
        keys, last = np.unique(keys[::-1], return_index=True)  # the newest value of a pair wins
        self._keys, self._vals = keys, vals[::-1][last]
        self._raised = dict(zip(self._keys.tolist(), self._vals.tolist(), strict=False))

    def pairs(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Scores of the pairs (rows[k], cols[k])."""
        rows, cols = np.asarray(rows, dtype=np.int64).ravel(), np.asarray(cols, dtype=np.int64).ravel()
        out = self.lexical(rows, cols).astype(np.float32, copy=True)
        if len(self._keys) and len(rows):
            n = self.shape[0]
            keys = np.minimum(rows, cols) * n + np.maximum(rows, cols)
            at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
            hit = self._keys[at] == keys
            out[hit] = self._vals[at[hit]]
        out[self._art[rows] == self._art[cols]] = 0.0
        return out

    def __getitem__(self, key) -> float | np.ndarray:
        i, j = key
        if isinstance(i, (int, np.integer)) and isinstance(j, (int, np.integer)):  # one pair: the fast way
            i, j = int(i), int(j)
            if self._art[i] == self._art[j]:
                return 0.0
            raised = self._raised.get(min(i, j) * self.shape[0] + max(i, j))
            if raised is not None:
                return raised
            return float(self._matrix[i, j]) if self._matrix is not None else self._one(i, j)
        rows, cols = np.broadcast_arrays(np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64))
        out = self.pairs(rows.ravel(), cols.ravel()).reshape(rows.shape)
        return float(out) if out.ndim == 0 else out


def _neighbour_pairs(word, art_index: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j, two articles) where j is among the ``k`` nearest sentences of i by words, or i of j.

    The word-similarity block of a few hundred rows at a time is computed and only its top
    ``k`` per row kept, so memory grows with n * k, not n * n.
    """
    n = word.shape[0]
    wt = word.T.tocsc() if not isinstance(word, np.ndarray) else word.T
    kk = min(k, n - 1)
    found_i: list[np.ndarray] = []
    found_j: list[np.ndarray] = []
    for start in range(0, n, _ROW_CHUNK):
        stop = min(n, start + _ROW_CHUNK)
        block = word[start:stop] @ wt
        block = np.asarray(dense(block), dtype=np.float32)
        rows = np.arange(start, stop)
        block[art_index[rows][:, None] == art_index[None, :]] = 0.0
        if kk <= 0:
            break
        top = np.argpartition(-block, kk - 1, axis=1)[:, :kk]
        vals = np.take_along_axis(block, top, axis=1)
        keep = vals > 0
        found_i.append(np.broadcast_to(rows[:, None], top.shape)[keep])
        found_j.append(top[keep])
    if not found_i:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    i, j = np.concatenate(found_i), np.concatenate(found_j)
    keys = np.unique(np.minimum(i, j).astype(np.int64) * n + np.maximum(i, j))
    return keys // n, keys % n


def candidate_pairs(
    texts: Sequence[str], art_index: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, PairScores]:
    """The pairs worth scoring (i < j, two articles, lexical similarity >= 0.02), row-major.

    Up to ``DENSE_N`` sentences every pair is scored; above it each sentence is compared only
    with its ``NEIGHBOURS`` nearest sentences by words (two sentences sharing no rare word are
    not the same fact), so the cost grows with n * NEIGHBOURS.
    """
    n = len(texts)
    if n <= DENSE_N:
        sim = similarity_matrix(texts)
        cand = np.triu((sim >= 0.02) & (art_index[:, None] != art_index[None, :]), 1)
        rows, cols = np.nonzero(cand)
        return rows, cols, sim[rows, cols], PairScores(art_index, matrix=sim)
    folded = [fold(t) for t in texts]
    word = tfidf([_analyzer(t) for t in folded], dense=False)
    char = tfidf([_char_ngrams(t) for t in folded], dense=False)
    word.sort_indices()
    char.sort_indices()
    rows, cols = _neighbour_pairs(word, art_index, NEIGHBOURS)
    scores = PairScores(art_index, word=word, char=char)
    lex = scores.lexical(rows, cols)
    keep = lex >= 0.02
    return rows[keep], cols[keep], lex[keep], scores


def mutual_links(
    rows: np.ndarray,
    cols: np.ndarray,
    score: np.ndarray,
    art_index: np.ndarray,
    n_arts: int,
    lo: float,
    hi: float,
    *,
    one_sided: bool = False,
) -> np.ndarray:
    """Mask of the pairs scoring in [lo, hi) that are each other's best match between their two articles.

    A sentence's best match in an article is its highest-scoring pair there (ties: the
    earlier sentence); pairs scoring 0 are nobody's best match.  ``one_sided``: the pairs
    whose ``cols`` sentence is the best match of their ``rows`` sentence, whatever the reverse.
    """
    if not len(rows):
        return np.zeros(0, dtype=bool)
    src, dst = np.concatenate([rows, cols]), np.concatenate([cols, rows])
    sc = np.concatenate([score, score])
    pos = sc > 0
    src, dst, sc = src[pos], dst[pos], sc[pos]
    key = src * n_arts + art_index[dst]
    order = np.lexsort((dst, -sc, key))
    key_s, dst_s = key[order], dst[order]
    first = np.ones(len(key_s), dtype=bool)
    first[1:] = key_s[1:] != key_s[:-1]
    best_keys, best_dst = key_s[first], dst_s[first]

    def best(k: np.ndarray) -> np.ndarray:
        if not len(best_keys):
            return np.full(len(k), -1)
        at = np.minimum(np.searchsorted(best_keys, k), len(best_keys) - 1)
        return np.where(best_keys[at] == k, best_dst[at], -1)

    inside = (score >= lo) & (score < hi) & (best(rows * n_arts + art_index[cols]) == cols)
    return inside if one_sided else inside & (best(cols * n_arts + art_index[rows]) == rows)


def vetoes(
    texts: Sequence[str], stated: Sequence[Stated], rows: np.ndarray, cols: np.ndarray, langs: Sequence[str]
) -> np.ndarray:
    """Mask of the pairs whose sentences contradict each other (figures or days)."""
    veto = np.zeros(len(rows), dtype=bool)
    has = np.array([bool(st.figures or st.days) for st in stated], dtype=bool)
    disputes = np.array([st.disputes for st in stated], dtype=bool)
    if not len(rows):
        return veto
    check = (has[rows] & has[cols]) | disputes[rows] | disputes[cols]
    for k in np.nonzero(check)[0].tolist():
        i, j = int(rows[k]), int(cols[k])
        a, b = stated[i], stated[j]
        same_language = langs[i] == langs[j] or not langs[i] or not langs[j]
        if figures_clash(a, b, same_language) or days_clash(a, b, texts[i], texts[j]):
            veto[k] = True
    return veto
