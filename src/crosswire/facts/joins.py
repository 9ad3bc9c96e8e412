"""One fact told once: sentences of several reports that make one claim in different words.

The aligner (:mod:`crosswire.facts.align`) links sentences that are worded alike. A claim told in
passing inside longer sentences ("directed by Tarsem Singh" / "Director Tarsem Singh certainly
knows ..." / "the director, Tarsem Singh, an India-born ...") links no two of them, and each stands
as a fact of one source. This pass reads the claim keys of each fact's sentence
(:mod:`crosswire.facts.claim_keys`) and, for a key that sentences of two independent reports make:

* the fact that states it most directly (its sentence says little besides its claim keys) is its
  **host**;
* a one-sentence fact about the claim too (:func:`_about`), or whose content is covered by the
  hosts of its keys (little of its own besides their words), is **absorbed**: it is cited in
  each of those hosts instead of standing as a fact of its own ("MPAA rating: PG (...)" / "rated
  PG (...)"); a sentence with content of its own stays a fact, and is not cited in the host (its
  citation there would lend the host's other words a source, and the summary the sentence's own
  words the host's sources: measured, the summary lost a point of trust-dev's gold with it);
* a detail (a clock time, a telephone number) joins the one-sentence facts giving it that also
  share an ordinary word with its host ("signed out of the prom at 9:32 p.m." / "last heard from
  at 9:32 p.m., ... he had left the ... prom"). Days are no such detail: photo captions and
  signatures of quoted posts give the day of other events.

Never across a contradiction: a sentence is cited in a host only where it states it
(:func:`crosswire.facts.support.states`: no other figure for a thing the host counts, a name in
common) and gives no other day or figure (:func:`crosswire.facts.contradiction.contradicts`).
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from crosswire.facts.claim_keys import ClaimKey, Keys, Made, read_claims
from crosswire.facts.contradiction import contradicts
from crosswire.facts.story import StoryText
from crosswire.facts.support import name_aliases, name_words, sentence_words, states
from crosswire.text.words import content_words, fold

__all__ = ["join_claims", "Group", "HOST_OWN", "ABSORB_OWN", "MAX_KEYS"]

Group = tuple[int, list[int], list[int], float]  # (sentence telling the fact, members, supporting sentences, strength)

HOST_OWN = 6  # a sentence about a claim says at most this many words besides its claim keys
HOST_UNSHARED = 2  # ... and a host at most this many that no other sentence making the claim says
HOST_OWN_DETAIL = 12  # ... or, for a detail of an event (a clock time), besides it
MAX_KEYS = 2  # a sentence making more claims than this (a credits line) tells none of them most directly
ABSORB_OWN = 2  # a one-sentence fact saying at most this many words besides its keys and its hosts' is absorbed
MAX_CARRIERS = 8  # a key made by more facts than this is the story's background, not a claim
_DETAILS = frozenset({"time", "phone"})  # details of an event or an appeal rather than claims of their own
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def _own(text: str, keys: Keys, covered: set[str]) -> set[str]:
    """What a sentence says besides the words making its keys and the ``covered`` words."""
    inside = {w for ws in keys.values() for w in ws}
    inside |= {s for w in list(inside) for s in content_words(w)}
    return {w for w in sentence_words(text) if w not in inside and w not in covered and not re.fullmatch(r"[\d:.]+", w)}


def _about(text: str, keys: Keys, key: ClaimKey) -> bool:
    """Is a sentence about one of its claims: few claims, and little said besides them (its asides
    in parentheses left out)?"""
    if len(keys) > MAX_KEYS:
        return False
    return len(_own(_without_asides(text, keys), keys, set())) <= (HOST_OWN_DETAIL if key[0] in _DETAILS else HOST_OWN)


def join_claims(
    story: StoryText, groups: list[Group], language: dict[str, str | None], claims: dict[int, str] | None = None
) -> list[Group]:
    """The fact groups with the claims several reports make in passing cited together (see above).
    ``claims`` (when given) is filled with the claim of each host that cites sentences saying more
    than it (its sentence -> "Tarsem Singh: director")."""
    if len(groups) < 2:
        return groups
    reps = [g[0] for g in groups]
    texts = [story.sentences[r].text for r in reps]
    made: list[dict[ClaimKey, Made]] = [{} for _ in groups]
    by_lang: dict[str | None, list[int]] = defaultdict(list)
    for k, rep in enumerate(reps):
        by_lang[language.get(story.sentences[rep].article)].append(k)
    for lang, ks in by_lang.items():
        for k, found in zip(ks, read_claims([texts[k] for k in ks], lang), strict=True):
            made[k] = found
    keys: list[Keys] = [{key: m.words for key, m in found.items()} for found in made]
    carriers: dict[ClaimKey, list[int]] = defaultdict(list)
    for k, its in enumerate(keys):
        for key in its:
            carriers[key].append(k)
    hosts: dict[ClaimKey, int] = {}
    for key, facts in carriers.items():
        if (
            2 <= len(facts) <= MAX_CARRIERS
            and story.independent([story.sentences[m].article for k in facts for m in _all(groups[k])]) >= 2
        ):
            host = _host(story, groups, keys, texts, key, facts, made)
            if host is not None:
                hosts[key] = host
    if not hosts:
        return groups
    aliases = name_aliases([s.text for s in story.sentences])
    # words the story writes in lower case somewhere: a common noun, not a name, when one opens a sentence
    lower = {w for s in story.sentences for w in re.findall(r"\b[^\W\d_A-Z][\w'’-]*", s.text)}
    common = {fold(w) for w in lower if w[:1].islower()}
    common |= {x for w in common for x in content_words(w)}  # and their stems: "Rangers" / "the ranger service"
    extra: dict[int, list[int]] = defaultdict(list)  # host -> sentences absorbed there
    said: dict[int, list[ClaimKey]] = defaultdict(list)  # host -> the keys of the sentences absorbed there
    more: dict[int, bool] = {}  # host -> does a sentence absorbed there say more than its claim?
    absorbed: set[int] = set()
    host_set = set(hosts.values())
    for k in range(len(groups)):
        if len(groups[k][1]) != 1 or groups[k][2] or k in host_set:
            continue  # only a one-sentence fact that hosts nothing is absorbed
        mine = {key: h for key, h in hosts.items() if key in keys[k]}
        fits = {key: h for key, h in mine.items() if _states(story, language, reps[h], reps[k], aliases, common)}
        if not fits or len(fits) < len(mine):
            continue
        covered = set().union(*(sentence_words(texts[h]) for h in set(fits.values())))
        joined = any(
            _about(texts[k], keys[k], key) and _detail_shared(texts, keys, key, k, h, common) for key, h in fits.items()
        )
        # a sentence saying more is cited for the claim it makes about the key's entity (the host then
        # shows that claim): not for a key told in a clause of its own ("after critics said X directed it")
        claimed = all(made[k][key].main and key[0] not in _DETAILS for key in fits)
        little = len(_own(texts[k], keys[k], covered)) <= ABSORB_OWN
        if joined or claimed or little:
            absorbed.add(k)
            for key, h in fits.items():
                extra[h].append(reps[k])
                said[h].append(key)
                more[h] = more.get(h, False) or not (joined or little)
    out: list[Group] = []
    for k, (rep, members, support, strength) in enumerate(groups):
        if k not in absorbed:
            add = [m for m in extra.get(k, []) if m not in members and m not in support]
            out.append((rep, members, sorted(set(support) | set(add)), strength))
            # the claim is shown when the host or a sentence cited there says more than it
            hosted = [key for key in said.get(k, []) if more.get(k) or not _about(texts[k], keys[k], key)]
            phrases = list(dict.fromkeys(made[k][key].phrase for key in hosted if made[k][key].phrase))
            if claims is not None and phrases:
                claims[rep] = "; ".join(phrases)
    return out


# words that tell who says it, not what happened: two sentences sharing only these share no content
_SAYING = frozenset({"said", "say", "says", "saying", "told", "tell", "according", "report", "reported", "added"})
_PREFIX_MIN = 4  # two stems, one the start of the other and this long at least, are one word
_PREFIX = 5  # ... this long at least for a detail's shared word


def _ordinary(text: str, common: set[str]) -> set[str]:
    """Stems of the ordinary words of a sentence (not names: "Aviation Policing (@MPSHeathrow)" shares a
    signature, not content), the first word counting when the story writes it in lower case."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    kept = " ".join(w for k, w in enumerate(words) if w[:1].islower() or (k == 0 and fold(w) in common))
    return {w for w in content_words(fold(kept).lower()) if w not in _SAYING and not w[:1].isdigit()}


_ASIDE = re.compile(r"\s*\(([^()]*)\)")


def _without_asides(text: str, keys: Keys) -> str:
    """A sentence without its asides in parentheses that make none of its keys: "rated PG (Parental
    guidance suggested)" says what "rated PG" says."""
    inside = {w for ws in keys.values() for w in ws}
    return _ASIDE.sub(lambda m: m.group(0) if {fold(w) for w in m.group(1).split()} & inside else "", text)


def _same_word(x: str, y: str) -> bool:
    """One word, or two stems of it ("stories" / "story", "appear" / "appearance")."""
    return x == y or (min(len(x), len(y)) >= _PREFIX_MIN and (x.startswith(y) or y.startswith(x)))


def _unmatched(words: set[str], others: set[str]) -> set[str]:
    return {w for w in words if w not in others and not any(_same_word(w, o) for o in others)}


def _detail_shared(texts: list[str], keys: list[Keys], key: ClaimKey, k: int, h: int, common: set[str]) -> bool:
    """A detail (a clock time, a telephone number) joins two sentences that also share an ordinary
    word besides it ("signed out of the prom at 9:32 p.m." / "left the prom at 9:32 p.m.", "any
    information ... 208-476-5551" / "Information ... can be provided to OPD, 476-5551")."""
    if key[0] not in _DETAILS:
        return True
    made = {w for x in (k, h) for w in keys[x].get(key, set())}
    a, b = _ordinary(texts[k], common) - made, _ordinary(texts[h], common) - made
    return bool(a & b) or any(_same_word(x, y) and min(len(x), len(y)) >= _PREFIX for x in a for y in b)


def _all(g: Group) -> list[int]:
    """The sentences of a group: members and supporting sentences."""
    return list(dict.fromkeys(g[1] + g[2]))


def _host(
    story: StoryText,
    groups: list[Group],
    keys: list[Keys],
    texts: list[str],
    key: ClaimKey,
    ks: list[int],
    made: list[dict[ClaimKey, Made]],
) -> int | None:
    """The fact that states a claim most directly: the most sources, then a sentence about the claim
    (few claims, little said besides them: :func:`_about`, its other words said by the other
    sentences making the claim, but ``HOST_UNSHARED``), then the fewest claims and the shortest
    sentence.  A sentence saying more hosts a claim it makes about the key's entity
    (:attr:`Made.main`); the fact then shows the claim ("Lily Collins as Snow White")."""
    best: tuple[int, bool, int, int, int] | None = None
    host = None
    for k in ks:
        detail = key[0] in _DETAILS
        own = _own(_without_asides(texts[k], keys[k]), keys[k], set())
        others = set().union(*(sentence_words(texts[x]) for x in ks if x != k))
        about = detail or (_about(texts[k], keys[k], key) and len(_unmatched(own, others)) <= HOST_UNSHARED)
        # a claim's host states it most directly; a detail's host is the fact the others give it for
        if not about and not made[k][key].main:
            continue
        n_ind = story.independent([story.sentences[m].article for m in groups[k][1]])
        rank = (-n_ind, not about, len(keys[k]), len(own), len(texts[k]))
        if best is None or rank < best:
            best, host = rank, k
    return host


def _states(story: StoryText, language: dict[str, str | None], host: int, pos: int, aliases, common: set[str]) -> bool:
    """Does the sentence at ``pos`` state the host sentence's claim without contradicting it?"""
    a, b = story.sentences[host], story.sentences[pos]
    same = language.get(a.article) == language.get(b.article)
    if not states(a.text, b.text, same, aliases, names=False) or (same and contradicts(a.text, b.text)):
        return False
    return not same or _names_agree(a.text, b.text, aliases, common)


def _name_set(text: str, aliases: dict[str, set[str]], common: set[str]) -> set[str]:
    """Name words of a sentence with their aliases, without a capitalised first word that the story
    writes in lower case elsewhere ("Police say ..." / "the local police department")."""
    words = name_words(text) - {fold(m.group(0)) for m in _ACRONYM.finditer(text)}
    first = fold(text.split()[0]) if text.split() else ""
    if first in words and first not in name_words(text[len(first) :]) and text[:1].isupper():
        if first in common or set(content_words(first)) & common:
            words.discard(first)
    return words | {x for w in words for x in aliases.get(w, ())}


def _names_agree(a: str, b: str, aliases: dict[str, set[str]], common: set[str]) -> bool:
    """Do two sentences that both name people, places or bodies share one?  Acronyms are left out
    ("OPD" / "Orofino Police Department", "MPAA rating")."""
    x, y = _name_set(a, aliases, common), _name_set(b, aliases, common)
    if not x or not y or x & y:
        return True
    return any(fuzz.ratio(p, q) >= 80 for p in x for q in y if abs(len(p) - len(q)) <= 2)  # "Shoigu" / "Choigu"
