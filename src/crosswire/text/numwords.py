"""Numbers written in words or digits: "twenty-one", "a dozen", "3,500", "2,5"."""

from __future__ import annotations

import re

from crosswire.text.words import fold

__all__ = ["parse_number_words", "UNITS", "TENS", "SCALES"]

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}

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
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None
