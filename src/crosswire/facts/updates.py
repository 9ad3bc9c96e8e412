"""Figures that changed over time: a toll that rose from one report to the next, or a sentence that
moves from one value to another ("15 dead, up from 12"). An update is not a conflict."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswire.facts.figures import (
    COUNTABLE,
    QUALIFIER_WORDS,
    SAID_DAY,
    YEAR,
    InOneUnit,
    Mention,
    measure,
    number_about,
    window,
)
from crosswire.facts.numbers import CATEGORY_WORDS, Figure, find_numbers, parse_number_words
from crosswire.model import Citation, Conflict, Update, UpdateValue
from crosswire.text.dates import find_dates, reference_date
from crosswire.text.words import STOPWORDS, fold, stem

if TYPE_CHECKING:
    from crosswire.model import Article, Sentence

__all__ = ["find_updates"]


# --- figures that changed over time ------------------------------------------------------------
#
# "12 dead on Monday", "the toll rose to 15 on Wednesday", "15 dead, up from 12": one counted
# thing given different values at different times is an update, shown in order, not a conflict.

# words next to a figure that place it after an earlier value of the same thing
_LATER_WORDS = re.compile(
    r"\b(?:rose|risen|rising|climbed|climbing|increased|jumped|grew|mounted|swelled|soared|reached|reaching|"
    r"raised|revised|updated|latest|now|later|subsequently|lowered|fell|dropped|decreased|reduced|"
    r"corrected|new\s+(?:toll|figures?|count|tally|total)|"
    r"alourdi|grimpe|passe\s+a|atteint|desormais|nouveau\s+bilan|revu|dernier\s+bilan)\b"
)
# ... and those that say the later value is the lower one
_DOWN_WORDS = re.compile(
    r"\b(?:revised\s+down\w*|lowered|fell|dropped|decreased|reduced|corrected|down\s+to|"
    r"revu\s+a\s+la\s+baisse)\b"
)
# a figure somebody expects or fears is no count at any time
_PROJECTION = re.compile(
    r"\b(?:could|may|might|would|will|expected|expects|feared|fears|likely|projected|"
    r"forecasts?|predicts?|predicted|estimates?\s+that|if)\b"
)
_AGAINST = re.compile(
    r"\b(?:contradict\w*|disput\w*|den(?:y|ies|ied|ying)|reject\w*|refut\w*|contrary|"
    r"challeng\w*|contest\w*|instead\s+of|rather\s+than|not\s+the)\b"
)
_NUMBER_WORD = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|a\s+dozen|dozens)"
)
_PART_AFTER = re.compile(r"\s+of\s+(?:the|them|those|these|whom|their|its)\b", re.I)
_JOINED_AFTER = re.compile(r"[^,;:.!?()\d]{0,25}?(?:,\s*|\s+and\s+|\s+plus\s+)" + _NUMBER_WORD + r"\b")
_JOINED_BEFORE = re.compile(r"\b" + _NUMBER_WORD + r"\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?:,|and|plus)\s*$")
_INCREMENT = re.compile(r"\b(?:more|additional|further|extra|new|other)\b")
MAX_UPDATE_DAYS = 45  # days between the first and the last value of one update


@dataclass(frozen=True, slots=True)
class Timed(InOneUnit):
    """A figure with the time a report places it at, as updates and number conflicts compare it."""

    article: str
    index: int  # sentence number in its article
    text: str  # the sentence
    fig: Figure
    key: str
    factor: float
    when: str | None  # YYYY-MM-DD the count is placed at, else None
    source: str  # what placed it: "said", "update", "published", "event", "" (nothing)
    level: int  # 0: an earlier value the sentence moves from, 1: a value, 2: told as the later value
    down: bool  # told as lowered ("revised down to", "fell to")
    other_time: bool = False  # the sentence is about another year or a distant day
    noun: str = ""  # who is counted when the figure names them: "hostage-takers" ("" for people, victims)
    published: str | None = None  # the report's own date
    own_day: str | None = None  # the day written next to the figure: "up from 12 on Monday"

    @property
    def order(self) -> tuple[str, int]:
        return self.when or "", self.level


def _clause_around(text: str, fig: Figure) -> tuple[str, str]:
    """The words of a figure's clause before it (up to 80 characters) and after it (up to 40)."""
    before = re.split(r"[;:()]|\s[-–—]\s", text[max(0, fig.start - 80) : fig.start])[-1]
    after = re.split(r"[,;:.!?()]|\s[-–—]\s", text[fig.end : fig.end + 40])[0]
    return fold(before), fold(after)


def timing(
    text: str, fig: Figure, published: str | None, ref: str | None
) -> tuple[str | None, str, int, bool, bool] | None:
    """When a report places a figure: (date, what placed it, level, lowered, another time), or
    None to leave it out.

    The day a party gave the figure ("officials said on Monday"); else, for a figure told as
    the later value ("rose to 15 on Wednesday"), the day the sentence gives; else the report's
    publication date; else the day the sentence gives.  A sentence about another year or a
    distant day ("in 2019, 40 died") is marked as another time: its figures only count for
    the change the sentence itself tells ("650 last year, up from 238 in 2014").  Left out: a
    figure somebody expects ("could rise to 50"), one that was added ("two more bodies"), and
    a part of a count ("two of the victims", "eight men and three women").
    """
    before, after = _clause_around(text, fig)
    if _PROJECTION.search(before):
        return None
    own = fold(fig.text)[len(fig.qualifier or "") :]
    if _INCREMENT.search(own) or re.search(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s*$", before):
        return None  # "two more bodies", "another 3 deaths": what was added, not the count
    rest = text[fig.start :]
    rest = rest[len(fig.qualifier) :].lstrip() if fig.qualifier and fig.qualifier != "between" else rest
    if (
        _PART_AFTER.match(rest[len(rest.split()[0]) if rest.split() else 0 :])
        or _JOINED_AFTER.match(fold(text[fig.end : fig.end + 40]))
        or _JOINED_BEFORE.search(before)
    ):
        return None  # "two of the people found dead", "eight men and three women": parts of a count
    try:
        dates = find_dates(text, ref)
    except Exception:  # a date reader that trips on odd input must not stop the brief
        dates = []
    years = {d.date[:4] for d in dates} | set(YEAR.findall(text))  # (the date reader misses "In 2019 ...")
    days = [d for d in dates if len(d.date) == 10]
    other = bool(
        (ref and years - {ref[:4]})
        or (not ref and len(years) > 1)
        or (ref and any(abs(_days_between(d.date, ref)) > MAX_UPDATE_DAYS for d in days))
    )
    level = 0 if fig.previous else 2 if (_LATER_WORDS.search(before) or re.search(r"\b(?:now|since)\b", after)) else 1
    down = bool(_DOWN_WORDS.search(before))
    said = SAID_DAY.search(text)
    if said:
        hit = [d for d in days if said.start() <= d.start < said.end()]
        if hit:
            return hit[0].date, "said", level, down, other
    if days and level == 2:
        near = min(days, key=lambda d: min(abs(d.start - fig.end), abs(d.end - fig.start)))
        return near.date, "update", level, down, other
    if published:
        return published, "published", level, down, other
    if days:
        near = min(days, key=lambda d: min(abs(d.start - fig.end), abs(d.end - fig.start)))
        return near.date, "event", level, down, other
    return None, "", level, down, other


def _day_next_to(text: str, fig: Figure, ref: str | None) -> str | None:
    """The day written right after a figure, in its clause: "up from 12 on Monday" -> Monday's date."""
    after = re.split(r"[,;:.!?()]", text[fig.end : fig.end + 40])[0]
    try:
        days = [d for d in find_dates(after, ref) if len(d.date) == 10 and d.start <= 12]
    except Exception:  # a date reader that trips on odd input must not stop the brief
        return None
    return days[0].date if days else None


# fmt: off
_GENERIC_COUNTED = {
    "people", "persons", "person", "personnes", "personne", "others", "individuals", "victims", "bodies", "lives",
    "dead", "deaths", "death", "fatalities", "casualties", "injured", "wounded", "injuries", "missing", "toll",
    "total", "civilians", "residents", "hurt", "killed", "died"
}
# fmt: on


def counted_thing(fig: Figure) -> str:
    """Who a figure counts when it names them: "32 hostage-takers" -> "hostage-taker"; "" for
    people, victims, the dead and other words any count of the kind uses."""
    for t in re.findall(r"[^\W\d_][\w'’\-]*", fold(fig.text)[len(fig.qualifier or "") :]):
        if (
            t in QUALIFIER_WORDS
            or parse_number_words(t) is not None
            or t.endswith(("ed", "ing"))
            or t in ("alleged", "suspected", "other", "additional")
        ):
            continue  # the number's own words, an adjective ("armed")
        if t in STOPWORDS or t in _GENERIC_COUNTED or t in CATEGORY_WORDS:
            return ""
        return stem(t)  # the head of the noun phrase after the number
    return ""


def _days_between(a: str, b: str) -> int:
    import datetime as dt

    try:
        return (dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days
    except ValueError:
        return 0


def valid_day(date: object) -> str | None:
    """``date`` when it is a real day written YYYY-MM-DD, else None."""
    import datetime as dt

    if not isinstance(date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return None
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        return None
    return date


def is_later(first: Timed, then: Timed) -> bool:
    """Does ``then`` give a later value of what ``first`` counts (an update, not a contradiction)?

    The two must disagree, be placed in order (a later day, or the same day told as the later
    value, or the earlier value the same sentence moves from), move the way the wording says
    (counts of dead, injured, arrested... only grow unless the text says they were lowered)
    and, when only the days of the events tell them apart, be told in similar words.
    """
    if first.key != then.key or max(first.low, then.low) <= min(first.high, then.high) * (1 + 1e-6) + 1e-6:
        return False
    same_sentence = (first.article, first.index) == (then.article, then.index)
    if first.level == 0 and same_sentence:
        return then.level > 0  # "15 dead, up from 12": the sentence says which came first
    if first.key not in COUNTABLE or first.other_time or then.other_time:
        return False  # votes, money, percentages of two days are often two things; history is no update
    if first.noun != then.noun:
        return False  # "all 32 hostage-takers were killed" / "the toll climbed to 81": a part and the whole
    if first.article == then.article and not (
        first.when
        and then.when
        and first.when < then.when
        and (then.level == 2 or first.source == then.source == "said")
    ):
        return False  # one report's two values, with no earlier day and no word that one replaced the other
    if (first.when is None) != (then.when is None) or then.order <= first.order:
        return False
    if first.when is None and then.level < 2:
        return False
    if first.when and then.when and abs(_days_between(then.when, first.when)) > MAX_UPDATE_DAYS:
        return False
    if (
        then.level < 2
        and first.source != then.source
        and first.published
        and then.published
        and then.published <= first.published
    ):
        return False  # "said on Tuesday" in one report, Wednesday's date of another: the counts may be of one day
    if _AGAINST.search(fold(first.text)) or _AGAINST.search(fold(then.text)):
        return False  # "contradicting the fire service, which had put the toll at three": a dispute
    if then.low < first.low and not then.down:
        return False  # a lower toll with no word of a revision is a disagreement
    if then.low > first.low and then.down:
        return False
    names_a = window(first.text, first.fig)[1]
    names_b = window(then.text, then.fig)[1]
    if names_a and names_b and not names_a & names_b:
        return False  # "12 dead in Arlen" / "15 dead in Brisk": two places, not one toll
    if then.level < 2 and "event" in (first.source, then.source):
        return False  # "the attack on Monday killed 12" / "on Thursday ... 4": the days of two events
    return True


def _timed_mentions(articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]) -> list[Timed]:
    """Every figure of the story with a comparable counted thing, placed in time."""
    published = [d for a in articles if (d := valid_day(a.published))]
    out: list[Timed] = []
    for a in articles:
        ref = reference_date(a, published)
        own = valid_day(a.published)
        for s in sentences.get(a.id, ()):
            if s.is_heading:
                continue
            for f in find_numbers(s.text):
                m = measure(f.what)
                if m is None or f.disputed:
                    continue
                t = timing(s.text, f, own, ref)
                if t is None:
                    continue
                out.append(
                    Timed(
                        a.id,
                        s.index,
                        s.text,
                        f,
                        m[0],
                        m[1],
                        *t,
                        published=own,
                        noun=counted_thing(f),
                        own_day=_day_next_to(s.text, f, ref) if f.previous else None,
                    )
                )
    return out


def find_updates(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]], conflicts: Sequence[Conflict] = ()
) -> list[Update]:
    """Figures the reports give at different times, each with its values earliest first.

    ``sentences``: every article's numbered sentences (``FactSheet.sentences``).  One counted
    thing of a casualty kind (dead, injured, arrested, missing, displaced) given different
    values at different times -- days the sentences or the reports' dates give, "rose to",
    "now", "latest toll" -- is one update; a sentence that moves from one value to another
    ("15 dead, up from 12") is one for any counted thing.  Values of one time that disagree
    are a conflict, not an update, and a figure a number conflict already shows is left out.
    """
    in_conflict = {
        (c.article, c.sentence) for x in conflicts if x.kind == "number" for side in x.sides for c in side.citations
    }
    order = {a.id: k for k, a in enumerate(articles)}
    mentions = [m for m in _timed_mentions(articles, sentences) if (m.article, m.index) not in in_conflict]
    by_sentence: dict[tuple[str, int, str], list[Timed]] = {}
    for m in mentions:
        by_sentence.setdefault((m.article, m.index, m.key), []).append(m)
    series: list[list[list[Timed]]] = []
    # a sentence that moves from one value to another: its own update, for any counted thing
    for ms in by_sentence.values():
        if re.search(r"\brespectively\b", ms[0].text):
            continue  # "29 and 27, up from 24 and 21 respectively": pairs we do not untangle
        key = ms[0].key
        for prev in (m for m in ms if m.level == 0):
            told = [
                f
                for f in find_numbers(prev.text)
                if f.end <= prev.fig.start and not f.previous and (measure(f.what) or ("",))[0] == key
            ]
            now = [m for m in ms if m.level > 0 and m.fig.end <= prev.fig.start]
            if len(told) == 1 and len(now) == 1 and is_later(prev, now[0]):
                series.append([[prev], now])  # "29 percent of women and 27 percent of men, up from 22": which?
    # one casualty count across sentences and reports, in time order
    by_key: dict[str, list[Timed]] = {}
    for (_, _, key), ms in by_sentence.items():
        current = [m for m in ms if m.level > 0 and not m.other_time]
        if key not in COUNTABLE or not current:
            continue
        if any(not _agree_timed(x, y) for x in current for y in current):
            continue  # "12 soldiers and 3 civilians killed": which is the toll?
        by_key.setdefault(key, []).extend(m for m in ms if not m.other_time)
    for ms in by_key.values():
        steps = _series(ms, order)
        if steps:
            series.append(steps)
    return _merge_updates([_update(s) for s in series])


def _agree_timed(a: Timed, b: Timed) -> bool:
    return max(a.low, b.low) <= min(a.high, b.high) * (1 + 1e-6) + 1e-6


def _series(ms: list[Timed], order: Mapping[str, int]) -> list[list[Timed]] | None:
    """The values of one counted thing in time order, or None when they do not make an update.

    Figures of one time that agree are one value (a time whose figures disagree is left to the
    conflicts); consecutive times that agree are one value; every step must be a later value
    of the step before (:func:`is_later`), else the figures are not shown as an update at all.
    """
    if any(m.when for m in ms):
        ms = [m for m in ms if m.when or m.level == 0]
    slots: dict[tuple[str, int], list[Timed]] = {}
    for m in sorted(ms, key=lambda m: (m.order, order.get(m.article, 0), m.index, m.fig.start)):
        if m.level == 0:
            continue  # an earlier value only counts next to the value it moves from (see below)
        slots.setdefault(m.order, []).append(m)
    values: list[list[Timed]] = []
    for slot in slots.values():
        if any(not _agree_timed(x, y) for x in slot for y in slot):
            continue  # two figures for one time: a conflict, not an update
        if values and all(_agree_timed(x, y) for x in values[-1] for y in slot):
            values[-1].extend(slot)
        else:
            values.append(list(slot))
    if len(values) < 2:
        return None
    for first, then in zip(values, values[1:], strict=False):
        if not any(is_later(x, y) for x in first for y in then):
            return None
        if any(not _agree_timed(x, y) and not is_later(x, y) for x in first for y in then):
            return None
    # an earlier value a sentence of the series moves from ("up from 12") joins the value it equals
    for m in ms:
        if m.level == 0:
            hit = next((v for v in values if all(_agree_timed(m, x) for x in v)), None)
            if hit is not None:
                hit.append(m)
    return values


def _update(values: list[list[Timed]]) -> Update:
    out: list[UpdateValue] = []
    for v in values:
        best = min(v, key=lambda m: (m.level == 0, m.fig.qualifier is not None, m.when or "9999"))
        dates = sorted(m.when for m in v if m.when and m.level > 0) or sorted(m.own_day for m in v if m.own_day)
        cites: list[Citation] = []
        for m in v:
            c = Citation(m.article, m.index, m.text)
            if c not in cites:
                cites.append(c)
        out.append(
            UpdateValue(
                best.fig.value * best.factor if best.key == "duration" else best.fig.value,
                dates[0] if dates else None,
                best.fig.text,
                list(dict.fromkeys(m.article for m in v)),
                best.fig.qualifier,
                cites,
            )
        )
    first = values[0][0]
    shown = [min(v, key=lambda m: (m.level == 0, m.fig.qualifier is not None)) for v in values]
    about = number_about([Mention(0, m.fig, m.key, m.factor) for m in shown]).replace(" or ", ", then ")
    return Update(first.key, about, out)


def _merge_updates(updates: list[Update]) -> list[Update]:
    """One update per change: the same "up from" in several copies, or inside a longer series."""
    out: list[Update] = []
    for u in sorted(updates, key=lambda u: -len(u.values)):
        vals = [(v.value, v.qualifier) for v in u.values]
        hit = None
        for o in out:
            ovals = [(v.value, v.qualifier) for v in o.values]
            if o.what == u.what and all(x in ovals for x in vals):
                hit = o
                break
        if hit is None:
            out.append(u)
            continue
        for v in u.values:
            target = next(x for x in hit.values if (x.value, x.qualifier) == (v.value, v.qualifier))
            target.articles += [a for a in v.articles if a not in target.articles]
            target.citations += [c for c in v.citations if c not in target.citations]
            if target.date is None:
                target.date = v.date
    return out
