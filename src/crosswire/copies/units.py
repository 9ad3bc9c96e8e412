"""The precise check of a candidate pair: sentence units weighed by rarity, aligned in order and scored
lexically (rapidfuzz) or, for translations, with the multilingual embedding."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from crosswire.copies.candidates import (
    COMMON_DF,
    EMBED_LOW,
    EMBED_MARGIN,
    EMBED_MATCH,
    LOOSE_GATE,
    MAX_SWAP,
    MAX_UNIT_CHARS,
    MAX_UNITS,
    MIN_MATCHES,
    MIN_REWORDED,
    MIN_SHARED_NAMES,
    MIN_UNIT_WORDS,
    NAMES_GATE,
    NEAR,
    REWORDED,
    REWRITE_COVER,
    REWRITE_SIM,
    SYNDICATED_COVER,
    TEMPLATE_SHARE,
    TRANSLATION_NAMES,
    Encoder,
    Kind,
    names_of,
    norm,
    numbers_of,
)
from crosswire.model import Article
from crosswire.text.langid import detect_language

__all__ = []


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
class Doc:
    """What the check needs of one article, computed once per call."""

    article: Article
    words: list[str]
    names: list[str]
    units: list[str] = field(default_factory=list)  # sentence-like units, verbatim
    norm_units: list[str] = field(default_factory=list)  # folded, punctuation-free
    sorted_units: list[str] | None = None  # folded, tokens sorted (lazily)
    keys: list[int] = field(default_factory=list)  # fingerprint of each unit (0: too short)
    marks: dict[int, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    vocab: frozenset[str] | None = None  # the distinct words of the text (lazily)
    weights: np.ndarray | None = None  # evidence each unit carries (0: too short to count)
    rare: np.ndarray | None = None  # unit is not boilerplate shared with unrelated pages
    quoted: np.ndarray | None = None  # unit is a quotation (independent reports share those)
    language: str | None = None
    vectors: np.ndarray | None = None


def prepare_doc(doc: Doc) -> Doc:
    """Split into units and fingerprint them (weights come later, from the whole input)."""
    doc.units, quoted = _units(doc.article)
    doc.quoted = np.array(quoted, dtype=bool)
    doc.norm_units = [norm(u) for u in doc.units]
    doc.keys = [hash(u) if u.count(" ") + 1 >= MIN_UNIT_WORDS else 0 for u in doc.norm_units]
    return doc


def weigh(docs: Sequence[Doc]) -> None:
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


def _language(doc: Doc) -> str | None:
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
class Match:
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


def _marks(doc: Doc, i: int) -> tuple[frozenset[str], frozenset[str]]:
    """The numbers and the names of one unit (computed when first needed)."""
    got = doc.marks.get(i)
    if got is None:
        numbers = numbers_of(doc.units[i])
        names = names_of(doc.units[i])
        got = doc.marks[i] = (frozenset(numbers), frozenset(names[: len(names) - len(numbers)]))
    return got


def _vocab(doc: Doc) -> frozenset[str]:
    if doc.vocab is None:
        doc.vocab = frozenset(doc.words)
    return doc.vocab


def _swapped(a: Doc, b: Doc, i: int, j: int) -> bool:
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


def _sorted_units(doc: Doc) -> list[str]:
    """The doc's folded units with their tokens sorted (computed once, when first asked for)."""
    if doc.sorted_units is None:
        doc.sorted_units = [" ".join(sorted(u.split())) for u in doc.norm_units]
    return doc.sorted_units


def _identifiers_agree(score: np.ndarray, threshold: float, a: Doc, b: Doc, *, names: bool = True) -> np.ndarray:
    """Zero the sentence pairs above threshold whose numbers (and names) disagree.

    Forms, recall notices and filings are one template filled for different cases:
    their sentences are near-identical except for the amounts, dates and names, and
    they are not copies of one another.
    """
    out = score.copy()
    for i, j in zip(*np.nonzero(score >= threshold), strict=True):
        (na, ca), (nb, cb) = _marks(a, i), _marks(b, j)
        if not _agree(na, nb) or (names and not _agree(ca, cb, loose=True)):
            out[i, j] = 0.0
        elif names and a.norm_units[i] != b.norm_units[j] and _swapped(a, b, i, j):
            out[i, j] = 0.0
    return out


def _lighter(a: Doc, b: Doc) -> int:
    """0 if ``a`` carries less evidence than ``b`` (the text whose coverage is measured), else 1."""
    assert a.weights is not None and b.weights is not None
    return 0 if (float(a.weights.sum()), len(a.units)) <= (float(b.weights.sum()), len(b.units)) else 1


def _coverage(
    pairs: list[tuple[int, int]], score: np.ndarray, a: Doc, b: Doc, threshold: float
) -> tuple[float, float, int]:
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
    matched = int(sum(bool(a.rare[p[0]] and b.rare[p[1]]) and not a.quoted[p[0]] and not b.quoted[p[1]] for p in pairs))
    cover = covered / total
    if int(rare.sum()) >= 4 and got.size and (covered - float(got.max())) / total < threshold / 2:
        cover = 0.0  # one long shared unit (a caption, a lead) is not a copy
    return min(1.0, cover), min(1.0, weighted / total), matched


def _enough(matched: int, a: Doc, b: Doc) -> bool:
    """Enough matched rare units outside quotations: several, or all of a text that short."""
    assert a.rare is not None and b.rare is not None and a.quoted is not None and b.quoted is not None
    own_a, own_b = int((a.rare & ~a.quoted).sum()), int((b.rare & ~b.quoted).sum())
    return matched >= max(2, min(MIN_MATCHES, own_a, own_b))


def _truncated_ends(score: np.ndarray, a: Doc, b: Doc) -> None:
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


def _lexical(a: Doc, b: Doc) -> Match:
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
        return Match(None, sim, pairs, cover)
    if cover >= SYNDICATED_COVER and _enough(matched, a, b):
        return Match("syndicated", sim, pairs, cover)
    if cover < LOOSE_GATE * SYNDICATED_COVER and matched < 2:
        # not one sentence in common: only a reworded rendering could still be a copy,
        # and that needs at least the names and numbers to agree
        if _names_overlap(a, b) < NAMES_GATE:
            return Match(None, sim, pairs, cover)
    loose = cdist(_sorted_units(a), _sorted_units(b), scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
    loose = _identifiers_agree(np.maximum(loose, near), REWORDED, a, b)
    pairs = _monotone(loose, REWORDED)
    cover, sim, matched = _coverage(pairs, loose, a, b, REWRITE_COVER)
    assert a.rare is not None and b.rare is not None and a.quoted is not None and b.quoted is not None
    # and the rewording must be its own evidence: a block of identical sentences (a shared
    # caption) next to one loosely similar lead is not a reworded report
    reworded = sum(
        near[i, j] < NEAR and a.rare[i] and b.rare[j] and not a.quoted[i] and not b.quoted[j] for i, j in pairs
    )
    if cover >= REWRITE_COVER and sim >= REWRITE_SIM and matched >= MIN_REWORDED and reworded >= 2:
        return Match("rewrite", sim, pairs, cover)
    return Match(None, sim, pairs, cover)


def _vectors(doc: Doc, embedder: Encoder) -> np.ndarray | None:
    if doc.vectors is None:
        try:
            vecs = embedder.encode(doc.units)
        except Exception:  # a failing model must not break the stage
            vecs = None
        if vecs is None or len(vecs) != len(doc.units):
            return None
        doc.vectors = np.asarray(vecs, dtype=np.float32)
    return doc.vectors


def _semantic(a: Doc, b: Doc, embedder: Encoder) -> Match | None:
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
        return Match(kind, weighted, pairs, cover)
    return Match(None, weighted, pairs, cover)


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


def _names_overlap(a: Doc, b: Doc) -> float:
    sa, sb = set(a.names), set(b.names)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def check_pair(a: Doc, b: Doc, embedder: Encoder | None, budget: list[int]) -> Match:
    """Decide whether two articles are one report, and how.

    Same-language texts are judged on lexical evidence alone: the sentence embedding
    scores independent reports of one event about as high as a rewrite of one report
    (measured: every same-language pair it added on the Multi-News stream was two
    outlets' own reports), so it is kept for what only it can see, translations.
    """
    if a.words == b.words:
        return Match("identical", 1.0, [(i, i) for i in range(min(len(a.units), len(b.units)))])
    lex = _lexical(a, b)
    if lex.kind is not None or embedder is None or not may_translate(a, b):
        return lex
    sem = translation(a, b, embedder, budget)
    return sem if sem.kind is not None else lex


def may_translate(a: Doc, b: Doc) -> bool:
    """Whether two texts could be renderings of one dispatch in two languages: they share
    most of the smaller one's names and numbers, and their languages differ."""
    shared = len(set(a.names) & set(b.names))
    if shared < MIN_SHARED_NAMES or _names_overlap(a, b) < TRANSLATION_NAMES:
        return False
    la, lb = _language(a), _language(b)
    return bool(la and lb and la != lb)


def translation(a: Doc, b: Doc, embedder: Encoder, budget: list[int]) -> Match:
    """The check of two texts in different languages: the embedding alignment alone."""
    if budget[0] <= 0:
        return Match(None, 0.0, [], 0.0)
    budget[0] -= 1
    sem = _semantic(a, b, embedder)
    return sem if sem is not None else Match(None, 0.0, [], 0.0)


# --- grouping ------------------------------------------------------------------------------------


def fullness(doc: Doc, position: int) -> tuple:
    """Sort key: the fullest copy (most words) first; ties go to the earliest published."""
    return (-len(doc.words), doc.article.published or "9999", position)
