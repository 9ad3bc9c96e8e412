"""The persons a German or Spanish article names, read from tokens (no parser for these languages here), for
"sagte er", "dijo ella", "der Minister" and "el portavoz" to point back to, only when one person fits.

A person is named with a role or a title before the name ("Innenminister Karl Berg", "Frau Holt", "la alcaldesa
Juana Holt", "el ministro del Interior, Carlos Berg"), as an apposition ("Karl Berg, der Innenminister") or as the
speaker of a quotation.  The role tells the gender when the language's data does ("Ministerin", "alcaldesa").
Capitalised pairs of words in the same stretch that are none of these ("Paul Amsel traf …") count as persons of
unknown gender: they make a pronoun unclear rather than let it point past them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crosswire.facts.quotemarks import TIME_WORDS
from crosswire.facts.speaker_cues import CUES, SpeakerCues

__all__ = ["TokenPerson", "token_persons", "resolve_pronoun", "resolve_role", "bare_role", "role_gender"]

_CAP = r"[A-ZÀ-ÞĀ-Ž][\w’'\-]+"


@dataclass(frozen=True, slots=True)
class TokenPerson:
    start: int
    name: str  # "Karl Berg"
    intro: str  # as the article introduced the person: "Innenminister Karl Berg"
    gender: str | None  # "m", "f" or None
    role: str  # the role's words, lower case ("innenminister"); "" without one
    sure: bool = True  # False: capitalised words that may be a person ("Paul Amsel", "Tests Mobiltelefone"), which
    # make a pronoun unclear but are never its answer


def _roles(cues: SpeakerCues) -> str:
    persons = "|".join(sorted((re.escape(p) for p in cues.persons), key=len, reverse=True))
    stems = "|".join(sorted((re.escape(x) for x in cues.role_stems), key=len, reverse=True))
    titles = "|".join(re.escape(t.rstrip(".")) for t in cues.titles if t[:1].isalpha())
    links = "|".join(sorted((re.escape(d) for d in cues.name_links), key=len, reverse=True))
    compound = rf"(?=[A-ZÄÖÜ])[\w\-]*(?i:{stems})[\w\-]*" if stems else "(?!)"
    # "ministro del Interior", "portavoz de la policía": a role's complement of one or two words
    noun = rf"(?i:{persons})(?:\s+(?:{links})(?:\s+(?:{links}))?\s+[\w\-]+)?"
    return rf"(?:{compound}|{noun}|(?i:{titles})\.?)"


@lru_cache(maxsize=8)
def _rules(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    c = CUES[language]
    links = "|".join(sorted((re.escape(d) for d in c.name_links), key=len, reverse=True))
    dets = "|".join(sorted((re.escape(d) for d in c.determiners), key=len, reverse=True))
    name = rf"{_CAP}(?:\s+(?:(?:{links})\s+)?{_CAP}){{0,2}}"
    role = _roles(c)
    before = re.compile(rf"(?<![\w\-])({role}),?\s+({name})(?=[\s,.;:!?)]|$)")
    appos = re.compile(rf"(?<![\w\-])({name}),\s+(?:(?i:{dets})\s+)?({role})(?=[\s,.;:!?)]|$)")
    pair = re.compile(rf"(?<=[\wäöüßáéíóúñ,;] )({_CAP}\s+{_CAP})(?=[\s,.;:!?)]|$)")
    return before, appos, pair


def role_gender(role: str, cues: SpeakerCues) -> str | None:
    """The gender a role or title tells ("Ministerin", "Frau", "alcaldesa"), else None."""
    words = [w.lower().rstrip(".") for w in role.split()]
    if not words:
        return None
    head = words[0]
    if head in cues.female or head + "." in cues.female:
        return "f"
    if head in cues.male or head + "." in cues.male:
        return "m"
    if any(s in head for s in cues.role_stems):
        return "f" if head.endswith(cues.female_role_endings) and cues.female_role_endings else "m"
    return None


def _stems(role: str, cues: SpeakerCues) -> set[str]:
    low = role.lower()
    found = {s for s in cues.role_stems if s in low}
    return found or {w for w in low.split() if w in {p.lower() for p in cues.persons}}


def bare_role(name: str, cues: SpeakerCues) -> bool:
    """Is this speaker a role without a name ("Sprecher", "portavoz de la policía")?"""
    words = name.split()
    if not words or not _stems(name, cues):
        return False
    return all(w[:1].islower() or _stems(w, cues) or w.lower() in cues.name_links for w in words)


def _clean(name: str, cues: SpeakerCues) -> str:
    toks = name.split()
    while toks and (toks[-1].lower() in TIME_WORDS or _stems(toks[-1], cues) or toks[-1].lower() in cues.groups):
        toks = toks[:-1]  # "Karl Berg Montag", a role word after the name
    return " ".join(toks)


def token_persons(text: str, cues: SpeakerCues, quoted: list[tuple[int, int]]) -> list[TokenPerson]:
    """The persons named outside quotation marks, in text order."""
    before, appos, pair = _rules(cues.language)
    out: list[TokenPerson] = []
    taken: list[tuple[int, int]] = []

    def outside(a: int) -> bool:
        return not any(s - 1 <= a < e + 1 for s, e in quoted)

    for rx, role_at, name_at in ((before, 1, 2), (appos, 2, 1)):
        for m in rx.finditer(text):
            if not outside(m.start()):
                continue
            name = _clean(m.group(name_at), cues)
            role = " ".join(m.group(role_at).split())
            if not name or name.split()[0].lower() in cues.determiners or _stems(name.split()[0], cues):
                continue
            comma = "," if role_at == 1 and "," in text[m.end(1) : m.start(2)] else ""
            intro = f"{role}{comma} {name}" if role_at == 1 else f"{name}, {role}"
            out.append(TokenPerson(m.start(), name, intro, role_gender(role, cues), role.lower()))
            taken.append((m.start(), m.end()))
    for m in pair.finditer(text):
        a = m.start(1)
        if not outside(a) or any(s <= a < e for s, e in taken):
            continue
        words = m.group(1).split()
        if any(w.lower() in TIME_WORDS or w.lower() in cues.determiners or _stems(w, cues) for w in words):
            continue
        out.append(TokenPerson(a, m.group(1), m.group(1), None, "", sure=False))
    out.sort(key=lambda p: p.start)
    return out


def _key(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


def resolve_pronoun(persons: list[TokenPerson], at: int, want: str, since: int) -> str | None:
    """The one person of this gender (or of unknown gender) named in text[since:at]; None when none or two."""
    keys: dict[str, list[TokenPerson]] = {}
    for p in persons:
        if since <= p.start < at:
            keys.setdefault(_key(p.name), []).append(p)
    fits = []
    for group in keys.values():
        genders = {p.gender for p in group if p.gender}
        if genders <= {want}:
            fits.append(group)
    if len(fits) != 1 or not any(p.sure for p in fits[0]):
        return None
    return max((p.intro if p.role and not p.intro.startswith(p.name + ",") else p.name for p in fits[0]), key=len)


def resolve_role(persons: list[TokenPerson], at: int, role: str, cues: SpeakerCues) -> str | None:
    """The one person introduced before ``at`` with this role ("der Minister" -> "Innenminister Karl Berg")."""
    stems = _stems(role, cues)
    if not stems:
        return None
    keys: dict[str, TokenPerson] = {}
    for p in persons:
        if p.start < at and p.role and stems & _stems(p.role, cues):
            keys.setdefault(_key(p.name), p)
    if len(keys) != 1:
        return None
    p = next(iter(keys.values()))
    return p.name if p.intro.startswith(p.name + ",") else p.intro
