"""Resolution of the date tagger: one matched expression to its TimeML value, against the
report's date, the direction of its verb and the last date told (anaphora).  Part of
:mod:`crosswire.text.temporal`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from crosswire.text.temporal_data import LangTables
from crosswire.text.temporal_rules import Cand

__all__ = ["QUARTER_ENDED", "State", "calendar_date", "parse_dct", "resolve"]


def calendar_date(value: str) -> str | None:
    """ "1998-08-07TMO" -> "1998-08-07"; "1998-08" and "1998" as they are; None otherwise."""
    m = re.match(r"^(\d{4}(?:-\d\d(?:-\d\d)?)?)(?:T.*)?$", value)
    return m.group(1) if m else None


# ---------------------------------------------------------------- resolution


def parse_dct(dct: str | None) -> dt.date | None:
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


class State:
    """What anaphoric expressions count from: the last date told, and the last quarter."""

    def __init__(self, dct: dt.date | None) -> None:
        self.dct = dct
        self.last: str | None = None  # the last calendar or quarter value
        self.last_day: dt.date | None = None
        self.last_day_at = -10_000  # where the last full day was told
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


def resolve(
    c: Cand, text: str, t: LangTables, st: State, direction: str, language: str
) -> tuple[str, str, bool] | None:
    """(type, value, relative) of one match, or None when it cannot be resolved."""
    # the branches below reuse these names for numbers, dates and values
    d: Any
    y: Any
    k: Any
    mo: Any
    base: Any
    g = c.g
    dct = st.dct
    r = c.rule
    low = text[c.start : c.end].lower()
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
        wd = t.weekdays.get((g.get("wd") or "").lower())
        if wd is not None:  # "Saturday, April 15": the year next to it where that day is a Saturday
            y = next((yy for yy in (y, y - 1, y + 1) if _fmt(yy, mo, d) and dt.date(yy, mo, d).weekday() == wd), y)
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
        step = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1, "this": 0}.get(
            rel, 0
        )
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
        ended = QUARTER_ENDED.match(text, c.end)
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
        dd: str = g["dd"] if g.get("dd") is not None else g["dd2"]
        c_s = g.get("c")
        if c_s is None:
            if dct is None:
                return None
            c_s = str(dct.year // 100 - (1 if int(dd) * 10 > dct.year % 100 else 0))
        return "DATE", f"{c_s}{dd}", c_s is None
    if r == "decade_word":
        if dct is None:
            return None
        k = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties").index(
            g["dw"].lower()
        ) + 2
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


QUARTER_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?P<mon>[A-Z][a-z]+)\.?\s+\d")


# fmt: off
_WORD_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
               "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
               "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# fmt: on


def _word_year(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (spoken years of transcripts)."""
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


def _anchor(st: State, unit: str) -> str | None:
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
                day = min(parts[2], 28) if parts[1] == 2 else parts[2]
                return _fmt(parts[0] + n, parts[1], day) or str(parts[0] + n)
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
