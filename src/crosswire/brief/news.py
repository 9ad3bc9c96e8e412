"""What makes a sentence news, for the summary: the tests that keep colour, captions, personal
essays and garbage out of it, and bring the latest development of a live report in.

All of them are per-language tables (:data:`FIRST_PERSON`, :data:`CAPTION_OPENERS`,
:data:`UPDATE_MARKERS`); the summary ranks with them (:mod:`crosswire.brief.summary`).

* a **personal essay** speaks in the first person singular outside quotations ("My parents
  didn't love each other anymore ..."): a report whose sentences mostly do is an essay, not
  a report of the story, and its sentences are not the news;
* a **caption** describes a picture ("A photo of the teen who ...", "This screengrab shows
  ..."): never a summary sentence;
* **repeated-word garbage** ("offiziell offiziell offiziell ...") is never a summary sentence;
* an **update** marker at the top of a report ("UPDATE: 9:05 a.m. - ...") opens the latest
  development: the sentences it opens are the report's lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from crosswire.model import Article, Conflict, Sentence, TimelineEvent
from crosswire.read.furniture import CREDIT_OPENERS, opens_credits
from crosswire.text.dates import find_dates, is_future
from crosswire.text.repeats import is_garbage
from crosswire.text.words import PRONOUN_OPENERS, opens_on_pronoun

# fmt: off
__all__ = ["FIRST_PERSON", "CAPTION_OPENERS", "CREDIT_OPENERS", "CREDIT_WORDS", "UPDATE_MARKERS", "STALE_WORDS",
           "FUTURE_WORDS", "NOT_EVENT_BEFORE", "PRONOUN_OPENERS", "opens_on_pronoun",
           "first_person", "names_nobody", "quote_pieces", "QUOTE_REACH", "essay_articles", "is_caption", "is_garbage",
           "update_leads", "latest_news",
           "latest_development", "is_stale", "strip_update_marker", "ESSAY_SHARE", "news_weights", "tell_dispute",
           "dispute_order", "DISPUTES_PER"]
# fmt: on

# fmt: off
FIRST_PERSON: dict[str, tuple[str, ...]] = {
    "en": ("i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"),
    "fr": ("je", "j", "me", "moi", "mon", "ma", "mes"),
    "de": ("ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner"),
    "es": ("yo", "me", "mí", "mi", "mis", "conmigo"),
}
# fmt: on
# fmt: off
CAPTION_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("a photo of", "photo of", "this photo", "this screengrab", "this screenshot", "in this photo",
           "this image", "an image of", "file photo", "pictured", "this undated photo", "this handout photo",
           "a picture of", "this picture", "in this file photo", "in this image"),
    "fr": ("photo de", "une photo de", "sur cette photo", "cette photo", "image de"),
    "de": ("ein foto von", "das foto zeigt", "auf diesem foto", "dieses bild", "das bild zeigt"),
    "es": ("una foto de", "foto de", "en esta foto", "esta imagen", "en esta imagen"),
}
# fmt: on
# a credits line (CREDIT_OPENERS, crosswire.read.furniture: "Screenplay by ...", "WITH: ...") is furniture ...
CREDIT_WORDS = 30  # ... and no longer than this: a review's own sentence may open with "Written by, among others, ..."
# fmt: off
UPDATE_MARKERS: tuple[str, ...] = ("update", "updated", "mise à jour", "aktualisierung", "aktualisiert",
                                   "actualización", "actualizado", "breaking", "dernière minute", "eilmeldung",
                                   "última hora")
# fmt: on
# a state told "as of" an earlier moment ("is still missing", "remains closed"): once a report's update
# tells what happened next, such a sentence is stale
STALE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("still", "remains", "remain", "yet to", "as of"),
    "fr": ("toujours", "reste", "restent", "pour l'instant"),
    "de": ("immer noch", "noch immer", "bislang"),
    "es": ("todavía", "aún", "sigue", "siguen"),
}
ESSAY_SHARE = 0.3  # a report with at least this share of first-person sentences is a personal essay

_QUOTED = re.compile(r"[“«„\"][^”»“\"]*[”»“\"]|‘[^’]*’")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ALL_FIRST = frozenset(w for ws in FIRST_PERSON.values() for w in ws if w not in ("me", "mi"))
_CAPTION = re.compile(
    r"^\W*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for ws in CAPTION_OPENERS.values() for w in ws) + r")\b",
    re.I,
)
_CREDIT_ANY = re.compile(
    r"(?:^|[;,:.]\s*)(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for ws in CREDIT_OPENERS.values() for w in ws)
    + r")(?!\w)",
    re.I,
)
_STALE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for ws in STALE_WORDS.values() for w in ws) + r")\b", re.I
)
# "UPDATE: 9:05 a.m. - " / "Update - " opening a sentence: the marker and its time stamp
_UPDATE_PREFIX = re.compile(
    r"^\W*(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in UPDATE_MARKERS)
    + r")\s*[:\-–—]\s*(?:[\w.,:/ ]{1,30}?\s[-–—]+\s+)?",
    re.I,
)
_UPDATE = re.compile(
    r"^\W*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in UPDATE_MARKERS) + r")\s*[:\-–—]", re.I
)


def first_person(text: str, language: str | None = None) -> bool:
    """Does a sentence speak in the first person singular outside quotations?"""
    words = {w.lower().replace("’", "'") for w in _WORD.findall(_QUOTED.sub(" ", text))}
    table = frozenset(FIRST_PERSON.get(language or "", ())) or _ALL_FIRST
    return bool(words & table)


_OPENERS, _CLOSERS = "“«„", "”»"


def _narration_words(text: str) -> list[str]:
    """The words of a sentence outside its quotations; a quotation begun in an earlier sentence (a closing
    mark with no opening one) or going on past this one (an opening mark not closed) takes its part too."""
    s = _QUOTED.sub(" ", text).strip()
    # (a straight mark left alone closes a quotation unless it opens the sentence)
    closers = [k for k, ch in enumerate(s) if ch in _CLOSERS or (ch == '"' and k > 0)]
    if closers:
        s = s[closers[-1] + 1 :]
    openers = [k for k, ch in enumerate(s) if ch in _OPENERS or ch == '"']
    if openers:
        s = s[: openers[0]]
    return _WORD.findall(s)


def names_nobody(text: str, language: str | None = None) -> bool:
    """Is a sentence a quotation whose speaker it does not name: a quotation alone (its speaker in the
    sentence before), or one a pronoun says ("...," he said)?  Read alone, as a summary line is, it tells
    no one's words."""
    if not any(ch in text for ch in '"“”«»„'):
        return False
    words = _narration_words(text)
    if not words:
        return True
    pronouns = set(PRONOUN_OPENERS.get(language or "en", ())) or {"he", "she", "they"}
    if len(words) <= 4 and words[0].lower() in pronouns:
        return not any(w[:1].isupper() for w in words[1:])  # "he told ABC News": still no one named
    return False


QUOTE_REACH = 8  # a quotation left open longer than this many sentences is a stray mark, not a quotation


def quote_pieces(sentences: Sequence[Sentence]) -> set[int]:
    """Indexes of the sentences inside a quotation running over several sentences, between the one that
    opens it and the one that closes it: they have no mark of their own ("I have a well-organized life,
    ..."), and read alone, as a summary line is, they tell someone's words in the report's voice.  German
    „...“ closes on “; a quotation a new paragraph reopens goes on; a mark left open past
    :data:`QUOTE_REACH` sentences (or a heading) is taken for a stray."""
    out: set[int] = set()
    opener = ""  # the mark of the quotation open at this point ("" for none)
    since: int | None = None  # the position of the sentence it opened in
    for k, s in enumerate(sentences):
        if s.is_heading:
            opener, since = "", None
            continue
        if opener and since is not None and k - since > QUOTE_REACH:
            opener, since = "", None
        for ch in s.text:
            if ch == '"':
                opener = "" if opener == '"' else (opener or '"')
            elif ch in "”»" or (ch == "“" and opener == "„"):
                opener = ""
            elif ch in "“„«" and not opener:
                opener = ch
            else:
                continue
            if opener and since is None:
                since = k
            if not opener:
                if since is not None and since < k:  # closed in a later sentence than it opened in
                    out.update(x.index for x in sentences[since + 1 : k] if not x.is_heading)
                since = None
    return out


def essay_articles(sentences: dict[str, list[Sentence]], languages: dict[str, str | None]) -> set[str]:
    """The articles that are personal essays (see :data:`ESSAY_SHARE`): at least five sentences,
    a good part of them in the first person singular outside quotations."""
    out = set()
    for aid, ss in sentences.items():
        body = [s for s in ss if not s.is_heading and len(s.text.split()) >= 4]
        if len(body) < 5:
            continue
        mine = sum(first_person(s.text, languages.get(aid)) for s in body)
        if mine >= ESSAY_SHARE * len(body):
            out.add(aid)
    return out


def is_caption(text: str) -> bool:
    """Does a sentence describe a picture, or list a work's credits, rather than tell the news?"""
    if _CAPTION.match(text):
        return True
    # a credits line is short, or a list of credits ("Directed by ...; written by ...; music by ...")
    return bool(opens_credits(text) and (len(text.split()) <= CREDIT_WORDS or len(_CREDIT_ANY.findall(text)) >= 3))


def update_leads(sentences: Sequence[Sentence], reach: int = 3) -> set[int]:
    """Indexes of the sentences an update marker opens at the top of a report ("UPDATE: ... -
    Perez was located ..."): the marker's own sentence and the next ``reach - 1``; only the
    first update of the report, and only when it opens the report (its first three sentences)."""
    for k, s in enumerate(sentences[:3]):
        if _UPDATE.match(s.text):
            return {x.index for x in sentences[k : k + reach]}
    return set()


def latest_news(sents: dict[str, list[Sentence]]) -> list[tuple[str, int]]:
    """The sentences that tell a live report's latest development, in order: for each report that an
    update marker opens (see :func:`update_leads`), the marker's sentences, top first."""
    out = []
    for aid, ss in sents.items():
        body = [x for x in ss if not x.is_heading]
        out += [(aid, k) for k in sorted(update_leads(body))]
    return out


LEAD_SENTENCES = 3  # a development a report tells in its first this many sentences is its news
# a sentence that announces what is to come tells no development ("will open", "is set to", "plans to")
# fmt: off
FUTURE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("will", "would", "is set to", "are set to", "is due to", "are due to", "plans to", "scheduled", "expected",
           "upcoming", "next", "opens", "to be held", "is to be", "are to be"),
    "fr": ("va", "vont", "sera", "seront", "doit", "doivent", "prévu", "prévue", "prochain", "prochaine"),
    "de": ("wird", "werden", "soll", "sollen", "geplant", "nächste", "nächsten"),
    "es": ("será", "serán", "va a", "van a", "prevé", "previsto", "prevista", "próximo", "próxima"),
}
# fmt: on
_FUTURE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for ws in FUTURE_WORDS.values() for w in ws) + r")\b", re.I
)


def latest_development(
    timeline: Sequence[TimelineEvent], sents: dict[str, list[Sentence]], published: dict[str, str | None]
) -> list[tuple[str, int]]:
    """The sentences that tell the story's latest development: the timeline's latest day, when it is
    later than every other day of the story, told in a report's lead (its first :data:`LEAD_SENTENCES`
    sentences), not announced as to come, and not after the report's own date."""
    lead = {(aid, x.index) for aid, ss in sents.items() for x in [y for y in ss if not y.is_heading][:LEAD_SENTENCES]}
    named: list[tuple[str, tuple[str, int]]] = []  # (day, sentence) a lead names as the day something happened
    for e in timeline:
        if len(e.date) != 10:
            continue
        for c in e.citations:
            key = (c.article, c.sentence)
            pub = published.get(c.article)
            if (
                key in lead
                and not _FUTURE.search(_QUOTED.sub(" ", c.text))
                and not (pub and pub[:10] < e.date)
                and _tells_day(c.text, e.date)
            ):
                named.append((e.date, key))
    if not named:
        return []
    last = max(d for d, _ in named)
    out = sorted({k for d, k in named if d == last}, key=lambda k: k[1])
    # later than every day the story's other sentences tell (the same sentence dated by its report aside)
    # (a month or a year counts at its own precision: "in March 2011" is later than 2007-04-26)
    others = [e.date for e in timeline if not all((c.article, c.sentence) in out for c in e.citations)]
    if not any(len(d) == 10 for d in others) or any(
        d >= last[: len(d)] if len(d) == 10 else d > last[: len(d)] for d in others
    ):
        return []
    return out


# a date these words open is no development: a deadline, the end of a range, a thing named by its date
# ("until May 3", "from 1993 to December 31, 2012", "the Jan. 9 publication", "Britain's March 29 exit")
# fmt: off
NOT_EVENT_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("the", "'s", "’s", "to", "until", "till", "through", "by", "before", "ahead of", "to be", "is to",
           "due", "set for"),
    "fr": ("le", "du", "au", "jusqu'au", "jusqu’au", "avant le", "d'ici le"),
    "de": ("der", "die", "das", "bis", "zum", "vor dem"),
    "es": ("el", "del", "al", "hasta el", "antes del"),
}
# fmt: on
_NOT_EVENT = re.compile(
    r"(?:^|[\s(])(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for ws in NOT_EVENT_BEFORE.values() for w in ws)
    + r")\s*$|\w['’]s\s*$",
    re.I,
)


def _tells_day(text: str, day: str) -> bool:
    """Does the sentence itself name ``day`` (not only the report's date) as the day something happened?"""
    return any(
        m.date == day
        and _DAY_NAMED.search(text[m.start : m.end])
        and not is_future(text, m.start)
        and not _NOT_EVENT.search(text[: m.start])
        for m in find_dates(text, day)
    )


# a day named by its number or its weekday (or today / yesterday), not a holiday or "this year"
_DAY_NAMED = re.compile(
    r"\d|day\b|tonight|heute|gestern|hier\b|aujourd|hoy\b|ayer\b|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo",
    re.I,
)


def is_stale(text: str) -> bool:
    """Does a sentence tell a state as of an earlier moment ("is still missing", "remains closed")?"""
    return bool(_STALE.search(_QUOTED.sub(" ", text)))


# "Last Updated, Wednesday, 11:07 a.m. " / "Updated 9:05 a.m. ET " opening a sentence: a page's time stamp
_STAMP_PREFIX = re.compile(
    r"^\W*(?:last\s+)?updated?\s*[:,]?\s*(?:[^\W\d_]+day,?\s*)?(?:[\w.,]{1,12}\s+)?"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?-i:[A-Z]{2,4})\b)?\s*[-–—:,]?\s+",
    re.I,
)


def strip_update_marker(text: str) -> str:
    """The sentence without the update marker and time stamp that open it ("UPDATE: 9:05 a.m. - ")."""
    m = _UPDATE_PREFIX.match(text) or _STAMP_PREFIX.match(text)
    if not m or len(text[m.end() :].split()) < 5:
        return text
    rest = text[m.end() :]
    return rest[:1].upper() + rest[1:]


def news_weights(
    articles: Sequence[Article],
    sents: dict[str, list[Sentence]],
    occurrences: list[list[tuple[str, int]]],
    texts: list[str],
    *,
    essay: float,
    first: float,
    update: float,
    pronoun: float = 1.0,
    piece: float = 1.0,
) -> np.ndarray:
    """Score multipliers of summary candidates (each given by its (article, sentence) occurrences
    and its text): ``essay`` for a sentence only personal essays give, ``first`` for one in the first
    person singular outside quotations, ``update`` for one a report's update marker opens,
    ``pronoun`` for one opening on a third-person pronoun (:func:`opens_on_pronoun`), ``piece`` for one
    that is a piece of a quotation running over several sentences (:func:`quote_pieces`) wherever it is."""
    lang = {a.id: a.language for a in articles}
    essays = essay_articles(sents, lang)
    updates = {(aid, k) for aid, ss in sents.items() for k in update_leads([x for x in ss if not x.is_heading])}
    pieces = {(aid, k) for aid, ss in sents.items() for k in quote_pieces(ss)} if piece != 1.0 else set()
    out = np.ones(len(texts))
    for i, (occ, text) in enumerate(zip(occurrences, texts, strict=True)):
        if all(aid in essays for aid, _ in occ):
            out[i] *= essay
        elif first_person(text, lang.get(occ[0][0])):
            out[i] *= first
        if any(o in updates for o in occ):
            out[i] *= update
        if opens_on_pronoun(text, lang.get(occ[0][0])) or names_nobody(text, lang.get(occ[0][0])):
            out[i] *= pronoun
        if pieces and all(o in pieces for o in occ):
            out[i] *= piece
    return out


DISPUTES_PER = 120  # one dispute (a claim and its answer) is told per this many words of summary


def tell_dispute(
    chosen: list[int],
    conflicts: Sequence[Conflict],
    unit_of: dict[tuple[str, int], int],
    pool: set[int],
    score: np.ndarray,
    words_of: dict[int, int],
    words: int,
    stays: frozenset[int] = frozenset(),
) -> list[int]:
    """The news first, then what is disputed: while the summary tells fewer disagreements than one per
    ``DISPUTES_PER`` words of ``words``, the one most reports give joins it (a claim another party
    denies or contests: the claim; two figures, dates or titles that cannot both be true: the first
    version), in the place of the least important sentences; its other sides are added after, with
    the other sides of every told disagreement.  Only a disagreement between parties joins so: every
    side says who holds it (a ministry's claim and the answer of another); two reports that merely word
    a year or a title differently, or a report that quotes a denial it tells itself, are no news of their
    own (the brief's conflicts list them; the summary tells them where it tells one of their sentences).
    ``unit_of`` maps (article, sentence) to a candidate, ``pool`` holds the candidates that may be told;
    the candidates in ``stays`` (the latest development that leads the summary) never make room."""
    found = [c for c in conflicts if len(c.sides) >= 2 and all(side.attributed_to for side in c.sides)]
    sides_of = [
        [
            {unit_of[(x.article, x.sentence)] for x in side.citations if unit_of.get((x.article, x.sentence)) in pool}
            for side in c.sides
        ]
        for c in found
    ]
    claim = [c.kind in ("denial", "claim") for c in found]

    def is_told(k: int, out: set[int]) -> bool:  # a claim is told by its own words, figures by any version
        return bool(out & sides_of[k][0]) if claim[k] else any(out & side for side in sides_of[k])

    out = list(chosen)
    disputes = words // DISPUTES_PER  # (a summary of a few lines tells the news alone)
    # disagreements the summary tells for their own news do not count: the reader still learns what else is disputed
    incidental = [k for k in range(len(found)) if is_told(k, set(out))]
    for _ in range(disputes):
        told = [k for k in range(len(found)) if is_told(k, set(out))]
        untold = [k for k in range(len(found)) if k not in told and all(sides_of[k])]
        if not untold or len(told) - len(incidental) >= disputes:
            break
        # a claim and its answer before two versions of a figure; one the summary tells nothing of first (an
        # answer already told says what is disputed); then the one most reports give
        best = max(
            untold,
            key=lambda k: (
                claim[k],
                not any(set(out) & side for side in sides_of[k]),
                len({a for x in found[k].sides for a in x.articles}),
                -k,
            ),
        )
        keep = max(sides_of[best][0], key=lambda i: score[i])
        size = sum(words_of.get(i, 0) for i in out) + words_of.get(keep, 0)
        before = list(out)
        out.append(keep)
        for i in sorted(before, key=lambda k: score[k]):
            if size <= words * 1.2 or size - words_of.get(i, 0) < words * 0.8:
                break
            if i in stays or any(i in x for sides in sides_of for x in sides):
                continue  # the lead and a side already told stay
            out.remove(i)
            size -= words_of.get(i, 0)
    return out


def dispute_order(
    chosen: Sequence[int], conflicts: Sequence[Conflict], unit_of: dict[tuple[str, int], int]
) -> dict[int, tuple[int, int]]:
    """Where the summary tells a disagreement from two sides or more, its sentences come after the
    news, together, each claim before its answer: chosen candidate -> (disagreement, side)."""
    out: dict[int, tuple[int, int]] = {}
    picked = set(chosen)
    for n, c in enumerate(conflicts):
        sides = [
            {unit_of[(x.article, x.sentence)] for x in side.citations if unit_of.get((x.article, x.sentence)) in picked}
            for side in c.sides
        ]
        if sum(1 for side in sides if side) < 2:
            continue
        for k, side in enumerate(sides):
            for i in side:
                out.setdefault(i, (n, k))
    return out
