"""Whose a duration is, read from the parse: "Schaefer, whose father ran a brewery for 30 years, ..." -- the
30 years are the father's, not Schaefer's.  A duration in a relative clause with a subject of its own
("whose father", "dont le père") keeps that subject in its words, so that the figure, read alone in a
brief, does not pass for the sentence subject's ("whose father ran a brewery for 30 years")."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from crosswire.facts.numbers import Figure
from crosswire.text.words import fold

__all__ = ["with_holder", "TIME_UNITS"]

# the units of a duration, folded (en, fr, de, es, it, pt)
TIME_UNITS = re.compile(
    r"(?:second|minute|hour|day|week|month|year|decade)s?|ans?|annees?|jours?|mois|semaines?|heures?|"
    r"jahre?n?|monaten?|tagen?|wochen?|stunden?|anos|meses|dias|semanas|horas|anni|mesi|giorni|ore|settimane"
)
_RELATIVE = frozenset({"relcl", "acl:relcl"})
_WHOSE = frozenset({"whose", "dont", "cuyo", "cuya", "cuyos", "cuyas", "deren", "dessen", "cui"})
_LONGEST = 90  # characters: a longer clause is not worth carrying


def with_holder(fig: Figure, tok: Any, sentence: str) -> Figure:
    """``fig`` (whose number token is ``tok``) with its words running from the subject of its relative
    clause when that subject is not the relative pronoun: "whose father ran a brewery for 30 years"."""
    if not TIME_UNITS.fullmatch(fold(fig.what)):
        return fig
    verb = tok
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.idx >= fig.start:
        return fig  # "who had served for 10 years": the duration is the one the clause is about
    if verb.dep_ not in _RELATIVE and not any(fold(c.text) in _WHOSE for c in subj.children):
        return fig  # (a parser may hang "dont la fille a tenu ..." as an adverbial clause)
    start = subj.left_edge.idx
    if fig.start - start > _LONGEST:
        return fig
    return dataclasses.replace(fig, text=sentence[start : fig.end].strip(), start=start)
