"""What a date expression is in its sentence besides the time of the sentence's event.

Two roles are read here, from the words around the expressions (per-language tables, data):

- the *end of a span*: "pour la période 2020 - 2021", "ran from 2006 to 2008", "between 2001 and
  2005", "von 2010 bis 2012": the second date closes a span the first opens; the span is told
  once, at its start, and its end dates no event of its own (:func:`span_ends`);
- a *year that arrives or leaves*: "ushered in 2020", "rang in 2020", "welcomed 2021", "ont
  accueilli 2021", "despidieron 2019": the year is what the verb greets, not the time of the
  greeting; the night it turns is the last day of the year before (or of the year leaving)
  (:func:`turn_of_year`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

__all__ = ["span_ends", "turn_of_year"]


class _Expr(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def date(self) -> str | None: ...


# fmt: off
# words between two dates that make the second the end of a span the first opens
_JOIN = {
    "en": r"to|through|thru|until|till",
    "fr": r"à|au|jusqu['’]?(?:à|au|en)",
    "de": r"bis(?:\s+(?:zum|zur|in|ins))?",
    "es": r"a|al|hasta(?:\s+(?:el|en))?",
    "it": r"a|al|fino\s+(?:a|al)",
    "pt": r"a|ao|até(?:\s+(?:o|a|ao))?",
}
# "between X and Y": the conjunction closes a span only after the word that opens it
_BETWEEN = {
    "en": (r"between", r"and"), "fr": (r"entre", r"et"), "de": (r"zwischen", r"und"),
    "es": (r"entre", r"y"), "it": (r"tra|fra", r"e"), "pt": (r"entre", r"e"),
}
# a date moved from one day to another: the second is the new date, no span's end ("postponed from
# Tuesday to Thursday", "reporté du 3 au 10 juin", "von Dienstag auf Donnerstag verschoben")
_MOVED = re.compile(
    r"\b(?:postpon|delay|mov|push|pushed|reschedul|brought|bring|advanc|shift|chang|reset|"
    r"report|décal|repouss|avanc|verschob|verleg|vorgezog|aplaz|pospus|adelant|traslad|rinvi|spost|anticip)\w*"
    r"(?:\s+\S+){0,4}\s+$",
    re.IGNORECASE,
)
_MOVED_AFTER = re.compile(r"\s+(?:verschoben|verlegt|vorgezogen)\b", re.IGNORECASE)
# fmt: on
_DASH = r"[-–—]"


def span_ends(text: str, exprs: Sequence[_Expr], language: str = "en") -> set[int]:
    """Indices (in ``exprs``, sorted by position) of the expressions that end a span.

    Two calendar expressions joined only by a dash or a span word ("2020 - 2021", "from 2006 to
    2008", "du 3 au 5 mai") or by "and" after "between" ("between 2001 and 2005").
    """
    join = _JOIN.get(language, _JOIN["en"])
    opener, conj = _BETWEEN.get(language, _BETWEEN["en"])
    plain = re.compile(rf"\s*(?:{_DASH}|(?:{join})\b)\s*", re.IGNORECASE)
    both = re.compile(rf"\s*,?\s+(?:{conj})\s+", re.IGNORECASE)
    opens = re.compile(rf"\b(?:{opener})\s+(?:(?:the|l['’]an|el|la|le|den|dem|il|o)\s+)?$", re.IGNORECASE)
    out: set[int] = set()
    for k in range(1, len(exprs)):
        a, b = exprs[k - 1], exprs[k]
        if not b.date or (a.date and b.date < a.date[: len(b.date)]):
            continue  # a span runs forward ("between January and August 2017": its start may lack a year)
        between = text[a.end : b.start]
        if _MOVED.search(text[max(0, a.start - 60) : a.start]) or _MOVED_AFTER.match(text[b.end : b.end + 20]):
            continue  # "postponed from Tuesday to Thursday": Thursday is the new date
        if plain.fullmatch(between) or (both.fullmatch(between) and opens.search(text[max(0, a.start - 40) : a.start])):
            out.add(k)
    return out


# fmt: off
# words before a year that greet it arriving (+1: the turn is the eve, Dec 31 of the year before) or leaving
# (0: Dec 31 of that year); "the new year" may stand between: "rang in the new year 2020"
_NEW = r"(?:(?:the\s+)?(?:new\s+)?year\s+)?"
_TURN_BEFORE = {
    "en": [(rf"\b(?:ring|rings|ringing|rang|rung|usher|ushers|ushered|ushering)\s+in\s+{_NEW}$", 1),
           (rf"\b(?:welcome|welcomes|welcomed|welcoming|greet|greets|greeted|greeting)\s+{_NEW}$", 1),
           (r"\b(?:ring|rings|ringing|rang|rung)\s+out\s+(?:the\s+(?:old\s+)?year\s+)?$", 0),
           (r"\b(?:bid|bids|bidding|said|say|says|saying)\s+(?:farewell|goodbye|adieu)\s+to\s+$", 0)],
    "fr": [(r"\b(?:accueill\w*|(?:f[êe]t|c[ée]l[ée]br)\w*\s+l['’]arriv[ée]e\s+de|passage\s+[àa])"
            r"\s+(?:l['’]ann[ée]e\s+)?$", 1),
           (r"\b(?:dit|dire|disent|ont\s+dit)\s+(?:adieu|au\s+revoir)\s+[àa]\s+(?:l['’]ann[ée]e\s+)?$", 0)],
    "es": [(r"\b(?:recib\w*|d(?:ar|an|ieron|io|ió)\s+la\s+bienvenida\s+a|celebr\w*\s+la\s+llegada\s+de)"
            r"\s+(?:(?:el\s+)?año\s+)?$", 1),
           (r"\bdesp(?:edir|idieron|idió|idio|iden|ide|edimos)\s+(?:a\s+|el\s+(?:año\s+)?)?$", 0)],
    "de": [(r"\b(?:begrü(?:ß|ss)\w*|ins\s+(?:neue\s+)?Jahr)\s+(?:das\s+(?:neue\s+)?Jahr\s+)?$", 1)],
    "it": [(r"\b(?:accogli\w*|festegg\w*\s+l['’]arrivo\s+del|salut\w*)\s+(?:il\s+)?(?:(?:nuovo\s+)?anno\s+)?$", 1)],
    "pt": [(r"\b(?:receb\w*|d\w+\s+as\s+boas-vindas\s+a)\s+(?:o\s+)?(?:(?:ano\s+)?(?:novo\s+)?)?$", 1)],
}
# German puts the verb last: "haben das Jahr 2020 mit einem Feuerwerk begrüßt" is left out, "2020 begrüßt" read
_TURN_AFTER = {"de": [(r"^\s+(?:begrü(?:ß|ss)t|begrü(?:ß|ss)en|eingeläutet|willkommen\s+geheißen)\b", 1)]}
# what may follow the year greeted: a punctuation mark, the end, or a preposition or conjunction
# ("ushered in 2020 in downtown Los Angeles"), not a noun the year modifies ("welcomed 2021 budget")
_AFTER_OK = re.compile(
    r"^(?:\s*(?:[,.;:!?)\"”»]|$)|\s+(?:in|at|with|on|by|and|as|across|around|amid|under|à|avec|en|dans|et|au|sur|"
    r"con|y|mit|und|im|am|bei|em|com|nel|nella)\b)",
    re.IGNORECASE,
)
# fmt: on
_RX_BEFORE = {lang: [(re.compile(p, re.IGNORECASE), k) for p, k in rows] for lang, rows in _TURN_BEFORE.items()}
_RX_AFTER = {lang: [(re.compile(p, re.IGNORECASE), k) for p, k in rows] for lang, rows in _TURN_AFTER.items()}


def turn_of_year(text: str, start: int, end: int, year: int, language: str = "en") -> str | None:
    """The day a year greeted arriving or leaving turns ("ushered in 2020" -> "2019-12-31"), or None
    when the year at ``text[start:end]`` is not greeted so."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 40]
    for rx, shift in _RX_BEFORE.get(language, []):
        if rx.search(before) and _AFTER_OK.match(after):
            return f"{year - shift:04d}-12-31"
    for rx, shift in _RX_AFTER.get(language, []):
        if rx.match(after):
            return f"{year - shift:04d}-12-31"
    return None
