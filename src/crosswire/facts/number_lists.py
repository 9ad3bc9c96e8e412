"""What a bare figure counts, read from the words before it.

* a list of the parts of one count, each told with whose it is: "120 diputados del PSOE, 35 de Unidas Podemos,
  seis del PNV", "52 votes from Democrats, 3 from Republicans": the bare figures of such a list count what the
  first one counts; :func:`list_part` tells where the words of such a part end (its figure and whose it is);
* a noun that is a number of people, whose value the figure gives: "a crowd of 50,000", "a crowd expected to
  be about 50,000", "attendance reached 12,000" (:func:`count_named_before`).

The words are data (:data:`crosswire.facts.number_words.PART_BY`, ``LIST_AND``, ``COUNT_SUBJECTS``)."""

from __future__ import annotations

import re
from functools import lru_cache

from crosswire.facts.number_words import COUNT_SUBJECTS, LIST_AND, PART_BY, QUALIFIERS
from crosswire.text.words import fold

__all__ = ["list_part", "count_named_before"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    by = r"(?:" + "|".join(sorted(PART_BY, key=len, reverse=True)) + r")"
    and_ = r"(?:" + "|".join(sorted(LIST_AND, key=len, reverse=True)) + r")"
    return (
        # after the first figure, its own "whose": " del PSOE, "
        re.compile(r"\s+" + by + r"\s+[^\d,;:!?()]{1,60}?(?:,|\s+" + and_ + r")\s+"),
        # after a part already read (its words end with its "whose"): " y sus confluencias, "
        re.compile(r"[^\d,;:!?()]{0,40}?(?:,|\s+" + and_ + r")\s+"),
        # the part's own "whose", a name: " de Unidas Podemos", " from the Greens"
        re.compile(r"\s+" + by + r"\s+(?:(?:the|la|el|los|las|le|les|der|die|den|il|lo|a|o)\s+)?[A-ZÁÉÍÓÚÄÖÜ]"),
        # where its words end
        re.compile(r"[^,;:.!?()]{0,60}?(?=[,;:.!?()]|\s+" + and_ + r"\s|$)"),
    )


def list_part(text: str, previous_end: int, start: int, end: int, previous_is_part: bool) -> int | None:
    """Where the words of the bare figure ``text[start:end]`` end when it is a part of a list whose previous
    figure ends at ``previous_end`` ("35 de Unidas Podemos" after "120 diputados del PSOE, "), else None."""
    first, next_part, whose, words = _patterns()
    if not whose.match(text[end:]):
        return None
    between = text[previous_end:start]
    if not (first.fullmatch(between) or previous_is_part and next_part.fullmatch(between)):
        return None
    tail = words.match(text[end:])
    return end + (len(tail.group(0)) if tail else 0)


@lru_cache(maxsize=1)
def _count_of() -> re.Pattern[str]:
    quals = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
    return re.compile(
        r"\b(?P<noun>" + "|".join(sorted(COUNT_SUBJECTS, key=len, reverse=True)) + r")\b(?:[^,;:.!?()\d]{0,50}?\s)?"
        r"(?:was|is|were|be|been|reached|hit|topped|numbered|numbering|estimated\s+at|put\s+at|of|de|von)\s+"
        r"(?:(?:" + quals + r")\s+)?$"
    )


def count_named_before(before: str) -> str | None:
    """The noun of a number of people a bare figure gives the value of ("crowd"), from the words before it."""
    m = _count_of().search(fold(before[-100:]))
    return m.group("noun") if m else None
