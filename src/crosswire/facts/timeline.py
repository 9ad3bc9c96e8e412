"""The story's timeline: what happened on which day, across reports, merged and put in order.

A timeline of events, not of sentences.  Each report is read whole by the date tagger
(:func:`crosswire.text.temporal.tag`) against its reference date (:func:`references`: its
publication date, another report's, or a day its text tells, with how sure that is), with the
parse of its sentences from the shared cache (:func:`crosswire.text.parse.parse`), so that every
date expression knows the verb it modifies.  Then, sentence by sentence:

- the sentence's event is dated by the expression its main verb carries
  (:func:`crosswire.text.temporal.event_timex`), or, when none does, by one that modifies the
  sentence's root verb directly ("the ministry said on Monday ...": the statement's day), never
  by the edge of a span ("since", "until", "from" ...); the entry tells the clause of that
  date, short;
- a sentence with no date of its own is an event on the report's own day only when it is the
  report's lead (its first sentence) and the report's publication date is known: "the first
  call since October 2022" is then an event of the report's day;
- every other date the sentence mentions is *background* ("since October 2022", "the Paris
  Games which begin on July 26"): an entry of its own, flagged ``background``, that tells the
  phrase around the date, shown apart from the story's own days (a date that is already one
  of the story's days is not repeated as background).

A sentence is the event of one date at most.  Entries of the same date about the same thing
(the same fact group of the alignment, close wording, or two reports' leads sharing a word) are
one entry citing every report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from crosswire.model import TimelineEvent
from crosswire.read.furniture import DATED_PICTURE
from crosswire.text.date_roles import span_ends, turn_of_year
from crosswire.text.dates import (
    CALENDAR_WORDS,
    CLOCK,
    QUOTED,
    find_dates,
    language_of,
    parse_ref,
    quoted_spans,
    weekday_dated,
)
from crosswire.text.parse import parse
from crosswire.text.temporal import Timex, event_timex, tag
from crosswire.text.words import content_words, fold

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText
    from crosswire.model import Article, Sentence

__all__ = ["build_timeline", "dated_sentences", "references", "DatedSentence", "Reference"]

MIN_WORDS = 4  # shorter lines ("© 2018 KREM-TV", a dateline) tell no event
# "today" inside a quotation is the day of speaking, not a date of the story
_SPEAKING_DAY = frozenset({"today", "tonight", "this morning", "this evening", "aujourd'hui", "heute", "hoy"})


@dataclass(slots=True)
class DatedSentence:
    """The dates of one sentence: the event's (or None) and the background ones, with their words."""

    sentence: Sentence
    event: tuple[str, str] | None  # (date, clause telling the event)
    background: list[tuple[str, str]]  # (date, phrase around the date)


_CLAUSE_SEP = re.compile(r"[,;:—–]\s+|\s+(?:but|while|whereas)\s+")


def _clause(text: str, start: int, end: int, avoid: list[tuple[int, int]] | None = None) -> str:
    """The words of a sentence that tell the event a date mention belongs to (``event``).

    The whole sentence when it is short (40 words or fewer).  Else the clause around the date,
    between punctuation marks or "but"/"while" outside quotations, taken from the sentence's
    start when that stays short, without a leading "and"; and the whole sentence again when the
    clause would be no more than a quotation.  Dates of other events in the sentence (``avoid``)
    are left out when a punctuation mark parts them from this one ("held talks on Monday, and
    the minister spoke to both sides on Tuesday": the Monday event is the first clause).
    """
    quoted = quoted_spans(text)
    seps = [m.span() for m in _CLAUSE_SEP.finditer(text) if all(not qa < m.start() < qb for qa, qb in quoted)]
    if avoid:
        left = max([b for _a, b in avoid if b <= start] or [-1])
        right = min([a for a, _b in avoid if a >= end] or [len(text) + 1])
        lo = min([e for _s, e in seps if left <= _s and e <= start] or [0])
        hi = max([s_ for s_, _e in seps if end <= s_ and _e <= right] or [len(text)])
        if (lo, hi) != (0, len(text)):
            cut = re.sub(r"^(?:and|or|as)\s+", "", text[lo:hi].strip(" ,;:—–"))
            if len(QUOTED.sub("", cut).strip(" ,;:—–.").split()) >= 3:
                return cut
    if len(text.split()) <= 40:
        return text
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


_PHRASE_SEP = re.compile(r"(?:(?<!\d),|,(?!\d))\s*|[;:—–()]\s*|\s+(?:but|while|whereas)\s+")  # not "163,036"


def _phrase(text: str, start: int, end: int) -> str:
    """The few words around a background date: its segment between punctuation marks (and
    "but", "while"), widened to the left, then to the right, when it is shorter than five words."""
    seps = [m.span() for m in _PHRASE_SEP.finditer(text)]
    los = [e for _s, e in seps if e <= start]
    his = [s_ for s_, _e in seps if s_ >= end]
    lo = los[-1] if los else 0
    hi = his[0] if his else len(text)
    k = len(los) - 2
    while len(text[lo:hi].split()) < 5 and k >= -1:
        lo = los[k] if k >= 0 else 0
        k -= 1
    j = 1
    while len(text[lo:hi].split()) < 5 and j <= len(his):  # a date opening its sentence: "En 2030, la commune ..."
        hi = his[j] if j < len(his) else len(text)
        j += 1
    phrase = re.sub(r"^(?:and|or|as)\s+", "", text[lo:hi].strip(" ,;:—–()").rstrip("."))
    return phrase or text


# words before a date that make it the edge of a span or a comparison, not the day of the event
# ("since October 2022", "the video from that night", "until Friday")
# fmt: off
_NOT_THE_DAY = frozenset({"since", "until", "till", "from", "through", "by", "before", "after", "than",
                          "depuis", "jusqu'au", "jusqu'à", "avant", "après", "seit", "bis", "vor", "nach",
                          "desde", "hasta", "antes", "después"})
# fmt: on


# a span's opening word, and the words that close it, when the parser hangs the date beside them on the
# verb: "decreased from $746bn in 2014 to $616bn today", "have doubled since the crash in 2008"
_SPAN_OPEN = frozenset({"since", "depuis", "seit", "desde"})
_SPAN_FROM = frozenset({"from", "von", "desde"})
_SPAN_TO = frozenset({"to", "until", "till", "through", "bis", "auf", "hasta", "a"})


def _the_day(text: str, x: Timex, offset: int, doc: Any = None) -> bool:
    """Whether an expression can be the day of its sentence's event (no "since" or "until" before it,
    and, in the parse, not inside the "from" or "since" phrase of a span)."""
    before = re.findall(r"([\w'’]+)\W*$", text[: x.start - offset])
    if before and before[-1].lower() in _NOT_THE_DAY:
        return False
    span = doc.char_span(x.start - offset, x.end - offset, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0:
        return True
    prep = span.root.head
    cur = prep.head
    for _ in range(4):  # "since the crash in 2008": the date of the span's opening noun
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        if cur.pos_ in ("ADP", "SCONJ") and cur.lower_ in _SPAN_OPEN:
            return False
        cur = cur.head
    if prep.pos_ != "ADP" or prep.head.pos_ not in ("VERB", "AUX"):
        return True
    preps = [c for c in prep.head.children if c.pos_ in ("ADP", "SCONJ") and c.dep_ in ("prep", "case", "mark")]
    right = [c.lower_ for c in preps if c.i > prep.i]
    last = max((c for c in preps if c.i < prep.i), key=lambda c: c.i, default=None)
    # the phrase right before the date's ("since the crash| in 2008"), not one further back
    opened = last.lower_ if last is not None and max(t.i for t in last.subtree) + 1 == prep.i else ""
    return not (opened in _SPAN_OPEN or (opened in _SPAN_FROM and any(w in _SPAN_TO for w in right)))


# prepositions that time what a verb tells even when the parser hangs them on its object
# ("found the climber on Monday"), unlike "since", "until" or "of" ("the first call since October")
_EVENT_PREPS = frozenset({"on", "in", "at", "during"})


def _parsed_phrase(text: str, x: Timex, doc: Any, offset: int) -> str | None:
    """The words of the verb a background date belongs to, with the noun a relative clause
    describes ("the Paris Games which begin on July 26"); None when that is the whole sentence."""
    if doc is None or x.anchor_token is None or x.anchor_token >= len(doc):
        return None
    verb = doc[x.anchor_token]
    if verb.dep_ == "ROOT":
        return None
    node = verb.head if verb.dep_ in ("relcl", "acl", "acl:relcl") and verb.head.pos_ in ("NOUN", "PROPN") else verb
    toks = list(node.subtree)
    lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
    if not lo <= x.start - offset < x.end - offset <= hi or len(toks) < 4 or len(toks) > 0.8 * len(doc):
        return None
    return re.sub(r"^(?:and|or|as|but)\s+", "", text[lo:hi].strip(" ,;:—–()"))


def _root_timex(xs: list[Timex], doc: Any, offset: int) -> Timex | None:
    """An expression that modifies its sentence's root verb directly (the day of a statement), or
    through "on"/"in"/"at" after the verb's object."""
    if doc is None:
        return None
    for x in xs:
        if x.anchor_token is None or not x.date or x.anchor_token >= len(doc):
            continue
        verb = doc[x.anchor_token]
        if verb.dep_ != "ROOT":
            continue
        span = doc.char_span(x.start - offset, x.end - offset, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        if root.head.i == verb.i or (root.head.pos_ == "ADP" and root.head.head.i == verb.i):
            return x
        prep = root.head
        if (
            prep.pos_ == "ADP"
            and prep.lower_ in _EVENT_PREPS
            and prep.head.pos_ in ("NOUN", "PROPN")
            and prep.head.head.i == verb.i
            and prep.head.dep_ in ("dobj", "obj")
        ):
            return x
    return None


def dated_sentences(
    article: Article, sentences: list[Sentence], ref: Reference, report_day: str | None
) -> list[DatedSentence]:
    """The event date and background dates of each sentence of one report that has any.

    ``report_day`` is the report's own publication date (its lead's day), or None.
    """
    body = [s for s in sentences if not s.is_heading and len(s.text.split()) >= MIN_WORDS]
    if not body:
        return []
    lang = article.language or language_of(article.text)

    def parser(texts: list[str]) -> list[Any] | None:
        return parse(texts, lang)

    tagged = tag(article.text, ref.date, lang, anchors=True, parser=parser, spans=[(s.start, s.end) for s in body])
    docs = parse([s.text for s in body], lang) or [None] * len(body)
    parsed = docs[0] is not None
    # the end of a span ("2020 - 2021", "from 2006 to 2008") dates nothing: the span is told at its start
    ends = span_ends(article.text, tagged, lang)
    timexes = []
    for k, x in enumerate(tagged):
        if k in ends:
            continue
        if re.fullmatch(r"\d{4}", x.value):
            turn = turn_of_year(article.text, x.start, x.end, int(x.value), lang)
            if turn:  # "ushered in 2020": the year greeted, on the night it turns
                x = replace(x, value=turn, relative=False)
        d = _placed(x, ref)
        if parsed and x.relative and x.anchor is None and not re.search(r"\d", x.text):
            d = None  # "Opens on Friday": no verb tells which Friday
        if d is not None:
            timexes.append(replace(x, value=d) if d != x.date else x)
    out: list[DatedSentence] = []
    lead = body[0]
    for s, doc in zip(body, docs, strict=True):
        quoted = [(s.start + a, s.start + b) for a, b in quoted_spans(s.text)]
        xs = [
            x
            for x in timexes
            if s.start <= x.start
            and x.end <= s.end
            and not (fold(x.text) in _SPEAKING_DAY and any(qa < x.start < qb for qa, qb in quoted))
        ]
        days = [x for x in xs if _the_day(s.text, x, s.start, doc)]
        ev = event_timex(days, s.start, s.end) or _root_timex(days, doc, s.start)
        event: tuple[str, str] | None = None
        if ev is not None and ev.date:
            others = [(x.start - s.start, x.end - s.start) for x in xs if x is not ev and x.date and x.date != ev.date]
            event = (ev.date, _clause(s.text, ev.start - s.start, ev.end - s.start, others))
        elif s is lead and report_day and len(s.text.split()) >= 6:
            others = [(x.start - s.start, x.end - s.start) for x in xs if x.date and x.date != report_day]
            event = (report_day, _clause(s.text, 0, 0, others))
        background: list[tuple[str, str]] = []
        for x in xs:
            d = x.date
            if x is ev or not d or (event and event[0].startswith(d)) or any(b[0] == d for b in background):
                continue  # the event's own date, or a coarser name of it ("in 2024 ... on April 3")
            phrase = _parsed_phrase(s.text, x, doc, s.start) or _phrase(s.text, x.start - s.start, x.end - s.start)
            background.append((d, phrase))
        if event or background:
            out.append(DatedSentence(s, event, background))
    return out


@dataclass(frozen=True, slots=True)
class Reference:
    """The date a report's relative dates count from, and how sure it is.

    ``exact``: the report's publication date, or that of another report of the story (one
    story's reports appear within days of each other), or the latest day its weekday-and-date
    pairs fit ("as of press time (Monday, April 17)").  Otherwise ``date`` is only a lower
    bound of the report's own date (the latest of the full dates its text writes and the first
    day of the last year it writes, when it writes a full date): a yearless date counts forward
    from it, and a date told by a weekday or a word alone ("Friday", "last month") is not
    placed at all.  ``close``: the bound is the day of a post the report embeds ("— Name (@handle)
    July 21, 2017"), which a report follows by days, not years: a past yearless date up to two
    months before it (or a week after it) is in those weeks; further back, or later and not ahead
    of the report, its year is not told.
    """

    date: str | None
    exact: bool
    close: bool = False  # a lower bound the report follows closely: the day of a post it embeds


_YEAR = re.compile(r"(?<![\d.,$€£])(?:19[5-9]\d|20\d\d)(?![\d%])")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:19|20)\d\d", re.I)
# an embedded post's sign-off: "— Greg Pallone (@gpallone13) July 21, 2017"
_SIGNOFF = re.compile(r"\(@\w{1,15}\)\s*(?=\S)")
_CLOSE_DAYS = 60
# a clock time's own words: what is left of a TIME expression without them is its written day, if any
_CLOCK_WORDS = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b\.?|\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s*(?:uhr|heures?|h)\b", re.I
)


def _posted(a: Article, lang: str) -> str | None:
    """The latest day of the posts a report embeds (their sign-offs, in its text or among the lines
    cleaning removed), or None."""
    days = []
    for line in [a.text, *a.removed]:
        for m in _SIGNOFF.finditer(line):
            seg = line[m.end() : m.end() + 40]
            found = [d for d in find_dates(seg, None, lang) if len(d.date) == 10 and d.start == 0]
            days += [found[0].date] if found else []
    return max(days) if days else None


def _years(text: str) -> list[int]:
    """The years a text writes, up to this one, not those of a copyright line ("© 2018 KREM-TV")."""
    now = dt.date.today().year
    return [y for y in map(int, _YEAR.findall(_COPYRIGHT.sub(" ", text))) if y <= now]


def references(articles: list[Article]) -> dict[str, Reference]:
    """Article id -> the :class:`Reference` its relative dates count from."""
    published = [str(a.published) for a in articles if parse_ref(a.published)]
    out: dict[str, Reference] = {}
    for a in articles:
        if parse_ref(a.published):
            out[a.id] = Reference(a.published, True)
        elif published:
            out[a.id] = Reference(max(published), True)
    if len(out) == len(articles):
        return out
    # the last year the story writes, or a page's copyright year (kept among the lines cleaning
    # removed): no weekday-and-date pair of the story is later
    # a news photo's caption in the agencies' form ("..., Wednesday, Sept. 15, 2010, in Kabul."), or a video's stamp
    # ("(Published Friday, May 15, 2015)"), which cleaning cuts, dates the report as the text around it did
    seen = {a.id: "\n".join([a.text, *(r for r in a.removed if DATED_PICTURE.search(r))]) for a in articles}
    written = [y for a in articles for y in _years(seen[a.id])]
    years = list(written)
    years += [
        int(m.group(0)[-4:]) for a in articles for line in [a.text, *a.removed] for m in _COPYRIGHT.finditer(line)
    ]
    found: dict[str, Reference] = {}
    for a in articles:
        if a.id in out:
            continue
        lang = a.language or language_of(a.text)
        full = [d.date for d in find_dates(seen[a.id], None, lang) if len(d.date) == 10]
        day = weekday_dated(seen[a.id], max(years), lang) if years else None
        own = _years(seen[a.id])
        if day and int(day[:4]) < max(own or written or [0]):
            # a weekday-and-date pair fits a year in five or six: one before a year the report writes
            # (or, writing none, the story's reports) is not the report's week ("Saturday, December 7"
            # in a report whose only year is "in 1962" fits 1957); a copyright year is no such bound
            day = None
        start_of_year = f"{max(own):04d}-01-01" if own else ""
        # a year alone bounds nothing to the day: it only moves a full date's bound forward
        best = max([d for d in full + [start_of_year] if d]) if full else ""
        post = _posted(a, lang)
        if post and int(post[:4]) < max(own, default=0):
            post = None  # an old post quoted, not the day's news
        if day and day >= max(best, post or ""):
            found[a.id] = Reference(day, True)  # "press time (Monday, April 17)": the report's week
        elif post and post >= best:
            found[a.id] = Reference(post, False, close=True)
        elif best:
            found[a.id] = Reference(best, False)
    # another report's day tells this one's week, and so does the day of a post another report embeds
    # (a story's reports appear within days of each other); another report's lower bound tells nothing
    latest = max((r for r in found.values() if r.exact), key=lambda r: str(r.date), default=None) or max(
        (r for r in found.values() if r.close), key=lambda r: str(r.date), default=Reference(None, False)
    )
    for a in articles:
        if a.id not in out:
            out[a.id] = found.get(a.id) or latest
    return out


def _placed(x: Timex, ref: Reference) -> str | None:
    """The date of an expression as the timeline places it, given how sure its reference is."""
    if ref.exact or not x.relative:
        return x.date
    if ref.date is None or not x.date or len(x.date) != 10 or not re.search(r"\d", x.text):
        return None  # "Friday", "last month" against a guessed date: not placed
    if x.type == "TIME" and (CLOCK.fullmatch(x.text.strip()) or not re.search(r"\d", _CLOCK_WORDS.sub("", x.text))):
        return (
            None  # "at 6:16 p.m.", "about 10 p.m. ET" (its day a weekday's): a time of a day the report does not give
        )
    low = dt.date.fromisoformat(ref.date) - dt.timedelta(days=7)
    d = dt.date.fromisoformat(x.date)
    if ref.close and x.direction != "future":
        bound = dt.date.fromisoformat(ref.date)
        for y in (bound.year, bound.year - 1):
            try:
                cand = d.replace(year=y)
            except ValueError:
                continue
            if -7 <= (bound - cand).days <= _CLOSE_DAYS:
                return cand.isoformat()  # "drowned July 9" in a report embedding a post of July 21, 2017
        return None  # further back, or after the post and not ahead of the report: its year is not told
    for y in (low.year, low.year + 1):
        try:
            cand = d.replace(year=y)
        except ValueError:
            continue
        if cand >= low:
            if y > low.year and x.direction == "past":
                # a past event before the report's latest full date: this year's or an earlier one's,
                # and the report does not say which ("was born on Aug. 8" under "Oct. 10, 2010")
                return None
            return cand.isoformat()  # written after its latest full date: the first such day from it
    return None


def build_timeline(story: StoryText) -> list[TimelineEvent]:
    """Dated events across the story, merged when two reports date the same event, and the
    background dates (``background=True``), all sorted by date (events first on a day)."""
    refs = references(story.articles)
    events: list[TimelineEvent] = []
    background: list[TimelineEvent] = []
    offset = 0
    for a in story.articles:
        sents = story.by_article.get(a.id, [])
        day = a.published if parse_ref(a.published) else None
        for ds in dated_sentences(a, sents, refs[a.id], day):
            pos = offset + ds.sentence.index
            if ds.event is not None:
                _add(story, events, ds.event[0], ds.event[1], pos, False)
            for date, phrase in ds.background:
                _add(story, background, date, phrase, pos, True)
        offset += len(sents)
    events = _one_date_per_text(story, _merge_leads(story, events))
    days = {e.date for e in events}
    # a day of the story is no background; a year or a month is many things' time: a mention of it is
    # background unless it tells the same thing as that date's event ("The 2000 U.S. Census counted ...")
    background = [
        b
        for b in background
        if b.date not in days
        or (len(b.date) < 10 and not any(e.date == b.date and _same_thing(story, e, b) for e in events))
    ]

    def key(e: TimelineEvent) -> tuple[str, bool, int, int]:
        return e.date, e.background, story.order[e.citations[0].article], e.citations[0].sentence

    return sorted(events + background, key=key)


def _add(story: StoryText, entries: list[TimelineEvent], date: str, text: str, pos: int, bg: bool) -> None:
    """A new entry, or one more citation of an entry of the same date about the same thing."""
    s = story.sentences[pos]
    for ev in entries:
        if ev.date != date:
            continue
        if _alike(story, ev, text, pos):
            if s.article not in ev.articles:
                ev.articles.append(s.article)
            if all((c.article, c.sentence) != (s.article, s.index) for c in ev.citations):
                ev.citations.append(story.cite(pos))
            return
    entries.append(TimelineEvent(date, text, [s.article], [story.cite(pos)], background=bg))


def _alike(story: StoryText, ev: TimelineEvent, text: str, pos: int) -> bool:
    """Whether a sentence (``pos``) telling ``text`` is about the same thing as an entry: the same
    fact group of the alignment, or close wording."""
    cluster = story.cluster_of.get(pos)
    other = ev.citations[0]
    if cluster is not None and story.cluster_of.get(_position(story, other.article, other.sentence)) == cluster:
        return True
    return fuzz.token_set_ratio(fold(text), fold(ev.event)) >= 75


def _same_thing(story: StoryText, ev: TimelineEvent, entry: TimelineEvent) -> bool:
    """Whether an entry tells the same thing as another (any of its citations alike)."""
    return any(
        _alike(story, ev, entry.event, _position(story, c.article, c.sentence)) for c in entry.citations
    ) or bool({(c.article, c.sentence) for c in ev.citations} & {(c.article, c.sentence) for c in entry.citations})


def _merge_leads(story: StoryText, events: list[TimelineEvent]) -> list[TimelineEvent]:
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
        keep.citations.extend(
            c for c in ev.citations if all((c.article, c.sentence) != (d.article, d.sentence) for d in keep.citations)
        )
        kept_words[hit] = (kept_words[hit] or set()) | (mine or set())
    return out


def _one_date_per_text(story: StoryText, events: list[TimelineEvent]) -> list[TimelineEvent]:
    """One event told in the same words by two reports stands at one date.

    Copies of a sentence can resolve differently ("that day" counts from the last date each
    report told before it): the entry with the most independent sources keeps the event (the
    first report's on a tie) and cites the others' sentences too.
    """
    by_text: dict[str, list[TimelineEvent]] = {}
    for ev in events:
        by_text.setdefault(fold(ev.event), []).append(ev)
    dropped: set[int] = set()
    for group in by_text.values():
        if len({ev.date for ev in group}) < 2:
            continue
        keep = max(group, key=lambda ev: (story.independent(ev.articles), -events.index(ev)))
        for ev in group:
            if ev is keep or ev.date == keep.date:
                continue
            keep.articles.extend(x for x in ev.articles if x not in keep.articles)
            keep.citations.extend(
                c
                for c in ev.citations
                if all((c.article, c.sentence) != (d.article, d.sentence) for d in keep.citations)
            )
            dropped.add(id(ev))
    return [ev for ev in events if id(ev) not in dropped]


def _position(story: StoryText, article: str, index: int) -> int:
    offset = 0
    for a in story.articles:
        if a.id == article:
            return offset + index
        offset += len(story.by_article[a.id])
    return -1
