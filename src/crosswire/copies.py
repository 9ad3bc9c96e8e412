"""Copies: find the reports that are one report published several times.

Ten outlets carrying one wire story are one source, not ten.  This stage groups
articles into :class:`~crosswire.model.CopyGroup` s of four kinds:

``identical``
    the same text (after normalising case, accents, punctuation and spacing);
``syndicated``
    the same copy with trims, added paragraphs, a new headline or an appeal:
    most sentences of the shorter text have a near-identical counterpart in the
    other, in the same order;
``rewrite``
    the same facts in the same order, reworded (a rewrite desk, a machine
    paraphrase, or two renderings of one dispatch in the same language);
``translation``
    the same dispatch in another language.

How it scales (the shape of the engines newsrooms use):

1. exact duplicates are grouped by a hash of the normalised text, and only one
   representative of each goes further;
2. candidate pairs come from MinHash LSH over word shingles (hashed with numpy,
   banded into buckets), plus a second cheap blocking on a "names and numbers"
   signature (capitalised words and digits), which survives rewording and
   translation.  Both cost time linear in the number of articles; oversized
   buckets (boilerplate every page shares) are skipped;
3. every candidate pair gets a precise check: a monotone (in-order, one-to-one)
   alignment of their sentences, scored with rapidfuzz, and, only for the few
   pairs where lexical evidence is not enough, with the multilingual sentence
   embedding of :mod:`crosswire.embed`.  Two independent reports of one event
   share names and numbers; what they do not share is a long in-order chain of
   matching sentences.

Everything works without the embedding model; it then finds identical,
syndicated and lexical rewrites, but not translations.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, Protocol, Sequence

import numpy as np

from .model import Article, CopyGroup, independent_sources
from .sentences import article_sentences, split_sentences

__all__ = ["find_copies", "copies_json", "copies_markdown", "minhash_signatures", "candidate_pairs"]

Kind = Literal["identical", "syndicated", "rewrite", "translation"]
_LOOSENESS: dict[str, int] = {"identical": 0, "syndicated": 1, "rewrite": 2, "translation": 3}

# --- parameters (module constants, documented; none is tuned to one corpus) ---------------------

NUM_PERM = 128          # MinHash permutations
SHINGLE = 4             # words per shingle
TEXT_BANDS, TEXT_ROWS = 64, 2       # LSH over shingles: catches Jaccard >= ~0.12 most of the time
NAME_BANDS, NAME_ROWS = 42, 3       # LSH over names+numbers: catches Jaccard >= ~0.3 most of the time
MAX_BUCKET = 50         # a bucket larger than this is boilerplate shared by many pages: skipped
MIN_NAMES = 6           # fewer distinct names/numbers than this: no second blocking for the article

NEAR = 0.85             # fuzz.ratio (0..1) of two sentences that are one sentence lightly edited
REWORDED = 0.60         # token-sort ratio of two sentences that say the same in other words
EMBED_MATCH = 0.89      # cosine of e5 sentence embeddings that render one sentence (e5 is compressed:
                        # unrelated news sentences score ~0.75-0.8)
MIN_UNIT_WORDS = 4      # sentences shorter than this do not count for coverage
SYNDICATED_COVER = 0.6  # share of the shorter text's sentences matched near-identically, in order
REWRITE_COVER = 0.7     # share of the shorter text's sentences matched (reworded), in order
MIN_MATCHES = 3         # and at least this many matched sentences (fewer if the text is that short)
MAX_UNITS = 80          # sentences per article used by the precise check
MAX_EMBED_PAIRS = 200   # cap on embedding checks per call, to keep the cost bounded

_WORD = re.compile(r"\w+", re.UNICODE)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPLIT_LONG = re.compile(r"(?<=[.!?])\s+(?=\S)")
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


class _Encoder(Protocol):
    def encode(self, texts: list[str], *, query: bool = False) -> np.ndarray | None: ...


# --- normalisation ----------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Case- and accent-folded text: 'Sébastien' and 'sebastien' compare equal."""
    text = text.casefold()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def _norm(text: str) -> str:
    return " ".join(_words(text))


# --- MinHash (numpy-vectorised) -----------------------------------------------------------------


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(seed)
    a = gen.randint(1, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    b = gen.randint(0, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    return a, b


def _token_ids(words: Sequence[str], vocab: dict[str, int]) -> np.ndarray:
    """Stable 32-bit ids of words (blake2b of the word, cached in ``vocab``)."""
    out = np.empty(len(words), dtype=np.uint64)
    for i, w in enumerate(words):
        h = vocab.get(w)
        if h is None:
            h = int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=4).digest(), "little")
            vocab[w] = h
        out[i] = h
    return out


def _shingle_hashes(ids: np.ndarray, k: int) -> np.ndarray:
    """32-bit hashes of the distinct k-word shingles of a sequence of word ids."""
    if len(ids) == 0:
        return ids
    if len(ids) < k:
        k = len(ids)
    h = np.zeros(len(ids) - k + 1, dtype=np.uint64)
    mult = np.uint64(1000003)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * mult + ids[j : len(ids) - k + 1 + j]
    h ^= h >> np.uint64(29)
    return np.unique(h & _MAX_HASH)


def minhash_signatures(token_lists: Sequence[Sequence[str]], *, shingle: int = SHINGLE,
                       num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash signatures, one row of ``num_perm`` uint64 per token list.

    Shingles are ``shingle`` consecutive tokens; an empty list gets an all-max row
    (it then collides with nothing but other empty lists, which are skipped).
    """
    a, b = _permutations(num_perm)
    vocab: dict[str, int] = {}
    sig = np.full((len(token_lists), num_perm), _MAX_HASH, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i, toks in enumerate(token_lists):
            hv = _shingle_hashes(_token_ids(toks, vocab), shingle)
            if len(hv) == 0:
                continue
            # the universal hashing of datasketch: (a*x + b) mod (2^61 - 1), kept to 32 bits
            for start in range(0, len(hv), 2048):  # bounded temporary memory for long texts
                ph = (np.outer(hv[start : start + 2048], a) + b) % _MERSENNE & _MAX_HASH
                np.minimum(sig[i], ph.min(axis=0), out=sig[i])
    return sig


def candidate_pairs(sig: np.ndarray, bands: int, rows: int, *, skip: Sequence[bool] | None = None,
                    max_bucket: int = MAX_BUCKET) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share at least one LSH band bucket.

    Buckets with more than ``max_bucket`` members are skipped: they hold text that
    very many pages share (cookie notices, subscription appeals) and would make the
    cost quadratic.
    """
    pairs: set[tuple[int, int]] = set()
    n = sig.shape[0]
    keep = np.ones(n, dtype=bool) if skip is None else ~np.asarray(skip, dtype=bool)
    idx = np.flatnonzero(keep)
    for band in range(bands):
        block = np.ascontiguousarray(sig[idx, band * rows : (band + 1) * rows])
        if block.shape[1] == 0:
            break
        # bucket by the band's bytes: sort rows and cut where they change
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * block.shape[1]))).ravel()
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        cuts = np.flatnonzero(sk[1:] != sk[:-1]) + 1
        for members in np.split(order, cuts):
            if 1 < len(members) <= max_bucket:
                ids = np.sort(idx[members])
                for x in range(len(ids)):
                    for y in range(x + 1, len(ids)):
                        pairs.add((int(ids[x]), int(ids[y])))
    return pairs


# --- per-article views ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Doc:
    """What the check needs of one article, computed once per call."""

    article: Article
    words: list[str]
    names: list[str]
    units: list[str] = field(default_factory=list)        # sentence texts, verbatim
    norm_units: list[str] = field(default_factory=list)   # folded, punctuation-free
    sorted_units: list[str] = field(default_factory=list)  # folded, tokens sorted
    counts: np.ndarray | None = None                     # unit counts for coverage (long enough)
    language: str | None = None
    vectors: np.ndarray | None = None
    ready: bool = False


_CAPITAL = re.compile(r"\b[^\W\d_][\w'’-]*", re.UNICODE)
_DIGITS = re.compile(r"\d[\d.,:]*\d|\d")
_OPENING = set(".!?…:;\"“”«»‘’'([-—–")


def _names(text: str) -> list[str]:
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
    out += [re.sub(r"[.,:]", "", m.group()) for m in _DIGITS.finditer(text)]
    return out


_TERMINAL = re.compile(r"""[.!?…:;]["'”’»)\]]*\s*$""")


def _unwrap(paragraphs: list[str]) -> list[str]:
    """Undo hard wrapping: rejoin lines that a fixed-width layout cut mid-sentence.

    A text counts as hard-wrapped when many of its paragraphs end without
    punctuation; a line is then joined to the next when it is about as long as the
    wrapped lines (so short headings stay apart).
    """
    paras = [" ".join(p.split()) for p in paragraphs if p.strip()]
    open_ends = [p for p in paras if not _TERMINAL.search(p)]
    if len(paras) < 5 or len(open_ends) < 0.4 * len(paras):
        return paras
    width = float(np.median([len(p) for p in open_ends]))
    out: list[str] = []
    carry = ""
    for p in paras:
        carry = f"{carry} {p}" if carry else p
        if _TERMINAL.search(p) or len(p) < 0.6 * width:
            out.append(carry)
            carry = ""
    if carry:
        out.append(carry)
    return out


def _units(article: Article) -> list[str]:
    """Sentences for alignment: the article's sentences, robust to layout accidents.

    Hard-wrapped text is rejoined first; long sentences are split again at stops,
    since lower-cased text defeats the sentence splitter (it waits for a capital).
    """
    paras = _unwrap(article.paragraphs)
    if len(paras) != len(article.paragraphs):
        sentences = [s.text for s in split_sentences("\n\n".join(paras), article.id)]
    else:
        sentences = [s.text for s in article_sentences(article)]
    out: list[str] = []
    for text in sentences:
        if len(text) > 400:
            out.extend(p for p in _SPLIT_LONG.split(text) if p.strip())
        else:
            out.append(text)
    return out[:MAX_UNITS]


def _prepare(doc: _Doc) -> _Doc:
    if not doc.ready:
        doc.units = _units(doc.article)
        doc.norm_units = [_norm(u) for u in doc.units]
        doc.sorted_units = [" ".join(sorted(u.split())) for u in doc.norm_units]
        doc.counts = np.array([len(u.split()) >= MIN_UNIT_WORDS for u in doc.norm_units], dtype=bool)
        doc.ready = True
    return doc


@lru_cache(maxsize=1)
def _language_detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def _language(doc: _Doc) -> str | None:
    if doc.language is None:
        lang = doc.article.language
        if not lang:
            sample = " ".join(doc.article.text.split()[:150])
            try:
                found = _language_detector().detect_language_of(sample) if sample else None
                lang = found.iso_code_639_1.name.lower() if found is not None else ""
            except Exception:  # lingua missing or failing: treat as unknown
                lang = ""
        doc.language = lang or ""
    return doc.language or None


# --- the precise check -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Match:
    """The outcome of aligning two articles' sentences."""

    kind: Kind | None
    similarity: float
    pairs: list[tuple[int, int]]  # aligned (unit of a, unit of b)
    cover: float = 1.0  # share of the shorter text's sentences matched


def _monotone(score: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The in-order one-to-one alignment maximising the summed score of matches above threshold."""
    m, n = score.shape
    if m == 0 or n == 0:
        return []
    w = np.where(score >= threshold, score, -1.0).astype(np.float64)
    dp = np.zeros((m + 1, n + 1))
    for i in range(1, m + 1):
        prev = dp[i - 1]
        diag = np.full(n + 1, -np.inf)
        diag[1:] = np.where(w[i - 1] > 0, prev[:-1] + w[i - 1], -np.inf)
        dp[i] = np.maximum.accumulate(np.maximum(prev, diag))
    pairs: list[tuple[int, int]] = []
    i, j = m, n
    while i > 0 and j > 0:
        if dp[i, j] == dp[i - 1, j]:
            i -= 1
        elif dp[i, j] == dp[i, j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    pairs.reverse()
    return pairs


def _coverage(pairs: list[tuple[int, int]], score: np.ndarray, a: _Doc, b: _Doc) -> tuple[float, float, int]:
    """How much of the shorter text the alignment covers.

    Returns the share of the shorter text's countable sentences that are matched,
    weighted by their length (so one shared boilerplate line does not make a
    short page a copy), the same share further weighted by the match scores (the
    reported similarity), and the number of matched countable sentences.
    """
    ca, cb = a.counts, b.counts
    assert ca is not None and cb is not None
    la = np.array([len(u) for u in a.norm_units], dtype=np.float64) * ca
    lb = np.array([len(u) for u in b.norm_units], dtype=np.float64) * cb
    if la.sum() == 0 or lb.sum() == 0:
        return 0.0, 0.0, 0
    side = 0 if ca.sum() < cb.sum() or (ca.sum() == cb.sum() and la.sum() <= lb.sum()) else 1
    lengths = la if side == 0 else lb
    counted = [(i, j) for i, j in pairs if lengths[i if side == 0 else j] > 0]
    covered = sum(lengths[i if side == 0 else j] for i, j in counted)
    weighted = sum(lengths[i if side == 0 else j] * float(score[i, j]) for i, j in counted)
    total = float(lengths.sum())
    return min(1.0, covered / total), min(1.0, weighted / total), len(counted)


def _enough(matched: int, a: _Doc, b: _Doc) -> bool:
    assert a.counts is not None and b.counts is not None
    return matched >= min(MIN_MATCHES, int(a.counts.sum()), int(b.counts.sum())) and matched >= 2


def _lexical(a: _Doc, b: _Doc) -> tuple[_Match, np.ndarray]:
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    near = cdist(a.norm_units, b.norm_units, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
    pairs = _monotone(near, NEAR)
    cover, sim, matched = _coverage(pairs, near, a, b)
    if cover >= SYNDICATED_COVER and _enough(matched, a, b):
        return _Match("syndicated", sim, pairs), near
    loose = cdist(a.sorted_units, b.sorted_units, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
    loose = np.maximum(loose, near)
    pairs = _monotone(loose, REWORDED)
    cover, sim, matched = _coverage(pairs, loose, a, b)
    if cover >= REWRITE_COVER and _enough(matched, a, b):
        return _Match("rewrite", sim, pairs), loose
    return _Match(None, sim, pairs, cover), loose


def _vectors(doc: _Doc, embedder: _Encoder) -> np.ndarray | None:
    if doc.vectors is None:
        try:
            vecs = embedder.encode(doc.units)
        except Exception:  # a failing model must not break the stage
            vecs = None
        if vecs is None or len(vecs) != len(doc.units):
            return None
        doc.vectors = np.asarray(vecs, dtype=np.float32)
    return doc.vectors


def _semantic(a: _Doc, b: _Doc, embedder: _Encoder) -> _Match | None:
    va, vb = _vectors(a, embedder), _vectors(b, embedder)
    if va is None or vb is None:
        return None
    sim = np.clip(va @ vb.T, 0.0, 1.0)
    pairs = _monotone(sim, EMBED_MATCH)
    cover, weighted, matched = _coverage(pairs, sim, a, b)
    if cover >= REWRITE_COVER and _enough(matched, a, b):
        la, lb = _language(a), _language(b)
        kind: Kind = "translation" if la and lb and la != lb else "rewrite"
        return _Match(kind, weighted, pairs, cover)
    return _Match(None, weighted, pairs, cover)


def _names_overlap(a: _Doc, b: _Doc) -> float:
    sa, sb = set(a.names), set(b.names)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def _check(a: _Doc, b: _Doc, embedder: _Encoder | None, budget: list[int]) -> _Match:
    """Decide whether two articles are one report, and how."""
    _prepare(a)
    _prepare(b)
    if a.words == b.words:
        return _Match("identical", 1.0, [(i, i) for i in range(len(a.units))])
    lex, _ = _lexical(a, b)
    if lex.kind is not None:
        return lex
    if embedder is None or budget[0] <= 0:
        return lex
    # the embedding is costly: only for pairs whose names agree (a rendering keeps them)
    # and whose lexical alignment shows at least some in-order agreement, or that differ in language
    different_language = (_language(a) or "") != (_language(b) or "")
    if _names_overlap(a, b) < 0.3 or (not different_language and lex.cover < 0.3):
        return lex
    budget[0] -= 1
    sem = _semantic(a, b, embedder)
    return sem if sem is not None and sem.kind is not None else lex


# --- grouping ------------------------------------------------------------------------------------


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def _original(members: list[int], docs: list[_Doc]) -> int:
    """The fullest copy (most words); ties go to the earliest published, then input order."""
    return min(members, key=lambda i: (-len(docs[i].words), docs[i].article.published or "9999", i))


def find_copies(articles: list[Article], *, embedder: _Encoder | None = None,
                use_embeddings: bool = True) -> list[CopyGroup]:
    """Group the articles that are one report published several times.

    ``embedder`` defaults to :func:`crosswire.embed.default_embedder`; without a
    usable model (or with ``use_embeddings=False``) translations are not found but
    everything else is.  Articles with duplicate ids are treated as one article.
    Returns groups of two or more article ids; an article is in at most one group.
    """
    seen: set[str] = set()
    arts: list[Article] = []
    for a in articles:
        if isinstance(a, Article) and a.id not in seen and isinstance(a.text, str):
            seen.add(a.id)
            arts.append(a)
    if len(arts) < 2:
        return []
    if embedder is None and use_embeddings:
        from .embed import default_embedder

        embedder = default_embedder()
    if not use_embeddings:
        embedder = None

    docs = []
    for a in arts:
        words = _words(a.text)
        docs.append(_Doc(a, words, _names(a.text)))

    # 1. identical texts: one representative each
    union = _Union(len(docs))
    by_text: dict[str, int] = {}
    rep = [True] * len(docs)
    for i, d in enumerate(docs):
        if not d.words:
            rep[i] = False
            continue
        key = hashlib.blake2b(" ".join(d.words).encode("utf-8"), digest_size=16).hexdigest()
        if key in by_text:
            union.join(by_text[key], i)
            rep[i] = False
        else:
            by_text[key] = i

    # 2. candidates from two linear blockings
    skip = [not r for r in rep]
    sig = minhash_signatures([d.words for d in docs])
    cands = candidate_pairs(sig, TEXT_BANDS, TEXT_ROWS, skip=skip)
    name_skip = [s or len(set(d.names)) < MIN_NAMES for s, d in zip(skip, docs)]
    if not all(name_skip):
        nsig = minhash_signatures([sorted(set(d.names)) for d in docs], shingle=1)
        cands |= candidate_pairs(nsig, NAME_BANDS, NAME_ROWS, skip=name_skip)

    # 3. precise check of each candidate pair
    budget = [MAX_EMBED_PAIRS]
    for i, j in sorted(cands):
        if union.find(i) == union.find(j):
            continue
        if _check(docs[i], docs[j], embedder, budget).kind is not None:
            union.join(i, j)

    # 4. groups, each described against its original
    clusters: dict[int, list[int]] = {}
    for i in range(len(docs)):
        clusters.setdefault(union.find(i), []).append(i)
    groups: list[CopyGroup] = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        groups.append(_describe(members, docs, embedder))
    position = {a.id: k for k, a in enumerate(arts)}
    groups.sort(key=lambda g: min(position[x] for x in g.articles))
    return groups


def _describe(members: list[int], docs: list[_Doc], embedder: _Encoder | None) -> CopyGroup:
    orig = _original(members, docs)
    od = _prepare(docs[orig])
    kinds: list[str] = []
    sims: list[float] = []
    added: dict[str, list[str]] = {}
    missing: dict[str, list[str]] = {}
    for m in sorted(members):
        if m == orig:
            continue
        d = _prepare(docs[m])
        match = _check(od, d, embedder, [1])
        kind = match.kind or "rewrite"  # joined through another copy: at least a loose rendering
        kinds.append(kind)
        sims.append(match.similarity)
        if kind == "identical":
            added[d.article.id], missing[d.article.id] = [], []
            continue
        in_orig = {i for i, _ in match.pairs}
        in_copy = {j for _, j in match.pairs}
        added[d.article.id] = [u for j, u in enumerate(d.units) if j not in in_copy]
        missing[d.article.id] = [u for i, u in enumerate(od.units) if i not in in_orig]
    kind = max(kinds, key=lambda k: _LOOSENESS[k]) if kinds else "identical"
    order = [orig] + sorted(m for m in members if m != orig)
    return CopyGroup(
        articles=[docs[i].article.id for i in order],
        original=od.article.id,
        kind=kind,  # type: ignore[arg-type]
        similarity=round(float(min(sims)) if sims else 1.0, 4),
        added=added,
        missing=missing,
    )


# --- output ---------------------------------------------------------------------------------------


def copies_json(articles: list[Article], groups: list[CopyGroup]) -> dict:
    """The ``copies`` and ``sources`` of the contract, with what each copy changed."""
    ids = [a.id for a in articles]
    grouped = {x for g in groups for x in g.articles}
    return {
        "copies": [
            {
                "articles": list(g.articles),
                "original": g.original,
                "kind": g.kind,
                "similarity": round(float(g.similarity), 4),
                "changes": {
                    aid: {"added": list(g.added.get(aid, [])), "missing": list(g.missing.get(aid, []))}
                    for aid in g.articles
                    if aid != g.original
                },
            }
            for g in groups
        ],
        "standalone": [x for x in dict.fromkeys(ids) if x not in grouped],
        "sources": independent_sources(list(dict.fromkeys(ids)), groups),
    }


def _label(a: Article | None, aid: str) -> str:
    if a is None:
        return f"`{aid}`"
    bits = [f"`{aid}`"]
    if a.outlet:
        bits.append(a.outlet)
    if a.title:
        bits.append(f"“{a.title}”")
    return " — ".join(bits)


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def copies_markdown(articles: list[Article], groups: list[CopyGroup], *, show: int = 5) -> str:
    """A readable report: each copy group, the standalone reports, the count of sources."""
    by_id = {a.id: a for a in articles}
    ids = list(dict.fromkeys(a.id for a in articles))
    lines = ["# Copies", ""]
    if not groups:
        lines += ["No copies found: every report is its own source.", ""]
    for n, g in enumerate(groups, 1):
        lines.append(f"## Group {n}: {g.kind}, similarity {g.similarity:.2f}")
        lines.append("")
        lines.append(f"- original: {_label(by_id.get(g.original or ''), g.original or '?')}")
        for aid in g.articles:
            if aid == g.original:
                continue
            lines.append(f"- copy: {_label(by_id.get(aid), aid)}")
            add, miss = g.added.get(aid, []), g.missing.get(aid, [])
            if not add and not miss:
                lines.append("  - no sentence added or cut")
            if add:
                lines.append(f"  - adds {len(add)} sentence{'s' if len(add) != 1 else ''}:")
                lines += [f"    - + {_clip(s)}" for s in add[:show]]
                if len(add) > show:
                    lines.append(f"    - … and {len(add) - show} more")
            if miss:
                lines.append(f"  - cuts {len(miss)} sentence{'s' if len(miss) != 1 else ''}:")
                lines += [f"    - − {_clip(s)}" for s in miss[:show]]
                if len(miss) > show:
                    lines.append(f"    - … and {len(miss) - show} more")
        lines.append("")
    grouped = {x for g in groups for x in g.articles}
    alone = [x for x in ids if x not in grouped]
    if alone:
        lines += ["## Standalone reports", ""]
        lines += [f"- {_label(by_id.get(x), x)}" for x in alone]
        lines.append("")
    n_src = independent_sources(ids, groups)
    lines.append(f"**{n_src} independent source{'s' if n_src != 1 else ''}** "
                 f"among {len(ids)} report{'s' if len(ids) != 1 else ''}.")
    return "\n".join(lines) + "\n"
