"""The store commands of ``crosswire``: add, feeds, fetch, watch, status, and --db for stories and briefs.

:func:`register` adds the subcommands to the main parser; every function
returns an exit status and says what went wrong in one line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
_MISSING = "the store commands need the 'store' extra: pip install 'crosswire[store]'"


def _err(msg: str) -> None:
    print(f"crosswire: {msg}", file=sys.stderr)


def _open(args: argparse.Namespace, *, create: bool = True) -> Any:
    """The store of ``--db``, or None after saying why it cannot be opened."""
    try:
        from crosswire.store.db import StoreError, open_store
    except ImportError as e:  # sqlalchemy / alembic not installed
        _err(f"{_MISSING} ({e.name} is missing)")
        return None
    try:
        return open_store(args.db, create=create)
    except StoreError as e:
        _err(str(e))
        return None


def _policy(args: argparse.Namespace) -> Any:
    from crosswire.feeds.fetch import FetchPolicy

    return FetchPolicy(allow_private=args.allow_private, delay=args.delay)


def duration(value: str) -> float:
    """An argparse type: ``90``, ``90s``, ``15m``, ``2h`` as seconds (more than 0)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value)
    if not m:
        raise argparse.ArgumentTypeError(f"{value!r} is not a duration (like 90s, 15m or 1h)")
    x = float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]
    if x <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return x


def cmd_add(args: argparse.Namespace) -> int:
    store = _open(args)
    if store is None:
        return EXIT_ERRORS
    from crosswire.read.ingest import read_paths
    from crosswire.store.add import AddSummary, add_articles

    files = [p for p in args.paths if "://" not in p]
    urls = [p for p in args.paths if "://" in p]
    summary = AddSummary()
    result = read_paths(files) if files else None
    errors: list[str] = [str(e) for e in result.errors] if result else []
    arts = list(result.articles) if result else []
    if urls:
        from crosswire.feeds.fetch import Fetcher, FetchError
        from crosswire.feeds.parse import Entry, page_article
        from crosswire.read.ingest import decode_bytes

        with Fetcher(_policy(args)) as fetcher:
            for url in urls:
                try:
                    page = fetcher.get(url, kind="page")
                    art = page_article(
                        Entry(guid=url, url=url, title=None, published=None), decode_bytes(page.content), page.url, None
                    )
                    if art is None:
                        errors.append(f"{url}: no article text found")
                    else:
                        arts.append(art)
                except FetchError as failure:
                    errors.append(str(failure))
    for message in errors:
        _err(message)
    summary.errors = len(errors)
    try:
        summary.merge(add_articles(store, arts))
    except KeyboardInterrupt:
        _err("interrupted; the articles stored so far are kept")
        return 130
    print(summary.line())
    return EXIT_ERRORS if summary.errors else EXIT_OK


def cmd_feeds_add(args: argparse.Namespace) -> int:
    store = _open(args)
    if store is None:
        return EXIT_ERRORS
    from crosswire.feeds.fetch import Fetcher
    from crosswire.store.follow import FeedError, add_feeds

    status = EXIT_OK
    with Fetcher(_policy(args)) as fetcher:
        for source in args.sources:
            try:
                added = add_feeds(store, source, fetcher=fetcher)
            except FeedError as e:
                _err(str(e))
                status = EXIT_ERRORS
                continue
            print(f"{source}: {len(added)} feed{'s' if len(added) != 1 else ''} added")
    return status


def cmd_feeds_list(args: argparse.Namespace) -> int:
    store = _open(args)
    if store is None:
        return EXIT_ERRORS
    from crosswire.store.follow import list_feeds
    from crosswire.store.query import iso_time as _iso

    rows = list_feeds(store)
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "url": r.url,
                        "title": r.title,
                        "last_fetch": _iso(r.last_fetch),
                        "last_ok": _iso(r.last_ok),
                        "status": r.last_status,
                        "errors": r.errors,
                        "last_error": r.last_error,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    if not rows:
        print("no feeds (crosswire feeds add URL)")
    for r in rows:
        state = (
            f"failing ({r.errors}x): {r.last_error}"
            if r.errors
            else (f"ok {_iso(r.last_ok)}" if r.last_ok else "never fetched")
        )
        print(f"{r.url}  {r.title or ''}  [{state}]")
    return EXIT_OK


def _feed_line(fr: Any) -> None:
    line = f"{fr.url}: {fr.status}" + (f" ({fr.error})" if fr.error and fr.error not in fr.status else "")
    print(line, flush=True)


def cmd_fetch(args: argparse.Namespace) -> int:
    store = _open(args)
    if store is None:
        return EXIT_ERRORS
    from crosswire.store.follow import fetch_all

    res = fetch_all(store, policy=_policy(args), force=args.force, on_feed=None if args.quiet else _feed_line)
    print(res.summary.line())
    return EXIT_ERRORS if any(f.error for f in res.feeds) else EXIT_OK


def cmd_watch(args: argparse.Namespace) -> int:
    store = _open(args)
    if store is None:
        return EXIT_ERRORS
    from crosswire.store.follow import watch

    def done(res: Any) -> None:
        print(f"pass: {res.summary.line()}", flush=True)

    n = watch(
        store,
        every=args.every,
        policy=_policy(args),
        on_pass=done,
        on_feed=None if args.quiet else _feed_line,
        passes=args.passes,
    )
    print(f"stopped after {n} pass{'es' if n != 1 else ''}", flush=True)
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    store = _open(args, create=False)
    if store is None:
        return EXIT_ERRORS
    from crosswire.store.query import status, status_text

    st = status(store)
    print(json.dumps(st, ensure_ascii=False, indent=2) if args.format == "json" else status_text(st))
    return EXIT_OK


def stories_from_db(args: argparse.Namespace, write: Callable[[str, str | None], bool]) -> int:
    """``crosswire stories --db``: the stored stories, as JSONL assignments or Markdown."""
    store = _open(args, create=False)
    if store is None:
        return EXIT_ERRORS
    from crosswire.store import query

    if args.format == "jsonl":
        text = "\n".join(json.dumps({"id": a, "story": s}, ensure_ascii=False) for a, s in query.assignments(store))
    else:
        from crosswire.stories import StoriesResult, stories_markdown

        sts = query.stories(store)
        arts = query.articles(store)
        noise = [a for a, s in query.assignments(store) if s.startswith("noise:")]
        text = stories_markdown(arts, StoriesResult(stories=sts, noise=noise, assignments=[], state=None))  # type: ignore[arg-type]
    return EXIT_OK if write(text, args.output) else EXIT_ERRORS


def briefs_from_db(args: argparse.Namespace, jobs: int, timeout: float | None) -> int:
    """``crosswire briefs --db``: brief the stories whose articles changed since their last brief."""
    store = _open(args, create=False)
    if store is None:
        return EXIT_ERRORS
    from crosswire.batch import BatchProgress
    from crosswire.store.briefs import write_store_briefs

    with BatchProgress(sys.stderr.isatty() and not args.quiet) as bar:
        try:
            run = write_store_briefs(
                store,
                args.output,
                fmt=args.format,
                min_articles=args.min_articles,
                jobs=jobs,
                timeout=timeout,
                words=args.words,
                progress=bar,
            )
        except OSError as e:
            _err(f"{args.output}: {e.strerror or e}")
            return EXIT_ERRORS
    print(f"{len(run.built)} briefs written, {len(run.kept)} up to date, {len(run.failed)} failed; index: {run.index}")
    return EXIT_ERRORS if run.failed else EXIT_OK


def db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL_OR_PATH",
        default=None,
        help="the store: a SQLite file or a postgresql:// URL (default: $CROSSWIRE_DB or crosswire.db)",
    )


def _fetch_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="fetch hosts on loopback, private or link-local addresses (intranet feeds, tests)",
    )
    p.add_argument("--delay", type=float, default=1.0, metavar="S", help="seconds between two requests to one host")


def register(sub: Any) -> None:
    """Add the store commands to the ``crosswire`` subparsers."""
    a = sub.add_parser(
        "add",
        help="store articles (files, directories, page URLs) and sort them into stories",
        description="Store articles once (by URL and content) and sort the new ones into stories.",
    )
    a.add_argument(
        "paths",
        nargs="+",
        metavar="PATH|URL",
        help="files or directories to read as `crosswire read` does, or http(s) URLs of pages to fetch",
    )
    db_option(a)
    _fetch_options(a)
    a.set_defaults(func=cmd_add)

    f = sub.add_parser("feeds", help="the feeds a store follows", description="Add or list the feeds a store follows.")
    fs = f.add_subparsers(dest="feeds_command", required=True, metavar="ACTION", help="add or list")
    fa = fs.add_parser(
        "add",
        help="follow a feed URL, or every feed of an OPML file",
        description="Follow feeds: each URL is fetched once to check it is a feed; an OPML file adds its feeds.",
    )
    fa.add_argument("sources", nargs="+", metavar="URL|OPML", help="feed URLs (RSS, Atom, JSON Feed) or OPML files")
    db_option(fa)
    _fetch_options(fa)
    fa.set_defaults(func=cmd_feeds_add)
    fl = fs.add_parser(
        "list",
        help="the feeds followed, with their fetch state",
        description="List the feeds a store follows, with their last fetch and errors.",
    )
    fl.add_argument("--format", choices=["text", "json"], default="text", help="a table (default) or JSON")
    db_option(fl)
    fl.set_defaults(func=cmd_feeds_list)

    fe = sub.add_parser(
        "fetch",
        help="one pass over every feed: store the new entries",
        description="Fetch every feed once (conditional GET) and store its new entries.",
    )
    db_option(fe)
    _fetch_options(fe)
    fe.add_argument("--force", action="store_true", help="also fetch feeds that are backing off after errors")
    fe.add_argument("-q", "--quiet", action="store_true", help="only the summary line")
    fe.set_defaults(func=cmd_fetch)

    w = sub.add_parser(
        "watch",
        help="fetch the feeds again and again (Ctrl-C or SIGTERM stops cleanly)",
        description="Fetch every feed, wait, again, until interrupted.",
    )
    db_option(w)
    _fetch_options(w)
    w.add_argument(
        "--every", type=duration, default=900.0, metavar="DURATION", help="time between passes (default: 15m)"
    )
    w.add_argument("--passes", type=int, default=None, metavar="N", help="stop after N passes")
    w.add_argument("-q", "--quiet", action="store_true", help="only one line per pass")
    w.set_defaults(func=cmd_watch)

    s = sub.add_parser(
        "status",
        help="what a store holds",
        description="Counts of a store: articles, stories, briefs, feeds, the last fetch and recent errors.",
    )
    db_option(s)
    s.add_argument("--format", choices=["text", "json"], default="text", help="lines of text (default) or JSON")
    s.set_defaults(func=cmd_status)
