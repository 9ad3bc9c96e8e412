"""Figures in news sentences: the value, what it counts, and its qualifier.

``find_numbers(text)`` reads "at least 144 people dead", "more than 140 died",
"twelve suspects", "a one-hour call", "360 injured" and returns
:class:`Figure` s with an interval of the values the wording allows, so that
``compatible(a, b)`` can say whether two reports' figures can both be true:
"at least 144" and "more than 140" can, "144 dead" and "150 dead" cannot.
Years, dates, clock times and ordinals are not figures.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from dataclasses import dataclass

from .textutil import STOPWORDS, fold

__all__ = ["Figure", "find_numbers", "compatible", "parse_number_words", "category"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
_NUMWORD = "|".join(sorted(list(_UNITS) + list(_TENS) + list(_SCALES) + ["dozen", "a", "and"], key=len, reverse=True))

# qualifier -> (kind) ; kinds: min (>=), gt (>), max (<=), lt (<), approx, near (just under)
_QUALIFIERS = {
    "at least": "min", "no fewer than": "min", "no less than": "min", "a minimum of": "min",
    "more than": "gt", "over": "gt", "upwards of": "gt", "in excess of": "gt", "above": "gt", "plus de": "gt",
    "at most": "max", "up to": "max", "as many as": "max", "no more than": "max",
    "fewer than": "lt", "less than": "lt", "under": "lt", "below": "lt", "moins de": "lt",
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx", "approximately": "approx",
    "an estimated": "approx", "estimated": "approx", "nearly": "near", "almost": "near", "close to": "near",
    "environ": "approx", "près de": "near", "au moins": "min",
}
_QUAL_RX = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))

_CATEGORIES = {
    "dead": {"dead", "died", "die", "killed", "deaths", "death", "fatalities", "lives", "bodies", "victims",
             "morts", "tues", "tués", "deceased", "perished", "toll"},
    "injured": {"injured", "wounded", "hurt", "injuries", "blesses", "blessés", "hospitalised", "hospitalized"},
    "arrested": {"arrested", "detained", "arrests", "detentions", "held", "custody", "suspects"},
    "missing": {"missing", "disappeared"},
    "displaced": {"displaced", "evacuated", "homeless", "refugees"},
}
_SKIP_NOUNS = {"people", "persons", "others", "more", "of", "were", "was", "have", "had", "been", "are", "and", "the",
               "men", "women", "children", "individuals", "person", "civilians", "soldiers"}
_ADJECTIVES = {"alleged", "suspected", "other", "additional", "new", "more", "further", "separate", "presumed"}
# verbs and nouns right before a figure that say what it counts
_LEAD_VERBS = {
    "killed": "dead", "killing": "dead", "kills": "dead", "toll": "dead", "deaths": "dead",
    "injured": "injured", "injuring": "injured", "wounded": "injured", "wounding": "injured",
    "arrested": "arrested", "arresting": "arrested", "detained": "arrested", "detaining": "arrested",
    "evacuated": "displaced", "displaced": "displaced",
}
_UNIT_RX = r"(?:second|minute|hour|day|week|month|year|decade|century|time|percent|kilometre|kilometer|km|mile|" \
           r"metre|meter|kg|kilogram|tonne|ton|dollar|euro|pound)s?"
_QUAL_WORDS = {w for q in _QUALIFIERS for w in q.split()}
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")

_NUM_RX = re.compile(
    r"(?P<qual>\b(?:" + _QUAL_RX + r")\s+)?"
    r"(?P<cur>[$€£¥])?"
    r"(?P<num>\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|"
    r"\b(?:(?:" + _NUMWORD + r")(?:[\s\-]+(?=(?:" + _NUMWORD + r")\b))?)+\b)"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion|m|bn|k)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in a sentence."""

    value: float
    what: str  # normalised: "dead", "injured", "arrested", or the counted noun ("hour", "suspects")
    text: str  # the words as written, "at least 144 people dead"
    qualifier: str | None
    low: float
    high: float
    start: int
    end: int


def parse_number_words(text: str) -> float | None:
    """"twenty-one" -> 21, "two hundred" -> 200, "a dozen" -> 12, "3,500" -> 3500."""
    t = fold(text).strip()
    t = t.replace("\u202f", ",").replace("\u00a0", ",")
    if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?", t):
        return float(re.sub(r"[, ]", "", t))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        if re.fullmatch(r"\d+,\d{1,2}", t):  # decimal comma
            return float(t.replace(",", "."))
        return float(t.replace(",", ""))
    toks = [w for w in re.split(r"[\s\-]+", t) if w and w != "and"]
    if not toks or toks == ["a"]:
        return None
    total, current, seen = 0.0, 0.0, False
    for w in toks:
        if w == "a":
            current = max(current, 1)
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def category(word: str) -> str:
    """The counted thing, normalised: death words -> "dead", and so on; else the word, lightly singular."""
    w = fold(word)
    for cat, lex in _CATEGORIES.items():
        if w in lex:
            return cat
    return w


def _what(after: str, before: str) -> str | None:
    toks = re.findall(r"[^\W\d_][\w'’\-]*|[.,;:!?()]", after[:80])
    candidates: list[str] = []
    for t in toks[:5]:
        if t in ".,;:!?()":
            break
        candidates.append(t)
    nouns = 0
    for t in candidates:
        f = fold(t)
        if category(t) in _CATEGORIES:
            return category(t)
        if re.fullmatch(_UNIT_RX, f):
            break  # "a one-hour conversation was held": the unit is what is counted
        if f in _SKIP_NOUNS or f in _ADJECTIVES:
            continue
        nouns += 1
        if nouns >= 3:  # "30 dock workers died": look one word past the noun phrase, no further
            break
    # "killed at least 30 people", "the death toll rose to 150", "injuring 12 workers"
    # only words of the same clause: "six were killed and five remain in hospital" stops at "and"
    clause = re.split(r"[,;:.!?()]|\b(?:and|but|while|or|as)\b", before[-50:])[-1]
    prev = re.findall(r"[^\W\d_][\w'’\-]*", clause)
    for t in reversed(prev[-4:]):
        f = fold(t)
        if f in _LEAD_VERBS:
            return _LEAD_VERBS[f]
        if f in STOPWORDS or f in _QUAL_WORDS or f in {"toll", "rose", "risen", "climbed", "reached", "stood",
                                                        "stands", "now", "to", "at"}:
            continue
        break
    for t in candidates:
        f = fold(t)
        if f in _SKIP_NOUNS or f in _ADJECTIVES:
            continue
        if f in STOPWORDS or t[:1].isupper():
            break  # "150 on Friday": the noun is not after the figure
        return category(t)
    if candidates and fold(candidates[0]) in {"people", "persons", "civilians", "men", "women", "children"}:
        return "people"
    return None


def _interval(value: float, kind: str | None) -> tuple[float, float]:
    if kind == "min":
        return value, math.inf
    if kind == "gt":
        return value + 1e-9 if value == int(value) else value, math.inf
    if kind == "max":
        return 0.0, value
    if kind == "lt":
        return 0.0, value - 1e-9
    if kind == "approx":
        return value * 0.85, value * 1.15
    if kind == "near":
        return value * 0.85, value
    return value, value


def find_numbers(text: str) -> list[Figure]:
    """Every counting figure in one sentence (not years, dates, times or ordinals)."""
    return list(_find_numbers(text))


@lru_cache(maxsize=16384)
def _find_numbers(text: str) -> tuple[Figure, ...]:
    out: list[Figure] = []
    for m in _NUM_RX.finditer(text):
        raw = m.group("num")
        if not raw or not raw.strip() or fold(raw.strip()) in {"a", "and", "a and"}:
            continue
        num_start = m.start("num")
        lead = re.match(r"\s*and\s+", raw, re.I)  # "killed and five": the figure is "five"
        if lead:
            raw, num_start = raw[lead.end():], num_start + lead.end()
        raw_f = fold(raw.strip())
        if not raw_f or re.fullmatch(r"a(?:nd)?", raw_f.split()[0]) and len(raw_f.split()) == 1:
            continue
        if raw_f in {"one"} and (not re.match(r"[\s\-]+[^\W\d_]", text[m.end():])
                                 or re.match(r"\s+(?:of|another|day|side|thing)\b", text[m.end():])):
            continue  # "one of", "no one": not a count
        value = parse_number_words(raw.strip().lstrip("a ").strip() if raw_f.startswith("a ") else raw.strip())
        if value is None:
            continue
        scale = (m.group("scale") or "").strip().lower()
        if scale:
            value *= {"hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9,
                      "bn": 1e9, "trillion": 1e12}[scale]
        before, after = text[:num_start], text[m.end():]
        if re.search(r"\b(?:several|a\s+few|few|many|tens\s+of|hundreds\s+of|thousands\s+of)\s*$", fold(before)) \
                and not m.group("qual"):
            continue  # "several thousand security forces": no figure to compare
        if re.match(r"\s+of\s+(?:thousands|hundreds|millions)\b", fold(after)):
            continue  # "tens of thousands"
        # not a year, date, time, ordinal or part of an identifier
        if re.match(r"\d{4}$", raw) and 1800 <= value <= 2100 and not scale:
            continue
        if re.search(r"(?:" + _MONTHS + r")\.?\s*$", fold(before)) or re.match(r"\s*(?:" + _MONTHS + r")\b", fold(after)):
            continue
        if re.match(r"(?:st|nd|rd|th)\b|[:/]\d|\s*(?:a\.m|p\.m|am\b|pm\b|h\d)", after) or re.search(r"[:/\-]$", before[-1:]):
            continue
        if re.search(r"[\w]$", before) and raw[0].isdigit():
            continue
        if after.startswith("%") or fold(after).lstrip().startswith(("percent", "per cent")):
            what: str | None = "percent"
        else:
            what = _what(after.lstrip("-"), before)
        if what is not None and value <= 2 and not raw[0].isdigit() and what not in _CATEGORIES \
                and not re.match(r"(?:hour|day|week|month|year|minute)s?$", what):
            continue  # "two ministers", "one side": words, not figures
        if what is None:
            if not m.group("cur"):
                continue
            what = m.group("cur")
        q = m.group("qual")
        qual = fold(q.strip()) if q else None
        kind = _QUALIFIERS.get(qual) if qual else None
        low, high = _interval(value, kind)
        end = m.end()
        wm = re.match(r"[%]|[\s\-]*(?:[^\W\d_][\w'’\-]*\s*){1,3}", after)
        if wm:
            tail = wm.group(0).rstrip()
            tail_words = tail.split()
            while tail_words and fold(tail_words[-1]) in STOPWORDS and fold(tail_words[-1]) not in _CATEGORIES["dead"]:
                tail_words.pop()
            kept = tail[: tail.find(tail_words[-1]) + len(tail_words[-1])] if tail_words else ""
            end = m.end() + len(kept)
        start = m.start() if m.group("qual") else num_start
        out.append(Figure(value, what, text[start: end].strip(), qual, low, high, start, end))
    return tuple(out)


def compatible(a: Figure, b: Figure, tolerance: float = 0.0) -> bool:
    """Can both figures be true of the same thing? (their intervals overlap)."""
    lo = max(a.low, b.low)
    hi = min(a.high, b.high)
    slack = tolerance * max(abs(a.value), abs(b.value))
    return lo <= hi + slack
