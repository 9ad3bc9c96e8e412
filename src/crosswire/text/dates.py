"""Dates stated or implied in a text, resolved against the report's own date.

``find_dates(text, ref)`` reads absolute dates ("March 22", "22 March 2024",
"in October 2022", "in 2015", "2024-04-03") and relative ones ("on Wednesday",
"yesterday", "last month", "two weeks ago", "in February this year", "the
month before") and resolves them against ``ref`` (the article's publication
date).  The precision of the answer follows the wording: "YYYY", "YYYY-MM" or
"YYYY-MM-DD".  Without a reference date, relative expressions are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from crosswire.model import Article
from crosswire.text.numwords import parse_number_words
from crosswire.text.words import fold

__all__ = [
    "DateMention", "find_dates", "is_future", "reference_date", "parse_ref", "QUOTED", "CALENDAR_WORDS", "quoted_spans",
]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6, "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5, "domingo": 6,
}
# English and German weekdays are capitalised, French and Spanish ones are not (which keeps
# "Domingo" the name out).
_WD = (r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
       r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|"
       r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
       r"lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)"
       r"(?:(?<=[gd])(?:abend|morgen|nachmittag|vormittag|nacht))?")  # "Montagabend"
# Words just before or after a weekday that say which one is meant.
_WD_NEXT = {"next", "coming", "kommenden", "nachsten", "proximo", "prochain", "prochaine"}
_WD_LAST = {"last", "letzten", "vergangenen", "vorigen", "dernier", "derniere", "pasado"}

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
_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_NUMW = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)\b")),
    ("mdy", re.compile(r"\b" + _M + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("my", re.compile(r"\b(?:in|since|from|until|by|of|last|early|late|mid-?)?\s*" + _M
                      + r"(?:\s+(?P<y>(?:19|20)\d\d)|\s+(?P<this>this|last|next)\s+year)\b")),
    # the word before a month or year may open the sentence ("In 2019 ...", "Since March ...")
    ("m", re.compile(r"\b(?i:in|since|until|by|from|early|late|mid-?)\s+" + _M + r"(?!\s+\d)\b")),
    ("y", re.compile(r"\b(?i:in|since|from|until|by|of|during|early|late|mid-?)\s+(?i:early\s+|late\s+)?"
                     r"(?P<y>(?:19|20)\d\d)\b(?!-)")),
    ("weekday", re.compile(r"\b(?:(?:on|am|le|el)\s+)?(?:(?P<pre>(?i:next|last|this(?:\s+coming)?|coming|kommenden|"
                           r"n[aä]chsten|letzten|vergangenen|vorigen|pr[oó]ximo))\s+)?" + _WD
                           + r"(?:['’]s)?(?:\s+(?P<post>prochaine?|derni[eè]re?|pasado|pr[oó]ximo))?\b")),
    ("yesterday", re.compile(r"\b(?P<w>yesterday|today|tonight|tomorrow|this morning|this evening)\b", re.I)),
    ("ago", re.compile(r"\b(?P<approx>(?:nearly|almost|about|some|around|roughly|more\s+than|over|less\s+than|"
                       r"just\s+over|just\s+under|under)\s+)?" + _NUMW
                       + r"\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
    ("last", re.compile(r"\b(?P<which>last|this|next)\s+(?P<unit>week|month|year)\b", re.I)),
    ("before", re.compile(r"\bthe\s+(?:(?P<unit>month|year|week|day)\s+before"
                          r"|previous\s+(?P<unit2>month|year|week|day))\b", re.I)),
]

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
    starts = [m.end() for m in _CLAUSE_START.finditer(head)
              if fold(m.group(0).strip()) not in ("before", "after", "since") or re.search(r"\w", head[m.end():])]
    clause = head[starts[-1]:] if starts else head
    return _FUTURE.search(clause) is not None


def _year_for(month: int, day: int | None, ref: dt.date | None, future: bool = False) -> int | None:
    if ref is None:
        return None
    cand = dt.date(ref.year, month, min(day or 1, 28))
    if future and ((ref - cand).days > 14 if day else month < ref.month):
        return ref.year + 1  # "will hold the vote on 3 February" said in November
    if (cand - ref).days > 270:
        return ref.year - 1
    if (ref - cand).days > 270 and day is None:
        return ref.year  # "in March" said in December: this year
    return ref.year


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None and m is not None:
            return dt.date(y, m, d).isoformat()
    except ValueError:
        return None
    if m is not None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}"


def _shift_month(d: dt.date, months: int) -> tuple[int, int]:
    k = d.year * 12 + (d.month - 1) + months
    return k // 12, k % 12 + 1


def find_dates(text: str, ref: str | None) -> list[DateMention]:
    """Dates in one sentence, resolved against ``ref`` (YYYY-MM-DD or None)."""
    r = parse_ref(ref)
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            a, b = m.span()
            if not free(a, b):
                continue
            g = m.groupdict()
            date: str | None = None
            relative = False
            if kind == "iso":
                date = _fmt(int(g["y"]), int(g["mo"]), int(g["d"]))
            elif kind in ("mdy", "dmy"):
                mo, d = _MONTHS[fold(g["month"]).rstrip(".")], int(g["d"])
                if not 1 <= d <= 31:
                    continue
                y = int(g["y"]) if g.get("y") else _year_for(mo, d, r, is_future(text, a))
                relative = not g.get("y")
                date = _fmt(y, mo, d) if y else None
            elif kind == "my":
                mo = _MONTHS[fold(g["month"]).rstrip(".")]
                if g.get("y"):
                    y = int(g["y"])
                elif r is not None:
                    y = r.year + {"this": 0, "last": -1, "next": 1}[fold(g["this"])]
                    relative = True
                else:
                    y = None
                date = _fmt(y, mo) if y else None
            elif kind == "m":
                if fold(g["month"]) == "may":
                    continue  # the verb
                mo = _MONTHS[fold(g["month"]).rstrip(".")]
                y = _year_for(mo, None, r, is_future(text, a))
                relative = True
                date = _fmt(y, mo) if y else None
            elif kind == "y":
                date = g["y"]
            elif kind == "weekday" and r is not None:
                if fold(g["wd"]) == fold(text[a:b].split()[0]) and \
                        re.search(r"\b(?:a|an|any|every|each|one|normal|typical|usual|ordinary)\s+$", text[:a], re.I):
                    continue  # "heavier than on a normal Monday": no day in particular
                wd = _WEEKDAYS[fold(g["wd"])]
                beside = {fold(w) for w in (g.get("pre"), g.get("post")) if w}
                if beside & _WD_LAST:
                    future, forced = False, True
                elif beside & _WD_NEXT or any(w.startswith("this coming") for w in beside):
                    future, forced = True, True
                else:
                    future, forced = is_future(text, a), False
                if future:
                    delta = -((wd - r.weekday()) % 7)
                    if forced and delta == 0:
                        delta = -7  # "next Monday" said on a Monday
                else:
                    delta = (r.weekday() - wd) % 7
                    if forced and delta == 0:
                        delta = 7  # "last Monday" said on a Monday
                date, relative = (r - dt.timedelta(days=delta)).isoformat(), True
            elif kind == "yesterday" and r is not None:
                if fold(g["w"]) != "yesterday" and any(qa < a < qb for qa, qb in quoted_spans(text)):
                    continue  # "we are not there today," he said at the time: the day of speaking
                step = {"yesterday": -1, "tomorrow": 1}.get(fold(g["w"]), 0)
                date, relative = (r + dt.timedelta(days=step)).isoformat(), True
            elif kind == "ago" and r is not None:
                nw = fold(g["n"])
                n = {"a few": 3, "several": 3, "a": 1, "an": 1}.get(nw) or parse_number_words(nw)
                unit = fold(g["unit"]).rstrip("s")
                if n is None:
                    continue
                n = int(n)
                # "nearly two weeks ago", "a few days ago": only the month is known
                approx = bool(g.get("approx")) or nw in ("a few", "several")
                if unit in ("day", "week"):
                    d0 = r - dt.timedelta(days=n * (7 if unit == "week" else 1))
                    date = _fmt(d0.year, d0.month) if approx else d0.isoformat()
                elif unit == "month":
                    date = _fmt(*_shift_month(r, -n))
                else:
                    date = _fmt(r.year - n)
                relative = True
            elif kind == "last" and r is not None:
                which, unit = fold(g["which"]), fold(g["unit"])
                step = {"last": -1, "this": 0, "next": 1}[which]
                if unit == "year":
                    date = _fmt(r.year + step)
                elif unit == "month":
                    date = _fmt(*_shift_month(r, step))
                else:
                    date = (r + dt.timedelta(weeks=step)).isoformat()
                relative = True
            elif kind == "before":
                unit = fold(g.get("unit") or g.get("unit2") or "")
                prev = [x for x in out if x.end <= a]
                if not prev:
                    continue
                base = prev[-1].date
                parts = [int(p) for p in base.split("-")]
                if unit == "month" and len(parts) >= 2:
                    y, mo = _shift_month(dt.date(parts[0], parts[1], 1), -1)
                    date = _fmt(y, mo)
                elif unit == "year":
                    date = _fmt(parts[0] - 1)
                elif len(parts) == 3:
                    d0 = dt.date(*parts) - dt.timedelta(days=7 if unit == "week" else 1)
                    date = d0.isoformat()
                relative = True
            if date:
                taken.append((a, b))
                out.append(DateMention(date, a, b, relative))
                out.sort(key=lambda x: x.start)
    return out


def reference_date(article: Article, story_dates: list[str]) -> str | None:
    """The date relative expressions in an article count from.

    Its publication date; else the latest publication date of the story's other reports
    (one story's reports appear within days of each other); else the latest full date
    written in its text; else None.
    """
    if parse_ref(article.published):
        return article.published
    if story_dates:
        return max(story_dates)
    full = [d.date for d in find_dates(article.text, None) if len(d.date) == 10]
    return max(full) if full else None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTED.finditer(text)]


CALENDAR_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS)
