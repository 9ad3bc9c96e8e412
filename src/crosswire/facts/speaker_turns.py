"""Speakers the discourse gives, when no verb frames a quotation: an interview's turns and topics, a
first-person quotation going on with the last speaker, the person whose view a colon introduces.

Every rule names a speaker only when one person is possible, and abstains otherwise:

* interview turns: in an article whose writer asks in the first person (“…?” I ask; I try again: “…”),
  a paragraph that is nothing but a quotation, right after a writer's turn, is the answer of the
  interviewee, and so is a topic's answer ("On Murdoch: “…”").  The interviewee is the person the
  article's attributed quotations establish: quoted at least ``INTERVIEWEE_MIN`` times and at least
  twice as often as anyone else;
* continuation: a quotation in the first person ("I", "my") without a frame, in the paragraph after
  the one of the last quotation (or the one after that), with at most ``MAX_SENTENCES_BETWEEN``
  sentences of narration between and no other person, organisation or role named outside quotation
  marks there (nor a pronoun of the other gender): the speaker of that last quotation;
* a view before a colon: "what Mitch McConnell had seen early on as …: “…”" (the verbs of
  ``SpeakerCues.views``), when its subject is a named person;
* a tag without a verb: “…,” police officer Jane Roe. (the quotation closes on a comma and its sentence ends
  on a person's name, with nothing but a role's words before it).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from crosswire.facts.quotemarks import SUBJECT_DEPS, Quotation, clean_name
from crosswire.facts.speaker_article import ArticleView
from crosswire.facts.speaker_cues import SpeakerCues

__all__ = [
    "discourse_speakers",
    "document_senders",
    "view_colon",
    "verbless_tag",
    "INTERVIEWEE_MIN",
    "MAX_SENTENCES_BETWEEN",
]

INTERVIEWEE_MIN = 3  # attributed quotations that make a person the article's interviewee
MAX_SENTENCES_BETWEEN = 4  # sentences of narration a first-person quotation may follow its speaker's last one by
_PERSON_ENTS = ("PERSON", "PER", "ORG")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _key(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


def first_person(text: str, cues: SpeakerCues) -> bool:
    """Is this quotation said in the first person singular ("I", "my", "je", "ich", "yo")?"""
    for w in _WORD.findall(text):
        low = w.lower()
        if low in cues.first_person and (low != "i" or w == "I"):
            return True
        if "'" in low or "’" in low:
            head = re.split(r"['’]", low)[0]
            if head in cues.first_person and (head != "i" or w[:1] == "I"):
                return True  # "I've", "I'm", "j'ai" as one word
            if (head + "'") in cues.first_person or (head + "’") in cues.first_person:
                return True
    return False


def _writer_turn(text: str, q: Quotation, cues: SpeakerCues) -> bool:
    """A quotation the article's writer says ("“…?” I ask", "“…,” I prompt", "I try again: “…”"): framed by the
    first person singular, whatever the verb."""
    if q.speaker is not None:
        return False
    writer = [p for p in cues.first_person if cues.pronouns.get(p) == "?"]
    if not writer:
        return False
    if q.speaker_start is not None and q.speaker_end is not None:
        return text[q.speaker_start : q.speaker_end].strip().lower() in writer
    words = "|".join(re.escape(w) for w in writer)
    after = text[q.end : q.end + 40]
    before = text[max(0, q.start - 60) : q.start]
    return bool(
        re.match(rf"^[\"”’»]?\s*[,?!.]?\s*[\"”’»]?\s*(?i:{words})\s+[^\W\d_]+\b", after)
        or re.search(rf"(?:^|[.!?]\s+)(?i:{words})\s+[^\W\d_]+(?:\s+[^\W\d_]+)?:\s*[\"“«„]?$", before)
    )


def _bare(text: str, q: Quotation, paras: list[tuple[int, int]]) -> bool:
    """Is the quotation all its paragraph holds (but its marks and punctuation)?"""
    a, b = paras[q.paragraph]
    rest = text[a : max(a, q.start)] + text[q.end : b]
    return not re.sub(r"[\s\"“”«»„‘’'.,!?…:;—–-]", "", rest)


def _topic(text: str, q: Quotation, paras: list[tuple[int, int]], cues: SpeakerCues) -> bool:
    """Does the quotation open its paragraph after a topic and a colon ("On Murdoch: “…”")?"""
    if not cues.topics:
        return False
    a = paras[q.paragraph][0]
    head = text[a : max(a, q.start)]
    words = "|".join(re.escape(t) for t in sorted(cues.topics, key=len, reverse=True))
    return bool(re.match(rf"^\s*(?i:{words})\s+[^:\"“”«»„.!?]{{1,60}}:\s*[\"“«„‘']?\s*$", head))


def _interviewee(text: str, quotes: list[Quotation], cues: SpeakerCues) -> str | None:
    """The person the article's attributed quotations establish, in an article whose writer asks questions."""
    if not any(_writer_turn(text, q, cues) for q in quotes):
        return None
    counts: Counter[str] = Counter()
    longest: dict[str, str] = {}
    for q in quotes:
        if q.speaker and q.how and not q.how.startswith("unclear") and q.speaker[:1].isupper():
            k = _key(q.speaker)
            counts[k] += 1
            if len(q.speaker) > len(longest.get(k, "")):
                longest[k] = q.speaker
    if not counts:
        return None
    ranked = counts.most_common(2)
    best, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n < INTERVIEWEE_MIN or n < 2 * second:
        return None
    return longest[best]


def _others_between(art: ArticleView, a: int, b: int, speaker: str, gender: str | None) -> bool | None:
    """Is another person, organisation or role named outside quotation marks in text[a:b]? None: not parsed, or
    too many sentences between."""
    mine = {w.lower() for w in re.findall(r"[^\W_]+", speaker)}
    mine |= {w.lower() for w in re.findall(r"[^\W_]+", art.key(speaker))}
    cues = art.cues
    sentences = 0
    for n, (pa, pb) in enumerate(art.paras):
        if pb <= a or pa >= b:
            continue
        doc = art.docs.get(n)
        if doc is None:
            return None
        for sent in doc.sents:
            s, e = pa + sent.start_char, pa + sent.end_char
            if s >= a and e <= b and not any(qa <= s and e <= qb for qa, qb in art.quoted):
                sentences += 1
        for t in doc:
            at = pa + t.idx
            if not a <= at < b or any(qa <= at < qb for qa, qb in art.quoted):
                continue
            low = t.lower_
            if t.ent_type_ in _PERSON_ENTS and t.pos_ == "PROPN" and low not in mine:
                return True
            if t.dep_ in SUBJECT_DEPS and (t.lemma_.lower() in cues.persons or low in cues.groups):
                return True  # "A spokeswoman disagreed."
            if t.pos_ == "PRON" and cues.pronouns.get(low) in ("m", "f") and cues.pronouns[low] != (gender or "m"):
                return True  # "she" after a man's words: someone else
    return True if sentences > MAX_SENTENCES_BETWEEN else False


def _previous(quotes: list[Quotation], k: int) -> Quotation | None:
    """The quotation before quotes[k], scare quotes in narration (short, without a speaker) skipped."""
    for p in reversed(quotes[:k]):
        if p.short and p.speaker is None and not p.how:
            continue
        return p
    return None


def discourse_speakers(
    text: str, quotes: list[Quotation], paras: list[tuple[int, int]], art: ArticleView, cues: SpeakerCues
) -> None:
    """Name the speakers of quotations without a frame of their own that the discourse makes clear (a speaker so
    given goes on to the quotations without one that follow in the same paragraph)."""
    interviewee = _interviewee(text, quotes, cues)
    given: tuple[int, str] | None = None
    for k, q in enumerate(quotes):
        if q.speaker is not None or q.how:
            given = None if q.speaker is None or given is None or q.speaker != given[1] else given
            continue
        if given is not None and given[0] == q.paragraph:
            q.speaker, q.how = given[1], "continued"
            continue
        given = None
        if q.short:
            continue
        prev = _previous(quotes, k)
        opens = not text[paras[q.paragraph][0] : q.start].strip(" \"“”«»„‘'\n")
        if interviewee is not None:
            if opens and _bare(text, q, paras) and prev is not None and _writer_turn(text, prev, cues):
                if prev.paragraph == q.paragraph - 1:
                    q.speaker, q.how = interviewee, "interview turn"
            elif _topic(text, q, paras, cues):
                q.speaker, q.how = interviewee, "interview topic"
        if (
            q.speaker is None
            and prev is not None
            and prev.speaker
            and not prev.how.startswith("unclear")
            and 1 <= q.paragraph - prev.paragraph <= 2
            and first_person(q.text, cues)
            and text[q.start - 1 : q.start] not in ("‘", "'")  # inside another quotation ("no one is like, ‘I …’")
            and _others_between(art, prev.end + 1, q.start - 1, prev.speaker, art.gender_of(prev.speaker)) is False
        ):
            q.speaker, q.how = prev.speaker, "first person"
        if q.speaker is not None:
            given = (q.paragraph, q.speaker)


def view_colon(art: ArticleView, q: Quotation, inside: set[int]) -> tuple[str, int, int] | None:
    """ "… what Mitch McConnell had seen early on as the silver Trump lining: “…”": the named subject of a view verb
    in the clause before the colon that introduces the quotation."""
    cues = art.cues
    doc = art.docs.get(q.paragraph)
    if doc is None or not cues.views:
        return None
    base = art.offset(q.paragraph)
    mine = [t for t in doc if q.start - base - 1 <= t.idx < q.end - base + 1]
    if not mine:
        return None
    k = mine[0].i - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 1 or doc[k].text != ":":
        return None
    t = doc[k - 1]
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in cues.views:
            subj = [c for c in t.children if c.dep_ in SUBJECT_DEPS and c.i not in inside]
            if not subj:
                return None
            s = subj[0]
            ent = next((e for e in doc.ents if e.start <= s.i < e.end), None)
            if s.pos_ != "PROPN" or ent is None or ent.label_ not in ("PERSON", "PER"):
                return None
            name = clean_name(ent.text, cues)
            return (art.key(name), base + ent.start_char, base + ent.end_char) if name else None
        if t.head is t or t.head.i >= mine[0].i:
            return None
        t = t.head
    return None


_TAG_MAX = 8  # words of a verbless tag ("the district's deputy police chief Jane Roe")


def verbless_tag(art: ArticleView, q: Quotation, inside: set[int]) -> tuple[str, int, int] | None:
    """“…,” police officer Jane Roe.  A quotation closing on a comma, then its sentence ending on a named person
    with only a role's words before the name, and no verb: that person's words."""
    cues = art.cues
    doc = art.docs.get(q.paragraph)
    if doc is None:
        return None
    base = art.offset(q.paragraph)
    mine = [t for t in doc if q.start - base - 1 <= t.idx < q.end - base + 1]
    if not mine or not re.search(r",\W{0,2}$", art.text[q.start : q.end + 2]):
        return None
    tail: list[Any] = []
    for t in doc[mine[-1].i + 1 :]:
        if t.text in (".", "!", "?") or t.is_space:
            break
        if t.i in inside or len(tail) >= _TAG_MAX:
            return None
        tail.append(t)
    else:
        return None  # a tag ends its sentence
    words = [t for t in tail if not (t.is_punct and t.text != ",")]
    if not words or words[-1].pos_ != "PROPN" or any(t.pos_ in ("VERB", "AUX", "PRON", "ADP", "SCONJ") for t in words):
        return None
    ent = next((e for e in doc.ents if e.start <= words[-1].i < e.end), None)
    if ent is None or ent.label_ not in ("PERSON", "PER") or ent.start < words[0].i or ent.end != words[-1].i + 1:
        return None
    before = [t for t in words if t.i < ent.start and t.text != ","]
    if any(
        not (t.lower_ in cues.persons or t.lower_ in cues.determiners or t.pos_ in ("ADJ", "NOUN", "PROPN"))
        for t in before
    ):
        return None
    name = clean_name(ent.text, cues)
    return (art.key(name), base + ent.start_char, base + ent.end_char) if name else None


def document_senders(head: Any, cues: SpeakerCues) -> list[Any]:
    """Who sent the document ``head`` is, or the one a verb got: "a message from X", "got an email from X"."""
    if head.pos_ == "ADP":
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        if not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in cues.documents for c in head.children):
            return []
        holders = [head] + [c for c in head.children if c.dep_ in ("dobj", "obj")]
    elif head.lemma_.lower() in cues.documents:
        holders = [head]
    else:
        return []
    return [
        g
        for h in holders
        for c in h.children
        if c.dep_ in ("prep", "nmod", "obl")
        for g in ([c] if c.pos_ in ("PROPN", "NOUN") else c.children)
        if g.pos_ in ("PROPN", "NOUN")
        and (
            g is c
            and any(x.dep_ == "case" and x.lower_ in cues.senders for x in g.children)
            or c.lower_ in cues.senders
        )
    ]
