"""Denials and contested claims: a party's claim and its denial or rejection by another party, two
parties stating and negating the same thing, and claims a report itself presents as contested."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from crosswire.facts.attribution import REPORT_VERBS
from crosswire.facts.denials import BACK_REFERENCE_ANY, DENIAL_ANY, DENIED_BY_ANY, DENIER_ANY, claimant
from crosswire.facts.figures import (
    CONTESTED,
    DENIAL,
    DENIER,
    NEGATION,
    NEGATION_WORDS,
    PASSIVE,
    SUGGEST,
    UNSUPPORTED,
    conflict_side,
    party_of,
)
from crosswire.model import Conflict
from crosswire.text.parse import parse
from crosswire.text.words import STOPWORDS, content_words, fold

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

__all__ = []


def denier_of(story: StoryText, pos: int) -> str | None:
    text = story.sentences[pos].text
    m = PASSIVE.search(text) or DENIER.search(text) or DENIED_BY_ANY.search(text) or DENIER_ANY.search(text)
    if m:
        name = re.sub(r"^(?:the)\s+", "", m.group(1), flags=re.I)
        last = fold(name.split()[-1]) if name.split() else ""
        if fold(name) in _PRONOUNS or last in _NOT_SUBJECT_END:
            return story.attribution[pos]  # "He rejected ...": the resolved attribution
        return name
    return story.attribution[pos]


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that"}
_NOT_SUBJECT_END = {"was", "were", "is", "are", "been", "be", "being", "later", "also", "then", "has", "had", "have"}


# a denial of "the claims", "the allegations": it answers a sentence that makes them ("The suit claimed ...",
# "... accused the team of ...", "alleged that ..."), not whatever another party said last
_CLAIMS_DENIED = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|reject|disputed|disputes|dispute)\s+(?:\w+\s+)?"
    r"(?:the|these|those|such|their|his|her|its)\s+(?:claims?|allegations?|accusations?)\b(?!\s+(?:that|of|about)\b)",
    re.I,
)
_MAKES_CLAIM = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|alleg(?:e|es|ed|ing|ation|ations)|accus(?:e|es|ed|ing|ation|ations)|"
    r"contend(?:s|ed|ing)?)\b",
    re.I,
)


_REACH = 4  # sentences before a denial, in its own report, where the claim it answers may stand


def _earlier(story: StoryText, pos: int) -> Iterator[int]:
    """The sentences of a denial's report before it, the closest first, up to :data:`_REACH` back."""
    article = story.sentences[pos].article
    k = pos - 1
    while k >= 0 and story.sentences[k].article == article and pos - k <= _REACH:
        yield k
        k -= 1


def _claim_made(story: StoryText, pos: int, dparty: str | None) -> int | None:
    """The closest sentence before a denial of "the claims" that makes claims, by another party (or by a
    document: "The suit claimed ..."); None when no sentence of the report makes any."""
    for k in _earlier(story, pos):
        text = _QUOTED.sub(" ", story.sentences[k].text)
        if _MAKES_CLAIM.search(text) and not DENIAL.search(text) and not DENIAL_ANY.search(text):
            att = story.attribution[k] or claimant(story.sentences[k].text)
            return k if att is None or party_of(att) != dparty else None
    return None


def _claim_before(story: StoryText, pos: int, denier: str | None) -> int | None:
    """The claim a denial answers: the head of the closest run of sentences by another party."""
    s = story.sentences[pos]
    dparty = party_of(denier)
    frame = s.text if _QUOTED_DENIAL.search(s.text) else _QUOTED.sub(" ", s.text)  # (the party's own words)
    if _CLAIMS_DENIED.search(frame):
        return _claim_made(story, pos, dparty)
    for k in _earlier(story, pos):
        att = story.attribution[k] or claimant(story.sentences[k].text)
        if (
            att
            and party_of(att) != dparty
            and not DENIAL.search(story.sentences[k].text)
            and not DENIAL_ANY.search(story.sentences[k].text)
        ):
            head = k
            while (
                head - 1 >= 0
                and story.sentences[head - 1].article == s.article
                and story.attribution[head - 1] == att
                and pos - head < _REACH
            ):
                head -= 1
            if not _answers(story, list(range(head, k + 1)), pos):
                return None
            return head
    return None


_ANAPHOR = re.compile(
    r"\b(?:this|that|these|those|it|them|such)\b(?!\s+(?:week|year|month|day|morning|time)\b)|"
    r"(?:^|\b(?:the|these|those|such|his|her|their|its)\s+)(?:claims?|allegations?|accusations?|charges?|"
    r"reports?|assertions?|statements?|comments?|remarks?|suggestions?|contention|account|version|idea|notion|"
    r"accounting|arguments?|theory|theories|characteri[sz]ation|story|narrative|rumou?rs?|speculation)\b",
    re.I,
)
_DENIAL_VERB = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|reject|rejecting|refuted|refutes|"
    r"dismissed|dismisses|disputed|disputes|contradicted)\b",
    re.I,
)
# fmt: off
_FRAME_STEMS = {"said", "say", "told", "tell", "deni", "deny", "reject", "refut", "dismiss", "disput", "add",
                "statement", "also", "report", "claim", "categorically", "immediately", "flatly"}
# fmt: on


def _answers(story: StoryText, claim: list[int], pos: int) -> bool:
    """Does the denial at ``pos`` answer the claim sentences (shared wording or a back-reference)?"""
    from crosswire.facts.similarity import common_stems

    denial = story.sentences[pos].text
    frame = _QUOTED.sub(" ", denial)
    verb = _DENIAL_VERB.search(frame) or DENIAL_ANY.search(frame)
    if verb is not None:
        # a back-reference as the object of the denial ("reject this", "denies the charges"), or as
        # the subject of a passive one ("Comments ... denied by Paris"); not "the idea of X" (content given)
        after = frame[verb.end() : verb.end() + 60]
        before = frame[: verb.start()]
        if re.match(
            r"\s*(?:\w+\s+){0,2}?(?:" + _ANAPHOR.pattern + r")(?!\s+(?:that|of|about|over|to)\b)", after, re.I
        ) or _points_back(frame[verb.start() :]):
            if pos - claim[-1] <= 3:
                return True
        if re.search(r"\bby\s*$", frame[verb.end() : verb.end() + 4]) or PASSIVE.search(frame):
            if _ANAPHOR.match(before.strip()) and pos - claim[-1] <= 2:
                return True
    mine = common_stems(denial) - _FRAME_STEMS
    return any(len(mine & (common_stems(story.sentences[k].text) - _FRAME_STEMS)) >= 2 for k in claim)


def _points_back(denial: str) -> bool:
    """Does a denial's object point back to what was said ("a démenti ces informations"; inside a
    separable verb too: "wies diese Darstellung zurück")?"""
    parts = denial.split(None, 1)
    m = DENIAL_ANY.match(denial)
    rest = denial[m.end() :] if m else ""
    return bool(BACK_REFERENCE_ANY.match(rest) or (len(parts) == 2 and BACK_REFERENCE_ANY.match(parts[1])))


_QUOTED = re.compile(r"[“«„\"][^”»“\"]*[”»“\"]|‘[^’]*’")
_REFUSED = (
    r"request|requests|application|appeal|appeals|bail|bond|permission|access|entry|visa|motion|bid|"
    r"offer|proposal|petition|plea|claim\s+for|charges?\s+of|case|cases|lawsuit|suit|nomination|"
    r"nominee|bill|amendment|resignation|license|licence|parole|asylum|transfer"
)
_REFUSAL = re.compile(
    r"\b(?:denied|denies|deny|rejected|rejects|reject|dismissed|dismisses)\s+(?:\S+\s+){0,3}?"
    r"(?:" + _REFUSED + r")\b|"
    r"\b(?:" + _REFUSED + r")\s+(?:was|were|has\s+been|had\s+been|is)\s+(?:\w+\s+)?(?:denied|rejected|dismissed)\b"
    # "regret the travel restrictions and reject them": a policy turned down, not a claim denied
    r"|\b(?:" + _REFUSED + r"|restrictions?|bans?|measures?|polic(?:y|ies)|sanctions?|tariffs?)\s+and\s+"
    r"(?:reject|rejects|rejected|dismiss|dismisses|dismissed|deny|denies|denied)\s+(?:them|it)\b",
    re.I,
)
_OPENING = re.compile(r"^(?:[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,4},\s+)?")
# a quotation that carries on the reported clause of its speaker, opening on a denial: the words are the
# party's own ("the Jets said they “deny the claims and ...”", "the company said it “categorically rejects
# ...”")
_QUOTED_DENIAL = re.compile(
    r"\b(?:" + REPORT_VERBS + r")\s+(?:that\s+)?(?:they|it|he|she|we)\s+[“\"«]\s*(?:\w+ly\s+)?"
    r"(?:deny|denies|denied|reject|rejects|rejected|dispute|disputes|disputed|refute|refutes|refuted)\b",
    re.I,
)


# the claims themselves called false by the party reporting ("he said the accusations against him were lies")
_CALLED_FALSE = re.compile(
    r"\b(?:accusations?|allegations?|claims?|charges?|reports?)\b[^.;“”\"]{0,40}?\b(?:were|are|was|is)\s+(?:all\s+)?"
    r"(?:lies|a\s+lie|false|untrue|baseless|unfounded|fabricated)\b",
    re.I,
)


def _is_denial(text: str, attributed: str | None) -> bool:
    """A sentence that reports a denial or rejection by a party (not one inside a quotation).

    "... immediately denied by Paris", "Ostmark categorically rejects this", "the ministry
    denied the report", "X has neither accepted nor proposed anything"; but not "senators
    who should vote to confirm or reject the nominee" in someone's quoted words.
    """
    frame = _QUOTED.sub(" ", text)
    if _REFUSAL.search(frame):
        return False  # "the department denied his request": a refusal, not a denial of a claim
    if PASSIVE.search(frame) or DENIED_BY_ANY.search(frame):
        return True
    head = _OPENING.sub("", frame.strip(), count=1)
    if DENIER.search(head) or DENIER_ANY.search(head):
        return True
    if attributed and _QUOTED_DENIAL.search(text) and not _REFUSAL.search(text):
        return True
    quoted_denial = bool(
        re.search(r"\bneither\s+\w+\s+nor\b|\bnot\s+true\b|\bbaseless\b|\bunfounded\b", text, re.I)
        or _CALLED_FALSE.search(frame)
    )
    return bool(attributed) and (
        quoted_denial
        or bool(
            re.search(
                r"\b(?:denied|denies|rejected|rejects|refuted|refutes|dismissed|dismisses|categorically)\b", frame, re.I
            )
        )
        or bool(DENIAL_ANY.search(frame))
    )


def denial_conflicts(story: StoryText) -> list[Conflict]:
    out: list[Conflict] = []
    for pos, s in enumerate(story.sentences):
        if s.is_heading or pos not in story.cluster_of or not _is_denial(s.text, story.attribution[pos]):
            continue
        denier = denier_of(story, pos)
        claim = _claim_before(story, pos, denier)
        if claim is None or denier is None:
            continue
        kind: Literal["claim", "denial"] = "claim" if CONTESTED.search(story.sentences[claim].text) else "denial"
        claimed_by = story.attribution[claim] or claimant(story.sentences[claim].text)
        out.append(
            Conflict(
                "", "", kind, [conflict_side(story, [claim], claimed_by), conflict_side(story, [pos], _normal(denier))]
            )
        )
    for pos, s in enumerate(story.sentences):  # contested claims that nobody answered in the text
        if pos in story.cluster_of and UNSUPPORTED.search(_QUOTED.sub(" ", s.text)) and story.attribution[pos]:
            if not any(c.article == s.article and c.sentence == s.index for x in out for c in x.sides[0].citations):
                out.append(Conflict("", "", "claim", [conflict_side(story, [pos], story.attribution[pos])]))
    return out


def _normal(name: str) -> str:
    from crosswire.facts.attribution import normalise_source

    return normalise_source(name) or name


def contrast_conflicts(story: StoryText, limit: int = 2) -> list[Conflict]:
    """Two parties, one stating and the other negating the same thing.

    "Drevna's president suggested the saboteurs were linked to Ostmark" / "Ostmark had no
    information of any link to the saboteurs": an assertion (suggests, accuses, blames,
    links) by one party, and a negated sentence by another sharing ordinary (not only
    proper) words with it; never two voices of one body ("URD general secretary Marta
    Kellen" speaks for the "Union of Rail Drivers").
    """
    words = {p: set(content_words(story.sentences[p].text)) for p in story.fact_pos}
    party = {p: party_of(story.attribution[p]) for p in story.fact_pos}
    proper = {
        p: {fold(t).rstrip(".,;:'’s") for t in story.sentences[p].text.split() if t[:1].isupper()}
        for p in story.fact_pos
    }
    negated = [p for p in story.fact_pos if party[p] and NEGATION.search(story.sentences[p].text)]
    scope = _negated_scopes(story, negated)
    asserting = [
        q
        for q in story.fact_pos
        if party[q]
        and not NEGATION.search(story.sentences[q].text)
        and SUGGEST.search(story.sentences[q].text)
        and not _CALLED_FALSE.search(story.sentences[q].text)  # "the accusations were lies" asserts nothing
    ]
    cands = []
    for p in negated:
        for q in asserting:
            if (
                q == p
                or party[p] == party[q]
                or story.cluster_of.get(q) == story.cluster_of.get(p)
                or affiliated(story.attribution[p], story.attribution[q])
            ):
                continue
            shared = words[p] & words[q]
            if p in scope and not DENIAL_ANY.search(story.sentences[p].text):
                # what the negation denies: the clause it negates, as the parse reads it (a denial verb
                # denies by itself: "Cohen disputed Avenatti's accounting but provided no details")
                shared &= scope[p]
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
    out: list[Conflict] = []
    used: set[int] = set()
    for _sim, q, p in cands:
        if len(out) >= limit or p in used or q in used:
            continue
        used.update((p, q))
        out.append(
            Conflict(
                "",
                "",
                "denial",
                [conflict_side(story, [q], story.attribution[q]), conflict_side(story, [p], story.attribution[p])],
            )
        )
    return out


_NEGATORS = frozenset(NEGATION_WORDS)  # the words NEGATION finds, as the parse's tokens
_CLAUSE_HEADS = frozenset({"VERB", "AUX"})


def _negated_scopes(story: StoryText, positions: list[int]) -> dict[int, set[str]]:
    """The ordinary words of the clauses each sentence negates, read from its parse (a sentence
    without one is left out): "... the alleged violations 'occurred more than six years ago' and are
    'not a reflection of who we are'" negates the reflection, not the six years."""
    by_lang: dict[str | None, list[int]] = {}
    language = {a.id: a.language for a in story.articles}
    for p in positions:
        by_lang.setdefault(language.get(story.sentences[p].article), []).append(p)
    out: dict[int, set[str]] = {}
    for lang, ps in by_lang.items():
        docs = parse([story.sentences[p].text for p in ps], lang)
        if docs is None:
            continue
        for p, doc in zip(ps, docs, strict=True):
            words: set[str] = set()
            for tok in doc:
                if tok.lower_ not in _NEGATORS:
                    continue
                head = tok.head
                while head.pos_ not in _CLAUSE_HEADS and head.head.i != head.i:
                    head = head.head
                words |= set(content_words(" ".join(t.text for t in head.subtree)))
            out[p] = words
    return out


def affiliated(a: str | None, b: str | None) -> bool:
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


def merge_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
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
            target = next(
                (
                    s
                    for s in hit.sides[1:]
                    if sk & {(x.article, x.sentence) for x in s.citations}
                    or (
                        s.attributed_to
                        and side.attributed_to
                        and party_of(s.attributed_to) == party_of(side.attributed_to)
                    )
                ),
                None,
            )
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
_FRAME_TAIL = re.compile(
    r"[,;]\s*(?:[\"”»’]\s*)?(?:according\s+to\s+[^,;]{2,80}|[^,;“”\"]{2,80}?\s+(?:"
    + REPORT_VERBS
    + r")\b[^,;“”\"]{0,40})\s*[.!?]?\s*$",
    re.I,
)
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s[^,;“”\"]{1,120},")
_ACCORDING_HEAD = re.compile(r"^(?:but\s+|and\s+)?according\s+to\s+[^,;“”\"]{2,80},\s*", re.I)
_LEAD_IN = re.compile(r"^(?:but|and|however|meanwhile|still|yet|so)\b,?\s+", re.I)


def gist_of(text: str, limit: int = 14) -> str:
    """A sentence's statement without its reporting frame, at most ``limit`` words.

    "The ministry said Monday that both sides were “ready to talk” about the border." ->
    "both sides were “ready to talk” about the border"; a sentence with a suggestion keeps
    the suggested clause ("..., but suggested the saboteurs came from Ostmark" -> "the
    saboteurs came from Ostmark").
    """
    t = " ".join(text.split())
    sug = list(
        re.finditer(
            r"\b(?:but|and)\s+(?:\w+ly\s+)?(?:suggested|suggests|claimed|claims|alleged|alleges|"
            r"insisted|insists|accused|accuses)\b",
            t,
        )
    )
    if sug and sug[-1].start() > 10:
        t = t[sug[-1].start() :]
    t = _FRAME_TAIL.sub("", t)
    t = _RELATIVE.sub("", t)  # "X, who took office in March, insisted ..." -> "X insisted ..."
    t = _ACCORDING_HEAD.sub("", t)
    head = _FRAME_HEAD.match(t)
    if (
        head
        and len(t) - head.end() >= 15
        and not re.search(r"[“\"]", t[: head.start(0) + 1])
        and not re.match(r"(?:at|in|on|during|after|before|with|for|from|by|over|about)\b", t[head.end() :], re.I)
    ):
        t = t[head.end() :]  # not "insisted at a meeting ...": the frame stays when no statement follows it
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
    return (
        t[:1].lower() + t[1:]
        if t[:2].istitle() and not t.split()[0].isupper() and fold(t.split()[0]) in STOPWORDS
        else t
    )
