"""Temporal expressions found by a grammar and resolved to TimeML values.

``tag(text, dct, language="en", doc=None)`` finds the date expressions of a report
("Friday", "last Oct. 23", "the third quarter", "two weeks ago", "this summer", "now",
"1998", "the 1980s") and resolves each against the report's date (``dct``, YYYY-MM-DD) to
a TimeML value: "1998-08-07", "1998-08", "1998", "1998-W32", "1998-Q3", "1998-SU", "198",
"PRESENT_REF", "PAST_REF", "FUTURE_REF" (clock times carry "T..." after the day).

The grammar is a list of rules over the text, each a regular expression built from the word
tables of ``temporal_data`` (one entry a language); overlapping matches are settled longest
first.  Underspecified expressions ("Monday", "in December", "March 3", "the fourth
quarter") take their direction from the verb they modify: with spaCy, the head chain from
the expression up to its governing verb and that verb's tense and auxiliaries ("will",
"would", "is expected to"); without it, future cues in the expression's clause.  Anaphoric
ones ("a year earlier", "the quarter", "the following day") count from the last date told.

``event_timex(timexes, sentence_start, sentence_end)`` says which expression of a sentence
the sentence's main event verb carries (the others are background).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from crosswire.text.temporal_data import TABLES, LangTables
from crosswire.text.temporal_resolve import QUARTER_ENDED, State, calendar_date, parse_dct, resolve
from crosswire.text.temporal_rules import Cand, find_candidates
from crosswire.text.temporal_syntax import (
    REFERENCE_RULES,
    Reading,
    fallback_direction,
    load_parser,
    needs_direction,
    read_parse,
    sentence_spans,
)

__all__ = ["Parser", "Timex", "calendar_date", "calendar_dates", "event_timex", "governed", "load_parser", "tag"]


# parses sentences: a spaCy Doc for each, or None when no pipeline is at hand
Parser = Callable[[list[str]], "list[Any] | None"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: ``text[start:end]``, its TimeML type and value.

    ``relative`` is True when the value was computed from the report's date or an earlier
    expression (not written out in full).  ``anchor`` is the character span of the verb the
    expression modifies and ``anchor_token`` its token index in the parse, when parsed;
    ``direction`` is "past" / "future" / "" as read from that verb (or its clause).
    ``main`` is True when that verb is the main verb of its sentence (or the clause a
    reporting verb introduces).
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    relative: bool = False
    anchor: tuple[int, int] | None = None
    anchor_token: int | None = None
    direction: str = ""
    main: bool = False

    @property
    def date(self) -> str | None:
        """The calendar value (YYYY, YYYY-MM or YYYY-MM-DD), None for weeks, quarters, refs."""
        return calendar_date(self.value)


# ---------------------------------------------------------------- the API


def tag(
    text: str,
    dct: str | None,
    language: str = "en",
    doc: Any = None,
    parse: bool = True,
    anchors: bool = False,
    parser: Parser | None = None,
    spans: list[tuple[int, int]] | None = None,
) -> list[Timex]:
    """The temporal expressions of ``text``, resolved against ``dct`` (YYYY-MM-DD or None).

    ``doc`` is a spaCy Doc of ``text`` when the caller has one (no parsing then); else the
    sentences holding an expression whose direction is open are parsed when spaCy and a model
    for the language are installed (``parse=False`` never parses); ``anchors=True`` parses
    every sentence with an expression, so that each gets its governing verb (``anchor``,
    ``main``) for ``event_timex``.  Without ``dct`` only expressions that carry their own year
    are resolved.  ``parser`` parses a list of sentences (spaCy Docs, or None without a
    pipeline) instead of the tagger's own pipeline, e.g. the shared cache of
    :func:`crosswire.text.parse.parse`; ``spans`` are the sentences (character spans of
    ``text``) to parse, by default the tagger's own split.
    """
    if not isinstance(text, str):
        raise TypeError(f"temporal.tag: text must be a str, not {type(text).__name__}")
    if language not in TABLES:
        language = "en"
    t = TABLES[language]
    cands = find_candidates(text, language)
    readings: dict[int, Reading] = {}
    need = [c for c in cands if anchors or doc is not None or needs_direction(c)]
    if need:
        readings = _directions(text, need, t, language, doc, parse, parser, spans)
    st = State(parse_dct(dct))
    out: list[Timex] = []
    for c in cands:
        rd = readings.get(c.start) or Reading()
        res = resolve(c, text, t, st, rd.direction, language)
        if res is None:
            continue
        typ, value, relative = res
        if (c.rule in REFERENCE_RULES and not (c.rule == "ago" and "-Q" in value)) or (
            c.rule == "quarter_ana" and QUARTER_ENDED.match(text, c.end)
        ):
            st.told(value, c.start)
        if calendar_date(value) and len(calendar_date(value) or "") == 10:
            st.last_day_at = c.start
        out.append(
            Timex(
                c.start,
                c.end,
                text[c.start : c.end],
                typ,
                value,
                relative,
                rd.anchor,
                rd.anchor_token,
                rd.direction,
                rd.main,
            )
        )
    return _bind_days(text, out)


# what may stand between a clock time or a weekday and the day that dates it: "10:35 a.m. (0735 GMT)
# Friday", "5 p.m. EST, Nov. 9", "Saturday, April 25"
_BETWEEN = re.compile(
    r"^[\s,]*(?:local\s+time)?[\s,]*(?:\(\d{4}\s+(?:GMT|UTC)\)|\(?[A-Z]{2,4}T\)?|GMT|UTC)?"
    r"[\s,]*(?:on|of)?[\s,]*$"
)


def _bind_days(text: str, out: list[Timex]) -> list[Timex]:
    """A clock time takes the day written right after (or before) it; a weekday, the date after it."""
    res = list(out)
    for k, x in enumerate(res):
        days = [(j, y) for j, y in enumerate(res) if j != k and len(y.date or "") == 10 and y.type in ("DATE", "TIME")]
        if x.type == "TIME" and re.search(r"\d", x.text) and "T" in x.value:
            near = [y for j, y in days if j > k and y.start - x.end <= 30 and _BETWEEN.match(text[x.end : y.start])]
            near += [
                y
                for j, y in days
                if j < k and x.start - y.end <= 6 and re.fullmatch(r"[\s,]*(?:at)?[\s,]*", text[y.end : x.start])
            ]
            if near:
                res[k] = replace(x, value=f"{near[0].date}T{x.value.split('T', 1)[1]}")
        elif x.relative and re.match(r"^[A-Za-z]+day$", x.text):
            nxt = [
                y
                for j, y in days
                if j == k + 1 and not y.text.lower().endswith("day") and _BETWEEN.match(text[x.end : y.start])
            ]
            if nxt and dt.date.fromisoformat(nxt[0].date or "").weekday() == _weekday_of(x):
                res[k] = replace(x, value=nxt[0].date or x.value)
    return res


def _weekday_of(x: Timex) -> int:
    d = calendar_date(x.value)
    return dt.date.fromisoformat(d).weekday() if d and len(d) == 10 else -1


def _directions(
    text: str,
    need: list[Cand],
    t: LangTables,
    language: str,
    doc: Any,
    parse: bool,
    parser: Parser | None,
    spans: list[tuple[int, int]] | None,
) -> dict[int, Reading]:
    out: dict[int, Reading] = {}
    if doc is not None:
        for c in need:
            out[c.start] = read_parse(doc, 0, c.start, c.end, t)
        return out
    nlp = load_parser(language) if parse and parser is None else None
    if nlp is None and (parser is None or not parse):
        return _cue_directions(text, need, t)
    spans = spans or sentence_spans(text)
    wanted: dict[tuple[int, int], list[Cand]] = {}
    for c in need:
        s = next((sp for sp in spans if sp[0] <= c.start < sp[1]), (max(0, c.start - 200), min(len(text), c.end + 200)))
        wanted.setdefault(s, []).append(c)
    keys = list(wanted)
    texts = [text[a:b] for a, b in keys]
    if parser is not None:
        docs = parser(texts)
    else:
        docs = list(nlp.pipe(texts, batch_size=64)) if nlp is not None else None
    if docs is None:
        return _cue_directions(text, need, t)
    for (a, b), sdoc in zip(keys, docs, strict=True):
        for c in wanted[(a, b)]:
            out[c.start] = read_parse(sdoc, a, c.start, c.end, t)
    return out


def _cue_directions(text: str, need: list[Cand], t: LangTables) -> dict[int, Reading]:
    return {c.start: Reading(fallback_direction(text, c.start, c.end, t)) for c in need}


def calendar_dates(
    text: str, dct: str | None, language: str = "en", doc: Any = None, parse: bool = False
) -> list[Timex]:
    """The expressions of ``text`` with a calendar value (``.date`` is YYYY, YYYY-MM or YYYY-MM-DD).

    A drop-in for ``timeline.find_dates``: a Timex has the fields its callers read
    (``date``, ``start``, ``end``, ``relative``).  Without a parse by default (it is called
    sentence by sentence in loops); pass ``doc`` or ``parse=True`` for the verb's tense.
    """
    return [x for x in tag(text, dct, language, doc=doc, parse=parse) if x.date]


def event_timex(timexes: list[Timex], start: int = 0, end: int | None = None) -> Timex | None:
    """The expression of a sentence (``start``..``end`` in the tagged text) carried by its main verb.

    Its main event's date: "the first call since October 2022 took place on Wednesday" ->
    "Wednesday"; "October 2022" is background.  Needs a parse (``main`` is set only then);
    without one, the sentence's only calendar expression if it has exactly one, else None.
    """
    inside = [x for x in timexes if x.start >= start and (end is None or x.end <= end)]
    mains = [x for x in inside if x.main and x.date]
    if mains:
        return mains[0]
    dated = [x for x in inside if x.date]
    if len(dated) == 1 and all(x.anchor is None for x in inside):
        return dated[0]
    return None


def governed(timexes: list[Timex], verb_start: int) -> list[Timex]:
    """The expressions whose governing verb starts at ``verb_start``."""
    return [x for x in timexes if x.anchor and x.anchor[0] == verb_start]
