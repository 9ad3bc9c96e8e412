"""Does a cited sentence state its fact?  A citation is attached only where it does: its figures
for the things the fact counts agree with the fact's, and it names someone the fact names."""

from __future__ import annotations

from rapidfuzz import fuzz

from crosswire.facts.attributes import DAY_WORDS
from crosswire.facts.contradiction import ANY_NUMBER, figures_clash, stated_in
from crosswire.text.months import MONTHS
from crosswire.text.words import STOPWORDS, fold, names

__all__ = ["states", "name_words"]


def name_words(text: str) -> set[str]:
    """Folded words of the proper names of a sentence, without weekdays, months and function words."""
    return {w for n in names(text) for w in fold(n).split()
            if len(w) >= 3 and w not in STOPWORDS and w not in DAY_WORDS and w not in MONTHS
            and not ANY_NUMBER.match(w)}


def _share(a: set[str], b: set[str]) -> bool:
    return bool(a & b) or any(fuzz.ratio(x, y) >= 80 for x in a for y in b if abs(len(x) - len(y)) <= 2)


def states(fact: str, cited: str, same_language: bool = True) -> bool:
    """True unless ``cited`` gives another figure for a thing ``fact`` counts, or (in one language)
    both name people, places or bodies and share none of them."""
    if figures_clash(stated_in(fact), stated_in(cited), same_language):
        return False
    if same_language:
        a, b = name_words(fact), name_words(cited)
        if a and b and not _share(a, b):
            return False
    return True
