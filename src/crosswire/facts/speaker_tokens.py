"""Speakers from tokens, for languages without a parser here (German, Spanish): the incise after a
quotation („…“, sagte X; "…", dijo X), "X sagte:", laut/según X; otherwise no speaker."""

from __future__ import annotations

import re
from functools import lru_cache

from crosswire.facts.quotemarks import (
    Quotation,
    clean_name,
    continued_quotes,
    kept_quote,
    marked_quotations,
    paragraph_spans,
    signed_quotes,
)
from crosswire.facts.speaker_cues import CUES, SpeakerCues
from crosswire.facts.speaker_token_refs import (
    TokenPerson,
    bare_role,
    resolve_pronoun,
    resolve_role,
    role_gender,
    token_persons,
)
from crosswire.facts.speaker_turns import MAX_SENTENCES_BETWEEN, first_person

__all__ = ["token_quotations"]


# --------------------------------------------------------------------------------------------
# Speakers from tokens (languages without a parser here)
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _token_rules(language: str) -> tuple[re.Pattern[str], ...]:
    c = CUES[language]
    verbs = "|".join(sorted((re.escape(v) for v in c.verbs), key=len, reverse=True))
    dets = "|".join(sorted((re.escape(d) for d in c.determiners), key=len, reverse=True))
    links = "|".join(sorted((re.escape(d) for d in c.name_links), key=len, reverse=True))
    roles = "|".join(sorted((re.escape(r) for r in c.persons | c.groups), key=len, reverse=True))
    # a name's word; a period only after an abbreviation ("Dr.", "Sr."), never the sentence's end ("Holt. Die …")
    cap = r"(?:[A-ZÀ-ÞĀ-Ž][a-zà-ÿ]{0,2}\.(?=[ \t]+[A-ZÀ-ÞĀ-Ž])|[A-ZÀ-ÞĀ-Ž][\w’'\-]+)"
    name = rf"(?:{cap}(?:[ \t]+(?:(?:{links})[ \t]+)?{cap}){{0,4}})"  # within a line
    role = rf"(?:(?:{roles})(?:\s+(?:{links})(?:\s+(?:{dets}))?\s+[\w\-]+){{0,2}})"
    speaker = rf"((?:(?i:{dets})\s+)?(?:{role}(?:\s*,?\s*{name})?|{name}))"
    pron = "|".join(re.escape(p) for p in c.pronouns)
    closes = "".join(re.escape(x) for _o, cl in c.pairs for x in cl)
    rwords = "|".join(re.escape(w) for w in c.recipient_words) or "(?!)"
    rstems = "|".join(re.escape(w) for w in c.recipient_stems) or "(?!)"
    # "sagte der Zeitung ein Sprecher", "dijo a la prensa X": the one told is not the speaker
    recip = rf"(?:(?i:{rwords})\s+(?:(?i:{dets})\s+)?[\w\-]*(?i:{rstems})(?:en|n|s|es)?\b(?:\s+{cap})??\s+)?"
    after = re.compile(
        rf"^[{closes}]?\s*[,.]?\s*(?:{verbs})\s+{recip}(?:(?:{pron})\b|{speaker})"
        rf"(?=\s*(?:[,.;:!?]|$|\s))"
    )
    pronoun_after = re.compile(rf"^[{closes}]?\s*[,.]?\s*({verbs})\s+({pron})\b")
    before = re.compile(
        rf"(?:^|[.!?;]\s+|,\s+){speaker},?\s+(?:[\wäöüßáéíóúñ]+\s+){{0,4}}?(?:{verbs})\b"
        rf"[^.!?\"“”„«»]{{0,60}}:\s*$"
    )
    acc = "|".join(re.escape(a) for a in c.according)
    # "según X", and "según comentó X" (a reporting verb between: the one who said it follows)
    according = re.compile(rf"(?:^|\W)(?i:{acc})\s+(?:(?:{verbs})\s+)?{speaker}")
    # "…", sagte der französische Wirtschafts- und Finanzminister: a role noun phrase after the verb, its
    # head a noun holding a role's stem (German compounds), adjectives and a coordinated first part allowed
    stems = "|".join(sorted((re.escape(x) for x in c.role_stems), key=len, reverse=True)) or "(?!)"
    head = rf"(?=[A-ZÄÖÜ])[\w\-]*(?i:{stems})\w*"
    role_np = rf"((?:[a-zäöüß]+\s+){{0,2}}(?:[A-ZÄÖÜ][\w\-]*-\s+(?:und|oder|and|y|e)\s+)?{head}(?:\s+{name})?)"
    after_role = re.compile(rf"^[{closes}]?\s*[,.]?\s*(?:{verbs})\s+{recip}(?i:{dets})\s+{role_np}")
    # the sentence before a quotation that has no frame of its own: "…, dijo a la prensa X, jefe de …."
    previous = re.compile(rf"(?:^|\s)(?:{verbs})\s+{recip}{speaker}(?=\s*(?:[,.;:!?]|$))")
    # ... or "X dijo que …" (a language whose subject comes first; not German, whose first place is anyone's)
    subject_first = re.compile(rf"(?:^|,\s+){speaker},?\s+(?:{verbs})\b" if c.subject_first else "(?!)")
    # "X nannte ihn einen „…“", "X lo calificó de «…»": a verb whose quoted object is the subject's words
    frames = "|".join(sorted((re.escape(v) for v in c.framing), key=len, reverse=True)) or "(?!)"
    framed = re.compile(rf"(?:^|[.!?;]\s+|,\s+){speaker}\s+(?:{frames})\b[^.!?;:\"“”„«»]{{0,50}}$")
    # "X afirmó hoy que las Fuerzas Armadas «están …»": a quotation inside the speech X reports (a language whose
    # subject comes first)
    that = "|".join(re.escape(w) for w in c.that) if c.subject_first and c.that else "(?!)"
    indirect = re.compile(
        rf"(?:^|[.!?;]\s+|,\s+){speaker},?\s+(?:{verbs})\b(?:\s+[\w\-]+){{0,2}}?\s+(?:{that})\b"
        rf"[^.!?;:\"“”„«»]{{0,120}}$"
    )
    return after, pronoun_after, before, according, after_role, previous, subject_first, framed, indirect


def _token_speaker(text: str, q: Quotation, cues: SpeakerCues) -> tuple[str | None, str, int | None]:
    after, pronoun_after, before, according, after_role, _p, _s, _f, _i = _token_rules(cues.language)
    close_end = q.end + 1 if q.end < len(text) else q.end
    tail = text[q.end : q.end + 160]
    m = pronoun_after.match(tail)
    if m:
        return None, f"pronoun {m.group(2)} {m.group(1)}", q.end + m.start(2)
    m = after_role.match(tail)
    if m:
        return " ".join(m.group(1).split()), "token", q.end + m.start(1)
    m = after.match(tail)
    if m and m.group(1):
        return _token_name(m.group(1), cues), "token", q.end + m.start(1)
    head = text[max(0, q.start - 200) : max(0, q.start - 1)]
    m = before.search(head)
    if m:
        return _token_name(m.group(1), cues), "token", q.start - 1 - len(head) + m.start(1)
    sentence = text[max(0, q.start - 200) : min(len(text), close_end + 120)]
    m = according.search(sentence)
    if m:
        return _token_name(m.group(1), cues), "according", None
    return None, "", None


def _token_name(raw: str, cues: SpeakerCues) -> str | None:
    name = clean_name(raw, cues)
    toks = name.split()
    while toks and (toks[-1].lower() in cues.determiners or toks[-1].lower() in cues.name_links):
        toks = toks[:-1]  # never a fragment: "portavoz de la"
    name = " ".join(toks)
    if not toks:
        return None
    if toks[0] in cues.persons or toks[0] in cues.groups or toks[0].lower() in cues.persons:
        caps = [t for t in toks[1:] if t[:1].isupper() and t not in cues.persons and t not in cues.groups]
        if cues.language == "de" and caps and toks[-1] in caps:
            return name
        return name
    return name if all(t[:1].isupper() or t in cues.name_links for t in toks) else None


def token_quotations(text: str, cues: SpeakerCues) -> list[Quotation]:
    quotes = marked_quotations(text, cues)
    paras = paragraph_spans(text)
    persons = token_persons(text, cues, [(q.start, q.end) for q in quotes])
    for q in quotes:
        speaker, how, at = _token_speaker(text, q, cues)
        if at is not None:
            q.speaker_start = at
        if how.startswith("pronoun"):
            # "sagte er", "dijo ella": the one person of that gender named in this paragraph or the one before
            _p, pron, verb = how.split(" ", 2)
            want = cues.pronouns.get(pron)
            if pron in cues.number_pronouns:  # "sagte sie" a woman, "sagten sie" several
                one, many = cues.number_pronouns[pron]
                want = many if cues.plural_verb_endings and verb.endswith(cues.plural_verb_endings) else one
            since = paras[max(0, q.paragraph - 1)][0]
            q.speaker = resolve_pronoun(persons, at or q.end, want, since) if want in ("m", "f") else None
            q.how = "pronoun" if q.speaker else "unclear pronoun"
        elif speaker:
            q.speaker, q.how = speaker, how
            if bare_role(speaker, cues) and at is not None:
                # "sagte der Minister": the person introduced with that role, when one was; never "ein Sprecher"
                det = text[max(0, at - 12) : at].split()
                if not (det and det[-1].lower() in cues.indefinites):
                    full = resolve_role(persons, at, speaker, cues)
                    if full:
                        q.speaker, q.how = full, "role"
            role = speaker.split()[0] if speaker.split() else ""
            persons.append(
                TokenPerson(
                    at if at is not None else q.start,
                    speaker,
                    speaker,
                    _token_gender(speaker, cues) or role_gender(role, cues),
                    role.lower() if bare_role(role, cues) else "",
                )
            )
            persons.sort(key=lambda p: p.start)
    _framed(text, quotes, cues)
    _from_sentence_before(text, quotes, paras, cues)
    _labelled(text, quotes, persons, paras)
    continued_quotes(text, quotes, paras, lambda n: None)
    _first_person_continued(text, quotes, persons, cues)
    signed_quotes(text, quotes, paras, cues)
    return [q for q in quotes if kept_quote(text, q, paras)]


def _first_person_continued(text: str, quotes: list[Quotation], persons: list[TokenPerson], cues: SpeakerCues) -> None:
    """A quotation in the first person without a frame, one or two paragraphs after the last quotation, with no
    other person named between (nor a pronoun, nor more than ``MAX_SENTENCES_BETWEEN`` sentences): its speaker's."""
    prev: Quotation | None = None
    for q in quotes:
        if q.short and q.speaker is None and not q.how:
            continue
        if (
            q.speaker is None
            and not q.how
            and prev is not None
            and prev.speaker
            and not prev.how.startswith("unclear")
            and 1 <= q.paragraph - prev.paragraph <= 2
            and first_person(q.text, cues)
        ):
            between = _SPANS.sub(" ", text[prev.end + 1 : max(prev.end + 1, q.start - 1)])
            mine = {w.lower() for w in prev.speaker.split()}
            others = [
                p for p in persons if prev.end < p.start < q.start and not mine & {w.lower() for w in p.name.split()}
            ]
            pronouns = [
                w
                for w in re.findall(r"\w+", between)
                if cues.pronouns.get(w.lower()) in ("m", "f") or w.lower() in cues.number_pronouns
            ]
            if not others and not pronouns and len(_SENTENCE_END.findall(between)) <= MAX_SENTENCES_BETWEEN:
                q.speaker, q.how = prev.speaker, "first person"
        prev = q


_SPANS = re.compile(r"[„“”\"«»][^„“”\"«»]*[„“”\"«»]")  # quoted words between: not narration


def _token_gender(name: str, cues: SpeakerCues) -> str | None:
    words = [w.lower().rstrip(".") for w in name.split()]
    if any(w in cues.female or w + "." in cues.female for w in words):
        return "f"
    if any(w in cues.male or w + "." in cues.male for w in words):
        return "m"
    return None


_SENTENCE_END = re.compile(r"[.!?][\"”’»“]?\s+")


def _from_sentence_before(text: str, quotes: list[Quotation], paras: list[tuple[int, int]], cues: SpeakerCues) -> None:
    """A quotation opening a sentence, with no frame of its own, right after a sentence whose reporting verb
    names a speaker (and holds no quotation): that speaker's words."""
    previous, subject_first = _token_rules(cues.language)[5:7]
    marks = "".join(o + c for o, c in cues.pairs)
    for q in quotes:
        if q.speaker is not None or q.how:
            continue
        a = paras[q.paragraph][0]
        head = text[a : max(a, q.start - 1)].rstrip()
        if not head and q.paragraph > 0:  # the quotation opens its paragraph: the last sentence of the one before
            a = paras[q.paragraph - 1][0]
            head = text[a : paras[q.paragraph - 1][1]].rstrip()
        if not head or head[-1] not in ".!?:":
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(head[:-1])]
        sentence = head[ends[-1] if ends else 0 :].strip()
        if any(ch in marks for ch in sentence):
            continue
        m = previous.search(sentence) or subject_first.search(sentence)
        if m:
            name = _token_name(m.group(1), cues)
            if name:
                q.speaker, q.how = name, "sentence before"


def _framed(text: str, quotes: list[Quotation], cues: SpeakerCues) -> None:
    """„…“ as the object of a framing verb ("X nannte ihn einen „…“"): X's words.  Where the subject need not
    come first (German), only a speaker holding a role ("Renault-Präsident X"), never "Am Montag"."""
    framed, indirect = _token_rules(cues.language)[7:9]
    for q in quotes:
        if q.speaker is not None or q.how:
            continue
        head = text[max(0, q.start - 200) : max(0, q.start - 1)]
        m, how = framed.search(head), "framing"
        if m is None:
            m, how = indirect.search(head), "reported speech"
        name = _token_name(m.group(1), cues) if m else None
        if not name:
            continue
        low = name.lower()
        if not cues.subject_first and not (
            any(x in low for x in cues.role_stems) or any(w in cues.persons or w in cues.groups for w in name.split())
        ):
            continue
        q.speaker, q.how = name, how


# "Rossi: «…»" opening a headline, a paragraph or a sentence: a bare name and a colon before the quotation
_LABEL = re.compile(r"(?:^|[.!?][\"”»]?\s+|[”»]\s+)((?:[A-ZÀ-ÞĀ-Ž][\w’'\-]+\s+){0,2}[A-ZÀ-ÞĀ-Ž][\w’'\-]+):\s*$")


def _labelled(text: str, quotes: list[Quotation], persons: list[TokenPerson], paras: list[tuple[int, int]]) -> None:
    """A quotation after a bare name and a colon ("Rossi: «…»"): the words of the one person the article names
    so ("Agustín Rossi"), and only when it names one; a label naming nobody ("Video: «…»") gives no speaker."""
    named = {p.name for p in persons if p.sure} | {q.speaker for q in quotes if q.speaker}
    for q in quotes:
        if q.speaker is not None or q.how:
            continue
        a = paras[q.paragraph][0]
        m = _LABEL.search(text[max(a, q.start - 80) : max(a, q.start - 1)])
        if m is None:
            continue
        label = m.group(1).split()
        full = {n for n in named if n.split()[-len(label) :] == label}
        if len(full) == 1:
            q.speaker, q.how = full.pop(), "label"
