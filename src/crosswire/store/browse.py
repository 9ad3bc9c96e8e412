"""Browsing a store: the ranked story list with filters, search and paging; one story; one article.

What the web app (``crosswire serve``) reads.  Every function is one or a few
indexed queries, so a page costs milliseconds on a store of thousands of
stories.  Search uses the full-text index of migration 0002: SQLite's FTS5 table
``articles_fts`` or PostgreSQL's ``to_tsvector`` over title and text (a SQLite
without FTS5 matches titles instead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, exists, func, inspect, literal_column, or_, select, text

from crosswire.model import Article
from crosswire.store import schema as t
from crosswire.store.add import article_from_row
from crosswire.store.db import Store

Sort = Literal["rank", "recent"]
_WORD = re.compile(r"\w+", re.UNICODE)
_PG_DOCUMENT = "to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text)"


@dataclass(frozen=True)
class StoryQuery:
    """What the story list shows: filters, search words, order and page (1-based)."""

    q: str = ""
    since: str | None = None  # YYYY-MM-DD: stories with a report on or after it
    until: str | None = None  # YYYY-MM-DD: stories with a report on or before it
    language: str | None = None
    outlet: str | None = None
    min_articles: int = 2
    sort: Sort = "rank"
    page: int = 1
    per_page: int = 25


@dataclass
class StoryRow:
    id: str
    headline: str
    articles: int
    sources: int
    first_date: str | None
    last_date: str | None
    live: bool
    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    snippet: str = ""


@dataclass
class StoryPage:
    stories: list[StoryRow]
    total: int
    query: StoryQuery

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


@dataclass
class Member:
    """An article of a story as the story page lists it."""

    uid: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    url: str | None
    is_copy: bool
    latest: bool
    version: int
    content_hash: str


@dataclass
class StoryDetail:
    row: StoryRow
    members: list[Member]  # the latest version of each page, in arrival order
    set_aside: list[Member]  # older versions of its pages, replaced by a newer one


@dataclass
class ArticleDetail:
    article: Article
    story_id: str | None
    is_copy: bool
    noise: bool
    latest: bool
    version: int
    versions: list[Member]  # every stored version at its URL, oldest first (itself included)


def has_fts(store: Store) -> bool:
    """Whether the store has its full-text index (cached on the store object)."""
    cached = getattr(store, "_cw_fts", None)
    if cached is None:
        if store.is_sqlite:
            with store.engine.connect() as conn:
                cached = inspect(conn).has_table("articles_fts")
        else:
            cached = True
        store._cw_fts = cached  # type: ignore[attr-defined]
    return bool(cached)


def search_words(q: str) -> list[str]:
    return _WORD.findall(q or "")[:12]


def _matching(store: Store, q: str) -> ColumnElement[bool] | None:
    """A condition on ``articles`` for the search words (all of them), or None without words."""
    words = search_words(q)
    if not words:
        return None
    a = t.articles.c
    if store.is_sqlite and has_fts(store):
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        fts: Any = (
            select(literal_column("rowid"))
            .select_from(text("articles_fts"))
            .where(text("articles_fts MATCH :cw_match").bindparams(cw_match=match))
        )
        return a.seq.in_(fts)
    if not store.is_sqlite:
        pg: Any = text(f"{_PG_DOCUMENT} @@ plainto_tsquery('simple', :cw_words)").bindparams(cw_words=" ".join(words))
        return pg
    return and_(*[a.title.ilike(f"%{w}%") for w in words])


def _conditions(store: Store, sq: StoryQuery) -> list[ColumnElement[bool]]:
    s, a = t.stories.c, t.articles.c
    cond: list[ColumnElement[bool]] = [s.size >= max(1, sq.min_articles)]
    if sq.since:
        cond.append(or_(s.last_date >= sq.since, s.first_date >= sq.since))
    if sq.until:
        cond.append(or_(s.first_date <= sq.until, s.last_date <= sq.until))
    if sq.language:
        cond.append(exists().where(a.story_id == s.id, a.language == sq.language))
    if sq.outlet:
        cond.append(exists().where(a.story_id == s.id, a.outlet == sq.outlet))
    match = _matching(store, sq.q)
    if match is not None:
        cond.append(s.id.in_(select(a.story_id).where(match, a.story_id.is_not(None))))
    return cond


def list_stories(store: Store, sq: StoryQuery) -> StoryPage:
    """One page of stories: ranked by independent sources then recency (``rank``) or by date (``recent``)."""
    s, b = t.stories.c, t.briefs.c
    cond = _conditions(store, sq)
    if sq.sort == "recent":
        order = [s.last_date.desc().nulls_last(), s.sources.desc(), s.size.desc(), s.id]
    else:
        order = [s.sources.desc(), s.last_date.desc().nulls_last(), s.size.desc(), s.id]
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.stories).where(*cond)).scalar() or 0
        rows = conn.execute(
            select(t.stories)
            .where(*cond)
            .order_by(*order)
            .limit(sq.per_page)
            .offset((max(1, sq.page) - 1) * sq.per_page)
        ).all()
        out = [
            StoryRow(
                id=r.id,
                headline=r.headline or "",
                articles=r.size,
                sources=r.sources,
                first_date=r.first_date,
                last_date=r.last_date,
                live=bool(r.live),
            )
            for r in rows
        ]
        _fill(conn, out)
        if out:
            heads = dict(
                conn.execute(
                    select(b.story_id, b.headline).where(
                        b.story_id.in_([x.id for x in out]), b.format == "json", b.headline.is_not(None)
                    )
                ).all()
            )
            for x in out:
                x.headline = heads.get(x.id) or x.headline
    return StoryPage(stories=out, total=int(total), query=sq)


def _fill(conn: Any, rows: list[StoryRow]) -> None:
    """Outlets, languages, a snippet and a headline (when none) of each story, from its latest articles."""
    if not rows:
        return
    a = t.articles.c
    by_id = {r.id: r for r in rows}
    first: dict[str, Any] = {}
    q = (
        select(a.story_id, a.outlet, a.language, a.title, func.substr(a.text, 1, 400).label("head"))
        .where(a.story_id.in_(list(by_id)), a.latest.is_(True))
        .order_by(a.seq)
    )
    for m in conn.execute(q):
        r = by_id[m.story_id]
        if m.outlet and m.outlet not in r.outlets:
            r.outlets.append(m.outlet)
        if m.language and m.language not in r.languages:
            r.languages.append(m.language)
        first.setdefault(m.story_id, m)
    for sid, m in first.items():
        r = by_id[sid]
        words = " ".join(str(m.head or "").split()).split(" ")
        r.snippet = " ".join(words[:40]) + (" …" if len(words) > 40 else "")
        if not r.headline:
            r.headline = m.title or (" ".join(words[:12]) + (" …" if len(words) > 12 else "")) or sid


def facets(store: Store, *, outlets: int = 200) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(language, articles) and the ``outlets`` most frequent (outlet, articles) of the store."""
    a = t.articles.c
    with store.engine.connect() as conn:
        langs = conn.execute(
            select(a.language, func.count())
            .where(a.language.is_not(None), a.latest.is_(True))
            .group_by(a.language)
            .order_by(func.count().desc())
        ).all()
        outs = conn.execute(
            select(a.outlet, func.count())
            .where(a.outlet.is_not(None), a.latest.is_(True))
            .group_by(a.outlet)
            .order_by(func.count().desc(), a.outlet)
            .limit(outlets)
        ).all()
    return [(str(x), int(n)) for x, n in langs], [(str(x), int(n)) for x, n in outs]


def generation(store: Store) -> tuple[Any, ...]:
    """A marker that changes whenever what the pages show may have changed (new articles, briefs, fetches)."""
    a, s, b, f = t.articles.c, t.stories.c, t.briefs.c, t.feeds.c
    with store.engine.connect() as conn:
        row = conn.execute(
            select(
                select(func.max(a.seq)).scalar_subquery(),
                select(func.max(s.updated)).scalar_subquery(),
                select(func.count()).select_from(t.briefs).scalar_subquery(),
                select(func.max(b.built)).scalar_subquery(),
                select(func.max(f.last_fetch)).scalar_subquery(),
                select(func.count()).select_from(t.feeds).scalar_subquery(),
            )
        ).one()
    return tuple(row)


_MEMBER = (
    t.articles.c.uid,
    t.articles.c.title,
    t.articles.c.outlet,
    t.articles.c.published,
    t.articles.c.language,
    t.articles.c.url,
    t.articles.c.is_copy,
    t.articles.c.latest,
    t.articles.c.version,
    t.articles.c.content_hash,
)


def _member(r: Any) -> Member:
    return Member(
        uid=r.uid,
        title=r.title,
        outlet=r.outlet,
        published=r.published,
        language=r.language,
        url=r.url,
        is_copy=bool(r.is_copy),
        latest=bool(r.latest),
        version=int(r.version or 1),
        content_hash=r.content_hash,
    )


def story(store: Store, sid: str) -> StoryDetail | None:
    """One story with its articles (latest versions) and the older versions set aside; None if unknown."""
    s, a = t.stories.c, t.articles.c
    with store.engine.connect() as conn:
        r = conn.execute(select(t.stories).where(s.id == sid)).first()
        if r is None:
            return None
        row = StoryRow(
            id=r.id,
            headline=r.headline or "",
            articles=r.size,
            sources=r.sources,
            first_date=r.first_date,
            last_date=r.last_date,
            live=bool(r.live),
        )
        _fill(conn, [row])
        ms = [_member(m) for m in conn.execute(select(*_MEMBER).where(a.story_id == sid).order_by(a.seq))]
    members = [m for m in ms if m.latest]
    row.articles = len(members)
    return StoryDetail(row=row, members=members, set_aside=[m for m in ms if not m.latest])


def article(store: Store, uid: str) -> ArticleDetail | None:
    """One stored article (any version) with its story and the versions at its URL; None if unknown."""
    a = t.articles.c
    cols = (
        a.seq,
        a.uid,
        a.text,
        a.title,
        a.outlet,
        a.published,
        a.language,
        a.url,
        a.meta,
        a.story_id,
        a.is_copy,
        a.noise,
        a.latest,
        a.version,
    )
    with store.engine.connect() as conn:
        r = conn.execute(select(*cols).where(a.uid == uid)).first()
        if r is None:
            return None
        versions = []
        if r.url:
            versions = [_member(m) for m in conn.execute(select(*_MEMBER).where(a.url == r.url).order_by(a.seq))]
    return ArticleDetail(
        article=article_from_row(r),
        story_id=r.story_id,
        is_copy=bool(r.is_copy),
        noise=bool(r.noise),
        latest=bool(r.latest),
        version=int(r.version or 1),
        versions=versions,
    )


def set_aside(store: Store, *, limit: int = 500) -> list[Member]:
    """Pages stored but set aside as not articles (cookie walls, indexes...), newest first."""
    a = t.articles.c
    with store.engine.connect() as conn:
        return [
            _member(m)
            for m in conn.execute(select(*_MEMBER).where(a.noise.is_(True)).order_by(a.seq.desc()).limit(limit))
        ]


def count_set_aside(store: Store) -> int:
    a = t.articles.c
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).where(a.noise.is_(True))).scalar() or 0)
