"""The pieces of the Spark engine that are plain Python: no Spark in here, so they can be read and tested alone.

* :func:`article_row` / :func:`row_article`: an :class:`~crosswire.model.Article` as a flat row and back,
  every field kept (a brief written from a row is the brief written from the article).
* :func:`bounded_blocks`: articles tied by blocking edges, strongest ties first, into blocks of
  bounded size (plain connected components of the ties chain a whole stream into one block).
* :func:`cluster_group`: the streaming clusterer on one group of blocks, with the counts of the
  whole stream (document frequencies, repeated openings), so that it decides as on the whole stream.
* :func:`mean_cosine` and :func:`merge_roots`: the second pass, which joins stories that two groups
  built apart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from crosswire.model import Article
from crosswire.stories import NOISE_PREFIX, StoryIndex, StoryParams, cluster_stories, profile_terms

# fmt: off
__all__ = [
    "ARTICLE_FIELDS",
    "LIST_FIELDS",
    "SparkParams",
    "article_row",
    "bounded_blocks",
    "cluster_group",
    "mean_cosine",
    "merge_roots",
    "row_article",
    "signed64",
]
# fmt: on

# fmt: off
ARTICLE_FIELDS = ("id", "text", "title", "outlet", "credits", "published", "dateline", "language", "removed", "path",
                  "url", "headings")
# fmt: on
LIST_FIELDS = frozenset({"credits", "removed", "headings"})


@dataclass(slots=True, frozen=True)
class SparkParams:
    """How the Spark engine cuts a stream into pieces (the clustering's own settings stay in StoryParams).

    Two articles are *tied* when they share ``signature_shared`` of their ``signature_terms`` strongest
    terms among those found in 2 to ``signature_df`` documents of the stream (within the same window of
    ``StoryParams.window_days`` when both are dated), or enough copy fingerprints to be copies.  Ties
    are followed strongest first into blocks of at most ``block_articles`` articles; blocks are packed
    into groups of about ``group_articles`` articles, and each group is clustered as one stream.  The
    stories that two groups built apart are joined when their members' mean cosine reaches ``merge``
    (``None``: the clusterer's own ``join``) and an article of one is tied to an article of the other.
    """

    signature_terms: int = 20
    signature_df: int = 50
    signature_shared: int = 2
    block_articles: int = 500
    group_articles: int = 2000
    merge: float | None = None


def signed64(x: int) -> int:
    """An unsigned 64-bit hash as the signed integer a Spark ``long`` holds."""
    x &= (1 << 64) - 1
    return x - (1 << 64) if x >= 1 << 63 else x


def _none_if_nan(v: Any) -> Any:
    if v is None:
        return None
    return None if isinstance(v, float) and math.isnan(v) else v  # NaN: pandas' missing value


def article_row(a: Article) -> dict[str, Any]:
    """Every field of an article as a flat row (lists stay lists)."""
    return {f: (list(getattr(a, f)) if f in LIST_FIELDS else getattr(a, f)) for f in ARTICLE_FIELDS}


def row_article(row: Any) -> Article:
    """The article of :func:`article_row` (a dict, a pandas row or a Spark Row)."""
    get = row.get if hasattr(row, "get") else lambda k: getattr(row, k, None)
    kw: dict[str, Any] = {}
    for f in ARTICLE_FIELDS:
        v = get(f)
        if f in LIST_FIELDS:
            kw[f] = [str(x) for x in v] if v is not None and not isinstance(v, float) else []
        else:
            v = _none_if_nan(v)
            kw[f] = None if v is None else str(v)
    kw["text"] = kw["text"] or ""
    return Article(**kw)


def bounded_blocks(edges: Iterable[tuple[int, int, float]], limit: int) -> dict[int, int]:
    """Blocks of tied articles: ``{article: block}`` for every article with a tie.

    Ties are followed strongest first (ties of equal strength in a fixed order), and one that would
    make a block larger than ``limit`` is skipped: copies and the many-term ties of one story are
    followed before the one-term bridges that chain unrelated stories together.  A block is named
    by its smallest article.
    """
    parent: dict[int, int] = {}
    size: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    edges = sorted(edges, key=lambda e: (-e[2], e[0], e[1]))
    nodes: set[int] = set()
    for a, b, _w in edges:
        nodes.update((a, b))
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        sa, sb = size.get(ra, 1), size.get(rb, 1)
        if sa + sb > limit:
            continue
        lo, hi = (ra, rb) if ra < rb else (rb, ra)
        parent[hi] = lo
        parent.setdefault(lo, lo)
        size[lo] = sa + sb
    return {x: find(x) for x in nodes}


@dataclass(slots=True)
class GroupResult:
    """What one group gives back: per article its story (``"noise:<id>"`` for a noise page), and per story
    the small profile the second pass reads."""

    assignments: list[tuple[int, str, str]]  # (position, article id, story key or noise id)
    stories: list[dict[str, Any]]


def cluster_group(
    articles: Sequence[tuple[int, Article, int, int, bool, Sequence[str]]],
    df: dict[str, int],
    n_docs: int,
    *,
    group: int = 0,
    params: StoryParams | None = None,
    embedder: Any = None,
) -> GroupResult:
    """Cluster one group as :func:`~crosswire.stories.cluster_stories` would inside the whole stream.

    ``articles``: (position in the stream, article, the hash of its opening, how many articles of the
    whole stream open so, whether it is a noise page, its terms: see
    :func:`~crosswire.stories.article_terms`); ``df``: document frequencies over the whole stream of
    (at least) the group's terms; ``n_docs``: the stream's non-noise articles.  The index handed to the
    clusterer holds the counts of the rest of the stream, so once the group's own are added (as
    ``cluster_stories`` does) IDF, the too-common and rare cuts and the noise decisions are the stream's.
    Story keys are ``"<group>:<story id>"``.
    """
    p = params or StoryParams()
    items = sorted(articles, key=lambda t: t[0])
    own_df: Counter = Counter()
    own_open: Counter = Counter()
    global_open: dict[int, int] = {}
    n_own = 0
    for _pos, _art, opening, repeats, noise, terms in items:
        own_open[opening] += 1
        global_open[opening] = repeats
        if not noise:
            own_df.update(terms)
            n_own += 1
    index = StoryIndex(params=p)
    index.df = Counter({t: df[t] - c for t, c in own_df.items() if df.get(t, 0) - c > 0})
    index.n_docs = max(0, n_docs - n_own)
    index.openings = Counter({h: global_open[h] - c for h, c in own_open.items() if global_open[h] - c > 0})
    res = cluster_stories([t[1] for t in items], state=index, embedder=embedder)
    pos_of = {t[1].id: t[0] for t in items}
    key = {s.id: f"{group}:{s.id}" for s in res.stories}
    assignments = [
        (pos_of[aid], aid, sid if sid.startswith(NOISE_PREFIX) else key[sid]) for aid, sid in res.assignments
    ]
    stories = []
    for s in res.stories:
        pr = res.state.stories[s.id]
        stories.append(
            {
                "story": key[s.id],
                "first_pos": min(pos_of[a] for a in s.articles),
                "size": len(s.articles),
                "roots": len(pr.roots),
                "headline": s.headline,
                "outlets": list(s.outlets),
                "first_date": s.first_date,
                "last_date": s.last_date,
                "terms": profile_terms(res.state, s.id),
            }
        )
    return GroupResult(assignments=assignments, stories=stories)


def mean_cosine(a: dict[str, float], size_a: int, b: dict[str, float], size_b: int) -> float:
    """Mean cosine between the members of two stories, from their summed member vectors (average linkage)."""
    if not size_a or not size_b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items()) / (size_a * size_b)


def merge_roots(pairs: Iterable[tuple[str, str]], first: dict[str, int]) -> dict[str, str]:
    """Stories joined by ``pairs`` (transitively): ``{story: the earliest story of its set}`` for the joined ones."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    nodes: set[str] = set()
    for a, b in sorted(pairs):
        nodes.update((a, b))
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        lo, hi = sorted((ra, rb), key=lambda s: (first.get(s, 0), s))
        parent[hi] = lo
    return {x: find(x) for x in nodes}
