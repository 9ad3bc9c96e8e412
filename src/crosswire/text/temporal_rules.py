"""The grammar of the date tagger: rules over the text built from the word tables of
:mod:`crosswire.text.temporal_data`, guards that keep names, verbs and counts out, and the choice
of the longest match (:func:`find_candidates`).  Resolution is in :mod:`temporal_resolve`, the
verb's direction in :mod:`temporal_syntax`, the API in :mod:`crosswire.text.temporal`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from crosswire.text.temporal_data import TABLES, LangTables

__all__ = ["Cand", "YEAR", "find_candidates"]


# ---------------------------------------------------------------- grammar


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces as any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_B = r"(?<![\w'’.-])"  # no word character, apostrophe or hyphen before
# French, Spanish, German: a word may follow an elided article or a prefix ("l'été", "mi-mars")
_B_ELIDED = r"(?:(?<![\w.'’-])|(?<=\b[lLdD]['’])|(?<=\bmi-))"
_E = r"(?=['’]s\b|[^\w'’-]|$)"  # no word character after, but a possessive "'s" may follow
YEAR = r"(?:1[5-9]\d\d|20\d\d)"


@dataclass(frozen=True)
class _Rule:
    name: str
    rx: re.Pattern[str]
    prio: int = 0  # the higher wins among matches of the same length


@dataclass
class Cand:
    start: int
    end: int
    rule: str
    g: dict[str, Any]  # the named groups of the match (str or None)
    prio: int


def _rules_en(t: LangTables) -> list[_Rule]:
    mon = f"(?P<mon>{_alt(t.months)})"
    wd = f"(?P<wd>{_alt(t.weekdays)})"
    num = f"(?P<n>\\d+|{_alt(t.numbers)}|a\\s+few|several)"
    unit = r"(?P<unit>days?|weeks?|months?|years?|decades?|quarters?)"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = f"(?P<y>{YEAR})"
    rel = r"(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past)"
    mod = r"(?P<mod>early|late|mid|mid-|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
    season = f"(?P<season>{_alt(t.seasons)})"
    part = f"(?P<part>{_alt(t.day_parts)})"
    ordq = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
    rules = [
        ("iso", rf"(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T\d\d:\d\d(?::\d\d)?)?", 9),
        ("numeric", r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)", 8),
        # "Friday, Oct. 13" and "Friday 13 March" are one expression
        ("mdy", rf"(?:{wd},?\s+)?(?:{rel}\s+)?{mon}\s+{day}(?:(?:\s*,\s*|\s+){year})?", 7),
        ("dmy", rf"(?:{wd},?\s+(?:the\s+)?)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year})?", 7),
        ("my", rf"(?:{mod}[\s-]*)?{mon},?\s+(?:of\s+)?{year}", 7),
        ("month", rf"(?:(?:{mod}[\s-]*)?(?:{rel}\s+)?){mon}(?:\s+(?P<rel2>this|last|next)\s+year)?", 5),
        ("weekday", rf"(?:{rel}\s+)?{wd}(?:['’]s)?(?:\s+{part})?", 5),
        ("deictic", f"(?P<w>{_alt(t.deictic_days)})", 6),
        ("phrase", "(?P<w>" + "|".join(f"(?:{k})" for k in t.phrases) + ")", 6),
        (
            "rel_unit",
            (
                rf"(?:(?P<mod2>earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|"
                rf"the\s+rest\s+of|the\s+start\s+of)\s+)?(?:the\s+)?{rel}\s+"
                r"(?P<unit>week|month|year|quarter|weekend|decade|century|fiscal\s+year)(?:['’]s)?"
            ),
            6,
        ),
        ("rel_season", rf"(?:{rel}\s+|the\s+|(?P<mod2>early|late|mid-?)\s*)+{season}(?:(?:\s+of)?\s+{year})?", 6),
        ("season_year", rf"{season}(?:\s+of)?\s+{year}", 6),
        (
            "ago",
            (
                rf"(?P<approx>(?:nearly|almost|about|some|more\s+than|over|just|roughly|less\s+than|only|"
                rf"barely|around|at\s+least)\s+)?{num}(?:\s+or\s+so)?\s+{unit}\s+ago"
            ),
            7,
        ),
        (
            "shift",
            (
                rf"(?:(?:exactly|nearly|almost|about|some|just|roughly|only)\s+)?{num}\s+{unit}\s+"
                r"(?P<dir>earlier|later)"
            ),
            7,
        ),
        ("shift_the", r"the\s+(?P<dir>next|following|previous|preceding|prior)\s+(?P<unit>day|week|month|year)", 6),
        (
            "shift_before",
            r"the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)(?=\s*[,.;)]|\s+(?:that|this))",
            6,
        ),
        ("yearago", r"(?P<w>year-(?:earlier|ago)|prior-year|year-before)(?:\s+(?P<what>quarter|period|results?))?", 6),
        (
            "theyearago",
            (
                r"the\s+(?:comparable\s+|corresponding\s+|same\s+)?(?P<w>year-(?:earlier|ago)|prior-year)\s+"
                rf"(?:(?:{ordq}\s+)?(?:fiscal\s+)?(?P<what>quarter|period))"
            ),
            7,
        ),
        (
            "quarter",
            (
                rf"(?:the\s+|a\s+|its\s+)?(?:(?:{year}|(?P<rel>last|this|next)\s+year['’]s)\s+)?"
                rf"(?:(?:fiscal|flat|strong|weak|disappointing|latest|comparable)[\s-]+)*{ordq}[\s-]+"
                rf"(?:fiscal[\s-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{YEAR})|"
                r"\s+of\s+(?P<rel2>this|last|next)\s+year)?"
            ),
            8,
        ),
        (
            "quarter_ana",
            (
                r"(?:the|that|this)\s+(?:(?P<which>latest|last|current|same|recent|comparable|"
                r"corresponding|previous|prior|most\s+recent|just-ended|just\s+ended)\s+)?"
                rf"(?:(?P<qy>{YEAR})\s+)?(?P<what>quarter|period)(?!\s+of\s+\d)"
            ),
            5,
        ),
        # a half of a year, not of a game or a century: with its year, "of this year", or "first-half profit"
        (
            "half",
            (
                rf"(?:the\s+)?(?P<h>first|second|last)[\s-]+half\s+of\s+(?:fiscal\s+)?(?:{year}|"
                rf"(?P<rel>this|last|next)\s+year|the\s+year)|(?P<h2>first|second)-half(?=\s+(?:profit|loss|"
                r"results?|earnings|sales|revenue|net|growth|output|figures))"
            ),
            6,
        ),
        (
            "year",
            (
                rf"(?:(?P<pre>fiscal|the\s+year|mid-|early|late|the\s+end\s+of|the\s+beginning\s+of|"
                rf"the\s+start\s+of|the\s+middle\s+of)[\s-]*)?(?<![$£€#¥])(?P<y>{YEAR})(?!\s*%)"
            ),
            4,
        ),
        ("year2", r"(?P<pre>fiscal\s+|FY\s*)?['’](?P<yy>\d\d)(?!['’]?s)", 3),
        (
            "decade",
            (
                r"(?:the\s+)?(?:(?P<mod>early|mid|mid-|late)[\s-]*)?(?P<c>1[5-9]|20)(?P<dd>\d)0['’]?s|"
                r"(?:the\s+)?(?:(?P<mod3>early|mid|mid-|late)[\s-]*)?['’](?P<dd2>\d)0s"
            ),
            5,
        ),
        (
            "decade_word",
            (
                r"the\s+(?:(?:early|mid|late)[\s-]*)?"
                r"(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|"
                r"eighties|nineties)"
            ),
            5,
        ),
        ("century", r"(?:the\s+)?(?P<cn>\d{1,2})(?:st|nd|rd|th)[\s-]+century", 5),
        ("ref", "(?P<w>" + "|".join(f"(?:{k})" for k in t.refs) + ")", 3),
        (
            "time",
            (
                r"(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?:\s+(?:[A-Z]{2,4}T|GMT))?|"
                r"(?P<hh>[012]?\d):(?P<mi2>[0-5]\d)\s+(?:GMT|[A-Z]{2,4}T)"
            ),
            4,
        ),
        (
            "the_year",
            (
                r"the\s+(?P<cur>current|full|same|entire|whole)\s+(?:fiscal\s+|calendar\s+)?year(?!s)"
                r"(?!-)(?!\s+(?:before|earlier|ago|after))"
            ),
            2,
        ),
        ("weekend", r"(?:(?P<rel>last|next|this|this\s+past|the\s+past|the\s+coming|the)\s+)weekend", 6),
        (
            "thatday",
            (
                r"(?:that|the)\s+same\s+day(?!s)|"
                r"that\s+day(?=\s*[,.;)]|\s+(?:and|but|as|when|in|at|after|before))|"
                r"that\s+(?:same\s+)?(?:day|morning|evening|night)"
            ),
            3,
        ),
        (
            "holiday",
            # "Christmas morning 2014": the year dates the holiday across a part of the day
            f"(?:{rel}\\s+)?(?P<w>{_alt(list(t.holidays) + list(t.movable_holidays))})"
            f"(?:(?:\\s+(?:{_alt(list(t.day_parts))}))?\\s+{year})?",
            5,
        ),
        (
            "yearend",
            (
                r"(?P<pre>since|by|before|until|around|at|through)?\s*(?:the\s+)?(?:year[\s-]end|year['’]s\s+end|"
                r"(?:end|start|beginning|middle)\s+of\s+the\s+year)"
            ),
            4,
        ),
        ("monthend", r"the\s+(?P<edge>end|beginning|start|middle)\s+of\s+the\s+month", 4),
        ("next_part", r"the\s+(?P<dir>next|following|previous)\s+(?P<part>morning|afternoon|evening|night)", 6),
        (
            "yearq",
            (
                r"(?P<rel>last|this|next)\s+year['’]s\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?:fiscal\s+)?"
                r"(?P<what>quarter|period)"
            ),
            8,
        ),
        (
            "wordyear",
            (
                rf"(?:(?P<mon>{_alt(m for m in t.months if '.' not in m)})\s+)?"
                r"(?P<wy>nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|"
                r"two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
            ),
            5,
        ),
    ]
    return [_Rule(n, re.compile(_B + f"(?:{p})" + _E, re.IGNORECASE), prio) for n, p, prio in rules]


def _rules_romance_germanic(t: LangTables, lang: str) -> list[_Rule]:
    """French, German and Spanish: day before month, "de"/"." joints, postposed "dernier"."""
    mon = f"(?P<mon>{_alt(t.months)})"
    wd = f"(?P<wd>{_alt(t.weekdays)})"
    num = f"(?P<n>\\d+|{_alt(t.numbers)})"
    units = f"(?P<unit>{_alt(t.units)})"
    year = f"(?P<y>{YEAR})"
    day = r"(?P<d>[0-3]?\d)(?:\.|er|º|°)?"
    last = _alt(t.last)
    nxt = _alt(t.next)
    this = _alt(t.this)
    season = f"(?P<season>{_alt(t.seasons)})"
    de_of = r"(?:\s+de|\s+del)?" if lang == "es" else ""
    ago = _alt(t.ago_before)
    rules = [
        ("iso", rf"(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)", 9),
        ("numeric_dmy", r"(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)", 8),
        ("dmy", rf"(?:{wd},?\s+)?{day}\s+(?:de\s+)?{mon}(?:{de_of}\s+{year})?", 7),
        ("my", rf"{mon}{de_of}\s+{year}", 7),
        ("month", rf"{mon}(?:\s+(?P<relpost>{last}|{nxt}))?", 5),
        ("weekday", rf"(?:(?P<relpre>{last}|{nxt}|{this})\s+)?{wd}(?:\s+(?P<relpost>{last}|{nxt}))?", 5),
        ("deictic", f"(?P<w>{_alt(t.deictic_days)})", 6),
        ("phrase", "(?P<w>" + "|".join(f"(?:{k})" for k in t.phrases) + ")", 6),
        ("ago_pre", rf"(?:{ago})\s+{num}\s+{units}", 7),
        (
            "season",
            (
                rf"(?:(?P<relpre>{this}|{last}|{nxt})\s+)?{season}(?:\s+(?P<relpost>{last}|{nxt}))?"
                rf"(?:\s+(?:de\s+)?{year})?"
            ),
            5,
        ),
        ("year", rf"(?<![$£€#¥])(?P<y>{YEAR})(?!\s*%)", 4),
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


def _keep(c: Cand, text: str, t: LangTables, language: str) -> bool:
    """Whether a match is a temporal expression here, not a name, a verb or a number."""
    g = c.g
    before = text[max(0, c.start - 40) : c.start]
    after = text[c.end : c.end + 40]
    word_before = (re.findall(r"([\w'’.-]+)\s*$", before) or [""])[0].lower()
    caps_lang = language in ("en", "de")
    if g.get("mon") and caps_lang and not _capitalised(g["mon"]):
        return False
    if g.get("wd") and caps_lang and not _capitalised(g["wd"]):
        return False
    guard = _GUARDS.get(c.rule)
    return guard is None or guard(c, text, t, before, after, word_before)


def _keep_month(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """A month name alone: "in May", "last March", "the March accession"; not "may" the verb or "April Smith"."""
    g = c.g
    m = (g["mon"] or "").lower()
    has_ctx = bool(g.get("mod") or g.get("rel") or g.get("rel2") or g.get("relpost"))
    prep_ok = word_before in t.time_preps or word_before.rstrip("-") in t.time_preps
    if m in t.ambiguous_months or len(m) <= 4 or m.endswith("."):
        if not m.endswith(".") and m + "." in t.months:
            prep_ok = False  # "Jan" alone is a name; "in Jan." a month
        if (
            not prep_ok
            and word_before in ("the", "a", "an")
            and re.match(r"['’]?s?\s+[a-z]", after)
            and m not in t.verb_months
        ):
            prep_ok = True  # "the March accession", "a June agreement"
        if not (has_ctx or prep_ok):
            return False
        if m in t.verb_months and re.match(
            r"\s+(?:be|have|not|also|well|still|never|already|soon|now|seem|"
            r"take|make|need|want|go|get|come|help|lead|face|cause)\b",
            after,
        ):
            return False  # "May be"
        if m in t.verb_months and not has_ctx and re.match(r"['’]s\b", after):
            return False  # "May's Brexit deal": a name as often as a month ("last May's vote" is kept)
    # "April Smith": a month before a capitalised word is a name (not "March 1998" or "May Day")
    return (
        has_ctx
        or word_before in t.time_preps
        or not re.match(r"\s+[A-Z][a-z]", after)
        or bool(re.match(r"\s+[A-Z][a-z]+day\b", after))
    )


def _keep_day(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    g = c.g
    if not 1 <= int(g["d"]) <= 31:
        return False
    if c.rule == "mdy" and re.match(r"\s*(?:[:.,]\d|%|-\d)", after):
        return False  # "May 5.5", "Jan 3:15"
    return not (
        c.rule == "mdy"
        and (g["mon"] or "").lower() in ("may", "march")
        and not g.get("y")
        and re.match(r"[\s,]*(?:percent|per\s+cent|people|[-–]\s*\d)", after)
    )


def _keep_weekday(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    g = c.g
    if re.search(
        r"\b(?:a|an|any|every|each|one|normal|typical|usual|ordinary|good|black|ash|holy|"
        r"super|cyber)\s+$",
        before,
        re.IGNORECASE,
    ) and not g.get("rel"):
        return False  # "on a normal Monday", "Good Friday"
    nxt = after.lower().strip()
    if re.match(r"\s+[A-Z]", after) and any(nxt.startswith(n) for n in t.name_after_weekday):
        return False  # "Sunday Times"
    # "Saturday Night Live": a capitalised part of the day before a capitalised word is a name
    return not (
        re.match(r"\s+(?:Night|Morning|Evening)\s+[A-Z]", after)
        or ((g.get("part") or "a")[0].isupper() and re.match(r"\s+[A-Z]", after))
    )


_NOTYEAR_BEFORE = re.compile(
    r"(?:\d[.,]|[$£€¥#№]\s*|No\.\s*|[Nn]umber\s+|[Pp]age\s+|[Rr]oom\s+|[Ff]light\s+|"
    r"[Rr]oute\s+|[Bb]oeing\s+|[Mm]odel\s+|[Ss]ection\s+|[Aa]rticle\s+)$"
)
_NOTYEAR_AFTER = re.compile(
    r"(?:[.,]\d|\s*(?:%|percent|per\s+cent|kilo|km|miles?|meters?|metres?|feet|foot|"
    r"pounds|tons?|tonnes|people|persons|troops|soldiers|workers|employees|votes|"
    r"points|shares|cars|homes|houses|units|yards|acres|hectares|barrels|calories|"
    r"dollars|euros|marks|yen|francs|lire|members|men|women|children|students|"
    r"jobs|cases|deaths|hours|hrs|GMT|UTC|(?-i:BST|CET|CEST|EST|EDT|PST|PDT|AEST|AEDT)|"  # "1930 BST", not "2020 est"
    r"years?|minutes|seconds|degrees|rooms|beds|copies|sq)\b|[-–]\d)",
    re.IGNORECASE,
)
# "'89" is a year only after these words (or in "fiscal '89")
# fmt: off
_SHORTYEAR_AFTER = frozenset({"in", "since", "until", "of", "by", "from", "the", "class", "fiscal", "summer",
                               "spring", "fall", "winter", "early", "late", "mid"})
# fmt: on


def _keep_year(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """A number that is a year: not money, a count, a model, a flight, a page or a range of numbers."""
    if c.g.get("y") is not None:
        return not (_NOTYEAR_BEFORE.search(before) or _NOTYEAR_AFTER.match(after))
    return bool(c.g.get("pre")) or word_before in _SHORTYEAR_AFTER


def _keep_ref(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    w = (c.g["w"] or "").lower()
    if w.startswith("current") and re.match(
        r"\s+(?:account|affairs|events|rate\s+of\s+exchange|"
        r"and\s+former|or\s+former|flows?|of)\b",
        after,
        re.IGNORECASE,
    ):
        return False  # "the current account", "current and former officials"
    return not (w == "future" and not re.search(r"\b(?:in|near|distant|foreseeable)\s+$", before, re.IGNORECASE))


# words that may follow a season named as a time ("in the summer when ...", "the summer months")
# fmt: off
_AFTER_SEASON = frozenset({"of", "and", "or", "when", "as", "before", "after", "with", "to", "in", "on", "at", "for",
                           "that", "which", "while", "but", "months", "season", "the", "a", "he", "she", "it", "they",
                           "we", "i", "you", "is", "was", "will", "has", "had", "have", "are", "were", "until", "so"})
# fmt: on


def _keep_season(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """A season needs last/this/next, a year or a time preposition ("the fall of the regime" is none)."""
    g = c.g
    if g.get("rel") or g.get("y"):
        return True
    matched = text[c.start : c.end]
    if re.match(r"\s+(?:of|in)\s+(?!\d)", after):
        return False  # "the fall of the Berlin wall", "a fall in prices"
    nxt = re.match(r"\s+([a-z]+)", after)
    if nxt and nxt.group(1) not in _AFTER_SEASON:
        return False  # "the winter games", "the summer break": a season as a modifier of a noun
    if g.get("mod2") or re.match(r"(?:early|late)", matched, re.IGNORECASE):
        return True
    return bool(
        re.search(r"\b(?:in|by|until|since|during|through|over|for|this|that|all|of)\s+$", before, re.IGNORECASE)
    )


def _keep_time(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    return c.g.get("h") is None or int(c.g["h"]) <= 12


def _keep_thatday(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    return not re.search(r"\b(?:by|per|a|each|every|all|one)\s+$", before, re.IGNORECASE)


def _keep_deictic(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """ "por la mañana" is the morning and "guten Morgen" a greeting, not tomorrow."""
    w = re.sub(r"\s+", " ", (c.g.get("w") or "").lower())
    rx = t.deictic_not_after.get(w)
    return rx is None or not re.search(r"\b(?:" + rx + r")\s+$", before, re.IGNORECASE)


def _keep_season_other(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    """ "été" alone is also "been": a season needs last/this/next, a year or an article before it."""
    g = c.g
    if g.get("relpre") or g.get("relpost") or g.get("y"):
        return True
    return bool(re.search(r"(?:\b(?:" + t.season_articles + r")\s+|\b[lL]['’])$", before, re.IGNORECASE))


def _keep_word_year(c: Cand, text: str, t: LangTables, before: str, after: str, word_before: str) -> bool:
    return not _NOTYEAR_AFTER.match(after)  # "two thousand years" is a count


# fmt: off
_GUARDS = {"wordyear": _keep_word_year, "month": _keep_month, "season": _keep_season_other, "mdy": _keep_day,
           "dmy": _keep_day, "weekday": _keep_weekday, "year": _keep_year, "year2": _keep_year,
           "ref": _keep_ref, "rel_season": _keep_season, "time": _keep_time, "thatday": _keep_thatday,
           "deictic": _keep_deictic}
# fmt: on


# ---------------------------------------------------------------- finding


def find_candidates(text: str, language: str) -> list[Cand]:
    t = TABLES[language]
    cands: list[Cand] = []
    for r in _rules(language):
        for m in r.rx.finditer(text):
            if m.end() == m.start():
                continue
            c = Cand(m.start(), m.end(), r.name, m.groupdict(), r.prio)
            # a trailing dot belongs to an abbreviation only
            if text[c.end - 1] == "." and not re.search(r"(?:\b[A-Za-z]{2,5}\.|[ap]\.m\.)$", text[c.start : c.end]):
                c.end -= 1
            if _keep(c, text, t, language):
                cands.append(c)
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[Cand] = []
    for c in cands:
        if all(c.end <= o.start or c.start >= o.end for o in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken
