"""Sorting a stream of articles into stories.

The pile a user holds (a day of feeds, an export, a crawl) is read in arrival
order.  Each story keeps a compact *profile*: the capped sum of its members'
sublinear TF-IDF vectors (words, names, numbers), its size, outlets, languages
and dates.  An article's score for a story is its mean cosine with the story's
members (average linkage, computed as one dot product with the profile divided
by the size); it joins the best story above ``join`` or starts one.  A single
reassignment pass (k-means style) then lets each article of the batch move to
the story it fits best now that the batch is known; there an article and a
story that are each other's best match meet at the lower bar ``join_mutual``
(on the Multi-News stream two articles that are each other's nearest neighbour
at cosine 0.12-0.15 are one story about 7 times in 10; a one-sided nearest
neighbour at that cosine, 2 times in 10).  Nothing grows with the square of the
stream:

* terms found in more than ``common_share`` of the documents seen are left out
  of the vectors (they tie everything to everything and carry no story signal);
* candidate stories come from one sparse product over the article's strongest
  *rare* terms only (short postings), at most ``max_candidates`` of them, and
  only those get an exact score.

* **Streaming.**  :class:`StoryIndex` holds everything the next batch needs
  (running document frequencies, profiles, copy fingerprints).
  ``cluster_stories(batch2, state=result1.state)`` lets a new day join
  yesterday's stories without redoing yesterday.
* **Dates.**  When an article and a story both carry a date, the story is
  closed to the article after ``window_days`` of silence.
* **Copies** always land in their original's story: every article leaves a
  content-defined sample of the hashes of its content-word 4-grams, and an
  article sharing a good part of its sample with an earlier story is assigned
  there before any similarity is computed (and never moved by the
  reassignment).
* **Noise.**  Pages that are not articles (cookie walls, login walls, archive
  notices, "enable JavaScript") are recognised from general features -- very
  short text, density of web-interface vocabulary, and an opening repeated
  across many items of the stream -- and kept out of stories.  In
  ``assignments`` each noise page gets a story id of its own,
  ``"noise:<article id>"``, so that scorers see it as a singleton.
* **Languages.**  Reports of one event in another language share names and
  numbers, which retrieve the candidate stories; the multilingual embedding of a
  short lead (title + first two sentences) then decides, and only for such
  cross-language candidates (it costs far more than the lexical path).  Without
  the embedding model the shared anchors decide: at least ``cross_names`` names
  and ``cross_figures`` distinctive figures (one of which may be a shared
  day-and-month date), all rare in the stream, clearly more than any other
  candidate has.  Figures are
  written alike whatever the house style (``14.386``, ``14,386`` and ``14 386``
  are one term, ``3,75`` is ``3.75``) and dates become language-free terms.

How the thresholds were chosen: ``join`` is a mean cosine of sublinear TF-IDF
vectors; on the Multi-News development stream B-cubed F1 is flat (within 0.01)
for 0.155-0.23 (0.19 with ``join_mutual`` 0.13 is the best pair, by 0.006 only),
and on the SemEval-2022 news-similarity training pairs 0.19 is near the lower
quartile of same-story pairs (0.167) and more than twice the upper quartile of
unrelated ones (0.071; ``bench/pairs.py`` prints both).
``common_share`` (5%) and ``rare_share`` (1%) are shares of the stream, so they
scale with it; below ``common_floor`` / ``rare_floor`` documents nothing is
pruned, so small batches behave like plain TF-IDF.  All of them live in
:class:`StoryParams`.
"""

from __future__ import annotations

from typing import Any

from scipy import sparse

from crosswire.model import Article
from crosswire.stories.engine import Engine, csr
from crosswire.stories.listing import profile_story, sid_key
from crosswire.stories.noise import NOISE_PREFIX, is_noise
from crosswire.stories.profiles import (
    Doc,
    StoriesResult,
    StoryIndex,
    StoryParams,
    batch_fingerprints,
    doc_vectors,
    hash_text,
    make_doc,
    story_words,
)

__all__ = ["cluster_stories", "article_vectors", "restore_stories"]


def _prepare(articles: list[Article], index: StoryIndex, *, keep_noise: bool = False) -> tuple[set[int], list[Doc]]:
    """Noise decisions and term counts of a batch; the batch's openings and document frequencies join ``index``.

    Returns the positions of the noise pages and the docs of the other articles
    (of all articles with ``keep_noise``), in order.
    """
    p = index.params
    tokens = [story_words(a.text or "") for a in articles]
    openings = [hash_text(" ".join(t[:12])) for t in tokens]
    index.openings.update(openings)
    noise_set = {
        k
        for k, (a, op) in enumerate(zip(articles, openings, strict=True))
        if is_noise(a, repeats=index.openings[op], params=p, tokens=tokens[k])
    }
    docs: list[Doc] = []
    for k, a in enumerate(articles):
        if k in noise_set and not keep_noise:
            continue
        d = make_doc(a, p, toks=tokens[k])
        docs.append(d)
        index.n_docs += 1
        index.df.update(d.counts.keys())
    return noise_set, docs


def article_vectors(
    articles: list[Article], params: StoryParams | None = None, *, keep_noise: bool = False
) -> tuple[sparse.csr_matrix, list[bool]]:
    """The unit vectors the clusterer compares, one row per article, and its noise decisions.

    Rows are the sublinear TF-IDF vectors :func:`cluster_stories` builds for a
    batch of these articles on a fresh index (document frequencies over the
    batch, too-common terms dropped, at most ``article_terms`` terms), so the
    dot product of two rows is the cosine the clusterer sees.  Noise pages get
    an empty row unless ``keep_noise`` (then they are vectorised like articles
    and count in the document frequencies).  For studies and diagnostics.
    """
    index = StoryIndex(params=params or StoryParams())
    articles = [a for a in articles if isinstance(a, Article)]
    noise_set, docs = _prepare(articles, index, keep_noise=keep_noise)
    vecs = doc_vectors(docs, index, index.params.article_terms, index.common())
    rows: list[dict[int, float]] = []
    it = iter(vecs)
    for k in range(len(articles)):
        rows.append({} if k in noise_set and not keep_noise else next(it))
    flags = [k in noise_set for k in range(len(articles))]
    return csr(rows, len(index.vocab)), flags


def cluster_stories(
    articles: list[Article],
    *,
    state: StoryIndex | None = None,
    embedder: Any = None,
    params: StoryParams | None = None,
) -> StoriesResult:
    """Sort a batch of articles (in arrival order) into stories.

    ``state`` is the index returned by the previous batch (``result.state``);
    it is updated in place and returned.  ``embedder`` is an
    :class:`crosswire.text.embed.Embedder`; ``None`` loads the default one lazily,
    only if a cross-language decision comes up; ``False`` disables it.
    ``params`` apply to a new index only (an existing index keeps its own).
    """
    index = state if state is not None else StoryIndex(params=params or StoryParams())
    p = index.params
    articles = [a for a in articles if isinstance(a, Article)]
    noise_set, docs = _prepare(articles, index)
    noise = [articles[k].id for k in sorted(noise_set)]
    prints = batch_fingerprints([d.words for d in docs], p.shingle, p.fingerprints, p.fingerprint_rate)
    for d, fp in zip(docs, prints, strict=True):
        d.prints = fp
        d.words = []

    engine = Engine(index, embedder)
    nums, vecs, fixed = engine.run(docs)
    nums = engine.refine(docs, nums, vecs, fixed)
    engine.close_silent()

    story_of = {d.article.id: index.profile(n).id for d, n in zip(docs, nums, strict=True)}
    assignments: list[tuple[str, str]] = []
    for k, a in enumerate(articles):
        if k in noise_set:
            assignments.append((a.id, NOISE_PREFIX + a.id))
        else:
            assignments.append((a.id, story_of[a.id]))
    ids = dict.fromkeys(story_of.values())
    stories = [profile_story(index.stories[s]) for s in ids]
    stories.sort(key=lambda s: (-s.sources, -len(s.articles), sid_key(s.id)))
    return StoriesResult(stories=stories, noise=noise, assignments=assignments, state=index)


def restore_stories(
    articles: list[Article],
    story_ids: list[str | None],
    *,
    state: StoryIndex | None = None,
    params: StoryParams | None = None,
) -> StoryIndex:
    """Fold articles whose stories are already decided into an index, deciding nothing.

    ``story_ids[k]`` is the story of ``articles[k]`` (``None`` or a ``"noise:"``
    id for a page kept out of stories).  Document frequencies, openings,
    copy fingerprints and profiles are updated as :func:`cluster_stories`
    would have left them had it made these decisions, so a store can rebuild
    the streaming state from its stored assignments (or bring a saved state up
    to date with the articles committed after it) and carry on.
    """
    index = state if state is not None else StoryIndex(params=params or StoryParams())
    p = index.params
    pairs = [(a, s) for a, s in zip(articles, story_ids, strict=True) if isinstance(a, Article)]
    if not pairs:
        return index
    tokens = [story_words(a.text or "") for a, _ in pairs]
    index.openings.update(hash_text(" ".join(t[:12])) for t in tokens)
    docs: list[Doc] = []
    sids: list[str] = []
    for (a, sid), toks in zip(pairs, tokens, strict=True):
        if not sid or sid.startswith(NOISE_PREFIX):
            continue
        d = make_doc(a, p, toks=toks)
        docs.append(d)
        sids.append(sid)
        index.n_docs += 1
        index.df.update(d.counts.keys())
    prints = batch_fingerprints([d.words for d in docs], p.shingle, p.fingerprints, p.fingerprint_rate)
    engine = Engine(index, False)
    vecs = doc_vectors(docs, index, p.article_terms, index.common())
    engine.restore(docs, prints, vecs, sids)
    return index
