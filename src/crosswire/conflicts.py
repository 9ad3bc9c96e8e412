"""Where the reports, or the parties they quote, disagree.

Four kinds (the contract's ``kind``):

``number``
    figures about the same thing whose intervals cannot overlap ("144 dead" vs
    "150 dead"; "at least 144" vs "more than 140" overlap and agree);
``date``
    one fact dated differently by two reports;
``denial``
    a party's claim and its denial or rejection by another party ("denied by
    Paris", "X categorically rejects this", "has neither accepted nor proposed"),
    or two parties stating and negating the same thing;
``claim``
    a claim the report itself presents as contested ("claimed without providing
    evidence", "allegedly").

Two wordings of one fact never make a conflict: sides must come from different
parties (denials) or incompatible values (numbers, dates).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from .attribution import party_key
from .model import Conflict, ConflictSide
from .numbers import compatible
from .textutil import content_words, fold
from .timeline import find_dates

if TYPE_CHECKING:
    from .facts import StoryText

__all__ = ["find_conflicts"]

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


def _number_conflicts(story: "StoryText") -> list[Conflict]:
    owner: dict[str, int] = {}
    for i, g in enumerate(story.groups):
        for a in g.articles:
            owner[a] = i
    local = _local(story)
    mentions = [(p, f) for p, figs in enumerate(story.figures) for f in figs
                if p in local and (f.what in COUNTABLE)]
    out: list[Conflict] = []
    from .timeline import reference_date

    published = [a.published for a in story.articles if a.published]
    refs = {a.id: reference_date(a, published) for a in story.articles}
    cache: dict[int, set[str]] = {}

    def dates(pos: int) -> set[str]:
        if pos not in cache:
            s = story.sentences[pos]
            cache[pos] = {d.date for d in find_dates(s.text, refs.get(s.article))}
        return cache[pos]

    by_what: dict[str, list[tuple[int, object]]] = {}
    for p, f in mentions:
        by_what.setdefault(f.what, []).append((p, f))
    for what, ms in by_what.items():
        involved: dict[int, tuple[int, object]] = {}
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                (p, f), (q, g) = ms[i], ms[j]
                ap, aq = story.sentences[p].article, story.sentences[q].article
                if ap == aq or (ap in owner and owner.get(aq) == owner[ap]):
                    continue
                if compatible(f, g):
                    continue
                if (any(x.what == what and compatible(x, g) for x in story.figures[p])
                        and not _SETS_AGAINST.search(fold(story.sentences[p].text))) or \
                        (any(x.what == what and compatible(x, f) for x in story.figures[q])
                         and not _SETS_AGAINST.search(fold(story.sentences[q].text))):
                    continue  # "1,200 injuries ... zero injuries": the sentence itself counts two things
                same = story.cluster_of.get(p) == story.cluster_of.get(q)
                if not same and story.score[local[p], local[q]] < CONTEXT:
                    continue
                dp, dq = dates(p), dates(q)
                if {d[:4] for d in dp} and {d[:4] for d in dq} and not ({d[:4] for d in dp} & {d[:4] for d in dq}):
                    continue  # figures of different years
                days_p, days_q = {d for d in dp if len(d) == 10}, {d for d in dq if len(d) == 10}
                if days_p and days_q and not (days_p & days_q):
                    continue  # a toll on Sunday and a toll on Wednesday can both be true
                involved[i], involved[j] = ms[i], ms[j]
        if not involved:
            continue
        sides: list[ConflictSide] = []
        keys: list[tuple[float, str | None]] = []
        for p, f in involved.values():
            key = (f.value, f.qualifier)
            if key in keys:
                side = sides[keys.index(key)]
                s = story.sentences[p]
                if s.article not in side.articles:
                    side.articles.append(s.article)
                side.citations.append(story.cite(p))
                continue
            keys.append(key)
            side = _side(story, [p], story.attribution[p])
            side.articles = [story.sentences[p].article]
            side.citations = [story.cite(p)]
            sides.append(side)
        if len(sides) >= 2:
            out.append(Conflict("", _ABOUT.get(what, f"number of {what}"), "number", sides))
    return out


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
        out.append(Conflict("", "date of: " + story.sentences[g.members[0]].text[:80], "date", sides))
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
        about = "denial: " + " ".join(story.sentences[claim].text.split()[:12])
        out.append(Conflict("", about, kind, [_side(story, [claim], story.attribution[claim]),
                                              _side(story, [pos], _normal(denier))]))
    for pos, s in enumerate(story.sentences):  # contested claims that nobody answered in the text
        if pos in story.cluster_of and _UNSUPPORTED.search(_QUOTED.sub(" ", s.text)) and story.attribution[pos]:
            if not any(c.article == s.article and c.sentence == s.index for x in out for c in x.sides[0].citations):
                out.append(Conflict("", "contested claim: " + " ".join(s.text.split()[:12]), "claim",
                                    [_side(story, [pos], story.attribution[pos])]))
    return out


def _normal(name: str) -> str:
    from .attribution import normalise_source

    return normalise_source(name) or name


def _contrast_conflicts(story: "StoryText", limit: int = 2) -> list[Conflict]:
    """Two parties, one stating and the other negating the same thing.

    "Putin suggested they were linked to Ukraine" / "France had no information to establish
    a link to Ukraine": an assertion (suggests, accuses, blames, links) by one party, and
    a negated sentence by another sharing ordinary (not only proper) words with it.
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
            if q == p or party[p] == party[q] or story.cluster_of.get(q) == story.cluster_of.get(p):
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
        out.append(Conflict("", "denial: " + " ".join(story.sentences[q].text.split()[:12]), "denial",
                            [_side(story, [q], story.attribution[q]), _side(story, [p], story.attribution[p])]))
    return out


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


def find_conflicts(story: "StoryText") -> list[Conflict]:
    """Every disagreement in the story, numbered c1, c2, ..."""
    out = _number_conflicts(story) + _date_conflicts(story)
    out += _merge(_denial_conflicts(story) + _contrast_conflicts(story))
    for k, c in enumerate(out, 1):
        c.id = f"c{k}"
    return out
