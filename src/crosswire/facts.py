"""Facts across reports: what the reports share, who says it, and where they disagree.

``analyze(articles, groups)`` turns the cleaned articles of one story and their
copy groups into a :class:`~crosswire.model.FactSheet`:

* ``sentences``: every article's numbered sentences (what citations point to);
* ``facts``: sentences aligned across articles (:mod:`crosswire.align`), each
  with the articles stating it, its independent sources (copies counted once),
  its attribution (:mod:`crosswire.attribution`) and a ranking score;
* ``numbers``: figures with what they count and their qualifier
  (:mod:`crosswire.numbers`), merged across reports;
* ``conflicts``: figures or dates that cannot both be true, claims and their
  denials, claims the reports present as contested (:mod:`crosswire.conflicts`);
* ``quotes``, ``entities``, ``timeline``: see :mod:`crosswire.quotes`,
  :mod:`crosswire.entities`, :mod:`crosswire.timeline`.

Everything works without the embedding model and without spaCy; they add
translation alignment and typed entities when present.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from .align import Aligned, PairScores, align_sentences
from .attribution import attribute_article, party_key
from .model import (Article, Citation, CopyGroup, Fact, FactSheet, Number, Sentence, independent_sources,
                    main_language)
from .numbers import Figure, find_numbers
from .sentences import article_sentences
from .textutil import fold

if TYPE_CHECKING:
    from .entities import Pending
    from .model import Entity

__all__ = ["analyze", "StoryText"]
# bridge until the facts/ package of issue 12: lets crosswire.facts.speakers import on the flat layout
__path__ = [__file__[:-3]]

MIN_FACT_WORDS = 4  # shorter sentences (crossheads, bylines) are not facts


@dataclass(slots=True)
class StoryText:
    """The sentences of a story with what every later step needs, computed once."""

    articles: list[Article]
    groups: list[CopyGroup]
    sentences: list[Sentence]             # all sentences of all articles, in article order
    by_article: dict[str, list[Sentence]]
    attribution: list[str | None]         # per sentence in ``sentences``
    figures: list[list[Figure]]           # per sentence
    aligned: list[Aligned]                # fact groups over fact-worthy sentences
    cluster_of: dict[int, int]            # sentence position -> index in ``aligned``
    score: PairScores                     # similarity between fact-worthy sentences (indexed like a matrix)
    fact_pos: list[int]                   # positions (in ``sentences``) of fact-worthy sentences
    order: dict[str, int]                 # article id -> order in the story

    def cite(self, pos: int) -> Citation:
        s = self.sentences[pos]
        return Citation(s.article, s.index, s.text)

    def independent(self, ids: Sequence[str]) -> int:
        return independent_sources(list(dict.fromkeys(ids)), self.groups)


def _resolve_embedder(embedder: Any):
    if embedder is False:
        return None
    if embedder is None:
        from .embed import default_embedder

        embedder = default_embedder()
    try:
        return embedder if getattr(embedder, "available", True) else None
    except Exception:
        return None


def _fact_worthy(s: Sentence) -> bool:
    return not s.is_heading and len(s.text.split()) >= MIN_FACT_WORDS


def read_story(articles: list[Article], groups: list[CopyGroup], embedder: Any = None) -> StoryText:
    """Split, attribute, find figures and align the sentences of one story."""
    seen: set[str] = set()
    arts: list[Article] = []
    for a in articles:  # duplicate ids would make citations ambiguous: keep the first
        if a.id not in seen and isinstance(a.text, str):
            seen.add(a.id)
            arts.append(a)
    known = {a.id for a in arts}
    groups = [CopyGroup([x for x in g.articles if x in known], g.original, g.kind, g.similarity, g.added, g.missing)
              for g in groups]
    groups = [g for g in groups if len(g.articles) >= 2]
    by_article: dict[str, list[Sentence]] = {}
    sentences: list[Sentence] = []
    attribution: list[str | None] = []
    for a in arts:
        ss = article_sentences(a)
        by_article[a.id] = ss
        sentences.extend(ss)
        attribution.extend(attribute_article([s.text for s in ss], language=a.language))
    attribution = expand_names(attribution)
    figures = [find_numbers(s.text) for s in sentences]
    fact_pos = [i for i, s in enumerate(sentences) if _fact_worthy(s)]
    languages = {a.id: a.language for a in arts}
    copy_of = {x: k for k, g in enumerate(groups) for x in g.articles}
    aligned, score = align_sentences([sentences[i] for i in fact_pos], languages, _resolve_embedder(embedder),
                                     copy_of=copy_of, speakers=[party_key(attribution[i]) for i in fact_pos],
                                     figures=[figures[i] for i in fact_pos], references=_references(arts))
    aligned = [Aligned([fact_pos[m] for m in g.members], g.strength, [fact_pos[m] for m in g.support])
               for g in aligned]
    cluster_of = {m: k for k, g in enumerate(aligned) for m in g.members}
    return StoryText(arts, groups, sentences, by_article, attribution, figures, aligned, cluster_of, score,
                     fact_pos, {a.id: i for i, a in enumerate(arts)})


def _references(articles: list[Article]) -> dict[str, str | None]:
    """Article id -> the date its relative dates ("on Wednesday") count from."""
    from .timeline import reference_date

    published = [a.published for a in articles if a.published]
    return {a.id: reference_date(a, published) for a in articles}


def expand_names(attribution: list[str | None]) -> list[str | None]:
    """Short names to the fullest form the story uses: "Putin" -> "Russian President Vladimir Putin".

    Only a bare name (one or two capitalised words) is expanded, to the most frequent longer
    attribution in the story that ends with it, so the party it speaks for can be read.
    """
    counts = Counter(a for a in attribution if a)
    full: dict[str, str] = {}
    for a in counts:
        toks = a.split()
        if not 1 <= len(toks) <= 2 or not all(t[:1].isupper() for t in toks):
            continue
        longer = [b for b in counts if b != a and fold(b).endswith(" " + fold(a))]
        if longer:
            full[a] = max(longer, key=lambda b: (counts[b], len(b)))
    return [full.get(a, a) if a else a for a in attribution]


def _attribution_of(story: StoryText, members: list[int]) -> str | None:
    names = [story.attribution[m] for m in members if story.attribution[m]]
    if not names:
        return None
    counts = Counter(fold(n) for n in names)
    best = max(names, key=lambda n: (counts[fold(n)], len(n)))
    return best


def _representative(story: StoryText, members: list[int], main_lang: str | None) -> int:
    """The member most like the others; ties go to originals of copy groups, then story order."""
    if len(members) == 1:
        return members[0]
    local = {p: k for k, p in enumerate(story.fact_pos)}
    idx = [local[m] for m in members]
    sub = story.score[np.ix_(idx, idx)]
    central = sub.sum(axis=1)
    originals = {g.original for g in story.groups if g.original}
    lang = {a.id: a.language for a in story.articles}
    # a fact reads in the story's main language when one of its sentences is in it
    keys = [(main_lang is not None and lang.get(story.sentences[m].article) not in (main_lang, None),
             -round(float(central[k]), 3), story.sentences[m].article not in originals,
             story.order[story.sentences[m].article], story.sentences[m].index) for k, m in enumerate(members)]
    return members[min(range(len(members)), key=lambda k: keys[k])]


def build_facts(story: StoryText) -> list[Fact]:
    """One Fact per aligned group, ranked by independent sources then score."""
    max_sources = max(1, story.independent([a.id for a in story.articles]))
    facts: list[Fact] = []
    main_lang = main_language(story.articles, story.groups)
    for g in story.aligned:
        rep = _representative(story, g.members, main_lang)
        # with the sentences of other reports that state it inside a sentence aligned elsewhere
        members = sorted(g.members + g.support,
                         key=lambda m: (story.order[story.sentences[m].article], story.sentences[m].index))
        arts = list(dict.fromkeys(story.sentences[m].article for m in members))
        n_ind = story.independent(arts)
        lead = float(np.mean([1.0 - min(story.sentences[m].index, 20) / 20.0 for m in members]))
        score = 0.6 * (n_ind / max_sources) + 0.3 * lead + 0.1 * min(1.0, g.strength)
        facts.append(Fact(
            id="",
            text=story.sentences[rep].text,
            articles=arts,
            independent_sources=n_ind,
            attributed_to=_attribution_of(story, g.members),
            citations=[story.cite(m) for m in members],
            score=round(min(1.0, max(0.0, score)), 4),
        ))
    facts.sort(key=lambda f: (-f.independent_sources, -f.score, story.order[f.citations[0].article],
                              f.citations[0].sentence))
    for k, f in enumerate(facts, 1):
        f.id = f"f{k}"
    return facts


def build_numbers(story: StoryText) -> list[Number]:
    """Figures merged across reports: one entry per (what, value, qualifier), with every article."""
    merged: dict[tuple[str, float, str | None], Number] = {}
    for pos, figs in enumerate(story.figures):
        s = story.sentences[pos]
        for f in figs:
            key = (f.what, f.value, f.qualifier)
            n = merged.get(key)
            if n is None:
                merged[key] = Number(f.value, f.what, f.text, [s.article], f.qualifier, [story.cite(pos)])
            else:
                if s.article not in n.articles:
                    n.articles.append(s.article)
                n.citations.append(story.cite(pos))
    out = list(merged.values())
    out.sort(key=lambda n: (-story.independent(n.articles), n.what, n.value))
    return out


def analyze(articles: list[Article], groups: list[CopyGroup], *, embedder: Any = None,
            entities: "Sequence[Entity] | Pending | None" = None) -> FactSheet:
    """The facts, figures, quotes, entities, timeline, conflicts and figure updates of one story.

    ``embedder``: an object with ``encode(texts)`` (see :mod:`crosswire.embed`); ``None``
    uses the default one when installed, ``False`` turns embeddings off.
    ``entities``: ``None`` finds them here (the NER model in this process); a list is
    taken as the story's entities as given; a :class:`~crosswire.entities.Pending` handle
    is given the story read here and the sheet's entities are left empty, for the caller
    to fill in from ``pending.result()`` when it wants them.
    """
    from . import conflicts, quotes, timeline
    from . import entities as entity_stage

    articles = list(articles or [])
    pending = entities if isinstance(entities, entity_stage.Pending) else None
    in_process = entities is None or (pending is not None and pending.worker is None)
    loading = (entity_stage.preload({entity_stage.language_of(a) for a in articles})
               if articles and in_process else None)
    story = read_story(articles, list(groups or []), embedder)
    if loading is not None:
        loading.join()
    if pending is not None:
        pending.attach(story)

    facts = build_facts(story)
    disagreements = conflicts.find_conflicts(story)
    return FactSheet(
        facts=facts,
        conflicts=disagreements,
        updates=conflicts.find_updates(story.articles, story.by_article, disagreements),
        quotes=quotes.find_quotes(story),
        numbers=build_numbers(story),
        entities=(entity_stage.find_entities(story) if entities is None
                  else [] if pending is not None else list(entities)),
        timeline=timeline.build_timeline(story),
        sentences=dict(story.by_article),
    )
