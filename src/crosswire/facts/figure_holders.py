"""What a figure is a value of, read from the parse: its holder noun ("a deficit of 16 per cent" ->
deficit, "a two-day trek" -> trek, "20-year-old Wuttisan Wongtalay" -> the person), and the years of its
own clause ("registered a deficit of 16 per cent in 2015 and expects one of 13 per cent in 2016").

Two figures of one unit whose holders are the same noun (or nouns of one kind: ``SAME_HOLDER``) are
values of one attribute of one thing, even when the sentences around them are told in other words.
The tables are data; without a parse nothing is read (None) and the conflicts fall back on the
likeness of the sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from crosswire.facts.numbers import Figure
from crosswire.text.parse import parse
from crosswire.text.words import fold

__all__ = ["Held", "held_by", "kind_of", "other_holders", "same_holder", "years_apart"]

# nouns of one kind: one holder (a walk of two days and a hike of two hours are one trip on foot)
# fmt: off
SAME_HOLDER: tuple[frozenset[str], ...] = (
    frozenset({"trek", "hike", "walk"}),
    frozenset({"protester", "demonstrator", "marcher"}),
)
# words that say what unit a figure is told in, not what it is a value of ("16 per cent of GDP": cent)
_UNIT_WORDS = {"percent", "cent", "%", "per", "percentage", "point", "year", "old", "month", "week", "day", "hour",
               "minute", "second", "decade", "million", "billion", "trillion", "thousand", "hundred", "dollar",
               "euro", "pound", "riyal", "yuan", "yen", "rupee", "$", "€", "£", "¥", "bn", "m", "k"}
# holders too general to tell one thing from another ("a rate of 5 percent", "a share of 20 percent")
_GENERAL = {"rate", "share", "level", "increase", "rise", "drop", "fall", "decline", "growth", "cut", "stake",
            "total", "figure", "number", "amount", "sum", "value", "price", "cost", "average", "majority",
            "chance", "probability", "margin", "part", "lot", "range", "time", "period", "one", "people",
            "person", "man", "woman", "child", "boy", "girl", "who", "that", "which", "it", "they", "he", "she",
            "distance", "length", "height", "depth", "width", "weight", "age", "duration", "speed", "size", "area",
            "record", "estimate", "count", "tally", "toll"}
# fmt: on
# a figure told as a forecast or a plan ("is expected to register a deficit of 13 per cent") is not set
# against one told as a fact: the verbs and modals that make a clause a projection (English)
_PROJECT_VERBS = {"expect", "forecast", "project", "predict", "plan", "aim", "hope", "target", "intend", "want"}
_MODALS = {"will", "would", "could", "may", "might", "should", "'ll"}
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_LINKS = {"nummod", "compound", "quantmod", "npadvmod", "amod", "nmod", "appos"}


@dataclass(frozen=True, slots=True)
class Held:
    """What a figure is a value of: the holder noun (lemma, folded; a name as written), whether the
    holder is a name, whether the figure stands alone as the noun ("The 21-year-old hanged ..."), and
    the years told in the figure's own clause, and whether the clause is a forecast or a plan."""

    holder: str | None
    name: bool
    bare: bool
    years: frozenset[str]
    projected: bool = False


@lru_cache(maxsize=8192)
def held_by(text: str, fig: Figure, language: str | None) -> Held | None:
    """The holder of ``fig`` in ``text`` from its parse, or None without one."""
    docs = parse([text], language)
    if not docs:
        return None
    doc = docs[0]
    tok = next((t for t in doc if fig.start <= t.idx < fig.end and (t.like_num or t.pos_ == "NUM")), None)
    if tok is None:
        return None
    u = tok
    for _ in range(5):  # 20 -> year -> old -> Wongtalay; two -> day -> trek; 367 -> billion -> riyals
        h = u.head
        if h is u or u.dep_ not in _LINKS or h.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ", "SYM"):
            break
        u = h
    bare = False
    holder_tok = None
    what = fold(fig.what)
    counted = fold(u.lemma_) in (what, what[:-1] if what.endswith("s") else what) or fold(u.text) == what
    if fold(u.lemma_) in _UNIT_WORDS or u.pos_ == "NUM" or counted:  # (the thing counted holds nothing)
        if fold(u.lemma_) == "old" and u.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
            bare = True  # "The 21-year-old hanged his daughter"
        x = u
        while x.dep_ == "conj" and x.head is not x:
            x = x.head  # "367 billion riyals ... or 15 per cent": the first of the pair holds both
        if x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.pos_ in ("NOUN", "PROPN"):
            holder_tok = x.head.head  # "a deficit of 16 per cent"
    elif u.pos_ in ("NOUN", "PROPN"):
        holder_tok = u
    holder = None
    name = False
    if holder_tok is not None:
        name = holder_tok.pos_ == "PROPN"
        holder = fold(holder_tok.text if name else holder_tok.lemma_)
        if holder in _GENERAL:
            holder = None
    verb = _verb_of(tok)
    return Held(holder, name, bare, frozenset(_own_years(verb)), _projected(verb))


def _verb_of(tok: Any) -> Any:
    """The nearest verb above a token (or the root)."""
    v = tok
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX") or v.head is v:
            break
        v = v.head
    return v


def _projected(v: Any) -> bool:
    """Is the clause of verb ``v`` a forecast or a plan ("is expected to register", "will reach")?"""
    for _ in range(3):
        if v.lemma_.lower() in _PROJECT_VERBS or any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children):
            return True
        if v.dep_ != "xcomp" or v.head is v:
            return False
        v = v.head
    return False


def _own_years(v: Any) -> set[str]:
    """The years in the clause of verb ``v``: its subtree, less the clauses joined to it."""
    skip: set[int] = set()
    for c in v.children:
        if c.dep_ in ("conj", "ccomp", "advcl", "parataxis") and c.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in c.subtree)
    return {t.text for t in v.subtree if t.i not in skip and _YEAR.match(t.text)}


def kind_of(word: str) -> str:
    """One word for the nouns of one kind (``SAME_HOLDER``): "demonstrator" -> "demonstrator" and
    "protester" -> "demonstrator"."""
    return next((min(g) for g in SAME_HOLDER if word in g), word)


def same_holder(a: Held | None, b: Held | None, age: bool = False) -> bool:
    """Are two figures values of one thing?  The same holder noun (or nouns of one kind); for ages, also
    a person named and a person told by the age alone ("20-year-old Wuttisan" / "The 21-year-old")."""
    if a is None or b is None:
        return False
    if a.holder is not None and b.holder is not None:
        return kind_of(a.holder) == kind_of(b.holder)
    if age:
        return (a.bare and b.name) or (b.bare and a.name)
    return False


def years_apart(a: Held | None, b: Held | None) -> bool:
    """Are two figures told in different frames: their own clauses tell different years, or one is a
    forecast and the other not?"""
    if a is None or b is None:
        return False
    return a.projected != b.projected or (bool(a.years) and bool(b.years) and not (a.years & b.years))


def other_holders(a: Held | None, b: Held | None, age: bool = False) -> bool:
    """Are two figures read as values of two different things: two holder nouns not of one kind, or, for
    ages, a person told by the age alone and a person told by a noun ("Ferreiro's 34-year-old sister")?"""
    if a is None or b is None:
        return False
    if a.holder is not None and b.holder is not None:
        return kind_of(a.holder) != kind_of(b.holder)
    return age and (
        (a.bare and b.holder is not None and not b.name) or (b.bare and a.holder is not None and not a.name)
    )
