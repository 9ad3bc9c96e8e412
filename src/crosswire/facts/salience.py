"""Who a pronoun means: salience over the parsed text, in the spirit of Lappin and Leass (1994).

Every person the parsed paragraphs name, and every third-person pronoun, is a *reference* with a
weight from its place in the sentence: recency, then subject over object over a possessor or an
oblique, a head noun over a noun embedded in another phrase, a main clause over an adverbial or
relative one ("as well … as Mitt Romney did in 2012" names Romney in passing).  A person's salience
at a point of the text is, per sentence, the weights of its references there added up, halved for
each sentence since.  Pronouns are resolved in the order of the text to the most salient person whose
gender fits, so a chain of "he … his … he" keeps the centre of the story; when two fitting persons
are close, the pronoun stays unresolved (no speaker rather than a guess).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from crosswire.facts.speaker_cues import SpeakerCues

__all__ = ["Reference", "Salience", "references"]

RECENCY = 100.0
ROLE = {"subject": 80.0, "object": 50.0, "possessor": 40.0, "oblique": 40.0, "other": 30.0}
HEAD = 80.0  # not embedded in another noun phrase
MAIN_CLAUSE = 50.0  # not inside an adverbial, relative or prepositional phrase
PARALLEL = 35.0  # a subject pronoun for a subject, an object for an object
CLOSE = 0.9  # the runner-up at this share of the best: unclear, no answer

_SUBJECT = {"nsubj", "nsubjpass", "nsubj:pass", "expl:subj", "csubj"}
_OBJECT = {"dobj", "obj", "iobj", "dative", "attr", "oprd"}
_POSSESSOR = {"poss", "nmod:poss"}
_OBLIQUE = {"pobj", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "agent"}
_LINKS = {"compound", "flat", "flat:name", "flat:foreign", "appos", "conj"}
_SUBORDINATE = {"advcl", "relcl", "acl:relcl", "prep", "advmod", "npadvmod"}
_SENTENCE_END = re.compile(r"[.!?][\"”’»]?(?:\s|$)")


@dataclass(slots=True)
class Reference:
    """A person named, or a third-person pronoun, at one place of the article."""

    start: int  # character offset in the article
    sentence: int  # ordinal of its sentence in the article
    weight: float
    role: str  # subject | object | possessor | oblique | other
    key: str | None  # the person (full name) for a name; for a pronoun once resolved
    gender: str | None  # the pronoun's gender ("m", "f"); None for a name
    pronoun: bool


def _role(tok: Any) -> tuple[str, float]:
    """The grammatical role of a noun phrase's head and its weight (without recency)."""
    t = tok
    for _ in range(6):  # "the former chief, Kevin Weiss": the apposition takes its head noun's place
        if t.dep_ in _LINKS and t.head is not t:
            t = t.head
        else:
            break
    dep = t.dep_
    role = (
        "subject"
        if dep in _SUBJECT
        else "object"
        if dep in _OBJECT
        else "possessor"
        if dep in _POSSESSOR
        else "oblique"
        if dep in _OBLIQUE
        else "other"
    )
    weight = ROLE[role]
    if role not in ("possessor", "oblique"):
        weight += HEAD
    main, a, steps = True, t.head, 0
    while steps < 12 and a.head is not a:
        if a.dep_ in _SUBORDINATE:
            main = False
            break
        a, steps = a.head, steps + 1
    if main and role != "oblique":
        weight += MAIN_CLAUSE
    return role, weight


def _plural(head: Any) -> bool:
    """Is a name a plural noun with its article ("The Bulldogs"): never what "he" or "she" means?  (The
    tagger calls some surnames plural, "Kakalios": a person's name comes without an article.)"""
    plural = head.tag_ in ("NNPS", "NNS") or "Plur" in head.morph.get("Number")
    return plural and any(c.dep_ == "det" for c in head.children)


def _modifier(head: Any) -> bool:
    """Is a name a modifier of a common noun ("Trump spokeswoman Sarah Sanders", "the Obama
    administration"): it names someone in passing, not a person the sentence is about?"""
    return bool(head.dep_ == "compound" and head.head is not head and head.head.pos_ == "NOUN")


def references(
    docs: dict[int, Any],
    paras: list[tuple[int, int]],
    text: str,
    names: dict[int, tuple[str, Any]],
    quoted: list[tuple[int, int]],
    cues: SpeakerCues,
) -> list[Reference]:
    """The references of the parsed paragraphs, in the order of the text.

    ``names`` maps the start of each person mention the article keeps to its (full) name and head token;
    paragraphs not parsed count their sentences from the punctuation, for recency."""
    pronouns = {p: g for p, g in cues.pronouns.items() if g in ("m", "f")}
    pronouns.update(cues.object_pronouns)
    out: list[Reference] = []
    ordinal = 0
    last = max(docs) if docs else -1
    for n in range(last + 1):
        a, b = paras[n]
        doc = docs.get(n)
        if doc is None:
            ordinal += max(1, len(_SENTENCE_END.findall(text[a:b])))
            continue
        for sent in doc.sents:
            for tok in sent:
                at = a + tok.idx
                if any(x <= at < y for x, y in quoted):
                    continue
                if at in names:
                    name, head = names[at]
                    if _plural(head):
                        continue  # "The Bulldogs lost ...": no "he" or "she" means a team
                    if _modifier(head):
                        continue  # "Trump spokeswoman Sarah Sanders said ...": Trump is named in passing
                    role, w = _role(head)
                    out.append(Reference(at, ordinal, RECENCY + w, role, name, None, False))
                elif tok.lower_ in pronouns and tok.pos_ in ("PRON", "DET"):
                    role, w = _role(tok)
                    out.append(Reference(at, ordinal, RECENCY + w, role, None, pronouns[tok.lower_], True))
            ordinal += 1
    return out


class Salience:
    """Resolves the pronouns of ``refs`` in text order; ``gender(name)`` is what the article tells of a person."""

    def __init__(self, refs: list[Reference], gender: Callable[[str], str | None]):
        self.refs, self.told = refs, gender
        self.by_start = {r.start: r for r in refs}
        # a person whose gender the article told nothing of takes that of the first subject pronoun resolved
        # to it: once "he" means Tony Burroughs, a later "she" does not (not a possessive: "... took a jab at
        # her ex-fiancé Pete Davidson" names the fiancé before the "her" it does not mean)
        self.learned: dict[str, str] = {}
        for k, r in enumerate(refs):
            if r.pronoun:
                r.key = self._best(refs[:k], r.sentence, r.gender, r.role)
                if r.key is not None and r.role == "subject" and r.gender in ("m", "f") and gender(r.key) is None:
                    self.learned.setdefault(r.key, r.gender)

    def gender(self, name: str) -> str | None:
        """What the article tells of a person's gender, else what its pronouns resolved so far tell."""
        return self.told(name) or self.learned.get(name)

    def _scores(self, earlier: Iterable[Reference], sentence: int) -> dict[str, float]:
        best: dict[tuple[str, int], float] = {}
        for r in earlier:
            if r.key is None:
                continue
            k = (r.key, r.sentence)
            best[k] = best.get(k, 0.0) + r.weight
        out: dict[str, float] = {}
        for (key, s), w in best.items():
            out[key] = out.get(key, 0.0) + w * 0.5 ** max(0, sentence - s)
        return out

    def _best(self, earlier: list[Reference], sentence: int, want: str | None, role: str) -> str | None:
        scores = self._scores(earlier, sentence)
        last_role: dict[str, str] = {}
        for r in earlier:
            if r.key is not None and r.sentence >= sentence - 1:
                last_role[r.key] = r.role
        fit = []
        for key, s in scores.items():
            g = self.gender(key)
            if want in ("m", "f") and g is not None and g != want:
                continue
            fit.append((s + (PARALLEL if last_role.get(key) == role else 0.0), key))
        if not fit:
            return None
        fit.sort(reverse=True)
        if len(fit) > 1 and fit[1][0] >= CLOSE * fit[0][0]:
            return None
        return fit[0][1]

    def resolve(
        self, at: int, sentence: int | None = None, want: str | None = None, role: str = "subject"
    ) -> str | None:
        """The person a pronoun at ``at`` means: its own resolution when it was read, else the most
        salient fitting person before ``at``."""
        r = self.by_start.get(at)
        if r is not None and r.pronoun:
            return r.key
        earlier = [x for x in self.refs if x.start < at]
        if not earlier:
            return None
        return self._best(earlier, earlier[-1].sentence if sentence is None else sentence, want, role)

    def known(self, name: str) -> bool:
        """Does the salience model know this person (by the last word of the name)?"""
        last = name.split()[-1] if name else ""
        return any(r.key and r.key.split()[-1] == last for r in self.refs if not r.pronoun)
