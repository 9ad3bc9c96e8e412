"""Number and date conflicts: figures of one counted thing in one frame whose intervals cannot
overlap, and one fact dated differently by two reports: told in nearly the same words, or pinned
to the same clock time ("left the prom at about 9:30 p.m. on Friday" / "signed out of the prom at
9:32 p.m." on Saturday night)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from crosswire.facts.claims import affiliated, denier_of, gist_of
from crosswire.facts.figure_holders import Held, held_by, other_holders, same_holder, years_apart
from crosswire.facts.figures import (
    CONTEXT,
    COUNTABLE,
    DATE_SAME,
    DISPUTES_BEFORE,
    NARROW,
    NARROW_CONTEXT,
    NEAR,
    SAID_DAY,
    SETS_AGAINST,
    UPDATE,
    YEAR,
    Mention,
    age_ranges,
    agree_mentions,
    agree_values,
    local_index,
    measure,
    number_about,
    party_of,
    window,
)
from crosswire.facts.numbers import Figure
from crosswire.facts.updates import Timed, counted_thing, is_later, timing, valid_day
from crosswire.model import Conflict, ConflictSide
from crosswire.text.dates import CLOCK, clock_times, find_dates
from crosswire.text.parse import parse
from crosswire.text.words import fold

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

__all__ = []


def _components(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """The items linked by ``pairs``, one sorted list per connected group, in the order of their
    smallest item."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in sorted(parent):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _subject(text: str, fig: Figure, language: str | None) -> tuple[str, str] | None:
    """(verb lemma, subject head) of the clause a figure is the object of, read from the parse; a relative
    pronoun stands for the noun its clause qualifies ("the porn star who received $130,000" -> star)."""
    docs = parse([text], language)
    if not docs:
        return None
    tok = next((t for t in docs[0] if t.idx <= fig.start < t.idx + len(t.text) + 1), None)
    for _ in range(4):
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok is None or tok.pos_ != "VERB":
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
        subj = tok.head
    return tok.lemma_.lower(), subj.lemma_.lower()


def _other_subjects(story: StoryText, lang: dict[str, str | None], p: int, fa: Figure, q: int, fb: Figure) -> bool:
    """Are two sums the objects of one verb said of two different subjects?  (``lang``: article id ->
    its language.)"""
    x = _subject(story.sentences[p].text, fa, lang.get(story.sentences[p].article))
    y = _subject(story.sentences[q].text, fb, lang.get(story.sentences[q].article))
    return x is not None and y is not None and x[0] == y[0] and x[1] != y[1]


def number_conflicts(story: StoryText) -> list[Conflict]:
    """Figures of one counted thing, in one frame, that cannot both be true.

    Compared: casualty counts (as before), and any other counted thing with a unit one
    can compare (votes, seats, money in one currency, percentages, ages, durations).
    Two figures clash when their intervals do not overlap, they come from different
    reports (or from two parties of one report, one disputing the other's figure just
    before), neither sentence explains the clash by stating both, and they are in one
    frame: not different days or years, not an update ("rose to"), not a different
    subject (other names next to the figures), and, for figures other than casualties,
    about the same thing (the same aligned fact, a sentence disputing the other's figure
    -- "87 votes, not the 212 announced" --, similar sentences sharing a word next to
    the figures, or somewhat similar sentences whose figures have one holder read from the
    parse: "a deficit of 16 per cent" / "a deficit of ... 15 per cent", :mod:`figure_holders`).
    Figures of two holders ("a three-day trek" / "a three-hour drive") never clash, and a
    forecast is not set against a fact. Two ranges of a group's ages disagree when one end
    is shared and the other is not ("between 14 and 16" / "between the ages of 14 and 18").
    """
    owner: dict[str, int] = {}
    for i, g in enumerate(story.groups):
        for a in g.articles:
            owner[a] = i
    local = local_index(story)
    lang = {a.id: a.language for a in story.articles}
    mentions: list[Mention] = []
    earlier: dict[int, list[Mention]] = {}  # "up from 12": values a sentence moves from
    for p, figs in enumerate(story.figures):
        if p not in local:
            continue
        for f in figs:
            unit = measure(f.what)
            if unit is not None and not f.previous:
                mentions.append(Mention(p, f, unit[0], unit[1]))
            elif unit is not None:
                earlier.setdefault(p, []).append(Mention(p, f, unit[0], unit[1]))
    from crosswire.text.dates import reference_date

    published = [a.published for a in story.articles if a.published]
    refs = {a.id: reference_date(a, published) for a in story.articles}
    cache: dict[int, set[str]] = {}
    own_day = {a.id: valid_day(a.published) for a in story.articles}
    timed_of: dict[tuple[int, int], Timed | None] = {}

    def timed(m: Mention) -> Timed | None:
        """The mention placed in time, as :func:`find_updates` places it (read once)."""
        if (m.pos, m.fig.start) not in timed_of:
            s = story.sentences[m.pos]
            t = timing(s.text, m.fig, own_day.get(s.article), refs.get(s.article))
            timed_of[m.pos, m.fig.start] = (
                None
                if t is None
                else Timed(
                    s.article,
                    s.index,
                    s.text,
                    m.fig,
                    m.key,
                    m.factor,
                    *t,
                    published=own_day.get(s.article),
                    noun=counted_thing(m.fig),
                )
            )
        return timed_of[m.pos, m.fig.start]

    def dates(pos: int) -> set[str]:
        if pos not in cache:
            s = story.sentences[pos]
            try:
                cache[pos] = {d.date for d in find_dates(SAID_DAY.sub(" ", s.text), refs.get(s.article))}
            except Exception:  # a date reader that trips on odd input must not stop the conflicts
                cache[pos] = set()
        return cache[pos]

    def text(pos: int) -> str:
        return story.sentences[pos].text

    def held(m: Mention) -> Held | None:
        """What the figure is a value of, read from its sentence's parse (None without one)."""
        return held_by(text(m.pos), m.fig, lang.get(story.sentences[m.pos].article))

    flags: dict[int, tuple[bool, bool]] = {}

    def disputes(pos: int) -> bool:
        return sentence_flags(pos)[0]

    def updated(pos: int) -> bool:
        return sentence_flags(pos)[1]

    def sentence_flags(pos: int) -> tuple[bool, bool]:
        """(sets one figure against another, tells an update), read once per sentence."""
        if pos not in flags:
            folded = fold(text(pos))
            flags[pos] = (bool(SETS_AGAINST.search(folded)), bool(UPDATE.search(folded)))
        return flags[pos]

    disputed_at = {m.pos for m in mentions if m.fig.disputed}

    def disputes_value(a: Mention, b: Mention) -> bool:
        """Does a's sentence dispute b's figure by name ("87 votes, not the 212 announced")?"""
        return a.pos in disputed_at and any(
            x.fig.disputed and x.key == a.key and agree_mentions(x, b) for x in by_pos.get(a.pos, [])
        )

    by_pos: dict[int, list[Mention]] = {}
    for m in mentions:
        by_pos.setdefault(m.pos, []).append(m)

    keyed: dict[tuple[int, str], list[Mention]] = {}

    def by_key(pos: int, key: str) -> list[Mention]:
        if (pos, key) not in keyed:
            keyed[pos, key] = [x for x in by_pos.get(pos, []) if x.key == key and not x.fig.disputed]
        return keyed[pos, key]

    def clash(a: Mention, b: Mention) -> bool:
        p, q = a.pos, b.pos
        if a.fig.disputed or b.fig.disputed or agree_values(a, b):
            return False
        if age_ranges(a, b) and a.low != b.low and a.high != b.high:
            return False  # two ranges of ages with no end in common: maybe two groups
        ap, aq = story.sentences[p].article, story.sentences[q].article
        same_source = ap == aq or (ap in owner and owner.get(aq) == owner[ap])
        named = disputes_value(a, b) or disputes_value(b, a)
        if same_source:
            # two parties of one report: one disputes the figure the other gave just before
            if ap != aq or abs(p - q) > NEAR or p == q:
                return False
            later = max(p, q)
            if not (DISPUTES_BEFORE.search(text(later)) or named):
                return False
            if party_of(denier_of(story, later)) == party_of(story.attribution[min(p, q)]):
                return False
        if not named:
            mine_p, mine_q = by_key(p, a.key), by_key(q, b.key)
            if (len(mine_p) > 1 and any(agree_mentions(x, b) for x in mine_p) and not disputes(p)) or (
                len(mine_q) > 1 and any(agree_mentions(x, a) for x in mine_q) and not disputes(q)
            ):
                return False  # "1,200 injuries ... zero injuries": the sentence itself counts two things
        if updated(p) or updated(q):
            return False  # "the toll rose to 15": a later figure, not a contradiction
        if any(x.key == a.key and agree_mentions(x, a) for x in earlier.get(q, ())) or any(
            x.key == b.key and agree_mentions(x, b) for x in earlier.get(p, ())
        ):
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
            if ta is not None and tb is not None and (is_later(ta, tb) or is_later(tb, ta)):
                return False  # 12 dead in Monday's report, 15 in Wednesday's: an update (find_updates)
        if named or (same_source and DISPUTES_BEFORE.search(text(max(p, q)))):
            return True
        xp, xq = set(YEAR.findall(text(p))), set(YEAR.findall(text(q)))
        if bool(xp) != bool(xq):
            undated = q if xp else p
            ref = refs.get(story.sentences[undated].article) or ""
            if ref[:4] not in (xp or xq):
                return False  # "in 2002 he set the record at 2,300 metres" / "the new record, 3,540 metres"
        mine, theirs = by_key(p, a.key), by_key(q, b.key)
        open_mine = [x for x in mine if not any(agree_values(x, y) for y in theirs)]
        open_theirs = [y for y in theirs if not any(agree_values(y, x) for x in mine)]
        if a.key not in COUNTABLE:
            # "a deficit of 16 per cent in 2015 and of 13 per cent in 2016": the one of the other's year
            open_mine = [x for x in open_mine if not years_apart(held(x), held(b))]
            open_theirs = [y for y in open_theirs if not years_apart(held(y), held(a))]
            if a not in open_mine or b not in open_theirs:
                return False
        if len(open_mine) > 1 or len(open_theirs) > 1:
            if a.key not in COUNTABLE:
                return False  # "25 percent of his effects and 40 percent of his estate": which is which?
            # "five critically injured and 12 treated for minor injuries" / "13 with minor injuries":
            # each figure is compared with the one told in the most similar words
            if not (_closest(b, a, open_mine, text) and _closest(a, b, open_theirs, text)):
                return False
        plain_a, names_a = window(text(p), a.fig)
        plain_b, names_b = window(text(q), b.fig)  # (cached: the same figure meets many others)
        if names_a and names_b and not (names_a & names_b):
            return False  # "Rhee received 14,386 votes" / "Ostrander received 14,174 votes"
        same = story.cluster_of.get(p) is not None and story.cluster_of.get(p) == story.cluster_of.get(q)
        sim = float(story.score[local[p], local[q]])
        if a.key in COUNTABLE:
            return same or sim >= (NARROW_CONTEXT if a.key in NARROW else CONTEXT)
        if not same and _other_subjects(story, lang, p, a.fig, q, b.fig):
            return False  # "Cohen received $500,000" / "the porn star who received $130,000": two recipients
        ha, hb = held(a), held(b)
        if other_holders(ha, hb, age=a.key == "age"):
            return False  # "a three-day trek" / "a three-hour drive": values of two things
        if same:
            return True
        if sim >= CONTEXT and bool(plain_a & plain_b):
            return True
        # values of one holder ("a deficit of 16 per cent" / "a deficit of ... 15 per cent"; "a two-day trek" /
        # "a two-hour hike") in sentences somewhat alike
        return sim >= NARROW_CONTEXT and (same_holder(ha, hb, age=a.key == "age") or age_ranges(a, b))

    # pairs that clash, then one conflict per connected group of figures
    # only figures of one counted thing are compared, and only those that disagree (cheap test first)
    pairs: list[tuple[int, int]] = []
    by_kind: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_kind.setdefault(m.key, []).append(i)
    for idx in by_kind.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1 :]:
                if not agree_values(mentions[i], mentions[j]) and clash(mentions[i], mentions[j]):
                    pairs.append((i, j))
    out: list[Conflict] = []
    shown_of: list[list[Mention]] = []
    for members in _components(pairs):
        sides: list[ConflictSide] = []
        shown: list[Mention] = []
        for i in sorted(
            members, key=lambda k: (story.order[story.sentences[mentions[k].pos].article], mentions[k].pos)
        ):
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
            twin = next(
                (c for c, sh in zip(out, shown_of, strict=False) if _same_dispute(sh, c.sides, shown, sides)), None
            )
            if twin is None:
                out.append(Conflict("", number_about(shown), "number", sides))
                shown_of.append(shown)
                continue
            for side, m in zip(sides, shown, strict=False):  # the same dispute told by another report: one conflict
                k = next(k for k, x in enumerate(shown_of[out.index(twin)]) if agree_mentions(x, m))
                target = twin.sides[k]
                target.articles += [a for a in side.articles if a not in target.articles]
                target.citations += [x for x in side.citations if x not in target.citations]
    cited = {(x.article, x.sentence) for c in out for side in c.sides for x in side.citations}
    for pos, ms in by_pos.items():  # a figure disputed by name that no other sentence states
        s = story.sentences[pos]
        if (s.article, s.index) in cited:
            continue
        for d in (m for m in ms if m.fig.disputed):
            claim = next((m for m in ms if m.key == d.key and not m.fig.disputed and not agree_mentions(m, d)), None)
            holder = _holder(s.text, d.fig)
            if claim is None or holder is None:
                continue
            out.append(
                Conflict(
                    "",
                    number_about([claim, d]),
                    "number",
                    [
                        ConflictSide(s.text, story.attribution[pos], [s.article], [story.cite(pos)]),
                        ConflictSide(s.text, holder or None, [s.article], [story.cite(pos)]),
                    ],
                )
            )
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
    from crosswire.facts.attribution import normalise_source

    m = _HELD_BY.match(text[fig.end :]) or _HELD_BEFORE.search(text[: fig.start])
    return normalise_source(m.group(1)) if m else None


def _same_dispute(
    shown_a: list[Mention], sides_a: list[ConflictSide], shown_b: list[Mention], sides_b: list[ConflictSide]
) -> bool:
    """Two number conflicts that set the same parties' figures against each other (in two reports)."""
    if len(shown_a) != len(shown_b) or shown_a[0].key != shown_b[0].key:
        return False
    for m, side in zip(shown_b, sides_b, strict=False):
        match = [k for k, x in enumerate(shown_a) if agree_mentions(x, m)]
        if len(match) != 1:
            return False
        other = sides_a[match[0]].attributed_to
        if not (party_of(other) == party_of(side.attributed_to) or affiliated(other, side.attributed_to)):
            return False
    return True


def _closest(anchor: Mention, chosen: Mention, candidates: list[Mention], text) -> bool:
    """Is ``chosen`` the one of ``candidates`` told in words most like ``anchor``'s (and some alike)?"""
    if len(candidates) <= 1:
        return True
    near = window(text(anchor.pos), anchor.fig)[0]
    overlap = {id(c): len(near & window(text(c.pos), c.fig)[0]) for c in candidates}
    best = max(overlap.values())
    return best > 0 and overlap[id(chosen)] == best and list(overlap.values()).count(best) == 1


def date_conflicts(story: StoryText) -> list[Conflict]:
    out: list[Conflict] = []
    for g in story.aligned:
        if len(g.members) < 2 or story.independent([story.sentences[m].article for m in g.members]) < 2:
            continue
        dated: dict[str, list[int]] = {}
        for m in g.members:
            others = [x for x in g.members if x != m]
            if (
                max(fuzz.token_sort_ratio(fold(story.sentences[m].text), fold(story.sentences[x].text)) for x in others)
                < DATE_SAME
            ):
                continue  # only one fact told in nearly the same words can be misdated
            ds = [d for d in find_dates(story.sentences[m].text, None) if len(d.date) >= 7]
            if len(ds) == 1:
                dated.setdefault(ds[0].date, []).append(m)
        if len(dated) < 2 or len({len(d) for d in dated}) != 1:
            continue
        sides = []
        for _date, ms in dated.items():
            sides.append(
                ConflictSide(
                    story.sentences[ms[0]].text,
                    story.attribution[ms[0]],
                    list(dict.fromkeys(story.sentences[m].article for m in ms)),
                    [story.cite(m) for m in ms],
                )
            )
        out.append(
            Conflict(
                "", f"date of {gist_of(story.sentences[g.members[0]].text, 10)}: " + " or ".join(dated), "date", sides
            )
        )
    return out


CLOCK_NEAR = 15  # minutes apart at which an approximate clock time and another tell one moment


def clock_date_conflicts(story: StoryText) -> list[Conflict]:
    """One moment dated on two days by two independent reports: two sentences that give the same
    clock time (within ``CLOCK_NEAR`` minutes when one says "about"), share an ordinary word besides
    it, and whose events happened on different days as the timeline reads them (the day the verb
    of the event is dated, :func:`crosswire.facts.timeline.dated_sentences`). A clock time pins an
    event down: "left the prom at about 9:30 p.m. on Friday" and "the last time anyone saw him was
    Saturday night, when he signed out of the prom at 9:32 p.m." cannot both be true."""
    from crosswire.facts.similarity import common_stems
    from crosswire.facts.timeline import dated_sentences, references
    from crosswire.text.dates import parse_ref

    clocked: dict[str, dict[int, int]] = {}  # article -> its sentences with a clock time (index -> position)
    for pos, sent in enumerate(story.sentences):
        if CLOCK.search(sent.text):
            clocked.setdefault(sent.article, {})[sent.index] = pos
    if story.independent(list(clocked)) < 2:
        return []
    refs = references(story.articles)
    day_of: dict[int, str] = {}
    for a in story.articles:
        at = clocked.get(a.id)
        if not at:
            continue
        day = a.published if parse_ref(a.published) else None
        for ds in dated_sentences(a, story.by_article.get(a.id, []), refs[a.id], day):
            hit = at.get(ds.sentence.index)
            if hit is not None and ds.event is not None and len(ds.event[0]) == 10:
                day_of[hit] = ds.event[0]
        for p in at.values():  # the sentence's own day: it must give one (not only its report's), and one only
            sent = story.sentences[p]
            bare = CLOCK.sub(" ", sent.text)  # (a clock time alone dates nothing but the report's day)
            days = {d.date for d in find_dates(bare, refs[a.id].date) if len(d.date) == 10}
            if len(days) != 1:
                day_of.pop(p, None)
            elif p not in day_of:
                day_of[p] = days.pop()
    dated = [
        (pos, clock_times(story.sentences[pos].text), day, common_stems(CLOCK.sub(" ", story.sentences[pos].text)))
        for pos, day in sorted(day_of.items())
    ]
    pairs: list[tuple[int, int]] = []
    for x, (i, ti, di, wi) in enumerate(dated):
        for j, tj, dj, wj in dated[x + 1 :]:
            ai, aj = story.sentences[i].article, story.sentences[j].article
            if di == dj or story.independent([ai, aj]) < 2 or not (wi & wj):
                continue
            if any(abs(p - q) <= (CLOCK_NEAR if (ap or aq) else 0) for p, ap in ti for q, aq in tj):
                pairs.append((i, j))
    # one conflict per moment: the sentences linked by such pairs, told by day
    out: list[Conflict] = []
    for members in _components(pairs):
        sides: dict[str, list[int]] = {}
        for m in sorted(members, key=lambda m: (story.order[story.sentences[m].article], story.sentences[m].index)):
            sides.setdefault(day_of[m], []).append(m)
        out_sides = [
            ConflictSide(
                story.sentences[ms[0]].text,
                story.attribution[ms[0]],
                list(dict.fromkeys(story.sentences[m].article for m in ms)),
                [story.cite(m) for m in ms],
            )
            for _day, ms in sorted(sides.items())
        ]
        about = f"date of {gist_of(story.sentences[min(members)].text, 10)}: " + " or ".join(sorted(sides))
        out.append(Conflict("", about, "date", out_sides))
    return out
