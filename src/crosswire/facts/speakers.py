"""Who said what: the quotations of an article and their speakers, read from the sentence's syntax.

``find_quotations(text, language)`` returns every quotation of an article (the words inside
quotation marks, at least ``MIN_WORDS`` words) with its speaker or ``None`` when the text does not
make it clear.  A speaker is always a person, an organisation or a role (a noun phrase of the
parse), never a fragment of the sentence.

With a spaCy pipeline (English, French) the speaker is the subject of the reporting verb next to
the quotation, wherever it stands: ``"…," X said``, ``X said: "…"``, ``"…," said X, the party's
chairman``, a verb between two parts of one quotation, "according to X".  The subject is
expanded to its full noun phrase ("Clinton's campaign manager Robby Mook").  Then, within the
article:

* a pronoun ("he", "elle") is the most salient person before it whose gender fits
  (:mod:`crosswire.facts.salience`: subjects over objects over names in passing, recency, chains of
  pronouns; honorifics, role nouns, first names and the pronouns used near the name tell the
  gender); two persons close: no speaker;
* a role noun ("the spokeswoman") is the person the article introduced with that role
  ("spokeswoman Jane Doe", "Jane Doe, a spokeswoman"), else it stays the role;
* a short name ("Trump") takes the fullest form the article uses ("Donald Trump") when only one
  person of the article has it;
* a quotation without a verb of its own continues the previous quotation of the paragraph, or of
  the previous paragraph when its paragraph opens with it (a quote running over several
  paragraphs); a paragraph ending "X said:" introduces the next one.

Languages without a pipeline here (German, Spanish) are read from tokens and the data of
:mod:`crosswire.facts.speaker_cues` (``„…“, sagte der Minister``, ``"…", dijo X``, ``X sagte:
„…“``, ``laut X``, ``X nannte ihn einen „…“``, a speaker named in the sentence before a quotation
without a frame of its own): they name fewer speakers rather than guess.

Headlines, titles of works (``the book "…"``, a quotation in title case) and short quoted
phrases are not quotations; a quoted phrase inside a sentence of narration, with no speaker, is
not listed either.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from functools import lru_cache
from typing import Any

from crosswire.facts.quotemarks import MIN_WORDS, Quotation
from crosswire.facts.speaker_cues import cues_for
from crosswire.facts.speaker_parse import parsed_quotations, parser_available, speaker_pipeline
from crosswire.facts.speaker_tokens import token_quotations

__all__ = [
    "Quotation",
    "MIN_WORDS",
    "find_quotations",
    "parser_available",
    "speaker_of_sentence",
    "who_said_what",
    "render_report",
]


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


def find_quotations(text: str, language: str | None = None) -> list[Quotation] | None:
    """The quotations of one article's text with their speakers; None when this language is read
    neither with a parser nor with token rules here (the caller keeps its own reading).

    The last articles read are remembered, so the quotes of a brief and its facts' "said by" parse an
    article once (the quotations returned are shared: read them, do not change them)."""
    found = _remembered(text, language)
    return None if found is None else list(found)


@lru_cache(maxsize=256)
def _remembered(text: str, language: str | None) -> tuple[Quotation, ...] | None:
    found = _find_quotations(text, language)
    return None if found is None else tuple(found)


# a double quotation mark typed as two single ones ("“We all know …,’’ Sessions said"; "‘‘…’’"): the one
# mark, in as many characters, so every offset into the article stays where it was
_DOUBLED = (("’’", "” "), ("‘‘", " “"), ("''", '" '), ("``", ' "'))


def _find_quotations(text: str, language: str | None) -> list[Quotation] | None:
    cues = cues_for(language)
    if cues is None or not text:
        return None if cues is None else []
    for doubled, single in _DOUBLED:
        text = text.replace(doubled, single)
    if cues.pipeline is None:
        return token_quotations(text, cues)
    nlp = speaker_pipeline(cues.pipeline)
    if nlp is None:
        return None
    return parsed_quotations(text, cues, nlp)


def speaker_of_sentence(quotations: Sequence[Quotation], start: int, end: int) -> str | None:
    """The speaker of the quotations inside a sentence at [start, end) of the article, when they
    agree: what facts' "said by" attribution may take for a sentence that quotes someone."""
    names = {q.speaker for q in quotations if q.speaker and q.start < end and q.end > start}
    return names.pop() if len(names) == 1 else None


# --------------------------------------------------------------------------------------------
# Who said what across a pile of articles (the ``crosswire quotes`` command)
# --------------------------------------------------------------------------------------------


def _sentence_of(text: str, q: Quotation) -> str:
    a = max(text.rfind("\n", 0, q.start), max(text.rfind(". ", 0, max(0, q.start - 1)), -1) + 1)
    a = max(a, 0)
    stops = [m.end() for m in re.finditer(r"[.!?][\"”’»]?(?=\s|$)", text[q.end : q.end + 300])]
    b = q.end + stops[0] if stops else min(len(text), q.end + 1)
    return " ".join(text[a:b].split()).strip()


def who_said_what(articles: Iterable[Any]) -> list[dict[str, Any]]:
    """Every quotation of these articles (objects with ``id``, ``text`` and ``language``), grouped by speaker.

    Returns ``[{"speaker", "quotes": [{"article", "text", "sentence", "start", "end"}]}]``, the speakers
    quoted most first and the unattributed quotations last (speaker None).
    """
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for a in articles:
        found = find_quotations(a.text, getattr(a, "language", None))
        if found is None:
            found = find_quotations(a.text, "en") or []
        for q in found:
            groups.setdefault(q.speaker, []).append(
                {"article": a.id, "text": q.text, "sentence": _sentence_of(a.text, q), "start": q.start, "end": q.end}
            )
    keys = {k: k.split()[-1].lower() for k in groups if k}
    merged: dict[str | None, list[dict[str, Any]]] = {}
    for k, v in groups.items():
        if k is None:
            continue
        # "Trump" and "Donald Trump": one speaker, under the fullest name used
        longer = [x for x in groups if x and x != k and keys[x] == keys[k] and x.endswith(" " + k)]
        target = max(longer, key=len) if len(longer) == 1 or len({*longer}) == 1 else k
        merged.setdefault(target, []).extend(v)
    out = [{"speaker": k, "quotes": v} for k, v in sorted(merged.items(), key=lambda kv: (-len(kv[1]), kv[0] or ""))]
    if None in groups:
        out.append({"speaker": None, "quotes": groups[None]})
    return out


def render_report(groups: list[dict[str, Any]], fmt: str = "md") -> str:
    """The report of :func:`who_said_what` as Markdown or JSON lines (one quotation a line)."""
    if fmt == "jsonl":
        return "\n".join(
            json.dumps({"speaker": g["speaker"], **q}, ensure_ascii=False) for g in groups for q in g["quotes"]
        )
    lines = ["# Who said what", ""]
    for g in groups:
        lines.append(f"## {g['speaker'] or 'Unattributed'} ({len(g['quotes'])})")
        lines.append("")
        for q in g["quotes"]:
            lines.append(f"- “{q['text']}” — {q['article']}")
            lines.append(f"  > {q['sentence']}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def quotation_json(q: Quotation) -> dict[str, Any]:
    return asdict(q)
