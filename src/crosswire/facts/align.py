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

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz

from crosswire.facts.contradiction import ANY_NUMBER, WEEKDAYS, Stated, stated_in
from crosswire.facts.crosslang import cross_links, follow_translations
from crosswire.facts.numbers import Figure
from crosswire.facts.similarity import (
    Aligned,
    Encoder,
    PairScores,
    candidate_pairs,
    common_stems,
    encode_all,
    mutual_links,
    vetoes,
)
from crosswire.model import Sentence
from crosswire.text.words import STOPWORDS, fold, names

__all__ = ["align_sentences", "LINK", "GREY", "EMBED_LINK", "MAX_EMBED", "MUTUAL_LINK"]

LINK = 0.50  # lexical similarity at which two sentences state the same fact
GREY = 0.15  # below LINK, above GREY: ask the embedding (if any) about mutual best pairs
MUTUAL_LINK = 0.34  # lexical similarity enough for two sentences that are each other's best match
MUTUAL_WEAK = 0.17  # ... or this much when they also share MUTUAL_WORDS ordinary words
MUTUAL_WORDS = 4
ANCHOR_LOW = 0.10  # ... or this much when they also share a date or figure, a name and several ordinary words
ANCHOR_SHARE = 1 / 3  # ... the shared ordinary words being at least this part of the shorter sentence's
ANCHOR_BONUS = 0.10  # how much such shared content counts when finding each sentence's best match
EMBED_LINK = 0.915  # e5 cosine at which a grey-zone mutual pair is the same fact
EMBED_LINK_CROSS = 0.88  # the same for a pair in two languages
MAX_EMBED = 48  # at most this many sentences are embedded per story with several languages
MAX_EMBED_SAME = 0  # ... and per story in one language: lexical evidence decides there (speed)


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
    per sentence, from :func:`crosswire.facts.numbers.find_numbers`) saves reading them again;
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
    rows, cols, lex, scores = candidate_pairs(texts, art_index)
    langs = [(languages or {}).get(s.article) or "" for s in sentences]
    stated = [stated_in(t, figures[k] if figures is not None else None) for k, t in enumerate(texts)]
    veto = vetoes(texts, stated, rows, cols, langs) & (lex >= 0.02)
    score = lex.copy()
    score[veto] = 0.0  # no path links them: not lexical, not mutual best, not the embedding
    n_arts = len(art_ids)
    strong = mutual_links(rows, cols, score, art_index, n_arts, MUTUAL_LINK, link)
    score[strong] = link + score[strong] * 0.02  # mutual best matches with good lexical overlap
    # weaker mutual matches that share several ordinary words, not just names ("no information ...
    # link to Ukraine" / "no information ... connection ... Ukraine"); or, weaker still, a date or
    # figure, a name and a good part of their ordinary words ("the defence ministers held rare phone
    # talks on Wednesday" / "the defense ministers spoke by phone on April 3 in a rare call")
    evidence = _Evidence(texts, sentences, stated, references or {})
    score, half = _weak_links(evidence, rows, cols, score, veto, art_index, n_arts, link, speakers)
    if embedder is not None and len(rows):
        score = _embed_boost(
            texts,
            rows,
            cols,
            art_index,
            n_arts,
            np.array(langs, dtype=object),
            copy_of or {},
            sentences,
            embedder,
            score,
            link,
            grey,
        )
    # two languages: the names and figures both write alike (crosswire.facts.crosslang); after the
    # embedding, so that its budget goes to the pairs it went to before
    cross = cross_links(sentences, langs, rows, cols, score, veto, link, embedder)
    score[cross] = link + 0.01
    raised = score > lex
    scores.raise_pairs(rows[raised], cols[raised], score[raised])
    groups = _cluster(n, rows, cols, score, veto, art_index, scores, link, half, evidence)
    return follow_translations(groups, sentences, langs, copy_of or {}, embedder), scores


def _names(text: str) -> set[str]:
    """Folded words of the proper names of a sentence, without weekdays and months."""
    from crosswire.text.dates import find_dates

    dated = {fold(w) for d in find_dates(text, None) for w in text[d.start : d.end].split()}
    out = set()
    for name in names(text):
        for w in fold(name).split():
            if len(w) >= 3 and w not in STOPWORDS and w not in WEEKDAYS and w not in dated:
                out.add(w)
    return out


def _share_name(a: set[str], b: set[str]) -> bool:
    """Do two sets of name words share one, allowing other spellings ("shoigu" / "choigu")?"""
    if a & b:
        return True
    return any(fuzz.ratio(x, y) >= 80 for x in a for y in b if abs(len(x) - len(y)) <= 2)


# a quotation opened and closed by any double quotation marks (house styles mix them: “war of aggression")
_QUOTED = re.compile(r'[“"«„]([^“”"«»„]{3,300})[”"»“]')


def _quotations(text: str) -> list[set[str]]:
    """Each quotation of a sentence as its consecutive ordinary words (pairs): what a report quotes
    word for word.

    Two reports quoting one statement share its words ("increased exchanges", "war of
    aggression" -> "war aggression"), however they word the rest of the sentence.
    """
    out = []
    for m in _QUOTED.finditer(text):
        ws = [w for w in re.findall(r"[^\W\d_]+", fold(m.group(1))) if w not in STOPWORDS and len(w) >= 3]
        pairs = {f"q={a} {b}" for a, b in zip(ws, ws[1:], strict=False)}
        if pairs:
            out.append(pairs)
    return out


def _same_quotation(a: list[set[str]], b: list[set[str]], pair: str) -> bool:
    """Is a word pair two quotations share a sign they quote one statement: they share another
    pair too, or it makes half of one of them?  Two long quotations of different people meet on a
    phrase of the trade ("public safety", "law enforcement") without quoting one another."""
    for x in a:
        if pair not in x:
            continue
        for y in b:
            if pair in y:
                both = len(x & y)
                if both >= _QUOTE_PAIRS or _QUOTE_SHARE * both >= min(len(x), len(y)):
                    return True
    return False


def _figure_anchors(stated: Stated) -> set[str]:
    """A sentence's figures as anchors: "dead=144"."""
    return {f"{kind}={f.value:g}" for kind, fs in stated.figures.items() for f in fs}


def _anchors(text: str, stated: Stated, reference: str | None, quotations: list[set[str]]) -> set[str]:
    """What a sentence pins down: its dates (resolved against ``reference``), its figures and
    the words it quotes (its ``quotations``, :func:`_quotations`)."""
    from crosswire.text.dates import find_dates

    out = {d.date for d in find_dates(text, reference)}
    out |= _figure_anchors(stated)
    return out | {p for q in quotations for p in q}


def _is_detail(anchor: str) -> bool:
    """Is an anchor a detail of a fact: a figure or a quotation?  Dates are not: most sentences
    of a story share its day, and a month or a year is often the background of several facts."""
    return not anchor[:1].isdigit()


_QUOTE_PAIRS = 2  # two quotations sharing this many word pairs quote one statement ...
_QUOTE_SHARE = 2  # ... or one sharing a pair with another that makes 1/this of its pairs
_BACKGROUND = 3  # a figure told in this many sentences per report telling it is the story's subject, not a detail
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
        self._quotes: dict[int, list[set[str]]] = {}
        self._background: set[str] | None = None

    def stems(self, x: int) -> set[str]:
        if x not in self._stems:
            self._stems[x] = common_stems(self.texts[x])
        return self._stems[x]

    def names(self, x: int) -> set[str]:
        if x not in self._names:
            self._names[x] = _names(self.texts[x])
        return self._names[x]

    def anchors(self, x: int) -> set[str]:
        if x not in self._anchors:
            ref = self.references.get(self.sentences[x].article)
            self._anchors[x] = _anchors(self.texts[x], self.stated[x], ref, self.quotations(x))
        return self._anchors[x]

    def common(self, i: int, j: int) -> set[str]:
        """The anchors two sentences share that pin down one thing: a quoted word pair only where
        they quote one statement (:func:`_same_quotation`), a figure only where it is not the
        story's background (told in ``_BACKGROUND`` sentences per report telling it: "the 12 boys
        and their coach" in every sentence of a rescue story)."""
        out = self.anchors(i) & self.anchors(j)
        if not out:
            return out
        if any(a.startswith("q=") for a in out):
            qi, qj = self.quotations(i), self.quotations(j)
            out = {a for a in out if not a.startswith("q=") or _same_quotation(qi, qj, a)}
        return out - self.background()

    def quotations(self, x: int) -> list[set[str]]:
        if x not in self._quotes:
            self._quotes[x] = _quotations(self.texts[x])
        return self._quotes[x]

    def background(self) -> set[str]:
        """Figures the story tells in ``_BACKGROUND`` sentences or more per report telling them."""
        if self._background is None:
            sentences: dict[str, int] = {}
            reports: dict[str, set[str]] = {}
            for x, st in enumerate(self.stated):
                for key in _figure_anchors(st):
                    sentences[key] = sentences.get(key, 0) + 1
                    reports.setdefault(key, set()).add(self.sentences[x].article)
            self._background = {k for k, n in sentences.items() if n >= _BACKGROUND * len(reports[k])}
        return self._background

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
        return _share_name(self.names(i), self.names(j)) and bool(self.common(i, j))

    def same_detail(self, i: int, j: int) -> bool:
        """Do two sentences give the same detail (see :func:`_is_detail`), with a name and two
        ordinary words in common?  "The one-hour talks ... came as France prepares the Games" /
        "This one-hour conversation was held at France's request": the second states the first's
        detail among other things, which is enough to cite it as support, not to make it the same
        fact."""
        if not (self.may_detail(i) and self.may_detail(j)) or not self.consistent(i, j):
            return False
        return any(_is_detail(a) for a in self.common(i, j))

    def may_detail(self, x: int) -> bool:
        """Can a sentence hold a detail at all (a figure or a quotation)?  A quick test."""
        if x not in self._may_detail:
            t = self.texts[x]
            self._may_detail[x] = bool(ANY_NUMBER.search(t)) or any(q in t for q in '"“«„')
        return self._may_detail[x]

    def says_again(self, i: int, j: int) -> bool:
        """Do two sentences of one report word one fact alike: at least two ordinary words in
        common, half of the shorter sentence's, no names apart ("Read more about Kerry's case" /
        "... about McCann's case") and, when both give figures or quotations, one in common?"""
        shared = self.shared(i, j)
        if shared < 2 or 2 * shared < min(len(self.stems(i)), len(self.stems(j))):
            return False
        a, b = self.names(i), self.names(j)
        if a and b and not _share_name(a, b):
            return False
        # each with figures or quotations of its own, none in common: two details of one story
        # ("400 deaths" / "a quarter million car fires" since the car went into production)
        da = {x for x in self.anchors(i) if _is_detail(x)} if self.may_detail(i) else set()
        db = {x for x in self.anchors(j) if _is_detail(x)} if self.may_detail(j) else set()
        return not (da and db) or bool(da & db)

    def consistent(self, i: int, j: int) -> bool:
        """Do two sentences pin down the same things: a date, figure or quotation, a name and two
        ordinary words?  Not enough to link them; enough for two groups linked by a stronger pair
        to hold together although their other sentences are worded apart."""
        return self.shared(i, j) >= 2 and _share_name(self.names(i), self.names(j)) and bool(self.common(i, j))


def _weak_links(
    evidence: _Evidence, rows, cols, score, veto, art_index, n_arts, link, speakers
) -> tuple[np.ndarray, np.ndarray]:
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
    mutual = mutual_links(rows, cols, ranked, art_index, n_arts, ANCHOR_LOW, MUTUAL_LINK + ANCHOR_BONUS)
    out = score.copy()
    hit = mutual & (weak_ok | anchored)
    out[hit] = link + score[hit] * 0.01
    # one-sided best matches with the same evidence: the second sentence states the first's fact,
    # most likely among other things (it is already the best match of another sentence)
    half = []
    one_sided = np.nonzero((weak_ok | detail) & ~hit)[0]
    if len(one_sided):
        best_of_row = mutual_links(
            rows, cols, ranked, art_index, n_arts, ANCHOR_LOW, MUTUAL_LINK + ANCHOR_BONUS, one_sided=True
        )
        best_of_col = mutual_links(
            cols, rows, ranked, art_index, n_arts, ANCHOR_LOW, MUTUAL_LINK + ANCHOR_BONUS, one_sided=True
        )
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


def _cluster(
    n: int,
    rows: np.ndarray,
    cols: np.ndarray,
    score: np.ndarray,
    veto: np.ndarray,
    art_index: np.ndarray,
    scores: PairScores,
    link: float,
    half: np.ndarray,
    evidence: _Evidence,
) -> list[Aligned]:
    """Greedy clustering from the strongest pair down, one sentence per article per group.

    A merge is refused when the merged group would hold two sentences that contradict each
    other, or when the two groups do not hold together (no chaining): on average by words, or
    with most of their pairs pinning down the same things (:meth:`_Evidence.consistent`:
    reports that word one fact apart still give its day, its names and a few of its words).  Then a
    sentence linked to a group it could not join (its article is there already), and the
    second sentence of a ``half`` pair (x, y: y states x's fact), support the group: they are
    cited with it, on the same two conditions.  Last, two groups that share a report which tells
    their fact twice are one group (:func:`_restated`): the one group that holds two sentences
    of an article, whose sources are still counted once.
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
        block = np.asarray(scores[np.ix_(a, b)])
        if linked is not None:  # a pair known to state one fact counts as linked
            block[a.index(linked[0]), b.index(linked[1])] = max(link, block[a.index(linked[0]), b.index(linked[1])])
        if float(block.mean()) >= link * 0.75:
            return True
        # most pairs pin down the same things; the pair known to be linked does not vote for itself
        agree = sum(
            (p, q) != linked and (block[x, y] >= link or (block[x, y] >= ANCHOR_LOW and evidence.consistent(p, q)))
            for x, p in enumerate(a)
            for y, q in enumerate(b)
        )
        return 2 * agree >= block.size - (linked is not None)

    strong = np.nonzero(score >= link)[0]
    order = strong[np.argsort(-score[strong], kind="stable")]
    cluster = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    cl_arts: dict[int, set[int]] = {i: {int(art_index[i])} for i in range(n)}
    links: dict[int, list[float]] = {i: [] for i in range(n)}
    crowded: list[int] = []  # links refused because both groups hold a sentence of one article

    def join(a: int, b: int, strength: float) -> None:
        """Group ``b`` goes into group ``a`` (the smaller into the larger), by a link of that strength."""
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for m in members[b]:
            cluster[m] = a
        members[a].extend(members.pop(b))
        cl_arts[a] |= cl_arts.pop(b)
        links[a].extend(links.pop(b) + [strength])

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
        join(a, b, float(score[k]))
    # one report telling a fact in two sentences, each aligned with another report's sentence ("charged
    # with six counts of first-degree murder" twice), or the second left alone: two groups of one fact,
    # which the one-sentence-per-article rule kept apart; they are one group when nothing in one
    # contradicts the other and most of their pairs across articles link: the report's second sentence
    # only adds a citation (its sources are counted once)
    near = np.nonzero(score >= MUTUAL_LINK)[0]
    for k in near[np.argsort(-score[near], kind="stable")].tolist():
        i, j = int(rows[k]), int(cols[k])
        a, b = cluster[i], cluster[j]
        if a == b or int(art_index[i]) == int(art_index[j]) or not cl_arts[a] & cl_arts[b]:
            continue
        if not _restated(members[a], members[b], art_index, scores, vetoed, evidence):
            continue
        join(a, b, float(score[k]))
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
        detail = evidence.common(y, x)
        words = evidence.stems(y) & evidence.stems(x)
        if not detail:
            continue
        for z in members[cluster[y]]:
            taken = cl_arts[c] | {int(art_index[s]) for s in support[c]}
            if int(art_index[z]) in taken or z in vetoed.get(x, ()):
                continue
            if detail <= evidence.anchors(z) and words & evidence.stems(z):
                support[c].append(z)
    out = [
        Aligned(sorted(ms), float(np.mean(links[c])) if links[c] else 1.0, sorted(support.get(c, [])))
        for c, ms in members.items()
    ]
    out.sort(key=lambda g: g.members[0])
    return out


def _restated(a: list[int], b: list[int], art_index, scores: PairScores, vetoed, evidence: _Evidence) -> bool:
    """Are two groups that share an article one fact told twice by that article?

    Nothing in one contradicts the other, the report's two sentences word it alike
    (:meth:`_Evidence.says_again`), and every sentence of each links to most sentences of
    other articles in the other: by words (``MUTUAL_LINK``), or pinning down the same things
    (:meth:`_Evidence.consistent`).  A sentence telling two facts, aligned with each, does not
    chain their groups: the other sentences of the groups do not link.
    """
    other = set(b)
    if any(vetoed.get(m, set()) & other for m in a):
        return False
    agree: dict[int, list[int]] = {}  # sentence -> [pairs that link, pairs] with the other group
    for p in a:
        for q in b:
            if int(art_index[p]) == int(art_index[q]):
                if not evidence.says_again(p, q):
                    return False
                continue
            s = float(scores[p, q])
            ok = s >= MUTUAL_LINK or (s >= ANCHOR_LOW and evidence.consistent(p, q))
            for x in (p, q):
                tally = agree.setdefault(x, [0, 0])
                tally[0] += ok
                tally[1] += 1
    return bool(agree) and all(2 * n_ok > n for n_ok, n in agree.values())


def _embed_boost(
    texts, rows, cols, art_index, n_arts, langs, copy_of, sentences, embedder, score, link, grey
) -> np.ndarray:
    """Raise the score of grey-zone and cross-language pairs that the embedding confirms.

    Candidates are pairs of sentences from two articles that are not copies of each other in
    one language, each other's best match between the two articles, and either in the grey zone
    (``grey`` <= lexical < ``link``) or in different languages (where lexical overlap
    says little).  At most ``MAX_EMBED`` sentences are encoded: cross-language pairs first,
    then best lexical pairs first.
    """
    groups = np.array([copy_of.get(s.article, -1 - int(art_index[k])) for k, s in enumerate(sentences)])
    mask = mutual_links(rows, cols, score, art_index, n_arts, grey, link)
    budget = MAX_EMBED_SAME
    if len(set(langs.tolist()) - {""}) > 1:  # translations: any mutual pair, however low
        budget = MAX_EMBED
        cross = mutual_links(rows, cols, score, art_index, n_arts, 0.02, link)
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
    vecs = encode_all(embedder, [texts[i] for i in need])
    if vecs is None:
        return score
    out = score.copy()
    for k in kept:
        i, j = int(rows[k]), int(cols[k])
        cos = float(vecs[need[i]] @ vecs[need[j]])
        threshold = EMBED_LINK_CROSS if langs[i] != langs[j] else EMBED_LINK
        if cos >= threshold:  # (measured from the threshold applied, so a confirmed pair reaches ``link``)
            out[k] = max(float(out[k]), link + (cos - threshold) * 0.1)
    return out
