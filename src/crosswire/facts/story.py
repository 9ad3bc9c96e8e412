"""The sentence index of one story, built once and read by every analyser of the facts stage.

:func:`read_story` splits the articles of a story into numbered sentences, reads who each
sentence is attributed to and which figures it gives, and aligns the fact-worthy sentences
across reports (:mod:`crosswire.facts.align`); :class:`StoryText` holds the result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from crosswire.facts.align import align_sentences
from crosswire.facts.attribution import attribute_article, party_key
from crosswire.facts.numbers import Figure, find_numbers
from crosswire.facts.similarity import Aligned, PairScores
from crosswire.model import Article, Citation, CopyGroup, Sentence, independent_sources
from crosswire.read.outlets import identities
from crosswire.text.dates import reference_date
from crosswire.text.repeats import is_garbage
from crosswire.text.sentences import article_sentences
from crosswire.text.words import fold

__all__ = ["StoryText", "read_story", "expand_names", "MIN_FACT_WORDS"]

MIN_FACT_WORDS = 4  # shorter sentences (crossheads, bylines) are not facts


@dataclass(slots=True)
class StoryText:
    """The sentences of a story with what every later step needs, computed once."""

    articles: list[Article]
    groups: list[CopyGroup]
    sentences: list[Sentence]  # all sentences of all articles, in article order
    by_article: dict[str, list[Sentence]]
    attribution: list[str | None]  # per sentence in ``sentences``
    figures: list[list[Figure]]  # per sentence
    aligned: list[Aligned]  # fact groups over fact-worthy sentences
    cluster_of: dict[int, int]  # sentence position -> index in ``aligned``
    score: PairScores  # similarity between fact-worthy sentences (indexed like a matrix)
    fact_pos: list[int]  # positions (in ``sentences``) of fact-worthy sentences
    order: dict[str, int]  # article id -> order in the story
    outlets: dict[str, str | None] = field(default_factory=dict)  # article id -> its outlet or wire key
    embedder: Any = None  # the multilingual embedding the story was aligned with, when there is one

    def cite(self, pos: int) -> Citation:
        s = self.sentences[pos]
        return Citation(s.article, s.index, s.text)

    def independent(self, ids: Sequence[str]) -> int:
        return independent_sources(list(dict.fromkeys(ids)), self.groups, self.outlets)


def _resolve_embedder(embedder: Any):
    if embedder is False:
        return None
    if embedder is None:
        from crosswire.text.embed import default_embedder

        embedder = default_embedder()
    try:
        return embedder if getattr(embedder, "available", True) else None
    except Exception:
        return None


def _fact_worthy(s: Sentence) -> bool:
    return not s.is_heading and len(s.text.split()) >= MIN_FACT_WORDS and not is_garbage(s.text)


def read_story(articles: list[Article], groups: list[CopyGroup], embedder: Any = None) -> StoryText:
    """Split, attribute, find figures and align the sentences of one story."""
    seen: set[str] = set()
    arts: list[Article] = []
    for a in articles:  # duplicate ids would make citations ambiguous: keep the first
        if a.id not in seen and isinstance(a.text, str):
            seen.add(a.id)
            arts.append(a)
    known = {a.id for a in arts}
    groups = [
        CopyGroup([x for x in g.articles if x in known], g.original, g.kind, g.similarity, g.added, g.missing)
        for g in groups
    ]
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
    languages = {a.id: a.language for a in arts}
    figures = [find_numbers(s.text, languages[s.article]) for s in sentences]
    fact_pos = [i for i, s in enumerate(sentences) if _fact_worthy(s)]
    copy_of = {x: k for k, g in enumerate(groups) for x in g.articles}
    embedder = _resolve_embedder(embedder)
    aligned, score = align_sentences(
        [sentences[i] for i in fact_pos],
        languages,
        embedder,
        copy_of=copy_of,
        speakers=[party_key(attribution[i]) for i in fact_pos],
        figures=[figures[i] for i in fact_pos],
        references=article_references(arts),
    )
    aligned = [Aligned([fact_pos[m] for m in g.members], g.strength, [fact_pos[m] for m in g.support]) for g in aligned]
    cluster_of = {m: k for k, g in enumerate(aligned) for m in g.members}
    return StoryText(
        arts,
        groups,
        sentences,
        by_article,
        attribution,
        figures,
        aligned,
        cluster_of,
        score,
        fact_pos,
        {a.id: i for i, a in enumerate(arts)},
        identities(arts),
        embedder,
    )


def article_references(articles: list[Article]) -> dict[str, str | None]:
    """Article id -> the date its relative dates ("on Wednesday") count from."""
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
