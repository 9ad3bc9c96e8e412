"""Sorting a stream of articles into stories.

The pile a user holds (a day of feeds, an export, a crawl) is read in arrival
order.  Each story keeps a compact *profile*: the capped sum of its members'
sublinear TF-IDF vectors (words, names, numbers), its size, outlets, languages
and dates.  An article's score for a story is its mean cosine with the story's
members (average linkage, computed as one dot product with the profile divided
by the size); it joins the best story above ``join`` or starts one.  A single
reassignment pass (k-means style) then lets each article of the batch move to
the story it fits best now that the batch is known; there an article and a
story that are each other's best match meet at the lower bar ``join_mutual``
(on the Multi-News stream two articles that are each other's nearest neighbour
at cosine 0.12-0.15 are one story about 7 times in 10; a one-sided nearest
neighbour at that cosine, 2 times in 10).  Nothing grows with the square of the
stream:

* terms found in more than ``common_share`` of the documents seen are left out
  of the vectors (they tie everything to everything and carry no story signal);
* candidate stories come from one sparse product over the article's strongest
  *rare* terms only (short postings), at most ``max_candidates`` of them, and
  only those get an exact score.

* **Streaming.**  :class:`StoryIndex` holds everything the next batch needs
  (running document frequencies, profiles, copy fingerprints).
  ``cluster_stories(batch2, state=result1.state)`` lets a new day join
  yesterday's stories without redoing yesterday.
* **Dates.**  When an article and a story both carry a date, the story is
  closed to the article after ``window_days`` of silence.
* **Copies** always land in their original's story: every article leaves a
  content-defined sample of the hashes of its content-word 4-grams, and an
  article sharing a good part of its sample with an earlier story is assigned
  there before any similarity is computed (and never moved by the
  reassignment).
* **Noise.**  Pages that are not articles (cookie walls, login walls, archive
  notices, "enable JavaScript") are recognised from general features -- very
  short text, density of web-interface vocabulary, and an opening repeated
  across many items of the stream -- and kept out of stories.  In
  ``assignments`` each noise page gets a story id of its own,
  ``"noise:<article id>"``, so that scorers see it as a singleton.
* **Languages.**  Reports of one event in another language share names and
  numbers, which retrieve the candidate stories; the multilingual embedding of a
  short lead (title + first two sentences) then decides, and only for such
  cross-language candidates (it costs far more than the lexical path).  Without
  the embedding model the shared anchors decide: at least ``cross_names`` names
  and ``cross_figures`` distinctive figures (one of which may be a shared
  day-and-month date), all rare in the stream, clearly more than any other
  candidate has.  Figures are
  written alike whatever the house style (``14.386``, ``14,386`` and ``14 386``
  are one term, ``3,75`` is ``3.75``) and dates become language-free terms.

How the thresholds were chosen: ``join`` is a mean cosine of sublinear TF-IDF
vectors; on the Multi-News development stream B-cubed F1 is flat (within 0.01)
for 0.155-0.23 (0.19 with ``join_mutual`` 0.13 is the best pair, by 0.006 only),
and on the SemEval-2022 news-similarity training pairs 0.19 is near the lower
quartile of same-story pairs (0.167) and more than twice the upper quartile of
unrelated ones (0.071; ``bench/pairs.py`` prints both).
``common_share`` (5%) and ``rare_share`` (1%) are shares of the stream, so they
scale with it; below ``common_floor`` / ``rare_floor`` documents nothing is
pruned, so small batches behave like plain TF-IDF.  All of them live in
:class:`StoryParams`.
"""

from __future__ import annotations

import heapq
import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from datetime import date
from typing import Any, Iterable

import numpy as np
from scipy import sparse

from .langid import FUNCTION_WORDS
from .model import Article, Story

__all__ = [
    "StoryParams",
    "StoryProfile",
    "StoryIndex",
    "StoriesResult",
    "cluster_stories",
    "article_vectors",
    "story_similarity",
    "corpus_index",
    "is_noise",
    "stories_markdown",
    "ArticleTerms",
    "article_terms",
    "articles_terms",
    "profile_terms",
]

NOISE_PREFIX = "noise:"

# ---------------------------------------------------------------------------
# Words

_TOKEN = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*", re.UNICODE)

_STOP = FUNCTION_WORDS  # function words of a few languages: dropped from profiles, and guess a language
_ALL_STOP: frozenset[str] = frozenset().union(*_STOP.values())

# Words of web interfaces rather than of news: a page made mostly of them is a
# wall, a notice or a widget, whatever site it comes from.
_INTERFACE = frozenset(
    """
    cookie cookies javascript browser browsers enable enabled disable disabled subscribe subscribed subscriber
    subscribers subscription subscriptions unsubscribe login log logged sign signed signing password account
    accounts register registration email emails newsletter newsletters inbox alerts tweet tweets twitter retweet
    facebook instagram pinterest whatsapp linkedin share shares shared sharing pin follow followers location
    locations privacy policy policies terms conditions consent settings preferences crawl crawls crawled
    crawler archive archives archived wayback webcrawl seed seedlist url urls website websites web site sites
    page pages homepage click tap button buttons download app apps loaded loading load video videos player
    playback transcript rating rented feature available verification verify confirm link links copy copies
    reprint reprints reprinted copyright rights reserved advertisement advertisements ads ad advertising
    adblocker ad-blocker blocker comment comments commenting username profile notifications notification
    upgrade premium trial purchase purchased continue reading access content please thank thanks sorry error
    found contact feedback faq help menu search toolbar widget embed code api timeline timelines history
    internet collection collections partner data host hosts domain domains files indexed wikipedia outlinks
    personal commercial distribution presentation order reuse permission
    """.split()
)


_SPACED_HINT = re.compile(r"\d[ \u00a0\u202f]\d\d\d")
_SPACED_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)")


def _words(text: str) -> list[str]:
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
class _Doc:
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
    w: tuple(k for k, lang in enumerate(_LANGS) if w in _STOP[lang]) for w in _ALL_STOP
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


def _doc(article: Article, params: StoryParams, *, max_words: int = 800, toks: list[str] | None = None) -> _Doc:
    """Weighted term counts, language, day, lead and copy fingerprints of one article."""
    text = article.text or ""
    if toks is None:
        toks = _words(text)
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
            if tok not in _ALL_STOP and (len(tok) > 1 or tok.isdigit()):
                counts[tok] = counts.get(tok, 0.0) + params.title_weight
    words = [t for t in toks[: max_words * 2] if t not in _ALL_STOP][:max_words]
    return _Doc(article, counts, language, _day(article.published), words=words, anchors=anchors, sure_language=sure)


def _distinctive_figure(token: str) -> bool:
    """A figure that can tie two reports together: three significant digits or more, and not a year."""
    digits = token.replace(".", "")
    significant = digits.lstrip("0")
    if not digits.isdigit() or len(significant) < 3 or len(significant.rstrip("0")) < 2:
        return False
    return not (token.isdigit() and len(token) == 4 and 1800 <= int(token) <= 2100)


def _vector(
    doc: _Doc, index: StoryIndex, limit: int, idf: dict[str, float] | None = None, common: float = math.inf
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


def _vectors(docs: list[_Doc], index: StoryIndex, limit: int, common: float) -> list[dict[int, float]]:
    """:func:`_vector` of many docs at once, keyed by vocabulary column (new terms join ``index.vocab``).

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
    for i in np.nonzero(kept > limit)[0]:  # long docs keep their ``limit`` strongest terms
        lo, hi = starts[i], starts[i] + lengths[i]
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
            out[i] = dict(zip(cols[a:b], wl[a:b]))
    return out


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


_FNV = np.uint64(1099511628211)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def _fingerprints(words: list[str], n: int, k: int, rate: int = 16) -> list[int]:
    """A content-defined sample of the hashes of the word n-grams (about one in ``rate``, at most k).

    The sample depends only on each n-gram, not on the rest of the text, so a
    copy that was cut, padded or re-wrapped keeps the fingerprints of the text it
    shares with its original.
    """
    return _batch_fingerprints([words], n, k, rate)[0]


def _batch_fingerprints(texts: list[list[str]], n: int, k: int, rate: int = 16) -> list[list[int]]:
    """:func:`_fingerprints` of many word lists at once (one vectorised pass)."""
    out: list[list[int]] = [[] for _ in texts]
    cache: dict[str, int] = {}
    words = [w for t in texts for w in t]
    if not words:
        return out
    for w in set(words).difference(cache):
        cache[w] = _hash(w)
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


def _interface_density(text: str, toks: list[str] | None = None) -> tuple[int, float]:
    if toks is None:
        toks = _words(text)
    content = [t for t in toks if t not in _ALL_STOP]
    if not content:
        return len(toks), 1.0
    return len(toks), sum(1 for t in content if t in _INTERFACE) / len(content)


def is_noise(
    article: Article, *, repeats: int = 1, params: StoryParams | None = None, tokens: list[str] | None = None
) -> bool:
    """True when the page is not an article (wall, notice, widget, very short boilerplate).

    ``repeats`` is how many pages of the stream open with the same words as this
    one; an opening shared by many items is boilerplate unless the page reads
    like news.  ``tokens`` are the lower-cased words of the text when already known.
    """
    n_words, density = _interface_density(article.text or "", tokens)
    return _noise_decision(n_words, density, repeats, params or StoryParams())


def _noise_decision(n_words: int, density: float, repeats: int, p: StoryParams) -> bool:
    if n_words < p.noise_min_words:
        return True
    if density >= 0.3:
        return True
    if density >= 0.15 and n_words < 150:
        return True
    if repeats >= p.noise_repeats and density >= 0.08:
        return True
    return False


@dataclass(slots=True)
class ArticleTerms:
    """What the stream-wide statistics of the clustering read from one article.

    For an engine that spreads a stream over many machines (``crosswire.spark``):
    the stream-wide counts are sums of these (opening repeats, document
    frequencies of ``terms``), and :func:`cluster_stories` on a part of the
    stream with a ``state`` holding the counts of the rest decides as on the
    whole stream.
    """

    opening: int  # hash of the first 12 words; an opening repeated across the stream marks boilerplate
    terms: dict[str, float]  # weighted term counts (the keys are what document frequencies count)
    prints: list[int]  # copy fingerprints (content-defined sample of content-word n-gram hashes)
    anchors: dict[str, int]  # names, figures and dates that tie reports across languages
    language: str | None
    day: int | None  # proleptic ordinal of the publication day
    n_words: int
    interface: float  # share of web-interface words among the content words

    def is_noise(self, repeats: int, params: StoryParams | None = None) -> bool:
        """:func:`is_noise` of the article, given how many pages of the stream open like it."""
        return _noise_decision(self.n_words, self.interface, repeats, params or StoryParams())


def article_terms(article: Article, params: StoryParams | None = None) -> ArticleTerms:
    """The :class:`ArticleTerms` of one article, as :func:`cluster_stories` computes them."""
    return articles_terms([article], params)[0]


def articles_terms(articles: list[Article], params: StoryParams | None = None) -> list[ArticleTerms]:
    """:func:`article_terms` of many articles at once (the fingerprints in one vectorised pass)."""
    p = params or StoryParams()
    out: list[ArticleTerms] = []
    words: list[list[str]] = []
    for article in articles:
        toks = _words(article.text or "")
        n_words, density = _interface_density(article.text or "", toks)
        d = _doc(article, p, toks=toks)
        words.append(d.words)
        out.append(ArticleTerms(
            opening=_hash(" ".join(toks[:12])), terms=d.counts, prints=[], anchors=d.anchors,
            language=d.language, day=d.day, n_words=n_words, interface=density,
        ))
    for t, fp in zip(out, _batch_fingerprints(words, p.shingle, p.fingerprints, p.fingerprint_rate)):
        t.prints = fp
    return out


def profile_terms(index: StoryIndex, story_id: str) -> dict[str, float]:
    """The summed member vectors of a story of ``index`` by term (capped at ``profile_terms`` terms)."""
    pr = index.stories[story_id]
    words = {col: t for t, col in index.vocab.items() if col in pr.terms}
    return {words[col]: w for col, w in pr.terms.items()}


# ---------------------------------------------------------------------------
# Similarity


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def corpus_index(articles: Iterable[Article], params: StoryParams | None = None) -> StoryIndex:
    """An empty story index that knows the document frequencies of ``articles``.

    Pass it as ``state`` to :func:`story_similarity` so that comparisons use
    the IDF of a real corpus rather than of the two articles alone.
    """
    index = StoryIndex(params=params or StoryParams())
    for a in articles:
        if isinstance(a, Article):
            index.n_docs += 1
            index.df.update(_doc(a, index.params).counts.keys())
    return index


def story_similarity(
    a: Article,
    b: Article,
    *,
    state: StoryIndex | None = None,
    embedder: Any = None,
) -> float:
    """How likely two articles report the same story, in [0, 1].

    Lexical: cosine of sublinear TF-IDF vectors (document frequencies from
    ``state`` when given, so pass an index built over a corpus for good IDF).
    When an embedder is given (``default_embedder()``), the cosine of the
    multilingual embeddings of the two leads is blended in; across languages the
    lexical cosine only sees shared names and numbers, so the embedding then
    carries most of the weight.
    """
    index = state or StoryIndex()
    p = index.params
    da, db = _doc(a, p), _doc(b, p)
    va = _vector(da, index, 10_000, common=index.common())
    vb = _vector(db, index, 10_000, common=index.common())
    lexical = _dot(va, vb)
    if embedder is None or embedder is False:
        return lexical
    try:
        vecs = embedder.encode([da.lead, db.lead])
    except Exception:
        vecs = None
    if vecs is None:
        return lexical
    emb = float(np.dot(vecs[0], vecs[1]))
    # e5 cosines live in a narrow high band; stretch it to [0, 1]
    emb01 = min(1.0, max(0.0, (emb - 0.7) / 0.3))
    same = da.language is None or db.language is None or da.language == db.language
    w = 0.5 if same else 0.75
    return (1 - w) * min(1.0, lexical * 2) + w * emb01


# ---------------------------------------------------------------------------
# The clustering


def _csr(vecs: list[dict[int, float]], n_cols: int) -> sparse.csr_matrix:
    """Rows of {column: weight} as a sparse matrix with ``n_cols`` columns."""
    indptr = np.zeros(len(vecs) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(v) for v in vecs])
    nnz = int(indptr[-1])
    indices = np.fromiter(chain.from_iterable(vecs), dtype=np.int64, count=nnz)
    data = np.fromiter(chain.from_iterable(v.values() for v in vecs), dtype=np.float64, count=nnz)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(vecs), n_cols))


class _Engine:
    """Clusters one batch, mutating the index it was given.

    An article's score for a story is its mean cosine with the story's members
    (average linkage): the dot product with the story's summed member vectors,
    divided by the story size.  Within a block of ``params.block`` articles the
    work is vectorised: one sparse product gives every article's dot product with
    every live profile it shares a term with, and a small block-by-block product
    covers the stories that change inside the block, so the sequential decisions
    stay exact.  Too-common terms are left out of the vectors, which keeps those
    products sparse.
    """

    def __init__(self, index: StoryIndex, embedder: Any) -> None:
        self.index = index
        self.p = index.params
        self._embedder = embedder
        self.common = index.common()
        self.rare = np.zeros(0)
        self._init_arrays()

    # -- embeddings, only when a cross-language decision needs them
    def _embed(self, text: str):
        if self._embedder is False:
            return None
        if self._embedder is None:
            from .embed import default_embedder

            self._embedder = default_embedder()
        try:
            vecs = self._embedder.encode([text])
        except Exception:  # a broken model must not stop the clustering
            vecs = None
        if vecs is None:
            self._embedder = False
            return None
        return np.asarray(vecs[0], dtype=np.float32)

    def _lead_vec(self, profile: StoryProfile):
        if profile.lead_vec is None and profile.lead:
            profile.lead_vec = self._embed(profile.lead)
        return profile.lead_vec

    # -- the profile matrix
    def _append_rows(self, nums: Iterable[int]) -> None:
        """Write the current profiles of ``nums`` as new rows; their old rows die."""
        index = self.index
        nums = [n for n in nums if index.profiles[n] is not None]
        if not nums:
            return
        chunk = _csr([index.profiles[n].terms for n in nums], len(index.vocab))
        start = index.n_rows
        index.chunks.append(chunk)
        index.row_story.extend(nums)
        index.n_rows += len(nums)
        for k, num in enumerate(nums):
            index.cur_row[num] = start + k

    def _compact(self) -> None:
        """Keep only the live rows once dead ones dominate (amortised linear)."""
        index = self.index
        alive = [r for r in index.cur_row if r >= 0]
        if index.n_rows <= 2 * len(alive) + 1024:
            return
        V = len(index.vocab)
        for c in index.chunks:
            c.resize((c.shape[0], V))
        allrows = sparse.vstack(index.chunks, format="csr") if index.chunks else None
        nums = [n for n, r in enumerate(index.cur_row) if r >= 0]
        rows = [index.cur_row[n] for n in nums]
        index.chunks = [allrows[rows]] if rows else []
        index.row_story = list(nums)
        index.n_rows = len(nums)
        for k, n in enumerate(nums):
            index.cur_row[n] = k

    def _story_scores(self, X: sparse.csr_matrix) -> sparse.csr_matrix:
        """Dot products of the rows of X with every live story profile (rows x story numbers)."""
        index = self.index
        n_st = len(index.profiles)
        if not index.chunks or n_st == 0:
            return sparse.csr_matrix((X.shape[0], n_st))
        V = X.shape[1]
        XT = X.T.tocsr()
        parts = []
        for c in index.chunks:
            c.resize((c.shape[0], V))
            parts.append(c @ XT)
        S = sparse.vstack(parts, format="csr").T.tocsr()  # rows x profile rows
        row_story = np.asarray(index.row_story, dtype=np.int64)
        cur = np.asarray(index.cur_row, dtype=np.int64)
        rows = np.arange(index.n_rows)
        alive = cur[row_story] == rows
        M = sparse.csr_matrix((np.ones(int(alive.sum())), (rows[alive], row_story[alive])), shape=(index.n_rows, n_st))
        out = (S @ M).tocsr()
        out.sort_indices()
        return out

    def _gather(self, nums: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
        """The current profile rows of live story numbers ``nums``, grouped by chunk.

        Returns the rows and ``pos``: row ``k`` is the profile of ``nums[pos[k]]``
        (no second copy to restore the order).
        """
        index = self.index
        V = len(index.vocab)
        rows = np.asarray(index.cur_row, dtype=np.int64)[nums]
        ends = np.cumsum([c.shape[0] for c in index.chunks])
        which = np.searchsorted(ends, rows, side="right")
        parts, where = [], []
        for c in np.unique(which):
            sel = np.nonzero(which == c)[0]
            chunk = index.chunks[c]
            chunk.resize((chunk.shape[0], V))
            start = ends[c] - chunk.shape[0]
            parts.append(chunk[rows[sel] - start])
            where.append(sel)
        M = parts[0] if len(parts) == 1 else sparse.vstack(parts, format="csr")
        return M, np.concatenate(where)

    def _candidate_scores(self, X: sparse.csr_matrix, must: list[int] | None = None) -> sparse.csr_matrix:
        """Exact dot products of the rows of X with their candidate stories (rows x story numbers).

        Candidates are the live stories sharing the most rare-term weight with
        the article (one sparse product over rare terms only, whose postings are
        short), at most ``max_candidates`` per article, plus ``must[i]`` when given.
        """
        n_st = len(self.index.profiles)
        B = X.shape[0]
        if not self.index.chunks or n_st == 0:
            return sparse.csr_matrix((B, n_st))
        Xr = X.copy()
        Xr.data = Xr.data * self.rare[Xr.indices]
        q = self.p.query_terms
        for i in range(B):  # only the strongest rare terms of each article ask
            lo, hi = Xr.indptr[i], Xr.indptr[i + 1]
            if hi - lo > q:
                row = Xr.data[lo:hi]
                row[row < np.partition(row, -q)[-q]] = 0.0
        Xr.eliminate_zeros()
        R = self._story_scores(Xr)
        K = max(1, self.p.max_candidates)
        counts = np.diff(R.indptr)
        rows_i = [np.repeat(np.arange(B), np.minimum(counts, K))]
        cols_s = []
        for i in range(B):
            lo, hi = R.indptr[i], R.indptr[i + 1]
            if hi - lo > K:
                cols_s.append(R.indices[lo + np.argpartition(R.data[lo:hi], -K)[-K:]])
            else:
                cols_s.append(R.indices[lo:hi])
        if must is not None:
            cur = np.asarray(self.index.cur_row, dtype=np.int64)
            m = np.asarray(must, dtype=np.int64)
            okm = (m >= 0) & (cur[np.maximum(m, 0)] >= 0)
            rows_i.append(np.arange(B)[okm])
            cols_s.append(m[okm])
        I = np.concatenate(rows_i)
        J = np.concatenate(cols_s).astype(np.int64)
        if len(I) == 0:
            return sparse.csr_matrix((B, n_st))
        key = np.unique(I * n_st + J)
        I, J = key // n_st, key % n_st
        M, pos = self._gather(J)
        dots = np.empty(len(I))
        dots[pos] = np.asarray(X[I[pos]].multiply(M).sum(axis=1)).ravel()
        out = sparse.csr_matrix((dots, (I, J)), shape=(B, n_st))
        out.sort_indices()
        return out

    def _init_arrays(self) -> None:
        """Per story number, kept up to date: size, first and last day, live flag, language code."""
        index = self.index
        cap = max(64, 2 * len(index.profiles))
        self.size = np.zeros(cap)
        self.first = np.full(cap, np.nan)
        self.last = np.full(cap, np.nan)
        self.live = np.zeros(cap, dtype=bool)
        self.lang = np.full(cap, -1, dtype=np.int64)
        for num, pr in enumerate(index.profiles):
            if pr is not None:
                self._sync(num)

    def _sync(self, num: int) -> None:
        """Copy story ``num``'s size, dates, liveness and language into the arrays."""
        if num >= len(self.size):
            cap = 2 * num + 64
            for name, fill in (("size", 0.0), ("first", np.nan), ("last", np.nan), ("live", False), ("lang", -1)):
                old = getattr(self, name)
                new = np.full(cap, fill, dtype=old.dtype)
                new[: len(old)] = old
                setattr(self, name, new)
        pr = self.index.profiles[num]
        if pr is None:
            self.size[num], self.live[num] = 0.0, False
            return
        self.size[num] = pr.size
        self.live[num] = pr.live
        self.first[num] = pr.first_day if pr.days else np.nan
        self.last[num] = pr.last_day if pr.days else np.nan
        self.lang[num] = self._lang_code(pr.language)

    # -- the single pass
    def run(self, docs: list[_Doc]) -> tuple[list[int], list[dict[str, float]], set[int]]:
        """Assign every doc to a story number, block by block.

        Returns the story numbers, the docs' vectors and the positions of the
        docs whose place is fixed (copies and cross-language joins).
        """
        index = self.index
        vocab = index.vocab
        vecs = _vectors(docs, index, self.p.article_terms, self.common)
        for d in docs:
            d.counts = {}  # the vector is all the clustering needs from here on
        rare_cut = max(self.p.rare_share * index.n_docs, float(self.p.rare_floor))
        df = index.df
        self.rare = np.fromiter((df.get(t, 0) <= rare_cut for t in vocab), dtype=np.float64, count=len(vocab))
        out: list[int] = []
        fixed: set[int] = set()
        B = max(1, self.p.block)
        for s in range(0, len(docs), B):
            out.extend(self._block(docs[s : s + B], vecs[s : s + B], s, fixed))
            self._compact()
        return out, vecs, fixed

    def _block(self, docs: list[_Doc], vecs: list[dict[str, float]], offset: int, fixed: set[int]) -> list[int]:
        index, p = self.index, self.p
        X = _csr(vecs, len(index.vocab))
        B = len(docs)
        A = (X @ X.T).toarray()
        S = self._candidate_scores(X)
        touched: list[int] = []
        tpos: dict[int, int] = {}
        in_block = np.zeros(len(index.profiles) + B + 1, dtype=bool)  # story number -> touched in this block
        local = np.full(B, -1, dtype=np.int64)
        out: list[int] = []
        w = p.window_days

        for i, doc in enumerate(docs):
            vec = vecs[i]
            lo, hi = S.indptr[i], S.indptr[i + 1]
            idx, val = S.indices[lo:hi], S.data[lo:hi]

            def old_dot(nums: np.ndarray) -> np.ndarray:
                if len(idx) == 0 or len(nums) == 0:
                    return np.zeros(len(nums))
                pos = np.minimum(np.searchsorted(idx, nums), len(idx) - 1)
                return np.where(idx[pos] == nums, val[pos], 0.0)

            target, copy = self._copy_target(doc)
            if target is not None:
                fixed.add(offset + i)
            T = np.asarray(touched, dtype=np.int64)
            if target is None and vec:
                cand, dots = idx, val
                if len(T):
                    keep = ~in_block[idx]
                    mine = local[:i] >= 0
                    inb = np.bincount(local[:i][mine], weights=A[i, :i][mine], minlength=len(T))
                    cand = np.concatenate([idx[keep], T])
                    dots = np.concatenate([val[keep], old_dot(T) + inb[: len(T)]])
                size, first, last, live, lang = self.size, self.first, self.last, self.live, self.lang
                ok = (size[cand] > 0) & live[cand]
                if doc.day is not None:
                    f, l = first[cand], last[cand]
                    ok &= np.isnan(f) | ((f - w <= doc.day) & (doc.day <= l + w))
                cand, dots = cand[ok], dots[ok]
                if len(cand):
                    scores = dots / size[cand]
                    b = int(np.argmax(scores))
                    if scores[b] >= p.join:
                        target = int(cand[b])
                    elif doc.sure_language:
                        code = self._lang_code(doc.language)
                        other = (lang[cand] >= 0) & (lang[cand] != code) & (scores > 0)
                        if other.any():
                            oc, os_ = cand[other], scores[other]
                            order = np.argsort(-os_)[: p.cross_candidates]
                            options = [int(x) for x in oc[order]]
                            target = self._cross_language(doc, options)
                            if target is None and self._embedder is False:
                                fresh = {  # this block's members are not folded into the profiles yet
                                    num: [vecs[j] for j in range(i) if local[j] == tpos[num]]
                                    for num in options
                                    if num in tpos
                                }
                                target = self._cross_anchors(doc, options, fresh)
                            if target is not None:
                                fixed.add(offset + i)
            if target is None:
                target = self._new_story()
            if target not in tpos:
                tpos[target] = len(touched)
                touched.append(target)
                in_block[target] = True
            local[i] = tpos[target]
            pr = index.profiles[target]
            self._add(pr, doc, copy)
            self._sync(target)
            for h in doc.prints:
                index.fingerprints.setdefault(h, target)
            out.append(target)

        # fold the block into the profiles
        for i, num in enumerate(out):
            terms = index.profiles[num].terms
            for t, x in vecs[i].items():
                terms[t] = terms.get(t, 0.0) + x
        for num in touched:
            self._cap(index.profiles[num])
        self._append_rows(touched)
        return out

    def _new_story(self) -> int:
        index = self.index
        num = len(index.profiles)
        pr = StoryProfile(id=index.new_story_id(), num=num)
        index.profiles.append(pr)
        index.cur_row.append(-1)
        index.stories[pr.id] = pr
        self._sync(num)
        return num

    def _lang_code(self, language: str | None) -> int:
        if not language:
            return -1
        return self.index.lang_codes.setdefault(language, len(self.index.lang_codes))

    def _cap(self, pr: StoryProfile) -> None:
        cap = self.p.profile_terms
        if len(pr.terms) > cap:
            pr.terms = dict(heapq.nlargest(cap, pr.terms.items(), key=lambda kv: kv[1]))

    def _copy_target(self, doc: _Doc) -> tuple[int | None, bool]:
        """Copies go where their original went (shared min-hash fingerprints)."""
        index, p = self.index, self.p
        found = [index.fingerprints[h] for h in doc.prints if h in index.fingerprints]
        if not found:
            return None, False
        num, n = Counter(found).most_common(1)[0]
        pr = index.profiles[num]
        if n >= max(min(p.copy_matches, len(doc.prints)), p.copy_share * len(doc.prints)) and pr is not None:
            return num, True
        return None, False

    def _add(self, story: StoryProfile, doc: _Doc, copy: bool) -> None:
        a = doc.article
        story.articles.append(a.id)
        story.size += 1
        if not copy:
            story.roots.add(a.id)
        if not story.lead:
            story.lead = doc.lead
        if a.outlet:
            story.outlets[a.outlet] += 1
        if doc.story_language:
            story.languages[doc.story_language] += 1
        # the headline is a title in the story's main language once one is known
        if a.title and (story.headline is None or doc.language == story.language != story.headline_language):
            story.headline, story.headline_language = a.title, doc.language
        if doc.day is not None:
            story.days[doc.day] += 1
            latest = self.index.latest_day
            self.index.latest_day = doc.day if latest is None else max(latest, doc.day)

    def _remove(self, story: StoryProfile, doc: _Doc, vec: dict[int, float]) -> None:
        a = doc.article
        story.articles.remove(a.id)
        story.size -= 1
        story.roots.discard(a.id)
        for counter, key in ((story.outlets, a.outlet), (story.languages, doc.story_language), (story.days, doc.day)):
            if key is not None and counter.get(key, 0) > 0:
                counter[key] -= 1
                if counter[key] <= 0:
                    del counter[key]
        terms = story.terms
        for t, x in vec.items():
            if t in terms:
                y = terms[t] - x
                if y > 1e-9:
                    terms[t] = y
                else:
                    del terms[t]
        if story.headline is not None and story.headline == a.title:
            story.headline = story.headline_language = None

    def _cross_language(self, doc: _Doc, candidates: list[int]) -> int | None:
        """Decide with the multilingual embedding between stories in other languages."""
        vec = self._embed(doc.lead)
        if vec is None:
            return None
        best, best_score = None, self.p.cross_join
        for num in candidates:
            sv = self._lead_vec(self.index.profiles[num])
            if sv is None:
                return None
            score = float(np.dot(vec, sv))
            if score >= best_score:
                best, best_score = num, score
        return best

    def _cross_anchors(
        self, doc: _Doc, candidates: list[int], fresh: dict[int, list[dict[int, float]]] | None = None
    ) -> int | None:
        """Without the embedding: a story in another language that shares enough distinctive anchors.

        Across languages the words differ but names, figures and dates stay.
        A candidate story qualifies when its profile holds at least
        ``cross_names`` of the article's names and ``cross_figures`` of its
        distinctive figures (a shared day of the month counts as one figure at
        most: reports of the same day share it), none of them common in the stream; the
        best one must also stand out from the runner-up (half its evidence at
        most), so two stories about the same people are left apart.
        ``fresh`` holds the vectors of members not yet folded into a profile.
        """
        p, index = self.p, self.index
        vocab, df = index.vocab, index.df
        cut = max(p.rare_share * index.n_docs, float(p.rare_floor))
        anchors = [(vocab[t], kind) for t, kind in doc.anchors.items() if t in vocab and df.get(t, 0) <= cut]
        if not anchors:
            return None
        found: list[tuple[int, int, int]] = []  # (evidence, names, figures) per candidate
        for num in candidates:
            terms = index.profiles[num].terms
            extra = (fresh or {}).get(num, [])
            shared = [kind for c, kind in anchors if c in terms or any(c in v for v in extra)]
            names, figures = shared.count(NAME), shared.count(FIGURE)
            figures += min(1, shared.count(DATE))  # one date at most: reports of the same day share it
            found.append((names + figures, names, figures))
        order = sorted(range(len(candidates)), key=lambda k: -found[k][0])
        best = found[order[0]]
        if best[1] < p.cross_names or best[2] < p.cross_figures:
            return None
        if len(order) > 1 and found[order[1]][0] * 2 > best[0]:
            return None
        return candidates[order[0]]

    # -- refinement
    def refine(self, docs: list[_Doc], nums: list[int], vecs: list[dict[str, float]], fixed: set[int]) -> list[int]:
        """Reassignment passes (k-means style): each article moves to the story it fits best.

        An article's fit with its own story leaves itself out; an article that
        fits no story well enough any more starts its own.  Copies and
        cross-language joins keep their place.  Linear: one sparse product per
        pass against the live profiles, in blocks.
        """
        index, p = self.index, self.p
        nums = list(nums)
        w = p.window_days
        for _ in range(max(0, p.refine_passes)):
            size, first, last, live = self.size, self.first, self.last, self.live
            moves: list[tuple[int, int]] = []  # (doc position, new story number or -1 for a new story)
            anchored = {nums[i] for i in fixed}  # stories held together by copies or translations
            top: dict[int, tuple[float, int]] = {}  # story -> (best score, article) among those that pick it
            weak: list[tuple[int, int, float]] = []  # (article, story it picks, score) below ``join``
            step = 2048
            for s in range(0, len(docs), step):
                X = _csr(vecs[s : s + step], len(index.vocab))
                S = self._candidate_scores(X, nums[s : s + step])
                for k in range(X.shape[0]):
                    i = s + k
                    if i in fixed or not vecs[i]:
                        continue
                    own = nums[i]
                    pr = index.profiles[own]
                    lo, hi = S.indptr[k], S.indptr[k + 1]
                    cand, dots = S.indices[lo:hi], S.data[lo:hi].copy()
                    self_dot = 1.0  # the article's own (unit) vector inside the profile sum
                    own_score = -1.0
                    at = np.searchsorted(cand, own)
                    if at < len(cand) and cand[at] == own:
                        if pr.size > 1:
                            own_score = (dots[at] - self_dot) / (pr.size - 1)
                        dots[at] = -np.inf
                    ok = (size[cand] > 0) & live[cand]
                    day = docs[i].day
                    if day is not None:
                        f, l = first[cand], last[cand]
                        ok &= np.isnan(f) | ((f - w <= day) & (day <= l + w))
                    best_num, best = -1, -1.0
                    if ok.any():
                        sc = np.where(ok, dots / np.maximum(size[cand], 1), -np.inf)
                        b = int(np.argmax(sc))
                        best_num, best = int(cand[b]), float(sc[b])
                        if best > top.get(best_num, (-1.0, -1))[0]:
                            top[best_num] = (best, i)
                    if best >= p.join and best > own_score:
                        moves.append((i, best_num))
                    elif best >= p.join_mutual and best > own_score and (pr.size == 1 or own not in anchored):
                        weak.append((i, best_num, best))
                    elif own_score < p.join and pr.size > 1 and own not in anchored:
                        moves.append((i, -1))
            # below ``join``, an article and a story that are each other's best match still meet
            gone: dict[int, int] = {}  # singleton story whose only article moves -> its destination
            for i, num, score in weak:
                if top[num][1] != i or gone.get(num) == nums[i]:
                    continue
                if index.profiles[nums[i]].size == 1:
                    gone[nums[i]] = num
                moves.append((i, num))
            if not moves:
                break
            changed: set[int] = set()
            titled: dict[int, tuple[str, str | None]] = {}  # story -> (title, its language)
            for i, target in moves:
                old = nums[i]
                if target >= 0 and index.profiles[target] is None:
                    continue
                self._remove(index.profiles[old], docs[i], vecs[i])
                if target < 0:
                    target = self._new_story()
                pr = index.profiles[target]
                self._add(pr, docs[i], False)
                for t, x in vecs[i].items():
                    pr.terms[t] = pr.terms.get(t, 0.0) + x
                for h in docs[i].prints:
                    if index.fingerprints.get(h) == old:
                        index.fingerprints[h] = target
                nums[i] = target
                changed.update((old, target))
            for d, n in zip(docs, nums):
                if d.article.title and n in changed and n not in titled:
                    titled[n] = (d.article.title, d.language)
            for num in changed:
                pr = index.profiles[num]
                if pr.size <= 0:
                    index.profiles[num] = None
                    index.stories.pop(pr.id, None)
                    index.cur_row[num] = -1
                    self._sync(num)
                    continue
                self._cap(pr)
                if pr.headline is None and num in titled:
                    pr.headline, pr.headline_language = titled[num]
            self._append_rows(sorted(n for n in changed if index.profiles[n] is not None))
            for num in changed:
                self._sync(num)
            self._compact()
        # members in arrival order (earlier batches first)
        pos = {d.article.id: k for k, d in enumerate(docs)}
        for num in set(nums):
            pr = index.profiles[num]
            pr.articles.sort(key=lambda aid: pos.get(aid, -1))
        return nums

    def close_silent(self) -> None:
        """Stories silent for longer than the window leave the live profiles."""
        index = self.index
        if index.latest_day is None:
            return
        limit = index.latest_day - self.p.window_days
        for num, pr in enumerate(index.profiles):
            if pr is not None and pr.live and pr.days and pr.last_day < limit:
                pr.live = False
                index.cur_row[num] = -1
                self._sync(num)


def _prepare(articles: list[Article], index: StoryIndex, *, keep_noise: bool = False) -> tuple[set[int], list[_Doc]]:
    """Noise decisions and term counts of a batch; the batch's openings and document frequencies join ``index``.

    Returns the positions of the noise pages and the docs of the other articles
    (of all articles with ``keep_noise``), in order.
    """
    p = index.params
    tokens = [_words(a.text or "") for a in articles]
    openings = [_hash(" ".join(t[:12])) for t in tokens]
    index.openings.update(openings)
    noise_set = {
        k
        for k, (a, op) in enumerate(zip(articles, openings))
        if is_noise(a, repeats=index.openings[op], params=p, tokens=tokens[k])
    }
    docs: list[_Doc] = []
    for k, a in enumerate(articles):
        if k in noise_set and not keep_noise:
            continue
        d = _doc(a, p, toks=tokens[k])
        docs.append(d)
        index.n_docs += 1
        index.df.update(d.counts.keys())
    return noise_set, docs


def article_vectors(
    articles: list[Article], params: StoryParams | None = None, *, keep_noise: bool = False
) -> tuple[sparse.csr_matrix, list[bool]]:
    """The unit vectors the clusterer compares, one row per article, and its noise decisions.

    Rows are the sublinear TF-IDF vectors :func:`cluster_stories` builds for a
    batch of these articles on a fresh index (document frequencies over the
    batch, too-common terms dropped, at most ``article_terms`` terms), so the
    dot product of two rows is the cosine the clusterer sees.  Noise pages get
    an empty row unless ``keep_noise`` (then they are vectorised like articles
    and count in the document frequencies).  For studies and diagnostics.
    """
    index = StoryIndex(params=params or StoryParams())
    articles = [a for a in articles if isinstance(a, Article)]
    noise_set, docs = _prepare(articles, index, keep_noise=keep_noise)
    vecs = _vectors(docs, index, index.params.article_terms, index.common())
    rows: list[dict[int, float]] = []
    it = iter(vecs)
    for k in range(len(articles)):
        rows.append({} if k in noise_set and not keep_noise else next(it))
    flags = [k in noise_set for k in range(len(articles))]
    return _csr(rows, len(index.vocab)), flags


def cluster_stories(
    articles: list[Article],
    *,
    state: StoryIndex | None = None,
    embedder: Any = None,
    params: StoryParams | None = None,
) -> StoriesResult:
    """Sort a batch of articles (in arrival order) into stories.

    ``state`` is the index returned by the previous batch (``result.state``);
    it is updated in place and returned.  ``embedder`` is an
    :class:`crosswire.embed.Embedder`; ``None`` loads the default one lazily,
    only if a cross-language decision comes up; ``False`` disables it.
    ``params`` apply to a new index only (an existing index keeps its own).
    """
    index = state if state is not None else StoryIndex(params=params or StoryParams())
    p = index.params
    articles = [a for a in articles if isinstance(a, Article)]
    noise_set, docs = _prepare(articles, index)
    noise = [articles[k].id for k in sorted(noise_set)]
    prints = _batch_fingerprints([d.words for d in docs], p.shingle, p.fingerprints, p.fingerprint_rate)
    for d, fp in zip(docs, prints):
        d.prints = fp
        d.words = []

    engine = _Engine(index, embedder)
    nums, vecs, fixed = engine.run(docs)
    nums = engine.refine(docs, nums, vecs, fixed)
    engine.close_silent()

    story_of = {d.article.id: index.profiles[n].id for d, n in zip(docs, nums)}
    assignments: list[tuple[str, str]] = []
    for k, a in enumerate(articles):
        if k in noise_set:
            assignments.append((a.id, NOISE_PREFIX + a.id))
        else:
            assignments.append((a.id, story_of[a.id]))
    ids = dict.fromkeys(story_of.values())
    stories = [_story(index.stories[s]) for s in ids]
    stories.sort(key=lambda s: (-s.sources, -len(s.articles), _sid_key(s.id)))
    return StoriesResult(stories=stories, noise=noise, assignments=assignments, state=index)


def _sid_key(sid: str) -> int:
    return int(sid[1:]) if sid[1:].isdigit() else 0


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


def _story(profile: StoryProfile) -> Story:
    return Story(
        id=profile.id,
        articles=list(profile.articles),
        headline=profile.headline,
        outlets=list(profile.outlets),
        first_date=_iso(profile.first_day),
        last_date=_iso(profile.last_day),
        sources=max(1, len(profile.roots)) if profile.articles else 0,
    )


# ---------------------------------------------------------------------------
# Output


def _md_text(text: str) -> str:
    """One line of user text made safe for Markdown."""
    text = " ".join(str(text).split())
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _headline(story: Story, by_id: dict[str, Article]) -> str:
    if story.headline:
        return story.headline
    for aid in story.articles:
        a = by_id.get(aid)
        if a is not None and a.text.strip():
            words = a.text.split()
            return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
    return story.id


def _dates(story: Story) -> str:
    if not story.first_date:
        return "no date"
    if story.first_date == story.last_date:
        return story.first_date
    return f"{story.first_date} to {story.last_date}"


def stories_markdown(articles: list[Article], result: StoriesResult) -> str:
    """The stories ranked by independent sources, then the pages set aside as noise."""
    by_id = {a.id: a for a in articles}
    n = len(result.stories)
    lines = [f"# {n} stor{'ies' if n != 1 else 'y'} from {len(articles)} item{'s' if len(articles) != 1 else ''}", ""]
    for k, s in enumerate(result.stories, 1):  # ranked; the id is the one the JSONL rows give
        lines.append(f"## {k}. {_md_text(_headline(s, by_id))} (`{s.id}`)")
        lines.append("")
        outlets = ", ".join(_md_text(o) for o in s.outlets) or "unknown outlets"
        lines.append(
            f"- {len(s.articles)} article{'s' if len(s.articles) != 1 else ''}, "
            f"{s.sources} independent source{'s' if s.sources != 1 else ''}; {outlets}; {_dates(s)}"
        )
        for aid in s.articles:
            a = by_id.get(aid)
            if a is None:
                lines.append(f"  - `{aid}` (earlier batch)")
                continue
            label = _md_text(a.title or " ".join(a.text.split()[:10]))
            meta = ", ".join(_md_text(x) for x in (a.outlet, a.published) if x)
            lines.append(f"  - `{aid}` {label}" + (f" ({meta})" if meta else ""))
        lines.append("")
    if result.noise:
        lines.append(f"## Not articles ({len(result.noise)})")
        lines.append("")
        for aid in result.noise:
            a = by_id.get(aid)
            snippet = _md_text(" ".join(a.text.split()[:12])) if a is not None else ""
            lines.append(f"- `{aid}` {snippet}")
        lines.append("")
    return "\n".join(lines)
