"""One article seen by the speaker finder: its paragraphs parsed, the persons and organisations it names
(with the roles and genders it gives them), and the salience of those persons for pronouns to point to."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from crosswire.facts.quotemarks import CAPTION_WORDS, ENTITY_SPEAKERS, SUBJECT_DEPS, clean_name, paragraph_spans
from crosswire.facts.salience import Salience, references
from crosswire.facts.speaker_cues import SpeakerCues
from crosswire.facts.speaker_names import first_name_gender

__all__ = ["ArticleView", "without_hometown"]

_CLOSERS = {"“": "”", "«": "»", "„": "“”", '"': '"', "‘": "’"}  # a quotation mark and the marks that close it
_HOMETOWN = re.compile(r"^(\S+(?:\s+\S+)+?)\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*$")
_OBJECT_DEPS = {"dobj", "obj", "iobj", "dative", "pobj", "obl"}  # a pronoun in these roles: "him", "to her"


@dataclass(slots=True)
class _Mention:
    """A person or organisation the article names, for pronouns and role nouns to point back to."""

    start: int
    name: str
    person: bool
    gender: str | None
    roles: frozenset[str]
    subject: bool


class ArticleView:
    """One article's paragraphs parsed, with the names it gives."""

    def __init__(self, text: str, cues: SpeakerCues, nlp: Any, wanted: set[int]):
        self.text, self.cues = text, cues
        self.paras = paragraph_spans(text)
        self.docs: dict[int, Any] = {}
        todo = sorted(wanted)
        chunks = [text[self.paras[n][0] : self.paras[n][1]] for n in todo]
        for n, doc in zip(todo, nlp.pipe(chunks, batch_size=32), strict=False):
            self.docs[n] = doc
        self.mentions: list[_Mention] = []
        self.names: dict[int, tuple[str, Any]] = {}  # start of a person's mention -> (name, head token)
        self.gender: dict[str, str] = {}  # told by a title or a role ("Mr", "spokeswoman")
        self.votes: dict[str, Counter[str]] = {}  # the pronouns of the sentences naming the person alone
        self.quoted: list[tuple[int, int]] = []
        self._salience: Salience | None = None
        self.nlp = nlp
        for n in todo:
            self._read_names(n)
        self._full_names()

    def read_before(self, n: int, quoted: list[tuple[int, int]]) -> None:
        """Parse the paragraphs before paragraph ``n`` not parsed yet, for the names a pronoun may point to."""
        todo = [k for k in range(n) if k not in self.docs]
        if not todo:
            return
        chunks = [self.text[self.paras[k][0] : self.paras[k][1]] for k in todo]
        for k, doc in zip(todo, self.nlp.pipe(chunks), strict=False):
            self.docs[k] = doc
            self._read_names(k)
        self.mentions = sorted(
            (m for m in self.mentions if not any(a <= m.start < b for a, b in quoted)), key=lambda m: m.start
        )
        self._full_names()
        self._salience = None

    def salience(self) -> Salience:
        """Pronouns resolved over the paragraphs parsed so far (salience, in text order)."""
        if self._salience is None:
            names = {at: (self.key(name), head) for at, (name, head) in self.names.items()}
            # a surname of a person the article names, wherever NER missed it ("and Trump, …, seems to")
            surnames = {n.split()[-1]: self.key(n) for n, _h in self.names.values() if len(n.split()) >= 2}
            for k, doc in self.docs.items():
                for t in doc:
                    if (
                        t.pos_ == "PROPN"
                        and t.text in surnames
                        and t.ent_type_ not in ("PERSON", "PER")
                        and (t.dep_ != "compound" or t.head.pos_ == "PROPN")
                        and (t.i == 0 or doc[t.i - 1].pos_ != "PROPN")
                        and self.offset(k) + t.idx not in names
                    ):
                        names[self.offset(k) + t.idx] = (surnames[t.text], t)
            refs = references(self.docs, self.paras, self.text, names, self.quoted, self.cues)
            self._salience = Salience(refs, self.gender_of)
        return self._salience

    def key(self, name: str) -> str:
        """One person, one name: a surname alone takes the full name the article gives it."""
        toks = name.split()
        if toks and len(toks) <= 2 and (len(toks) == 1 or toks[0].rstrip(".").lower() in self.cues.titles):
            return self.full.get(toks[-1], name)
        return name

    def _full_names(self) -> None:
        full: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.person and len(m.name.split()) >= 2:
                full.setdefault(m.name.split()[-1], set()).add(m.name)
        self.full = {k: next(iter(v)) for k, v in full.items() if len(v) == 1}
        self.shared = {k for k, v in full.items() if len(v) > 1}  # surnames of two persons or more

    def offset(self, n: int) -> int:
        return self.paras[n][0]

    def _read_names(self, n: int) -> None:
        doc, base = self.docs[n], self.offset(n)
        for sent in doc.sents:
            persons: list[str] = []
            first = len(doc)  # the first token naming a person in the sentence
            for ent in sent.ents:
                if ent.label_ not in ENTITY_SPEAKERS:
                    continue
                head = ent.root
                name = clean_name(ent.text, self.cues)
                if not name or not any(w[:1].isupper() for w in name.split()):
                    continue  # "lien avec": a phrase NER took for a person, no name
                if name.split()[0].lower() in CAPTION_WORDS:
                    continue  # "Photo by Reuters": a caption, no one
                person = ent.label_ in ("PERSON", "PER")
                gender = _gender_of(doc, ent, self.cues) if person else None
                if person:
                    name = without_hometown(name)
                    persons.append(name)
                    first = min(first, ent.start)
                    self.names[base + ent.start_char] = (name, head)
                    if gender:
                        self.gender.setdefault(name, gender)
                        self.gender.setdefault(name.split()[-1], gender)
                roles = frozenset(r for r in _roles_around(head, self.cues))
                self.mentions.append(
                    _Mention(base + ent.start_char, name, person, gender, roles, head.dep_ in SUBJECT_DEPS)
                )
            # the named subject of a reporting verb is a person the article names, whatever NER made of it
            for t in sent:
                if (
                    t.dep_ in SUBJECT_DEPS
                    and t.pos_ == "PROPN"
                    and t.head.lemma_.lower() in self.cues.verbs
                    and not t.ent_type_
                ):
                    name = clean_name(doc[t.left_edge.i : t.i + 1].text, self.cues)
                    if name and name[:1].isupper():
                        persons.append(name)
                        first = min(first, t.left_edge.i)
                        self.names[base + doc[t.left_edge.i].idx] = (name, t)
                        self.mentions.append(
                            _Mention(
                                base + doc[t.left_edge.i].idx,
                                name,
                                True,
                                None,
                                frozenset(_roles_around(t, self.cues)),
                                True,
                            )
                        )
            # the pronouns a sentence with one named person uses for it tell that person's gender
            if len(set(persons)) == 1:
                # not "his" in "his press assistant, Hope Hicks": the possessor is someone else
                own = {
                    t.i
                    for t in sent
                    if t.dep_ in ("poss", "nmod:poss")
                    and (
                        t.head.ent_type_ in ("PERSON", "PER")
                        or any(c.dep_ == "appos" for c in t.head.children)
                        or t.head.dep_ == "appos"
                    )
                }
                # nor an object: "Perez did not rush up to her" is someone else (a pronoun object of a clause
                # never means that clause's subject)
                # and not a word of a quotation ("I walked up to her," Perez said): the speaker's own words
                # and only after the name: "One misstep, and she could fall ..., so Perez did not ..." is another
                kept = [t for t in _narration(sent) if t.i > first and t.i not in own and t.dep_ not in _OBJECT_DEPS]
                told = {self.cues.pronouns.get(t.lower_) for t in kept if t.pos_ == "PRON"}
                told |= {"m" if t.lower_ in ("his", "him") else "f" if t.lower_ == "her" else None for t in kept}
                said = {g for g in told if g is not None and g not in ("p", "?")}
                if len(said) == 1:
                    g = said.pop()
                    for who in (persons[0], persons[0].split()[-1]):
                        self.votes.setdefault(who, Counter())[g] += 1

    def organisation_before(self, at: int) -> str | None:
        """The organisation a pronoun "it" at ``at`` stands for: the subject of the sentence before it, when
        that subject is an organisation ("The State Attorney's Office released a statement. “…,” it stated");
        else None (that sentence is about something else, or its subject is a person or a thing)."""
        for n in sorted((k for k, (a, _b) in enumerate(self.paras) if a <= at and k in self.docs), reverse=True)[:2]:
            base = self.offset(n)
            before = [
                s
                for s in self.docs[n].sents
                if base + s.end_char <= at and not any(a <= base + s.start_char + 1 < b for a, b in self.quoted)
            ]
            if not before:
                continue
            subj = next((t for t in before[-1].root.children if t.dep_ in SUBJECT_DEPS), None)
            if subj is None:
                return None
            organisation = subj.ent_type_ == "ORG" or subj.lemma_.lower() in self.cues.groups
            if not organisation or any(t.ent_type_ in ("PERSON", "PER") for t in subj.subtree):
                return None
            return clean_name(self.docs[n][subj.left_edge.i : subj.i + 1].text, self.cues) or None
        return None

    def gender_of(self, name: str) -> str | None:
        """What the article tells of this person's gender, else what a first name tells.

        What is told of a surname alone ("Mr. Washington", "Washington said he") is this person's only
        when no other person of the article bears that surname (Shannon, Marcus and George Washington)."""
        if not name:
            return None
        key, last = self.key(name), name.split()[-1]
        alone = last not in self.shared
        return (
            self.gender.get(key)
            or self.gender.get(name)
            or (self.gender.get(last) if alone else None)
            or first_name_gender(key, self.cues.language)
            or self._told(key)
            or self._told(name)
            or (self._told(last) if alone else None)
        )

    def _told(self, name: str) -> str | None:
        """The gender the pronouns of the sentences naming this person alone give it, twice as often as
        the other one ("... so Perez did not rush up to her" is one sentence against many of his)."""
        votes = self.votes.get(name)
        if not votes:
            return None
        (g, n), *rest = votes.most_common()
        return g if not rest or n >= 2 * rest[0][1] else None


def without_hometown(name: str) -> str:
    """A person's name without the town the entity recogniser read into it: "Jamel Dunn of Cocoa" is
    Jamel Dunn, whose surname is not "Cocoa" (a name of one word before "of" is kept: "Catherine of Aragon")."""
    return _HOMETOWN.sub(r"\1", name)


def _narration(sent: Any) -> Iterable[Any]:
    """The tokens of a sentence outside its quotation marks; a sentence whose first mark closes a quotation
    (the last sentence of a quotation running over several) opens inside it."""
    marks = [t.text for t in sent if t.text in _CLOSERS or t.text in ("”", "»")]
    closer = None
    if marks and (marks[0] in ("”", "»") or (marks[0] == '"' and len(marks) % 2 == 1 and sent[0].text != '"')):
        closer = marks[0]
    for t in sent:
        if closer is None and t.text in _CLOSERS:
            closer = _CLOSERS[t.text]
        elif closer is not None and t.text in closer:
            closer = None
        elif closer is None:
            yield t


def _gender_of(doc: Any, ent: Any, cues: SpeakerCues) -> str | None:
    words = [
        t.lower_.rstrip(".") for t in doc[max(0, ent.start - 3) : ent.start] if t.dep_ not in ("poss", "nmod:poss")
    ]
    words += [t.lower_ for t in ent if t.lower_ != ent[-1].lower_]
    words += [t.lower_ for t in ent.root.children if t.dep_ == "appos"] + [
        t.lower_
        for a in ent.root.children
        if a.dep_ == "appos"
        for t in a.subtree
        if t.dep_ not in ("poss", "nmod:poss")
    ]  # "his press assistant, Hope Hicks": "his" is the other one
    if any(w in cues.female for w in words):
        return "f"
    if any(w in cues.male for w in words):
        return "m"
    return None


def _roles_around(head: Any, cues: SpeakerCues) -> Iterable[str]:
    """Role words given to a name: "Press Secretary Josh Earnest", "Jane Doe, a spokeswoman"."""
    for c in head.children:
        word = c.lower_.rstrip(".")
        word = cues.extra.get(word, word)
        if c.dep_ in ("compound", "amod", "nmod") and word in cues.persons:
            yield word
        if c.dep_ == "appos":
            if c.lemma_.lower() in cues.persons:
                yield c.lemma_.lower()
            for t in c.children:
                if t.dep_ in ("compound", "amod", "nmod") and t.lower_ in cues.persons:
                    yield t.lower_
    if head.dep_ == "appos" and head.head.lemma_.lower() in cues.persons:
        yield head.head.lemma_.lower()
