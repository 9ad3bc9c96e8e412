"""Claim keys: the small claims a sentence makes inside a longer sentence, read from its parse.

Reports word one claim many ways, often in passing inside a sentence about something else:
a film's director ("directed by Tarsem Singh" / "Director Tarsem Singh certainly knows ..." /
"the director, Tarsem Singh, an India-born ..."), who plays whom ("Snow White (Lily Collins)" /
"Lily Collins as Snow White" / "Collins plays Snow White"), the time of day an event happened
("at 9:32 p.m."). A claim key names such a claim by its parts, so two sentences that make it
can be found whatever else they say:

* ``("pair", a, b)``: two names set one for the other: a name in parentheses right after
  another ("Snow White (Lily Collins)"), "X as Y", "X plays Y" (:data:`PLAY_VERBS`);
* ``("role", role, person)``: a credit (:data:`ROLES`): the role word before the name
  ("Director Tarsem Singh", "the director, Tarsem Singh", "costume designer Eiko Ishioka") or
  as a passive agent or a credit line ("directed by X", "Screenplay by X and Y");
* ``("time", "21:32")``, ``("phone", "476-5551")``: a clock time, a telephone number (the
  details of an event or an appeal rather than claims of their own);
* ``("rating", "pg")``: a film's rating (:data:`RATINGS`).

A name is a run of capitalised tokens that the parse tags as a name (or a noun inside a name);
a key keeps its last word, folded ("Ms. Collins" and "Lily Collins" give "collins"). Tables are
per language; a language without one (or without a parser) gives clock times only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crosswire.text.dates import clock_times
from crosswire.text.parse import parse
from crosswire.text.words import STOPWORDS, fold

__all__ = ["ClaimKey", "Keys", "Made", "claim_keys", "read_claims", "ROLES", "PLAY_VERBS"]

ClaimKey = tuple[str, str, str]
Keys = dict[ClaimKey, set[str]]  # each key of a sentence -> the folded words that make it there


@dataclass(slots=True)
class Made:
    """How a sentence makes a claim key: the folded words making it, the claim as the sentence
    words it ("Lily Collins as Snow White", "Tarsem Singh: director", "rated PG"; empty for a
    detail), and whether it is the claim the sentence makes about that entity (``main``: the
    entity is the sentence's subject, or the key sits in its main clause, an apposition or a
    credit of it, not in a clause of its own such as "after critics said X directed it")."""

    words: set[str]
    phrase: str = ""
    main: bool = True


# role words: the word (or words) of a credit -> the role it credits. Longer entries win ("director of
# photography" is not the director).
# fmt: off
ROLES: dict[str, dict[tuple[str, ...], str]] = {
    "en": {
        ("director",): "direct", ("directed",): "direct", ("directs",): "direct", ("filmmaker",): "direct",
        ("director", "of", "photography"): "photography", ("art", "director"): "art", ("music", "director"): "music",
        ("casting", "director"): "casting", ("creative", "director"): "creative",
        ("screenplay",): "write", ("written",): "write", ("screenwriter",): "write", ("screenwriters",): "write",
        ("writer",): "write", ("writers",): "write", ("co-written",): "write",
        ("produced",): "produce", ("producer",): "produce", ("producers",): "produce",
        ("edited",): "edit", ("editor",): "edit", ("music",): "music", ("composer",): "music",
        ("score",): "music", ("choreography",): "choreography", ("choreographer",): "choreography",
        ("costumes",): "costume", ("costume", "designer"): "costume", ("costume", "design"): "costume",
        ("cinematographer",): "photography", ("cinematography",): "photography",
    },
}
# verbs that set a performer for a part: "Roberts plays the Queen"
PLAY_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"play", "plays", "played", "playing", "portray", "portrays", "portrayed", "portraying",
                     "voice", "voices", "voiced", "star", "stars", "starred", "starring"}),
}
# words before "as" that set a performer for a part ("Julia Roberts stars as The Queen")
AS_WORDS: dict[str, frozenset[str]] = {"en": frozenset({"as"})}
AGENT: dict[str, frozenset[str]] = {"en": frozenset({"by"})}
# roles that are also job titles: after a name or one of these words they are a title ("FBI Director
# James Comey", "former director ..."), not a credit
TITLE_BEFORE: dict[str, frozenset[str]] = {
    "en": frozenset({"former", "executive", "managing", "deputy", "assistant", "acting", "general", "associate",
                     "interim", "regional", "national", "founding", "editorial", "senior", "chief", "news"}),
}
# nouns before a role word that keep it a film's credit ("film director X", "costume designer X")
FILM_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"film", "movie", "costume", "casting", "music", "art", "production", "set", "dialogue"}),
}
# fmt: on

_NAME_POS = frozenset({"PROPN"})
_IN_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})  # "Snow" of "Snow White" is often a noun
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})
# a telephone number: with its area code, or seven digits that end a clause ("call OPD, 476-5551.")
_PHONE = re.compile(r"(?<![\d-])(?:\(?\d{3}\)?[-.\s](\d{3})[-.](\d{4})(?![\d-])|(\d{3})-(\d{4})(?=\s*(?:[.;,)]|$)))")
# a film's rating: the words before it and the ratings themselves (written as they are)
RATINGS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:[Rr]ated|[Rr]ating:?)\s+(PG-13|NC-17|PG|G|R)(?![\w-])"),
}
CREDITS_LINE = 3  # a sentence making this many claim keys is a credits line or a cast list
_MAX_APART = 2  # a role word this many tokens before a name at most ("director, Tarsem Singh")


@dataclass(slots=True)
class _Name:
    start: int
    end: int  # exclusive
    key: str  # folded last word


def claim_keys(texts: list[str], language: str | None) -> list[Keys]:
    """The claim keys of each sentence with the words that make each (see the module's docstring)."""
    return [{key: made.words for key, made in found.items()} for found in read_claims(texts, language)]


def read_claims(texts: list[str], language: str | None) -> list[dict[ClaimKey, Made]]:
    """The claim keys of each sentence with how it makes each (:class:`Made`)."""
    out: list[dict[ClaimKey, Made]] = [{key: Made(w) for key, w in _clock_keys(t).items()} for t in texts]
    lang = (language or "").split("-")[0].lower()
    if lang not in ROLES:
        return out
    for k, t in enumerate(texts):
        for m in RATINGS[lang].finditer(t):
            words = {fold(w) for w in m.group(0).replace(":", " ").split()}
            out[k][("rating", m.group(1).lower(), "")] = Made(words, m.group(0))
    # only sentences with a cue of a key are parsed (a parenthesis, "as", a verb of playing, a role word)
    cues = {w for words in ROLES[lang] for w in words} | PLAY_VERBS[lang]
    as_name = re.compile(r"\b(?:" + "|".join(AS_WORDS[lang]) + r")\s+(?:the\s+)?[A-Z]")
    todo = [
        k for k, t in enumerate(texts) if "(" in t or as_name.search(t) or cues & set(re.findall(r"[\w-]+", t.lower()))
    ]
    docs = parse([texts[k] for k in todo], lang) if todo else []
    if docs is None:
        return out
    for k, doc in zip(todo, docs, strict=True):
        if doc is not None:
            for key, made in _parse_keys(doc, lang).items():
                have = out[k].setdefault(key, Made(set(), made.phrase, made.main))
                have.words |= made.words
                have.main = have.main or made.main
    return out


def _clock_keys(text: str) -> Keys:
    out: Keys = {}
    for minutes, _about in clock_times(text):
        out[("time", f"{minutes // 60:02d}:{minutes % 60:02d}", "")] = set()
    for m in _PHONE.finditer(text):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        out[("phone", f"{first}-{last}", "")] = set()
    return out


def _names(doc: Any, role_starts: set[int]) -> list[_Name]:
    """Runs of capitalised name tokens (a title such as "Ms." is part of the run, a role word is not)."""
    out: list[_Name] = []
    k, n = 0, len(doc)
    while k < n:
        t = doc[k]
        if not _name_token(t) or k in role_starts:
            k += 1
            continue
        j = k
        while j < n and j not in role_starts and (_name_token(doc[j]) or _title(doc[j])):
            j += 1
        words = [fold(doc[x].text) for x in range(k, j) if not _title(doc[x])]
        words = [w for w in words if w not in STOPWORDS]
        # a capitalised noun inside a sentence names something too ("the Queen", "the King")
        has_proper = any(doc[x].pos_ in _NAME_POS or not doc[x].is_sent_start for x in range(k, j))
        if words and has_proper and not any(doc[x].text.isupper() and len(doc[x].text) > 1 for x in range(k, j)):
            out.append(_Name(k, j, re.sub(r"[’']s$", "", words[-1])))
        k = max(j, k + 1)
    return out


def _name_token(t: Any) -> bool:
    text = t.text
    if not text[:1].isupper() or t.pos_ not in _IN_NAME_POS or t.is_sent_start and t.pos_ != "PROPN":
        return False
    return fold(text) not in STOPWORDS


def _title(t: Any) -> bool:
    return fold(t.text).rstrip(".") in _TITLES and t.text[:1].isupper()


def _role_at(doc: Any, k: int, roles: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
    """The role whose words start at token ``k`` (longest first) and where they end."""
    best: tuple[str, int] | None = None
    for words, role in roles.items():
        end = k + len(words)
        if end <= len(doc) and all(fold(doc[k + x].text) == w for x, w in enumerate(words)):
            if best is None or end > best[1]:
                best = (role, end)
    return best


def _span_words(doc: Any, start: int, end: int) -> set[str]:
    return {fold(doc[x].text) for x in range(start, end)}


def _parse_keys(doc: Any, lang: str) -> dict[ClaimKey, Made]:
    roles = ROLES[lang]
    spans = {
        k: r for k in range(len(doc)) if (r := _role_at(doc, k, roles)) is not None and not _title_at(doc, k, lang)
    }
    # a role word written with a capital ("Director Tarsem Singh") is not part of the name after it
    role_starts = {x for k, (_, end) in spans.items() for x in range(k, end)}
    names = _names(doc, role_starts)
    starts = {nm.start: nm for nm in names}
    out: dict[ClaimKey, Made] = {}
    for a, b in zip(names, names[1:], strict=False):
        pair = _pair_between(doc, a, b, lang)
        if pair and a.key != b.key:
            x, y = sorted((a.key, b.key))
            # "Snow White (Lily Collins)" and "Julia Roberts (the Queen)" as written; the performer before
            # "as" / "plays" ("Lily Collins as Snow White")
            the = "the " if b.start > 0 and fold(doc[b.start - 1].text) == "the" else ""
            if pair == "(":
                phrase = f"{_text(doc, a)} ({the}{_text(doc, b)})"
            else:
                phrase = f"{_text(doc, a)} as {the}{_text(doc, b)}"
            main = _in_main_clause(doc, a) or _in_main_clause(doc, b)
            _add(out, ("pair", x, y), _span_words(doc, a.start, b.end), phrase, main)
    for k, (role, end) in spans.items():
        credited = _credited(doc, end, starts, lang)
        if not credited:
            continue
        # "Screenplay by Marc Klein and Jason Keller", "Tarsem Singh: director"
        said, who = doc[k:end].text, str(doc[credited[0].start : credited[-1].end].text)
        by = any(fold(doc[x].text) in AGENT[lang] for x in range(end, credited[0].start))
        phrase = f"{said} by {who}" if by else f"{who}: {said.lower()}"
        for nm in credited:
            words = _span_words(doc, k, end) | _span_words(doc, nm.start, nm.end)
            _add(out, ("role", role, nm.key), words, phrase, _in_main_clause(doc, nm))
    if len(out) >= CREDITS_LINE:  # a credits line ("Directed by X; written by Y; ...") makes each of its claims
        for made in out.values():
            made.main = True
    return out


def _add(out: dict[ClaimKey, Made], key: ClaimKey, words: set[str], phrase: str, main: bool) -> None:
    have = out.get(key)
    if have is None:
        out[key] = Made(set(words), phrase, main)
        return
    have.words |= words
    if main and not have.main:
        have.phrase, have.main = phrase, True


def _text(doc: Any, nm: _Name) -> str:
    return str(doc[nm.start : nm.end].text)


# dependencies that open a clause of its own: a key inside one is not the sentence's claim
_CLAUSES = frozenset({"advcl", "ccomp", "csubj", "csubjpass", "parataxis", "pcomp", "xcomp", "relcl", "acl", "mark"})
# ... unless that clause qualifies one of these parts of the main clause ("Nathan Lane, who plays
# Brighton, ...", "Mirror Mirror, directed by Tarsem Singh, ...")
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos", "ROOT"})


def _in_main_clause(doc: Any, nm: _Name) -> bool:
    """Does a name stand in the sentence's main clause (as its subject, an argument, an apposition or
    a credit), or in a clause qualifying one of the main clause's arguments (see above)?"""
    t = doc[nm.end - 1]
    for _ in range(len(doc)):
        if t.dep_ == "ROOT" or t.head is t:
            return True
        if t.dep_ == "poss":  # "director Quentin Tarantino's latest film ... was canceled": about the film
            return False
        if t.dep_ in _CLAUSES:
            head = t.head
            qualifies = head.dep_ == "ROOT" or (head.dep_ in _ARGUMENTS and head.head.dep_ == "ROOT")
            if t.dep_ not in ("relcl", "acl") or not qualifies:
                return False
        t = t.head
    return True


def _title_at(doc: Any, k: int, lang: str) -> bool:
    """Is the role word at ``k`` a job title: after a name ("FBI Director"), a title word ("former")
    or a noun naming a field ("communications director"; a film's own nouns aside: "film director")?"""
    if k == 0:
        return False
    before = doc[k - 1]
    if before.pos_ == "NOUN" and before.dep_ == "compound" and fold(before.text) not in FILM_NOUNS[lang]:
        return True
    return fold(before.text) in TITLE_BEFORE[lang] or (before.text[:1].isupper() and before.pos_ in _NAME_POS)


def _pair_between(doc: Any, a: _Name, b: _Name, lang: str) -> str:
    """How the tokens between two names set one for the other: "(" ("A (B"), "as" ("A as B",
    "A plays (the) B"), or "" (they do not)."""
    between = [fold(doc[x].text) for x in range(a.end, b.start)]
    between = [w for w in between if w not in {"the", "a", "an"}]
    if between == ["("]:
        return "(" if a.start > 0 or doc[-1].i > b.end else ""  # not a dateline opening the sentence
    if between and between[-1] in AS_WORDS[lang] and all(w in PLAY_VERBS[lang] or w == "," for w in between[:-1]):
        return "as"
    between = [w for w in between if w != ","]  # "Ian Holm, who plays the Baker"
    if len(between) in (1, 2) and between[-1] in PLAY_VERBS[lang] and between[0] in (between[-1], "who"):
        return "as" if _verb_with_subject(doc, a, b, lang) else ""
    return ""


def _verb_with_subject(doc: Any, a: _Name, b: _Name, lang: str) -> bool:
    """ "A plays B": the verb's subject is A (or A's relative pronoun) and B is its object."""
    for x in range(a.end, b.start):
        t = doc[x]
        if fold(t.text) in PLAY_VERBS[lang] and t.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("dobj", "attr", "oprd") and b.start <= c.i < b.end for c in t.children)
    return False


def _credited(doc: Any, end: int, starts: dict[int, _Name], lang: str) -> list[_Name]:
    """The names a role word ending before token ``end`` credits: the name right after it, after a
    comma and an article ("the director, Tarsem Singh"), or after "by"; with the names joined to
    it by "and" ("Screenplay by Marc Klein and Jason Keller")."""
    k = end
    skipped = 0
    while k < len(doc) and skipped <= _MAX_APART and k not in starts:
        w = fold(doc[k].text)
        if w in AGENT[lang] or w in {",", "the"} or (doc[k].text[:1].isupper() and doc[k].pos_ == "ADJ"):
            k += 1
            skipped += 1
            continue
        return []
    first = starts.get(k)
    if first is None:
        return []
    out = [first]
    k = first.end
    while k + 1 < len(doc) and fold(doc[k].text) in {"and", ","}:
        nxt = starts.get(k + 1)
        if nxt is None or fold(doc[k].text) == ",":
            break
        out.append(nxt)
        k = nxt.end
    return out
