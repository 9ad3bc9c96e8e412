"""What a figure measures and how two mentions of one counted thing compare: units, frames, the
side of a conflict; shared by number conflicts and figure updates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from crosswire.facts.attribution import REPORT_VERBS, party_key
from crosswire.facts.figure_holders import kind_of
from crosswire.facts.numbers import Figure
from crosswire.model import ConflictSide
from crosswire.text.words import STOPWORDS, fold, stem

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

__all__ = []

DATE_SAME = 75  # rapidfuzz token_sort_ratio at which two dated sentences tell the same fact
CONTEXT = 0.30  # lexical similarity at which two sentences with figures talk about the same thing
# counts so narrow that two of them in one story are about the same people unless the frame differs
# (another day or year, an update): a weaker likeness of the sentences is enough
NARROW = {"critical"}
NARROW_CONTEXT = 0.15
_ABOUT = {
    "dead": "number of dead",
    "injured": "number of injured",
    "arrested": "number of arrests",
    "missing": "number of missing",
    "displaced": "number of displaced",
    "critical": "number critically injured",
}
COUNTABLE = {"dead", "injured", "arrested", "missing", "displaced", "critical"}

DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|reject|rejecting|refuted|refutes|refute|"
    r"dismissed|dismisses|repudiated|disputed|disputes|contradicted|categorically|"
    r"neither\s+\w+\s+nor|not\s+true|baseless|unfounded|false\s+claims?|fake\s+news)\b",
    re.I,
)
CONTESTED = re.compile(
    r"\b(?:without\s+(?:providing|offering|giving|presenting|citing|any)\s+(?:any\s+)?(?:evidence|proof)|"
    r"allegedly|unsubstantiated|unverified|unproven|without\s+evidence)\b",
    re.I,
)
# a sentence that sets one figure against another: "two dead, contradicting ... which put the toll at three"
SETS_AGAINST = re.compile(
    r"\b(?:contradict\w*|disput\w*|den(?:y|ies|ied|ying)|reject\w*|refut\w*|instead\s+of|rather\s+than|"
    r"contrary|challeng\w*|contest\w*|correct\w*|revis\w*|not\s+the)\b"
)
UNSUPPORTED = re.compile(
    r"\b(?:without\s+(?:providing|offering|giving|presenting|citing|any)\s+(?:any\s+)?(?:evidence|proof)|"
    r"unsubstantiated|unverified|unproven|without\s+evidence)\b",
    re.I,
)
NEGATION_WORDS = ("no", "not", "never", "neither", "nor", "nothing", "none", "n't")
NEGATION = re.compile(r"\b(?:" + "|".join(NEGATION_WORDS) + r")\b", re.I)
SUGGEST = re.compile(r"\b(?:suggest\w*|accus\w*|alleg\w*|insinuat\w*|blam\w*|linked|involved|behind)\b", re.I)
DENIER = re.compile(
    r"^((?:[Tt]he\s+)?[A-ZÀ-Þ][\w’'\-]*(?:\s+(?:and|of|its|their|the|[A-ZÀ-Þ\w][\w’'\-]*)){0,5}?)"
    r"(?:\s+(?:has|have|had|also|again|and|\w+ly))*\s+"
    r"(?:denied|denies|deny|rejected|rejects|reject|refuted|refutes|dismissed|dismisses|disputed|disputes)\b"
)
PASSIVE = re.compile(
    r"\b(?:denied|rejected|dismissed|refuted|disputed|contested)\s+by\s+"
    r"((?:the\s+)?[A-ZÀ-Þ][\w’'\-]*(?:\s+[A-ZÀ-Þ][\w’'\-]*){0,3})"
)


def party_of(src: str | None) -> str | None:
    return party_key(src)


def local_index(story: StoryText) -> dict[int, int]:
    return {p: k for k, p in enumerate(story.fact_pos)}


def conflict_side(story: StoryText, positions: list[int], attributed: str | None) -> ConflictSide:
    """A side made of sentences, widened to every sentence aligned with them."""
    allpos: list[int] = []
    for p in positions:
        c = story.cluster_of.get(p)
        members = story.aligned[c].members if c is not None else [p]
        for m in [p] + [x for x in members if x != p]:
            if m not in allpos:
                allpos.append(m)
    arts = list(dict.fromkeys(story.sentences[m].article for m in allpos))
    return ConflictSide(story.sentences[positions[0]].text, attributed, arts, [story.cite(m) for m in allpos])


# fmt: off
_TIME_UNITS = {"second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0, "week": 7 * 86400.0,
               "month": 30.4 * 86400.0, "year": 365.25 * 86400.0, "decade": 3652.5 * 86400.0}
# fmt: on
_CURRENCY = {"$": "$", "€": "€", "£": "£", "¥": "¥", "dollar": "$", "euro": "€", "pound": "£"}
# words that say a figure was updated, not contradicted: "the toll rose to 15", "now stands at"
UPDATE = re.compile(
    r"\b(?:rose|risen|rising|climbed|increased|jumped|grew|mounted|swelled|revised\s+(?:up|down)\w*|"
    r"fell|dropped|now\s+stands?|has\s+reached|updated|latest\s+(?:toll|figure|count))\b"
)
# a sentence that disputes the figure told just before it: "The union disputed that figure, saying ..."
DISPUTES_BEFORE = re.compile(
    r"\b(?:disput\w*|contest\w*|challeng\w*|reject\w*|den(?:y|ies|ied|ying)|question\w*|contradict\w*)\s+"
    r"(?:that|this|the|these|those|its|their|his|her)\s+(?:\w+\s+)?(?:figures?|numbers?|counts?|tolls?|estimates?|"
    r"tall(?:y|ies)|totals?|claims?|accounts?|data|statistics)\b|"
    r"\b(?:real|actual|true|correct)\s+(?:figure|number|toll|count|total|tally)\b|\b(?:that|this|the)\s+(?:figure|number|count|"
    r"estimate|tally|total)\s+(?:was|is|has\s+been)\s+(?:disputed|contested|challenged|rejected|denied)\b",
    re.I,
)
# the day a party spoke, not the day its figure is about: "the board said on Monday"
SAID_DAY = re.compile(
    r"\b(?:" + REPORT_VERBS + r")\s+(?:(?:late|early|in\s+a\s+statement|to\s+reporters)\s+)*(?:on\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)"
    r"(?:\s+(?:morning|afternoon|evening|night))?",
    re.I,
)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
NEAR = 3  # sentences apart at which a figure in one article can be disputed by the next


def measure(what: str) -> tuple[str, float] | None:
    """What a figure counts, as a comparable key and a factor to a common unit.

    Casualty counts keep their category; "hours" and "minutes" are both durations (in
    seconds); currencies are their symbol; anything else is its counted noun, singular.
    None for figures nobody can compare ("people" living somewhere, "times").
    """
    w = fold(what or "").strip()
    if not w:
        return None
    if w in COUNTABLE or w in ("percent", "age"):
        return w, 1.0
    if w in _CURRENCY:
        return _CURRENCY[w], 1.0
    one = w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
    if one in _CURRENCY:
        return _CURRENCY[one], 1.0
    one = kind_of(_UNIT_ALIASES.get(one, one))  # "demonstrators" and "protesters" count one crowd
    if one in _TIME_UNITS:
        return "duration", _TIME_UNITS[one]
    if one in _NOT_COMPARED or not re.fullmatch(r"[^\W\d_][\w'’\-]*", one):
        return None
    return one, 1.0


_UNIT_ALIASES = {"min": "minute", "hr": "hour", "yr": "year", "sec": "second"}
# fmt: off
_NOT_COMPARED = {"million", "billion", "thousand", "hundred", "trillion", "per", "dozen", "time", "other", "people",
                 "person", "strong", "old", "percentage", "point", "part", "way", "thing", "kind", "level", "step",
                 "stage", "round", "side", "term"}
# fmt: on


class InOneUnit:
    """The bounds of a figure (``fig``) in the unit its counted thing is compared in (``factor``)."""

    __slots__ = ()
    fig: Figure
    factor: float

    @property
    def low(self) -> float:
        return self.fig.low * self.factor

    @property
    def high(self) -> float:
        return self.fig.high * self.factor


@dataclass(frozen=True, slots=True)
class Mention(InOneUnit):
    """A figure in one sentence, as the number conflicts compare it."""

    pos: int
    fig: Figure
    key: str
    factor: float


def agree_mentions(a: Mention, b: Mention) -> bool:
    """Can both be true? (intervals overlap once in one unit; "up to six days" meets "over 144 hours")"""
    return max(a.low, b.low) <= min(a.high, b.high) * (1 + 1e-6) + 1e-6


def age_ranges(a: Mention, b: Mention) -> bool:
    """Are both figures the ages of a group as a range ("between 14 and 16 years old")?"""
    return a.key == b.key == "age" and a.fig.qualifier == b.fig.qualifier == "between"


def agree_values(a: Mention, b: Mention) -> bool:
    """As :func:`agree_mentions`, but two ranges of a group's ages tell its youngest and its oldest: "between
    14 and 16" and "between the ages of 14 and 18" agree only when both ends do."""
    if age_ranges(a, b):
        return a.low == b.low and a.high == b.high
    return agree_mentions(a, b)


@lru_cache(maxsize=65536)
def window(text: str, fig: Figure, width: int = 5) -> tuple[frozenset[str], frozenset[str]]:
    """The ordinary words and the names within ``width`` words of a figure, in its clause."""
    left = re.split(r"[;:()]|,\s", text[: fig.start])[-1]
    if not left.strip() and re.search(r"[:]\s*$", text[: fig.start]):  # "Running time: 106 minutes": the label
        left = re.split(r"[;()]|,\s", text[: fig.start].rstrip()[:-1])[-1]
    right = re.split(r"[;:()]|,\s", re.sub(r"^\S+", "", text[fig.start :]))[0]  # the words after the number
    words_left = re.findall(r"[^\W\d_][\w'’\-]*", left)
    # the sentence's first word is capitalised whatever it is: not a name
    first = words_left[0] if words_left and text[: fig.start].lstrip().startswith(words_left[0]) else None
    toks = words_left[-width:] + re.findall(r"[^\W\d_][\w'’\-]*", right)[:width]
    names = {
        fold(t).rstrip("'’s")
        for t in toks
        if t[:1].isupper() and fold(t) not in STOPWORDS and fold(t) not in _CALENDAR and t is not first
    }
    plain = {
        stem(fold(t))
        for t in toks
        if not t[:1].isupper() and fold(t) not in STOPWORDS and fold(t) not in QUALIFIER_WORDS and len(t) > 2
    }
    return frozenset(plain - {stem(fold(fig.what))}), frozenset(names)


# fmt: off
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
# fmt: on
# fmt: off
QUALIFIER_WORDS = {"least", "more", "than", "fewer", "less", "about", "around", "nearly", "almost", "some",
                    "just", "only", "over", "under", "estimated", "roughly", "approximately", "up", "to"}
# fmt: on


def number_about(shown: list[Mention]) -> str:
    """ "number of dead: 3 or 2", "number of votes: 87 or 212", "percentage: about 40 or at most 25"."""
    key = shown[0].key
    if key in _ABOUT:
        label = _ABOUT[key]
    elif key == "percent":
        label = "percentage"
    elif key == "age":
        label = "age"
    elif key == "duration":
        label = "how long"
    elif key in _CURRENCY.values():
        label = f"amount ({key})"
    else:
        noun = fold(shown[0].fig.what)
        label = f"number of {noun}"
    return f"{label}: " + " or ".join(_figure_words(m.fig) for m in shown[:4])


def _figure_words(f: Figure) -> str:
    """A figure as a reader says it: "at least 144", "about 40 percent", "2.5 million", "25 percent"."""
    value = f"{f.value:,.0f}" if f.value == int(f.value) else f"{f.value:,.2f}".rstrip("0").rstrip(".")
    if f.value >= 1e6 and f.value % 1e5 == 0:
        value = f"{f.value / 1e9:g} billion" if f.value >= 1e9 else f"{f.value / 1e6:g} million"
    if f.qualifier == "between":
        high = f"{f.high:,.0f}" if f.high == int(f.high) else f"{f.high:g}"
        value = f"{value}-{high}"
    elif f.qualifier:
        value = f"{f.qualifier} {value}"
    if fold(f.what) in ("$", "€", "£", "¥"):
        return f"{f.what}{value}" if not f.qualifier else f"{f.qualifier} {f.what}{value[len(f.qualifier) + 1 :]}"
    unit = {"percent": "percent", "age": "years old"}.get(fold(f.what))
    one = _UNIT_ALIASES.get(fold(f.what).rstrip("s"), fold(f.what).rstrip("s"))
    if unit is None and one in _TIME_UNITS:  # "2 days or 2 hours"
        unit = one if f.high == 1 else one + "s"
    if unit is None and fold(f.what).startswith("age in "):  # "age in months": "11 months old"
        unit = fold(f.what)[len("age in ") :] + " old"
    return f"{value} {unit}" if unit else value
