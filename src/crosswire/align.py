"""Aligning sentences across reports: which sentences state the same fact.

Similarity of two sentences is the mean of a word TF-IDF cosine (stemmed
content words and bigrams) and a character n-gram TF-IDF cosine (robust to
spelling and transliteration: "instrumentalisation" / "instrumentalization",
"Shoigu" / "Choïgu").  Pairs in a grey zone, and pairs across languages, are
checked with the multilingual embedding when it is available, for a capped
number of sentences.  Clusters are grown greedily from the strongest pair
down, and never hold two sentences of one article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

import numpy as np

from .model import Sentence
from .textutil import content_words, fold

__all__ = ["Aligned", "align_sentences", "similarity_matrix", "LINK", "GREY", "EMBED_LINK", "MAX_EMBED"]

LINK = 0.50        # lexical similarity at which two sentences state the same fact
GREY = 0.22        # below LINK, above GREY: ask the embedding (if any)
EMBED_LINK = 0.895  # e5 cosine at which a grey-zone or cross-language pair is the same fact
MAX_EMBED = 48     # at most this many sentences are embedded per story (speed)
MAX_SENTENCES = 6000


class Encoder(Protocol):
    def encode(self, texts: list[str], *, query: bool = False) -> np.ndarray | None: ...


@dataclass(slots=True)
class Aligned:
    """One group of sentences (at most one per article) that state the same fact."""

    members: list[int]  # indexes into the sentence list given to align_sentences
    strength: float     # mean similarity of the links that built it (1.0 for a single sentence)


def _analyzer(text: str) -> list[str]:
    toks = content_words(text)
    return toks + [a + " " + b for a, b in zip(toks, toks[1:])]


def similarity_matrix(texts: Sequence[str]) -> np.ndarray:
    """Dense (n, n) lexical similarity in 0..1 (word and character TF-IDF cosines, averaged)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(texts)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    folded = [fold(t) for t in texts]
    sims = []
    for vec in (
        TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True, min_df=1),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1),
    ):
        try:
            x = vec.fit_transform(folded)
        except ValueError:  # empty vocabulary
            sims.append(np.zeros((n, n), dtype=np.float32))
            continue
        sims.append((x @ x.T).toarray().astype(np.float32))
    return (sims[0] + sims[1]) / 2.0


def align_sentences(
    sentences: Sequence[Sentence],
    languages: dict[str, str | None] | None = None,
    embedder: Encoder | None = None,
    *,
    link: float = LINK,
    grey: float = GREY,
) -> tuple[list[Aligned], np.ndarray]:
    """Group sentences of different articles that state the same fact.

    Returns the groups (every sentence is in exactly one, singletons included) and the
    lexical similarity matrix (reused by the caller for conflicts and scores).
    """
    n = len(sentences)
    sim = similarity_matrix([s.text for s in sentences])
    arts = np.array([s.article for s in sentences], dtype=object)
    same_article = arts[:, None] == arts[None, :] if n else np.zeros((0, 0), dtype=bool)
    score = sim.copy()
    if n:
        score[same_article] = 0.0
    if embedder is not None and n:
        score = _embed_boost(sentences, sim, same_article, languages or {}, embedder, score, link, grey)
    # greedy clustering over strong pairs, one sentence per article per cluster
    iu, ju = np.nonzero(np.triu(score >= link, 1))
    order = np.argsort(-score[iu, ju], kind="stable")
    cluster = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    cl_arts: dict[int, set[str]] = {i: {sentences[i].article} for i in range(n)}
    links: dict[int, list[float]] = {i: [] for i in range(n)}
    for k in order:
        i, j = int(iu[k]), int(ju[k])
        a, b = cluster[i], cluster[j]
        if a == b or cl_arts[a] & cl_arts[b]:
            continue
        # average linkage guard: the merged group must hold together, not chain
        cross = score[np.ix_(members[a], members[b])]
        if float(cross.mean()) < link * 0.75:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for m in members[b]:
            cluster[m] = a
        members[a].extend(members.pop(b))
        cl_arts[a] |= cl_arts.pop(b)
        links[a].extend(links.pop(b) + [float(score[i, j])])
    out = [Aligned(sorted(ms), float(np.mean(links[c])) if links[c] else 1.0) for c, ms in members.items()]
    out.sort(key=lambda g: g.members[0])
    return out, score


def _embed_boost(sentences, sim, same_article, languages, embedder, score, link, grey) -> np.ndarray:
    """Raise the score of grey-zone and cross-language pairs that the embedding confirms."""
    n = len(sentences)
    langs = [languages.get(s.article) for s in sentences]
    cross_lang = np.array([[bool(a and b and a != b) for b in langs] for a in langs]) if n <= 1500 else None
    want = (score >= grey) & (score < link)
    if cross_lang is not None and cross_lang.any():
        want |= cross_lang & ~same_article
    # sentences whose best lexical partner is already strong need no embedding
    need = np.nonzero(want.any(axis=1))[0]
    if len(need) == 0:
        return score
    if len(need) > MAX_EMBED:
        best = np.where(want, score, 0).max(axis=1)[need]
        need = need[np.argsort(-best, kind="stable")[:MAX_EMBED]]
    try:
        vecs = embedder.encode([sentences[i].text for i in need])
    except Exception:  # a broken model must not break the stage
        vecs = None
    if vecs is None or len(vecs) != len(need):
        return score
    cos = vecs @ vecs.T
    out = score.copy()
    for a, i in enumerate(need):
        for b, j in enumerate(need):
            if j <= i or same_article[i, j] or not want[i, j]:
                continue
            if cos[a, b] >= EMBED_LINK:
                boosted = max(float(out[i, j]), link + (float(cos[a, b]) - EMBED_LINK))
                out[i, j] = out[j, i] = boosted
    return out
