"""Facts across reports: what the reports share, who says it, and where they disagree.

``analyze(articles, groups)`` turns the cleaned articles of one story and their
copy groups into a :class:`~crosswire.model.FactSheet`:

* ``sentences``: every article's numbered sentences (what citations point to);
* ``facts``: sentences aligned across articles (:mod:`crosswire.facts.align`), each
  with the articles stating it, its independent sources (copies counted once),
  its attribution (:mod:`crosswire.facts.attribution`) and a ranking score;
* ``numbers``: figures with what they count and their qualifier
  (:mod:`crosswire.facts.numbers`), merged across reports;
* ``conflicts``: figures or dates that cannot both be true, claims and their
  denials, claims the reports present as contested (:mod:`crosswire.facts.conflicts`);
* ``quotes``, ``entities``, ``timeline``: see :mod:`crosswire.facts.quotes`,
  :mod:`crosswire.facts.entities`, :mod:`crosswire.facts.timeline`.

Everything works without the embedding model and without spaCy; they add
translation alignment and typed entities when present.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from crosswire.facts.counting import check_figures
from crosswire.facts.joins import join_claims
from crosswire.facts.numbers import find_rates
from crosswire.facts.quote_translations import merge_translations
from crosswire.facts.story import StoryText, read_story
from crosswire.facts.support import gives_figures, name_aliases, sentence_words, states
from crosswire.model import Article, CopyGroup, Fact, FactSheet, Number, reader_language
from crosswire.text.parse import preload as preload_parser
from crosswire.text.words import fold, opens_on_pronoun

if TYPE_CHECKING:
    from crosswire.facts.entities import Pending
    from crosswire.model import Entity

__all__ = ["analyze", "build_facts", "build_numbers"]


def _attribution_of(story: StoryText, members: list[int]) -> str | None:
    names: list[str] = [a for m in members if (a := story.attribution[m])]
    if not names:
        return None
    counts = Counter(fold(n) for n in names)
    best = max(names, key=lambda n: (counts[fold(n)], len(n)))
    return best


CONTAINED = 0.5  # a member half of whose words each other member says is told by them all


def _representative(story: StoryText, members: list[int], main_lang: str | None) -> int:
    """The member the others state (each says at least :data:`CONTAINED` of its words; of those the
    most told, one naming its subject before one opening on a pronoun), else the one most like the
    others; ties go to originals of copy groups, then story order."""
    if len(members) == 1:
        return members[0]
    local = {p: k for k, p in enumerate(story.fact_pos)}
    idx = [local[m] for m in members]
    sub = np.asarray(story.score[np.ix_(idx, idx)])
    central = sub.sum(axis=1)
    originals = {g.original for g in story.groups if g.original}
    lang = {a.id: a.language for a in story.articles}
    # the fact reads as what every member states: a member whose words the others say (the narrower
    # wording) before a more central one that says more than some of them
    words = {m: sentence_words(story.sentences[m].text) for m in members}

    def told(m: int) -> float:
        """The least part of a member's words another member says: 1.0 when each says them all."""
        if not words[m]:
            return 0.0
        return min(len(words[m] & words[x]) / len(words[m]) for x in members if x != m)

    share = {m: told(m) for m in members}

    # a fact reads in the story's main language when one of its sentences is in it
    keys = [
        (
            main_lang is not None and lang.get(story.sentences[m].article) not in (main_lang, None),
            share[m] < CONTAINED,
            opens_on_pronoun(story.sentences[m].text, lang.get(story.sentences[m].article)),  # names its subject
            -round(share[m], 1) if share[m] >= CONTAINED else 0.0,  # among those, the most told
            -round(float(central[k]), 3),
            story.sentences[m].article not in originals,
            story.order[story.sentences[m].article],
            story.sentences[m].index,
        )
        for k, m in enumerate(members)
    ]
    return members[min(range(len(members)), key=lambda k: keys[k])]


def build_facts(story: StoryText, lang: str | None = None) -> list[Fact]:
    """One Fact per aligned group, ranked by independent sources then score; each told by a
    sentence in the reader's language ``lang`` where one states it (else the story's main one)."""
    max_sources = max(1, story.independent([a.id for a in story.articles]))
    facts: list[Fact] = []
    main_lang = reader_language(story.articles, story.groups, lang)
    language = {a.id: a.language for a in story.articles}
    aliases = name_aliases([s.text for s in story.sentences])
    groups = []
    for g in story.aligned:
        rep = _representative(story, g.members, main_lang)
        # a sentence is cited only where it states the fact (its figures, its names): one that does
        # not stays a fact of its own, a supporting sentence of another fact is just not cited here
        text, lang_rep = story.sentences[rep].text, language.get(story.sentences[rep].article)
        ok = [
            m
            for m in g.members + g.support
            if m == rep
            or states(
                text,
                story.sentences[m].text,
                language.get(story.sentences[m].article) == lang_rep,
                aliases,
                language=lang_rep,
            )
            and (m in g.members or gives_figures(text, story.sentences[m].text))
        ]
        groups.append((rep, [m for m in g.members if m in ok], [m for m in g.support if m in ok], g.strength))
        groups += [(m, [m], [], 1.0) for m in g.members if m not in ok]
    claims: dict[int, str] = {}
    groups = join_claims(story, groups, language, claims)
    for rep, kept, support, strength in groups:
        # with the sentences of other reports that state it inside a sentence aligned elsewhere
        members = sorted(
            kept + support, key=lambda m: (story.order[story.sentences[m].article], story.sentences[m].index)
        )
        arts = list(dict.fromkeys(story.sentences[m].article for m in members))
        n_ind = story.independent(arts)
        lead = float(np.mean([1.0 - min(story.sentences[m].index, 20) / 20.0 for m in members]))
        score = 0.6 * (n_ind / max_sources) + 0.3 * lead + 0.1 * min(1.0, strength)
        facts.append(
            Fact(
                id="",
                text=story.sentences[rep].text,
                articles=arts,
                independent_sources=n_ind,
                attributed_to=_attribution_of(story, kept),
                citations=[story.cite(m) for m in members],
                score=round(min(1.0, max(0.0, score)), 4),
                claim=claims.get(rep),
            )
        )
    facts.sort(
        key=lambda f: (-f.independent_sources, -f.score, story.order[f.citations[0].article], f.citations[0].sentence)
    )
    for k, f in enumerate(facts, 1):
        f.id = f"f{k}"
    return facts


# qualifiers that only soften a figure: "some 80", "about 80" and "80" are one figure
# fmt: off
_SOFT = frozenset({None, "about", "around", "some", "roughly", "approximately", "an estimated", "estimated",
                   "nearly", "almost", "close to", "environ", "près de", "roughly about", "closer to", "nearer to"})
# fmt: on


def _bound(x: float) -> float | None:
    return None if math.isinf(x) else round(x, 6)


def build_numbers(story: StoryText) -> list[Number]:
    """Figures merged across reports, as what the parse says they count.

    One entry per counted thing and value; the wordings that only soften it ("some 80", "about
    80", "80") are one entry, whose ``low``/``high`` cover what they allow and whose ``text``
    lists them; a bound ("at least 144") stays an entry of its own.
    """
    merged: dict[tuple[str, float, str | None], Number] = {}
    texts: dict[tuple[str, float, str | None], list[str]] = {}
    language = {a.id: a.language for a in story.articles}
    for pos, figs in enumerate(story.figures):
        s = story.sentences[pos]
        rates = find_rates(s.text) if "per" in s.text or "every" in s.text else []
        if not figs and not rates:
            continue
        for f in check_figures(figs, s.text, language.get(s.article)) + rates:
            soft = f.qualifier in _SOFT
            key = (f.what, f.value, "~" if soft else f.qualifier)
            n = merged.get(key)
            if n is None:
                merged[key] = Number(
                    f.value, f.what, f.text, [s.article], f.qualifier, [story.cite(pos)], _bound(f.low), _bound(f.high)
                )
                texts[key] = [f.text]
                continue
            if s.article not in n.articles:
                n.articles.append(s.article)
            n.citations.append(story.cite(pos))
            n.low = min(n.low, f.low) if n.low is not None else n.low
            n.high = None if n.high is None or math.isinf(f.high) else max(n.high, f.high)
            if fold(f.text) not in {fold(t) for t in texts[key]}:
                texts[key].append(f.text)
    for key, n in merged.items():
        if len(texts[key]) > 1:
            n.text = " / ".join(texts[key][:3])
    out = list(merged.values())
    out.sort(key=lambda n: (-story.independent(n.articles), n.what, n.value))
    return out


def analyze(
    articles: list[Article],
    groups: list[CopyGroup],
    *,
    embedder: Any = None,
    entities: Sequence[Entity] | Pending | None = None,
    lang: str | None = None,
) -> FactSheet:
    """The facts, figures, quotes, entities, timeline, conflicts and figure updates of one story.

    ``embedder``: an object with ``encode(texts)`` (see :mod:`crosswire.text.embed`); ``None``
    uses the default one when installed, ``False`` turns embeddings off.
    ``entities``: ``None`` finds them here (the NER model in this process); a list is
    taken as the story's entities as given; a :class:`~crosswire.facts.entities.Pending` handle
    is given the story read here and the sheet's entities are left empty, for the caller
    to fill in from ``pending.result()`` when it wants them.
    """
    from crosswire.facts import conflicts, quotes, timeline, updates
    from crosswire.facts import entities as entity_stage

    articles = list(articles or [])
    pending = entities if isinstance(entities, entity_stage.Pending) else None
    in_process = entities is None or (pending is not None and pending.worker is None)
    loading = entity_stage.preload({entity_stage.language_of(a) for a in articles}) if articles and in_process else None
    parsing = preload_parser({a.language for a in articles}) if articles else None
    story = read_story(articles, list(groups or []), embedder)
    if loading is not None:
        loading.join()
    if pending is not None:
        pending.attach(story)

    # "said by": a sentence that quotes someone, and that the patterns of facts.attribution credit to nobody,
    # is credited to the speaker its syntax names (the patterns' parties, "the Russian foreign ministry", stay)
    for pos, who in quotes.quoted_speakers(story).items():
        if story.attribution[pos] is None:
            story.attribution[pos] = who
    facts = build_facts(story, lang)
    if parsing is not None:
        parsing.join()
    disagreements = conflicts.find_conflicts(story)
    if entities is None:
        found = entity_stage.find_entities(story)
    elif isinstance(entities, entity_stage.Pending):
        found = []  # the caller fills them in from pending.result()
    else:
        found = list(entities)
    return FactSheet(
        facts=facts,
        conflicts=disagreements,
        updates=updates.find_updates(story.articles, story.by_article, disagreements),
        quotes=merge_translations(quotes.find_quotes(story), story, reader_language(articles, groups, lang)),
        numbers=build_numbers(story),
        entities=found,
        timeline=timeline.build_timeline(story),
        sentences=dict(story.by_article),
    )
