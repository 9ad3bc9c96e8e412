"""Attribute conflicts: two values of one attribute of one thing that cannot both be true.

Three attributes, each read from the sentences with per-language tables (:data:`ORIGIN_VERBS`,
:data:`TITLES`, :data:`DAY_WORDS`), never from a list of examples:

``origin year``
    the year a named thing was founded, established or a person born ("Founded in 1989,
    SkyMall ..." / "SkyMall, founded in 1990"); the same name with two years is a conflict;
``job title``
    a person's post among posts one person cannot hold at once ("Chief Financial Officer
    Scott Wiley" / "Scott Wiley, Xhibit's acting chief executive"); "former", "ex-" and a
    mention holding two posts ("chairman and chief executive") are left out;
``day of an event``
    one event told on two different days ("went missing Friday night after the prom" /
    "disappeared from his prom Saturday night"; "April 14" / "April 15"): two reports, each
    sentence naming one day, different days, and the clauses around the days sharing at
    least two ordinary words besides time words (the event).  A weekday that dates the
    telling ("said on Friday") does not count.

Sides always come from two independent reports (copies count once) and cite the
sentences; ``about`` says what is disputed: "year SkyMall was founded: 1990 or 1989".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswire.facts.claims import gist_of
from crosswire.facts.figures import SAID_DAY
from crosswire.model import Conflict, ConflictSide
from crosswire.text.months import MONTHS
from crosswire.text.words import STOPWORDS, fold

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

__all__ = ["attribute_conflicts", "ORIGIN_VERBS", "TITLES", "DAY_WORDS", "origin_years", "job_titles", "event_days"]

# --- the tables (data: a language is added by adding its words) -----------------------------------

# verbs of a one-time origin, by attribute, then the words that put a year after them
# fmt: off
ORIGIN_VERBS: dict[str, tuple[str, ...]] = {
    "founded": (
        "founded", "established", "co-founded", "cofounded", "set up", "incorporated",    # en
        "fondé", "fondée", "fondés", "fondées", "créé", "créée",                          # fr
        "gegründet", "gegruendet",                                                        # de
        "fundado", "fundada", "fundados", "fundadas", "creado", "creada",                 # es
    ),
    "born": ("born", "né", "née", "geboren", "nacido", "nacida"),
}
# fmt: on
_YEAR_LEAD = r"(?:\s+(?:in|en|im\s+jahr(?:e)?|im|el\s+año|au|el|a)){1,2}\s+"
# posts one person cannot hold at once: canonical post -> its words in en, fr, de, es
# fmt: off
TITLES: dict[str, tuple[str, ...]] = {
    "chief executive": ("chief executive officer", "chief executive", "ceo", "directeur général", "directrice générale",
                        "pdg", "président-directeur général", "vorstandschef", "vorstandsvorsitzender",
                        "vorstandsvorsitzende", "konzernchef", "konzernchefin", "consejero delegado",
                        "consejera delegada", "director ejecutivo", "directora ejecutiva"),
    "chief financial officer": ("chief financial officer", "cfo", "finance director", "directeur financier",
                                "directrice financière", "finanzvorstand", "finanzchef", "finanzchefin",
                                "director financiero", "directora financiera"),
    "chief operating officer": ("chief operating officer", "coo", "directeur des opérations",
                                "directeur général délégué", "director de operaciones"),
    "chief technology officer": ("chief technology officer", "cto", "directeur technique", "technikvorstand",
                                 "director técnico", "directora técnica"),
}
# fmt: on
_FORMER = re.compile(
    r"\b(?:former|ex|then|one-time|onetime|ancien|ancienne|ex-|ehemalige[rn]?|früheren?|"
    r"frueheren?|antiguo|antigua|expresidente|exdirector)\b[\s-]*(?:\S+\s+){0,3}$",
    re.I,
)
# weekdays and the words that are only the time of day around them (never the event itself)
DAY_WORDS: dict[str, int] = {
    name: k
    for k, names in enumerate(
        (
            ("monday", "lundi", "montag", "lunes"),
            ("tuesday", "mardi", "dienstag", "martes"),
            ("wednesday", "mercredi", "mittwoch", "miercoles"),
            ("thursday", "jeudi", "donnerstag", "jueves"),
            ("friday", "vendredi", "freitag", "viernes"),
            ("saturday", "samedi", "samstag", "sonnabend", "sabado"),
            ("sunday", "dimanche", "sonntag", "domingo"),
        )
    )
    for name in names
}
# fmt: off
_TIME_WORDS = {"night", "morning", "afternoon", "evening", "day", "late", "early", "last", "next", "this", "week",
               "time", "hour", "soir", "matin", "nuit", "abend", "morgen", "nacht", "noche", "manana", "tarde",
               "around", "about", "after", "before", "since", "until", "p.m", "a.m", "pm", "am"}
# fmt: on


# --- reading values --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Value:
    """One value of one attribute of one thing, in one sentence."""

    pos: int  # the sentence (position in the story)
    attribute: str  # "founded", "born", "title", "day"
    subject: frozenset[str]  # folded name words of the thing it is about (empty: the event, see ``words``)
    value: str  # "1989", "chief executive", "weekday=4" / "04-15"
    shown: str  # the value as a reader says it
    label: str = ""  # the thing as written ("SkyMall", "Scott Wiley")
    words: frozenset[str] = frozenset()  # the words around a day (the event it dates)
    names: frozenset[str] = frozenset()  # ... and the words of its whole sentence


_NAME = r"[A-ZÀ-Þ][\w’'\-.]*(?:\s+(?:de|von|van|der|la|le|del|du|[A-ZÀ-Þ][\w’'\-.]*))*"
_NAME_RX = re.compile(_NAME)


def _name_words(text: str) -> frozenset[str]:
    return frozenset(
        w
        for w in (fold(x).strip(".’'") for x in text.split())
        if len(w) >= 3 and w not in STOPWORDS and w not in DAY_WORDS and w not in MONTHS
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_ORIGIN_RX = {
    attr: re.compile(r"\b(?:" + _alternation(verbs) + r")" + _YEAR_LEAD + r"((?:1[5-9]|20)\d\d)\b", re.I)
    for attr, verbs in ORIGIN_VERBS.items()
}
_ORIGIN_RX_DE = {
    attr: re.compile(r"\b((?:1[5-9]|20)\d\d)\s+(?:" + _alternation(verbs) + r")\b", re.I)
    for attr, verbs in ORIGIN_VERBS.items()
}  # "1989 gegründet"


def origin_years(text: str) -> list[tuple[str, str, str]]:
    """(attribute, year, subject name as written) for each origin year a sentence gives.

    The subject is the name closest to the verb in its clause: the one right after an
    opening participle ("Founded in 1989, SkyMall said ..."), else the last one before the
    verb ("SkyMall, which was founded in 1990, ...").  A clause naming nothing gives nothing.
    """
    out = []
    for attr in ORIGIN_VERBS:
        for rx in (_ORIGIN_RX[attr], _ORIGIN_RX_DE[attr]):
            for m in rx.finditer(text):
                before = re.split(r"[;:()]|\.\s", text[: m.start()])[-1]
                after = text[m.end() :]
                subject = ""
                if not before.strip() or before.strip() in ("-", "—"):
                    # an opening participle: the subject opens the main clause, after the first comma
                    main = after.split(", ", 1)[1] if ", " in after[:160] else after.lstrip(" ,")
                    nm = _NAME_RX.match(main)
                    if nm:
                        subject = nm.group(0)
                else:
                    names = [
                        n.group(0)
                        for n in _NAME_RX.finditer(before)
                        if not (n.start() == 0 and fold(n.group(0).split()[0]) in STOPWORDS)
                    ]
                    if names:
                        subject = names[-1]
                if _name_words(subject):
                    out.append((attr, m.group(1), subject))
    return out


_TITLE_WORDS = {w: canon for canon, ws in TITLES.items() for w in ws}
_TITLE_RX = _alternation(_TITLE_WORDS)
_PERSON = r"(?-i:([A-ZÀ-Þ][\w’'\-]+(?:\s+[A-ZÀ-Þ]\.)?(?:\s+(?:de|von|van|der|le|la|del)?\s*[A-ZÀ-Þ][\w’'\-]+){1,2}))"
# "Chief Financial Officer Scott Wiley", "acting CEO Jane Doe"
_TITLE_BEFORE = re.compile(r"(?<![\w-])(" + _TITLE_RX + r")\s*,?\s+" + _PERSON, re.I)
# "Scott Wiley, Xhibit's acting chief executive", "Jane Doe, the CEO of Acme"
_TITLE_AFTER = re.compile(
    _PERSON + r",\s+(?:(?:the|its|their|his|her|le|la|der|die|el)\s+)?"
    r"(?:[A-ZÀ-Þ][\w.&\-]*(?:’s|'s)?\s+)?(?:(?:acting|interim|new|longtime|"
    r"intérimaire|kommissarische[rn]?|interino|interina)\s+)?(" + _TITLE_RX + r")\b",
    re.I,
)
_TWO_POSTS = re.compile(r"^\s*(?:and|&|et|und|y)\s+(?:" + _TITLE_RX + r")\b|^\s*/", re.I)


def job_titles(text: str) -> list[tuple[str, str]]:
    """(canonical post, person name as written) for each person a sentence gives a post."""
    out = []
    for m in _TITLE_BEFORE.finditer(text):
        title, person = m.group(1), m.group(2)
        if (
            not person[:1].isupper()
            or _FORMER.search(text[: m.start()])
            or re.search(r"\b(?:and|et|und|y)\s*$|&\s*$", text[max(0, m.start() - 6) : m.start()])
        ):
            continue
        canon = _TITLE_WORDS.get(title.lower()) or _TITLE_WORDS.get(fold(title).lower())
        if canon:
            out.append((canon, person))
    for m in _TITLE_AFTER.finditer(text):
        person, title = m.group(1), m.group(2)
        between = text[m.end(1) : m.start(2)]
        if _FORMER.search(between) or _TWO_POSTS.match(text[m.end() :]):
            continue
        canon = _TITLE_WORDS.get(title.lower()) or _TITLE_WORDS.get(fold(title).lower())
        if canon:
            out.append((canon, person))
    return [(c, p) for c, p in out if len(_name_words(p)) >= 2]


_MONTH_DAY = re.compile(
    r"\b(" + _alternation(k for k in MONTHS if len(k) >= 3) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b"
    r"|\b(\d{1,2})(?:\.|er)?\s+(" + _alternation(k for k in MONTHS if len(k) >= 3) + r")\b",
    re.I,
)
_WEEKDAY = re.compile(r"\b(" + "|".join(DAY_WORDS) + r")\b")


def event_days(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, value, start, end) of the days a sentence tells an event on: weekdays (not the day
    something was said) and month-days; kind is "weekday" or "date"."""
    folded = fold(text)
    said = [(m.start(), m.end()) for m in SAID_DAY.finditer(folded)]
    out = []
    for m in _WEEKDAY.finditer(folded):
        if (
            any(a <= m.start() < b for a, b in said)
            or _AS_OF.search(folded[max(0, m.start() - 20) : m.start()])
            or _POSSESSIVE.match(folded, m.end())
        ):
            continue  # "said on Friday", "as of Monday", "Tuesday's vote" (the day names a thing, not an event)
        out.append(("weekday", str(DAY_WORDS[m.group(1)]), m.start(), m.end()))
    for m in _MONTH_DAY.finditer(folded):
        month = MONTHS.get((m.group(1) or m.group(4) or "").lower())
        day = int(m.group(2) or m.group(3))
        if month and 1 <= day <= 31:
            out.append(("date", f"{month:02d}-{day:02d}", m.start(), m.end()))
    return out


_POSSESSIVE = re.compile(r"['’]s?\b")
_AS_OF = re.compile(r"\b(?:as\s+of|since|until|till|by|depuis|jusqu'?a|seit|bis|desde|hasta)\s+(?:\S+\s+){0,2}\(?$")


def _event_words(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """The words within ``EVENT_WINDOW`` words of a day, in its clause, and the words of the whole
    sentence: folded, without time words, function words and day or month names."""
    folded = fold(text)

    def keep(ws: Iterable[str]) -> frozenset[str]:
        return frozenset(
            w.strip("’'")
            for w in ws
            if len(w) >= 3
            and w not in STOPWORDS
            and w not in _TIME_WORDS
            and w not in DAY_WORDS
            and w not in MONTHS
            and not w[:1].isdigit()
        )

    left = re.split(r"[;:()]", folded[:start])[-1]
    right = re.split(r"[;:()]", folded[end:])[0]
    tok = re.compile(r"[^\W\d_][\w’'\-]*")
    window = tok.findall(left)[-EVENT_WINDOW:] + tok.findall(right)[:EVENT_WINDOW]
    return keep(window), keep(tok.findall(folded))


EVENT_WINDOW = 8  # words either side of a day that tell what happened on it
EVENT_SHARED = 3  # words two windows share (one of them a past verb: the event) to tell one event
# how a past verb or participle ends, per language (en, fr, es; de "ge...t" is read apart)
PAST_ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("ed",),
    "fr": ("é", "ée", "és", "ées"),
    "es": ("ado", "ada", "ido", "ida", "ó"),
}
# fmt: off
_IRREGULAR_PAST = {"died", "shot", "hit", "struck", "fled", "fell", "met", "won", "lost", "left", "went", "began",
                   "held", "sank", "broke", "took", "gave", "found", "caught", "stole", "fought", "flew", "ran"}
# fmt: on


def _is_event_verb(word: str) -> bool:
    """A past verb or participle (folded): what happened on a day ("drowned", "indicted", "arrêté")."""
    if word in _IRREGULAR_PAST or (word.startswith("ge") and word.endswith("t") and len(word) > 5):
        return True
    return len(word) > 4 and any(word.endswith(fold(e)) for es in PAST_ENDINGS.values() for e in es)


# --- comparing -------------------------------------------------------------------------------------


def _values(story: StoryText) -> list[Value]:
    out: list[Value] = []
    for p in story.fact_pos:
        text = story.sentences[p].text
        for attr, year, subject in origin_years(text):
            out.append(Value(p, attr, _name_words(subject), year, year, subject))
        for canon, person in job_titles(text):
            out.append(Value(p, "title", _name_words(person), canon, canon, person))
        days = event_days(text)
        # sorted, not a set: a set of strings iterates in the process's hash order, and the first kind read
        # names the conflict ("date of ...: April 14 or April 19", not "day of ...: Saturday or Thursday")
        kinds = sorted({k for k, *_ in days})
        for kind in kinds:  # only a sentence naming one day of a kind dates one event
            mine = [d for d in days if d[0] == kind]
            if len({d[1] for d in mine}) != 1:
                continue
            _, value, start, end = mine[0]
            shown = _DAY_NAMES[int(value)] if kind == "weekday" else _date_words(value)
            out.append(Value(p, "day-" + kind, frozenset(), value, shown, "", *_event_words(text, start, end)))
    return out


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# fmt: off
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
# fmt: on


def _date_words(value: str) -> str:
    month, day = value.split("-")
    return f"{_MONTH_NAMES[int(month) - 1]} {int(day)}"


def _same_thing(a: Value, b: Value) -> bool:
    if a.attribute.startswith("day-"):  # the same event: its verb and two more words around both days
        shared = a.words & b.words
        return (
            len(shared) >= EVENT_SHARED
            and any(_is_event_verb(w) for w in shared)
            and len(a.names & b.names) >= EVENT_SHARED
        )
    if a.attribute == "title":  # one person: every name word of the shorter name in the longer
        short, long = sorted((a.subject, b.subject), key=len)
        return short <= long
    return bool(a.subject & b.subject)


_ABOUT = {
    "founded": "year {} was founded",
    "born": "year {} was born",
    "title": "post of {}",
    "day-weekday": "day of {}",
    "day-date": "date of {}",
}


def attribute_conflicts(story: StoryText) -> list[Conflict]:
    """Every attribute with two values in two independent reports, one conflict per thing."""
    values = _values(story)
    article = {v.pos: story.sentences[v.pos].article for v in values}
    groups: list[list[Value]] = []
    for v in values:
        for g in groups:
            w = g[0]
            if (
                w.attribute == v.attribute
                and _same_thing(w, v)
                and any(x.value != v.value and story.independent([article[x.pos], article[v.pos]]) >= 2 for x in g)
            ):
                g.append(v)
                break
            if w.attribute == v.attribute and _same_thing(w, v) and all(x.value == v.value for x in g):
                g.append(v)
                break
        else:
            groups.append([v])
    out: list[Conflict] = []
    used: set[int] = set()
    for g in groups:
        by_value: dict[str, list[Value]] = {}
        for v in g:
            by_value.setdefault(v.value, []).append(v)
        if len(by_value) < 2:
            continue
        arts = [{article[v.pos] for v in vs} for vs in by_value.values()]
        if story.independent(sorted(set().union(*arts))) < 2 or any(arts[0] & a for a in arts[1:]):
            continue  # one report giving both values corrects itself or tells two things
        if any(v.pos in used for v in g):
            continue
        used.update(v.pos for v in g)
        sides = []
        for vs in by_value.values():
            ps = list(dict.fromkeys(v.pos for v in vs))
            sides.append(
                ConflictSide(
                    story.sentences[ps[0]].text,
                    story.attribution[ps[0]],
                    list(dict.fromkeys(article[p] for p in ps)),
                    [story.cite(p) for p in ps],
                )
            )
        first = g[0]
        thing = max((v.label for v in g), key=len) if first.subject else gist_of(story.sentences[first.pos].text, 10)
        about = _ABOUT[first.attribute].format(thing) + ": " + " or ".join(vs[0].shown for vs in by_value.values())
        kind = "claim" if first.attribute == "title" else "date"
        out.append(Conflict("", about, kind, sides))  # type: ignore[arg-type]
    return out
