"""Does a cited sentence state its fact?  A citation is attached only where it does: its figures
for the things the fact counts agree with the fact's, and it names someone the fact names."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from crosswire.facts.attributes import DAY_WORDS
from crosswire.facts.contradiction import ANY_NUMBER, figures_clash, stated_in
from crosswire.facts.numbers import compatible
from crosswire.facts.similarity import common_stems
from crosswire.text.months import MONTHS
from crosswire.text.words import STOPWORDS, fold, names

__all__ = ["states", "gives_figures", "name_words", "name_aliases"]


def name_words(text: str) -> set[str]:
    """Folded words of the proper names of a sentence, without weekdays, months and function words."""
    words = (re.sub(r"[’']s?$", "", w) for n in names(text) for w in fold(n).split())
    return {
        w
        for w in words
        if len(w) >= 3 and w not in STOPWORDS and w not in DAY_WORDS and w not in MONTHS and not ANY_NUMBER.match(w)
    }


def sentence_words(text: str) -> set[str]:
    """Stems of a sentence's ordinary words and folded words of its names: what it says, for telling
    whether another sentence says it too."""
    return common_stems(text) | name_words(text)


def name_aliases(texts: list[str]) -> dict[str, set[str]]:
    """Each name word of a story with the other words of the full names it is part of:
    "Kristian Perez" makes "kristian" and "perez" one person's."""
    out: dict[str, set[str]] = {}
    for t in texts:
        for n in names(t):
            ws = [re.sub(r"[’']s?$", "", w) for w in fold(n).split()]
            ws = [w for w in ws if len(w) >= 3 and w not in STOPWORDS]
            if 2 <= len(ws) <= 4:
                for w in ws:
                    out.setdefault(w, set()).update(ws)
    return out


def _share(a: set[str], b: set[str]) -> bool:
    return bool(a & b) or any(fuzz.ratio(x, y) >= 80 for x in a for y in b if abs(len(x) - len(y)) <= 2)


def states(
    fact: str,
    cited: str,
    same_language: bool = True,
    aliases: dict[str, set[str]] | None = None,
    *,
    names: bool = True,
    language: str | None = None,
) -> bool:
    """True unless ``cited`` gives another figure for a thing ``fact`` counts, or (with ``names``, in
    one language) both name people, places or bodies and share none of them (``aliases``, from
    :func:`name_aliases`, lets a first name meet the surname of one full name; in a ``language``
    of ``LOWER_CASE_ADJECTIVES`` a place's adjective names it: "la ciudad alemana" / "Alemania")."""
    if figures_clash(stated_in(fact), stated_in(cited), same_language):
        return False
    if names and same_language:
        a, b = name_words(fact), name_words(cited)
        if aliases:
            a = a | {x for w in a for x in aliases.get(w, ())}
        if a and b and not _share(a, b):
            adjectives = (language or "").split("-")[0] in LOWER_CASE_ADJECTIVES
            if not (adjectives and (_adjective_of(a, cited) or _adjective_of(b, fact))):
                return False
    return True


def gives_figures(fact: str, cited: str) -> bool:
    """Does ``cited`` give one of the figures ``fact`` counts something with (when it counts
    anything)?  A sentence cited as support from inside a longer sentence states its fact only
    with its figures: "657 children ... died by suicide between 1993 and 2012" is not stated by
    "the overall suicide rate ... remained stable between 1993 and 2012", which shares its years
    and its words but not its count."""
    counted = [f for fs in stated_in(fact).figures.values() for f in fs if not f.previous]
    if not counted:
        return True
    given = [f for fs in stated_in(cited).figures.values() for f in fs]
    return any(compatible(x, y) for x in counted for y in given)  # (an overlap: either order)


# languages that write the adjectives of places in lower case ("alemana", "française", "deutsche")
LOWER_CASE_ADJECTIVES = frozenset({"es", "fr", "it", "pt", "ca", "ro", "de", "nl", "pl", "sv", "da", "nb"})
_PLACE_STEM = 5  # a lower-case word shares at least this many first letters with the name it is the adjective of


def _adjective_of(names: set[str], text: str) -> bool:
    """Does ``text`` write one of ``names`` as a lower-case word of its own ("la ciudad alemana" for
    "Alemania", "la police française" for "France")?  Romance languages write the adjectives of
    places in lower case: the sentence names the place, only not as a name.  The same word in lower
    case is not an adjective ("night" for "Monday Night Football", "red carpet" for "Red Carpet")."""
    lower = {fold(w) for w in re.findall(r"\b[a-zà-ÿ][a-zà-ÿ]{4,}\b", text)}
    return any(
        w[:_PLACE_STEM] == n[:_PLACE_STEM] and fuzz.ratio(w, n) >= 80 and w.rstrip("s") != n.rstrip("s")
        for n in names
        if len(n) >= _PLACE_STEM
        for w in lower
        if w not in STOPWORDS
    )
