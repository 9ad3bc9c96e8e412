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

import re
from dataclasses import dataclass
from typing import Protocol, Sequence

import numpy as np

from .model import Sentence
from .textutil import content_words, fold

__all__ = ["Aligned", "align_sentences", "similarity_matrix", "LINK", "GREY", "EMBED_LINK", "MAX_EMBED", "MUTUAL_LINK"]

LINK = 0.50        # lexical similarity at which two sentences state the same fact
GREY = 0.15        # below LINK, above GREY: ask the embedding (if any) about mutual best pairs
MUTUAL_LINK = 0.34  # lexical similarity enough for two sentences that are each other's best match
MUTUAL_WEAK = 0.17  # ... or this much when they also share MUTUAL_WORDS ordinary words
MUTUAL_WORDS = 4
EMBED_LINK = 0.915  # e5 cosine at which a grey-zone mutual pair is the same fact
EMBED_LINK_CROSS = 0.88  # the same for a pair in two languages
MAX_EMBED = 48     # at most this many sentences are embedded per story with several languages
MAX_EMBED_SAME = 0  # ... and per story in one language: lexical evidence decides there (speed)
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


def _char_ngrams(text: str, lo: int = 3, hi: int = 5) -> list[str]:
    """Character n-grams inside padded words (like scikit-learn's ``char_wb``)."""
    out: list[str] = []
    for w in text.split():
        w = f" {w} "
        n_w = len(w)
        for n in range(lo, hi + 1):
            if n > n_w:
                break
            out.extend(w[i: i + n] for i in range(n_w - n + 1))
    return out


def tfidf(docs: Sequence[list[str]]):
    """Row-normalised TF-IDF (sublinear tf, smoothed idf) as a scipy CSR matrix.

    A small stand-in for scikit-learn's vectorizer: importing scikit-learn costs seconds,
    this costs nothing and gives the same weights.
    """
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, toks in enumerate(docs):
        counts: dict[int, int] = {}
        for t in toks:
            j = vocab.setdefault(t, len(vocab))
            counts[j] = counts.get(j, 0) + 1
        rows.extend([r] * len(counts))
        cols.extend(counts)
        vals.extend(counts.values())
    n = len(docs)
    x = sparse.csr_matrix((np.asarray(vals, dtype=np.float32), (np.asarray(rows), np.asarray(cols))),
                          shape=(n, max(1, len(vocab))), dtype=np.float32)
    if x.nnz:
        x.data = 1.0 + np.log(x.data)
        df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float32)
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        x.data *= idf[x.indices]
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        x = sparse.diags(1.0 / norms).astype(np.float32) @ x
    return x.tocsr()


def similarity_matrix(texts: Sequence[str]) -> np.ndarray:
    """Dense (n, n) lexical similarity in 0..1 (word and character TF-IDF cosines, averaged)."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    folded = [fold(t) for t in texts]
    word = tfidf([_analyzer(t) for t in folded])
    char = tfidf([_char_ngrams(t) for t in folded])
    sim = (word @ word.T).toarray() + (char @ char.T).toarray()
    return np.clip(sim.astype(np.float32) / 2.0, 0.0, 1.0)


def _best_partners(score: np.ndarray, art_index: np.ndarray, n_arts: int) -> np.ndarray:
    """(n, n_arts): for each sentence, its most similar sentence in every article (-1 if none)."""
    n = score.shape[0]
    best = np.full((n, n_arts), -1, dtype=np.int64)
    for a in range(n_arts):
        cols = np.nonzero(art_index == a)[0]
        if len(cols):
            sub = score[:, cols]
            k = sub.argmax(axis=1)
            ok = sub[np.arange(n), k] > 0
            best[ok, a] = cols[k[ok]]
    return best


def _common_stems(text: str) -> set[str]:
    """Stems of the ordinary (not capitalised, not function) words of a sentence."""
    out = set()
    for w in re.findall(r"[^\W\d_][\w'’\-]*", text):
        if w[:1].islower():
            out.update(content_words(w))
    return out


def _mutual(score: np.ndarray, art_index: np.ndarray, n_arts: int, lo: float, hi: float) -> np.ndarray:
    """Pairs (i, j) in [lo, hi) that are each other's best match between their two articles."""
    best = _best_partners(score, art_index, n_arts)
    iu, ju = np.nonzero(np.triu((score >= lo) & (score < hi), 1))
    keep = (best[iu, art_index[ju]] == ju) & (best[ju, art_index[iu]] == iu)
    return np.stack([iu[keep], ju[keep]], axis=1) if len(iu) else np.zeros((0, 2), dtype=np.int64)


def align_sentences(
    sentences: Sequence[Sentence],
    languages: dict[str, str | None] | None = None,
    embedder: Encoder | None = None,
    *,
    link: float = LINK,
    grey: float = GREY,
    copy_of: dict[str, int] | None = None,
    speakers: Sequence[str | None] | None = None,
) -> tuple[list[Aligned], np.ndarray]:
    """Group sentences of different articles that state the same fact.

    Two sentences are linked when their lexical similarity reaches ``link``; or when they
    are each other's best match between their two articles and reach ``MUTUAL_LINK``;
    or, with an embedder, when a grey-zone mutual pair (or a cross-language pair) is
    confirmed by the embedding.  ``speakers`` (one key per sentence, or None) lets two
    weak mutual matches credited to the same party link on less shared wording.  ``copy_of`` maps article ids to their copy group: copies
    align lexically, so their pairs are never sent to the embedding.

    Returns the groups (every sentence is in exactly one, singletons included) and the
    pair scores (lexical, raised where a link was confirmed; reused by the caller).
    """
    n = len(sentences)
    sim = similarity_matrix([s.text for s in sentences])
    art_ids = list(dict.fromkeys(s.article for s in sentences))
    art_pos = {a: k for k, a in enumerate(art_ids)}
    art_index = np.array([art_pos[s.article] for s in sentences], dtype=np.int64)
    same_article = art_index[:, None] == art_index[None, :] if n else np.zeros((0, 0), dtype=bool)
    score = sim.copy()
    if n:
        score[same_article] = 0.0
        pairs = _mutual(score, art_index, len(art_ids), MUTUAL_LINK, link)
        for i, j in pairs:  # mutual best matches with good lexical overlap
            score[i, j] = score[j, i] = link + float(score[i, j]) * 0.02
        # weaker mutual matches that share several ordinary words, not just names
        # ("no information ... link to Ukraine" / "no information ... connection ... Ukraine")
        weak = _mutual(score, art_index, len(art_ids), MUTUAL_WEAK, MUTUAL_LINK)
        if len(weak):
            common = {int(x): _common_stems(sentences[int(x)].text) for x in np.unique(weak)}
            for i, j in weak:
                same_speaker = speakers is not None and speakers[i] is not None and speakers[i] == speakers[j]
                if len(common[int(i)] & common[int(j)]) >= (MUTUAL_WORDS - 2 if same_speaker else MUTUAL_WORDS):
                    score[i, j] = score[j, i] = link + float(score[i, j]) * 0.01
    if embedder is not None and n:
        score = _embed_boost(sentences, art_index, len(art_ids), languages or {}, copy_of or {}, embedder,
                             score, link, grey)
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


def _embed_boost(sentences, art_index, n_arts, languages, copy_of, embedder, score, link, grey) -> np.ndarray:
    """Raise the score of grey-zone and cross-language pairs that the embedding confirms.

    Candidates are pairs of sentences from two articles that are not copies of each other,
    each other's best match between the two articles, and either in the grey zone
    (``grey`` <= lexical < ``link``) or in different languages (where lexical overlap
    says little).  At most ``MAX_EMBED`` sentences are encoded, best pairs first.
    """
    n = len(sentences)
    langs = np.array([languages.get(s.article) or "" for s in sentences], dtype=object)
    groups = np.array([copy_of.get(s.article, -1 - int(art_index[k])) for k, s in enumerate(sentences)])
    pairs = _mutual(score, art_index, n_arts, grey, link)
    budget = MAX_EMBED_SAME
    if len(set(langs.tolist()) - {""}) > 1:  # translations: any mutual pair, however low
        budget = MAX_EMBED
        cross = _mutual(score, art_index, n_arts, 0.02, link)
        cross = cross[(langs[cross[:, 0]] != langs[cross[:, 1]]) & (langs[cross[:, 0]] != "")
                      & (langs[cross[:, 1]] != "")] if len(cross) else cross
        pairs = np.concatenate([pairs, cross]) if len(cross) else pairs
    if len(pairs):
        pairs = pairs[groups[pairs[:, 0]] != groups[pairs[:, 1]]]
    if len(pairs) == 0:
        return score
    pairs = pairs[np.argsort(-score[pairs[:, 0], pairs[:, 1]], kind="stable")]
    need: dict[int, int] = {}
    kept = []
    for i, j in pairs:
        add = [x for x in (int(i), int(j)) if x not in need]
        if len(need) + len(add) > budget:
            continue
        for x in add:
            need[x] = len(need)
        kept.append((int(i), int(j)))
    if not kept:
        return score
    order = list(need)
    try:
        vecs = embedder.encode([sentences[i].text for i in order])
    except Exception:  # a broken model must not break the stage
        vecs = None
    if vecs is None or len(vecs) != len(order):
        return score
    out = score.copy()
    for i, j in kept:
        cos = float(vecs[need[i]] @ vecs[need[j]])
        cross_lang = langs[i] != langs[j]
        if cos >= (EMBED_LINK_CROSS if cross_lang else EMBED_LINK):
            boosted = max(float(out[i, j]), link + (cos - EMBED_LINK) * 0.1)
            out[i, j] = out[j, i] = boosted
    return out
