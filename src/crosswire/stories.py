"""Sorting a stream of articles into stories.

The pile a user holds (a day of feeds, an export, a crawl) is read in arrival
order.  Each story keeps a compact *profile*: a capped, IDF-weighted term
centroid (words, names, numbers), its outlets, languages and dates.  A new
article is compared only with the live stories that share one of its top terms
(an inverted index over the profiles' top terms), joins the best one above a
threshold, or starts a story of its own.  Nothing grows with the square of the
stream: per article the work is bounded by the capped profile sizes.

* **Streaming.**  :class:`StoryIndex` holds everything the next batch needs
  (running document frequencies, profiles, the inverted index, copy
  fingerprints).  ``cluster_stories(batch2, state=result1.state)`` lets a new
  day join yesterday's stories without redoing yesterday.
* **Dates.**  When an article and a story both carry a date, the story is
  closed to the article after ``window_days`` of silence.
* **Copies** always land in their original's story: every article leaves a few
  min-hash fingerprints of its word 8-grams, and an article that shares several
  of them with an earlier one is assigned to that one's story before any
  similarity is computed.
* **Noise.**  Pages that are not articles (cookie walls, login walls, archive
  notices, "enable JavaScript") are recognised from general features -- very
  short text, density of web-interface vocabulary, and an opening repeated
  across many items of the stream -- and kept out of stories.  In
  ``assignments`` each noise page gets a story id of its own,
  ``"noise:<article id>"``, so that scorers see it as a singleton.
* **Languages.**  Reports of one event in another language share names and
  numbers, which retrieve the candidate stories; the multilingual embedding of a
  short lead (title + first two sentences) then decides, and only for such
  cross-language candidates (it costs far more than the lexical path).

How the thresholds were chosen: the join threshold sits where same-story and
different-story cosines of capped TF-IDF profiles cross on English news (around
0.2-0.3 for sublinear TF-IDF of full articles, the region baselines also use);
it was checked on a development stream and on cross-lingual same-story pairs,
not fitted per file.  All of them live in :class:`StoryParams`.
"""

from __future__ import annotations

import heapq
import json
import math
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Literal

import numpy as np
from scipy import sparse

from .model import Article, Story

__all__ = [
    "StoryParams",
    "StoryProfile",
    "StoryIndex",
    "StoriesResult",
    "cluster_stories",
    "story_similarity",
    "is_noise",
    "stories_markdown",
    "write_briefs",
]

NOISE_PREFIX = "noise:"

# ---------------------------------------------------------------------------
# Words

_TOKEN = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*", re.UNICODE)

# Function words of a few languages, written for this module.  They are dropped
# from profiles and used to guess an article's language cheaply.
_STOP: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a about after again against all also am an and any are as at be because been before being below "
        "between both but by can could did do does doing down during each few for from further had has have "
        "having he her here hers herself him himself his how i if in into is it its itself just me more most "
        "my myself no nor not now of off on once only or other our ours out over own said same says she should "
        "so some such than that the their theirs them then there these they this those through to too under "
        "until up very was we were what when where which while who whom why will with would you your yours "
        "one two new also told year years last first would like get got make made may might must us".split()
    ),
    "fr": frozenset(
        "au aux avec ce ces cette dans de des du elle elles en est et eux il ils je la le les leur leurs lui "
        "ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sont "
        "sur ta te tes toi ton tu un une vos votre vous été être avoir ont fait a plus comme aussi selon "
        "après avant depuis entre sans sous été était sera ainsi dont".split()
    ),
    "de": frozenset(
        "aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du durch ein eine einem "
        "einen einer eines er es für hat hatte ich ihr im in ist ja kein mit nach nicht noch nur oder sein "
        "sich sie sind so über um und uns von vor war wie wir wird wurde zu zum zur werden wurden nach seit "
        "gegen".split()
    ),
    "es": frozenset(
        "al como con de del el en es esta este ha han la las le lo los más no o para pero por que se sin "
        "sobre su sus también un una y ya fue son entre tras desde según hasta".split()
    ),
    "it": frozenset(
        "al alla che con da del della di e è gli ha il in la le lo ma nel nella non per più si sono su tra "
        "un una anche dei delle sul dopo secondo".split()
    ),
    "pt": frozenset(
        "ao as com da das de do dos e é em foi na nas no nos o os para pela pelo por que se sem sua seu um "
        "uma também mais após segundo".split()
    ),
    "pl": frozenset(
        "i w na z się nie do to że jest o jak po przez od za co ale dla jego jej tym tak był była są oraz "
        "który która które".split()
    ),
    "ru": frozenset(
        "и в во на не что он она они это как с со по из за от для к у же но то бы был была были было его её "
        "их о об при также который которая которые".split()
    ),
    "tr": frozenset(
        "ve bir bu da de ile için olarak olan gibi daha çok en ama ki ne o şu sonra kadar".split()
    ),
}
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


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def guess_language(text: str) -> str | None:
    """A cheap language guess from function words; ``None`` when unsure."""
    return _language_of(Counter(_TOKEN.findall(text[:2000].lower())))


# ---------------------------------------------------------------------------
# Parameters and state


@dataclass(slots=True, frozen=True)
class StoryParams:
    """Settings of the story clustering (the defaults are the shipped ones)."""

    join: float = 0.2  # mean cosine of an article with a story's members to join it
    cross_join: float = 0.86  # embedding cosine of leads to join a story in another language
    window_days: int = 7  # a story closes after this many days without a new article
    profile_terms: int = 400  # terms kept in a story profile (the sum of its members' vectors)
    article_terms: int = 200  # strongest terms of an article used in the comparison
    common_share: float = 0.05  # terms in more than this share of the documents seen ...
    common_floor: int = 50  # ... and in more than this many documents carry no story signal
    refine_passes: int = 2  # reassignment passes over the batch after the single pass
    block: int = 256  # articles scored together against the profiles
    cross_candidates: int = 5  # stories in other languages checked with the embedding
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
    terms: dict[str, float] = field(default_factory=dict)  # summed member vectors, capped
    size: int = 0  # articles whose vectors are summed in ``terms``
    articles: list[str] = field(default_factory=list)
    roots: set[str] = field(default_factory=set)  # articles that are not copies of another
    headline: str | None = None
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
    lead: str
    prints: list[int] = field(default_factory=list)


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


_NAME = re.compile(r"(?<=[\w,;:] )[^\W\d_][^\W_]*(?:[-'’][^\W_]+)*")
_NAME_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω]")


def _language_of(counts: Counter) -> str | None:
    n = sum(counts.values())
    if n < 5:
        return None
    keys = counts.keys()
    best, best_n = None, 0
    for lang, words in _STOP.items():
        c = sum(counts[w] for w in keys & words)
        if c > best_n:
            best, best_n = lang, c
    return best if best_n >= max(2, 0.05 * n) else None


def _doc(article: Article, params: StoryParams, *, max_words: int = 800) -> _Doc:
    """Weighted term counts, language, day, lead and copy fingerprints of one article."""
    text = article.text or ""
    toks = _TOKEN.findall(text.lower())
    raw = Counter(toks)
    language = article.language or _language_of(raw)
    counts: dict[str, float] = {
        t: float(c) for t, c in raw.items() if t not in _ALL_STOP and (len(t) > 1 or t.isdigit())
    }
    if params.name_weight != 1.0 and not text.islower():
        # capitalised words inside a sentence are names: in every cased script they weigh more
        names = Counter(m.lower() for m in _NAME.findall(text) if _NAME_UPPER.match(m))
        for t, c in names.items():
            if t in counts:
                counts[t] += (params.name_weight - 1.0) * c
    if article.title:
        for tok in _TOKEN.findall(article.title.lower()):
            if tok not in _ALL_STOP and (len(tok) > 1 or tok.isdigit()):
                counts[tok] = counts.get(tok, 0.0) + params.title_weight
    words = [t for t in toks[: max_words * 2] if t not in _ALL_STOP][:max_words]
    prints = _fingerprints(words, params.shingle, params.fingerprints, params.fingerprint_rate)
    return _Doc(article, counts, language, _day(article.published), _lead(article), prints)


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
    if not words:
        return []
    h = np.fromiter((_hash(w) for w in words), dtype=np.uint64, count=len(words))
    m = max(1, len(words) - n + 1)
    acc = np.zeros(m, dtype=np.uint64)
    for j in range(min(n, len(words))):
        acc = acc * _FNV + h[j : j + m]
    acc = (acc ^ (acc >> np.uint64(29))) * _MIX
    acc ^= acc >> np.uint64(32)
    acc = np.unique(acc)
    picked = acc[acc % np.uint64(rate) == 0]
    if len(picked) == 0:
        picked = acc[:1]
    return [int(x) for x in picked[:k]]


def _opening(text: str) -> int:
    toks = [t.lower() for t in _tokens(text[:400])][:12]
    return _hash(" ".join(toks))


def _interface_density(text: str) -> tuple[int, float]:
    toks = [t.lower() for t in _tokens(text)]
    content = [t for t in toks if t not in _ALL_STOP]
    if not content:
        return len(toks), 1.0
    return len(toks), sum(1 for t in content if t in _INTERFACE) / len(content)


def is_noise(article: Article, *, repeats: int = 1, params: StoryParams | None = None) -> bool:
    """True when the page is not an article (wall, notice, widget, very short boilerplate).

    ``repeats`` is how many pages of the stream open with the same words as this
    one; an opening shared by many items is boilerplate unless the page reads
    like news.
    """
    p = params or StoryParams()
    n_words, density = _interface_density(article.text or "")
    if n_words < p.noise_min_words:
        return True
    if density >= 0.3:
        return True
    if density >= 0.15 and n_words < 150:
        return True
    if repeats >= p.noise_repeats and density >= 0.08:
        return True
    return False


# ---------------------------------------------------------------------------
# Similarity


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


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


def _csr(vecs: list[dict[str, float]], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Rows of term weights as a sparse matrix over the vocabulary (unknown terms dropped)."""
    indptr, indices, data = [0], [], []
    for v in vecs:
        for t, w in v.items():
            c = vocab.get(t)
            if c is not None:
                indices.append(c)
                data.append(w)
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(vecs), len(vocab)),
    )


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
        self.idf: dict[str, float] = {}  # document frequencies are fixed during a batch
        self.common = index.common()

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
        chunk = _csr([index.profiles[n].terms for n in nums], index.vocab)
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

    def _arrays(self, extra: int) -> tuple[np.ndarray, ...]:
        """Per story number: size, first and last day, live flag, language code (room for ``extra`` more)."""
        index = self.index
        cap = len(index.profiles) + extra
        size = np.zeros(cap)
        first = np.full(cap, np.nan)
        last = np.full(cap, np.nan)
        live = np.zeros(cap, dtype=bool)
        lang = np.full(cap, -1, dtype=np.int64)
        for num, pr in enumerate(index.profiles):
            if pr is None:
                continue
            size[num] = pr.size
            live[num] = pr.live and index.cur_row[num] >= 0
            if pr.days:
                first[num], last[num] = pr.first_day, pr.last_day
            lang[num] = self._lang_code(pr.language)
        return size, first, last, live, lang

    # -- the single pass
    def run(self, docs: list[_Doc]) -> tuple[list[int], list[dict[str, float]], set[int]]:
        """Assign every doc to a story number, block by block.

        Returns the story numbers, the docs' vectors and the positions of the
        docs whose place is fixed (copies and cross-language joins).
        """
        index = self.index
        vecs = [_vector(d, index, self.p.article_terms, self.idf, self.common) for d in docs]
        for v in vecs:
            for t in v:
                if t not in index.vocab:
                    index.vocab[t] = len(index.vocab)
        out: list[int] = []
        fixed: set[int] = set()
        B = max(1, self.p.block)
        for s in range(0, len(docs), B):
            out.extend(self._block(docs[s : s + B], vecs[s : s + B], s, fixed))
            self._compact()
        return out, vecs, fixed

    def _block(self, docs: list[_Doc], vecs: list[dict[str, float]], offset: int, fixed: set[int]) -> list[int]:
        index, p = self.index, self.p
        X = _csr(vecs, index.vocab)
        B = len(docs)
        A = (X @ X.T).toarray()
        S = self._story_scores(X)
        size, first, last, live, lang = self._arrays(B)
        touched: list[int] = []
        tpos: dict[int, int] = {}
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
                    keep = ~np.isin(idx, T)
                    mine = local[:i] >= 0
                    inb = np.bincount(local[:i][mine], weights=A[i, :i][mine], minlength=len(T))
                    cand = np.concatenate([idx[keep], T])
                    dots = np.concatenate([val[keep], old_dot(T) + inb[: len(T)]])
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
                    elif doc.language:
                        code = self._lang_code(doc.language)
                        other = (lang[cand] >= 0) & (lang[cand] != code) & (scores > 0)
                        if other.any():
                            oc, os_ = cand[other], scores[other]
                            order = np.argsort(-os_)[: p.cross_candidates]
                            target = self._cross_language(doc, [int(x) for x in oc[order]])
                            if target is not None:
                                fixed.add(offset + i)
            if target is None:
                target = self._new_story()
                live[target] = True
            size[target] += 1
            if target not in tpos:
                tpos[target] = len(touched)
                touched.append(target)
            local[i] = tpos[target]
            pr = index.profiles[target]
            self._add(pr, doc, copy)
            if doc.day is not None:
                first[target] = doc.day if np.isnan(first[target]) else min(first[target], doc.day)
                last[target] = doc.day if np.isnan(last[target]) else max(last[target], doc.day)
            lang[target] = self._lang_code(pr.language)
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
        if story.headline is None and a.title:
            story.headline = a.title
        if not story.lead:
            story.lead = doc.lead
        if a.outlet:
            story.outlets[a.outlet] += 1
        if doc.language:
            story.languages[doc.language] += 1
        if doc.day is not None:
            story.days[doc.day] += 1
            latest = self.index.latest_day
            self.index.latest_day = doc.day if latest is None else max(latest, doc.day)

    def _remove(self, story: StoryProfile, doc: _Doc, vec: dict[str, float]) -> None:
        a = doc.article
        story.articles.remove(a.id)
        story.size -= 1
        story.roots.discard(a.id)
        for counter, key in ((story.outlets, a.outlet), (story.languages, doc.language), (story.days, doc.day)):
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
            story.headline = None

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
            size, first, last, live, _lang = self._arrays(0)
            moves: list[tuple[int, int]] = []  # (doc position, new story number or -1 for a new story)
            anchored = {nums[i] for i in fixed}  # stories held together by copies or translations
            step = 2048
            for s in range(0, len(docs), step):
                X = _csr(vecs[s : s + step], index.vocab)
                S = self._story_scores(X)
                for k in range(X.shape[0]):
                    i = s + k
                    if i in fixed or not vecs[i]:
                        continue
                    own = nums[i]
                    pr = index.profiles[own]
                    lo, hi = S.indptr[k], S.indptr[k + 1]
                    cand, dots = S.indices[lo:hi], S.data[lo:hi].copy()
                    self_dot = sum(x * x for t, x in vecs[i].items() if t in pr.terms)
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
                    if best >= p.join and best > own_score:
                        moves.append((i, best_num))
                    elif own_score < p.join and pr.size > 1 and own not in anchored:
                        moves.append((i, -1))
            if not moves:
                break
            changed: set[int] = set()
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
            for num in changed:
                pr = index.profiles[num]
                if pr.size <= 0:
                    index.profiles[num] = None
                    index.stories.pop(pr.id, None)
                    index.cur_row[num] = -1
                    continue
                self._cap(pr)
                if pr.headline is None:
                    pr.headline = next((d.article.title for d, n in zip(docs, nums) if n == num and d.article.title), None)
            self._append_rows(sorted(n for n in changed if index.profiles[n] is not None))
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

    # openings and document frequencies of the whole batch first
    openings = [_opening(a.text or "") for a in articles]
    index.openings.update(openings)
    noise: list[str] = []
    noise_set: set[int] = set()
    for k, (a, op) in enumerate(zip(articles, openings)):
        if is_noise(a, repeats=index.openings[op], params=p):
            noise.append(a.id)
            noise_set.add(k)
    docs: list[_Doc] = []
    for k, a in enumerate(articles):
        if k in noise_set:
            continue
        d = _doc(a, p)
        docs.append(d)
        index.n_docs += 1
        index.df.update(d.counts.keys())

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
    lines = [f"# {len(result.stories)} stories from {len(articles)} items", ""]
    for k, s in enumerate(result.stories, 1):
        lines.append(f"## {k}. {_md_text(_headline(s, by_id))}")
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


_INDEX_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crosswire: {{ stories|length }} stories</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
li{margin:.6rem 0} .meta{color:#666;font-size:.9em} .noise{color:#888;font-size:.9em}
</style></head><body>
<h1>{{ stories|length }} stories</h1>
<p class="meta">{{ n_articles }} items read; ranked by independent sources.</p>
<ol>
{% for s in stories %}<li><a href="{{ s.href }}">{{ s.headline }}</a>
<div class="meta">{{ s.articles }} articles, {{ s.sources }} independent sources{% if s.outlets %}; {{ s.outlets }}{% endif %}; {{ s.dates }}</div></li>
{% endfor %}</ol>
{% if noise %}<h2>Not articles ({{ noise|length }})</h2>
<ul class="noise">{% for n in noise %}<li>{{ n }}</li>{% endfor %}</ul>{% endif %}
</body></html>
"""


class _Progress:
    """A Rich progress bar on stderr (or nothing)."""

    def __init__(self, enabled: bool) -> None:
        self._bar = None
        if enabled:
            try:
                from rich.console import Console
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

                self._bar = Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"),
                    TimeElapsedColumn(),
                    console=Console(stderr=True),
                    transient=False,
                )
            except Exception:
                self._bar = None

    def __enter__(self) -> "_Progress":
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def task(self, description: str, total: int) -> Any:
        if self._bar is None:
            return None
        return self._bar.add_task(description, total=total, rate="")

    def update(self, task: Any, *, advance: int = 0, description: str | None = None, rate: str = "") -> None:
        if self._bar is None or task is None:
            return
        kw: dict[str, Any] = {"advance": advance, "rate": rate}
        if description is not None:
            kw["description"] = description
        self._bar.update(task, **kw)


def _safe_name(sid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", sid)


def write_briefs(
    articles: list[Article],
    out_dir: str | Path,
    *,
    fmt: Literal["html", "md", "json"] = "html",
    min_articles: int = 2,
    progress: bool = True,
    state: StoryIndex | None = None,
    embedder: Any = None,
) -> list[Path]:
    """Cluster the articles, write one brief per story of ``min_articles`` or more, and an index.

    Returns the paths written, the index last.  A story whose brief fails is
    skipped with a one-line message on stderr; the others are still written.
    """
    from .model import to_json
    from .pipeline import brief_for

    if fmt not in ("html", "md", "json"):
        raise ValueError(f"unknown format {fmt!r}: use html, md or json")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    by_id = {a.id: a for a in articles}
    written: list[Path] = []
    entries: list[dict[str, Any]] = []
    ext = {"html": "html", "md": "md", "json": "json"}[fmt]
    with _Progress(progress) as bar:
        t0 = time.perf_counter()
        task = bar.task("stories", total=max(1, len(articles)))
        result = cluster_stories(articles, state=state, embedder=embedder)
        dt = time.perf_counter() - t0
        bar.update(task, advance=max(1, len(articles)), rate=f"{len(articles) / max(dt, 1e-9):,.0f} articles/s")
        chosen = [s for s in result.stories if len([a for a in s.articles if a in by_id]) >= max(1, min_articles)]
        n_arts = sum(len(s.articles) for s in chosen)
        btask = bar.task("briefs", total=max(1, n_arts))
        t1 = time.perf_counter()
        done = 0
        for s in chosen:
            members = [by_id[a] for a in s.articles if a in by_id]
            name = f"{_safe_name(s.id)}.{ext}"
            try:
                brief = brief_for(members)
                if fmt == "html":
                    from .render import render_html

                    text = render_html(brief)
                elif fmt == "md":
                    from .render import render_markdown

                    text = render_markdown(brief)
                else:
                    text = json.dumps(to_json(brief), ensure_ascii=False, indent=2)
                path = out / name
                path.write_text(text, encoding="utf-8")
                written.append(path)
                headline = brief.headline or _headline(s, by_id)
                entries.append(
                    {
                        "id": s.id,
                        "headline": headline,
                        "href": name,
                        "articles": len(members),
                        "sources": brief.sources or s.sources,
                        "outlets": list(s.outlets),
                        "first_date": s.first_date,
                        "last_date": s.last_date,
                    }
                )
            except Exception as e:  # one bad story must not lose the others
                print(f"crosswire: story {s.id}: brief failed: {e}", file=sys.stderr)
            done += len(members)
            rate = done / max(time.perf_counter() - t1, 1e-9)
            bar.update(btask, advance=len(members), rate=f"{rate:,.1f} articles/s")
    entries.sort(key=lambda e: (-e["sources"], -e["articles"], _sid_key(e["id"])))
    noise = [
        f"{aid}: " + " ".join((by_id[aid].text if aid in by_id else "").split()[:12]) for aid in result.noise
    ]
    if fmt == "json":
        index_path = out / "index.json"
        index_path.write_text(
            json.dumps({"stories": entries, "noise": result.noise}, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    elif fmt == "md":
        index_path = out / "index.md"
        lines = [f"# {len(entries)} stories", "", f"{len(articles)} items read; ranked by independent sources.", ""]
        for k, e in enumerate(entries, 1):
            lines.append(
                f"{k}. [{_md_text(e['headline'])}]({e['href']}): {e['articles']} articles, "
                f"{e['sources']} independent sources"
                + (f"; {', '.join(_md_text(o) for o in e['outlets'])}" if e["outlets"] else "")
            )
        if noise:
            lines += ["", f"## Not articles ({len(noise)})", ""] + [f"- {_md_text(n)}" for n in noise]
        index_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        from jinja2 import Environment

        env = Environment(autoescape=True)
        view = [
            {
                "href": e["href"],
                "headline": e["headline"],
                "articles": e["articles"],
                "sources": e["sources"],
                "outlets": ", ".join(e["outlets"]),
                "dates": _dates(Story(id=e["id"], articles=[], first_date=e["first_date"], last_date=e["last_date"])),
            }
            for e in entries
        ]
        index_path = out / "index.html"
        index_path.write_text(
            env.from_string(_INDEX_HTML).render(stories=view, noise=noise, n_articles=len(articles)),
            encoding="utf-8",
        )
    written.append(index_path)
    return written
