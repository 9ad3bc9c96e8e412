"""Figures in news sentences: the value, what it counts, and its qualifier.

``find_numbers(text)`` reads "at least 144 people dead", "more than 140 died",
"twelve suspects", "a one-hour call", "360 injured" and returns
:class:`Figure` s with an interval of the values the wording allows, so that
``compatible(a, b)`` can say whether two reports' figures can both be true:
"at least 144" and "more than 140" can, "144 dead" and "150 dead" cannot.
Years, dates, clock times, ordinals and rates ("per million") are not figures.

Also read: ranges ("between 3,000 and 4,000 people", "10-15 percent") as one
figure whose interval is the range; shares ("a quarter of", "nine in ten") as
percentages; ages ("a 45-year-old", "aged 47"); compound durations ("1 hour 35
minutes"); money by its currency ("$500k", "half a million dollars"); and a bare
figure that counts what the figure next to it counts ("Rhee 14,386 votes and
Ostrander 14,174", "87 votes, not the 212 announced" -- the latter marked
``disputed``, "up from 260" marked ``previous``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from crosswire.facts.ages import names_a_kind, told_age
from crosswire.facts.number_lists import count_named_before, list_part
from crosswire.facts.number_words import ADJECTIVES, CATEGORIES, LEAD_VERBS, QUALIFIERS, SKIP_NOUNS, UNIT_RX
from crosswire.text.months import MONTH_NAMES
from crosswire.text.numwords import (
    AGE_RANGE_OF,
    DOT_GROUPING,
    LOCAL_SCALES,
    LOCAL_WORDS,
    RANGE_WORDS,
    SCALES,
    TENS,
    UNITS,
    local_value,
    parse_number_words,
)
from crosswire.text.words import STOPWORDS, fold

__all__ = ["Figure", "find_numbers", "find_rates", "compatible", "parse_number_words", "category", "CATEGORY_WORDS"]

_NUMWORD = "|".join(sorted(list(UNITS) + list(TENS) + list(SCALES) + ["dozen", "a", "and"], key=len, reverse=True))

_QUAL_RX = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))

# "five people were critically injured", "two were in critical condition", "deux blessés graves":
# the critically injured are counted apart from the injured (en, fr, de, es)
_CRITICAL = re.compile(
    r"^[\s-]*(?:(?:people|persons|of\s+them|victims|patients|others?|were|are|was|is|remain(?:s|ed)?|still|"
    r"listed|in|a|left|personnes|sont|ont|été|Menschen|Personen|wurden|sind|personas|fueron|están|resultaron)\s+){0,4}"
    r"(?:critical(?:ly)?\s+(?:condition|injured|wounded|hurt|ill)|in\s+critical\b|"
    r"(?:blessés?|blessées?)\s+graves?|grièvement\s+blessé|en\s+urgence\s+absolue|"
    r"schwer\s*verletzt|lebensgefährlich\s+verletzt|heridos?\s+(?:de\s+)?graves?(?:dad)?|en\s+estado\s+crítico)",
    re.I,
)
# "25 Menschen kamen ums Leben", "perdieron la vida", "ont perdu la vie", "lost their lives": the dead
_LOST_LIVES = re.compile(
    r"^[\s-]*(?:[^\W\d_][\w'’-]*\s+){0,4}?(?:ums\s+Leben\b|(?:perdieron|perdido)\s+la\s+vida\b|"
    r"(?:ont\s+)?perdu\s+la\s+vie\b|trouvé\s+la\s+mort\b|lost\s+their\s+lives\b|perso\s+la\s+vita\b)",
    re.I,
)
CATEGORY_WORDS = frozenset(w for ws in CATEGORIES.values() for w in ws)  # "killed", "wounded", "missing", ...
_QUAL_WORDS = {w for q in QUALIFIERS for w in q.split()}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_NUM_RX = re.compile(
    r"(?P<qual>\b(?:" + _QUAL_RX + r")\s+)?"
    r"(?P<cur>[$€£¥])?"
    r"(?P<num>\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|"
    r"\b(?:(?:" + _NUMWORD + r")(?:[\s\-]+(?=(?:" + _NUMWORD + r")\b))?)+\b)"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion|m|bn|k)\b)?",
    re.IGNORECASE,
)
# fmt: off
_SCALE_VALUES: dict[str, float] = {"hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6,
                                   "billion": 1e9, "bn": 1e9, "trillion": 1e12}
# fmt: on


@lru_cache(maxsize=16)
def _num_rx(language: str | None) -> re.Pattern[str]:
    """The figure pattern of a language: its number words and the scale words written after a figure."""
    if language not in LOCAL_WORDS:
        return _NUM_RX
    words = "|".join(sorted(map(re.escape, LOCAL_WORDS[language]), key=len, reverse=True))
    scales = "|".join(sorted(map(re.escape, LOCAL_SCALES.get(language, {})), key=len, reverse=True))
    return re.compile(
        r"(?P<qual>\b(?:" + _QUAL_RX + r")\s+)?"
        r"(?P<cur>[$€£¥])?"
        r"(?P<num>\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|\b(?:" + words + r")\b)"
        r"(?P<scale>\s+(?:" + scales + r"|m|bn|k)(?!\w))?",
        re.IGNORECASE,
    )


def _scale(word: str, language: str | None) -> float:
    w = fold(word.strip())
    local = {fold(k): v for k, v in LOCAL_SCALES.get(language or "", {}).items()}
    return local.get(w) or _SCALE_VALUES.get(w, 1.0)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in a sentence."""

    value: float
    what: str  # normalised: "dead", "injured", "arrested", or the counted noun ("hour", "suspects")
    text: str  # the words as written, "at least 144 people dead"
    qualifier: str | None
    low: float
    high: float
    start: int
    end: int
    previous: bool = False  # an earlier value the sentence moves from: "up from 260"
    disputed: bool = False  # the figure the sentence disputes: "87 votes, not the 212 announced"


def category(word: str) -> str:
    """The counted thing, normalised: death words -> "dead", and so on; else the word, lightly singular."""
    w = fold(word)
    for cat, lex in CATEGORIES.items():
        if w in lex:
            return cat
    return w


# words after which a number names or ranks something rather than counting it ("Chapter 11", "Flight 370",
# "a No. 12 team", "Artikel 5", "vuelo 8501"), folded
# fmt: off
_NUMBERING_WORDS = (
    "number", "chapter", "article", "section", "title", "route", "highway", "interstate", "flight",
    "room", "gate", "terminal", "platform", "channel", "page", "volume", "vol", "episode", "season", "phase", "stage",
    "category", "grade", "ward", "district", "precinct", "proposition", "exhibit", "tier", "pier", "amendment",
    "game", "flagrant", "level", "type",
    "apollo", "windows", "ios", "android", "iphone", "galaxy", "model",
    "numero", "articulo", "capitulo", "vuelo", "ruta", "chapitre", "artikel", "kapitel", "flug", "nummer",
)
# fmt: on
_NAMED_BY_NUMBER = re.compile(r"\b(?:" + "|".join(_NUMBERING_WORDS) + r")\.?\s*[#nº°]?\s*$")
_RANKED = re.compile(r"\b(?:No|Nos|Nr|N[º°])\.?\s*$|\bno\.\s*$")  # "a No. 12 team", not "no 3 players"


# languages that write every noun with a capital: the counted noun is the first capitalised word after the
# figure ("650 amerikanische Fallschirmjäger machten ...", not "machten")
NOUNS_CAPITALISED = frozenset({"de"})


def _title_case(text: str) -> bool:
    """Is a line written with every word capitalised (a headline: "Where Four Found Dead")?"""
    words = re.findall(r"[^\W\d_][\w'’]*", text)
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


_DATING = frozenset({"last", "next", "every", "per"})  # "one last week": no count of weeks
_PASSIVE_AUX = frozenset({"were", "was", "are", "is", "be", "being", "been"})


def _what(after: str, before: str, language: str | None = None) -> str | None:
    if _CRITICAL.match(after):
        return "critical"
    if _LOST_LIVES.match(after):
        return "dead"
    toks = re.findall(r"[^\W\d_][\w'’\-]*|[.,;:!?()]|\d", after[:80])
    candidates: list[str] = []
    for t in toks[:5]:
        if t in ".,;:!?()" or t.isdigit():
            break  # "1 hour 35 minutes": the next figure starts its own noun phrase
        candidates.append(t)
    nouns = 0
    for k, t in enumerate(candidates):
        f = fold(t)
        if f == "held" and not (k and fold(candidates[k - 1]) in _PASSIVE_AUX):
            break  # "200 people held signs": they held something; "were held" is arrested
        if category(t) in CATEGORIES:
            return category(t)
        if re.fullmatch(UNIT_RX, f):
            break  # "a one-hour conversation was held": the unit is what is counted
        if f in SKIP_NOUNS or f in ADJECTIVES:
            continue
        nouns += 1
        if nouns >= 3:  # "30 dock workers died": look one word past the noun phrase, no further
            break
    # "killed at least 30 people", "the death toll rose to 150", "injuring 12 workers"
    # only words of the same clause: "six were killed and five remain in hospital" stops at "and"
    clause = re.split(r"[,;:.!?()]|\b(?:and|but|while|or|as)\b", before[-50:])[-1]
    prev = re.findall(r"[^\W\d_][\w'’\-]*", clause)
    for t in reversed(prev[-4:]):
        f = fold(t)
        if f in LEAD_VERBS:
            return LEAD_VERBS[f]
        if (
            f in STOPWORDS
            or f in _QUAL_WORDS
            or f in {"toll", "rose", "risen", "climbed", "reached", "stood", "stands", "now", "to", "at"}
        ):
            continue
        break
    # "the death toll from Monday's capsizing rose to 14", "the number of injured climbed to 40"
    told = _TOLL_TO.search(fold(before[-120:]))
    if told:
        for t in re.findall(r"[^\W\d_][\w'’\-]*", told.group("subject")):
            if category(t) in CATEGORIES and category(t) != "arrested":
                return category(t)
            if fold(t) == "bilan":  # French: "le bilan s'est alourdi à 15"
                return "dead"
    # the head of the noun phrase after the figure: "600 council flats" -> "flats",
    # "34 counting tables" -> "tables"; a participle is no noun ("not the 212 announced by")
    head: str | None = None
    for k, t in enumerate(candidates[:4]):
        f = fold(t)
        if f in SKIP_NOUNS or f in ADJECTIVES:
            if head is not None:
                break
            continue
        if f in STOPWORDS or f in _DATING or (t[:1].isupper() and language not in NOUNS_CAPITALISED):
            break  # "150 on Friday": the noun is not after the figure (German capitalises every noun)
        if language in NOUNS_CAPITALISED:
            if t[:1].isupper():
                head = t
                break  # "650 amerikanische Fallschirmjäger machten ...": the capitalised word is the noun
            continue  # an adjective before it
        if _participle(f):
            nxt = fold(candidates[k + 1]) if k + 1 < len(candidates) else ""
            if head is None and nxt and nxt not in STOPWORDS and not _participle(nxt):
                continue  # "three armed guards": an adjective
            break  # "212 announced by ...", "4,000 people marched"
        head = t
        if len(f) > 2 and f.endswith("s") and not f.endswith("ss") or re.fullmatch(UNIT_RX, f):
            break  # a plural closes the noun phrase ("45 seats parliament" does not happen), so does a unit
            # ("a 30 metre wall fell": metres, not "fell")
    if head is not None:
        return category(head)
    if candidates and fold(candidates[0]) in {
        "people",
        "persons",
        "personnes",
        "civilians",
        "men",
        "women",
        "children",
    }:
        return "people"
    if not candidates or _participle(fold(candidates[0])) or fold(candidates[0]) in STOPWORDS:
        return count_named_before(before)  # "a crowd expected to be about 50,000", "a crowd of 50,000"
    return None


# a count named earlier in the clause and the verb that gives its value: "the toll ... rose to"
_TOLL_TO = re.compile(
    r"\b(?P<subject>(?:death\s+)?tolls?|(?:the\s+)?number\s+of\s+(?:people\s+)?[^\W\d_]+|bilan)\b"
    r"[^,;:.!?()\d]{0,70}?\b(?:rose|risen|rising|climbed|climbing|jumped|increased|grew|mounted|swelled|soared|"
    r"reached|reaching|hit|topped|passed|exceeded|stands?|stood|standing|was|is|has\s+been|had\s+been|"
    r"revised\s+(?:up|down)\w*|raised|lowered|fell|dropped|now|down|downwards?|upwards?|"
    r"alourdi|passe|grimpe|atteint|eleve|etabli|est|etait|desormais)(?:\s+(?:to|at|a|de))?\s+"
    r"(?:(?:" + _QUAL_RX + r")\s+)?$"
)


# fmt: off
_NOT_PARTICIPLE = {"bed", "beds", "shed", "sheds", "seed", "seeds", "speed", "need", "needs", "feed", "breed",
                   "hundred", "hundreds", "red", "reed", "steed", "weed", "weeds"}
# fmt: on


def _participle(word: str) -> bool:
    """ "announced", "reported", "marched": a past form after a figure, not the thing counted."""
    return len(word) > 4 and word.endswith("ed") and word not in _NOT_PARTICIPLE


def _interval(value: float, kind: str | None) -> tuple[float, float]:
    if kind == "min":
        return value, math.inf
    if kind == "gt":
        return value + 1e-9 if value == int(value) else value, math.inf
    if kind == "max":
        return 0.0, value
    if kind == "lt":
        return 0.0, value - 1e-9
    if kind == "approx":
        return value * 0.85, value * 1.15
    if kind == "near":
        return value * 0.85, value
    return value, value


def find_numbers(text: str, language: str | None = None) -> list[Figure]:
    """Every counting figure in one sentence (not years, dates, times or ordinals).

    ``language`` (ISO 639-1) reads the figures as that language writes them: its number words,
    its scale words ("400 mil"), and a dot grouping thousands where it does ("2.000 metros").
    """
    code = (language or "").split("-")[0].lower() or None
    return list(_find_numbers(text, code if code in LOCAL_WORDS else None))


# fmt: off
_CONJUNCTIONS = frozenset({"and", "or", "but", "while", "et", "ou", "mais", "y", "e", "o", "pero", "und", "oder",
                           "aber", "ed", "ma"})
# fmt: on
# "laying off 47 of its 150 employees": the figure counts a part of what the noun after it counts
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those|all)\s+(?:\d[\d,.]*\s+)?"
    r"([^\W\d_][\w'’\-]*)"
)


@lru_cache(maxsize=16384)
def _find_numbers(text: str, language: str | None = None) -> tuple[Figure, ...]:
    out: list[Figure] = []
    pending: list[Figure] = []  # figures with nothing counted after them: "Ostrander 14,174", "not the 212"
    taken = _ranges_and_fractions(text, out, language)
    for m in _num_rx(language).finditer(text):
        if any(a <= m.start("num") < b for a, b in taken):
            continue
        raw = m.group("num")
        if not raw or not raw.strip() or fold(raw.strip()) in {"a", "and", "a and"}:
            continue
        num_start = m.start("num")
        lead = re.match(r"\s*and\s+", raw, re.I)  # "killed and five": the figure is "five"
        if lead:
            raw, num_start = raw[lead.end() :], num_start + lead.end()
        raw_f = fold(raw.strip())
        if not raw_f or re.fullmatch(r"a(?:nd)?", raw_f.split()[0]) and len(raw_f.split()) == 1:
            continue
        if raw_f in {"one"} and (
            not re.match(r"[\s\-]+[^\W\d_]", text[m.end() :])
            or re.match(r"\s+(?:of|another|day|side|thing)\b", text[m.end() :])
        ):
            continue  # "one of", "no one": not a count
        value = (
            local_value(raw, language)
            if language
            else parse_number_words(raw.strip().lstrip("a ").strip() if raw_f.startswith("a ") else raw.strip())
        )
        if value is None:
            continue
        scale = (m.group("scale") or "").strip().lower()
        if scale:
            value *= _scale(scale, language)
        before, after = text[:num_start], text[m.end() :]
        suffix = 0
        if raw_f.startswith("a ") and re.search(r"\bhalf\s+$", fold(before)):
            value *= 0.5  # "half a million dollars"
        if re.match(r"\s+per\b(?!\s+cent\b)", after) or re.search(r"\bper\s+$", fold(before)):
            continue  # "1.18 per 1 million": a rate, not a count ("16 per cent" is a percentage)
        if m.group("cur") and not scale and raw[0].isdigit() and (sm := re.match(r"(k|m|bn|b|tn)\b", after, re.I)):
            value *= {"k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}[sm.group(1).lower()]  # "$500k"
            after, suffix = after[sm.end() :], sm.end()
        if re.search(
            r"\b(?:several|a\s+few|few|many|tens\s+of|hundreds\s+of|thousands\s+of)\s*$", fold(before)
        ) and not m.group("qual"):
            continue  # "several thousand security forces": no figure to compare
        if re.match(r"\s+of\s+(?:thousands|hundreds|millions)\b", fold(after)):
            continue  # "tens of thousands"
        # not a year, date, time, ordinal or part of an identifier
        if re.match(r"\d{4}$", raw) and 1800 <= value <= 2100 and not scale:
            continue
        if re.search(r"(?:" + _MONTHS + r")\.?\s*$", fold(before)) or re.match(
            r"\s*(?:" + _MONTHS + r")\b", fold(after)
        ):
            continue
        if raw[0].isdigit() and (_NAMED_BY_NUMBER.search(fold(before)) or _RANKED.search(before)):
            continue  # "Chapter 11", "Flight 370", "a No. 12 team": a number that names or ranks, no count
        if raw_f == "one" and re.search(r"\bno\s+$", fold(before)):
            continue  # "No one was hurt": nobody, not one
        if language in (None, "en") and not raw[0].isdigit() and raw[:1].isupper() and not _title_case(text):
            mid = bool(before.strip()) and not re.search(r"[.!?:;\"“”‘’'(—–-]\s*$", before)
            if mid or re.match(r"\s+[A-Z][a-z]", after):
                continue  # a number word in a name: "Zero Dark Thirty", "Ocean's Eleven", "Three Rivers"
        if language in MONTH_NAMES and (m_after := re.match(r"\s*(?:de\s+|del\s+)?([^\W\d_]+)", fold(after))):
            if m_after.group(1) in MONTH_NAMES[language]:
                continue  # "10 février", "3 de febrero": a day of a month
        if re.match(
            r"(?:st|nd|rd|th)\b|[:/]\d|\s*(?:a\.m|p\.m|am\b|pm\b|h\d|(?i:" + _CLOCK_WORDS + r")\b)", after
        ) or re.search(r"[:/\-]$", before[-1:]):
            continue
        if re.search(r"[\w]$", before) and raw[0].isdigit():
            continue
        part_end = 0
        if re.match(r"s\b|-[^\W_]+-\d|[^\W\d_]*\d", after) or re.search(r"\d-$", before):
            continue  # "the '90s", a case or part number "15-bk-00679", "4x4"
        if after.startswith("%") or fold(after).lstrip().startswith(("percent", "per cent")):
            what: str | None = "percent"
        elif _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
            what = "age"
        elif (hy := re.match(r"-([^\W\d_]+)\b(?!-)", after)) and fold(hy.group(1)) not in STOPWORDS:
            if names_a_kind(text, num_start, m.end() + hy.end()):
                continue  # "his eighth 40-point game", "30-point games": a kind of thing, no measure
            what = category(hy.group(1))  # "a 48-hour strike", "the 120-seat parliament": the unit counted
        elif (pm := _PARTITIVE.match(after)) and fold(pm.group(1)) not in STOPWORDS:
            what = category(pm.group(1))
            part_end = m.end() + pm.end()  # the figure's words end with the noun it is a part of
        else:
            what = _what(after.lstrip("-"), before, language)
        told = what not in ("percent", "age") and not m.group("cur") and not (hy or pm)
        age_end = told_age(text, num_start, m.end(), language, value) if told else None
        what = "age" if age_end is not None else what  # "He was 45.", "Boykin, 45,", "mort à 45 ans"
        if (
            what is not None
            and value <= 2
            and not raw[0].isdigit()
            and what not in CATEGORIES
            and not re.match(r"(?:hour|day|week|month|year|minute)s?$", what)
        ):
            continue  # "two ministers", "one side": words, not figures
        if m.group("cur"):
            what = m.group("cur")  # "$30,000 prizes" counts dollars, not prizes
        bare = what is None and not m.group("cur")
        if what is None:
            what = m.group("cur") or ""
        q = m.group("qual")
        qual = fold(q.strip()) if q else None
        kind = QUALIFIERS.get(qual) if qual else None
        low, high = _interval(value, kind)
        end = m.end() + suffix
        wm = re.match(r"[%]|[\s\-]*(?:[^\W\d_][\w'’\-]*\s*){1,3}", after)
        if wm:
            tail = wm.group(0).rstrip()
            tail_words = tail.split()
            cut = next(
                (
                    i
                    for i, w in enumerate(tail_words)
                    if i > 0 and ((w[:1].isupper() and language != "de") or fold(w) in _CONJUNCTIONS)
                ),
                None,
            )
            # in German the figure's words end with its noun: "650 amerikanische Fallschirmjäger"
            if language in NOUNS_CAPITALISED:
                noun = next((i for i, w in enumerate(tail_words) if w[:1].isupper()), None)
                if noun is not None and (cut is None or noun + 1 < cut):
                    cut = noun + 1
            tail_words = tail_words[:cut] if cut is not None else tail_words
            while tail_words and fold(tail_words[-1]) in STOPWORDS and fold(tail_words[-1]) not in CATEGORIES["dead"]:
                tail_words.pop()
            kept = tail[: tail.find(tail_words[-1]) + len(tail_words[-1])] if tail_words else ""
            end = m.end() + suffix + len(kept)
        end = max(end, part_end) if age_end is None else age_end
        start = m.start() if m.group("qual") else num_start
        if bare:
            end = m.end()
            if not raw[0].isdigit() and value < 3:
                continue  # "one", "two" without a noun: not worth inheriting one
        fig = Figure(
            value,
            what,
            text[start:end].strip(),
            qual,
            low,
            high,
            start,
            end,
            previous=bool(_PREVIOUS.search(text[:start])),
            disputed=bool(_DISPUTED.search(text[:start])),
        )
        (pending if bare else out).append(fig)
    out.extend(_inherit(text, pending, out))
    out.sort(key=lambda f: f.start)
    return tuple(_compound_durations(text, out))


_HOURS = re.compile(r"(?:hours?|hrs?)$")
_MINUTES = re.compile(r"(?:minutes?|mins?)$")


def _compound_durations(text: str, figs: list[Figure]) -> list[Figure]:
    """ "1 hour 35 minutes", "two hours and 15 minutes": one duration, in minutes."""
    out: list[Figure] = []
    for f in figs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _HOURS.match(fold(prev.what))
            and _MINUTES.match(fold(f.what))
            and re.fullmatch(r"\s*(?:and\s+)?", text[prev.end : f.start])
            and not prev.qualifier
        ):
            value = prev.value * 60 + f.value
            low, high = _interval(value, QUALIFIERS.get(f.qualifier) if f.qualifier else None)
            out[-1] = Figure(
                value,
                "minutes",
                text[prev.start : f.end].strip(),
                f.qualifier,
                low,
                high,
                prev.start,
                f.end,
                previous=prev.previous,
                disputed=prev.disputed,
            )
            continue
        out.append(f)
    return out


_AGE_AFTER = re.compile(
    r"[\s\-]*(?:(?:years?|yrs?)[\s\-]+old\b|Jahre\s+alt\b|jährige|años\s+de\s+edad\b|anni\s+di\s+età\b)", re.I
)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|the\s+age\s+of|ages?|im\s+Alter\s+von|a\s+la\s+edad\s+de|âgée?s?\s+de|à\s+l[’']âge\s+de|"
    r"all[’']età\s+di)\s+$",
    re.I,
)
_PREVIOUS = re.compile(
    r"\b(?:up|down|rising|falling|rose|fell|increased|decreased|climbed|dropped|revised)\s+"
    r"from\s+(?:(?:" + _QUAL_RX + r")\s+)?(?:the\s+)?[$€£¥]?$",
    re.I,
)
_DISPUTED = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of)\s+(?:(?:the|just|only|a\s+mere|some|about|"
    r"around)\s+)?(?:(?:" + _QUAL_RX + r")\s+)?[$€£¥]?$",
    re.I,
)
# what lies between a figure with a noun and a bare one that counts the same thing
_SIBLING_THEN_BARE = re.compile(
    r"(?:\s+[^\W\d_]+ed\b(?:\s+by\s+[^\d,;.!?:()]{1,50})?)?"  # "not the 240 announced (by the board), up from 60"
    r"(?:\s+(?:on|by|as\s+of|late|early|last|this)\s+[^\W\d_]+(?:\s+(?:morning|afternoon|evening|night))?)?"
    r"(?:\s*,?\s*(?:(?:(?:up|down|rising|falling)\s+)?(?:from|to)|not|rather\s+than|instead\s+of|against|"
    r"versus|vs\.?|compared\s+(?:with|to))\s+(?:(?:the|just|only|a\s+mere)\s+)?(?:(?:" + _QUAL_RX + r")\s+)?"
    r"[$€£¥]?$|"
    r"\s*,?\s*(?:and|or|but|while|whereas)\s+(?:[^\d,;.!?:()]{0,60}?\s)?(?:(?:" + _QUAL_RX + r")\s+)?[$€£¥]?$)",
    re.I,
)
_BARE_THEN_SIBLING = re.compile(
    r"\s*,?\s*(?:not|rather\s+than|instead\s+of|against|versus|vs\.?|or|o|u|ou|oder|to|-|–)\s+"
    r"(?:(?:the|just|only|a\s+mere)\s+)?(?:(?:" + _QUAL_RX + r")\s+)?[$€£¥]?$",
    re.I,
)


def _inherit(text: str, pending: list[Figure], found: list[Figure]) -> list[Figure]:
    """Bare figures that count what a figure next to them counts.

    "Rhee received 14,386 votes and Ostrander 14,174", "87 votes, not the 212 announced",
    "a margin of 212 votes, down from 260", "41 passengers, not 35": the bare figure takes
    the noun of its sibling.  A bare figure with no such sibling is no figure.
    """
    out: list[Figure] = []
    for f in pending:
        known = sorted(found + out, key=lambda g: g.start)  # "240 votes, not 90, up from 60": a chain
        before = [g for g in known if g.end <= f.start and g.what and f.start - g.end <= 70]
        after = [g for g in known if g.start >= f.end and g.what and g.start - f.end <= 12]
        sib = None
        if re.match(r"\s+of\b", text[f.end :]):
            continue  # "seven of Australia's top judges": a part of something of its own, not of "two days"
        if before and _SIBLING_THEN_BARE.fullmatch(text[before[-1].end : f.start]):
            sib = before[-1]
        elif after and _BARE_THEN_SIBLING.fullmatch(text[f.end : after[0].start]):
            sib = after[0]
            if (
                re.search(r"\b(?:or|o|u|ou|oder)\b", text[f.end : sib.start])
                and not sib.value / 3 <= f.value <= sib.value * 3
            ):
                continue  # "800 o 1000 litros" is a choice of two; "152 oder 5,1 Prozent" tells one thing twice
        end = f.end
        if sib is None and before and (part_end := list_part(text, before[-1].end, f.start, f.end, before[-1] in out)):
            sib, end = before[-1], part_end  # "120 diputados del PSOE, 35 de Unidas Podemos": parts, and whose
        if sib is None:
            continue
        value, low, high = f.value, f.low, f.high
        if (
            sib.what in ("$", "€", "£", "¥")
            and sib.value >= 1000
            and value < 1000
            and re.search(r"\b(?:million|billion|trillion|m|bn)\b", text[sib.start : sib.end], re.I)
        ):
            k = sib.value / float(re.sub(r"[^\d.]", "", sib.text.split()[0]) or 1) if sib.text[:1].isdigit() else 1.0
            value, low, high = value * k, low * k, high * k  # "$2 million, not 3": 3 million
        what = "injured" if sib.what == "critical" else sib.what  # "five critically injured and 12 ...": injured
        out.append(
            Figure(value, what, text[f.start : end], f.qualifier, low, high, f.start, end, f.previous, f.disputed)
        )
    return out


# fmt: off
_FRACTIONS = {"a quarter": 25.0, "one quarter": 25.0, "a third": 100 / 3, "one third": 100 / 3, "half": 50.0,
              "a half": 50.0, "one half": 50.0, "two thirds": 200 / 3, "two-thirds": 200 / 3,
              "three quarters": 75.0, "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0,
              "a tenth": 10.0, "one tenth": 10.0}
# fmt: on
_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,3}"
_FRACTION_RX = re.compile(
    r"(?P<qual>\b(?:" + _QUAL_RX + r")\s+)?"
    r"(?:\b(?P<n>" + _SMALL + r")\s+(?:in|out\s+of)\s+(?P<d>" + _SMALL + r"|hundred|a\s+hundred)\b|"
    r"\b(?P<frac>" + "|".join(re.escape(k) for k in sorted(_FRACTIONS, key=len, reverse=True)) + r")\s+of\b)",
    re.I,
)
_CLOCK_WORDS = r"uhr|o['’]clock"  # "um 22 Uhr", "19 bis 22 Uhr": a time of day, no count


@lru_cache(maxsize=32)
def _range_rx(language: str | None) -> re.Pattern[str]:
    """A range as ``language`` writes it (:data:`RANGE_WORDS`): "between 3,000 and 4,000", "10-15",
    "zwischen 47 und 51", "60 bis 80", "de 80 a 110"; which opener goes with which word is checked after."""
    table = RANGE_WORDS.get(language or "en", RANGE_WORDS["en"])
    openers = "|".join(o for o, _ in table if o)
    mids = "|".join(w for _, w in table)
    ages = AGE_RANGE_OF.get(language or "en", r"(?!)")
    if language in DOT_GROUPING:
        num = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[\u202f\u00a0 ]\d{3})+|\d+(?:,\d+)?"
    else:
        num = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    return re.compile(
        r"(?:\b(?P<open>" + openers + r")\s+(?:(?P<ages>" + ages + r")\s+)?)?(?P<cur>[$€£¥])?(?P<a>" + num + r")"
        r"(?:\s*(?P<dash>-|–|—)\s*|\s+(?P<mid>" + mids + r")\s+)[$€£¥]?(?P<b>" + num + r")"
        r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion)\b)?",
        re.I,
    )


@lru_cache(maxsize=32)
def _range_end(language: str | None) -> re.Pattern[str]:
    """What after a range makes it no count (read folded): a month, a clock time, a part of a date."""
    months = "|".join([_MONTHS, *MONTH_NAMES.get(language or "", ())])
    return re.compile(r"[:/]\d|\.?\s*(?:" + months + "|" + _CLOCK_WORDS + r")\b")


def _paired(m: re.Match[str], language: str | None) -> bool:
    """Is a range's word the one its opener goes with ("between ... and", "de ... a"), or a dash?"""
    if m.group("dash"):
        return True
    opener, mid = fold(m.group("open") or ""), fold(m.group("mid") or "")
    for o, w in RANGE_WORDS.get(language or "en", RANGE_WORDS["en"]):
        if mid in fold(w).split("|") and (not o or opener in fold(o).split("|")):  # ("between 10 to 80")
            return True
    return False


def _ranges_and_fractions(text: str, out: list[Figure], language: str | None = None) -> list[tuple[int, int]]:
    """Read "between 3,000 and 4,000 people", "10-15 percent", "a quarter of", "nine in ten".

    A range is one figure whose interval is the range; a share is a percentage.  Adds the
    figures to ``out`` and returns the spans they take, so no number in them is read twice.
    """
    taken: list[tuple[int, int]] = []
    for m in _range_rx(language).finditer(text):
        before, after = text[: m.start()], text[m.end() :]
        if not _paired(m, language) or re.search(r"[\w/:.\-]$|\(\d+\)\s*$|\+\d[\d\s]*$", before):
            continue  # (a phone number: "(0211) 505-2627", "+49 40 4286-56213")
        if _range_end(language).match(fold(after)):
            continue  # "March 3-5", "vom 8. bis 10. Mai", "2019-2021 budgets", clock times
        if language:
            a, b = local_value(m.group("a"), language), local_value(m.group("b"), language)
        else:
            a, b = parse_number_words(m.group("a")), parse_number_words(m.group("b"))
        if a is None or b is None or not a < b or (1800 <= a <= 2100 and 1800 <= b <= 2100 and a == int(a)):
            continue
        k = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}.get(
            fold((m.group("scale") or "").strip()), 1.0
        )
        a, b = a * k, b * k
        if after.startswith("%") or fold(after).lstrip().startswith(("percent", "per cent")):
            what: str | None = "percent"
        elif _AGE_AFTER.match(after) or _AGE_BEFORE.search(before) or m.group("ages"):
            what = "age"
        else:
            what = m.group("cur") or _what(after.lstrip("-"), before, language)
        if not what:
            continue
        wm = re.match(r"%|[\s\-]*(?:[^\W\d_][\w'’\-]*)", after)
        end = m.end() + (len(wm.group(0)) if wm else 0)
        out.append(Figure(a, what, text[m.start() : end].strip(), "between", a, b, m.start(), end))
        taken.append((m.start(), m.end()))
    for m in _FRACTION_RX.finditer(text):
        if any(x <= m.start() < y for x, y in taken):
            continue
        if m.group("frac"):
            value = _FRACTIONS[
                fold(m.group("frac")).replace("-", " ")
                if fold(m.group("frac")) not in _FRACTIONS
                else fold(m.group("frac"))
            ]
        else:
            n, d = parse_number_words(m.group("n")), parse_number_words(m.group("d").replace("a ", ""))
            if not n or not d or n > d:
                continue
            value = 100.0 * n / d
        q = m.group("qual")
        qual = fold(q.strip()) if q else None
        low, high = _interval(value, QUALIFIERS.get(qual) if qual else None)
        start = m.start() if q else m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        out.append(
            Figure(
                round(value, 2),
                "percent",
                text[start : m.end()].strip(),
                qual,
                low,
                high,
                start,
                m.end(),
                previous=bool(_PREVIOUS.search(text[:start])),
            )
        )
        taken.append((m.start(), m.end()))
    return taken


def compatible(a: Figure, b: Figure, tolerance: float = 0.0) -> bool:
    """Can both figures be true of the same thing? (their intervals overlap)."""
    lo = max(a.low, b.low)
    hi = min(a.high, b.high)
    slack = tolerance * max(abs(a.value), abs(b.value))
    return lo <= hi + slack


_RATE_UNIT = (
    r"(?:(?:one|a|every|1)\s+)?(?P<unit>hundred\s+thousand|million|billion|thousand|hundred|"
    r"\d{1,3}(?:,\d{3})+|\d+|capita|person|head|resident|inhabitants)"
)
_RATE = re.compile(
    r"(?<![\w.,])(?P<num>\d+(?:\.\d+)?)(?:\s+to\s+(?P<to>\d+(?:\.\d+)?))?\s+(?:per|for\s+every)\s+"
    + _RATE_UNIT
    + r"\b",
    re.I,
)


def find_rates(text: str) -> list[Figure]:
    """Rates: "1.18 per million", "from 1.36 to 2.54 per 1 million", "12 per 100,000 residents".

    Kept apart from :func:`find_numbers` (a rate is not a count, and two groups' rates are no
    disagreement): what a rate counts is "per" and its unit ("per million").
    """
    out: list[Figure] = []
    for m in _RATE.finditer(text):
        unit = " ".join(fold(m.group("unit")).split())
        what = "per " + ("100,000" if unit == "hundred thousand" else unit)
        for key in ("num", "to"):
            raw = m.group(key)
            if raw is None:
                continue
            value = float(raw)
            out.append(
                Figure(value, what, text[m.start(key) : m.end()].strip(), None, value, value, m.start(key), m.end())
            )
    return out
