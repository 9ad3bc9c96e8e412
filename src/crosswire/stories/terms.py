"""What the stream-wide statistics of the story clustering read from one article.

For an engine that spreads a stream over many machines (:mod:`crosswire.spark`): the
stream-wide counts are sums of :class:`ArticleTerms` (opening repeats, document frequencies of
``terms``), and :func:`crosswire.stories.cluster_stories` on a part of the stream with a
``state`` holding the counts of the rest decides as on the whole stream.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.model import Article
from crosswire.stories.noise import interface_density, noise_decision
from crosswire.stories.profiles import StoryIndex, StoryParams, batch_fingerprints, hash_text, make_doc, story_words

__all__ = ["ArticleTerms", "article_terms", "articles_terms", "profile_terms"]


@dataclass(slots=True)
class ArticleTerms:
    """The terms, fingerprints, anchors and noise features of one article."""

    opening: int  # hash of the first 12 words; an opening repeated across the stream marks boilerplate
    terms: dict[str, float]  # weighted term counts (the keys are what document frequencies count)
    prints: list[int]  # copy fingerprints (content-defined sample of content-word n-gram hashes)
    anchors: dict[str, int]  # names, figures and dates that tie reports across languages
    language: str | None
    day: int | None  # proleptic ordinal of the publication day
    n_words: int
    interface: float  # share of web-interface words among the content words

    def is_noise(self, repeats: int, params: StoryParams | None = None) -> bool:
        """:func:`crosswire.stories.is_noise` of the article, given how many pages of the stream open like it."""
        return noise_decision(self.n_words, self.interface, repeats, params or StoryParams())


def article_terms(article: Article, params: StoryParams | None = None) -> ArticleTerms:
    """The :class:`ArticleTerms` of one article, as :func:`crosswire.stories.cluster_stories` computes them."""
    return articles_terms([article], params)[0]


def articles_terms(articles: list[Article], params: StoryParams | None = None) -> list[ArticleTerms]:
    """:func:`article_terms` of many articles at once (the fingerprints in one vectorised pass)."""
    p = params or StoryParams()
    out: list[ArticleTerms] = []
    words: list[list[str]] = []
    for article in articles:
        toks = story_words(article.text or "")
        n_words, density = interface_density(article.text or "", toks)
        d = make_doc(article, p, toks=toks)
        words.append(d.words)
        out.append(
            ArticleTerms(
                opening=hash_text(" ".join(toks[:12])),
                terms=d.counts,
                prints=[],
                anchors=d.anchors,
                language=d.language,
                day=d.day,
                n_words=n_words,
                interface=density,
            )
        )
    for t, fp in zip(out, batch_fingerprints(words, p.shingle, p.fingerprints, p.fingerprint_rate), strict=True):
        t.prints = fp
    return out


def profile_terms(index: StoryIndex, story_id: str) -> dict[str, float]:
    """The summed member vectors of a story of ``index`` by term (capped at ``profile_terms`` terms)."""
    pr = index.stories[story_id]
    words = {col: t for t, col in index.vocab.items() if col in pr.terms}
    return {words[col]: w for col, w in pr.terms.items()}
