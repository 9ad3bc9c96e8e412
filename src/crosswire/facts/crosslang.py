"""Two reports in two languages: which of their sentences state the same fact.

Word overlap says little across languages and the small multilingual embedding is not sure
enough on its own (a German sentence and its English counterpart often score no higher than
the German one and an unrelated English sentence of the story).  What both languages write
alike is the evidence here: proper names ("De Meo" / "de Meo", "Volkswagen-Tochter" /
"Volkswagen's") and figures written in digits ("52-jährige" / "52", "2.000" / "2,000",
years).  Two sentences in two languages state one fact when

* they share a figure and a name, or they are the leads of their reports (their first
  sentences) and share a name, and neither gives figures the other lacks entirely
  (same names, different figures: two facts);
* and each is the other's best match between the two reports by that evidence (a tie
  at the top is no match).

Pairs whose figures or days contradict each other were vetoed before and are never linked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from crosswire.facts.similarity import Aligned, Encoder, encode_all
from crosswire.model import Sentence
from crosswire.text.langid import FUNCTION_WORDS
from crosswire.text.months import MONTHS
from crosswire.text.words import STOPWORDS, fold

__all__ = ["cross_links", "cross_names", "cross_figures", "follow_translations", "TRANSLATION_WINDOW"]

_ALL_FUNCTION = frozenset().union(*FUNCTION_WORDS.values()) | STOPWORDS
_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
_FIGURE = re.compile(
    r"(?<![\w.,\-])(?:\d{1,3}(?:([.,\u202f\u00a0 ])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
)  # not a name's number ("COVID-19", "F-35")
MIN_FIGURE = 10  # smaller figures (one, two, ...) are too common to tell two facts apart
YEAR_NAMES = 2  # a year a report gives in several sentences (the story's year) counts with this many names
LEAD_NAMES = 1  # two leads link on this many shared names, without a figure
CROSS_FLOOR = 0.82  # with the embedding: the cosine below which it denies a pair (unrelated: 0.76-0.80)
MAX_CHECKED = 96  # at most this many sentences are embedded for the check
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TRANSLATION_WINDOW = 2  # a translated sentence stands at most this many places from its original


def _base(language: str | None) -> str:
    return (language or "").split("-")[0].split("_")[0].lower()


def cross_names(text: str) -> set[str]:
    """Folded words of the capitalised words of a sentence, without function words, months and
    possessive endings: "Volkswagen-Tochtersitz" gives "volkswagen" and "tochtersitz", "Volkswagen’s"
    gives "volkswagen".  German nouns and a sentence's first word are in too: an ordinary word
    seldom meets its translation written alike, so they do no harm."""
    out: set[str] = set()
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if not tok[:1].isupper():
            continue
        for part in re.split(r"[-.]", tok):
            w = re.sub(r"['’]s?$", "", fold(part).lower())
            if len(w) >= 3 and w not in _ALL_FUNCTION and w not in MONTHS:
                out.add(w)
    return out


def cross_figures(text: str) -> set[str]:
    """Figures written in digits, as plain numbers ("2.000" and "2,000" are 2000, "52-jährige" is 52),
    from ``MIN_FIGURE`` up."""
    out: set[str] = set()
    for m in _FIGURE.finditer(text):
        raw = m.group(0)
        if m.group(1) is not None:  # thousands separators
            raw = re.sub(r"[.,\u202f\u00a0 ](?=\d{3}\b)", "", raw)
        raw = raw.replace(",", ".")
        try:
            value = float(raw)
        except ValueError:
            continue
        if value >= MIN_FIGURE:
            out.add(f"{value:g}")
    return out


def cross_links(
    sentences: Sequence[Sentence],
    langs: Sequence[str],
    rows: np.ndarray,
    cols: np.ndarray,
    score: np.ndarray,
    veto: np.ndarray,
    link: float,
    embedder: Encoder | None = None,
) -> np.ndarray:
    """Mask of the pairs in two languages that state one fact by their names and figures (see the
    module's notes): each other's best match between their two reports, not vetoed, below ``link``."""
    out = np.zeros(len(rows), dtype=bool)
    if not len(rows):
        return out
    base = [_base(x) for x in langs]  # "en-GB" and "en" are one language
    langs_r = np.array([base[int(i)] for i in rows], dtype=object)
    langs_c = np.array([base[int(j)] for j in cols], dtype=object)
    cand = np.nonzero((langs_r != langs_c) & (langs_r != "") & (langs_c != "") & ~veto & (score < link))[0]
    if not len(cand):
        return out
    lead: dict[str, int] = {}  # article -> index of its first sentence here (its lead)
    for s in sentences:
        lead[s.article] = min(lead.get(s.article, s.index), s.index)
    names: dict[int, set[str]] = {}
    figures: dict[int, set[str]] = {}

    def read(x: int) -> tuple[set[str], set[str]]:
        if x not in names:
            names[x], figures[x] = cross_names(sentences[x].text), cross_figures(sentences[x].text)
        return names[x], figures[x]

    years_in: dict[str, dict[str, int]] = {}  # article -> year -> sentences giving it

    def year_count(article: str, year: str) -> int:
        if article not in years_in:
            tally: dict[str, int] = {}
            for s in sentences:
                if s.article == article:
                    for y in set(_YEAR.findall(s.text)):
                        tally[y] = tally.get(y, 0) + 1
            years_in[article] = tally
        return years_in[article].get(year, 0)

    evidence: dict[int, float] = {}
    leads: list[int] = []  # pairs of two leads naming the same, without figures apart
    for k in cand.tolist():
        i, j = int(rows[k]), int(cols[k])
        ni, fi = read(i)
        nj, fj = read(j)
        shared_names, shared = len(ni & nj), fi & fj
        if not shared_names:
            continue
        a, b = sentences[i].article, sentences[j].article
        years = sum(_YEAR.fullmatch(x) is not None and (year_count(a, x) > 1 or year_count(b, x) > 1) for x in shared)
        if len(shared) > years or (years and shared_names >= YEAR_NAMES):
            evidence[k] = 2.0 * len(shared) + shared_names
        elif (
            shared_names >= LEAD_NAMES
            and not (fi and fj)
            and sentences[i].index == lead[sentences[i].article]
            and sentences[j].index == lead[sentences[j].article]
        ):
            leads.append(k)
    if embedder is not None and (evidence or leads):
        evidence, leads = _not_denied(evidence, leads, rows, cols, sentences, embedder)
    out = _mutual_best(evidence, rows, cols, sentences)
    # two leads naming the same tell the story's main fact, in two reports shown to be of one story by a
    # figure they share with their names (a link above), and not linked elsewhere between the two
    linked = {(sentences[int(rows[k])].article, sentences[int(cols[k])].article) for k in np.nonzero(out)[0].tolist()}
    taken = {
        (int(x), sentences[int(y)].article)
        for k in np.nonzero(out)[0].tolist()
        for x, y in ((rows[k], cols[k]), (cols[k], rows[k]))
    }
    for k in leads:
        i, j = int(rows[k]), int(cols[k])
        a, b = sentences[i].article, sentences[j].article
        if ((a, b) in linked or (b, a) in linked) and (i, b) not in taken and (j, a) not in taken:
            out[k] = True
    return out


def _not_denied(
    evidence: dict[int, float], leads: list[int], rows, cols, sentences: Sequence[Sentence], embedder: Encoder
) -> tuple[dict[int, float], list[int]]:
    """The candidate pairs the embedding does not deny: cosine ``CROSS_FLOOR`` or more (unrelated
    sentences that happen to share a name and a number score lower; when the model fails, all)."""
    pairs = list(evidence) + leads
    need = sorted({int(x) for k in pairs for x in (rows[k], cols[k])})[:MAX_CHECKED]
    where = {x: n for n, x in enumerate(need)}
    vecs = encode_all(embedder, [sentences[x].text for x in need])
    if vecs is None:
        return evidence, leads

    def ok(k: int) -> bool:
        i, j = int(rows[k]), int(cols[k])
        return i not in where or j not in where or float(vecs[where[i]] @ vecs[where[j]]) >= CROSS_FLOOR

    return {k: e for k, e in evidence.items() if ok(k)}, [k for k in leads if ok(k)]


def _mutual_best(
    evidence: dict[int, float], rows: np.ndarray, cols: np.ndarray, sentences: Sequence[Sentence]
) -> np.ndarray:
    """Mask of the pairs with evidence that are each other's best between their two reports (a tie at
    the top is no match)."""
    out = np.zeros(len(rows), dtype=bool)
    best: dict[tuple[int, str], list[tuple[float, int]]] = {}
    for k, e in evidence.items():
        i, j = int(rows[k]), int(cols[k])
        best.setdefault((i, sentences[j].article), []).append((e, k))
        best.setdefault((j, sentences[i].article), []).append((e, k))
    top: dict[tuple[int, str], int | None] = {}
    for key, found in best.items():
        found.sort(reverse=True)
        top[key] = found[0][1] if len(found) == 1 or found[0][0] > found[1][0] else None
    for k in evidence:
        i, j = int(rows[k]), int(cols[k])
        if top[(i, sentences[j].article)] == k and top[(j, sentences[i].article)] == k:
            out[k] = True
    return out


def follow_translations(
    groups: list[Aligned],
    sentences: Sequence[Sentence],
    langs: Sequence[str],
    copy_of: dict[str, int],
    embedder: Encoder | None,
) -> list[Aligned]:
    """A sentence of a translated copy left alone joins the fact of the sentence it translates.

    A translation copy (two articles of one copy group in two languages) follows its original
    sentence by sentence, so the evidence is strong where names and figures are missing ("Les
    pompiers ont indiqué maintenir leur bilan." / "The fire service said it stood by its figure."):
    the two stand at most ``TRANSLATION_WINDOW`` places apart in their reports, each is the other's
    best match by the multilingual embedding among those places, with a cosine of ``CROSS_FLOOR``
    or more, and their figures do not differ.  Without the embedding nothing moves.  The copy
    counts once as a source whatever it joins.
    """
    if embedder is None or not copy_of:
        return groups
    base = [_base(x) for x in langs]
    by_group: dict[int, dict[str, list[int]]] = {}
    for k, s in enumerate(sentences):
        g = copy_of.get(s.article)
        if g is not None:
            by_group.setdefault(g, {}).setdefault(s.article, []).append(k)
    owner = {m: n for n, a in enumerate(groups) for m in a.members}
    lone = {a.members[0] for a in groups if len(a.members) == 1 and not a.support}
    moved: dict[int, int] = {}  # lone sentence -> the group it joins
    vectors: dict[str, np.ndarray] = {}  # article -> its first MAX_CHECKED sentences embedded, once

    def embedded(article: str, ks: list[int]) -> np.ndarray | None:
        if article not in vectors:
            vecs = encode_all(embedder, [sentences[k].text for k in ks[:MAX_CHECKED]])
            if vecs is None:
                return None
            vectors[article] = vecs
        return vectors[article]

    for arts in by_group.values():
        ids = list(arts)
        for x_art in ids:
            for y_art in ids:
                xs, ys = arts[x_art], arts[y_art]
                if x_art == y_art or not xs or not ys or base[xs[0]] == base[ys[0]] or "" in (base[xs[0]], base[ys[0]]):
                    continue
                if not any(x in lone for x in xs):
                    continue
                vx, vy = embedded(x_art, xs), embedded(y_art, ys)
                if vx is None or vy is None:
                    return groups
                sim = np.asarray(vx) @ np.asarray(vy).T
                near = np.abs(np.arange(len(vx))[:, None] - np.arange(len(vy))[None, :]) <= TRANSLATION_WINDOW
                sim = np.where(near, sim, -1.0)
                for a, x in enumerate(xs[: len(vx)]):
                    if x not in lone or x in moved:
                        continue
                    b = int(np.argmax(sim[a]))
                    if sim[a, b] < CROSS_FLOOR or int(np.argmax(sim[:, b])) != a:
                        continue
                    y = ys[b]
                    fx, fy = cross_figures(sentences[x].text), cross_figures(sentences[y].text)
                    if fx and fy and fx != fy:
                        continue
                    target = owner[y]
                    if y in moved or owner[x] in moved.values():  # a pair of two lone sentences joins once
                        continue
                    if any(sentences[m].article == x_art for m in groups[target].members):
                        continue
                    moved[x] = target
    if not moved:
        return groups
    out: list[Aligned] = []
    for n, group in enumerate(groups):
        if len(group.members) == 1 and group.members[0] in moved:
            continue
        joined = [x for x, t in moved.items() if t == n]
        if joined:
            group = Aligned(
                members=sorted(group.members + joined), strength=group.strength, support=list(group.support)
            )
        out.append(group)
    return out
