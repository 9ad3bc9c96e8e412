"""Speakers from the dependency parse (English and French): the subject of the reporting verb next to
a quotation in every position, pronouns and role nouns resolved to the person the article named,
quotations joined across incises and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from crosswire.facts.quotemarks import (
    CLIMB_DEPS,
    ENTITY_SPEAKERS,
    NAME_DEPS,
    NOT_SPEAKER_WORDS,
    NOT_SPEAKERS,
    PASSIVE_DEPS,
    RELATIVES,
    RESPONSES,
    SUBJECT_DEPS,
    TIME_WORDS,
    VAGUE_SPEAKERS,
    Quotation,
    clean_name,
    continued_quotes,
    join_incises,
    kept_quote,
    marked_quotations,
    paragraph_spans,
    signed_quotes,
    transcript_turn,
)
from crosswire.facts.speaker_article import ArticleView
from crosswire.facts.speaker_cues import SpeakerCues, cues_for
from crosswire.facts.speaker_turns import discourse_speakers, document_senders, verbless_tag, view_colon

__all__ = ["parser_available"]


# --------------------------------------------------------------------------------------------
# The parse
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def speaker_pipeline(name: str) -> Any:
    """The shared pipeline (:func:`crosswire.text.parse.pipeline`, loaded once per process), entity
    recogniser included, seen through a tokenizer of its own: a quotation mark against a word
    ("said,“Look") is a token of its own."""
    from crosswire.text.parse import pipeline

    return pipeline(name, infixes=(r"[“”\"«»„]", r"(?<=\w)[,;:](?=[“\"«„])"))


def parser_available(language: str | None) -> bool:
    """Is the spaCy pipeline of this language installed? (else its quotations are read from tokens)"""
    cues = cues_for(language)
    return bool(cues and cues.pipeline and speaker_pipeline(cues.pipeline) is not None)


# --------------------------------------------------------------------------------------------
# Speakers from the parse
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    speaker: str
    start: int
    end: int
    how: str
    pronoun: str | None = None  # "he" still to resolve
    role: str | None = None  # "spokeswoman" to resolve to the person introduced with it


def _phrase(tok: Any, cues: SpeakerCues, inside: set[int], doc: Any, base: int) -> _Found | None:
    """The speaker named by a subject token, as a full noun phrase; None when it names nobody."""
    low = tok.lower_
    if low in TIME_WORDS:
        return None  # "tweeting Saturday: “…”": a day is when, not who
    if tok.pos_ == "PRON" or low in cues.pronouns:
        key = low.lstrip("-t") if low.startswith("-") else low
        if key in cues.pronouns or key in cues.things:
            return _Found(key, base + tok.idx, base + tok.idx + len(tok), "verb", pronoun=key)
        return None
    # a document says for its author: "Trump's statement", "a Clinton campaign statement"
    if tok.lemma_.lower() in cues.documents or low in cues.documents:
        owner = [
            c
            for c in tok.children
            if c.dep_ in ("poss", "nmod:poss", "compound", "nmod")
            and (c.pos_ == "PROPN" or c.lower_ in cues.groups or c.lower_ in cues.persons)
        ]
        owner += [
            g
            for c in tok.children
            if c.dep_ in ("acl", "prep")
            for a in c.subtree
            if a.dep_ in ("agent",) or a.lower_ in ("by", "from", "par")
            for g in a.children
            if g.dep_ in ("pobj", "obj") and g.pos_ in ("PROPN", "NOUN")
        ]
        owner = [c for c in owner if c.lower_ not in TIME_WORDS]  # "a Wednesday editorial": no owner
        mine = [c for c in tok.children if c.dep_ in ("poss", "nmod:poss") and c.lower_ in cues.possessives]
        if not owner and mine and cues.possessives[mine[0].lower_] in (set(cues.pronouns) | set(cues.things)):
            key = cues.possessives[mine[0].lower_]  # "Its statement read: “…”": whom "it" stands for
            return _Found(key, base + mine[0].idx, base + mine[0].idx + len(mine[0]), "verb", pronoun=key)
        if not owner:
            return _Found(clean_name(tok.text, cues), base + tok.idx, base + tok.idx + len(tok), "document")
        found = _phrase(owner[0], cues, inside, doc, base)
        if found is not None and tok.i > owner[0].i and owner[0].dep_ in ("poss", "nmod:poss", "compound"):
            found.speaker = f"{found.speaker}’s {tok.text}"  # "Trump's statement"
        return found
    # a role with the name beside it: "the spokeswoman, Jane Doe": the name
    if tok.pos_ != "PROPN":
        names = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i not in inside]
        edge = tok.left_edge.i
        if (
            not names
            and edge >= 2
            and doc[edge - 1].text == ","
            and doc[edge - 2].pos_ == "PROPN"
            and edge - 2 not in inside
            and doc[edge - 2].ent_type_ in ("PERSON", "PER", "ORG", "")
            and "Plur" not in tok.morph.get("Number")  # "... south of Copenhagen, officers reported": no role of it
        ):
            names = [doc[edge - 2]]  # "says Geoffrey Garin, a Democratic pollster": the parse took the role
        if names:
            tok = names[0]
    if (
        tok.pos_ == "PROPN"
        and tok.left_edge.i >= 2
        and doc[tok.left_edge.i - 1].text == "("
        and tok.right_edge.i + 1 < len(doc)
        and doc[tok.right_edge.i + 1].text == ")"
        and tok.right_edge.i - tok.left_edge.i < 5
        and doc[tok.left_edge.i - 2].pos_ == "PROPN"
        and tok.left_edge.i - 2 not in inside
    ):
        return _phrase(doc[tok.left_edge.i - 2], cues, inside, doc, base)  # "Del. X (D-Newport News)": X, not the label
    left = tok.i
    for t in reversed(list(tok.lefts)):
        if t.i != left - 1 and not (t.i < left and all(u.i in (x.i for x in t.subtree) for u in doc[t.i : left])):
            break
        if t.dep_ in ("det",) and t.lower_ in cues.determiners:
            break
        if t.text == "-" and t.i > 0 and not doc[t.i - 1].whitespace_ and not t.whitespace_:
            left = t.i  # a hyphenated surname: "Ramirez-Rosa"
            continue
        if t.dep_ not in NAME_DEPS or t.i in inside or t.is_quote:
            break
        left = t.left_edge.i if t.left_edge.i >= 0 else t.i
    right = tok.i
    for t in tok.rights:
        if t.dep_ in ("flat", "flat:name", "flat:foreign", "compound") and t.i == right + 1:
            right = t.i
        elif (
            t.dep_ == "amod"
            and tok.pos_ != "PROPN"
            and t.i == right + 1
            and t.right_edge.i - left < 10
            and not any(i in inside for i in range(t.i, t.right_edge.i + 1))
        ):
            right = t.right_edge.i  # "a source familiar with Cruz's thinking"
        elif (
            t.dep_ in ("prep", "nmod")
            and tok.pos_ != "PROPN"
            and t.left_edge.i == right + 1
            and (t.lower_ in ("of", "for", "at", "de", "du", "des") or t.dep_ == "nmod")
        ):
            end = t.right_edge.i
            if end - left < 10 and not any(i in inside for i in range(t.i, end + 1)):
                right = end
        else:
            break
    while left < tok.i and (
        doc[left].is_punct
        or doc[left].pos_ == "SYM"  # "Fight for $15 organizing director X": not "$15 organizing director X"
        or doc[left].lower_ in cues.determiners
        or doc[left].like_num
        or doc[left].dep_ == "case"  # "un message de X": X
        or doc[left].lower_ in ("his", "her", "its", "their", "son", "sa", "ses", "leur")
        or doc[left].pos_ == "ADJ"
        and doc[left].text.islower()
        and tok.pos_ == "PROPN"
        and doc[left].lower_ not in cues.persons
    ):  # "emotional Nancy" -> "Nancy"
        left += 1
    span = doc[left : right + 1]
    if len(span) > 12 or any(t.i in inside or t.is_quote for t in span):
        span = doc[tok.i : tok.i + 1]
    if any(t.like_url or t.like_email or "/" in t.text for t in span):
        span = doc[tok.i : tok.i + 1]
    words = re.sub(r"[\"“”«»„]", "", span.text)
    name = clean_name(words, cues)
    if name.lower() in VAGUE_SPEAKERS:
        return None  # "others said": no one in particular
    if (
        not name
        or not any(w[:1].isupper() for w in name.split())
        and not (
            tok.lemma_.lower() in cues.persons
            or tok.lower_ in cues.persons
            or tok.lower_ in cues.groups
            or tok.lemma_.lower() in cues.groups
            or tok.lemma_.lower().endswith(cues.person_endings)
            or tok.lemma_.lower() in cues.documents
        )
    ):
        return None  # a speaker has a capitalised name, or is a role, a group or a document
    # a common noun capitalised only as the sentence's first word ("Part of it reads: …") is no name
    opening = (
        tok.pos_ == "NOUN"
        and (tok.is_sent_start or tok.i > 0 and tok.doc[tok.i - 1].is_quote)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)
    )  # (a name tagged NOUN: "Pence added")
    head_ok = (
        tok.pos_ in ("PROPN", "NOUN")
        and tok.text[:1].isupper()
        and not opening
        or tok.ent_type_ in ENTITY_SPEAKERS
        or tok.text[:1].isupper()
        and tok.is_alpha
        and not tok.is_stop
        and not tok.is_sent_start
        and tok.ent_type_ not in NOT_SPEAKERS
    )  # a name the tagger missed ("said Skelly" as an adverb)
    lemma = tok.lemma_.lower()
    role = lemma if lemma in cues.persons else tok.lower_ if tok.lower_ in cues.persons else None
    group = tok.lemma_.lower() in cues.groups or tok.lower_ in cues.groups
    if not (head_ok or role or group):
        # another noun of a person the parse makes the subject of a reporting verb ("the businessman
        # replied", "one commenter wrote"), by its ending; not a thing ("the booklet", "a screen")
        if (
            tok.pos_ != "NOUN"
            or tok.ent_type_ in NOT_SPEAKERS
            or tok.lower_ in NOT_SPEAKER_WORDS
            or not tok.lemma_.lower().endswith(cues.person_endings)
        ):
            return None
    if tok.like_num and tok.lower_ != "one":
        return None
    named = any(t.pos_ == "PROPN" for t in span)
    return _Found(
        name,
        base + span.start_char,
        base + span.end_char,
        "verb",
        role=role if role and not named and tok.pos_ != "PROPN" else None,
    )


def _subject(verb: Any, cues: SpeakerCues, inside: set[int] | None = None) -> Any | None:
    """The subject of a reporting verb, climbing "went on to say", "…, saying", "and added"."""
    v = verb
    inside = inside or set()
    for _ in range(6):
        saying = v.tag_ == "VBG" or v.morph.get("VerbForm") == ["Part"] and v.morph.get("Tense") == ["Pres"]
        sent = document_senders(v.head, cues) if v is verb and saying and v.dep_ in ("advcl", "xcomp") else []
        if sent:
            return sent[0]  # "Y got a message from X saying “…”": X
        if v.dep_ in ("acl",) and v.head.pos_ in ("NOUN", "PROPN") and v.tag_ == "VBG" and v.head.i not in inside:
            return v.head  # "footage of Clinton asking, “…”"
        inverted = [c for c in v.children if c.text.startswith("-") and c.lower_.lstrip("-t") in cues.pronouns]
        if inverted:  # "a-t-elle précisé"
            return inverted[0]
        subj = [
            c
            for c in v.children
            if (c.dep_ in SUBJECT_DEPS or v is not verb and c.dep_ in PASSIVE_DEPS)
            and c.i not in inside
            and c.lower_ != "-t"
        ]
        if subj and v is not verb and v.dep_ == "ccomp" and v.head.lemma_.lower() in cues.verbs:
            v = v.head  # "X told Y that Z had …, adding": X adds, not Z
            continue
        if subj:
            s = subj[0]
            if s.lower_ in RELATIVES and v.dep_ in ("relcl", "acl:relcl"):
                return v.head
            return s
        agent = [
            g
            for c in v.children
            if c.dep_ in ("agent", "obl:agent")
            for g in ([c] + list(c.children))
            if g.pos_ in ("PROPN", "NOUN")
        ]
        if agent:
            return agent[0]
        if v is verb and verb.lemma_.lower() not in cues.drop_verbs | cues.framing:
            after = [
                c
                for c in v.rights
                if c.dep_ in ("dobj", "obj", "attr", "npadvmod", "nsubj")
                and (
                    c.pos_ == "PROPN"
                    or c.lower_ in cues.persons
                    or c.lemma_.lower() in cues.persons
                    or c.lower_ in cues.groups
                )
                and c.ent_type_ not in NOT_SPEAKERS
                and c.i <= v.i + 4
            ]
            if after:
                return after[0]
        if (v.dep_ in CLIMB_DEPS or v is not verb and v.dep_ == "ccomp") and v.head is not v:
            v = v.head
            continue
        return None
    return None


def _from_parse(
    art: ArticleView, q: Quotation, inside_all: set[int], cues: SpeakerCues, bounds: set[int] | None = None
) -> _Found | None:
    n = q.paragraph
    doc = art.docs.get(n)
    if doc is None:
        return None
    base = art.offset(n)
    qs, qe = q.start - base, q.end - base
    mine = {t.i for t in doc if qs - 1 <= t.idx < qe + 1}
    if not mine:
        return None
    first, last = min(mine), max(mine)
    sents = [s for s in doc.sents if s.end > first - 1 and s.start <= last + 1]
    # the window ends at the next quotation (not at a quoted word or two): its verb is its own
    other = sorted(i for i in (inside_all if bounds is None else bounds) if i not in mine)
    lo = max([i for i in other if i < first] + [sents[0].start - 1]) + 1
    hi = min([i for i in other if i > last] + [sents[-1].end])
    tokens = [t for t in doc[lo:hi] if t.i not in inside_all]
    home_sents = {t.sent.start for t in doc[first : last + 1]}
    own = [t for t in tokens if t.sent.start in home_sents]
    if any(
        t.pos_ == "VERB" and not _reports(t, cues, mine) and (t.head.i in mine or any(c.i in mine for c in t.children))
        for t in own
    ):
        tokens = own  # "Clinton called Ohio “…”. But others said …": the next sentence's verb is not this quote's
    # "Name: “…”"
    before = [t for t in doc[max(sents[0].start, lo) : first] if not t.is_space]
    if before and before[-1].text == ":" and len(before) >= 2:
        head = before[-2]
        response = head.dep_ in ("pobj", "nmod", "obl") and (
            head.head.head.lemma_.lower() in RESPONSES
            or head.head.lemma_.lower() in RESPONSES
            or _sent_by(head, cues)  # "a text message from Amy Doe: “…”": its sender
        )
        k = head.i
        while (
            head.pos_ == "PROPN"
            and k - 1 > max(sents[0].start, lo)
            and (doc[k - 1].pos_ == "PROPN" or doc[k - 1].lower_ == "the")
        ):
            k -= 1
        if (
            head.pos_ == "PROPN"
            and k - 2 >= max(sents[0].start, lo)
            and doc[k - 1].text == ","
            and doc[k - 2].pos_ == "PROPN"
            and k - 2 not in inside_all
            and doc[k - 2].ent_type_ not in NOT_SPEAKERS
        ):
            head = doc[k - 2]  # "Howard Kurtz, Fox News: “…”": the person, then the outlet
        start = max(sents[0].start, lo)
        lead = [t for t in before[:-1] if not t.is_space]
        if lead and lead[0].pos_ == "PROPN" and not any(t.pos_ in ("VERB", "AUX") for t in lead) and len(lead) <= 14:
            head = lead[0]  # "Windsor Mann, editor of The Quotable Hitchens: “…”"
            while head.i + 1 < first and doc[head.i + 1].pos_ == "PROPN":
                head = doc[head.i + 1]
        elif head.pos_ == "PROPN" and k - 1 >= start and doc[k - 1].text in ("-", "—", "–"):
            response = True  # "HEADLINE - Frank Newport and Jim Harter: “…”"
        if (
            head.pos_ == "PROPN"
            and (
                head.dep_ not in ("pobj", "dobj", "obj", "iobj", "obl", "nmod")
                or response
                or head is (lead[0] if lead else None)
                or head.i + 1 < first
                and doc[head.i + 1].text == ","
            )
            and (head.head.i >= first or response or head.dep_ in ("ROOT", "nsubj", "appos", "npadvmod", "dep"))
        ):
            found = _phrase(head, cues, inside_all, doc, base)
            if found is not None:
                found.how = "colon"
                return found
    verbs = [t for t in tokens if _reports(t, cues, mine)]
    home = {t.sent.start for t in doc[first : last + 1]}
    verbs.sort(key=lambda t: (not _governs(t, mine), t.sent.start not in home, min(abs(t.i - first), abs(t.i - last))))
    for v in verbs:
        if (
            v.sent.start not in home
            and v.dep_ in ("relcl", "acl:relcl")
            and any(c.dep_ == "ccomp" and not any(x.i in mine for x in c.subtree) for c in v.children)
        ):
            continue  # "… the people who have told him they have never seen this. “…”": that verb says its own words
        s = None
        if v.i >= 1 and doc[v.i - 1].text == "," and v.tag_ != "VBG":
            s = _adjacent(v, inside_all, cues, left_only=True)  # "Gene Sperling, a top Clinton adviser, said"
            if s is not None and s.ent_type_ not in ("PERSON", "PER"):
                subj = _subject(v, cues, inside_all)  # "X, editor of The Forward, a newspaper …, wrote": X
                s = subj if subj is not None and subj.ent_type_ in ("PERSON", "PER") else s
        if s is None:
            s = _subject(v, cues, inside_all)
        if s is None and v.tag_ != "VBG":
            s = _adjacent(v, inside_all, cues)
        if s is None:
            continue
        found = _phrase(s, cues, inside_all, doc, base)
        if found is not None and found.how == "document":
            # "X “recalled …”, according to a press release": the sentence's subject, not the paper
            root = v.sent.root
            subj = [
                c
                for c in root.children
                if c.dep_ in SUBJECT_DEPS
                and c.i not in inside_all
                and (c.pos_ == "PROPN" or c.ent_type_ in ENTITY_SPEAKERS)
            ]
            better = _phrase(subj[0], cues, inside_all, doc, base) if subj and root is not v else None
            return better or found
        if found is not None:
            return found
    # "according to X"
    for t in tokens:
        if t.lower_ in ("selon", "d'après", "d’après") and t.dep_ == "case" and t.head.i not in inside_all:
            found = _phrase(t.head, cues, inside_all, doc, base)  # "selon le préfet X": the noun governs "selon"
            if found is not None:
                found.how = "according"
                return found
        if t.lower_ in ("according", "selon", "d'après", "d’après"):
            objs = [
                g
                for c in t.children
                for g in ([c] + list(c.children))
                if g.dep_ in ("pobj", "obj", "nmod", "obl") and g.i not in inside_all
            ]
            if not objs and t.i + 1 < len(doc):
                objs = [c for c in doc[t.i + 1].children if c.dep_ in ("pobj", "obj")]
            for o in objs:
                found = _phrase(o, cues, inside_all, doc, base)
                if found is not None:
                    found.how = "according"
                    return found
    # "the Illinois Board of Elections was conclusive in its findings: “…”": the subject before the colon
    if before and before[-1].text == ":" and len(before) >= 2:
        root = before[-2]
        while root.head is not root and root.head.i < first and root.dep_ not in ("ROOT",):
            root = root.head  # the clause before the colon
        subj = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < before[-1].i and c.i not in inside_all]
        named = subj and any(
            c.dep_ == "appos" and c.ent_type_ in ("PERSON", "PER") and c.i not in inside_all for c in subj[0].children
        )  # "One early supporter, Representative Lee Zeldin, gave the technique a whirl: “…”"
        if subj and (subj[0].pos_ in ("PROPN", "PRON") or subj[0].ent_type_ in ENTITY_SPEAKERS or named):
            found = _phrase(subj[0], cues, inside_all, doc, base)
            if found is not None:
                found.how = "colon"
                return found
    return None


_VERBAL = ("VERB", "AUX", "PRON")


def _sent_by(name: Any, cues: SpeakerCues) -> bool:
    """A name after a document's sender preposition: "a message from X", "received an email from X"."""
    name = name.head if name.dep_.startswith("flat") else name  # "Hélène Brandt": the name's first word
    return name.i in {t.i for t in document_senders(name.head, cues)}


def _adjacent(verb: Any, inside: set[int], cues: SpeakerCues, left_only: bool = False) -> Any | None:
    """The name right before a reporting verb the parse gave no subject ("Beck joked", "X, 58, said"),
    or right after it ("said Jane Doe")."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and i not in inside:
        i -= 1
    if i >= 1 and doc[i].text == "," and i not in inside:
        # "Sullivan, said"; "Ramos, 58, told"; "Sean Spicer, soon to be portrayed as …, muttered"
        commas = [j for j in range(i - 1, max(-1, i - 16), -1) if doc[j].text == "," and j not in inside]
        names = [
            j - 1
            for j in commas
            if j >= 1
            and doc[j - 1].pos_ == "PROPN"
            and j - 1 not in inside
            and doc[j - 1].ent_type_ not in NOT_SPEAKERS | {"GPE"}
        ]
        names.sort(key=lambda j: doc[j].ent_type_ not in ("PERSON", "PER"))  # "Harry Bond, 30, of Raleigh, N.C., said"
        if not commas:  # "“…,” Representatives Jane Roe of Ohio and John Doe of Iowa, wrote": the names after the quote
            j = i - 1
            while j > i - 16 and j >= 0 and j not in inside and not doc[j].is_quote and doc[j].pos_ not in _VERBAL:
                j -= 1
            edge = j >= 0 and (j in inside or doc[j].is_quote)
            if edge and doc[j + 1].pos_ == "PROPN" and doc[j + 1].ent_type_ not in NOT_SPEAKERS | {"GPE"}:
                names = [j + 1]
                while doc[names[0] + 1].pos_ == "PROPN" and names[0] + 1 < i:
                    names = [names[0] + 1]
        if left_only and not names:
            return None
        i = names[0] if names else i - 1
    if (
        0 <= i
        and i not in inside
        and not doc[i].is_quote
        and (
            doc[i].pos_ in ("PROPN", "PRON")
            or doc[i].lower_ in cues.persons
            or doc[i].lower_ in cues.groups
            or doc[i].lower_ in cues.documents
            or doc[i].pos_ == "NOUN"
            and doc[i].text[:1].isupper()
            and i >= 1
            and doc[i - 1].is_punct
        )
    ):
        return doc[i]
    if left_only:
        return None
    k = verb.i + 1
    while k < len(doc) and doc[k].lower_ in cues.determiners:
        k += 1
    if (
        verb.lemma_.lower() not in cues.drop_verbs
        and k < len(doc)
        and k not in inside
        and (
            doc[k].pos_ == "PROPN"
            or doc[k].lower_ in cues.persons
            or doc[k].text[:1].isupper()
            and doc[k].is_alpha
            and not doc[k].is_stop
        )
    ):  # "said Skelly" (tagged ADV)
        while (
            k + 1 < len(doc)
            and k + 1 not in inside
            and (
                doc[k + 1].pos_ == "PROPN"
                or doc[k + 1].lower_ in ("'s", "’s")
                and k + 2 < len(doc)
                and doc[k + 2].pos_ in ("PROPN", "NOUN")
            )
        ):
            k += 2 if doc[k + 1].lower_ in ("'s", "’s") else 1  # "opined Cleveland's Plain Dealer"
        return doc[k] if doc[k].ent_type_ not in NOT_SPEAKERS else None
    return None


def _reports(t: Any, cues: SpeakerCues, mine: set[int] | None = None) -> bool:
    """A reporting verb: "said", "a déclaré"; "shot back", "put it" ("As X put it, …"); with ``mine``,
    also a verb that takes these quoted words as its object ("Clinton called Ohio “…”")."""
    lemma = t.lemma_.lower()
    if (
        t.pos_ == "NOUN"
        and (lemma in cues.verbs or t.lower_.rstrip("s") in cues.verbs)
        and t.i >= 2
        and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN")
        and any(x.is_quote for x in t.doc[max(0, t.i - 7) : t.i - 1])
    ):
        return True  # "“…,” the email read": a verb the tagger took for a noun, right after the quote's frame
    if t.pos_ not in ("VERB", "AUX") or (t.pos_ == "AUX" and lemma not in ("say", "dire")):
        return False
    if lemma in cues.verbs:
        return True
    if mine and lemma in cues.framing and any(c.i in mine for c in t.children):
        return True
    kids = {c.lower_ for c in t.children if c.dep_ in ("prt", "dobj", "obj", "advmod", "compound:prt")}
    return lemma in ("shoot", "fire", "hit", "push", "snap") and "back" in kids or lemma == "put" and "it" in kids


def _governs(verb: Any, mine: set[int]) -> bool:
    """Is the verb the frame of these quoted tokens (their head, or one of them is its head)?"""
    if verb.head.i in mine:
        return True
    return any(verb.doc[i].head.i == verb.i for i in mine)


def _introduced(art: ArticleView, n: int, cues: SpeakerCues) -> _Found | None:
    """The speaker a paragraph ending "X said:" introduces for the next one."""
    doc = art.docs.get(n)
    if doc is None or not doc.text.rstrip().endswith(":"):
        return None
    sent = list(doc.sents)[-1]
    verbs = sorted((t for t in sent if _reports(t, cues)), key=lambda t: -t.i) + [sent.root]
    for v in verbs:
        s = _subject(v, cues)
        if s is not None and (v is not sent.root or s.pos_ == "PROPN" or s.ent_type_ in ENTITY_SPEAKERS):
            found = _phrase(s, cues, set(), doc, art.offset(n))
            if found is not None:
                found.how = "introduced"
                return found
    return None


def _sentence_before(art: ArticleView, q: Quotation, inside: set[int], cues: SpeakerCues) -> _Found | None:
    """A quotation opening its sentence with no frame of its own, right after a sentence (without quotation)
    whose reporting verb has a subject: "Le ministre X a déclaré que … . « … »"."""
    doc, base = art.docs.get(q.paragraph), art.offset(q.paragraph)
    if doc is None:
        return None
    mine = [t for t in doc if q.start - base - 1 <= t.idx < q.end - base + 1]
    if not mine:
        return None
    sent = mine[0].sent
    k = min(sent.start, mine[0].i) - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1  # "«" parsed as a sentence of its own
    if (
        k < 0
        or any(not (t.is_quote or t.is_space or t.is_punct) for t in doc[sent.start : mine[0].i])
        or doc[k].text not in (".", "!", "?", ":")
    ):
        return None
    prev = doc[k].sent
    if any(t.i in inside or t.is_quote for t in prev):
        return None
    for v in sorted((t for t in prev if _reports(t, cues)), key=lambda t: t is not prev.root):
        subj = _subject(v, cues, inside)
        if subj is not None and subj.i in range(prev.start, prev.end):
            found = _phrase(subj, cues, inside, doc, base)
            if found is not None:
                return found
    return None


def _resolve(art: ArticleView, found: _Found, at: int, previous: Sequence[Quotation]) -> tuple[str | None, str]:
    """A pronoun or a role to the person the article last named; a short name to its full form."""
    cues = art.cues
    if found.pronoun in cues.things:  # "“…,” it stated": the organisation the sentence before is about
        return art.organisation_before(at), "pronoun"
    if found.pronoun is not None:
        want = cues.pronouns.get(found.pronoun)
        if want not in ("m", "f"):
            return None, "pronoun"
        # the most salient person whose gender fits; two close ones: unclear
        return art.salience().resolve(at, want=want), "pronoun"
    if found.role is not None:
        # "the spokeswoman": the person introduced with that role, when only one was
        names = {m.name for m in art.mentions if m.start < at and m.person and found.role in m.roles}
        names = {art.full.get(n.split()[-1], n) for n in names}
        if len(names) == 1:
            return f"{found.speaker} {names.pop()}", "role"
        return found.speaker, "role"
    name = found.speaker
    toks = name.split()
    if toks and toks[-1] in art.full and len(toks) <= 2 and all(t[:1].isupper() for t in toks):
        full = art.full[toks[-1]]
        if full != name and (len(toks) == 1 or toks[0].rstrip(".").lower() in cues.titles):
            return full, found.how
    return name, found.how


def parsed_quotations(text: str, cues: SpeakerCues, nlp: Any) -> list[Quotation]:
    quotes = marked_quotations(text, cues)
    if not quotes:
        return []
    paras = paragraph_spans(text)
    wanted = {q.paragraph for q in quotes}
    wanted |= {n - 1 for n in wanted if n > 0}
    art = ArticleView(text, cues, nlp, wanted)
    spans = [(q.start, q.end) for q in quotes]
    art.mentions = [m for m in art.mentions if not any(a <= m.start < b for a, b in spans)]
    art.quoted = spans
    inside: dict[int, set[int]] = {}
    bounds: dict[int, set[int]] = {}
    for q in quotes:
        doc = art.docs[q.paragraph]
        qs, qe = q.start - art.offset(q.paragraph), q.end - art.offset(q.paragraph)
        toks = {t.i for t in doc if qs - 1 <= t.idx < qe + 1}
        inside.setdefault(q.paragraph, set()).update(toks)
        bounds.setdefault(q.paragraph, set()).update(toks if not q.short else ())
    unclear: list[tuple[Quotation, _Found]] = []
    for k, q in enumerate(quotes):
        if transcript_turn(q):
            continue
        found = _from_parse(art, q, inside[q.paragraph], cues, bounds[q.paragraph])
        if found is not None and found.pronoun in cues.things and art.organisation_before(found.start) is None:
            found = None  # "it" for no organisation named just before: read as if no subject were there
        if found is not None and found.pronoun is not None:
            # "X said … “…,” he added": the speaker of the paragraph's previous quotation, when it fits
            prev = next((p for p in reversed(quotes[:k]) if p.paragraph == q.paragraph and p.speaker), None)
            last = (prev.speaker or " ").split()[-1] if prev is not None else ""
            plural = last[:1].islower() and last.endswith("s") and last not in cues.persons
            if (
                prev is not None
                and not plural
                and found.pronoun not in cues.first_person  # "“…?” I ask": the writer, not the last speaker
                and art.gender_of(prev.speaker or "") in (None, cues.pronouns.get(found.pronoun))
            ):
                # unless the salience of the text's persons, who knows that one, clearly points to another
                sal = art.salience()
                other = sal.resolve(found.start, want=cues.pronouns.get(found.pronoun))
                if (
                    other is None
                    or not sal.known(prev.speaker or "")
                    or other.split()[-1] == (prev.speaker or " ").split()[-1]
                ):
                    q.speaker, q.how, q.speaker_start, q.speaker_end = prev.speaker, "pronoun", found.start, found.end
                    continue
        if found is not None:
            q.speaker, q.how = _resolve(art, found, found.start, quotes)
            q.speaker_start, q.speaker_end = found.start, found.end
            if q.speaker is None:
                q.how = "unclear " + q.how
                if found.pronoun is not None:
                    unclear.append((q, found))
    if unclear:  # "she added" with nobody named nearby: read the earlier paragraphs for the person
        art.read_before(max(q.paragraph for q, _f in unclear), spans)
        for q, found in unclear:
            q.speaker, how = _resolve(art, found, found.start, quotes)
            q.how = how if q.speaker is not None else "unclear " + how
    for q in quotes:
        if q.speaker is None and not q.how:
            found = _sentence_before(art, q, inside[q.paragraph], cues)
            if found is not None:
                q.speaker, how = _resolve(art, found, found.start, quotes)
                q.how = "sentence before" if q.speaker is not None else "unclear " + how
            elif (view := view_colon(art, q, inside[q.paragraph])) is not None:
                q.speaker, q.speaker_start, q.speaker_end = view
                q.how = "view"
            elif (tag := verbless_tag(art, q, inside[q.paragraph])) is not None:
                q.speaker, q.speaker_start, q.speaker_end = tag
                q.how = "tag"
    continued_quotes(text, quotes, paras, lambda n: _introduced(art, n, cues))
    signed_quotes(text, quotes, paras, cues)
    discourse_speakers(text, quotes, paras, art, cues)
    return join_incises(text, [q for q in quotes if kept_quote(text, q, paras)])
