"""Reading a store: stories, assignments, counts.  Readers never take the writer lock."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import func, select

from crosswire.model import Article, Story
from crosswire.store import schema as t
from crosswire.store.add import article_from_row
from crosswire.store.db import Store


def assignments(store: Store) -> list[tuple[str, str]]:
    """(article id, story id) in arrival order; a page that is not an article has ``noise:<id>``."""
    a = t.articles.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(a.uid, a.story_id).order_by(a.seq)).all()
    return [(r.uid, r.story_id or f"noise:{r.uid}") for r in rows]


def stories(store: Store, *, latest_only: bool = True) -> list[Story]:
    """Every story with its members (latest versions of each page), ranked by independent sources."""
    a = t.articles.c
    with store.engine.connect() as conn:
        q = select(a.uid, a.story_id, a.outlet, a.is_copy).where(a.story_id.is_not(None))
        if latest_only:
            q = q.where(a.latest.is_(True))
        members: dict[str, list[Any]] = {}
        for r in conn.execute(q.order_by(a.seq)):
            members.setdefault(r.story_id, []).append(r)
        out = []
        for r in conn.execute(select(t.stories)):
            ms = members.get(r.id, [])
            if not ms:
                continue
            out.append(
                Story(
                    id=r.id,
                    articles=[m.uid for m in ms],
                    headline=r.headline,
                    outlets=list(dict.fromkeys(m.outlet for m in ms if m.outlet)),
                    first_date=r.first_date,
                    last_date=r.last_date,
                    sources=max(1, sum(1 for m in ms if not m.is_copy)),
                )
            )
    out.sort(key=lambda st: (-st.sources, -len(st.articles), int(st.id[1:]) if st.id[1:].isdigit() else 0))
    return out


def articles(store: Store, uids: list[str] | None = None) -> list[Article]:
    """The stored articles (all, or those of ``uids``), in arrival order."""
    a = t.articles.c
    cols = (a.seq, a.uid, a.text, a.title, a.outlet, a.published, a.language, a.url, a.meta)
    out: list[Article] = []
    with store.engine.connect() as conn:
        if uids is None:
            return [article_from_row(r) for r in conn.execute(select(*cols).order_by(a.seq))]
        rows: list[Any] = []
        want = sorted(set(uids))
        for k in range(0, len(want), 500):
            rows += conn.execute(select(*cols).where(a.uid.in_(want[k : k + 500]))).all()
    rows.sort(key=lambda r: r.seq)
    out = [article_from_row(r) for r in rows]
    return out


def status(store: Store) -> dict[str, Any]:
    """Counts: articles, stories (live ones), briefs, feeds (failing ones), the last fetch and recent errors."""
    a, s, f, log = t.articles.c, t.stories.c, t.feeds.c, t.fetch_log.c
    day_ago = time.time() - 86400
    with store.engine.connect() as conn:

        def one(q: Any) -> Any:
            return conn.execute(q).scalar() or 0

        last = conn.execute(
            select(log.started, log.url, log.status, log.error)
            .where(log.kind == "feed")
            .order_by(log.started.desc())
            .limit(1)
        ).first()
        return {
            "db": store.display,
            "articles": one(select(func.count()).select_from(t.articles)),
            "versions": one(select(func.count()).where(a.latest.is_(False))),
            "noise": one(select(func.count()).where(a.noise.is_(True))),
            "stories": one(select(func.count()).select_from(t.stories)),
            "live_stories": one(select(func.count()).where(s.live.is_(True))),
            "briefs": one(select(func.count()).select_from(t.briefs)),
            "feeds": one(select(func.count()).select_from(t.feeds)),
            "failing_feeds": one(select(func.count()).where(f.errors > 0)),
            "last_fetch": None
            if last is None
            else {"at": iso_time(last.started), "url": last.url, "status": last.status, "error": last.error},
            "errors_24h": one(select(func.count()).where(log.error.is_not(None), log.started >= day_ago)),
        }


def iso_time(ts: float | None) -> str | None:
    if ts is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def status_text(st: dict[str, Any]) -> str:
    lines = [
        f"store: {st['db']}",
        f"articles: {st['articles']} ({st['versions']} older versions, {st['noise']} not articles)",
        f"stories: {st['stories']} ({st['live_stories']} live)",
        f"briefs: {st['briefs']}",
        f"feeds: {st['feeds']} ({st['failing_feeds']} failing)",
    ]
    lf = st["last_fetch"]
    if lf:
        what = f"error: {lf['error']}" if lf["error"] else f"HTTP {lf['status']}"
        lines.append(f"last fetch: {lf['at']} {lf['url']} ({what})")
    else:
        lines.append("last fetch: never")
    lines.append(f"fetch errors in the last 24 h: {st['errors_24h']}")
    return "\n".join(lines)
