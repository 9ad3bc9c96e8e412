"""Aligning sentences across reports: which sentences state the same fact.

Similarity of two sentences is the mean of a word TF-IDF cosine (stemmed
content words and bigrams) and a character n-gram TF-IDF cosine (robust to
spelling and transliteration: "instrumentalisation" / "instrumentalization",
"Shoigu" / "Choïgu").  Pairs in a grey zone, and pairs across languages, are
checked with the multilingual embedding when it is available, for a capped
number of sentences.  Weaker pairs link when they are each other's best match
and share enough: several ordinary words, or a date or figure, a name and a
good part of their ordinary words (paraphrases: "held rare phone talks on
Wednesday" / "spoke by phone on April 3 in a rare call").  Clusters are grown
greedily from the strongest pair down, and never hold two sentences of one
article; a sentence that states a fact inside a longer sentence aligned with
another fact (a lead telling two things) is cited with it as support.

Only candidate pairs are scored: every pair up to ``DENSE_N`` sentences, each
sentence's ``NEIGHBOURS`` nearest by words in bigger stories, so time and
memory grow about linearly with the story (:class:`PairScores` answers any
other pair on demand).

Disagreement is never aligned away: two sentences whose figures for the same
counted thing cannot both be true ("three dead" / "two people were killed"),
a sentence that sets one figure against another ("87 votes, not the 212")
and a sentence giving only one of them, and two sentences that date what they
tell on different days ("on Monday" / "on Tuesday") are never linked, by any
path (lexical, mutual best match or embedding).  They stay separate facts, so
the conflict between them can be shown.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Protocol, Sequence

import numpy as np
from rapidfuzz import fuzz

from .model import Sentence
from .numbers import Figure, category, compatible, find_numbers
from .textutil import STOPWORDS, content_words, fold, names

__all__ = ["Aligned", "PairScores", "align_sentences", "similarity_matrix", "contradicts", "tfidf", "dense", "LINK", "GREY",
           "EMBED_LINK", "MAX_EMBED", "MUTUAL_LINK"]

LINK = 0.50        # lexical similarity at which two sentences state the same fact
GREY = 0.15        # below LINK, above GREY: ask the embedding (if any) about mutual best pairs
MUTUAL_LINK = 0.34  # lexical similarity enough for two sentences that are each other's best match
MUTUAL_WEAK = 0.17  # ... or this much when they also share MUTUAL_WORDS ordinary words
MUTUAL_WORDS = 4
ANCHOR_LOW = 0.10  # ... or this much when they also share a date or figure, a name and several ordinary words
ANCHOR_SHARE = 1 / 3  # ... the shared ordinary words being at least this part of the shorter sentence's
ANCHOR_BONUS = 0.10  # how much such shared content counts when finding each sentence's best match
EMBED_LINK = 0.915  # e5 cosine at which a grey-zone mutual pair is the same fact
EMBED_LINK_CROSS = 0.88  # the same for a pair in two languages
MAX_EMBED = 48     # at most this many sentences are embedded per story with several languages
MAX_EMBED_SAME = 0  # ... and per story in one language: lexical evidence decides there (speed)
SAME_WORDING = 75  # rapidfuzz token_sort_ratio: one sentence, perhaps misdated (kept for the date conflict)


class Encoder(Protocol):
    def encode(self, texts: list[str], *, query: bool = False) -> np.ndarray | None: ...


@dataclass(slots=True)
class Aligned:
    """One group of sentences (at most one per article) that state the same fact."""

    members: list[int]  # indexes into the sentence list given to align_sentences
    strength: float     # mean similarity of the links that built it (1.0 for a single sentence)
    # sentences of other articles that state it too, inside a sentence aligned with another fact
    # ("their first contact since October 2022" in a lead aligned with the lead of another report)
    support: list[int] = field(default_factory=list)


def _analyzer(text: str) -> list[str]:
    toks = content_words(text)
    return toks + [a + " " + b for a, b in zip(toks, toks[1:])]


def _char_ngrams(text: str, lo: int = 3, hi: int = 5) -> list[str]:
    """Character n-grams inside padded words (like scikit-learn's ``char_wb``)."""
    out: list[str] = []
    for w in text.split():
        w = f" {w} "
        n_w = len(w)
        for n in range(lo, hi + 1):
            if n > n_w:
                break
            out.extend(w[i: i + n] for i in range(n_w - n + 1))
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


def _common_stems(text: str) -> set[str]:
    """Stems of the ordinary (not capitalised, not function) words of a sentence."""
    out = set()
    for w in re.findall(r"[^\W\d_][\w'’\-]*", text):
        if w[:1].islower():
            out.update(content_words(w))
    return out


# --- what two sentences state that cannot both be true -------------------------------------------

_COUNTED = frozenset({"dead", "injured", "arrested", "missing", "displaced"})
_NUMWORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
             r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
             r"thousand|million|billion|dozen)\b")
_NUMBER = r"(?:\d|" + _NUMWORDS + r")"
_ANY_NUMBER = re.compile(r"\d|\b" + _NUMWORDS, re.I)  # a quick test before reading figures
# a sentence that sets one figure against another: "two, not three", "contradicting ... at three"
_CONTRAST = re.compile(
    r"\bnot\s+(?:(?:the|as|many|much|a|an|just|only|about|some|more|than|fewer|less|over|under)\s+){0,3}"
    + _NUMBER + r"|"
    r"\b(?:contradict\w*|disput\w*|den(?:y|ies|ied|ying)|reject\w*|refut\w*|instead\s+of|rather\s+than|"
    r"contrary|challeng\w*|contest\w*|correct\w*|put\s+the\s+(?:toll|figure|number|total)\s+at|"
    r"contredi\w*|dement\w*|widersprach\w*|bestritt\w*|niega\w*|desmint\w*)\b"
)
# the first figure of a range ("5 to 11 years", "between 10 and 80 percent", "10-80 percent"):
# its counted thing is not read reliably, and a range is not a figure to compare
# a sentence that disputes a figure: "87 votes, not the 212 announced", "... who had put the toll at three"
_DISPUTE = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of)\s+(?:(?:the|as|many|much|a|an|just|only|about|some|more|than|"
    r"fewer|less|over|under)\s+){0,3}" + _NUMBER + r"|"
    r"\b(?:put|puts|putting|set|sets|gave|gives|estimated|estimates)\s+the\s+(?:death\s+)?"
    r"(?:toll|figure|number|total|count|tally)\s+at\b"
)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|—|to|and|or)\s*[$€£]?" + _NUMBER, re.I)
_RANGE_BEFORE = re.compile(r"(?:\bbetween|\d\s*(?:-|–|—|to|or))\s*[$€£]?$", re.I)
# partial counts and ages: "13 other states" is not a count of the states, "18-year-old" an age
_PARTIAL = re.compile(r"\b(?:other|others|more|additional|further|extra|another|old|aged)\b|-old\b")
_WEEKDAYS = {name: k for k, names in enumerate((
    ("monday", "lundi", "montag", "lunes", "lunedi"),
    ("tuesday", "mardi", "dienstag", "martes", "martedi"),
    ("wednesday", "mercredi", "mittwoch", "miercoles", "mercoledi"),
    ("thursday", "jeudi", "donnerstag", "jueves", "giovedi"),
    ("friday", "vendredi", "freitag", "viernes", "venerdi"),
    ("saturday", "samedi", "samstag", "sonnabend", "sabado", "sabato"),
    ("sunday", "dimanche", "sonntag", "domingo", "domenica"),
)) for name in names}
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b")
# a weekday that dates the report, not what it tells: "..., the fire service said on Thursday"
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|added|reported|stated|confirmed|declared|indique|declare|annonce|"
    r"affirme|precise|sagte|erklarte|teilte|dijo|anuncio)"
    r"(?:\s+(?:on|late|early|in|a|an|its|his|her|their|statement|reporters|le|am|el))*\s+$"
)


@dataclass(frozen=True, slots=True)
class _Stated:
    """The figures (by counted thing) and the days a sentence states."""

    figures: dict[str, list[Figure]]
    contrast: bool      # the sentence sets one figure against another ("not", "contradicting", ...)
    days: frozenset[int]
    disputes: bool = False  # ... and the figure it disputes is in it ("87 votes, not the 212")


def _kind(f: Figure, text: str) -> str | None:
    """What a figure counts, a little more robustly than its ``what``; None: not comparable.

    "Three dock workers died" counts the dead even when the noun after the figure is read
    as what it counts; "$50,000 payments" counts dollars; otherwise the counted noun,
    lightly singular ("votes" -> "vote").  Ranges, ages and partial counts ("13 other
    states", "twelve more") are left out: comparing them would part sentences that agree.
    """
    number_start = f.start + (len(f.qualifier) if f.qualifier and fold(f.text).startswith(f.qualifier) else 0)
    after = fold(f.text)[number_start - f.start:]
    if _RANGE_BEFORE.search(text[max(0, f.start - 12): f.start]) or _PARTIAL.search(after):
        return None
    m = re.match(r"\s*[^\s\w]*\s*" + _NUMBER + r"[\w.,]*", text[number_start:], re.I)
    if m and _RANGE_AFTER.match(text[number_start + m.end():]):
        return None
    if text[max(0, f.start - 1): f.start] in _CURRENCIES:
        return text[f.start - 1]
    if f.what in _COUNTED:
        return f.what
    for w in re.findall(r"[^\W\d_]+", f.text):
        if category(w) in _COUNTED:
            return category(w)
    w = fold(f.what)
    if w in STOPWORDS or re.fullmatch(_NUMBER + r"\w*", w) or w.endswith("old"):
        return None  # "nine of the ten": no counted noun was found
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


_CURRENCIES = ("$", "€", "£", "¥")
_SCALE_SUFFIX = re.compile(r"(?:\s*(?:tn|trn)|(?<=\d)(?:k|m|bn|b))\b", re.I)
_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}


def _scaled(f: Figure, text: str) -> Figure:
    """"$500k" is 500,000 and "$2tn" two trillion, as "$500,000" and "$2 trillion" are."""
    m = re.match(r"\d[\d,.]*", text[f.start:]) if text[f.start: f.start + 1].isdigit() else None
    if m is None or f.end < f.start + m.end():
        return f
    sm = _SCALE_SUFFIX.match(text, f.start + m.end())
    if sm is None or f.value >= 1000:
        return f
    k = _SCALES[sm.group(0).strip().lower()]
    return dataclasses.replace(f, value=f.value * k, low=f.low * k, high=f.high * k)


def _stated(text: str, figures: Sequence[Figure] | None = None) -> _Stated:
    figs: list[Figure] = list(figures) if figures is not None else []
    if figures is None and _ANY_NUMBER.search(text):
        try:
            figs = find_numbers(text)
        except Exception:  # a figure reader that trips on odd input must not stop the alignment
            figs = []
    by_kind: dict[str, list[Figure]] = {}
    for f in figs:
        kind = _kind(f, text)
        if kind is not None:
            by_kind.setdefault(kind, []).append(_scaled(f, text) if kind in _CURRENCIES else f)
    folded = fold(text)
    days = frozenset(_WEEKDAYS[m.group(0)] for m in _WEEKDAY.finditer(folded)
                     if not _SAID_BEFORE.search(folded[max(0, m.start() - 60): m.start()]))
    contrast = bool(_CONTRAST.search(folded))
    disputes = bool(by_kind) and (bool(_DISPUTE.search(folded)) or contrast and any(
        not compatible(x, y) for fs in by_kind.values() for x in fs for y in fs))
    return _Stated(by_kind, contrast, days, disputes)


def _figures_clash(a: _Stated, b: _Stated, same_language: bool = True) -> bool:
    """Do two sentences give figures for one counted thing that cannot both be true?

    "three dead" / "two dead": yes.  "at least 144 dead" / "more than 140 died": no, the
    qualifiers let both be true.  "two dead, contradicting ... three" / "three dead": yes, a
    sentence that sets a figure against another is not the same fact as one that gives
    only one of them, or none.  Figures of different things (dead / injured) never clash.
    """
    # (across languages a sentence without figures may only hold figures the reader cannot read)
    if same_language and (a.disputes or b.disputes) and not a.figures.keys() & b.figures.keys():
        return True  # "87 votes, not the 212" is not the fact of a report that gives no margin
    for kind in a.figures.keys() & b.figures.keys():
        fa, fb = a.figures[kind], b.figures[kind]
        matched_a = [any(compatible(x, y) for y in fb) for x in fa]
        if not any(matched_a):
            return True
        matched_b = [any(compatible(y, x) for x in fa) for y in fb]
        if (a.contrast and not all(matched_a)) or (b.contrast and not all(matched_b)):
            return True
    return False


def _days_clash(a: _Stated, b: _Stated, text_a: str, text_b: str) -> bool:
    """Do two sentences tell of different days ("on Monday" / "on Tuesday")?

    Weekdays that date the report ("said on Thursday") do not count.  Two sentences in
    nearly the same words are left to the date conflict: one fact, perhaps misdated.
    """
    if not a.days or not b.days or a.days & b.days:
        return False
    return fuzz.token_sort_ratio(fold(text_a), fold(text_b)) < SAME_WORDING


def contradicts(text_a: str, text_b: str) -> bool:
    """Can two sentences not be one fact, because what they state cannot both be true?

    True when their figures for one counted thing clash (see above), or when they tell
    of different weekdays.  Sentences without figures or days never contradict, except a
    sentence that disputes a figure ("90 votes, not 240") and one that gives none.
    """
    a, b = _stated(text_a), _stated(text_b)
    return _figures_clash(a, b) or _days_clash(a, b, text_a, text_b)


# --- scoring pairs without an n-by-n matrix -------------------------------------------------------

DENSE_N = 1500     # up to this many sentences every pair is scored (one dense matrix, exact)
NEIGHBOURS = 30    # above it, each sentence is scored against its NEIGHBOURS nearest sentences by words
_ROW_CHUNK = 512   # rows of the word-similarity block computed at once when looking for neighbours
_PAIR_CHUNK = 8192  # pairs whose character similarity is computed at once


def _row_dots(x, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Dot products of the row pairs (rows[k], cols[k]) of a dense or CSR matrix."""
    out = np.zeros(len(rows), dtype=np.float32)
    for k in range(0, len(rows), _PAIR_CHUNK):
        r, c = rows[k: k + _PAIR_CHUNK], cols[k: k + _PAIR_CHUNK]
        if isinstance(x, np.ndarray):
            out[k: k + len(r)] = np.einsum("ij,ij->i", x[r], x[c])
        else:
            out[k: k + len(r)] = np.asarray(x[r].multiply(x[c]).sum(axis=1)).ravel()
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
        self._keys = np.zeros(0, dtype=np.int64)   # raised pairs: i * n + j with i < j, sorted
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
            return np.array([self._one(int(i), int(j)) for i, j in zip(rows, cols)], dtype=np.float32)
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
        self._raised = dict(zip(self._keys.tolist(), self._vals.tolist()))

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


def _candidate_pairs(texts: Sequence[str], art_index: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                          PairScores]:
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


def _mutual(rows: np.ndarray, cols: np.ndarray, score: np.ndarray, art_index: np.ndarray, n_arts: int,
            lo: float, hi: float, *, one_sided: bool = False) -> np.ndarray:
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


def _vetoes(texts: Sequence[str], stated: Sequence[_Stated], rows: np.ndarray, cols: np.ndarray,
            langs: Sequence[str]) -> np.ndarray:
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
        if _figures_clash(a, b, same_language) or _days_clash(a, b, texts[i], texts[j]):
            veto[k] = True
    return veto


def align_sentences(
    sentences: Sequence[Sentence],
    languages: dict[str, str | None] | None = None,
    embedder: Encoder | None = None,
    *,
    link: float = LINK,
    grey: float = GREY,
    copy_of: dict[str, int] | None = None,
    speakers: Sequence[str | None] | None = None,
    figures: Sequence[Sequence[Figure]] | None = None,
    references: dict[str, str | None] | None = None,
) -> tuple[list[Aligned], PairScores]:
    """Group sentences of different articles that state the same fact.

    Two sentences are linked when their lexical similarity reaches ``link``; or when they
    are each other's best match between their two articles and reach ``MUTUAL_LINK``;
    or, with an embedder, when a grey-zone mutual pair (or a cross-language pair) is
    confirmed by the embedding; but never when they contradict each other (figures for one
    counted thing that cannot both be true, different days: see :func:`contradicts`), and
    never into a group holding a sentence they contradict.  ``speakers`` (one key per
    sentence, or None) lets two weak mutual matches credited to the same party link on less
    shared wording.  ``copy_of`` maps article ids to their copy group: copies in one language
    align lexically, so their pairs are never sent to the embedding.  ``figures`` (one list
    per sentence, from :func:`crosswire.numbers.find_numbers`) saves reading them again;
    ``references`` (article id -> YYYY-MM-DD) resolves relative dates ("on Wednesday") so two
    wordings of one day count as a shared date.

    Only candidate pairs are scored (all pairs of a story up to ``DENSE_N`` sentences, each
    sentence's ``NEIGHBOURS`` nearest by words above it), so time and memory grow about
    linearly with the story.

    Returns the groups (every sentence is in exactly one, singletons included) and the
    pair scores (lexical, raised where a link was confirmed; reused by the caller).
    """
    n = len(sentences)
    texts = [s.text for s in sentences]
    art_ids = list(dict.fromkeys(s.article for s in sentences))
    art_pos = {a: k for k, a in enumerate(art_ids)}
    art_index = np.array([art_pos[s.article] for s in sentences], dtype=np.int64)
    rows, cols, lex, scores = _candidate_pairs(texts, art_index)
    langs = [(languages or {}).get(s.article) or "" for s in sentences]
    stated = [_stated(t, figures[k] if figures is not None else None) for k, t in enumerate(texts)]
    veto = _vetoes(texts, stated, rows, cols, langs) & (lex >= 0.02)
    score = lex.copy()
    score[veto] = 0.0  # no path links them: not lexical, not mutual best, not the embedding
    n_arts = len(art_ids)
    strong = _mutual(rows, cols, score, art_index, n_arts, MUTUAL_LINK, link)
    score[strong] = link + score[strong] * 0.02  # mutual best matches with good lexical overlap
    # weaker mutual matches that share several ordinary words, not just names ("no information ...
    # link to Ukraine" / "no information ... connection ... Ukraine"); or, weaker still, a date or
    # figure, a name and a good part of their ordinary words ("the defence ministers held rare phone
    # talks on Wednesday" / "the defense ministers spoke by phone on April 3 in a rare call")
    evidence = _Evidence(texts, sentences, stated, references or {})
    score, half = _weak_links(evidence, rows, cols, score, veto, art_index, n_arts, link, speakers)
    if embedder is not None and len(rows):
        score = _embed_boost(texts, rows, cols, art_index, n_arts, np.array(langs, dtype=object),
                             copy_of or {}, sentences, embedder, score, link, grey)
    raised = score > lex
    scores.raise_pairs(rows[raised], cols[raised], score[raised])
    return _cluster(n, rows, cols, score, veto, art_index, scores, link, half, evidence), scores


def _names(text: str) -> set[str]:
    """Folded words of the proper names of a sentence, without weekdays and months."""
    from .timeline import find_dates

    dated = {fold(w) for d in find_dates(text, None) for w in text[d.start: d.end].split()}
    out = set()
    for name in names(text):
        for w in fold(name).split():
            if len(w) >= 3 and w not in STOPWORDS and w not in _WEEKDAYS and w not in dated:
                out.add(w)
    return out


def _share_name(a: set[str], b: set[str]) -> bool:
    """Do two sets of name words share one, allowing other spellings ("shoigu" / "choigu")?"""
    if a & b:
        return True
    return any(fuzz.ratio(x, y) >= 80 for x in a for y in b if abs(len(x) - len(y)) <= 2)


# a quotation opened and closed by any double quotation marks (house styles mix them: “war of aggression")
_QUOTED = re.compile(r'[“"«„]([^“”"«»„]{3,300})[”"»“]')


def _quoted_pairs(text: str) -> set[str]:
    """Consecutive ordinary words inside quotation marks: what a report quotes word for word.

    Two reports quoting one statement share its words ("increased exchanges", "war of
    aggression" -> "war aggression"), however they word the rest of the sentence.
    """
    out = set()
    for m in _QUOTED.finditer(text):
        ws = [w for w in re.findall(r"[^\W\d_]+", fold(m.group(1))) if w not in STOPWORDS and len(w) >= 3]
        out.update(f"q={a} {b}" for a, b in zip(ws, ws[1:]))
    return out


def _anchors(text: str, stated: _Stated, reference: str | None) -> set[str]:
    """What a sentence pins down: its dates (resolved against ``reference``), its figures and
    the words it quotes."""
    from .timeline import find_dates

    out = {d.date for d in find_dates(text, reference)}
    out |= {f"{kind}={f.value:g}" for kind, fs in stated.figures.items() for f in fs}
    return out | _quoted_pairs(text)


def _is_detail(anchor: str) -> bool:
    """Is an anchor a detail of a fact: a figure or a quotation?  Dates are not: most sentences
    of a story share its day, and a month or a year is often the background of several facts."""
    return not anchor[:1].isdigit()


_COMPOUND_TAIL = 5  # a word ending in another ordinary word of at least this many letters counts as it


def _ends_with_word(x: str, y: str) -> bool:
    """Is one of two words the other with something before it ("telephone" / "phone")?"""
    short, long = sorted((x, y), key=len)
    return len(short) >= _COMPOUND_TAIL and len(long) > len(short) and long.endswith(short)


class _Evidence:
    """What two sentences share besides word similarity, read once per sentence on demand."""

    def __init__(self, texts, sentences, stated, references) -> None:
        self.texts, self.sentences, self.stated, self.references = texts, sentences, stated, references
        self._stems: dict[int, set[str]] = {}
        self._names: dict[int, set[str]] = {}
        self._anchors: dict[int, set[str]] = {}
        self._may_detail: dict[int, bool] = {}

    def stems(self, x: int) -> set[str]:
        if x not in self._stems:
            self._stems[x] = _common_stems(self.texts[x])
        return self._stems[x]

    def names(self, x: int) -> set[str]:
        if x not in self._names:
            self._names[x] = _names(self.texts[x])
        return self._names[x]

    def anchors(self, x: int) -> set[str]:
        if x not in self._anchors:
            self._anchors[x] = _anchors(self.texts[x], self.stated[x],
                                        self.references.get(self.sentences[x].article))
        return self._anchors[x]

    def shared(self, i: int, j: int) -> int:
        """How many ordinary words two sentences share, a compound counting as the word it ends
        with ("telephone" / "phone", "videoconference" / "conference")."""
        a, b = self.stems(i), self.stems(j)
        return len(a & b) + sum(any(_ends_with_word(x, y) for y in b - a) for x in a - b)

    def anchored(self, i: int, j: int, shared: int | None = None) -> bool:
        """A shared date, figure or quotation, a shared name, and ``MUTUAL_WORDS`` shared ordinary
        words making at least ``ANCHOR_SHARE`` of the shorter sentence's."""
        if shared is None:
            shared = self.shared(i, j)
        if shared < MUTUAL_WORDS or shared < ANCHOR_SHARE * min(len(self.stems(i)), len(self.stems(j))):
            return False
        return _share_name(self.names(i), self.names(j)) and bool(self.anchors(i) & self.anchors(j))

    def same_detail(self, i: int, j: int) -> bool:
        """Do two sentences give the same detail (see :func:`_is_detail`), with a name and two
        ordinary words in common?  "The one-hour talks ... came as France prepares the Games" /
        "This one-hour conversation was held at France's request": the second states the first's
        detail among other things, which is enough to cite it as support, not to make it the same
        fact."""
        if not (self.may_detail(i) and self.may_detail(j)) or not self.consistent(i, j):
            return False
        return any(_is_detail(a) for a in self.anchors(i) & self.anchors(j))

    def may_detail(self, x: int) -> bool:
        """Can a sentence hold a detail at all (a figure or a quotation)?  A quick test."""
        if x not in self._may_detail:
            t = self.texts[x]
            self._may_detail[x] = bool(_ANY_NUMBER.search(t)) or any(q in t for q in '"“«„')
        return self._may_detail[x]

    def consistent(self, i: int, j: int) -> bool:
        """Do two sentences pin down the same things: a date, figure or quotation, a name and two
        ordinary words?  Not enough to link them; enough for two groups linked by a stronger pair
        to hold together although their other sentences are worded apart."""
        return (self.shared(i, j) >= 2 and _share_name(self.names(i), self.names(j))
                and bool(self.anchors(i) & self.anchors(j)))


def _weak_links(evidence: _Evidence, rows, cols, score, veto, art_index, n_arts, link, speakers) -> np.ndarray:
    """Link the mutual best matches below ``MUTUAL_LINK`` that share enough content.

    Two kinds of evidence, checked on pairs that are each other's best match between their
    articles: at least ``MUTUAL_WORDS`` shared ordinary words (two fewer when one party is
    credited with both) from ``MUTUAL_WEAK`` up; or, from ``ANCHOR_LOW`` up, a shared date,
    figure or quotation, a shared name and enough shared ordinary words
    (:meth:`_Evidence.anchored`).  A pair with the second kind of evidence counts
    ``ANCHOR_BONUS`` more when finding best matches, so it wins over a pair that only shares
    a few words.  Names and dates are read only for the pairs that get that far.
    """
    none = np.zeros((0, 2), dtype=np.int64)
    zone = np.nonzero((score >= ANCHOR_LOW) & (score < MUTUAL_LINK) & ~veto)[0]
    if not len(zone):
        return score, none
    weak_ok = np.zeros(len(score), dtype=bool)
    anchored = np.zeros(len(score), dtype=bool)
    detail = np.zeros(len(score), dtype=bool)  # anchored, or only the same figure or quotation
    for k in zone.tolist():
        i, j = int(rows[k]), int(cols[k])
        shared = evidence.shared(i, j)
        same_speaker = speakers is not None and speakers[i] is not None and speakers[i] == speakers[j]
        weak_ok[k] = score[k] >= MUTUAL_WEAK and shared >= (MUTUAL_WORDS - 2 if same_speaker else MUTUAL_WORDS)
        anchored[k] = evidence.anchored(i, j, shared)
        detail[k] = anchored[k] or evidence.same_detail(i, j)
    if not (weak_ok.any() or detail.any()):
        return score, none
    ranked = score + np.where(detail, ANCHOR_BONUS, 0.0).astype(np.float32)
    mutual = _mutual(rows, cols, ranked, art_index, n_arts, ANCHOR_LOW, MUTUAL_LINK + ANCHOR_BONUS)
    out = score.copy()
    hit = mutual & (weak_ok | anchored)
    out[hit] = link + score[hit] * 0.01
    # one-sided best matches with the same evidence: the second sentence states the first's fact,
    # most likely among other things (it is already the best match of another sentence)
    half = []
    one_sided = np.nonzero((weak_ok | detail) & ~hit)[0]
    if len(one_sided):
        best_of_row = _mutual(rows, cols, ranked, art_index, n_arts, ANCHOR_LOW, MUTUAL_LINK + ANCHOR_BONUS,
                              one_sided=True)
        best_of_col = _mutual(cols, rows, ranked, art_index, n_arts, ANCHOR_LOW, MUTUAL_LINK + ANCHOR_BONUS,
                              one_sided=True)
        for k in one_sided.tolist():
            i, j = int(rows[k]), int(cols[k])
            if mutual[k]:  # each the other's best: the shorter one's fact is the one both state
                half.append((i, j) if len(evidence.stems(i)) <= len(evidence.stems(j)) else (j, i))
                continue
            if best_of_row[k]:
                half.append((i, j))
            if best_of_col[k]:
                half.append((j, i))
    return out, np.array(half, dtype=np.int64).reshape(-1, 2)


def _cluster(n: int, rows: np.ndarray, cols: np.ndarray, score: np.ndarray, veto: np.ndarray,
             art_index: np.ndarray, scores: PairScores, link: float, half: np.ndarray,
             evidence: _Evidence) -> list[Aligned]:
    """Greedy clustering from the strongest pair down, one sentence per article per group.

    A merge is refused when the merged group would hold two sentences that contradict each
    other, or when the two groups do not hold together (no chaining): on average by words, or
    with most of their pairs pinning down the same things (:meth:`_Evidence.consistent`:
    reports that word one fact apart still give its day, its names and a few of its words).  Then a
    sentence linked to a group it could not join (its article is there already), and the
    second sentence of a ``half`` pair (x, y: y states x's fact), support the group: they are
    cited with it, on the same two conditions.
    """
    vetoed: dict[int, set[int]] = {}
    for k in np.nonzero(veto)[0].tolist():
        i, j = int(rows[k]), int(cols[k])
        vetoed.setdefault(i, set()).add(j)
        vetoed.setdefault(j, set()).add(i)

    def holds(a: list[int], b: list[int], linked: tuple[int, int] | None = None) -> bool:
        """No contradiction between the two sets, and they hold together on average (no chaining)."""
        if vetoed:
            other = set(b)
            if any(vetoed.get(m, set()) & other for m in a):
                return False
        block = scores[np.ix_(a, b)]
        if linked is not None:  # a pair known to state one fact counts as linked
            block[a.index(linked[0]), b.index(linked[1])] = max(link, block[a.index(linked[0]), b.index(linked[1])])
        if float(block.mean()) >= link * 0.75:
            return True
        # most pairs pin down the same things; the pair known to be linked does not vote for itself
        agree = sum((p, q) != linked and (block[x, y] >= link or (
                    block[x, y] >= ANCHOR_LOW and evidence.consistent(p, q)))
                    for x, p in enumerate(a) for y, q in enumerate(b))
        return 2 * agree >= block.size - (linked is not None)

    strong = np.nonzero(score >= link)[0]
    order = strong[np.argsort(-score[strong], kind="stable")]
    cluster = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    cl_arts: dict[int, set[int]] = {i: {int(art_index[i])} for i in range(n)}
    links: dict[int, list[float]] = {i: [] for i in range(n)}
    crowded: list[int] = []  # links refused because both groups hold a sentence of one article
    for k in order.tolist():
        i, j = int(rows[k]), int(cols[k])
        a, b = cluster[i], cluster[j]
        if a == b:
            continue
        if cl_arts[a] & cl_arts[b]:
            crowded.append(k)
            continue
        if not holds(members[a], members[b]):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for m in members[b]:
            cluster[m] = a
        members[a].extend(members.pop(b))
        cl_arts[a] |= cl_arts.pop(b)
        links[a].extend(links.pop(b) + [float(score[k])])
    # a sentence linked to a group it could not join (its article is in the group already, by another
    # sentence, or its own group holds one of the group's articles) still states the group's fact
    support: dict[int, list[int]] = {}
    via: list[tuple[int, int]] = []  # (supporting sentence, the member it states the fact of)
    pairs = [(int(rows[k]), int(cols[k])) for k in crowded]
    pairs = [p for x, y in pairs for p in ((x, y), (y, x))] + [(int(x), int(y)) for x, y in half]
    for x, y in pairs:
        c = cluster[x]
        if cluster[y] == c or int(art_index[y]) in cl_arts[c]:
            continue
        if any(int(art_index[y]) == int(art_index[s]) for s in support.get(c, [])):
            continue
        if holds([y], members[c], (y, x)):
            support.setdefault(c, []).append(y)
            via.append((y, x))
    # the other wordings of a supporting sentence's own fact support the group too, when they carry
    # the detail that made it a supporter: "their first contact since October 2022" supports "the first
    # call since October 2022"; so do "a first since October 2022" and its translation, said in leads
    # that are one fact with it (about the call), but not a lead that gives no such date
    for y, x in via:
        c = cluster[x]
        detail = evidence.anchors(y) & evidence.anchors(x)
        words = evidence.stems(y) & evidence.stems(x)
        if not detail:
            continue
        for z in members[cluster[y]]:
            taken = cl_arts[c] | {int(art_index[s]) for s in support[c]}
            if int(art_index[z]) in taken or z in vetoed.get(x, ()):
                continue
            if detail <= evidence.anchors(z) and words & evidence.stems(z):
                support[c].append(z)
    out = [Aligned(sorted(ms), float(np.mean(links[c])) if links[c] else 1.0, sorted(support.get(c, [])))
           for c, ms in members.items()]
    out.sort(key=lambda g: g.members[0])
    return out


def _embed_boost(texts, rows, cols, art_index, n_arts, langs, copy_of, sentences, embedder, score, link,
                 grey) -> np.ndarray:
    """Raise the score of grey-zone and cross-language pairs that the embedding confirms.

    Candidates are pairs of sentences from two articles that are not copies of each other in
    one language, each other's best match between the two articles, and either in the grey zone
    (``grey`` <= lexical < ``link``) or in different languages (where lexical overlap
    says little).  At most ``MAX_EMBED`` sentences are encoded: cross-language pairs first,
    then best lexical pairs first.
    """
    groups = np.array([copy_of.get(s.article, -1 - int(art_index[k])) for k, s in enumerate(sentences)])
    mask = _mutual(rows, cols, score, art_index, n_arts, grey, link)
    budget = MAX_EMBED_SAME
    if len(set(langs.tolist()) - {""}) > 1:  # translations: any mutual pair, however low
        budget = MAX_EMBED
        cross = _mutual(rows, cols, score, art_index, n_arts, 0.02, link)
        mask |= cross & (langs[rows] != langs[cols]) & (langs[rows] != "") & (langs[cols] != "")
    # copies in one language align lexically; a translation's sentences need the embedding
    mask &= (groups[rows] != groups[cols]) | (langs[rows] != langs[cols])
    cand = np.nonzero(mask)[0]
    if not len(cand) or budget <= 0:
        return score
    # cross-language pairs first (lexical overlap cannot link them), then the best lexical pairs
    same_lang = (langs[rows[cand]] == langs[cols[cand]]).astype(np.float32)
    cand = cand[np.lexsort((-score[cand], same_lang))]
    need: dict[int, int] = {}
    kept: list[int] = []
    for k in cand.tolist():
        add = [x for x in (int(rows[k]), int(cols[k])) if x not in need]
        if len(need) + len(add) > budget:
            continue
        for x in add:
            need[x] = len(need)
        kept.append(k)
    if not kept:
        return score
    order = list(need)
    try:
        vecs = embedder.encode([texts[i] for i in order])
    except Exception:  # a broken model must not break the stage
        vecs = None
    if vecs is None or len(vecs) != len(order):
        return score
    out = score.copy()
    for k in kept:
        i, j = int(rows[k]), int(cols[k])
        cos = float(vecs[need[i]] @ vecs[need[j]])
        threshold = EMBED_LINK_CROSS if langs[i] != langs[j] else EMBED_LINK
        if cos >= threshold:  # (measured from the threshold applied, so a confirmed pair reaches ``link``)
            out[k] = max(float(out[k]), link + (cos - threshold) * 0.1)
    return out
