"""Who a statement is credited to, as opposed to who published it.

``find_attribution(sentence)`` reads the reporting frame of one sentence
("..., the French defence ministry said", "according to the statement",
"X told AFP", "Response from Moscow:", "announced the ministry") and returns a
lightly normalised name ("French defence ministry").  ``attribute_article``
does it for a whole article and resolves pronouns and generic back-references
("he added", "the ministry said") to the last fuller attribution in that
article.  Pure regular expressions over news style; no model.

The rules are chosen by the article's language (``language=``, an ISO 639-1
code; when it is not given, the language whose marker words dominate the text,
English when unsure): English, the original rules of this module, and French
("..., a déclaré le ministère", "selon un communiqué du ministère", "a-t-il
ajouté", "a-t-on appris de source policière", "Moscou a répondu que ...").
Languages without rules of their own are read with the English ones.

Adding a language is adding data: a :class:`Cues` (its auxiliaries and
participles, finite reporting verbs, "according to" prepositions, pronouns,
determiners, the words that make a phrase an institution or a person's title,
...; see ``FRENCH``) and one line in ``CUES``.  :func:`build_rules` compiles
the patterns of news style that Romance and Germanic languages share from it:
the verb after the quote and before the speaker ("..., dijo el ministro",
"..., sagte der Minister"), the speaker before the verb ("X a déclaré que"),
the inverted pronoun ("a-t-il ajouté"), "selon X" / "según X" / "laut X".
:mod:`crosswire.facts.quotes` takes the same rules for the speakers of quotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from crosswire.facts.attribution_patterns import (
    CAPITALS,
    COUNTRY_ADJ,
    DOC_WORDS,
    GENERIC,
    PRONOUNS,
    REPORT_VERBS,
    denier,
    normalise_source,
    person_like_english,
)
from crosswire.facts.attribution_rules import Rules, build_rules, other_places, rules_for
from crosswire.text.words import fold

# fmt: off
__all__ = [
    "find_attribution", "normalise_source", "attribute_article", "same_party", "REPORT_VERBS", "Rules", "build_rules",
    "rules_for", "CAPITALS", "denier",
]
# fmt: on


def raw_attribution(text: str, language: str | None = None) -> str | None:
    """The reporting-frame phrase of a sentence as written ("a French Defense Ministry statement")."""
    return rules_for(language, [text]).raw(text)


def find_attribution(text: str, language: str | None = None) -> str | None:
    """The party a sentence credits its statement to, normalised, or None (no context used).

    Pronouns come back as the English pronoun ("he", also for French "il"), and a bare
    document ("the statement", "le communiqué") as "statement", so a caller with context
    can resolve them (see :func:`attribute_article`).
    """
    rules = rules_for(language, [text])
    raw = rules.raw(text)
    if raw is None:
        return None
    if rules.is_document(raw):
        return "statement"
    return rules.normalise(raw)


# fmt: off
_BARE_DOC_MODIFIERS = {"press", "same", "joint", "new", "latest", "earlier", "official", "written", "short", "brief",
                       "its", "his", "her", "their", "final", "first", "second"}
# fmt: on


def attribute_article(
    sentences: list[str], paragraphs: list[int] | None = None, language: str | None = None
) -> list[str | None]:
    """Attributions for every sentence of one article, with light coreference.

    "he added" takes the last person named as a source (in the same paragraph first, when
    ``paragraphs`` gives each sentence's paragraph), "it said" the last institution;
    "the ministry said" the last earlier source that contains "ministry"; "according to
    the statement" the last source that was a statement; "his ministry" becomes
    "<subject>'s ministry".  ``language`` (the article's ISO 639-1 code) chooses the
    rules; without it they are chosen from the text (see :func:`rules_for`).
    """
    rules = rules_for(language, sentences)
    out: list[str | None] = []
    history: list[tuple[str, str]] = []  # (raw phrase, normalised)
    where: list[int] = []  # the paragraph of each history entry
    for k, text in enumerate(sentences):
        para = paragraphs[k] if paragraphs is not None and k < len(paragraphs) else 0
        raw = rules.raw(text)
        src: str | None
        if raw is None:
            src = rules.denier(text)
            raw = src or ""
        elif rules.is_document(raw):
            src = next((n for r, n in reversed(history) if re.search(rules.doc_words, r, re.I)), None)
            named = re.sub(rules.determiners, "", raw.strip(), flags=re.I)
            if src is None and len(named.split()) == 2 and fold(named.split()[0]) not in _BARE_DOC_MODIFIERS:
                src = named  # "according to the arrest report": the report is the source
            elif src is None and history:
                src = history[-1][1]
        elif rules.possessive(raw):
            subj = re.match(r"(?:(?:Mr|Mrs|Ms|Dr|M)\.?\s+)?([A-ZÀ-Þ][\w\-’']+(?:\s+[A-ZÀ-Þ][\w\-’']+)*)", text.strip())
            noun = re.sub(r".*\b(?:his|her|its|their)\s+", "", raw, flags=re.I)
            noun = re.sub(DOC_WORDS + r"\s+(?:from|of|by)\s+", "", noun, flags=re.I)
            src = f"{subj.group(1).split()[-1]}’s {normalise_source(noun) or noun}" if subj else None
        else:
            src = rules.normalise(raw)
            if src is not None and fold(src) in PRONOUNS:
                src = _antecedent(fold(src), history, where, para, rules.person_like)
            elif src is not None and _generic(src):
                keys = set(fold(src).split())  # "hospital spokeswoman" is not any spokeswoman
                for _r, prev in reversed(history):
                    if keys <= set(fold(prev).split()) and len(prev) > len(src):
                        src = prev
                        break
        if src:
            history.append((raw, src))
            where.append(para)
        out.append(src)
    return out


def _antecedent(
    pronoun: str,
    history: list[tuple[str, str]],
    where: list[int],
    para: int,
    person_like: Callable[[str], bool] | None = None,
) -> str | None:
    """The source a pronoun stands for: the last fitting one of the paragraph, else of the article."""
    if not history:
        return None
    person_like = person_like or person_like_english
    if pronoun in ("he", "she", "i"):
        fits = [k for k, (_r, n) in enumerate(history) if person_like(n)]
    elif pronoun in ("it", "they", "we"):
        fits = [k for k, (_r, n) in enumerate(history) if not person_like(n)]
    else:
        fits = []
    same = [k for k in fits if where[k] == para]
    if same:
        return history[same[-1]][1]
    if fits:
        return history[fits[-1]][1]
    return history[-1][1]


def _generic(src: str) -> bool:
    f = fold(src)
    toks = f.split()
    return f in GENERIC or (len(toks) <= 2 and src.split()[0][:1].islower()) or (len(toks) == 1 and f in COUNTRY_ADJ)


def party_key(src: str | None, capitals: dict[str, str] | None = None) -> str | None:
    """A coarse key for the side a source speaks for: its country if it names one, else itself.

    "French defence ministry", "Paris" and "the Elysee" are all "france".
    """
    if not src:
        return None
    f = fold(src)
    for adj, country in COUNTRY_ADJ.items():
        if re.search(r"\b" + re.escape(adj) + r"\b", f) or re.search(r"\b" + re.escape(country) + r"\b", f):
            return country
    for cap, country in (capitals or CAPITALS).items():
        if re.search(r"\b" + re.escape(cap) + r"\b", f):
            return country
    for word, country in other_places():  # the same in the other languages with rules
        if re.search(r"\b" + re.escape(word) + r"\b", f):
            return country
    toks = re.sub(r"['’]s\b", "", src).split()
    if toks and toks[-1][:1].isupper() and not toks[-1].isupper():
        return fold(toks[-1]).strip(".,")  # a person: "Mr. Thayer", "Lawyer Michael Avenatti" -> surname
    return f


def same_party(a: str | None, b: str | None) -> bool:
    """True when two attributions speak for the same party (loosely)."""
    if not a or not b:
        return False
    ka, kb = party_key(a), party_key(b)
    return ka == kb
