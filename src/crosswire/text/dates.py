"""Dates stated or implied in a text, resolved against the report's own date.

``find_dates(text, ref)`` reads absolute dates ("March 22", "22 March 2024",
"in October 2022", "in 2015", "2024-04-03") and relative ones ("on Wednesday",
"yesterday", "last month", "two weeks ago", "in February this year", "the
month before") and resolves them against ``ref`` (the article's publication
date) with the date tagger of :mod:`crosswire.text.temporal`.  The precision of the
answer follows the wording: "YYYY", "YYYY-MM" or "YYYY-MM-DD".  Without a reference
date, relative expressions are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from crosswire.text.langid import detect_language, plain_language
from crosswire.text.parse import parse
from crosswire.text.temporal import tag
from crosswire.text.temporal_data import TABLES
from crosswire.text.words import fold

# fmt: off
__all__ = ["DateMention", "find_dates", "language_of", "weekday_dated", "is_future", "reference_date", "parse_ref",
           "QUOTED", "CALENDAR_WORDS", "quoted_spans", "CLOCK", "clock_times"]
# fmt: on

# fmt: off
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# fmt: on
# fmt: off
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6, "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5, "domingo": 6,
}
# fmt: on
# Words of a clause that put what it tells in the future (or in a plan): a weekday or a
# yearless date after them counts forward from the publication date.
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|would|wo(?:uld)?n['’]t|going\s+to|"
    r"(?:due|set|expected|scheduled|planned|poised|slated|likely)\s+to|"
    r"plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|hopes?\s+to|"
    r"scheduled|upcoming|next|coming|"
    r"not\s+to\s+\w+|to\s+(?:meet|hold|resume|reopen|return|travel|vote|sign|visit|decide|rule|open|start|begin|end|hear)|"
    r"va|vont|doit|doivent|devrait|devraient|sera|seront|prochaine?|"
    r"wird|werden|soll|sollen|kommenden|n[aä]chsten|"
    r"va\s+a|van\s+a|pr[oó]xim[oa]|ser[aá]n?|prev[eé]|previst[oa])\b",
    re.I,
)
# Where a clause starts, looking back from a date: a stronger punctuation mark, a reporting verb
# ("..., the minister said on Monday"), a subordinating word.
_CLAUSE_START = re.compile(
    r"[;:—–]\s*|\s[-–]\s|\b(?:said|says|told|added|announced|stated|confirmed|reported|according\s+to|"
    r"but|after|before|since|because|although|though|while|when|whereas|"
    r"a\s+d[eé]clar[eé]|a\s+annonc[eé]|sagte|erkl[aä]rte|teilte|dijo|afirm[oó]|anunci[oó])\b",
    re.I,
)
# A quotation, closed or running to the end of the sentence.
QUOTED = re.compile(r"“[^”]*”?|«[^»]*»?|„[^“”]*[“”]?|\"[^\"]*\"?")


@dataclass(frozen=True, slots=True)
class DateMention:
    date: str  # YYYY | YYYY-MM | YYYY-MM-DD
    start: int
    end: int
    relative: bool


def parse_ref(ref: str | None) -> dt.date | None:
    if not ref:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", ref)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def is_future(text: str, at: int) -> bool:
    """True if the clause of ``text`` that ends at offset ``at`` speaks of what is yet to come.

    The clause starts after the last strong punctuation mark, reporting verb or subordinating
    word before ``at``; it is in the future when it holds a future or plan marker ("will",
    "would", "is due to", "plans to", "to meet", "next", "va", "wird", "próximo", ...).
    """
    head = text[:at]
    # a start right before the date is a preposition ("until after Monday", "before Friday")
    starts = [
        m.end()
        for m in _CLAUSE_START.finditer(head)
        if fold(m.group(0).strip()) not in ("before", "after", "since") or re.search(r"\w", head[m.end() :])
    ]
    clause = head[starts[-1] :] if starts else head
    return _FUTURE.search(clause) is not None


def find_dates(text: str, ref: str | None, language: str | None = None) -> list[DateMention]:
    """Dates in one sentence (or short passage), resolved against ``ref`` (YYYY-MM-DD or None).

    Read by the date tagger :func:`crosswire.text.temporal.tag` in ``language`` (by default the
    one the text's words tell, else English); the direction of an underspecified date ("on
    Friday", "in March") comes from the spaCy parse of its sentence when a pipeline is
    installed (the shared cache of :func:`crosswire.text.parse.parse`), else from cue words.
    Calendar values only: a week counted back ("two weeks ago") is its day, or its month when
    the count is rough ("nearly two weeks ago", "a few days ago"); other weeks, quarters and
    "now" are left out, and so is "today" inside a quotation (the day of speaking).
    """
    lang = language or language_of(text)
    r = parse_ref(ref)
    quoted = quoted_spans(text)
    out = []
    # without a reference date no direction is needed (an underspecified date is not placed): no parse
    for x in tag(text, ref, lang, parse=ref is not None, parser=lambda texts: parse(texts, lang)):
        d = x.date
        if d is None and r is not None:
            d = _counted_back(x.text, r)
        if not d or (x.relative and r is None):
            continue
        if x.relative and fold(x.text) in _SPEAKING_DAY and any(qa < x.start < qb for qa, qb in quoted):
            continue
        out.append(DateMention(d, x.start, x.end, x.relative))
    return out


_SPEAKING_DAY = frozenset({"today", "tonight", "this morning", "this evening", "aujourd'hui", "heute", "hoy"})
_AGO = re.compile(
    r"^(?P<approx>(?:nearly|almost|about|some|around|roughly|more\s+than|over|less\s+than|just|"
    r"at\s+least)\s+)?(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a\s+few|several)"
    r"\s+(?P<unit>days?|weeks?)\s+ago$",
    re.I,
)
# fmt: off
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}
# fmt: on


def _counted_back(words: str, ref: dt.date) -> str | None:
    """ "two weeks ago" -> its day; "nearly two weeks ago", "a few days ago" -> its month; else None."""
    m = _AGO.match(" ".join(words.split()))
    if not m:
        return None
    n_word = fold(m.group("n"))
    rough = bool(m.group("approx")) or n_word in ("a few", "several")
    n = 3 if rough and not n_word[0].isdigit() and n_word not in _SMALL else int(_SMALL.get(n_word, 0) or n_word)
    day = ref - dt.timedelta(days=n * (7 if fold(m.group("unit")).startswith("week") else 1))
    return f"{day.year:04d}-{day.month:02d}" if rough else day.isoformat()


def language_of(text: str) -> str:
    """The tagger's language for a text: its function words, else (a calendar word of another
    language in it) the language detector, else English."""
    lang = plain_language(text)
    if lang is None and _foreign_calendar().search(text):
        lang = detect_language(text)
    return lang if lang in TABLES else "en"


@lru_cache(maxsize=1)
def _foreign_calendar() -> re.Pattern[str]:
    english = {w.lower() for w in list(TABLES["en"].months) + list(TABLES["en"].weekdays)}
    words = {
        w.lower() for lang in TABLES if lang != "en" for w in list(TABLES[lang].months) + list(TABLES[lang].weekdays)
    } - english
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if len(w) > 2)
    return re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)", re.I)


def weekday_dated(text: str, latest_year: int, language: str = "en") -> str | None:
    """The day a report without a year tells by a weekday written with its date.

    "last Saturday, April 15" and "(Monday, April 17)" only fit some years: the latest year up
    to ``latest_year`` (the last year the story writes) where every such pair of the text
    falls on its weekday gives the latest of those days (YYYY-MM-DD); None when the text has
    no pair, or no year within twelve fits them all.
    """
    t = TABLES.get(language, TABLES["en"])
    pairs = []
    for m in _weekday_date_rx(language).finditer(text):
        # "Saturday, 27th July, 1974" fits its own year only
        written = re.match(r"(?:st|nd|rd|th)?\.?,?\s*(?:de\s+)?((?:19|20)\d\d)\b", text[m.end() :])
        wd = t.weekdays.get(fold(m.group("wd")))
        name = fold(m.group("mon") or m.group("mon2"))
        mon = t.months.get(name) or t.months.get(name + ".")
        day = int(m.group("d") or m.group("d2"))
        if wd is not None and mon and 1 <= day <= 31:
            pairs.append((wd, mon, day, int(written.group(1)) if written else None))
    if not pairs:
        return None
    for y in range(latest_year, latest_year - 12, -1):
        try:
            if all(dt.date(y, mon, day).weekday() == wd and yr in (None, y) for wd, mon, day, yr in pairs):
                return max(dt.date(y, mon, day) for _wd, mon, day, _yr in pairs).isoformat()
        except ValueError:
            continue
    return None


@lru_cache(maxsize=8)
def _weekday_date_rx(language: str) -> re.Pattern[str]:
    t = TABLES.get(language, TABLES["en"])

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    wd, mon = alt(list(t.weekdays)), alt([m.rstrip(".") for m in t.months])
    return re.compile(
        rf"\b(?P<wd>{wd}),?\s+(?:the\s+)?(?:(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b|"
        rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+|de\s+)?(?P<mon2>{mon})\b)",
        re.I,
    )


def reference_date(article, story_dates: list[str]) -> str | None:
    """The date relative expressions in an article count from.

    Its publication date; else the latest publication date of the story's other reports
    (one story's reports appear within days of each other); else the latest full date
    written in its text; else None.
    """
    if parse_ref(article.published):
        return article.published
    if story_dates:
        return max(story_dates)
    full = [d.date for d in find_dates(article.text, None, getattr(article, "language", None)) if len(d.date) == 10]
    return max(full) if full else None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTED.finditer(text)]


CALENDAR_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS)


# a clock time ("9:32 p.m.", "9.30pm"), and the words that make it approximate ("at about 9:30 p.m.")
CLOCK = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*([ap])\.?\s?m\b\.?", re.I)
_ABOUT = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|shortly (?:before|after)|just (?:before|after))\s+$", re.I
)


def clock_times(text: str) -> list[tuple[int, bool]]:
    """Minutes after midnight of each clock time of a sentence (:data:`CLOCK`), with whether it is
    approximate ("at about 9:30 p.m.")."""
    out = []
    for m in CLOCK.finditer(text):
        h, mi = int(m.group(1)), int(m.group(2))
        if 1 <= h <= 12 and mi < 60:
            minutes = (h % 12 + (12 if m.group(3).lower() == "p" else 0)) * 60 + mi
            out.append((minutes, bool(_ABOUT.search(text[: m.start()]))))
    return out
