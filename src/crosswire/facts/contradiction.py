"""What two sentences state that cannot both be true: clashing figures of one counted thing, or
different weekdays for one event. Such a pair is never aligned as one fact."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from crosswire.facts.numbers import Figure, category, compatible, find_numbers
from crosswire.text.parse import parse
from crosswire.text.words import STOPWORDS, fold

__all__ = ["contradicts"]
SAME_WORDING = 75  # rapidfuzz token_sort_ratio: one sentence, perhaps misdated (kept for the date conflict)


# --- what two sentences state that cannot both be true -------------------------------------------

_COUNTED = frozenset({"dead", "injured", "arrested", "missing", "displaced"})
_NUMWORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion|dozen)\b"
)
_NUMBER = r"(?:\d|" + _NUMWORDS + r")"
ANY_NUMBER = re.compile(r"\d|\b" + _NUMWORDS, re.I)  # a quick test before reading figures
# a sentence that sets one figure against another: "two, not three", "contradicting ... at three"
_CONTRAST = re.compile(
    r"\bnot\s+(?:(?:the|as|many|much|a|an|just|only|about|some|more|than|fewer|less|over|under)\s+){0,3}"
    + _NUMBER
    + r"|"
    r"\b(?:contradict\w*|disput\w*|den(?:y|ies|ied|ying)|reject\w*|refut\w*|instead\s+of|rather\s+than|"
    r"contrary|challeng\w*|contest\w*|correct\w*|put\s+the\s+(?:toll|figure|number|total)\s+at|"
    r"contredi\w*|dement\w*|widersprach\w*|bestritt\w*|niega\w*|desmint\w*)\b"
)
# the first figure of a range ("5 to 11 years", "between 10 and 80 percent", "10-80 percent"):
# its counted thing is not read reliably, and a range is not a figure to compare
# a sentence that disputes a figure: "87 votes, not the 212 announced", "... who had put the toll at three"
_DISPUTE = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of)\s+(?:(?:the|as|many|much|a|an|just|only|about|some|more|than|"
    r"fewer|less|over|under)\s+){0,3}" + _NUMBER + r"|"
    r"\b(?:put|puts|putting|set|sets|gave|gives|estimated|estimates)\s+the\s+(?:death\s+)?"
    r"(?:toll|figure|number|total|count|tally)\s+at\b"
)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|—|to|and|or)\s*[$€£]?" + _NUMBER, re.I)
_RANGE_BEFORE = re.compile(r"(?:\bbetween|\d\s*(?:-|–|—|to|or))\s*[$€£]?$", re.I)
# partial counts and ages: "13 other states" is not a count of the states, "18-year-old" an age
_PARTIAL = re.compile(r"\b(?:other|others|more|additional|further|extra|another|old|aged)\b|-old\b")
WEEKDAYS = {
    name: k
    for k, names in enumerate(
        (
            ("monday", "lundi", "montag", "lunes", "lunedi"),
            ("tuesday", "mardi", "dienstag", "martes", "martedi"),
            ("wednesday", "mercredi", "mittwoch", "miercoles", "mercoledi"),
            ("thursday", "jeudi", "donnerstag", "jueves", "giovedi"),
            ("friday", "vendredi", "freitag", "viernes", "venerdi"),
            ("saturday", "samedi", "samstag", "sonnabend", "sabado", "sabato"),
            ("sunday", "dimanche", "sonntag", "domingo", "domenica"),
        )
    )
    for name in names
}
_EN_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
# a weekday that dates the report, not what it tells: "..., the fire service said on Thursday"
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|added|reported|stated|confirmed|declared|indique|declare|annonce|"
    r"affirme|precise|sagte|erklarte|teilte|dijo|anuncio)"
    r"(?:\s+(?:on|late|early|in|a|an|its|his|her|their|statement|reporters|le|am|el))*\s+$"
)


@dataclass(frozen=True, slots=True)
class Stated:
    """The figures (by counted thing) and the days a sentence states."""

    figures: dict[str, list[Figure]]
    contrast: bool  # the sentence sets one figure against another ("not", "contradicting", ...)
    days: frozenset[int]
    disputes: bool = False  # ... and the figure it disputes is in it ("87 votes, not the 212")


def _kind(f: Figure, text: str) -> str | None:
    """What a figure counts, a little more robustly than its ``what``; None: not comparable.

    "Three dock workers died" counts the dead even when the noun after the figure is read
    as what it counts; "$50,000 payments" counts dollars; otherwise the counted noun,
    lightly singular ("votes" -> "vote").  Ranges, ages and partial counts ("13 other
    states", "twelve more") are left out: comparing them would part sentences that agree.
    """
    number_start = f.start + (len(f.qualifier) if f.qualifier and fold(f.text).startswith(f.qualifier) else 0)
    after = fold(f.text)[number_start - f.start :]
    if _RANGE_BEFORE.search(text[max(0, f.start - 12) : f.start]) or _PARTIAL.search(after):
        return None
    m = re.match(r"\s*[^\s\w]*\s*" + _NUMBER + r"[\w.,]*", text[number_start:], re.I)
    if m and _RANGE_AFTER.match(text[number_start + m.end() :]):
        return None
    if text[max(0, f.start - 1) : f.start] in _CURRENCIES:
        return text[f.start - 1]
    if f.what in _COUNTED:
        return f.what
    for w in re.findall(r"[^\W\d_]+", f.text):
        if category(w) in _COUNTED:
            return category(w)
    w = fold(f.what)
    if w in STOPWORDS or re.fullmatch(_NUMBER + r"\w*", w) or w.endswith("old"):
        return None  # "nine of the ten": no counted noun was found
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


_CURRENCIES = ("$", "€", "£", "¥")
_SCALE_SUFFIX = re.compile(r"(?:\s*(?:tn|trn)|(?<=\d)(?:k|m|bn|b))\b", re.I)
_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}


def _scaled(f: Figure, text: str) -> Figure:
    """ "$500k" is 500,000 and "$2tn" two trillion, as "$500,000" and "$2 trillion" are."""
    m = re.match(r"\d[\d,.]*", text[f.start :]) if text[f.start : f.start + 1].isdigit() else None
    if m is None or f.end < f.start + m.end():
        return f
    sm = _SCALE_SUFFIX.match(text, f.start + m.end())
    if sm is None or f.value >= 1000:
        return f
    k = _SCALES[sm.group(0).strip().lower()]
    return dataclasses.replace(f, value=f.value * k, low=f.low * k, high=f.high * k)


def stated_in(text: str, figures: Sequence[Figure] | None = None) -> Stated:
    figs: list[Figure] = list(figures) if figures is not None else []
    if figures is None and ANY_NUMBER.search(text):
        try:
            figs = find_numbers(text)
        except Exception:  # a figure reader that trips on odd input must not stop the alignment
            figs = []
    by_kind: dict[str, list[Figure]] = {}
    for f in figs:
        kind = _kind(f, text)
        if kind is not None:
            by_kind.setdefault(kind, []).append(_scaled(f, text) if kind in _CURRENCIES else f)
    folded = fold(text)
    days = frozenset(
        WEEKDAYS[m.group(0)]
        for m in _WEEKDAY.finditer(folded)
        if not _SAID_BEFORE.search(folded[max(0, m.start() - 60) : m.start()])
    )
    contrast = bool(_CONTRAST.search(folded))
    disputes = bool(by_kind) and (
        bool(_DISPUTE.search(folded))
        or contrast
        and any(not compatible(x, y) for fs in by_kind.values() for x in fs for y in fs)
    )
    return Stated(by_kind, contrast, days, disputes)


def figures_clash(a: Stated, b: Stated, same_language: bool = True) -> bool:
    """Do two sentences give figures for one counted thing that cannot both be true?

    "three dead" / "two dead": yes.  "at least 144 dead" / "more than 140 died": no, the
    qualifiers let both be true.  "two dead, contradicting ... three" / "three dead": yes, a
    sentence that sets a figure against another is not the same fact as one that gives
    only one of them, or none.  Figures of different things (dead / injured) never clash.
    """
    # (across languages a sentence without figures may only hold figures the reader cannot read)
    if same_language and (a.disputes or b.disputes) and not a.figures.keys() & b.figures.keys():
        return True  # "87 votes, not the 212" is not the fact of a report that gives no margin
    for kind in a.figures.keys() & b.figures.keys():
        fa, fb = a.figures[kind], b.figures[kind]
        matched_a = [any(compatible(x, y) for y in fb) for x in fa]
        if not any(matched_a):
            return True
        matched_b = [any(compatible(y, x) for x in fa) for y in fb]
        if (a.contrast and not all(matched_a)) or (b.contrast and not all(matched_b)):
            return True
        if kind in _CURRENCIES and _money_clash(fa, fb):
            return True
    return False


MONEY_NEAR = 0.1  # two sums of one thing this close (as a part of the larger) are one sum told loosely
_MONEY_IN = re.compile(r"\bin\s+([^\W\d_][\w-]{2,})")


def _money_noun(f: Figure) -> str | None:
    """What a sum of money is an amount of, where the figure says it ("$1.2 billion in sales")."""
    m = _MONEY_IN.search(fold(f.text))
    if m is None or m.group(1) in STOPWORDS:
        return None
    w = m.group(1)
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _money_clash(fa: list[Figure], fb: list[Figure]) -> bool:
    """Two sums of one currency that say what they are amounts of, the same thing, and cannot both
    be true: "$1.2 billion in sales and $80 million in commissions" / "over $1.6 billion in sales
    ... $80 million in commissions" agree on the commissions and not on the sales."""
    by_a: dict[str, list[Figure]] = {}
    by_b: dict[str, list[Figure]] = {}
    for figs, by in ((fa, by_a), (fb, by_b)):
        for f in figs:
            noun = _money_noun(f)
            if noun is not None:
                by.setdefault(noun, []).append(f)

    def agree(x: Figure, y: Figure) -> bool:  # "more than $5 million" / "$5 million": one sum, said loosely
        return compatible(x, y) or abs(x.value - y.value) <= MONEY_NEAR * max(x.value, y.value)

    return any(not any(agree(x, y) for x in by_a[n] for y in by_b[n]) for n in by_a.keys() & by_b.keys())


def days_clash(a: Stated, b: Stated, text_a: str, text_b: str) -> bool:
    """Do two sentences tell of different days ("on Monday" / "on Tuesday") for one event?

    Weekdays that date the report ("said on Thursday") do not count.  Two sentences in
    nearly the same words are left to the date conflict: one fact, perhaps misdated.  Where
    the parse tells what each day dates (:func:`_day_heads`), the days clash when they date
    the same word ("the attack on Sunday" / "the Monday attack") or each a verb ("brought
    ... on Monday" / "left ... running on Tuesday": the parse of which verb is not trusted);
    a day dating a noun of another event names that event in passing: "charged Monday" and
    "charged ... over the attack on Sunday evening prayers" do not clash.
    """
    if not a.days or not b.days or a.days & b.days:
        return False
    if fuzz.token_sort_ratio(fold(text_a), fold(text_b)) >= SAME_WORDING:
        return False
    ha, hb = _day_heads(text_a), _day_heads(text_b)
    if not ha or not hb:
        return True
    return any(da != db and (wa & wb or (ra and rb)) for da, wa, ra in ha for db, wb, rb in hb)


# words between a weekday and what it dates: "on Sunday evening", "last Monday night"
_TIME_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"morning", "afternoon", "evening", "night", "day", "last", "next", "this", "early", "late"}),
}
_PASS = frozenset({"ADP", "DET", "NUM", "PUNCT"})


@lru_cache(maxsize=4096)
def _day_heads(text: str) -> tuple[tuple[int, frozenset[str], bool], ...] | None:
    """Each weekday of an English sentence with the lemmas of the words it may date (the word the
    parse attaches it to, and the noun right before its preposition: "the fire on Saturday
    destroyed ...", which the parse may attach to the verb) and whether that word is a verb;
    None without a parser or another language."""
    folded = fold(text)
    found = [m for m in _WEEKDAY.finditer(folded) if m.group(0) in _EN_DAYS]
    if not found or len(folded) != len(text):
        return None
    docs = parse([text], "en")
    if not docs or docs[0] is None:
        return None
    out = []
    for m in found:
        if _SAID_BEFORE.search(folded[max(0, m.start() - 60) : m.start()]):
            continue
        tok = docs[0].char_span(m.start(), m.end(), alignment_mode="expand")
        if tok is None:
            return None
        head = _dated(tok.root)
        words = {str(head.lemma_).lower()}
        k = tok.start - 1
        while k > 0 and (fold(tok.doc[k].text) in _TIME_WORDS["en"] or tok.doc[k].pos_ in ("DET", "ADJ")):
            k -= 1
        if k > 0 and tok.doc[k].pos_ == "ADP" and tok.doc[k - 1].pos_ in ("NOUN", "PROPN"):
            words.add(str(tok.doc[k - 1].lemma_).lower())
        out.append((WEEKDAYS[m.group(0)], frozenset(words), head.pos_ in ("VERB", "AUX")))
    return tuple(out)


def _dated(tok: Any) -> Any:
    """The word a weekday dates: up its head chain past prepositions, time words and other days."""
    t = tok
    for _ in range(8):
        up = t.head
        if up is t:
            return t
        t = up
        if not (t.pos_ in _PASS or fold(t.text) in _TIME_WORDS["en"] or fold(t.text) in _EN_DAYS):
            return t
    return t


def contradicts(text_a: str, text_b: str) -> bool:
    """Can two sentences not be one fact, because what they state cannot both be true?

    True when their figures for one counted thing clash (see above), or when they tell
    of different weekdays.  Sentences without figures or days never contradict, except a
    sentence that disputes a figure ("90 votes, not 240") and one that gives none.
    """
    a, b = stated_in(text_a), stated_in(text_b)
    return figures_clash(a, b) or days_clash(a, b, text_a, text_b)
