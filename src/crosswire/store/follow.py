"""Feeds in a store: adding them, one fetch pass over all of them, and the watch loop."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from crosswire.feeds.fetch import Fetcher, FetchError, FetchPolicy
from crosswire.feeds.parse import FeedParseError, entry_article, page_article, parse_feed, parse_opml
from crosswire.read.ingest import decode_bytes
from crosswire.store import schema as t
from crosswire.store.add import AddSummary, Clusterer, add_articles
from crosswire.store.db import Store

MAX_BACKOFF = 6 * 3600.0  # a failing feed is retried at least this often


class FeedError(Exception):
    """A feed that cannot be added (one line)."""


def _looks_opml(data: bytes) -> bool:
    return b"<opml" in data[:2048].lower()


def add_feeds(store: Store, source: str, *, fetcher: Fetcher | None = None) -> list[str]:
    """Add a feed URL, or every feed of an OPML file (path or URL); returns the URLs newly added."""
    urls: list[tuple[str, str | None]]
    if "://" not in source:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise FeedError(f"{source}: {e.strerror or 'cannot read'}") from None
        try:
            urls = parse_opml(data)
        except FeedParseError as e:
            raise FeedError(f"{source}: {e}") from None
        if not urls:
            raise FeedError(f"{source}: no feeds in this OPML file")
    elif source.lower().endswith(".opml") and fetcher is not None:
        try:
            urls = parse_opml(fetcher.get(source, kind="feed").content)
        except (FetchError, FeedParseError) as e:
            raise FeedError(str(e) if isinstance(e, FetchError) else f"{source}: {e}") from None
    else:
        if not source.lower().startswith(("http://", "https://")):
            raise FeedError(f"{source}: only http and https feeds can be followed")
        urls = [(source, None)]
    added = []
    now = time.time()
    with store.engine.begin() as conn:
        known = set(conn.execute(select(t.feeds.c.url)).scalars())
        for url, title in urls:
            if url in known:
                continue
            conn.execute(t.feeds.insert().values(url=url, title=title, added=now, errors=0))
            known.add(url)
            added.append(url)
    return added


def list_feeds(store: Store) -> list[Any]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(t.feeds).order_by(t.feeds.c.id)).all())


@dataclass
class FeedResult:
    url: str
    status: str  # "new entries", "not modified", "error", ...
    summary: AddSummary = field(default_factory=AddSummary)
    error: str | None = None


@dataclass
class PassResult:
    feeds: list[FeedResult] = field(default_factory=list)
    summary: AddSummary = field(default_factory=AddSummary)
    pages_fetched: int = 0


def _logger(store: Store, feed_id: int | None) -> Callable[[str, str, int | None, float, str | None], None]:
    def log(kind: str, url: str, status: int | None, seconds: float, error: str | None) -> None:
        with store.engine.begin() as conn:
            conn.execute(
                t.fetch_log.insert().values(
                    feed_id=feed_id,
                    url=url[:2048],
                    kind=kind,
                    started=time.time() - seconds,
                    seconds=seconds,
                    status=status,
                    error=error,
                )
            )

    return log


def _known_urls(store: Store, urls: list[str]) -> set[str]:
    found: set[str] = set()
    with store.engine.connect() as conn:
        for k in range(0, len(urls), 500):
            query = select(t.articles.c.url).where(t.articles.c.url.in_(urls[k : k + 500]))
            found.update(conn.execute(query).scalars())
    return found


def fetch_feed(
    store: Store,
    feed: Any,
    fetcher: Fetcher,
    clusterer: Clusterer,
    *,
    stop: Callable[[], bool],
    every: float,
    result: PassResult,
) -> FeedResult:
    """Fetch one feed (conditional GET), store its new entries; the feed's fetch state is updated."""
    fetcher.log = _logger(store, feed.id)
    now = time.time()
    out = FeedResult(url=feed.url, status="")
    state: dict[str, Any] = {"last_fetch": now}
    try:
        r = fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified, kind="feed")
        state["last_status"] = r.status
        if r.not_modified:
            out.status = "not modified"
        else:
            parsed = parse_feed(r.content)
            state["title"] = feed.title or parsed.title
            fresh = list(parsed.entries)
            known = _known_urls(store, [e.url for e in fresh if e.url])
            fresh = [e for e in fresh if not (e.url and e.url in known)]
            arts = []
            errors = 0
            again = False  # an entry to try again: keep no validators, so the next pass reads the whole feed
            for e in fresh:
                if stop():
                    again = True
                    break
                art = entry_article(e, state["title"])
                if art is None and e.url:
                    try:
                        page = fetcher.get(e.url, kind="page")
                        result.pages_fetched += 1
                        art = page_article(e, decode_bytes(page.content), page.url, state["title"])
                        if art is None:
                            fetcher.note("page", e.url, page.status, 0.0, f"{e.url}: no article text found on the page")
                    except FetchError as err:
                        # a timeout, a refused connection or a 5xx may pass; robots.txt or a 404 will not
                        again = again or err.may_pass
                        art = None
                if art is not None:
                    arts.append(art)
                else:
                    errors += 1
            s = add_articles(store, arts, clusterer=clusterer, feed_id=feed.id, stop=stop, save=False)
            s.errors += errors
            again = again or s.new + s.stored < len(arts)  # stopped before the end
            if not again:
                state["etag"] = r.headers.get("etag")
                state["last_modified"] = r.headers.get("last-modified")
            out.summary = s
            out.status = f"{s.new} new"
        state.update(last_ok=now, errors=0, last_error=None, next_fetch=None)
    except (FetchError, FeedParseError) as e:
        msg = str(e) if isinstance(e, FetchError) else f"{feed.url}: {e}"
        if isinstance(e, FeedParseError):
            fetcher.note("feed", feed.url, 200, 0.0, msg)
        n = (feed.errors or 0) + 1
        state.update(errors=n, last_error=msg, next_fetch=now + min(every * 2 ** (n - 1), MAX_BACKOFF))
        out.status, out.error = "error", msg
        out.summary.errors += 1
    with store.engine.begin() as conn:
        conn.execute(update(t.feeds).where(t.feeds.c.id == feed.id).values(**state))
    return out


def _failed(store: Store, feed: Any, msg: str, every: float) -> None:
    now = time.time()
    n = (feed.errors or 0) + 1
    # if the store itself is failing, the feed is simply tried again next pass
    with contextlib.suppress(Exception), store.engine.begin() as conn:
        conn.execute(
            update(t.feeds)
            .where(t.feeds.c.id == feed.id)
            .values(last_fetch=now, errors=n, last_error=msg, next_fetch=now + min(every * 2 ** (n - 1), MAX_BACKOFF))
        )
        conn.execute(
            t.fetch_log.insert().values(feed_id=feed.id, url=feed.url, kind="feed", started=now, seconds=0.0, error=msg)
        )


def fetch_all(
    store: Store,
    *,
    policy: FetchPolicy | None = None,
    clusterer: Clusterer | None = None,
    stop: Callable[[], bool] = lambda: False,
    every: float = 900.0,
    force: bool = False,
    on_feed: Callable[[FeedResult], None] | None = None,
) -> PassResult:
    """One pass over every feed that is due (a failing feed waits out its back-off unless ``force``)."""
    result = PassResult()
    cl = clusterer or Clusterer(store)
    now = time.time()
    with Fetcher(policy) as fetcher:
        for feed in list_feeds(store):
            if stop():
                break
            if not force and feed.next_fetch and feed.next_fetch > now:
                continue
            try:
                fr = fetch_feed(store, feed, fetcher, cl, stop=stop, every=every, result=result)
            except Exception as e:  # noqa: BLE001 - one feed's defect must not stop the others
                msg = f"{feed.url}: {type(e).__name__}: {' '.join(str(e).split())[:160]}"
                fr = FeedResult(url=feed.url, status="error", error=msg)
                fr.summary.errors += 1
                _failed(store, feed, msg, every)
            result.feeds.append(fr)
            result.summary.merge(fr.summary)
            if on_feed is not None:
                on_feed(fr)
    with store.writer():
        cl.save(final=True, force=stop())  # a stopping watch saves whatever it has
    return result


def watch(
    store: Store,
    *,
    every: float = 900.0,
    policy: FetchPolicy | None = None,
    on_pass: Callable[[PassResult], None] | None = None,
    on_feed: Callable[[FeedResult], None] | None = None,
    stop_event: threading.Event | None = None,
    passes: int | None = None,
) -> int:
    """Fetch every ``every`` seconds until SIGINT/SIGTERM (or ``passes`` passes); returns the passes made.

    A signal stops the loop between two articles: the article being stored is
    committed or not at all, the clusterer state is saved, and the process exits.
    """
    stop = stop_event or threading.Event()
    old: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            old[sig] = signal.signal(sig, lambda *_: stop.set())
    cl = Clusterer(store)
    n = 0
    try:
        while not stop.is_set():
            res = fetch_all(store, policy=policy, clusterer=cl, stop=stop.is_set, every=every, on_feed=on_feed)
            n += 1
            if on_pass is not None:
                on_pass(res)
            if passes is not None and n >= passes:
                break
            stop.wait(every)
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
    return n
