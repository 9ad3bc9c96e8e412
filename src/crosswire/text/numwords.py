"""Numbers written in words or digits: "twenty-one", "a dozen", "3,500", "2,5"."""

from __future__ import annotations

import re

from crosswire.text.words import fold

# fmt: off
__all__ = [
    "parse_number_words", "UNITS", "TENS", "SCALES", "LOCAL_WORDS", "LOCAL_SCALES", "DOT_GROUPING", "local_value",
    "RANGE_WORDS",
    "AGE_RANGE_OF",
]
# fmt: on

# fmt: off
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
# fmt: on
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}


def parse_number_words(text: str) -> float | None:
    """ "twenty-one" -> 21, "two hundred" -> 200, "a dozen" -> 12, "3,500" -> 3500."""
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


# Number words of other languages: units and tens that are no article or pronoun ("un", "ein",
# "uno" and the like are left out: they are far more often "a" than "one").
# fmt: off
LOCAL_WORDS: dict[str, dict[str, int]] = {
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
           "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
           "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
           "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20,
           "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
           "noventa": 90, "cien": 100},
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
           "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
           "hundert": 100},
    "it": {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
           "dieci": 10, "undici": 11, "dodici": 12, "venti": 20, "trenta": 30, "quaranta": 40,
           "cinquanta": 50, "cento": 100},
    "pt": {"dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8,
           "nove": 9, "dez": 10, "onze": 11, "doze": 12, "vinte": 20, "trinta": 30, "quarenta": 40,
           "cinquenta": 50, "cem": 100},
}
# fmt: on
# scale words written after a figure: "400 mil visitantes", "2,5 Millionen", "3 milliards"
# fmt: off
LOCAL_SCALES: dict[str, dict[str, float]] = {
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9},
    "es": {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "mil millones": 1e9},
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhao": 1e6, "milhões": 1e6, "milhoes": 1e6, "bilhão": 1e9,
           "bilhões": 1e9},
}
# fmt: on
_FOLDED_WORDS = {code: {fold(w): v for w, v in table.items()} for code, table in LOCAL_WORDS.items()}
# languages that write decimals with a comma ("3,5"), so that a dot before three digits groups thousands
# ("2.000 metros"; French groups them with a space by the book, and with a dot in much of its press:
# "plus de 130.000 contaminations")
DOT_GROUPING = frozenset({"de", "es", "fr", "it", "pt", "nl", "da", "id", "tr", "el", "sl", "hr", "ro"})


# a range written in words, per language: (words opening it, word between its ends) for "between 3,000 and
# 4,000" and for "from 60 to 80" (an empty opener: the range needs none, "60 bis 80 km/h"; else one is
# required, as a bare "a" or "à" between two figures is too often something else: "subió de 80 a 110")
# fmt: off
RANGE_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("between", "and"), ("", "to")),
    "de": (("zwischen", "und"), ("", "bis")),
    "fr": (("entre", "et"), ("de", "à")),
    "es": (("entre", "y"), ("de|desde", "a|hasta")),
    "it": (("tra|fra", "e"), ("da", "a")),
    "pt": (("entre", "e"), ("de", "a")),
}
# fmt: on
# words between a range's opener and its first figure that make it a range of ages: "between the ages of 14
# and 18", "entre las edades de 14 y 18"
AGE_RANGE_OF: dict[str, str] = {"en": r"the\s+ages\s+of", "es": r"las\s+edades\s+de", "fr": r"les\s+âges\s+de"}


def local_value(raw: str, language: str | None) -> float | None:
    """A figure as a language writes it: "2.000" is 2000 and "3,5" is 3.5 in Spanish or German."""
    code = (language or "").split("-")[0].lower()
    t = raw.strip()
    if code in DOT_GROUPING and re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        return float(t.replace(".", "").replace(",", "."))
    if code in DOT_GROUPING and re.fullmatch(r"\d+,\d+", t):
        return float(t.replace(",", "."))
    word = _FOLDED_WORDS.get(code, {}).get(fold(t))
    if word is not None:
        return float(word)
    return parse_number_words(t)
