"""The attribution rules of each language: English from its patterns, the others compiled from their cues.

:func:`rules_for` picks the :class:`Rules` of an article's language (guessed from the text when
not given); :func:`build_rules` compiles a language's :class:`~crosswire.facts.cues.Cues` into
the patterns of news style that Romance and Germanic languages share.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from crosswire.facts.attribution_patterns import (
    CAPITALS,
    COUNTRY_ADJ,
    DOC_WORDS,
    PRONOUNS,
    denier,
    is_document_english,
    normalise_source,
    person_like_english,
    possessive_english,
    raw_english,
)
from crosswire.facts.cues import CUES, Cues
from crosswire.text.langid import detect_language
from crosswire.text.words import fold


@dataclass(frozen=True, slots=True)
class Rules:
    """The compiled attribution rules of one language (see :func:`rules_for`)."""

    language: str
    raw: Callable[[str], str | None]  # the reporting frame's source phrase as written
    normalise: Callable[[str | None], str | None]
    is_document: Callable[[str], bool]
    possessive: Callable[[str], bool]
    denier: Callable[[str], str | None]
    person_like: Callable[[str], bool]
    doc_words: str
    determiners: str  # anchored: the determiners dropped before a name
    source: Callable[[str | None], str | None] = normalise_source  # normalised, None unless plausible
    # for quotations (None: crosswire.facts.quotes keeps its English rules)
    quote_head: re.Pattern[str] | None = None  # the text before a quote ends with its speaker
    quote_tail: re.Pattern[str] | None = None  # the text after a quote starts with its speaker
    incise: re.Pattern[str] | None = None  # the whole text between two parts of one quote
    work_title: re.Pattern[str] | None = None  # the text before a quotation names a work: a title, not a quote
    quote_link: re.Pattern[str] | None = None  # all the text between two quotes of one speaker


_GUESS_CHARS = 3000


def rules_for(language: str | None, texts: Iterable[str] = ()) -> Rules:
    """The rules for an ISO 639-1 ``language`` ("fr", "fr-CA"); guessed from ``texts`` when None.

    A language without rules of its own gets the English rules (news style's default); the
    guess is :func:`crosswire.text.langid.detect_language` over the first ``_GUESS_CHARS``
    characters, English when it cannot tell.
    """
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    if not code:
        code = detect_language(" ".join(texts)[:_GUESS_CHARS]) or "en"
    return _compiled(code) if code in CUES else _ENGLISH


def _english_rules() -> Rules:
    return Rules(
        "en",
        raw_english,
        normalise_source,
        is_document_english,
        possessive_english,
        denier,
        person_like_english,
        DOC_WORDS,
        r"^(?:the|a|an|this|that)\s+",
    )


_ENGLISH = _english_rules()


@lru_cache(maxsize=8)
def _compiled(code: str) -> Rules:
    return build_rules(CUES[code])


def _alt(words: Iterable[str]) -> str:
    """A regex alternative of words, longest first (so "déclarent" is tried before "déclare")."""
    return "|".join(sorted(set(words), key=len, reverse=True))


def build_rules(c: Cues) -> Rules:
    """Compile the news-style patterns of one language from its :class:`Cues`."""
    qo, qc = re.escape(c.quote_open), re.escape(c.quote_close)
    adv = rf"(?:{c.adverbs})"
    fill = rf"(?:\s+(?:{c.adverbs}|{c.addressees}|{c.channels}))*"
    verb = rf"(?:(?:{c.auxiliaries})(?:\s+{adv})*\s+(?:{_alt(c.participles)})|(?:{_alt(c.finite)}))(?![\w\-])"
    name = r"[^\W\d_][\w’'\-\.]*"
    src = rf"({name}(?:\s+[\w’'\-\.]+){{0,8}}?)"
    capname = r"[A-ZÀ-Þ][\w’'\-]+(?:\s+[A-ZÀ-Þ][\w’'\-]+){0,3}"
    appos = rf"(?:\s*,\s*{capname})?"
    src_appos = rf"({name}(?:\s+[\w’'\-\.]+){{0,8}}?{appos})"
    end = rf"\s*[.!?…]?\s*[{qc}]?\s*$"
    pre = rf"(?:[,;]\s*(?:[{qc}]\s*)?|[{qc}]\s+)"
    pron = _alt(c.pronouns) + "|" + c.impersonal
    inv = c.inversion or r"\s+"
    inverted = (
        rf"(?:(?:{c.auxiliaries}){inv}({pron})(?![\w])(?:\s+{adv})*\s+(?:{_alt(c.participles)})"
        rf"|(?:{_alt(c.finite)}){inv}({pron})(?![\w]))"
    )
    patterns = [
        re.compile(pre + verb + fill + r"\s+" + src_appos + fill + end),  # ", a déclaré X."
        re.compile(pre + inverted + fill + end),  # ", a-t-il ajouté."
        re.compile(pre + verb + fill + r"\s+" + src + r"\s*,\s+[^" + qo + qc + r"]{2,120}" + end),  # ", a dit X, un …"
        re.compile(
            pre + verb + fill + r"\s+" + src + rf"(?:\s*,\s*[^,{qo}{qc}]{{2,80}}?)?\s*,\s+"
            rf"(?:[{qo}]|(?:{c.saying})\b)"
        ),  # incise
        re.compile(rf"\b(?:{c.learned})" + fill + rf"\s+(?:{c.source_from})\s*{src}(?=\s*(?:[,.;!?]|$))"),
        re.compile(rf"\b(?:{c.unnamed_prefix})\s+({c.unnamed_source})(?=\s*(?:[,.;!?)]|$))"),  # "de source policière"
        re.compile(
            rf"(?:^|[\s,;(])(?:{c.according})\s+{src}(?=\s*(?:[,.;:!?)]|$)|\s+(?:{c.cited}|"
            rf"{c.relatives})\b)"
        ),  # "selon X,"
        re.compile(rf"^(?:{c.responses})\s+(?:{c.of}){src}\s*:"),  # "Réponse de Moscou :"
        re.compile(
            rf"^(?:[^,]{{2,40}},\s+)?{src}(?:\s*,\s*({capname})\s*,|,[^,]{{3,80}},)?(?:\s+{adv})*"
            rf"\s+(?:{c.object_clitic}\s*)?{verb}"
        ),  # "X, Name, a déclaré"
        re.compile(pre + src + rf"\s+(?:{c.object_clitic}\s*)?" + verb + fill + end),  # ", X l'a confirmé."
    ]
    passive = re.compile(rf"\b(?:{c.passive_denials})\s+(?:{c.by})\s+{src}\s*[.,;]")
    dets = rf"^(?:(?:{c.determiners})\s+|(?:{c.elided})\s*)"
    doc_rx = re.compile(
        rf"(?:(?:{c.determiners})\s+|(?:{c.elided})\s*|(?:{c.possessives})\s+)?"
        rf"(?:{c.documents})(?:\s+[\w\-]+)?",
        re.I,
    )
    doc_of = re.compile(rf"^(?:{c.documents})(?:\s+[\w\-]+)?\s+(?:{c.of})", re.I)
    conj = re.compile(rf"^(?:{c.conjunctions})\s+", re.I)
    trailing_time = re.compile(rf"(?:\s+(?:{c.adverbs}|{c.addressees}|{c.channels}))+$")
    capitals = {**CAPITALS, **c.extra_capitals}
    countries = {**COUNTRY_ADJ, **c.extra_countries}

    def strip_det(s: str) -> str:
        return re.sub(dets, "", s, flags=re.I)

    def normalise(raw: str | None) -> str | None:
        if not raw:
            return None
        s = raw.strip(" ,.;:\"“”«»'’\u00a0\u202f")
        s = strip_det(conj.sub("", s))
        if doc_of.match(s):  # "communiqué du ministère" -> "ministère"
            s = strip_det(doc_of.sub("", s, count=1))
        s = trailing_time.sub("", s)
        s = re.sub(r"\s*,\s*", " ", s).strip()  # "porte-parole du ministère, Jean Dupont"
        f = fold(s)
        if f in c.pronouns:
            return c.pronouns[f]
        if not s or len(s) > 80 or f in c.not_sources or len(s.split()) > 9:
            return None
        return s

    folded_titles = {fold(t) for t in c.titles}
    folded_inst = {fold(t) for t in c.institutions}
    folded_mods = {fold(t) for t in c.modifiers}

    def plausible(src: str) -> bool:
        """A capitalised name, a pronoun, or a phrase headed by an institution or a title."""
        if fold(src) in PRONOUNS:
            return True
        toks = src.split()
        k = 0
        while k < len(toks) - 1 and fold(toks[k]) in folded_mods:
            k += 1
        head = toks[k]
        f = fold(head).strip(".")
        if f in folded_titles or f in folded_inst or any(part in folded_inst for part in f.split("-")):
            return True
        return head[:1].isupper() and _name_like(toks[k:])

    def _name_like(toks: list[str]) -> bool:
        """ "Ilse Korvath", "Banque de Velmora", "Kremlin"; not "Contrairement à ce qu'il" (a capital
        that only starts the sentence): every later word is capitalised or links two that are."""
        for j, t in enumerate(toks[1:], 1):
            low = t.lower()
            if t[:1].isupper() or t[:1].isdigit():
                continue
            if low in c.name_links and j + 1 < len(toks) and toks[j + 1][:1].isupper():
                continue
            if re.match(rf"(?:{c.elided})[A-ZÀ-Þ]", t):  # "d'Emmanuel", "l'Intérieur"
                continue
            return False
        return True

    def raw(text: str) -> str | None:
        t = text.strip()
        for rx in patterns:
            m = rx.search(t)
            if not m:
                continue
            found = [g for g in m.groups() if g]
            if not found:
                continue
            got = ", ".join(found)  # "porte-parole des dockers, Ilse Korvath"
            got = got.strip()
            if is_document(got):
                return got
            s = normalise(got)
            if s and plausible(s):
                return got
        return None

    def is_document(raw_: str) -> bool:
        return bool(doc_rx.fullmatch(raw_.strip()))

    def deny(text: str) -> str | None:
        m = passive.search(text)
        s = normalise(m.group(1)) if m else None
        return s if s and plausible(s) and fold(s) not in PRONOUNS else None

    def person_like(src: str) -> bool:
        toks = src.split()
        if not toks:
            return False
        f0 = fold(toks[0]).strip(".")
        if f0 in folded_titles:
            return True
        if f0 in folded_inst or fold(src) in capitals or fold(src) in countries:
            return False
        return toks[0][:1].isupper() and all(t[:1].isupper() for t in toks if len(t) > 3)

    quote_head = re.compile(
        rf"(?:(?:^|[,;:]\s+|\b(?:{c.conjunctions})\s+){src}(?:\s+{adv})*\s+{verb}{fill}(?:\s+(?:{c.that}))?"
        rf"|(?:^|[,;:]\s+)(?:{c.according})\s+{src}"
        rf"|(?:^|[,;:]\s+){src}(?:\s+{adv})*\s+(?:{c.auxiliaries})(?:\s+{adv})*\s+(?:{c.addressing})\b"
        rf"[^{qo}{qc}.;:]{{0,80}})\s*[:,]?\s*$"
    )
    quote_tail = re.compile(
        rf"^\s*[,;]?\s*(?:{verb}{fill}\s+{src_appos}|(?:{c.according})\s+{src}|{inverted}){fill}"
        rf"(?=\s*(?:[,.;:!?…{qo}]|$)|\s+(?:{c.that}|{c.relatives})\b)"
    )
    incise = re.compile(
        rf"^\s*,\s*(?:{verb}{fill}\s+{src}(?:\s*,\s*[^,{qo}{qc}]{{2,80}})?|{inverted}){fill}"
        rf"\s*,\s*$"
    )
    work_title = re.compile(rf"\b(?:{c.works})(?:\s+(?:{c.determiners}))?\s*$", re.I)

    def source(raw_: str | None) -> str | None:
        s = normalise(raw_)
        return s if s and plausible(s) else None

    quote_link = re.compile(rf"^\s*[,;]?\s*(?:(?:{c.quote_links})\s*)*$", re.I)
    return Rules(
        c.language,
        raw,
        normalise,
        is_document,
        lambda _r: False,
        deny,
        person_like,
        rf"\b(?:{c.documents})\b",
        dets,
        source,
        quote_head,
        quote_tail,
        incise,
        work_title,
        quote_link,
    )


@lru_cache(maxsize=1)
def other_places() -> tuple[tuple[str, str], ...]:
    """Country words and seats of government of the languages with rules, other than English."""
    return tuple(
        (w, country) for c in CUES.values() for w, country in (*c.extra_countries.items(), *c.extra_capitals.items())
    )
