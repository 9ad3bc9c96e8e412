"""Ages told without "-year-old": "He was 45.", "Boykin, 45, died", "Star Dead at 45", "stirbt mit 40 Jahren",
"mort à 45 ans", "murió a los 45 años", "tinha 45 anos"; and figures that name a kind of thing rather than a
count ("his eighth 40-point game", "30-point games").

:func:`told_age` reads the words around a figure (no parse: the figure finder is used on every sentence);
:func:`age_of_person` checks with a sentence's parse that an age so told belongs to a person (the subject
of "was" is a name or "he", the appositive's head is a name), and :func:`names_a_kind` with the parse
that "40-point" is part of a category ("his eighth 40-point game") and not a score ("a 51-point
performance").  The per-language words are data in :mod:`crosswire.facts.number_words`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from crosswire.facts.number_words import (
    AGE_AT,
    AGE_AT_ALONE,
    AGE_NOT_AFTER,
    AGE_PARENS,
    AGE_VERBS,
    AGE_YEARS,
    DEATH_WORDS,
    ORDINAL_WORDS,
    PERSON_NOUNS,
    PLURAL_ONLY,
)
from crosswire.text.months import MONTH_NAMES
from crosswire.text.temporal_data import TABLES
from crosswire.text.words import STOPWORDS, fold

__all__ = ["told_age", "names_a_kind", "age_of_person", "kind_by_parse", "years_of_person"]

# what may follow an age: the end of the clause, or words that do not go on counting ("45 when he died")
_CLAUSE_END = r"\s*(?:[.,;:!?)\"”»—–]|$|\s-\s|\s+(?:when|after|on|in|of|from|following|and|but|while|last|this)\b)"
_OLDEST = 120
_PERSONS = "|".join(sorted((re.escape(fold(w)) for w in PERSON_NOUNS if len(w) > 3), key=len, reverse=True))


@lru_cache(maxsize=16)
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """The forms of ``lang`` (read on folded text): the preposition after a death word, the verb of an age
    after a pronoun, and the years word with what may end it."""
    years = AGE_YEARS.get(lang, AGE_YEARS["en"])
    death = "|".join(sorted(map(re.escape, DEATH_WORDS.get(lang, DEATH_WORDS["en"])), key=len, reverse=True))
    prep = AGE_AT.get(lang, AGE_AT["en"])
    pron, verbs = AGE_VERBS.get(lang, AGE_VERBS["en"])
    return (
        re.compile(r"\b(?:" + death + r")\s+(?:" + prep + r")\s+$"),
        re.compile(r"(?:^|[^\w'’])(?:" + prep + r")\s+$"),
        re.compile((r"\b(?:" + pron + r")\s+" if pron else r"\b") + r"(?:" + verbs + r")\s+$"),
        re.compile(r"\s+(?:" + years + r")\b"),
    )


def _years_after(after: str, lang: str) -> int | None:
    """The length of the years word right after a figure ("45 ans"), or None."""
    m = _patterns(lang)[3].match(fold(after))
    return m.end() if m else None


def _ends_clause(after: str, lang: str, years: bool) -> bool:
    """Nothing after an age goes on counting: "45.", "45 ans,", not "à 45 ans de prison", "at 45 mph"."""
    not_after = AGE_NOT_AFTER.get(lang, AGE_NOT_AFTER["en"])
    if after[:1].isspace() and re.match(r"\s+(?:" + not_after + r")", after if lang == "de" else fold(after)):
        return False
    if years and lang != "en":
        return True  # the years word is what the figure counts; what follows is the rest of the clause
    return bool(re.match(_CLAUSE_END, fold(after))) or (lang == "de" and bool(re.match(r"\s+[a-zäöüß]", after)))


def told_age(text: str, start: int, end: int, language: str | None, value: float) -> int | None:
    """Where the words of an age told around the figure ``text[start:end]`` end, or None when they tell none.

    "He was 45.", "'Big Black' was 45.", "Dead at 45", "Boykin, 45, ...", "Schäfer (54)", "stirbt mit 40
    Jahren", "mort à 45 ans", "a los 45 años", "tenía 45 años": a whole number from 1 to 120, with no
    noun after it that it counts.
    """
    lang = (language or "en").split("-")[0].lower()
    lang = lang if lang in AGE_YEARS else "en"
    if not 1 <= value <= _OLDEST or value != int(value) or not text[start:end].strip().isdigit():
        return None
    before, after = text[:start], text[end:]
    years = _years_after(after, lang)
    stop = end + (years or 0)
    if not _ends_clause(text[stop:], lang, bool(years)):
        return None
    folded = fold(before[-60:])
    died_at, at, verb, _ = _patterns(lang)
    if died_at.search(folded) and (years or lang == "en") and (value >= 13 or years):
        return stop  # "died at 45", "mort à 45 ans" (an English "died at 9" may be a clock time)
    if re.match(r"\s+(?:of|out\s+of|and\s+a\s+half)\b", fold(text[stop:])):
        return None  # "he was 10 of 12 from the line", "he is 6 and a half feet tall"
    if years and lang != "en" and re.search(r"\b(?:" + _PERSONS + r")\s+d[eia]\s+$", folded):
        return stop  # "un homme de 36 ans", "una mujer de 45 años", "un uomo di 40 anni"
    if years and lang in AGE_AT_ALONE and at.search(folded):
        return stop  # "a los 45 años", "aos 45 anos", "mit 18 Jahren geheiratet"
    if verb.search(folded) and (years or lang in ("en", "de")) and not re.search(r"\by\s+a\s+$", folded):
        if lang == "en" or re.match(r"\s*(?:[.,;:!?)\"”»—–]|$)", text[stop:]):
            return stop  # "He was 45.", "il avait 45 ans" (not "il y a 45 ans": ago; "tenía 12 años en esa ...")
    if lang == "en" and re.search(r"\b(?:" + _PERSONS + r")\s+(?:was|is|turned|turns)\s+$", folded):
        return stop  # "the victim was 45"
    if lang == "en" and not years and re.search(r"[A-Z][\w.]*['’]?\s+(?:was|is|turned|turns)\s+$", before[-40:]):
        subject = re.findall(r"[\w.]+", before[-40:])[-2]
        if fold(subject) not in STOPWORDS:
            return stop  # "'Big Black' was 45.": a name's age (the parse checks the name is a person's)
    name = re.search(r"([A-ZÄÖÜ][\w'’\-]+)\s*(?:,\s*(?:de\s+)?|\(\s*)$", before)
    if name is None or fold(name.group(1)) in STOPWORDS | _dates():
        return None
    parens = before.rstrip().endswith("(")
    closers = ")" if parens else ",;" if lang == "de" else ",;."  # (German "5." is an ordinal)
    rest = text[stop:].lstrip()
    if rest[:1] in closers and not re.match(r".\s*\d", rest) and (not parens or lang in AGE_PARENS):
        return stop  # "Boykin, 45, died", "Pérez, de 45 años,", "Thomas Schäfer (54)" (not "Aug, 8, 2008")
    return None


@lru_cache(maxsize=1)
def _dates() -> frozenset[str]:
    """Month and weekday names of every language read (folded), which no age follows: "Sept, 22, 2013"."""
    names = {fold(w) for t in TABLES.values() for w in [*t.months, *t.weekdays]}
    return frozenset(names | {fold(w) for ws in MONTH_NAMES.values() for w in ws})


def names_a_kind(text: str, start: int, unit_end: int) -> bool:
    """Does "N-unit" before a noun name a kind of thing ("his eighth 40-point game", "30-point games")
    rather than measure the one thing it stands before ("a 51-point performance", "a 48-hour strike")?"""
    if re.search(r"-(?:plus|odd|some)$", text[start:unit_end], re.I):
        return False  # "1,400-plus pages": a qualifier, not a unit
    before = re.findall(r"[^\W\d_][\w'’]*|\d+(?:st|nd|rd|th)\b", text[max(0, start - 30) : start])
    if before and (fold(before[-1]) in ORDINAL_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)", before[-1])):
        return True
    head = re.match(r"\s+([a-z]+)\b(?![-'’])", text[unit_end:])  # not "the 15-member committee's"
    word = head.group(1) if head else ""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in PLURAL_ONLY


def kind_by_parse(tok: Any) -> bool:
    """With the parse: the figure's "N-unit" modifies a plural noun or one an ordinal marks as one of a
    kind ("his eighth straight 40-point game"), so the figure names the kind, not a measure."""
    unit = tok.head
    if tok.dep_ != "nummod" or unit.i <= tok.i or unit.dep_ not in ("compound", "amod", "nmod"):
        return False
    if tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].text not in ("-", "‐", "–"):
        return False  # "40-point" written with a hyphen
    noun = unit.head
    if noun.i <= unit.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if "Plur" in noun.morph.get("Number") and fold(noun.text) not in PLURAL_ONLY:
        return True
    return any(
        c.i < tok.i and (fold(c.text) in ORDINAL_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)", c.text) is not None)
        for c in noun.children
    )


def age_of_person(tok: Any, lang: str) -> bool | None:
    """Does an age told by "was 45" or ", 45," belong to a person, by the parse? None when it cannot tell."""
    head = tok.head
    if tok.dep_ in ("attr", "acomp", "npadvmod", "dobj", "obj") and head.pos_ in ("AUX", "VERB"):
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
        if subj is None:
            return None
        return subj.pos_ == "PROPN" or fold(subj.text) in PERSON_NOUNS or fold(subj.lemma_) in PERSON_NOUNS
    prev = tok.doc[tok.i - 2] if tok.i >= 2 and tok.doc[tok.i - 1].text in (",", "(") else None
    if prev is not None and prev.pos_ == "PROPN":
        return True  # "Felipe, 46,": the name next to it, whatever head the parser gave the figure
    if tok.dep_ in ("appos", "nummod", "npadvmod", "amod", "conj", "parataxis") and head.i < tok.i:
        if head.pos_ in ("NOUN", "PROPN") and not re.fullmatch(AGE_YEARS.get(lang, "years?"), fold(head.text)):
            return head.pos_ == "PROPN" or fold(head.lemma_ or head.text) in PERSON_NOUNS
    return None


def years_of_person(tok: Any, lang: str) -> bool:
    """ "un homme de 36 ans": the figure counts the years of a person noun's phrase, so it is an age (not "un
    mandat de cinq ans", "depuis 30 ans")."""
    years = tok.head
    if lang == "en" or years.i <= tok.i or not re.fullmatch(AGE_YEARS.get(lang, "(?!)"), fold(years.text)):
        return False
    owner = years.head
    return owner.i < years.i and (owner.pos_ == "PROPN" or fold(owner.lemma_ or owner.text) in PERSON_NOUNS)
