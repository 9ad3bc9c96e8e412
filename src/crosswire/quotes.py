"""Quotations with their speakers, merged across reports.

Quotation marks of every common style are read: “ ” „ “ « » " " ‘ ’ ' '.
A quote is kept when it has at least ``MIN_WORDS`` words (single-word scare
quotes like "terrorism" are not quotes of anyone).  The speaker is the
sentence's attribution (see :mod:`crosswire.attribution`); a quote that opens
a sentence with no reporting frame borrows the next or previous sentence's.
Quotes from different reports are one quote when their folded words match
closely (rapidfuzz), and the longer wording is kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from .attribution import REPORT_VERBS, normalise_source
from .model import Quote
from .textutil import fold, words

if TYPE_CHECKING:
    from .facts import StoryText

__all__ = ["find_quotes", "quotes_in", "MIN_WORDS"]

MIN_WORDS = 4
SAME_QUOTE = 88  # rapidfuzz token_set_ratio at which two quotes are the same

_PAIRS = [("“", "”"), ("„", "“"), ("«", "»"), ("‘", "’"), ('"', '"')]
_QUOTE_RX = [re.compile(re.escape(o) + r"\s*([^" + re.escape(o + c) + r"]{2,}?)\s*" + re.escape(c)) for o, c in _PAIRS]
_SINGLE = re.compile(r"(?<![\w])'([^']{2,}?)'(?![\w])")


def _spans(text: str) -> list[tuple[str, int, int]]:
    """Quoted passages of one sentence with their spans, longest first, nested ones removed."""
    found: list[tuple[str, int, int]] = []
    for rx in _QUOTE_RX + [_SINGLE]:
        for m in rx.finditer(text):
            q = m.group(1).strip(" ,.;:")
            if q:
                found.append((q, m.start(), m.end()))
    found.sort(key=lambda x: len(x[0]), reverse=True)
    out: list[tuple[str, int, int]] = []
    for q, a, b in found:
        if not any(q in longer for longer, _a, _b in out):
            out.append((q, a, b))
    return out


def quotes_in(text: str) -> list[str]:
    """Quoted passages of one sentence, longest first, with nested duplicates removed."""
    return [q for q, _a, _b in _spans(text)]


_INTRO = re.compile(  # "... the Russian minister clearly affirmed “...": who introduces this quote
    r"(?:^|[,;:]\s+|\bbut\s+|\band\s+)((?:[Tt]he\s+)?[A-ZÀ-Þ][\w’'\-.]*(?:\s+[\w’'\-.]+){0,5}?)\s+"
    r"(?:\w+ly\s+)?(?:" + REPORT_VERBS + r")(?:\s+that)?\s*[:,]?\s*$"
)


def _introduced_by(text: str, start: int, previous_end: int) -> str | None:
    """The speaker named right before a quote inside its sentence, if any ("X affirmed “...”")."""
    m = _INTRO.search(text[previous_end:start])
    if not m:
        return None
    src = normalise_source(m.group(1))
    if not src or fold(src) in {"he", "she", "they", "it", "we", "i", "you"}:
        return None
    return src


def find_quotes(story: "StoryText") -> list[Quote]:
    """Every quote of at least MIN_WORDS words, with its speaker, merged across reports."""
    raw: list[tuple[str, str | None, int]] = []
    for pos, s in enumerate(story.sentences):
        spans = sorted(_spans(s.text), key=lambda x: x[1])
        for k, (q, start, _end) in enumerate(spans):
            if len(words(q)) < MIN_WORDS:
                continue
            speaker = _introduced_by(s.text, start, spans[k - 1][2] if k else 0) or story.attribution[pos]
            if speaker is None:
                for near in (pos + 1, pos - 1):
                    if 0 <= near < len(story.sentences) and story.sentences[near].article == s.article:
                        if story.attribution[near]:
                            speaker = story.attribution[near]
                            break
            raw.append((q, speaker, pos))
    merged: list[Quote] = []
    keys: list[str] = []
    for q, speaker, pos in raw:
        key = " ".join(words(q))
        s = story.sentences[pos]
        hit = None
        for k, other in enumerate(keys):
            if fuzz.token_set_ratio(key, other) >= SAME_QUOTE and min(len(key), len(other)) >= 0.5 * max(len(key), len(other)):
                hit = k
                break
        if hit is None:
            merged.append(Quote(speaker, q, [s.article], [story.cite(pos)]))
            keys.append(key)
            continue
        quote = merged[hit]
        if s.article not in quote.articles:
            quote.articles.append(s.article)
        if all(c.article != s.article or c.sentence != s.index for c in quote.citations):
            quote.citations.append(story.cite(pos))
        if quote.speaker is None and speaker:
            quote.speaker = speaker
        if len(q) > len(quote.text):
            quote.text, keys[hit] = q, key
    merged.sort(key=lambda x: (-story.independent(x.articles), story.order[x.citations[0].article], x.citations[0].sentence))
    return merged


def _fold_key(text: str) -> str:
    return fold(text)
