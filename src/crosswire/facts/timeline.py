"""The story's timeline: dated events across reports, merged and put in order.

Dates are read by :func:`crosswire.text.dates.find_dates`, against each report's
reference date (:func:`crosswire.text.dates.reference_date`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from crosswire.model import TimelineEvent
from crosswire.text.dates import CALENDAR_WORDS, QUOTED, find_dates, parse_ref, quoted_spans, reference_date
from crosswire.text.words import content_words, fold

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

__all__ = ["build_timeline"]


def _clause(text: str, start: int, end: int) -> str:
    """The words of a sentence that tell the event a date mention belongs to (``event``).

    The whole sentence when it is short (40 words or fewer).  Else the clause around the date,
    between punctuation marks or "but"/"while" outside quotations, taken from the sentence's
    start when that stays short, without a leading "and"; and the whole sentence again when the
    clause would be no more than a quotation.
    """
    if len(text.split()) <= 40:
        return text
    quoted = quoted_spans(text)
    seps = [m.span() for m in re.finditer(r"[,;:—–]\s+|\s+(?:but|while|whereas)\s+", text)
            if all(not qa < m.start() < qb for qa, qb in quoted)]
    lo = max([e for _s, e in seps if e <= start] or [0])
    hi = min([s_ for s_, _e in seps if s_ >= end] or [len(text)])
    if len(text[:hi].split()) <= 40:
        lo = 0  # the sentence up to the date's clause reads better than a clause cut out of its middle
    if len(text[lo:hi].split()) < 6:
        lo = max([e for _s, e in seps if e < lo] or [0])
        hi = min([s_ for s_, _e in seps if s_ > hi] or [len(text)])
    clause = re.sub(r"^(?:and|or|as)\s+", "", text[lo:hi].strip(" ,;:—–"))
    bare = QUOTED.sub("", clause).strip(" ,;:—–.")
    if len(bare.split()) < 3:
        return text  # a quotation alone is not an event
    return clause


def build_timeline(story: "StoryText") -> list[TimelineEvent]:
    """Dated events across the story, merged when two reports date the same event, sorted."""
    published = [a.published for a in story.articles if parse_ref(a.published)]
    refs = {a.id: reference_date(a, published) for a in story.articles}
    events: list[TimelineEvent] = []
    for pos, s in enumerate(story.sentences):
        if s.is_heading:
            continue
        for d in find_dates(s.text, refs.get(s.article)):
            event = _clause(s.text, d.start, d.end)
            cluster = story.cluster_of.get(pos)
            hit = None
            for ev in events:
                if ev.date != d.date:
                    continue
                other = ev.citations[0]
                other_pos = _position(story, other.article, other.sentence)
                if (cluster is not None and story.cluster_of.get(other_pos) == cluster) or \
                        fuzz.token_set_ratio(fold(event), fold(ev.event)) >= 75:
                    hit = ev
                    break
            if hit is None:
                events.append(TimelineEvent(d.date, event, [s.article], [story.cite(pos)]))
            else:
                if s.article not in hit.articles:
                    hit.articles.append(s.article)
                if all((c.article, c.sentence) != (s.article, s.index) for c in hit.citations):
                    hit.citations.append(story.cite(pos))
    events = _merge_leads(story, events)
    events.sort(key=lambda e: (e.date, story.order[e.citations[0].article], e.citations[0].sentence))
    return events


def _merge_leads(story: "StoryText", events: list[TimelineEvent]) -> list[TimelineEvent]:
    """One entry for the story's main event when several reports' leads date it to the same day.

    A report's first sentence tells its main event; in one story, two leads that put their
    event on the same day, in other words ("held rare talks on Wednesday" / "spoke by phone on
    April 3"), tell the same event: one entry citing both.  They must still share a word
    beyond the date, and a day, not a month, must be given.
    """
    leads: set[tuple[str, int]] = set()
    for a in story.articles:
        first = next((x for x in story.by_article.get(a.id, []) if not x.is_heading), None)
        if first is not None:
            leads.add((a.id, first.index))

    def lead_words(ev: TimelineEvent) -> set[str] | None:
        cited = [c for c in ev.citations if (c.article, c.sentence) in leads]
        if len(ev.date) != 10 or not cited:
            return None
        return {w for c in cited for w in content_words(c.text) if w not in CALENDAR_WORDS and len(w) > 3}

    out: list[TimelineEvent] = []
    kept_words: list[set[str] | None] = []
    for ev in events:
        mine = lead_words(ev)
        hit = None
        if mine:
            for k, other in enumerate(out):
                theirs = kept_words[k]
                if theirs and other.date == ev.date and not set(other.articles) & set(ev.articles) and mine & theirs:
                    hit = k
                    break
        if hit is None:
            out.append(ev)
            kept_words.append(mine)
            continue
        keep = out[hit]
        if story.independent(ev.articles) > story.independent(keep.articles):
            keep.event = ev.event  # told in the words of the better-sourced entry
        keep.articles.extend(x for x in ev.articles if x not in keep.articles)
        keep.citations.extend(c for c in ev.citations
                              if all((c.article, c.sentence) != (d.article, d.sentence) for d in keep.citations))
        kept_words[hit] = (kept_words[hit] or set()) | mine
    return out


def _position(story: "StoryText", article: str, index: int) -> int:
    offset = 0
    for a in story.articles:
        if a.id == article:
            return offset + index
        offset += len(story.by_article[a.id])
    return -1
