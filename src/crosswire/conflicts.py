"""Where the reports, or the parties they quote, disagree.

Four kinds (the contract's ``kind``):

``number``
    figures of one counted thing in one frame whose intervals cannot overlap
    ("144 dead" vs "150 dead"; "a margin of 212 votes" vs "87 votes, not the 212
    announced"; "90 minutes" vs "three hours"); "at least 144" and "more than
    140", "about 3,000" and "3,100", a range and a figure inside it agree; other
    days or years, updates ("the toll rose to 15") and other subjects are not
    compared;
``date``
    one fact dated differently by two reports;
``denial``
    a party's claim and its denial or rejection by another party ("denied by
    Paris", "X categorically rejects this", "has neither accepted nor proposed"),
    or two parties stating and negating the same thing;
``claim``
    a claim the report itself presents as contested ("claimed without providing
    evidence", "allegedly").

Figures that changed over time are no conflict: :func:`find_updates` shows them in
order ("12 dead" in Monday's report, "the toll rose to 14" on Tuesday, "15, up from
12"), and a pair of figures it would order as an update is never a number conflict.

Two wordings of one fact never make a conflict: sides must come from different
parties (denials) or incompatible values (numbers, dates).  Each conflict's
``about`` says in a few words what is disputed: "number of votes: 212 or 87",
"Valdorian foreign ministry: both governments had agreed to reopen the border
— denied by Karsland".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Mapping, Sequence

from rapidfuzz import fuzz

from .attribution import REPORT_VERBS, party_key
from .model import Citation, Conflict, ConflictSide, Update, UpdateValue
from .numbers import CATEGORY_WORDS, Figure, find_numbers, parse_number_words
from .textutil import STOPWORDS, content_words, fold, stem
from .timeline import find_dates, reference_date

if TYPE_CHECKING:
    from .facts import StoryText
    from .model import Article, Sentence

__all__ = ["find_conflicts", "find_updates"]

DATE_SAME = 75  # rapidfuzz token_sort_ratio at which two dated sentences tell the same fact
CONTEXT = 0.30  # lexical similarity at which two sentences with figures talk about the same thing
_ABOUT = {"dead": "number of dead", "injured": "number of injured", "arrested": "number of arrests",
          "missing": "number of missing", "displaced": "number of displaced"}
COUNTABLE = {"dead", "injured", "arrested", "missing", "displaced"}

_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|reject|rejecting|refuted|refutes|refute|"
    r"dismissed|dismisses|repudiated|disputed|disputes|contradicted|categorically|"
    r"neither\s+\w+\s+nor|not\s+true|baseless|unfounded|false\s+claims?|fake\s+news)\b",
    re.I,
)
_CONTESTED = re.compile(
    r"\b(?:without\s+(?:providing|offering|giving|presenting|citing|any)\s+(?:any\s+)?(?:evidence|proof)|"
    r"allegedly|unsubstantiated|unverified|unproven|without\s+evidence)\b",
    re.I,
)
# a sentence that sets one figure against another: "two dead, contradicting ... which put the toll at three"
_SETS_AGAINST = re.compile(
    r"\b(?:contradict\w*|disput\w*|den(?:y|ies|ied|ying)|reject\w*|refut\w*|instead\s+of|rather\s+than|"
    r"contrary|challeng\w*|contest\w*|correct\w*|revis\w*|not\s+the)\b"
)
_UNSUPPORTED = re.compile(
    r"\b(?:without\s+(?:providing|offering|giving|presenting|citing|any)\s+(?:any\s+)?(?:evidence|proof)|"
    r"unsubstantiated|unverified|unproven|without\s+evidence)\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:no|not|never|neither|nor|nothing|none|n't)\b", re.I)
_SUGGEST = re.compile(r"\b(?:suggest\w*|accus\w*|alleg\w*|insinuat\w*|blam\w*|linked|involved|behind)\b", re.I)
_DENIER = re.compile(
    r"^((?:[Tt]he\s+)?[A-ZÀ-Þ][\w’'\-]*(?:\s+(?:and|of|its|their|the|[A-ZÀ-Þ\w][\w’'\-]*)){0,5}?)"
    r"(?:\s+(?:has|have|had|also|again|and|\w+ly))*\s+"
    r"(?:denied|denies|deny|rejected|rejects|reject|refuted|refutes|dismissed|dismisses|disputed|disputes)\b"
)
_PASSIVE = re.compile(r"\b(?:denied|rejected|dismissed|refuted|disputed|contested)\s+by\s+((?:the\s+)?[A-ZÀ-Þ][\w’'\-]*(?:\s+[A-ZÀ-Þ][\w’'\-]*){0,3})")


def _party(src: str | None) -> str | None:
    return party_key(src)


def _local(story: "StoryText") -> dict[int, int]:
    return {p: k for k, p in enumerate(story.fact_pos)}


def _side(story: "StoryText", positions: list[int], attributed: str | None) -> ConflictSide:
    """A side made of sentences, widened to every sentence aligned with them."""
    allpos: list[int] = []
    for p in positions:
        c = story.cluster_of.get(p)
        members = story.aligned[c].members if c is not None else [p]
        for m in [p] + [x for x in members if x != p]:
            if m not in allpos:
                allpos.append(m)
    arts = list(dict.fromkeys(story.sentences[m].article for m in allpos))
    return ConflictSide(story.sentences[positions[0]].text, attributed, arts, [story.cite(m) for m in allpos])


_TIME_UNITS = {"second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0, "week": 7 * 86400.0,
               "month": 30.4 * 86400.0, "year": 365.25 * 86400.0, "decade": 3652.5 * 86400.0}
_CURRENCY = {"$": "$", "€": "€", "£": "£", "¥": "¥", "dollar": "$", "euro": "€", "pound": "£"}
# words that say a figure was updated, not contradicted: "the toll rose to 15", "now stands at"
_UPDATE = re.compile(r"\b(?:rose|risen|rising|climbed|increased|jumped|grew|mounted|swelled|revised\s+(?:up|down)\w*|"
                     r"fell|dropped|now\s+stands?|has\s+reached|updated|latest\s+(?:toll|figure|count))\b")
# a sentence that disputes the figure told just before it: "The union disputed that figure, saying ..."
_DISPUTES_BEFORE = re.compile(
    r"\b(?:disput\w*|contest\w*|challeng\w*|reject\w*|den(?:y|ies|ied|ying)|question\w*|contradict\w*)\s+"
    r"(?:that|this|the|these|those|its|their|his|her)\s+(?:\w+\s+)?(?:figures?|numbers?|counts?|tolls?|estimates?|"
    r"tall(?:y|ies)|totals?|claims?|accounts?|data|statistics)\b|"
    r"\b(?:real|actual|true|correct)\s+(?:figure|number|toll|count|total|tally)\b|\b(?:that|this|the)\s+(?:figure|number|count|"
    r"estimate|tally|total)\s+(?:was|is|has\s+been)\s+(?:disputed|contested|challenged|rejected|denied)\b",
    re.I,
)
# the day a party spoke, not the day its figure is about: "the board said on Monday"
_SAID_DAY = re.compile(
    r"\b(?:" + REPORT_VERBS + r")\s+(?:(?:late|early|in\s+a\s+statement|to\s+reporters)\s+)*(?:on\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)"
    r"(?:\s+(?:morning|afternoon|evening|night))?",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
NEAR = 3  # sentences apart at which a figure in one article can be disputed by the next


def measure(what: str) -> tuple[str, float] | None:
    """What a figure counts, as a comparable key and a factor to a common unit.

    Casualty counts keep their category; "hours" and "minutes" are both durations (in
    seconds); currencies are their symbol; anything else is its counted noun, singular.
    None for figures nobody can compare ("people" living somewhere, "times").
    """
    w = fold(what or "").strip()
    if not w:
        return None
    if w in COUNTABLE or w in ("percent", "age"):
        return w, 1.0
    if w in _CURRENCY:
        return _CURRENCY[w], 1.0
    one = w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
    if one in _CURRENCY:
        return _CURRENCY[one], 1.0
    one = _UNIT_ALIASES.get(one, one)
    if one in _TIME_UNITS:
        return "duration", _TIME_UNITS[one]
    if one in _NOT_COMPARED or not re.fullmatch(r"[^\W\d_][\w'’\-]*", one):
        return None
    return one, 1.0


_UNIT_ALIASES = {"min": "minute", "hr": "hour", "yr": "year", "sec": "second"}
_NOT_COMPARED = {"million", "billion", "thousand", "hundred", "trillion", "per", "dozen", "time", "other", "people", "person", "strong", "old", "percentage", "point", "part", "way",
                 "thing", "kind", "level", "step", "stage", "round", "side", "term"}


class _InOneUnit:
    """The bounds of a figure (``fig``) in the unit its counted thing is compared in (``factor``)."""

    __slots__ = ()
    fig: Figure
    factor: float

    @property
    def low(self) -> float:
        return self.fig.low * self.factor

    @property
    def high(self) -> float:
        return self.fig.high * self.factor


@dataclass(frozen=True, slots=True)
class _Mention(_InOneUnit):
    """A figure in one sentence, as the number conflicts compare it."""

    pos: int
    fig: Figure
    key: str
    factor: float


def _agree(a: _Mention, b: _Mention) -> bool:
    """Can both be true? (intervals overlap once in one unit; "up to six days" meets "over 144 hours")"""
    return max(a.low, b.low) <= min(a.high, b.high) * (1 + 1e-6) + 1e-6


@lru_cache(maxsize=65536)
def _window(text: str, fig: Figure, width: int = 5) -> tuple[frozenset[str], frozenset[str]]:
    """The ordinary words and the names within ``width`` words of a figure, in its clause."""
    left = re.split(r"[;:()]|,\s", text[: fig.start])[-1]
    right = re.split(r"[;:()]|,\s", re.sub(r"^\S+", "", text[fig.start:]))[0]  # the words after the number
    words_left = re.findall(r"[^\W\d_][\w'’\-]*", left)
    # the sentence's first word is capitalised whatever it is: not a name
    first = words_left[0] if words_left and text[: fig.start].lstrip().startswith(words_left[0]) else None
    toks = words_left[-width:] + re.findall(r"[^\W\d_][\w'’\-]*", right)[:width]
    names = {fold(t).rstrip("'’s") for t in toks if t[:1].isupper() and fold(t) not in STOPWORDS
             and fold(t) not in _CALENDAR and t is not first}
    plain = {stem(fold(t)) for t in toks if not t[:1].isupper() and fold(t) not in STOPWORDS
             and fold(t) not in _QUALIFIER_WORDS and len(t) > 2}
    return frozenset(plain - {stem(fold(fig.what))}), frozenset(names)


_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
_QUALIFIER_WORDS = {"least", "more", "than", "fewer", "less", "about", "around", "nearly", "almost", "some",
                    "just", "only", "over", "under", "estimated", "roughly", "approximately", "up", "to"}


def _number_conflicts(story: "StoryText") -> list[Conflict]:
    """Figures of one counted thing, in one frame, that cannot both be true.

    Compared: casualty counts (as before), and any other counted thing with a unit one
    can compare (votes, seats, money in one currency, percentages, ages, durations).
    Two figures clash when their intervals do not overlap, they come from different
    reports (or from two parties of one report, one disputing the other's figure just
    before), neither sentence explains the clash by stating both, and they are in one
    frame: not different days or years, not an update ("rose to"), not a different
    subject (other names next to the figures), and, for figures other than casualties,
    about the same thing (the same aligned fact, a sentence disputing the other's figure
    -- "87 votes, not the 212 announced" --, or similar sentences sharing a word next to
    the figures).
    """
    owner: dict[str, int] = {}
    for i, g in enumerate(story.groups):
        for a in g.articles:
            owner[a] = i
    local = _local(story)
    mentions: list[_Mention] = []
    earlier: dict[int, list[_Mention]] = {}  # "up from 12": values a sentence moves from
    for p, figs in enumerate(story.figures):
        if p not in local:
            continue
        for f in figs:
            m = measure(f.what)
            if m is not None and not f.previous:
                mentions.append(_Mention(p, f, m[0], m[1]))
            elif m is not None:
                earlier.setdefault(p, []).append(_Mention(p, f, m[0], m[1]))
    from .timeline import reference_date

    published = [a.published for a in story.articles if a.published]
    refs = {a.id: reference_date(a, published) for a in story.articles}
    cache: dict[int, set[str]] = {}
    own_day = {a.id: _valid_day(a.published) for a in story.articles}
    timed_of: dict[tuple[int, int], _Timed | None] = {}

    def timed(m: _Mention) -> _Timed | None:
        """The mention placed in time, as :func:`find_updates` places it (read once)."""
        if (m.pos, m.fig.start) not in timed_of:
            s = story.sentences[m.pos]
            t = _timing(s.text, m.fig, own_day.get(s.article), refs.get(s.article))
            timed_of[m.pos, m.fig.start] = None if t is None else _Timed(
                s.article, s.index, s.text, m.fig, m.key, m.factor, *t, published=own_day.get(s.article),
                noun=_counted(m.fig))
        return timed_of[m.pos, m.fig.start]

    def dates(pos: int) -> set[str]:
        if pos not in cache:
            s = story.sentences[pos]
            try:
                cache[pos] = {d.date for d in find_dates(_SAID_DAY.sub(" ", s.text), refs.get(s.article))}
            except Exception:  # a date reader that trips on odd input must not stop the conflicts
                cache[pos] = set()
        return cache[pos]

    def text(pos: int) -> str:
        return story.sentences[pos].text

    flags: dict[int, tuple[bool, bool]] = {}

    def disputes(pos: int) -> bool:
        return sentence_flags(pos)[0]

    def updated(pos: int) -> bool:
        return sentence_flags(pos)[1]

    def sentence_flags(pos: int) -> tuple[bool, bool]:
        """(sets one figure against another, tells an update), read once per sentence."""
        if pos not in flags:
            folded = fold(text(pos))
            flags[pos] = (bool(_SETS_AGAINST.search(folded)), bool(_UPDATE.search(folded)))
        return flags[pos]

    disputed_at = {m.pos for m in mentions if m.fig.disputed}

    def disputes_value(a: _Mention, b: _Mention) -> bool:
        """Does a's sentence dispute b's figure by name ("87 votes, not the 212 announced")?"""
        return a.pos in disputed_at and any(x.fig.disputed and x.key == a.key and _agree(x, b)
                                            for x in by_pos.get(a.pos, []))

    by_pos: dict[int, list[_Mention]] = {}
    for m in mentions:
        by_pos.setdefault(m.pos, []).append(m)

    keyed: dict[tuple[int, str], list[_Mention]] = {}

    def by_key(pos: int, key: str) -> list[_Mention]:
        if (pos, key) not in keyed:
            keyed[pos, key] = [x for x in by_pos.get(pos, []) if x.key == key and not x.fig.disputed]
        return keyed[pos, key]

    def clash(a: _Mention, b: _Mention) -> bool:
        p, q = a.pos, b.pos
        if a.fig.disputed or b.fig.disputed or _agree(a, b):
            return False
        ap, aq = story.sentences[p].article, story.sentences[q].article
        same_source = ap == aq or (ap in owner and owner.get(aq) == owner[ap])
        named = disputes_value(a, b) or disputes_value(b, a)
        if same_source:
            # two parties of one report: one disputes the figure the other gave just before
            if ap != aq or abs(p - q) > NEAR or p == q:
                return False
            later = max(p, q)
            if not (_DISPUTES_BEFORE.search(text(later)) or named):
                return False
            if _party(_denier(story, later)) == _party(story.attribution[min(p, q)]):
                return False
        if not named:
            if (len(by_key(p, a.key)) > 1 and any(_agree(x, b) for x in by_key(p, a.key)) and not disputes(p)) or \
                    (len(by_key(q, b.key)) > 1 and any(_agree(x, a) for x in by_key(q, b.key)) and not disputes(q)):
                return False  # "1,200 injuries ... zero injuries": the sentence itself counts two things
        if updated(p) or updated(q):
            return False  # "the toll rose to 15": a later figure, not a contradiction
        if any(x.key == a.key and _agree(x, a) for x in earlier.get(q, ())) or \
                any(x.key == b.key and _agree(x, b) for x in earlier.get(p, ())):
            return False  # "$5 million, up from $2 million": the sentence itself tells the change
        dp, dq = dates(p), dates(q)
        yp, yq = {d[:4] for d in dp}, {d[:4] for d in dq}
        if yp and yq and not (yp & yq):
            return False  # figures of different years
        days_p, days_q = {d for d in dp if len(d) == 10}, {d for d in dq if len(d) == 10}
        if days_p and days_q and not (days_p & days_q):
            return False  # a toll on Sunday and a toll on Wednesday can both be true
        if a.key in COUNTABLE:
            ta, tb = timed(a), timed(b)
            if ta is not None and tb is not None and (_later(ta, tb) or _later(tb, ta)):
                return False  # 12 dead in Monday's report, 15 in Wednesday's: an update (find_updates)
        if named or (same_source and _DISPUTES_BEFORE.search(text(max(p, q)))):
            return True
        xp, xq = set(_YEAR.findall(text(p))), set(_YEAR.findall(text(q)))
        if bool(xp) != bool(xq):
            undated = q if xp else p
            ref = refs.get(story.sentences[undated].article) or ""
            if ref[:4] not in (xp or xq):
                return False  # "in 2002 he set the record at 2,300 metres" / "the new record, 3,540 metres"
        mine, theirs = by_key(p, a.key), by_key(q, b.key)
        open_mine = [x for x in mine if not any(_agree(x, y) for y in theirs)]
        open_theirs = [y for y in theirs if not any(_agree(y, x) for x in mine)]
        if len(open_mine) > 1 or len(open_theirs) > 1:
            if a.key not in COUNTABLE:
                return False  # "25 percent of his effects and 40 percent of his estate": which is which?
            # "five critically injured and 12 treated for minor injuries" / "13 with minor injuries":
            # each figure is compared with the one told in the most similar words
            if not (_closest(b, a, open_mine, text) and _closest(a, b, open_theirs, text)):
                return False
        plain_a, names_a = _window(text(p), a.fig)
        plain_b, names_b = _window(text(q), b.fig)  # (cached: the same figure meets many others)
        if names_a and names_b and not (names_a & names_b):
            return False  # "Rhee received 14,386 votes" / "Ostrander received 14,174 votes"
        same = story.cluster_of.get(p) is not None and story.cluster_of.get(p) == story.cluster_of.get(q)
        sim = float(story.score[local[p], local[q]])
        if a.key in COUNTABLE:
            return same or sim >= CONTEXT
        return same or sim >= CONTEXT and bool(plain_a & plain_b)

    # pairs that clash, then one conflict per connected group of figures
    # only figures of one counted thing are compared, and only those that disagree (cheap test first)
    pairs: list[tuple[int, int]] = []
    by_kind: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_kind.setdefault(m.key, []).append(i)
    for idx in by_kind.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                if not _agree(mentions[i], mentions[j]) and clash(mentions[i], mentions[j]):
                    pairs.append((i, j))
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    components: dict[int, list[int]] = {}
    for i in sorted({x for pair in pairs for x in pair}):
        components.setdefault(root(i), []).append(i)
    out: list[Conflict] = []
    shown_of: list[list[_Mention]] = []
    for members in components.values():
        sides: list[ConflictSide] = []
        shown: list[_Mention] = []
        for i in sorted(members, key=lambda k: (story.order[story.sentences[mentions[k].pos].article],
                                                 mentions[k].pos)):
            m = mentions[i]
            s = story.sentences[m.pos]
            hit = next((k for k, x in enumerate(shown) if x.low == m.low and x.high == m.high), None)
            if hit is not None:
                side = sides[hit]
                if s.article not in side.articles:
                    side.articles.append(s.article)
                if story.cite(m.pos) not in side.citations:
                    side.citations.append(story.cite(m.pos))
                if side.attributed_to is None:
                    side.attributed_to = story.attribution[m.pos]
                continue
            shown.append(m)
            sides.append(ConflictSide(s.text, story.attribution[m.pos], [s.article], [story.cite(m.pos)]))
        if len(sides) >= 2:
            twin = next((c for c, sh in zip(out, shown_of) if _same_dispute(sh, c.sides, shown, sides)), None)
            if twin is None:
                out.append(Conflict("", _number_about(shown), "number", sides))
                shown_of.append(shown)
                continue
            for side, m in zip(sides, shown):  # the same dispute told by another report: one conflict
                k = next(k for k, x in enumerate(shown_of[out.index(twin)]) if _agree(x, m))
                target = twin.sides[k]
                target.articles += [a for a in side.articles if a not in target.articles]
                target.citations += [x for x in side.citations if x not in target.citations]
    cited = {(x.article, x.sentence) for c in out for side in c.sides for x in side.citations}
    for pos, ms in by_pos.items():  # a figure disputed by name that no other sentence states
        s = story.sentences[pos]
        if (s.article, s.index) in cited:
            continue
        for d in (m for m in ms if m.fig.disputed):
            claim = next((m for m in ms if m.key == d.key and not m.fig.disputed and not _agree(m, d)), None)
            holder = _holder(s.text, d.fig)
            if claim is None or holder is None:
                continue
            out.append(Conflict("", _number_about([claim, d]), "number", [
                ConflictSide(s.text, story.attribution[pos], [s.article], [story.cite(pos)]),
                ConflictSide(s.text, holder or None, [s.article], [story.cite(pos)]),
            ]))
            break
    return out


_HELD_BY = re.compile(
    r"^[^,;.!?]{0,30}?\b(?:announced|given|claimed|reported|stated|published|cited|put\s+forward|released|"
    r"declared|quoted)\s+by\s+((?:the\s+)?[\w’'\-.]+(?:\s+[\w’'\-.]+){0,5}?)(?=\s*(?:[,;.!?]|$|\s+(?:on|in|at|last|"
    r"earlier|this)\b))"
)
_HELD_BEFORE = re.compile(
    r"\b(?:contradicting|disputing|challenging|rejecting)\s+((?:the\s+)?[\w’'\-.]+(?:\s+[\w’'\-.]+){0,5}?),?\s+"
    r"(?:which|who)\s+(?:had\s+|has\s+)?(?:put|given|set|estimated|said|reported|announced)\b[^,;]*$"
)


def _holder(text: str, fig: Figure) -> str | None:
    """Who gave a figure that a sentence disputes by name: "not the 212 announced by the board"."""
    from .attribution import normalise_source

    m = _HELD_BY.match(text[fig.end:]) or _HELD_BEFORE.search(text[: fig.start])
    return normalise_source(m.group(1)) if m else None


def _same_dispute(shown_a: list[_Mention], sides_a: list[ConflictSide],
                  shown_b: list[_Mention], sides_b: list[ConflictSide]) -> bool:
    """Two number conflicts that set the same parties' figures against each other (in two reports)."""
    if len(shown_a) != len(shown_b) or shown_a[0].key != shown_b[0].key:
        return False
    for m, side in zip(shown_b, sides_b):
        match = [k for k, x in enumerate(shown_a) if _agree(x, m)]
        if len(match) != 1:
            return False
        other = sides_a[match[0]].attributed_to
        if not (_party(other) == _party(side.attributed_to) or _affiliated(other, side.attributed_to)):
            return False
    return True


def _closest(anchor: _Mention, chosen: _Mention, candidates: list[_Mention], text) -> bool:
    """Is ``chosen`` the one of ``candidates`` told in words most like ``anchor``'s (and some alike)?"""
    if len(candidates) <= 1:
        return True
    near = _window(text(anchor.pos), anchor.fig)[0]
    overlap = {id(c): len(near & _window(text(c.pos), c.fig)[0]) for c in candidates}
    best = max(overlap.values())
    return best > 0 and overlap[id(chosen)] == best and list(overlap.values()).count(best) == 1


def _number_about(shown: list["_Mention"]) -> str:
    """"number of dead: 3 or 2", "number of votes: 87 or 212", "percentage: about 40 or at most 25"."""
    key = shown[0].key
    if key in _ABOUT:
        label = _ABOUT[key]
    elif key == "percent":
        label = "percentage"
    elif key == "age":
        label = "age"
    elif key == "duration":
        label = "how long"
    elif key in _CURRENCY.values():
        label = f"amount ({key})"
    else:
        noun = fold(shown[0].fig.what)
        label = f"number of {noun}"
    return f"{label}: " + " or ".join(_figure_words(m.fig) for m in shown[:4])


def _figure_words(f: Figure) -> str:
    """A figure as a reader says it: "at least 144", "about 40 percent", "2.5 million", "25 percent"."""
    value = f"{f.value:,.0f}" if f.value == int(f.value) else f"{f.value:,.2f}".rstrip("0").rstrip(".")
    if f.value >= 1e6 and f.value % 1e5 == 0:
        value = f"{f.value / 1e9:g} billion" if f.value >= 1e9 else f"{f.value / 1e6:g} million"
    if f.qualifier == "between":
        high = f"{f.high:,.0f}" if f.high == int(f.high) else f"{f.high:g}"
        value = f"{value}-{high}"
    elif f.qualifier:
        value = f"{f.qualifier} {value}"
    if fold(f.what) in ("$", "€", "£", "¥"):
        return f"{f.what}{value}" if not f.qualifier else f"{f.qualifier} {f.what}{value[len(f.qualifier) + 1:]}"
    unit = {"percent": "percent", "age": "years old"}.get(fold(f.what))
    return f"{value} {unit}" if unit else value


def _date_conflicts(story: "StoryText") -> list[Conflict]:
    out: list[Conflict] = []
    for g in story.aligned:
        if len(g.members) < 2 or story.independent([story.sentences[m].article for m in g.members]) < 2:
            continue
        dated: dict[str, list[int]] = {}
        for m in g.members:
            others = [x for x in g.members if x != m]
            if max(fuzz.token_sort_ratio(fold(story.sentences[m].text), fold(story.sentences[x].text))
                   for x in others) < DATE_SAME:
                continue  # only one fact told in nearly the same words can be misdated
            ds = [d for d in find_dates(story.sentences[m].text, None) if len(d.date) >= 7]
            if len(ds) == 1:
                dated.setdefault(ds[0].date, []).append(m)
        if len(dated) < 2 or len({len(d) for d in dated}) != 1:
            continue
        sides = []
        for date, ms in dated.items():
            sides.append(ConflictSide(story.sentences[ms[0]].text, story.attribution[ms[0]],
                                      list(dict.fromkeys(story.sentences[m].article for m in ms)),
                                      [story.cite(m) for m in ms]))
        out.append(Conflict("", f"date of {_gist(story.sentences[g.members[0]].text, 10)}: "
                                + " or ".join(dated), "date", sides))
    return out


def _denier(story: "StoryText", pos: int) -> str | None:
    text = story.sentences[pos].text
    m = _PASSIVE.search(text) or _DENIER.search(text)
    if m:
        name = re.sub(r"^(?:the)\s+", "", m.group(1), flags=re.I)
        last = fold(name.split()[-1]) if name.split() else ""
        if fold(name) in _PRONOUNS or last in _NOT_SUBJECT_END:
            return story.attribution[pos]  # "He rejected ...": the resolved attribution
        return name
    return story.attribution[pos]


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that"}
_NOT_SUBJECT_END = {"was", "were", "is", "are", "been", "be", "being", "later", "also", "then", "has", "had", "have"}


def _claim_before(story: "StoryText", pos: int, denier: str | None) -> int | None:
    """The claim a denial answers: the head of the closest run of sentences by another party."""
    s = story.sentences[pos]
    dparty = _party(denier)
    k = pos - 1
    while k >= 0 and story.sentences[k].article == s.article and pos - k <= 4:
        att = story.attribution[k]
        if att and _party(att) != dparty and not _DENIAL.search(story.sentences[k].text):
            head = k
            while head - 1 >= 0 and story.sentences[head - 1].article == s.article \
                    and story.attribution[head - 1] == att and pos - head < 4:
                head -= 1
            if not _answers(story, list(range(head, k + 1)), pos):
                return None
            return head
        k -= 1
    return None


_ANAPHOR = re.compile(
    r"\b(?:this|that|these|those|it|them|such)\b(?!\s+(?:week|year|month|day|morning|time)\b)|"
    r"(?:^|\b(?:the|these|those|such|his|her|their|its)\s+)(?:claims?|allegations?|accusations?|charges?|"
    r"reports?|assertions?|statements?|comments?|remarks?|suggestions?|contention|account|version|idea|notion|"
    r"accounting|arguments?|theory|theories|characteri[sz]ation|story|narrative|rumou?rs?|speculation)\b",
    re.I,
)
_DENIAL_VERB = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|reject|rejecting|refuted|refutes|"
                          r"dismissed|dismisses|disputed|disputes|contradicted)\b", re.I)
_FRAME_STEMS = {"said", "say", "told", "tell", "deni", "deny", "reject", "refut", "dismiss", "disput", "add",
                "statement", "also", "report", "claim", "categorically", "immediately", "flatly"}


def _answers(story: "StoryText", claim: list[int], pos: int) -> bool:
    """Does the denial at ``pos`` answer the claim sentences (shared wording or a back-reference)?"""
    from .align import _common_stems

    denial = story.sentences[pos].text
    frame = _QUOTED.sub(" ", denial)
    verb = _DENIAL_VERB.search(frame)
    if verb is not None:
        # a back-reference as the object of the denial ("reject this", "denies the charges"), or as
        # the subject of a passive one ("Comments ... denied by Paris"); not "the idea of X" (content given)
        after = frame[verb.end(): verb.end() + 60]
        before = frame[: verb.start()]
        if re.match(r"\s*(?:\w+\s+){0,2}?(?:" + _ANAPHOR.pattern + r")(?!\s+(?:that|of|about|over|to)\b)",
                    after, re.I) and pos - claim[-1] <= 3:
            return True
        if re.search(r"\bby\s*$", frame[verb.end(): verb.end() + 4]) or _PASSIVE.search(frame):
            if _ANAPHOR.match(before.strip()) and pos - claim[-1] <= 2:
                return True
    mine = _common_stems(denial) - _FRAME_STEMS
    return any(len(mine & (_common_stems(story.sentences[k].text) - _FRAME_STEMS)) >= 2 for k in claim)


_QUOTED = re.compile(r"[“«„\"][^”»“\"]*[”»“\"]|‘[^’]*’")
_REFUSED = (r"request|requests|application|appeal|appeals|bail|bond|permission|access|entry|visa|motion|bid|"
            r"offer|proposal|petition|plea|claim\s+for|charges?\s+of|case|cases|lawsuit|suit|nomination|"
            r"nominee|bill|amendment|resignation|license|licence|parole|asylum|transfer")
_REFUSAL = re.compile(
    r"\b(?:denied|denies|deny|rejected|rejects|reject|dismissed|dismisses)\s+(?:\S+\s+){0,3}?"
    r"(?:" + _REFUSED + r")\b|"
    r"\b(?:" + _REFUSED + r")\s+(?:was|were|has\s+been|had\s+been|is)\s+(?:\w+\s+)?(?:denied|rejected|dismissed)\b",
    re.I,
)
_OPENING = re.compile(r"^(?:[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,4},\s+)?")


def _is_denial(text: str, attributed: str | None) -> bool:
    """A sentence that reports a denial or rejection by a party (not one inside a quotation).

    "... immediately denied by Paris", "Ostmark categorically rejects this", "the ministry
    denied the report", "X has neither accepted nor proposed anything"; but not "senators
    who should vote to confirm or reject the nominee" in someone's quoted words.
    """
    frame = _QUOTED.sub(" ", text)
    if _REFUSAL.search(frame):
        return False  # "the department denied his request": a refusal, not a denial of a claim
    if _PASSIVE.search(frame):
        return True
    head = _OPENING.sub("", frame.strip(), count=1)
    if _DENIER.search(head):
        return True
    quoted_denial = bool(re.search(r"\bneither\s+\w+\s+nor\b|\bnot\s+true\b|\bbaseless\b|\bunfounded\b",
                                   text, re.I))
    return bool(attributed) and (quoted_denial or bool(re.search(
        r"\b(?:denied|denies|rejected|rejects|refuted|refutes|dismissed|dismisses|categorically)\b", frame, re.I)))


def _denial_conflicts(story: "StoryText") -> list[Conflict]:
    out: list[Conflict] = []
    for pos, s in enumerate(story.sentences):
        if s.is_heading or pos not in story.cluster_of or not _is_denial(s.text, story.attribution[pos]):
            continue
        denier = _denier(story, pos)
        claim = _claim_before(story, pos, denier)
        if claim is None or denier is None:
            continue
        kind = "claim" if _CONTESTED.search(story.sentences[claim].text) else "denial"
        out.append(Conflict("", "", kind, [_side(story, [claim], story.attribution[claim]),
                                              _side(story, [pos], _normal(denier))]))
    for pos, s in enumerate(story.sentences):  # contested claims that nobody answered in the text
        if pos in story.cluster_of and _UNSUPPORTED.search(_QUOTED.sub(" ", s.text)) and story.attribution[pos]:
            if not any(c.article == s.article and c.sentence == s.index for x in out for c in x.sides[0].citations):
                out.append(Conflict("", "", "claim",
                                    [_side(story, [pos], story.attribution[pos])]))
    return out


def _normal(name: str) -> str:
    from .attribution import normalise_source

    return normalise_source(name) or name


def _contrast_conflicts(story: "StoryText", limit: int = 2) -> list[Conflict]:
    """Two parties, one stating and the other negating the same thing.

    "Drevna's president suggested the saboteurs were linked to Ostmark" / "Ostmark had no
    information of any link to the saboteurs": an assertion (suggests, accuses, blames,
    links) by one party, and a negated sentence by another sharing ordinary (not only
    proper) words with it; never two voices of one body ("URD general secretary Marta
    Kellen" speaks for the "Union of Rail Drivers").
    """
    words = {p: set(content_words(story.sentences[p].text)) for p in story.fact_pos}
    party = {p: _party(story.attribution[p]) for p in story.fact_pos}
    proper = {p: {fold(t).rstrip(".,;:'’s") for t in story.sentences[p].text.split() if t[:1].isupper()}
              for p in story.fact_pos}
    negated = [p for p in story.fact_pos if party[p] and _NEGATION.search(story.sentences[p].text)]
    asserting = [q for q in story.fact_pos if party[q] and not _NEGATION.search(story.sentences[q].text)
                 and _SUGGEST.search(story.sentences[q].text)]
    cands = []
    for p in negated:
        for q in asserting:
            if q == p or party[p] == party[q] or story.cluster_of.get(q) == story.cluster_of.get(p) \
                    or _affiliated(story.attribution[p], story.attribution[q]):
                continue
            shared = words[p] & words[q]
            if len(shared) < 2:
                continue
            names = proper[p] | proper[q]
            common = {w for w in shared if not any(x.startswith(w) for x in names)}
            if len(common) < 2:
                continue
            sim = len(shared) / max(1, len(words[p] | words[q]))
            if sim < 0.12:
                continue
            cands.append((sim, q, p))
    cands.sort(reverse=True)
    out = []
    used: set[int] = set()
    for sim, q, p in cands:
        if len(out) >= limit or p in used or q in used:
            continue
        used.update((p, q))
        out.append(Conflict("", "", "denial",
                            [_side(story, [q], story.attribution[q]), _side(story, [p], story.attribution[p])]))
    return out


def _affiliated(a: str | None, b: str | None) -> bool:
    """Do two attributions speak for one body? ("URD general secretary Marta Kellen", "Union of Rail Drivers")"""
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    if fa in fb or fb in fa:
        return True
    for x, y in ((a, b), (b, a)):
        initials = "".join(t[0] for t in y.split() if t[:1].isupper())
        if len(initials) >= 2 and any(t == initials for t in x.split() if t.isupper()):
            return True
    return False


def _merge(conflicts: list[Conflict]) -> list[Conflict]:
    """Conflicts that share a side (same sentences) are one conflict."""
    merged: list[Conflict] = []
    for c in conflicts:
        keys = [{(x.article, x.sentence) for x in s.citations} for s in c.sides]
        hit = None
        for m in merged:
            if m.kind in ("number", "date") or c.kind in ("number", "date"):
                continue
            mkeys = [{(x.article, x.sentence) for x in s.citations} for s in m.sides]
            if keys and mkeys and keys[0] & mkeys[0]:
                hit = m
                break
        if hit is None:
            merged.append(c)
            continue
        if c.kind == "claim":
            hit.kind = "claim"
        for side in c.sides[1:]:
            sk = {(x.article, x.sentence) for x in side.citations}
            target = next((s for s in hit.sides[1:] if sk & {(x.article, x.sentence) for x in s.citations}
                           or (s.attributed_to and side.attributed_to and _party(s.attributed_to) == _party(side.attributed_to))), None)
            if target is None:
                hit.sides.append(side)
            else:
                for a in side.articles:
                    if a not in target.articles:
                        target.articles.append(a)
                for x in side.citations:
                    if x not in target.citations:
                        target.citations.append(x)
    return merged


_FRAME_HEAD = re.compile(
    r"^(?:(?:but|and|however|meanwhile|still|yet)\b,?\s+)?(?:[^,;:“”\"]{0,60}?(?:,[^,;:“”\"]{1,60},)?\s)?(?:has\s+|have\s+|had\s+|also\s+|"
    r"again\s+|\w+ly\s+)*(?:" + REPORT_VERBS + r"|acknowledged|claimed|alleged|suggested|insisted|accused)\b"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?"
    r"(?:\s+without\s+(?:providing|offering|giving|citing)\s+(?:any\s+)?(?:evidence|proof))?"
    r"(?:(?:\s+[\w’'\-]+){0,3}?\s+that\b|\s+to\b)?\s*[:,]?\s*",
    re.I,
)
_FRAME_TAIL = re.compile(r"[,;]\s*(?:[\"”»’]\s*)?(?:according\s+to\s+[^,;]{2,80}|[^,;“”\"]{2,80}?\s+(?:"
                         + REPORT_VERBS + r")\b[^,;“”\"]{0,40})\s*[.!?]?\s*$", re.I)
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s[^,;“”\"]{1,120},")
_ACCORDING_HEAD = re.compile(r"^(?:but\s+|and\s+)?according\s+to\s+[^,;“”\"]{2,80},\s*", re.I)
_LEAD_IN = re.compile(r"^(?:but|and|however|meanwhile|still|yet|so)\b,?\s+", re.I)


def _gist(text: str, limit: int = 14) -> str:
    """A sentence's statement without its reporting frame, at most ``limit`` words.

    "The ministry said Monday that both sides were “ready to talk” about the border." ->
    "both sides were “ready to talk” about the border"; a sentence with a suggestion keeps
    the suggested clause ("..., but suggested the saboteurs came from Ostmark" -> "the
    saboteurs came from Ostmark").
    """
    t = " ".join(text.split())
    sug = list(re.finditer(r"\b(?:but|and)\s+(?:\w+ly\s+)?(?:suggested|suggests|claimed|claims|alleged|alleges|"
                           r"insisted|insists|accused|accuses)\b", t))
    if sug and sug[-1].start() > 10:
        t = t[sug[-1].start():]
    t = _FRAME_TAIL.sub("", t)
    t = _RELATIVE.sub("", t)  # "X, who took office in March, insisted ..." -> "X insisted ..."
    t = _ACCORDING_HEAD.sub("", t)
    head = _FRAME_HEAD.match(t)
    if head and len(t) - head.end() >= 15 and not re.search(r"[“\"]", t[: head.start(0) + 1]) \
            and not re.match(r"(?:at|in|on|during|after|before|with|for|from|by|over|about)\b", t[head.end():], re.I):
        t = t[head.end():]  # not "insisted at a meeting ...": the frame stays when no statement follows it
    t = _LEAD_IN.sub("", t).strip(" ,;:.")
    toks = t.split()
    if len(toks) > limit + 3:
        cut = " ".join(toks[:limit])
        clause = re.split(r"[,;:]\s", cut)[0]
        t = clause if 6 <= len(clause.split()) < limit else cut.rstrip(",;:") + " …"
    for o, c in (("“", "”"), ("«", "»")) if "„" not in t else (("„", "“"), ("«", "»")):
        if t.count(o) != t.count(c):
            t = t.replace(o, "").replace(c, "")
    if t.count('"') % 2:
        t = t.replace('"', "")
    return t[:1].lower() + t[1:] if t[:2].istitle() and not t.split()[0].isupper() and \
        fold(t.split()[0]) in STOPWORDS else t


def _claim_about(c: Conflict) -> str:
    """"Valdorian foreign ministry: both governments had agreed to reopen the border — denied by Karsland"."""
    first = c.sides[0]
    gist = _gist(first.claim)
    who = first.attributed_to
    head = f"{who}: {gist}" if who else gist
    if len(c.sides) < 2:
        return f"{head} (given without evidence)" if c.kind == "claim" else head
    others = [s.attributed_to for s in c.sides[1:] if s.attributed_to]
    verb = "denied by" if c.kind == "denial" else "contested by"
    return f"{head} — {verb} {', '.join(dict.fromkeys(others))}" if others else f"{head} — contested"


def _same_sentences(a: Conflict, b: Conflict) -> bool:
    """Do two conflicts set the same sentences against each other?"""
    key = lambda c: {frozenset((x.article, x.sentence) for x in s.citations) for s in c.sides}  # noqa: E731
    return key(a) == key(b) or all(any(sa <= sb for sb in key(b)) for sa in key(a))


def find_conflicts(story: "StoryText") -> list[Conflict]:
    """Every disagreement in the story, numbered c1, c2, ..."""
    out = _number_conflicts(story) + _date_conflicts(story)
    for c in _merge(_denial_conflicts(story) + _contrast_conflicts(story)):
        if any(_same_sentences(c, n) for n in out):
            continue  # "The union disputed that figure, saying ...": already the number conflict
        c.about = _claim_about(c)
        out.append(c)
    for k, c in enumerate(out, 1):
        c.id = f"c{k}"
    return out


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
_DOWN_WORDS = re.compile(r"\b(?:revised\s+down\w*|lowered|fell|dropped|decreased|reduced|corrected|down\s+to|"
                         r"revu\s+a\s+la\s+baisse)\b")
# a figure somebody expects or fears is no count at any time
_PROJECTION = re.compile(r"\b(?:could|may|might|would|will|expected|expects|feared|fears|likely|projected|"
                         r"forecasts?|predicts?|predicted|estimates?\s+that|if)\b")
_AGAINST = re.compile(r"\b(?:contradict\w*|disput\w*|den(?:y|ies|ied|ying)|reject\w*|refut\w*|contrary|"
                      r"challeng\w*|contest\w*|instead\s+of|rather\s+than|not\s+the)\b")
_NUMBER_WORD = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                r"eighty|ninety|hundred|a\s+dozen|dozens)")
_PART_AFTER = re.compile(r"\s+of\s+(?:the|them|those|these|whom|their|its)\b", re.I)
_JOINED_AFTER = re.compile(r"[^,;:.!?()\d]{0,25}?(?:,\s*|\s+and\s+|\s+plus\s+)" + _NUMBER_WORD + r"\b")
_JOINED_BEFORE = re.compile(r"\b" + _NUMBER_WORD + r"\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?:,|and|plus)\s*$")
_INCREMENT = re.compile(r"\b(?:more|additional|further|extra|new|other)\b")
MAX_UPDATE_DAYS = 45  # days between the first and the last value of one update


@dataclass(frozen=True, slots=True)
class _Timed(_InOneUnit):
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
    before = re.split(r"[;:()]|\s[-–—]\s", text[max(0, fig.start - 80): fig.start])[-1]
    after = re.split(r"[,;:.!?()]|\s[-–—]\s", text[fig.end: fig.end + 40])[0]
    return fold(before), fold(after)


def _timing(text: str, fig: Figure, published: str | None, ref: str | None
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
    own = fold(fig.text)[len(fig.qualifier or ""):]
    if _INCREMENT.search(own) or re.search(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s*$", before):
        return None  # "two more bodies", "another 3 deaths": what was added, not the count
    rest = text[fig.start:]
    rest = rest[len(fig.qualifier):].lstrip() if fig.qualifier and fig.qualifier != "between" else rest
    if _PART_AFTER.match(rest[len(rest.split()[0]) if rest.split() else 0:]) \
            or _JOINED_AFTER.match(fold(text[fig.end: fig.end + 40])) or _JOINED_BEFORE.search(before):
        return None  # "two of the people found dead", "eight men and three women": parts of a count
    try:
        dates = find_dates(text, ref)
    except Exception:  # a date reader that trips on odd input must not stop the brief
        dates = []
    years = {d.date[:4] for d in dates} | set(_YEAR.findall(text))  # (the date reader misses "In 2019 ...")
    days = [d for d in dates if len(d.date) == 10]
    other = bool((ref and years - {ref[:4]}) or (not ref and len(years) > 1)
                 or (ref and any(abs(_days_between(d.date, ref)) > MAX_UPDATE_DAYS for d in days)))
    level = 0 if fig.previous else 2 if (_LATER_WORDS.search(before) or re.search(r"\b(?:now|since)\b", after)) else 1
    down = bool(_DOWN_WORDS.search(before))
    said = _SAID_DAY.search(text)
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
    after = re.split(r"[,;:.!?()]", text[fig.end: fig.end + 40])[0]
    try:
        days = [d for d in find_dates(after, ref) if len(d.date) == 10 and d.start <= 12]
    except Exception:  # a date reader that trips on odd input must not stop the brief
        return None
    return days[0].date if days else None


_GENERIC_COUNTED = {"people", "persons", "person", "personnes", "personne", "others", "individuals", "victims", "bodies", "lives", "dead",
                    "deaths", "death", "fatalities", "casualties", "injured", "wounded", "injuries", "missing",
                    "toll", "total", "civilians", "residents", "hurt", "killed", "died"}


def _counted(fig: Figure) -> str:
    """Who a figure counts when it names them: "32 hostage-takers" -> "hostage-taker"; "" for
    people, victims, the dead and other words any count of the kind uses."""
    for t in re.findall(r"[^\W\d_][\w'’\-]*", fold(fig.text)[len(fig.qualifier or ""):]):
        if t in _QUALIFIER_WORDS or parse_number_words(t) is not None or t.endswith(("ed", "ing")) \
                or t in ("alleged", "suspected", "other", "additional"):
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


def _valid_day(date: object) -> str | None:
    """``date`` when it is a real day written YYYY-MM-DD, else None."""
    import datetime as dt

    if not isinstance(date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return None
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        return None
    return date


def _later(first: _Timed, then: _Timed) -> bool:
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
    if first.article == then.article and not (first.when and then.when and first.when < then.when and (
            then.level == 2 or first.source == then.source == "said")):
        return False  # one report's two values, with no earlier day and no word that one replaced the other
    if (first.when is None) != (then.when is None) or then.order <= first.order:
        return False
    if first.when is None and then.level < 2:
        return False
    if first.when and then.when and abs(_days_between(then.when, first.when)) > MAX_UPDATE_DAYS:
        return False
    if then.level < 2 and first.source != then.source and first.published and then.published \
            and then.published <= first.published:
        return False  # "said on Tuesday" in one report, Wednesday's date of another: the counts may be of one day
    if _AGAINST.search(fold(first.text)) or _AGAINST.search(fold(then.text)):
        return False  # "contradicting the fire service, which had put the toll at three": a dispute
    if then.low < first.low and not then.down:
        return False  # a lower toll with no word of a revision is a disagreement
    if then.low > first.low and then.down:
        return False
    names_a = _window(first.text, first.fig)[1]
    names_b = _window(then.text, then.fig)[1]
    if names_a and names_b and not names_a & names_b:
        return False  # "12 dead in Arlen" / "15 dead in Brisk": two places, not one toll
    if then.level < 2 and "event" in (first.source, then.source):
        return False  # "the attack on Monday killed 12" / "on Thursday ... 4": the days of two events
    return True


def _timed_mentions(articles: Sequence["Article"], sentences: Mapping[str, Sequence["Sentence"]]
                    ) -> list[_Timed]:
    """Every figure of the story with a comparable counted thing, placed in time."""
    published = [a.published for a in articles if _valid_day(a.published)]
    out: list[_Timed] = []
    for a in articles:
        ref = reference_date(a, published)
        own = _valid_day(a.published)
        for s in sentences.get(a.id, ()):
            if s.is_heading:
                continue
            for f in find_numbers(s.text):
                m = measure(f.what)
                if m is None or f.disputed:
                    continue
                t = _timing(s.text, f, own, ref)
                if t is None:
                    continue
                out.append(_Timed(a.id, s.index, s.text, f, m[0], m[1], *t, published=own, noun=_counted(f),
                                  own_day=_day_next_to(s.text, f, ref) if f.previous else None))
    return out


def find_updates(articles: Sequence["Article"], sentences: Mapping[str, Sequence["Sentence"]],
                 conflicts: Sequence[Conflict] = ()) -> list[Update]:
    """Figures the reports give at different times, each with its values earliest first.

    ``sentences``: every article's numbered sentences (``FactSheet.sentences``).  One counted
    thing of a casualty kind (dead, injured, arrested, missing, displaced) given different
    values at different times -- days the sentences or the reports' dates give, "rose to",
    "now", "latest toll" -- is one update; a sentence that moves from one value to another
    ("15 dead, up from 12") is one for any counted thing.  Values of one time that disagree
    are a conflict, not an update, and a figure a number conflict already shows is left out.
    """
    in_conflict = {(c.article, c.sentence) for x in conflicts if x.kind == "number"
                   for side in x.sides for c in side.citations}
    order = {a.id: k for k, a in enumerate(articles)}
    mentions = [m for m in _timed_mentions(articles, sentences) if (m.article, m.index) not in in_conflict]
    by_sentence: dict[tuple[str, int, str], list[_Timed]] = {}
    for m in mentions:
        by_sentence.setdefault((m.article, m.index, m.key), []).append(m)
    series: list[list[list[_Timed]]] = []
    # a sentence that moves from one value to another: its own update, for any counted thing
    for ms in by_sentence.values():
        if re.search(r"\brespectively\b", ms[0].text):
            continue  # "29 and 27, up from 24 and 21 respectively": pairs we do not untangle
        key = ms[0].key
        for prev in (m for m in ms if m.level == 0):
            told = [f for f in find_numbers(prev.text) if f.end <= prev.fig.start and not f.previous
                    and (measure(f.what) or ("",))[0] == key]
            now = [m for m in ms if m.level > 0 and m.fig.end <= prev.fig.start]
            if len(told) == 1 and len(now) == 1 and _later(prev, now[0]):
                series.append([[prev], now])  # "29 percent of women and 27 percent of men, up from 22": which?
    # one casualty count across sentences and reports, in time order
    by_key: dict[str, list[_Timed]] = {}
    for (_, _, key), ms in by_sentence.items():
        current = [m for m in ms if m.level > 0 and not m.other_time]
        if key not in COUNTABLE or not current:
            continue
        if any(not _agree_timed(x, y) for x in current for y in current):
            continue  # "12 soldiers and 3 civilians killed": which is the toll?
        by_key.setdefault(key, []).extend(m for m in ms if not m.other_time)
    for key, ms in by_key.items():
        steps = _series(ms, order)
        if steps:
            series.append(steps)
    return _merge_updates([_update(s) for s in series])


def _agree_timed(a: _Timed, b: _Timed) -> bool:
    return max(a.low, b.low) <= min(a.high, b.high) * (1 + 1e-6) + 1e-6


def _series(ms: list[_Timed], order: Mapping[str, int]) -> list[list[_Timed]] | None:
    """The values of one counted thing in time order, or None when they do not make an update.

    Figures of one time that agree are one value (a time whose figures disagree is left to the
    conflicts); consecutive times that agree are one value; every step must be a later value
    of the step before (:func:`_later`), else the figures are not shown as an update at all.
    """
    if any(m.when for m in ms):
        ms = [m for m in ms if m.when or m.level == 0]
    slots: dict[tuple[str, int], list[_Timed]] = {}
    for m in sorted(ms, key=lambda m: (m.order, order.get(m.article, 0), m.index, m.fig.start)):
        if m.level == 0:
            continue  # an earlier value only counts next to the value it moves from (see below)
        slots.setdefault(m.order, []).append(m)
    values: list[list[_Timed]] = []
    for slot in slots.values():
        if any(not _agree_timed(x, y) for x in slot for y in slot):
            continue  # two figures for one time: a conflict, not an update
        if values and all(_agree_timed(x, y) for x in values[-1] for y in slot):
            values[-1].extend(slot)
        else:
            values.append(list(slot))
    if len(values) < 2:
        return None
    for first, then in zip(values, values[1:]):
        if not any(_later(x, y) for x in first for y in then):
            return None
        if any(not _agree_timed(x, y) and not _later(x, y) for x in first for y in then):
            return None
    # an earlier value a sentence of the series moves from ("up from 12") joins the value it equals
    for m in ms:
        if m.level == 0:
            hit = next((v for v in values if all(_agree_timed(m, x) for x in v)), None)
            if hit is not None:
                hit.append(m)
    return values


def _update(values: list[list[_Timed]]) -> Update:
    out: list[UpdateValue] = []
    for v in values:
        best = min(v, key=lambda m: (m.level == 0, m.fig.qualifier is not None, m.when or "9999"))
        dates = sorted(m.when for m in v if m.when and m.level > 0) or sorted(m.own_day for m in v if m.own_day)
        cites: list[Citation] = []
        for m in v:
            c = Citation(m.article, m.index, m.text)
            if c not in cites:
                cites.append(c)
        out.append(UpdateValue(best.fig.value * best.factor if best.key == "duration" else best.fig.value,
                               dates[0] if dates else None, best.fig.text,
                               list(dict.fromkeys(m.article for m in v)), best.fig.qualifier, cites))
    first = values[0][0]
    shown = [min(v, key=lambda m: (m.level == 0, m.fig.qualifier is not None)) for v in values]
    about = _number_about([_Mention(0, m.fig, m.key, m.factor) for m in shown]).replace(" or ", ", then ")
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
