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
2. every text is cut into sentence-like units (at a stop followed by a space,
   whatever the case of the next word, so lower-cased dumps split too), and each
   unit is weighed by its rarity across the input: a sentence many unrelated
   pages carry (a caption, a notice, the standard paragraph of a form) is
   boilerplate, and very short texts are only grouped when identical;
3. candidate pairs come from MinHash LSH over word shingles (hashed with numpy,
   all texts at once), plus a second cheap blocking on a "names and numbers"
   signature (capitalised words and digits), which survives rewording and
   translation (and, when the embedding model is there, a third on the numbers
   alone, which a translation keeps).  All cost time linear in the number of articles; an oversized
   bucket pairs its members with its fullest few only.  A pair must then share
   half the distinct words of the shorter text (or, for a translation, most of
   its names and numbers) before the precise check;
4. the precise check is a monotone (in-order, one-to-one) alignment of the
   units, scored with rapidfuzz.  It counts as evidence only units both texts
   own (rare in each), outside quotations, whose numbers and names agree, and
   the matched share must be spread over several of them: independent reports
   of one event share names, numbers, a photo caption, a wire lead or a quoted
   statement; what they do not share is a long in-order chain of their own
   sentences.  A form filled for two cases (many corresponding sentences
   differing in their numbers or names) is not a copy;
5. groups are built around an original, the fullest text, and every copy must
   pass the check against that original itself (or be identical to one that
   did): no chaining through a third text.

The multilingual sentence embedding of :mod:`crosswire.embed` is used for one
thing only, translations (pairs in two languages that share their names and
numbers); in one language it scores independent reports of one event about as
high as a rewrite, so rewrites are judged on lexical evidence.  A sentence and its
rendering score 0.84-0.94 there, but so do some sentences of an independent report
in another language on the same facts (0.82-0.89): a pair of sentences counts when
it scores high (``EMBED_MATCH``) or when it stands out from the other candidates of
both sentences (``EMBED_LOW`` and ``EMBED_MARGIN``), its numbers agree (read with
either decimal mark and with spaces grouping thousands), and the pairs are aligned
in order over most of the lighter text.  Names are not compared inside pairs (they
change spelling, and German capitalises every noun).  Everything works without the
model; it then finds identical, syndicated and rewritten copies, but not
translations: the names and numbers of a translation and of an independent report
in another language overlap about as much (measured on the tests' fictional
pairs), so they alone cannot tell them apart.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, Protocol, Sequence

import numpy as np

from .langid import detect_language
from .model import Article, CopyGroup, copy_group_json, independent_sources
from .read.outlets import identities

__all__ = ["find_copies", "copies_json", "copies_markdown", "minhash_signatures", "candidate_pairs"]

Kind = Literal["identical", "syndicated", "rewrite", "translation"]
_LOOSENESS: dict[str, int] = {"identical": 0, "syndicated": 1, "rewrite": 2, "translation": 3}

# --- parameters (module constants, documented; none is tuned to one corpus) ---------------------

NUM_PERM = 128          # MinHash permutations
SHINGLE = 4             # words per shingle
TEXT_BANDS, TEXT_ROWS = 64, 2       # LSH over shingles: catches Jaccard >= ~0.12 most of the time
NAME_BANDS, NAME_ROWS = 42, 3       # LSH over names+numbers: catches Jaccard >= ~0.3 most of the time
MAX_BUCKET = 30         # a bucket larger than this (text many pages share) pairs each member
STAR = 2                # ... with only its STAR fullest members, so the cost stays linear
MIN_NAMES = 6           # fewer distinct names/numbers than this: no second blocking for the article
MIN_NUMBERS = 4         # fewer distinct numbers than this: no third blocking (translations only)
MIN_WORDS = 20          # shorter texts are only grouped when identical
WORD_GATE = 0.5         # share of the shorter text's distinct words a same-language copy must share
NAMES_GATE = 0.3        # share of the names/numbers of the smaller text also in the other
TRANSLATION_NAMES = 0.5  # ... for a translation (it keeps them), and at least
MIN_SHARED_NAMES = 4     # ... this many of them

TEMPLATE_SHARE = 0.25   # more than this share of corresponding sentences differing in numbers/names: a form
MAX_SWAP = 3            # a swap of at most this many words the other text never uses: a filled-in form

NEAR = 0.85             # fuzz.ratio (0..1) of two sentences that are one sentence lightly edited
REWORDED = 0.60         # token-sort ratio of two sentences that say the same in other words
LOOSE_GATE = 0.5        # below this share of SYNDICATED_COVER near-identical, rewording needs names
EMBED_MATCH = 0.89      # cosine of e5 sentence embeddings that render one sentence (e5 is compressed:
                        # unrelated news sentences score ~0.75-0.8)
EMBED_LOW = 0.85        # ... or at least this, when the pair stands out from both sentences' rivals
EMBED_MARGIN = 0.03     # ... by this much (a rendering is its sentence's clear best match; a sentence of
                        # an independent report on the same fact is one of several close ones)
MIN_UNIT_WORDS = 4      # sentences shorter than this do not count for coverage
MAX_UNIT_CHARS = 200    # a sentence weighs its length up to this: a long one does not outweigh several
COMMON_DF = 3           # a sentence in this many distinct texts may be boilerplate (see _weigh)
SYNDICATED_COVER = 0.6  # weighted share of the lighter text's sentences matched near-identically, in order
REWRITE_COVER = 0.7     # weighted share of the lighter text's sentences matched (reworded), in order
REWRITE_SIM = 0.6       # and the score-weighted share (how close the matched sentences are)
MIN_REWORDED = 3        # a rewrite needs at least this many matched rare sentences, however short
MIN_MATCHES = 3         # and at least this many matched rare sentences (fewer if the text is that short)
MAX_UNITS = 80          # sentences per article used by the precise check
MAX_EMBED_PAIRS = 200   # cap on embedding checks per call, to keep the cost bounded

# a word; in scripts written without spaces (Chinese, Japanese) each character counts as one
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+", re.UNICODE)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
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


def minhash_signatures(token_lists: Sequence[Sequence[str]], *, shingle: int = SHINGLE,
                       num_perm: int = NUM_PERM, chunk: int = 8192) -> np.ndarray:
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


def candidate_pairs(sig: np.ndarray, bands: int, rows: int, *, skip: Sequence[bool] | None = None,
                    max_bucket: int = MAX_BUCKET, rank: Sequence[int] | None = None,
                    star: int = STAR) -> set[tuple[int, int]]:
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
    out += _numbers(text)
    return out


def _numbers(text: str) -> list[str]:
    """The numbers of a text, without their separators ('2,000' and '2000' agree)."""
    return [re.sub(r"[.,:\s]", "", m.group()) for m in _DIGITS.finditer(text)]


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


# A stop followed by space ends a unit whatever the case of the next word (lower-cased text
# defeats a splitter that waits for a capital), except after what reads as an abbreviation or
# an initial: a word of one or two letters ("e.", "u.s.", "jr.") or a title or month.
_STOP = re.compile(r"""[.!?…]+["'”’»)\]]*\s+|[。！？]+["'”’»)\]」』]*\s*""")
_ABBREVIATED = re.compile(
    r"(?:\b\w{1,2}|\b(?:mr|mrs|ms|dr|st|mt|gen|sen|rep|gov|lt|col|sgt|capt|cmdr|adm|prof|rev|hon|supt|jan|feb|"
    r"mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|vs|etc|inc|ltd|corp|bros|dept|approx|mme|mlle))\.$",
    re.IGNORECASE,
)


def _split_units(paragraph: str) -> list[str]:
    """Sentence-like units of one paragraph, verbatim."""
    out: list[str] = []
    start = 0
    for m in _STOP.finditer(paragraph):
        head = paragraph[max(start, m.start() - 12) : m.start() + 1]
        if paragraph[m.start()] == "." and m.group()[:2] in {". ", ".\n", ".\t"} and _ABBREVIATED.search(head):
            continue
        unit = paragraph[start : m.end()].strip()
        if unit:
            out.append(unit)
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


_QUOTE_MARK = re.compile(r"[\"“”«»]")


def _quoted(units: list[str]) -> list[bool]:
    """Which units of one paragraph lie mostly inside quotation marks.

    Straight quotes toggle, curly and angle quotes open and close; the state carries
    over from one unit to the next, so every sentence of a long quotation counts.
    """
    flags: list[bool] = []
    inside = False
    for unit in units:
        marks = list(_QUOTE_MARK.finditer(unit))
        if not marks:
            flags.append(inside)
            continue
        quoted, last = 0, 0
        for m in marks:
            if inside:
                quoted += m.start() - last
            ch = m.group()
            inside = (not inside) if ch == '"' else ch in "“«"
            last = m.end()
        if inside:
            quoted += len(unit) - last
        flags.append(quoted >= 0.5 * len(unit))
    return flags


def _units(article: Article) -> tuple[list[str], list[bool]]:
    """Units for alignment (the article's sentences, robust to layout and case accidents),
    and which of them are quotations.

    Hard-wrapped text is rejoined first; lines inside a paragraph are hard breaks.
    """
    out: list[str] = []
    quoted: list[bool] = []
    for para in _unwrap(article.paragraphs):
        for line in para.split("\n"):
            units = _split_units(line)
            out.extend(units)
            quoted.extend(_quoted(units))
            if len(out) >= MAX_UNITS:
                return out[:MAX_UNITS], quoted[:MAX_UNITS]
    return out, quoted


@dataclass(slots=True)
class _Doc:
    """What the check needs of one article, computed once per call."""

    article: Article
    words: list[str]
    names: list[str]
    units: list[str] = field(default_factory=list)        # sentence-like units, verbatim
    norm_units: list[str] = field(default_factory=list)   # folded, punctuation-free
    sorted_units: list[str] | None = None                 # folded, tokens sorted (lazily)
    keys: list[int] = field(default_factory=list)         # fingerprint of each unit (0: too short)
    marks: dict[int, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    vocab: frozenset[str] | None = None  # the distinct words of the text (lazily)
    weights: np.ndarray | None = None  # evidence each unit carries (0: too short to count)
    rare: np.ndarray | None = None     # unit is not boilerplate shared with unrelated pages
    quoted: np.ndarray | None = None   # unit is a quotation (independent reports share those)
    language: str | None = None
    vectors: np.ndarray | None = None


def _prepare(doc: _Doc) -> _Doc:
    """Split into units and fingerprint them (weights come later, from the whole input)."""
    doc.units, quoted = _units(doc.article)
    doc.quoted = np.array(quoted, dtype=bool)
    doc.norm_units = [_norm(u) for u in doc.units]
    doc.keys = [hash(u) if u.count(" ") + 1 >= MIN_UNIT_WORDS else 0 for u in doc.norm_units]
    return doc


def _weigh(docs: Sequence[_Doc]) -> None:
    """Weight every unit by the evidence it carries: its length (capped) times its rarity.

    A unit's document frequency counts the distinct texts of the input that contain it.
    A unit carried by many more pages than the article's own core text (the lower
    quartile of its units' frequencies) is boilerplate attached to the article
    (a caption, a subscription line, a standard paragraph of a form): it is down-weighted
    and does not count towards the several sentences a copy must share.  A story every
    unit of which travels together (a wire copy carried by many outlets) keeps full weight.
    """
    df: dict[int, int] = {}
    for d in docs:
        for k in set(d.keys):
            if k:
                df[k] = df.get(k, 0) + 1
    for d in docs:
        lengths = np.minimum([len(u) for u in d.norm_units], MAX_UNIT_CHARS).astype(np.float64)
        freq = np.array([df.get(k, 0) for k in d.keys], dtype=np.float64)
        countable = freq > 0
        if not countable.any():
            d.weights = np.zeros(len(d.units))
            d.rare = np.zeros(len(d.units), dtype=bool)
            continue
        present = np.sort(freq[countable])
        core = max(1.0, float(present[(len(present) - 1) // 4]))  # the lower quartile
        common = countable & (freq >= COMMON_DF) & (freq > 2 * core)
        rarity = np.where(common, core / np.maximum(freq, 1.0), 1.0)
        d.weights = lengths * rarity * countable
        d.rare = countable & ~common


def _language(doc: _Doc) -> str | None:
    if doc.language is None:
        lang = doc.article.language
        if not lang:
            try:
                lang = detect_language(doc.article.text)
            except Exception:  # a failing detector: the language is unknown
                lang = None
        doc.language = lang or ""
    return doc.language or None


# --- the precise check -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Match:
    """The outcome of aligning two articles' sentences (pairs: unit of a, unit of b)."""

    kind: Kind | None
    similarity: float
    pairs: list[tuple[int, int]]
    cover: float = 1.0  # weighted share of the lighter text's units matched


def _monotone(score: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The in-order one-to-one alignment maximising the summed score of matches above threshold."""
    m, n = score.shape
    if m == 0 or n == 0:
        return []
    w = np.where(score >= threshold, score, -1.0).astype(np.float64)
    if not (w > 0).any():
        return []
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


def _agree(x: frozenset[str], y: frozenset[str], *, loose: bool = False) -> bool:
    """Two sets of identifiers agree unless both are present and neither contains the other.

    ``loose`` (for names, which an editor may add or swap: "France" for "Paris") also
    lets them agree when most of them are shared.
    """
    if not x or not y or x <= y or y <= x:
        return True
    return loose and len(x & y) >= 0.5 * len(x | y)


def _marks(doc: _Doc, i: int) -> tuple[frozenset[str], frozenset[str]]:
    """The numbers and the names of one unit (computed when first needed)."""
    got = doc.marks.get(i)
    if got is None:
        numbers = _numbers(doc.units[i])
        names = _names(doc.units[i])
        got = doc.marks[i] = (frozenset(numbers), frozenset(names[: len(names) - len(numbers)]))
    return got


def _vocab(doc: _Doc) -> frozenset[str]:
    if doc.vocab is None:
        doc.vocab = frozenset(doc.words)
    return doc.vocab


def _swapped(a: _Doc, b: _Doc, i: int, j: int) -> bool:
    """True when two near-identical sentences differ by a swap of a few words that the
    other text never uses (a name filled into a form: "notifications on <name>"), the
    mark of a template rather than an edited copy (an editor's words mostly recur)."""
    ta, tb = set(a.norm_units[i].split()), set(b.norm_units[j].split())
    only_a, only_b = ta - tb, tb - ta
    if not only_a or not only_b or len(only_a) > MAX_SWAP or len(only_b) > MAX_SWAP:
        return False
    if only_a & _vocab(b) or only_b & _vocab(a):
        return False
    from rapidfuzz import fuzz

    # a spelling variant ("traveled", "travelled") is an edit, not a swap
    def unmatched(xs: set[str], ys: set[str]) -> bool:
        return any(max(fuzz.ratio(x, y) for y in ys) < 75 for x in xs)

    return unmatched(only_a, only_b) and unmatched(only_b, only_a)


def _identifiers_agree(score: np.ndarray, threshold: float, a: _Doc, b: _Doc, *,
                       names: bool = True) -> np.ndarray:
    """Zero the sentence pairs above threshold whose numbers (and names) disagree.

    Forms, recall notices and filings are one template filled for different cases:
    their sentences are near-identical except for the amounts, dates and names, and
    they are not copies of one another.
    """
    out = score.copy()
    for i, j in zip(*np.nonzero(score >= threshold)):
        (na, ca), (nb, cb) = _marks(a, i), _marks(b, j)
        if not _agree(na, nb) or (names and not _agree(ca, cb, loose=True)):
            out[i, j] = 0.0
        elif names and a.norm_units[i] != b.norm_units[j] and _swapped(a, b, i, j):
            out[i, j] = 0.0
    return out


def _lighter(a: _Doc, b: _Doc) -> int:
    """0 if ``a`` carries less evidence than ``b`` (the text whose coverage is measured), else 1."""
    assert a.weights is not None and b.weights is not None
    return 0 if (float(a.weights.sum()), len(a.units)) <= (float(b.weights.sum()), len(b.units)) else 1


def _coverage(pairs: list[tuple[int, int]], score: np.ndarray, a: _Doc, b: _Doc,
              threshold: float) -> tuple[float, float, int]:
    """How much of the lighter text the alignment covers, and whether the evidence is spread.

    Returns the weighted share of the lighter text's units that are matched (0 when
    the match rests on one long unit: without its best-matched unit the share must
    still reach half of ``threshold``), the same share further weighted by the match
    scores (the reported similarity), and the number of matched units that are rare
    in both texts and not quotations.
    """
    wa, wb = a.weights, b.weights
    assert wa is not None and wb is not None and a.rare is not None and b.rare is not None
    ta, tb = float(wa.sum()), float(wb.sum())
    if ta == 0 or tb == 0:
        return 0.0, 0.0, 0
    side = _lighter(a, b)
    weights, rare, total = (wa, a.rare, ta) if side == 0 else (wb, b.rare, tb)
    idx = [p[side] for p in pairs]
    got = np.array([weights[k] for k in idx]) if idx else np.zeros(0)
    covered = float(got.sum())
    weighted = float(sum(weights[p[side]] * float(score[p]) for p in pairs))
    assert a.quoted is not None and b.quoted is not None
    # quotations do not count among the several sentences a copy must share: independent
    # reports quote the same statement, and a report quoting a post is not that post
    # nor does text that is boilerplate in either of the two (a notice a page carries on top)
    matched = int(sum(bool(a.rare[p[0]] and b.rare[p[1]]) and not a.quoted[p[0]] and not b.quoted[p[1]]
                      for p in pairs))
    cover = covered / total
    if int(rare.sum()) >= 4 and got.size and (covered - float(got.max())) / total < threshold / 2:
        cover = 0.0  # one long shared unit (a caption, a lead) is not a copy
    return min(1.0, cover), min(1.0, weighted / total), matched


def _enough(matched: int, a: _Doc, b: _Doc) -> bool:
    """Enough matched rare units outside quotations: several, or all of a text that short."""
    assert a.rare is not None and b.rare is not None and a.quoted is not None and b.quoted is not None
    own_a, own_b = int((a.rare & ~a.quoted).sum()), int((b.rare & ~b.quoted).sum())
    return matched >= max(2, min(MIN_MATCHES, own_a, own_b))


def _truncated_ends(score: np.ndarray, a: _Doc, b: _Doc) -> None:
    """Score a text's last unit against the beginnings of the other's units, in place.

    Feeds and dumps cut texts off mid-sentence; a cut sentence is still the same
    sentence as far as it goes.
    """
    from rapidfuzz import fuzz

    for doc, other, row in ((a, b, True), (b, a, False)):
        if not doc.norm_units or not other.norm_units:
            continue
        last = doc.norm_units[-1]
        if len(last) < 20:
            continue
        for k, unit in enumerate(other.norm_units):
            if len(unit) > len(last):
                r = fuzz.ratio(last, unit[: len(last)]) / 100.0
                cell = (len(doc.norm_units) - 1, k) if row else (k, len(doc.norm_units) - 1)
                score[cell] = max(score[cell], r)


def _lexical(a: _Doc, b: _Doc) -> _Match:
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    raw = cdist(a.norm_units, b.norm_units, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
    _truncated_ends(raw, a, b)
    near = _identifiers_agree(raw, NEAR, a, b)
    pairs = _monotone(near, NEAR)
    cover, sim, matched = _coverage(pairs, near, a, b, SYNDICATED_COVER)
    # one template filled for two cases: many corresponding sentences differ in their numbers
    # or names (a copy keeps them; a later version of a wire story updates one or two)
    similar = _identifiers_agree(raw, REWORDED, a, b)
    differ = len({int(i) for i in np.nonzero((raw >= REWORDED) & (similar < REWORDED))[0]} - {i for i, _ in pairs})
    if differ and differ > TEMPLATE_SHARE * (len(pairs) + differ):
        return _Match(None, sim, pairs, cover)
    if cover >= SYNDICATED_COVER and _enough(matched, a, b):
        return _Match("syndicated", sim, pairs, cover)
    if cover < LOOSE_GATE * SYNDICATED_COVER and matched < 2:
        # not one sentence in common: only a reworded rendering could still be a copy,
        # and that needs at least the names and numbers to agree
        if _names_overlap(a, b) < NAMES_GATE:
            return _Match(None, sim, pairs, cover)
    for d in (a, b):
        if d.sorted_units is None:
            d.sorted_units = [" ".join(sorted(u.split())) for u in d.norm_units]
    loose = cdist(a.sorted_units, b.sorted_units, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
    loose = _identifiers_agree(np.maximum(loose, near), REWORDED, a, b)
    pairs = _monotone(loose, REWORDED)
    cover, sim, matched = _coverage(pairs, loose, a, b, REWRITE_COVER)
    assert a.rare is not None and b.rare is not None and a.quoted is not None and b.quoted is not None
    # and the rewording must be its own evidence: a block of identical sentences (a shared
    # caption) next to one loosely similar lead is not a reworded report
    reworded = sum(near[i, j] < NEAR and a.rare[i] and b.rare[j] and not a.quoted[i] and not b.quoted[j]
                   for i, j in pairs)
    if cover >= REWRITE_COVER and sim >= REWRITE_SIM and matched >= MIN_REWORDED and reworded >= 2:
        return _Match("rewrite", sim, pairs, cover)
    return _Match(None, sim, pairs, cover)


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
    cos = np.clip(va @ vb.T, 0.0, 1.0)
    sim = np.where(_stands_out(cos), cos, 0.0)
    sim = _identifiers_agree(sim, EMBED_LOW, a, b, names=False)  # names change script and spelling
    pairs = _monotone(sim, EMBED_LOW)
    cover, weighted, matched = _coverage(pairs, sim, a, b, REWRITE_COVER)
    if cover >= REWRITE_COVER and matched >= MIN_REWORDED and _enough(matched, a, b):
        la, lb = _language(a), _language(b)
        kind: Kind = "translation" if la and lb and la != lb else "rewrite"
        return _Match(kind, weighted, pairs, cover)
    return _Match(None, weighted, pairs, cover)


def _stands_out(cos: np.ndarray) -> np.ndarray:
    """Which sentence pairs may render one another: cosine at least ``EMBED_MATCH``, or at
    least ``EMBED_LOW`` and ``EMBED_MARGIN`` above every other pair of either sentence.

    e5 scores a sentence and its translation 0.84-0.94 and unrelated news sentences
    0.75-0.8, so no fixed threshold both keeps the translations and drops the sentences
    of an independent report on the same facts (0.82-0.89).  What tells them apart is
    that a rendering stands out from its sentence's other candidates.
    """
    m, n = cos.shape
    if m == 0 or n == 0:
        return np.zeros((m, n), dtype=bool)

    def rivals(x: np.ndarray) -> np.ndarray:
        """For each cell, the best other cell of its row."""
        if x.shape[1] < 2:
            return np.zeros_like(x)
        top2 = np.sort(x, axis=1)[:, -2:]
        best = x.argmax(axis=1)
        out = np.repeat(top2[:, 1:2], x.shape[1], axis=1)
        out[np.arange(x.shape[0]), best] = top2[:, 0]
        return out

    rival = np.maximum(rivals(cos), rivals(cos.T).T)
    return (cos >= EMBED_MATCH) | ((cos >= EMBED_LOW) & (cos - rival >= EMBED_MARGIN))


def _names_overlap(a: _Doc, b: _Doc) -> float:
    sa, sb = set(a.names), set(b.names)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def _check(a: _Doc, b: _Doc, embedder: _Encoder | None, budget: list[int]) -> _Match:
    """Decide whether two articles are one report, and how.

    Same-language texts are judged on lexical evidence alone: the sentence embedding
    scores independent reports of one event about as high as a rewrite of one report
    (measured: every same-language pair it added on the Multi-News stream was two
    outlets' own reports), so it is kept for what only it can see, translations.
    """
    if a.words == b.words:
        return _Match("identical", 1.0, [(i, i) for i in range(min(len(a.units), len(b.units)))])
    lex = _lexical(a, b)
    if lex.kind is not None or embedder is None or not _may_translate(a, b):
        return lex
    sem = _translation(a, b, embedder, budget)
    return sem if sem.kind is not None else lex


def _may_translate(a: _Doc, b: _Doc) -> bool:
    """Whether two texts could be renderings of one dispatch in two languages: they share
    most of the smaller one's names and numbers, and their languages differ."""
    shared = len(set(a.names) & set(b.names))
    if shared < MIN_SHARED_NAMES or _names_overlap(a, b) < TRANSLATION_NAMES:
        return False
    la, lb = _language(a), _language(b)
    return bool(la and lb and la != lb)


def _translation(a: _Doc, b: _Doc, embedder: _Encoder, budget: list[int]) -> _Match:
    """The check of two texts in different languages: the embedding alignment alone."""
    if budget[0] <= 0:
        return _Match(None, 0.0, [], 0.0)
    budget[0] -= 1
    sem = _semantic(a, b, embedder)
    return sem if sem is not None else _Match(None, 0.0, [], 0.0)


# --- grouping ------------------------------------------------------------------------------------


def _fullness(doc: _Doc, position: int) -> tuple:
    """Sort key: the fullest copy (most words) first; ties go to the earliest published."""
    return (-len(doc.words), doc.article.published or "9999", position)


def find_copies(articles: list[Article], *, embedder: _Encoder | None = None,
                use_embeddings: bool = True) -> list[CopyGroup]:
    """Group the articles that are one report published several times.

    ``embedder`` defaults to :func:`crosswire.embed.default_embedder`; without a
    usable model (or with ``use_embeddings=False``) translations are not found but
    everything else is.  Articles with duplicate ids are treated as one article.
    Returns groups of two or more article ids; an article is in at most one group,
    and every copy in a group passed the check against the group's original itself
    (or is identical to one that did): groups are never chained through a third text.
    """
    seen: set[str] = set()
    arts: list[Article] = []
    for a in articles:
        if isinstance(a, Article) and isinstance(a.id, str) and a.id not in seen and isinstance(a.text, str):
            seen.add(a.id)
            arts.append(a)
    if len(arts) < 2:
        return []
    if embedder is None and use_embeddings:
        from .embed import default_embedder

        embedder = default_embedder()
    if not use_embeddings or (embedder is not None and getattr(embedder, "available", True) is False):
        embedder = None

    docs = [_Doc(a, _words(a.text), _names(a.text)) for a in arts]

    # 1. identical texts: one representative each, the others its duplicates
    by_text: dict[str, int] = {}
    dupes: dict[int, list[int]] = {}
    reps: list[int] = []
    for i, d in enumerate(docs):
        if not d.words:
            continue
        key = hashlib.blake2b(" ".join(d.words).encode("utf-8"), digest_size=16).hexdigest()
        if key in by_text:
            dupes[by_text[key]].append(i)
        else:
            by_text[key] = i
            dupes[i] = []
            reps.append(i)

    # 2. units and their rarity over the distinct texts
    for i in reps:
        _prepare(docs[i])
    _weigh([docs[i] for i in reps])

    # 3. candidates from two linear blockings, among texts long enough to be a report
    order = sorted(reps, key=lambda i: _fullness(docs[i], i))
    rank = np.full(len(docs), len(docs), dtype=np.int64)
    rank[order] = np.arange(len(order))
    skip = np.ones(len(docs), dtype=bool)
    for i in reps:
        d = docs[i]
        skip[i] = len(d.words) < MIN_WORDS or not bool(d.rare is not None and d.rare.any())
    sig = minhash_signatures([d.words if not skip[i] else [] for i, d in enumerate(docs)])
    cands = candidate_pairs(sig, TEXT_BANDS, TEXT_ROWS, skip=skip, rank=rank)
    name_skip = skip | np.array([len(set(d.names)) < MIN_NAMES for d in docs], dtype=bool)
    if not name_skip.all():
        nsig = minhash_signatures([sorted(set(d.names)) if not name_skip[i] else []
                                   for i, d in enumerate(docs)], shingle=1)
        name_cands = candidate_pairs(nsig, NAME_BANDS, NAME_ROWS, skip=name_skip, rank=rank)
    else:
        name_cands = set()
    # with the model, a third blocking on numbers alone, which a translation keeps even when
    # its names do not carry over (German capitalises every noun, so its "names" swell)
    if embedder is not None:
        nums = [sorted(set(_numbers(d.article.text))) for d in docs]
        num_skip = skip | np.array([len(x) < MIN_NUMBERS for x in nums], dtype=bool)
        if not num_skip.all():
            msig = minhash_signatures([x if not num_skip[i] else [] for i, x in enumerate(nums)], shingle=1)
            name_cands |= candidate_pairs(msig, NAME_BANDS, NAME_ROWS, skip=num_skip, rank=rank)
    # 4. the precise check of each candidate pair, after a cheap prefilter: a copy or a
    #    rewrite shares most of the words of the shorter text (independent reports of one
    #    event share about a third); a translation shares its names and numbers
    budget = [MAX_EMBED_PAIRS]
    vocab: dict[int, frozenset[str]] = {}

    def word_set(i: int) -> frozenset[str]:
        if i not in vocab:
            vocab[i] = frozenset(docs[i].words)
        return vocab[i]

    edges: dict[tuple[int, int], _Match] = {}
    neighbours: dict[int, list[int]] = {}
    for i, j in sorted(cands | name_cands):
        wi, wj = word_set(i), word_set(j)
        if len(wi & wj) >= WORD_GATE * min(len(wi), len(wj)):
            match = _check(docs[i], docs[j], embedder, budget)
        elif embedder is not None and _may_translate(docs[i], docs[j]):
            match = _translation(docs[i], docs[j], embedder, budget)
        else:
            continue
        if match.kind is not None:
            edges[(i, j)] = match
            neighbours.setdefault(i, []).append(j)
            neighbours.setdefault(j, []).append(i)

    # 5. groups around originals, fullest first; every member checked against the original
    def edge(o: int, m: int) -> _Match | None:
        if (o, m) in edges:
            return edges[(o, m)]
        if (m, o) in edges:
            e = edges[(m, o)]
            return _Match(e.kind, e.similarity, [(y, x) for x, y in e.pairs], e.cover)
        return None

    assigned: set[int] = set()
    groups: list[CopyGroup] = []
    for o in order:
        if o in assigned:
            continue
        members: dict[int, _Match] = {}
        for m in neighbours.get(o, []):
            e = edge(o, m)
            if m not in assigned and e is not None:
                members[m] = e
        # copies of a copy join only if they pass the check against the original too
        for m in list(members):
            for x in neighbours.get(m, []):
                if x != o and x not in assigned and x not in members:
                    e = edge(o, x) or _check(docs[o], docs[x], embedder, budget)
                    if e.kind is not None:
                        members[x] = e
        if not members and not dupes[o]:
            continue
        assigned.add(o)
        assigned.update(members)
        groups.append(_describe(o, members, docs, dupes))
    position = {a.id: k for k, a in enumerate(arts)}
    groups.sort(key=lambda g: min(position[x] for x in g.articles))
    return groups


def _describe(orig: int, members: dict[int, _Match], docs: list[_Doc],
              dupes: dict[int, list[int]]) -> CopyGroup:
    """A group: its original, each copy's real match against it, what each copy changed."""
    od = docs[orig]
    entries: list[tuple[int, _Match, list[str], list[str]]] = [
        (x, _Match("identical", 1.0, []), [], []) for x in dupes.get(orig, [])
    ]
    for m in sorted(members):
        match = members[m]
        in_orig = {i for i, _ in match.pairs}
        in_copy = {j for _, j in match.pairs}
        add = [u for j, u in enumerate(docs[m].units) if j not in in_copy]
        miss = [u for i, u in enumerate(od.units) if i not in in_orig]
        # a text identical to a copy changed what that copy changed
        entries += [(x, match, add, miss) for x in [m] + dupes.get(m, [])]
    entries.sort(key=lambda e: e[0])
    kinds = [e[1].kind for e in entries if e[1].kind]
    kind = max(kinds, key=lambda k: _LOOSENESS[k]) if kinds else "identical"
    sims = [e[1].similarity for e in entries]
    return CopyGroup(
        articles=[od.article.id] + [docs[e[0]].article.id for e in entries],
        original=od.article.id,
        kind=kind,  # type: ignore[arg-type]
        similarity=round(float(min(sims)) if sims else 1.0, 4),
        added={docs[e[0]].article.id: list(e[2]) for e in entries},
        missing={docs[e[0]].article.id: list(e[3]) for e in entries},
    )


# --- output ---------------------------------------------------------------------------------------


def copies_json(articles: list[Article], groups: list[CopyGroup]) -> dict:
    """The ``copies`` and ``sources`` of the contract, with what each copy changed."""
    ids = [a.id for a in articles]
    grouped = {x for g in groups for x in g.articles}
    return {
        "copies": [copy_group_json(g) for g in groups],
        "standalone": [x for x in dict.fromkeys(ids) if x not in grouped],
        "sources": independent_sources(list(dict.fromkeys(ids)), groups, identities(articles)),
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
    n_src = independent_sources(ids, groups, identities(articles))
    lines.append(f"**{n_src} independent source{'s' if n_src != 1 else ''}** "
                 f"among {len(ids)} report{'s' if len(ids) != 1 else ''}.")
    return "\n".join(lines) + "\n"
