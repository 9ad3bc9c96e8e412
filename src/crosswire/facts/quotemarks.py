"""Quotations as marked in a text: the quotation marks of each language, paragraphs, headlines and
scare quotes (too short to be anyone's words), before any speaker is read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crosswire.facts.speaker_cues import SpeakerCues

__all__ = ["Quotation", "MIN_WORDS"]

MIN_WORDS = 4  # shorter quoted phrases are scare quotes, not anyone's words
CONTINUED_SENTENCES = 2  # sentences of narration between two quotations of one paragraph that still continue
HEADLINE_WORDS = 20  # a first paragraph this short, in title case or with a colon, is a headline
_PARAGRAPHS = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
SUBJECT_DEPS = {"nsubj", "expl:subj"}
PASSIVE_DEPS = {"nsubjpass", "nsubj:pass"}  # "X can be heard asking": X, once climbed from "asking"
CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "parataxis", "acomp", "pcomp", "prep"}  # "… by saying, “…”"
# fmt: off
NAME_DEPS = {"compound", "flat", "flat:name", "flat:foreign", "amod", "nmod", "nmod:poss", "poss", "case",
              "det", "nummod", "appos", "fixed", "cc", "conj", "prep", "pobj"}
# fmt: on
ENTITY_SPEAKERS = {"PERSON", "PER", "ORG", "NORP", "GPE"}
# fmt: off
NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LOC", "FAC", "EVENT",
                 "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
# fmt: on
NOT_SPEAKER_WORDS = frozenset(
    "argument comment moment element amount event content percent agreement development "
    "payment treatment investment announcement number order border water matter chapter "
    "center centre power poster sticker banner screen computer meter filter trailer "
    "thing things way time times day week year fact idea question point part one none "
    "lot kind sort number result something nothing everything anything".split()
)
# the days of the week (en, fr, de, es) and the parts of a day: a time, never who speaks ("tweeting Saturday: “…”")
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow "
    "morning afternoon evening night lundi mardi mercredi jeudi vendredi samedi dimanche "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lunes martes miércoles jueves viernes sábado domingo".split()
)
# a photo caption's words, that NER may take for a person ("| Photo by Reuters"): never someone a pronoun means
CAPTION_WORDS = frozenset("photo photos image images picture video file credit caption getty foto bild".split())
# who says nothing of who: "others said", "someone wrote" (no speaker rather than these)
VAGUE_SPEAKERS = frozenset(
    "others other some many several few everyone everybody someone somebody anyone anybody".split()
)
CONJUNCTIONS = frozenset("and or but nor et ou mais und oder aber y o pero".split())  # never a name's last word
RESPONSES = frozenset("response reply reaction answer réponse réaction riposte".split())  # "Response from X: “…”"
RELATIVES = {"who", "that", "which", "qui", "que"}


@dataclass(slots=True)
class Quotation:
    """One quotation of an article: its words (without the marks) and who said them."""

    start: int  # character offsets of the quoted words in the article text
    end: int
    text: str
    speaker: str | None = None  # a name, organisation or role; None: not clear from the text
    speaker_start: int | None = None  # where the text names the speaker (the pronoun for "he said")
    speaker_end: int | None = None
    how: str = ""  # verb | according | colon | continued | introduced | token
    paragraph: int = 0
    short: bool = False  # under MIN_WORDS: kept only with a reporting verb right beside it


# --------------------------------------------------------------------------------------------
# Quotation marks
# --------------------------------------------------------------------------------------------


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARAGRAPHS.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _opens(text: str, k: int) -> bool:
    """Can a straight or single mark at ``k`` open a quotation? (start, after a space or a bracket)"""
    return k == 0 or not (text[k - 1].isalnum() or text[k - 1] in ".,;!?")


def _marked(text: str, a: int, b: int, cues: SpeakerCues) -> tuple[list[tuple[int, int]], int | None]:
    """Quoted spans (inside the marks) of ``text[a:b]``, and where a quotation left open starts."""
    openers = {o: c for o, c in cues.pairs}
    spans: list[tuple[int, int]] = []
    k, open_at, closer = a, None, ""
    while k < b:
        ch = text[k]
        if open_at is None:
            if ch in openers and ch != '"' and k + 1 < b:
                open_at, closer = k, openers[ch]
            elif ch == '"' and k + 1 < b and not text[k + 1].isspace():
                open_at, closer = k, openers.get('"', '"')
        elif ch in closer and k > open_at + 1:
            spans.append((open_at + 1, k))
            open_at = None
        elif ch == "'" and text[open_at] == '"' and text[k : k + 2] == "''" and k > open_at + 1:
            spans.append((open_at + 1, k))  # "He was armed,'' said X: two apostrophes close a straight quotation
            open_at = None
            k += 1
        elif text[open_at] == '"' and ch in openers and ch != '"':
            open_at, closer = k, openers[ch]  # a stray straight mark before a curly quotation
        k += 1
    # single marks, outside the double ones: ‘…’ and '…' (an apostrophe has letters on both sides)
    taken = [(s - 1, e + 1) for s, e in spans]
    for m in re.finditer(r"(?<![\w’'])[‘'](?=\w)([^‘’'\"“”«»\n]{3,}?[\w.,!?…])[’'](?![\w])", text[a:b]):
        s, e = a + m.start(1), a + m.end(1)
        if not any(x <= s < y for x, y in taken):
            spans.append((s, e))
    spans.sort()
    return spans, (open_at + 1 if open_at is not None else None)


def _quote_spans(text: str, cues: SpeakerCues) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of the quoted passages of an article, marks excluded.

    A quotation left open at a paragraph's end is a quotation only when the next paragraph opens
    with a quotation mark (news style for a quote running over paragraphs): it ends with its
    paragraph.  A quotation left open otherwise is a broken text: nothing.
    """
    paras = paragraph_spans(text)
    openings = "".join(o for o, _c in cues.pairs)
    out: list[tuple[int, int, int]] = []
    for n, (a, b) in enumerate(paras):
        spans, left_open = _marked(text, a, b, cues)
        out.extend((s, e, n) for s, e in spans)
        if left_open is not None and n + 1 < len(paras) and text[paras[n + 1][0]] in openings:
            out.append((left_open, b, n))
    return out


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


_STOP = frozenset(
    "a an the of and or to in on at for by with from as is be it its this that le la les de des "
    "du et à en un une der die das und von zu el los las del y".split()
)


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _STOP]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _is_headline(text: str, a: int, b: int, n: int, paragraphs: int) -> bool:
    if n != 0 or paragraphs < 2:
        return False
    ws = _words(text[a:b])
    if len(ws) > HEADLINE_WORDS:
        return False
    caps = sum(1 for w in ws if w[:1].isupper())
    # "Trump: ‘We are going to win’", or a headline's capitals
    m = re.match(r"([^:.]{1,40}):\s*[\"“‘'«„]", text[a:b])
    lead = _words(m.group(1)) if m else []
    return bool(lead) and (len(lead) <= 2 or _title_case(lead)) or caps >= 0.6 * len(ws)


def marked_quotations(text: str, cues: SpeakerCues) -> list[Quotation]:
    """The quotations of an article, before any speaker: headlines, titles and scare quotes left out."""
    paras = paragraph_spans(text)
    out: list[Quotation] = []
    for s, e, n in _quote_spans(text, cues):
        q = text[s:e].strip()
        lead = len(text[s:e]) - len(text[s:e].lstrip())
        s, e = s + lead, s + lead + len(q)
        q = q.rstrip(" ,;:")
        e = s + len(q)
        ws = _words(q)
        if not ws or _is_headline(text, *paras[n], n, len(paras)):
            continue
        if _title_case(ws) and not re.search(r"[.!?,]\W*$", q):
            continue  # "Saturday Night Live", "Make America Great Again": a name, not words said
        before = _words(text[max(paras[n][0], s - 40) : s])
        if before and before[-1].lower() in cues.works:
            continue
        out.append(Quotation(s, e, q, paragraph=n, short=len(ws) < MIN_WORDS))
    return out


# --------------------------------------------------------------------------------------------
# Names, and quotations kept or continued (for every reading, parse or tokens)
# --------------------------------------------------------------------------------------------


def clean_name(s: str, cues: SpeakerCues) -> str:
    s = re.sub(r"[\"“”«»„\u200b]", "", s)  # 'Gary” Thomas', a zero-width space inside a name
    s = re.sub(r"['’]s?$", "", s.strip(" ,.;:\"“”«»'’\n")).strip()
    toks = [t for t in s.split() if "/" not in t and "@" not in t]  # no links in a name
    while toks and re.match(r"\d+[.,]\w", toks[0]):
        toks = toks[1:]  # "33.The rapper": the end of the previous sentence glued to the name
    while toks and toks[0].lower() in cues.determiners:
        toks = toks[1:]
    while toks and re.match(r"^(?:\d+-)?(?:years?|ans?|jahre?|años?)-(?:old|jährige[rn]?)$|^-?old$", toks[0].lower()):
        toks = toks[1:]  # "71-year-old diplomat" whose number was cut: "diplomat", not "year-old diplomat"
    while toks and toks[-1].lower() in CONJUNCTIONS:
        toks = toks[:-1]  # "former secretary of state and": never a fragment
    return " ".join(toks)


_SIGNATURE = re.compile(r"[-—–]\s*((?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w’'\-]+)\s*(?:[,.]|$)")


def signed_quotes(text: str, quotes: list[Quotation], paras: list[tuple[int, int]], cues: SpeakerCues) -> None:
    """A quotation standing alone, signed on the next line ("— Sanders.", "-President Obama, tweeting")."""
    for q in quotes:
        if q.speaker is not None or q.paragraph + 1 >= len(paras):
            continue
        a, b = paras[q.paragraph + 1]
        m = _SIGNATURE.match(text, a, min(b, a + 80))
        if m and not text[q.end : paras[q.paragraph][1]].strip(' .,;:!?"”’»'):
            name = clean_name(m.group(1), cues)
            if name:
                q.speaker, q.how, q.speaker_start, q.speaker_end = name, "signed", m.start(1), m.end(1)


def kept_quote(text: str, q: Quotation, paras: list[tuple[int, int]]) -> bool:
    """Listed: a quotation with a speaker, or one standing as a sentence; a short one ("“It’s doable,” Risch
    said") only with its speaker's verb right beside it."""
    if q.short:
        return (
            q.how in ("verb", "colon")
            and q.speaker_start is not None
            and (q.end <= q.speaker_start <= q.end + 30 or q.start - 40 <= (q.speaker_end or 0) <= q.start)
        )
    return q.speaker is not None or not _in_narration(text, q, paras)


def continued_quotes(text: str, quotes: list[Quotation], paras: list[tuple[int, int]], introduced: Any) -> None:
    """Quotations without a verb of their own continue the previous one (same paragraph, or the paragraph
    before when theirs opens with the quotation)."""
    for k, q in enumerate(quotes):
        if q.speaker is not None or q.how.startswith("unclear"):
            continue
        prev = quotes[k - 1] if k else None
        a = paras[q.paragraph][0]
        opens_paragraph = not text[a : q.start - 1].strip()
        if prev is not None and prev.speaker and prev.paragraph == q.paragraph:
            between = text[prev.end + 1 : max(prev.end + 1, q.start - 1)]
            if between.rstrip().endswith(":") and _NEW_SENTENCE.search(between):
                continue  # a sentence of its own introduces it ("El artículo 205 señala: «…»"): not the last speaker's
            if len(_NEW_SENTENCE.findall(between)) > CONTINUED_SENTENCES:
                continue  # narration of its own between: no longer the last speaker's quotation
            q.speaker, q.how = prev.speaker, "continued"
        elif opens_paragraph and q.paragraph > 0:
            got = introduced(q.paragraph - 1)
            if got is not None and got.pronoun is None and got.role is None:
                q.speaker, q.how = got.speaker, "introduced"
            elif (
                prev is not None
                and prev.speaker
                and prev.paragraph == q.paragraph - 1
                and _ends_with_quote(text, prev, paras)
            ):
                q.speaker, q.how = prev.speaker, "continued"  # a paragraph of the same quotation


_NEW_SENTENCE = re.compile(r"[.!?][\"”’»]?\s+\S")


def _ends_with_quote(text: str, prev: Quotation, paras: list[tuple[int, int]]) -> bool:
    """Does the paragraph end with the sentence of its last quotation (the quote and its frame)?"""
    rest = text[prev.end : paras[prev.paragraph][1]]
    return not re.search(r"[.!?][\"”’»]?\s+[A-Z“\"«]", rest[1:] if rest[:1] in '"”’»' else rest)


def _in_narration(text: str, q: Quotation, paras: list[tuple[int, int]]) -> bool:
    """Is this quoted phrase part of a sentence of narration ("a “sizable army” of reporters")?"""
    a = paras[q.paragraph][0]
    before = text[a : max(a, q.start - 1)].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in "’'") and not before.endswith(":")


_INCISE = re.compile(r"^[\s,]*[^\s,«»“”\"„][^«»“”\"„.!?;:]{0,90},\s*$")


def join_incises(text: str, quotes: list[Quotation]) -> list[Quotation]:
    """“We are ready,” said X, “to go back to work”: one quotation, cut by the incise naming its speaker."""
    out: list[Quotation] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.paragraph == q.paragraph
            and prev.speaker_start is not None
            and prev.end < prev.speaker_start < q.start
            and q.speaker in (None, prev.speaker)
            and not re.search(r"[.!?]\W*$", text[prev.start : prev.end + 1])
            and _INCISE.match(text[prev.end + 1 : q.start - 1])
        ):
            out[-1] = Quotation(
                prev.start,
                q.end,
                f"{prev.text} {q.text}",
                prev.speaker,
                prev.speaker_start,
                prev.speaker_end,
                prev.how,
                prev.paragraph,
            )
            continue
        out.append(q)
    return out


_TRANSCRIPT = re.compile(r"^((?:[A-Z][A-Z.’'\-]+\s){0,3}[A-Z][A-Z.’'\-]+):\s")


def transcript_turn(q: Quotation) -> bool:
    """A transcript's turn inside the marks ("PENCE: Well, …"): the speaker is its all-capitals name."""
    m = _TRANSCRIPT.match(q.text)
    if not m or m.group(1) in ("VIDEO", "AUDIO", "UPDATE", "NOTE", "BREAKING", "WATCH", "READ", "EDITOR'S NOTE"):
        return False
    q.speaker, q.how, q.speaker_start = m.group(1).title(), "transcript", q.start
    q.speaker_end = q.start + m.end(1)
    return True
