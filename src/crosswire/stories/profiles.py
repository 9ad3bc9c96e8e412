"""What the story clusterer knows of articles and stories: words, TF-IDF vectors, fingerprints, profiles."""

from __future__ import annotations

import heapq
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from typing import Any

import numpy as np

from crosswire.model import Article, Story
from crosswire.text.langid import FUNCTION_WORDS

__all__ = ["StoryParams", "StoryProfile", "StoryIndex", "StoriesResult"]

# ---------------------------------------------------------------------------
# Words

_TOKEN = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*", re.UNICODE)

_STOP = FUNCTION_WORDS  # function words of a few languages: dropped from profiles, and guess a language
ALL_STOP: frozenset[str] = frozenset().union(*_STOP.values())


_SPACED_HINT = re.compile(r"\d[ \u00a0\u202f]\d\d\d")
_SPACED_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)")


def story_words(text: str) -> list[str]:
    """The lower-cased words of a text; a figure grouped by spaces ("1 240") is one word."""
    low = text.lower()
    if _SPACED_HINT.search(low):
        low = _SPACED_FIGURE.sub(lambda m: re.sub(r"\D", "", m.group(0)), low)
    return _TOKEN.findall(low)


def guess_language(text: str) -> str | None:
    """A cheap language guess from function words; ``None`` when unsure."""
    return _language_of(Counter(_TOKEN.findall(text[:2000].lower())))


# ---------------------------------------------------------------------------
# Parameters and state


@dataclass(slots=True, frozen=True)
class StoryParams:
    """Settings of the story clustering (the defaults are the shipped ones)."""

    join: float = 0.19  # mean cosine of an article with a story's members to join it
    cross_join: float = 0.86  # embedding cosine of leads to join a story in another language
    window_days: int = 7  # a story closes after this many days without a new article
    profile_terms: int = 400  # terms kept in a story profile (the sum of its members' vectors)
    article_terms: int = 200  # strongest terms of an article used in the comparison
    common_share: float = 0.05  # terms in more than this share of the documents seen ...
    common_floor: int = 50  # ... and in more than this many documents carry no story signal
    rare_share: float = 0.01  # terms in at most this share of the documents seen ...
    rare_floor: int = 20  # ... or at most this many retrieve the candidate stories of an article
    query_terms: int = 20  # strongest rare terms of an article that retrieve candidates
    max_candidates: int = 15  # candidate stories scored exactly per article
    refine_passes: int = 1  # reassignment passes over the batch after the single pass
    join_mutual: float = 0.13  # the bar for an article and a story that are each other's best match
    block: int = 256  # articles scored together against the profiles
    cross_candidates: int = 5  # stories in other languages checked with the embedding
    cross_min_words: int = 40  # only an article this long, whose language is sure, is checked across languages
    cross_names: int = 2  # without the embedding: names shared with a story in another language ...
    cross_figures: int = 2  # ... and distinctive figures or dates shared with it, to join it
    title_weight: float = 2.0  # a title word counts as this many body occurrences
    name_weight: float = 1.5  # capitalised words inside sentences (names) weigh more
    shingle: int = 4  # content-word n-gram of copy fingerprints
    fingerprint_rate: int = 8  # about one n-gram in this many is kept as a fingerprint
    fingerprints: int = 64  # at most this many fingerprints per article
    copy_matches: int = 3  # an article sharing this many fingerprints ...
    copy_share: float = 0.4  # ... and this share of its own with one story is a copy there
    noise_min_words: int = 12  # shorter texts are never articles
    noise_repeats: int = 3  # an opening seen this often across the stream is suspect


@dataclass(slots=True)
class StoryProfile:
    """What the index remembers of one story: compact, independent of its text."""

    id: str
    num: int = 0  # position in StoryIndex.profiles
    terms: dict[int, float] = field(default_factory=dict)  # summed member vectors by vocabulary column, capped
    size: int = 0  # articles whose vectors are summed in ``terms``
    articles: list[str] = field(default_factory=list)
    roots: set[str] = field(default_factory=set)  # articles that are not copies of another
    headline: str | None = None
    headline_language: str | None = None  # language of the report that gave the headline
    outlets: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    days: Counter = field(default_factory=Counter)  # proleptic ordinal -> articles of that day
    lead: str = ""  # title + first sentences of the first article, for the embedding
    lead_vec: Any = None  # np.ndarray once computed
    live: bool = True

    @property
    def language(self) -> str | None:
        return self.languages.most_common(1)[0][0] if self.languages else None

    @property
    def first_day(self) -> int | None:
        return min(self.days) if self.days else None

    @property
    def last_day(self) -> int | None:
        return max(self.days) if self.days else None


@dataclass
class StoryIndex:
    """Everything a later batch needs to join earlier stories.

    Memory grows linearly with the stream: a capped profile per story (also
    kept as one sparse row each), a few fingerprints per article, one
    document-frequency counter and the vocabulary.
    """

    params: StoryParams = field(default_factory=StoryParams)
    df: Counter = field(default_factory=Counter)
    n_docs: int = 0
    stories: dict[str, StoryProfile] = field(default_factory=dict)  # story id -> profile
    profiles: list[StoryProfile | None] = field(default_factory=list)  # by number; None once emptied
    vocab: dict[str, int] = field(default_factory=dict)
    chunks: list[Any] = field(default_factory=list)  # sparse profile rows
    row_story: list[int] = field(default_factory=list)  # profile row -> story number
    cur_row: list[int] = field(default_factory=list)  # story number -> its live row, -1 if closed
    n_rows: int = 0
    lang_codes: dict[str, int] = field(default_factory=dict)
    fingerprints: dict[int, int] = field(default_factory=dict)  # min-hash -> story number
    openings: Counter = field(default_factory=Counter)  # opening hash -> count
    next_id: int = 1
    latest_day: int | None = None

    def profile(self, num: int) -> StoryProfile:
        """The profile of story number ``num``, which must not have been emptied."""
        pr = self.profiles[num]
        if pr is None:
            raise LookupError(f"story number {num} has no profile any more (emptied)")
        return pr

    def new_story_id(self) -> str:
        sid = f"s{self.next_id}"
        self.next_id += 1
        return sid

    def idf(self, term: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def common(self) -> float:
        """Document frequency above which a term is too common to tell stories apart."""
        p = self.params
        return max(p.common_share * self.n_docs, float(p.common_floor))


@dataclass
class StoriesResult:
    """The stories of one batch.

    ``stories`` are the stories that received an article of this batch (with all
    their members, earlier batches included), ranked by independent sources.
    ``noise`` lists the ids of pages recognised as non-articles; in
    ``assignments`` they carry their own story id ``"noise:<id>"``.
    """

    stories: list[Story]
    noise: list[str]
    assignments: list[tuple[str, str]]
    state: StoryIndex


# ---------------------------------------------------------------------------
# Features of one article


@dataclass(slots=True)
class Doc:
    article: Article
    counts: dict[str, float]  # weighted term counts
    language: str | None
    day: int | None
    prints: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # content words, for the copy fingerprints
    anchors: dict[str, int] = field(default_factory=dict)  # term -> NAME, FIGURE or DATE
    sure_language: bool = False  # long enough, and its function words agree with ``language``

    @property
    def story_language(self) -> str | None:
        """The language this article counts for in its story: only a sure one (a tweet or a
        cookie notice misread as foreign must not make an English story foreign)."""
        return self.language if self.sure_language else None

    @property
    def lead(self) -> str:
        """Title and first sentences, for the embedding (built only when asked for)."""
        return _lead(self.article)


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def _lead(article: Article, sentences: int = 2, limit: int = 400) -> str:
    text = " ".join((article.text or "")[: limit * 3].split())
    parts = re.split(r"(?<=[.!?])\s+", text[: limit * 2])
    body = " ".join(parts[:sentences])
    lead = f"{article.title}. {body}" if article.title else body
    return lead[:limit]


NAME, FIGURE, DATE = 1, 2, 3  # kinds of anchor terms: what reports of one event share across languages

# fmt: off
_MONTH_NAMES = (
    "january janvier januar jänner enero gennaio janeiro styczeń",
    "february février februar febrero febbraio fevereiro luty",
    "march mars märz marzo março marzec",
    "april avril abril aprile kwiecień",
    "may mai mayo maggio maio maj",
    "june juin juni junio giugno junho czerwiec",
    "july juillet juli julio luglio julho lipiec",
    "august août agosto sierpień",
    "september septembre septiembre settembre setembro wrzesień",
    "october octobre oktober octubre ottobre outubro październik",
    "november novembre noviembre novembro listopad",
    "december décembre dezember diciembre dicembre dezembro grudzień",
)
# fmt: on
_MONTHS: dict[str, int] = {word: k for k, words in enumerate(_MONTH_NAMES, start=1) for word in words.split()}
_DAY = re.compile(r"([0-3]?\d)(?:er|st|nd|rd|th)?")
_GROUPED = re.compile(r"^\d{1,3}(?:[.,’']\d{3})+$")


def _figure(token: str) -> str:
    """One spelling per number: thousands separators dropped, a decimal comma made a point."""
    if _GROUPED.match(token):
        return re.sub(r"\D", "", token)
    return token.replace(",", ".")


def _date_terms(toks: list[str], months: Iterable[str] | None = None) -> list[str]:
    """Day-and-month mentions in any of a few languages, as language-free terms (``"@03-16"``).

    ``toks`` are the lower-cased words: "10. März", "3 avril", "16 de marzo",
    "March 16th" all give ``@03-xx``; "March 2026" gives nothing.  ``months``
    are the month names among ``toks`` when already known.
    """
    out = []
    n = len(toks)
    for word in sorted(months if months is not None else _MONTHS.keys() & set(toks)):  # a fixed order
        month, k = _MONTHS[word], -1
        while True:
            try:
                k = toks.index(word, k + 1)
            except ValueError:
                break
            before = k - 2 if k >= 2 and toks[k - 1] == "de" else k - 1
            for j in (before, k + 1):
                m = _DAY.fullmatch(toks[j]) if 0 <= j < n else None
                if m and 1 <= int(m.group(1)) <= 31:
                    out.append(f"@{month:02d}-{int(m.group(1)):02d}")
                    break
    return out


# the capital comes first so that the engine skips to capitals fast; the look-behind then checks the word before
_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω](?<=[\w,;:] .)[^\W_]*(?:[-'’][^\W_]+)*")
_NAME_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω]")


_LANGS = tuple(_STOP)
_STOP_LANGS: dict[str, tuple[int, ...]] = {
    w: tuple(k for k, lang in enumerate(_LANGS) if w in _STOP[lang]) for w in ALL_STOP
}


def _language_of(counts: Counter) -> str | None:
    hits = [0] * len(_LANGS)
    for w, c in counts.items():
        for k in _STOP_LANGS.get(w, ()):
            hits[k] += c
    return _language_from_hits(hits, sum(counts.values()))


def _language_from_hits(hits: list[int], n: int) -> str | None:
    """The language with the most function-word tokens, when they are a fair share of the ``n`` tokens."""
    if n < 5:
        return None
    best, best_n = None, 0
    for k, c in enumerate(hits):
        if c > best_n:
            best, best_n = _LANGS[k], c
    return best if best_n >= max(2, 0.05 * n) else None


def make_doc(article: Article, params: StoryParams, *, max_words: int = 800, toks: list[str] | None = None) -> Doc:
    """Weighted term counts, language, day, lead and copy fingerprints of one article."""
    text = article.text or ""
    if toks is None:
        toks = story_words(text)
    raw = Counter(toks)
    counts: dict[str, float] = {}
    hits = [0] * len(_LANGS)
    stop_langs = _STOP_LANGS
    for t, c in raw.items():
        langs = stop_langs.get(t)
        if langs is not None:
            for k in langs:
                hits[k] += c
        elif len(t) > 1 or t.isdigit():
            if t[0].isdigit() and ("," in t or "." in t):
                t = _figure(t)
            counts[t] = counts.get(t, 0) + c
    guessed = _language_from_hits(hits, len(toks))
    language = article.language or guessed
    sure = language is not None and len(toks) >= params.cross_min_words and guessed in (None, language)
    anchors: dict[str, int] = {t: FIGURE for t in counts if t[0].isdigit() and _distinctive_figure(t)}
    months = _MONTHS.keys() & raw.keys()
    if months:
        for t in _date_terms(toks, months):
            counts[t] = counts.get(t, 0) + 1
            anchors[t] = DATE
    if params.name_weight != 1.0 and not text.islower():
        # capitalised words inside a sentence are names: in every cased script they weigh more
        names = Counter(m.lower() for m in _NAME.findall(text) if _NAME_UPPER.match(m))
        for t, c in names.items():
            if t in counts:
                counts[t] += (params.name_weight - 1.0) * c
                if len(t) > 2:
                    anchors[t] = NAME
    if article.title:
        for tok in _TOKEN.findall(article.title.lower()):
            if tok not in ALL_STOP and (len(tok) > 1 or tok.isdigit()):
                counts[tok] = counts.get(tok, 0.0) + params.title_weight
    words = [t for t in toks[: max_words * 2] if t not in ALL_STOP][:max_words]
    return Doc(article, counts, language, _day(article.published), words=words, anchors=anchors, sure_language=sure)


def _distinctive_figure(token: str) -> bool:
    """A figure that can tie two reports together: three significant digits or more, and not a year."""
    digits = token.replace(".", "")
    significant = digits.lstrip("0")
    if not digits.isdigit() or len(significant) < 3 or len(significant.rstrip("0")) < 2:
        return False
    return not (token.isdigit() and len(token) == 4 and 1800 <= int(token) <= 2100)


def doc_vector(
    doc: Doc, index: StoryIndex, limit: int, idf: dict[str, float] | None = None, common: float = math.inf
) -> dict[str, float]:
    """Sublinear TF-IDF of the doc without too-common terms, its top ``limit`` terms, L2-normalised."""
    cache = idf if idf is not None else {}
    df = index.df
    weights: dict[str, float] = {}
    for t, c in doc.counts.items():
        w = cache.get(t)
        if w is None:
            w = cache[t] = 0.0 if df.get(t, 0) > common else index.idf(t)
        if w > 0.0:
            weights[t] = (1.0 + math.log(c)) * w if c >= 1 else c * w
    if len(weights) > limit:
        weights = dict(heapq.nlargest(limit, weights.items(), key=lambda kv: kv[1]))
    norm = math.sqrt(sum(w * w for w in weights.values()))
    if norm == 0:
        return {}
    return {t: w / norm for t, w in weights.items()}


def doc_vectors(docs: list[Doc], index: StoryIndex, limit: int, common: float) -> list[dict[int, float]]:
    """:func:`doc_vector` of many docs at once, keyed by vocabulary column (new terms join ``index.vocab``).

    Vectorised over the whole batch: one pass of NumPy over all (doc, term)
    counts instead of a Python loop per term.
    """
    out: list[dict[int, float]] = [{} for _ in docs]
    lengths = np.fromiter((len(d.counts) for d in docs), dtype=np.int64, count=len(docs))
    total = int(lengths.sum())
    if total == 0:
        return out
    terms = list(chain.from_iterable(d.counts for d in docs))
    counts = np.fromiter(chain.from_iterable(d.counts.values() for d in docs), dtype=np.float64, count=total)
    df = index.df
    weight_of = {t: (0.0 if df.get(t, 0) > common else index.idf(t)) for t in set(terms)}
    w = np.fromiter(map(weight_of.__getitem__, terms), dtype=np.float64, count=total)
    w *= np.where(counts >= 1, 1.0 + np.log(np.maximum(counts, 1.0)), counts)
    owner = np.repeat(np.arange(len(docs)), lengths)
    keep = w > 0.0
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    kept = np.bincount(owner[keep], minlength=len(docs))
    for j in np.nonzero(kept > limit)[0]:  # long docs keep their ``limit`` strongest terms
        lo, hi = starts[j], starts[j] + lengths[j]
        seg = np.where(keep[lo:hi], w[lo:hi], 0.0)
        cut = np.argpartition(-seg, limit)[limit:]
        keep[lo + cut] = False
    idx = np.nonzero(keep)[0]
    w, owner = w[idx], owner[idx]
    norm = np.sqrt(np.bincount(owner, weights=w * w, minlength=len(docs)))
    w /= norm[owner]
    picked = [terms[k] for k in idx.tolist()]
    vocab = index.vocab
    for t in dict.fromkeys(picked):
        if t not in vocab:
            vocab[t] = len(vocab)
    cols = list(map(vocab.__getitem__, picked))
    wl = w.tolist()
    bounds = np.searchsorted(owner, np.arange(len(docs) + 1)).tolist()
    for i in range(len(docs)):
        a, b = bounds[i], bounds[i + 1]
        if a < b:
            out[i] = dict(zip(cols[a:b], wl[a:b], strict=True))
    return out


def hash_text(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


_FNV = np.uint64(1099511628211)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def _fingerprints(words: list[str], n: int, k: int, rate: int = 16) -> list[int]:
    """A content-defined sample of the hashes of the word n-grams (about one in ``rate``, at most k).

    The sample depends only on each n-gram, not on the rest of the text, so a
    copy that was cut, padded or re-wrapped keeps the fingerprints of the text it
    shares with its original.
    """
    return batch_fingerprints([words], n, k, rate)[0]


def batch_fingerprints(texts: list[list[str]], n: int, k: int, rate: int = 16) -> list[list[int]]:
    """:func:`_fingerprints` of many word lists at once (one vectorised pass)."""
    out: list[list[int]] = [[] for _ in texts]
    cache: dict[str, int] = {}
    words = [w for t in texts for w in t]
    if not words:
        return out
    for w in set(words).difference(cache):
        cache[w] = hash_text(w)
    codes = np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    # texts shorter than n get one hash over all their words: pad them virtually by hashing what they have
    span = np.minimum(lengths, n)
    total = len(words)
    acc = np.zeros(total, dtype=np.uint64)
    owner = np.repeat(np.arange(len(texts)), lengths)
    pos = np.arange(total) - starts[owner]
    for j in range(n):
        nxt = np.zeros(total, dtype=np.uint64)
        valid = pos + j < lengths[owner]
        src = np.nonzero(valid)[0]
        nxt[src] = codes[src + j]
        acc = np.where(j < span[owner], acc * _FNV + nxt, acc)
    acc = (acc ^ (acc >> np.uint64(29))) * _MIX
    acc ^= acc >> np.uint64(32)
    windows = np.maximum(lengths - n + 1, 1)
    keep = pos < windows[owner]
    picked = keep & (acc % np.uint64(rate) == 0)
    order = np.lexsort((acc, owner))  # by text, then hash
    acc_s, owner_s, keep_s = acc[order], owner[order], keep[order]
    sel = np.nonzero(picked[order])[0]
    h, o = acc_s[sel], owner_s[sel]
    fresh = np.ones(len(h), dtype=bool)
    fresh[1:] = (h[1:] != h[:-1]) | (o[1:] != o[:-1])
    h, o = h[fresh], o[fresh]
    first_of = np.searchsorted(o, np.arange(len(texts) + 1))
    rank = np.arange(len(o)) - first_of[o]
    h, o = h[rank < k], o[rank < k]
    bounds = np.searchsorted(o, np.arange(len(texts) + 1))
    hl = h.tolist()
    firsts = np.searchsorted(owner_s, np.arange(len(texts)))
    for i in range(len(texts)):
        if bounds[i] < bounds[i + 1]:
            out[i] = hl[bounds[i] : bounds[i + 1]]
        elif lengths[i]:
            # no n-gram sampled: the smallest hash stands for the text
            lo = firsts[i]
            cand = acc_s[lo : lo + lengths[i]][keep_s[lo : lo + lengths[i]]]
            out[i] = [int(x) for x in cand[:1]]
    return out
