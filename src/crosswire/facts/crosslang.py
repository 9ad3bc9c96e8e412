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

from crosswire.model import Sentence
from crosswire.text.langid import FUNCTION_WORDS
from crosswire.text.months import MONTHS
from crosswire.text.words import STOPWORDS, fold

__all__ = ["cross_links", "cross_names", "cross_figures"]

_ALL_FUNCTION = frozenset().union(*FUNCTION_WORDS.values()) | STOPWORDS
_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:([.,\u202f\u00a0 ])\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
MIN_FIGURE = 10  # smaller figures (one, two, ...) are too common to tell two facts apart


def cross_names(text: str) -> set[str]:
    """Folded words of the capitalised words of a sentence, its first word left out (in German every
    noun is capitalised: those do not meet their translation, so they do no harm), without function
    words, months and possessive endings: "Volkswagen-Tochtersitz" gives "volkswagen" and
    "tochtersitz", "Volkswagen’s" gives "volkswagen"."""
    out: set[str] = set()
    for k, m in enumerate(_TOKEN.finditer(text)):
        tok = m.group(0)
        if k == 0 or not tok[:1].isupper():
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
) -> np.ndarray:
    """Mask of the pairs in two languages that state one fact by their names and figures (see the
    module's notes): each other's best match between their two reports, not vetoed, below ``link``."""
    out = np.zeros(len(rows), dtype=bool)
    if not len(rows):
        return out
    langs_r = np.array([langs[int(i)] for i in rows], dtype=object)
    langs_c = np.array([langs[int(j)] for j in cols], dtype=object)
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

    evidence: dict[int, float] = {}
    for k in cand.tolist():
        i, j = int(rows[k]), int(cols[k])
        ni, fi = read(i)
        nj, fj = read(j)
        shared_names, shared_figures = len(ni & nj), len(fi & fj)
        if not shared_names:
            continue
        if shared_figures:
            evidence[k] = 2.0 * shared_figures + shared_names
        elif (
            not (fi and fj)
            and sentences[i].index == lead[sentences[i].article]
            and sentences[j].index == lead[sentences[j].article]
        ):
            evidence[k] = 0.5 + 0.1 * shared_names  # two leads naming the same: the story's main fact
    if not evidence:
        return out
    # each the other's best by evidence between their two reports; a tie at the top is no match
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
