"""The ``crosswire`` command: a thin layer over the stages."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence

from . import __version__
from .model import Article, ReadResult, article_json

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    print(f"crosswire: {msg}", file=sys.stderr)


def _read(paths: Sequence[str]) -> ReadResult:
    from .ingest import read_paths

    result = read_paths(paths)
    for e in result.errors:
        _err(str(e))
    return result


def _write(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_read(args: argparse.Namespace) -> int:
    result = _read(args.paths)
    arts = result.articles
    if args.format == "json":
        text = json.dumps([article_json(a) for a in arts], ensure_ascii=False, indent=2)
    elif args.format == "jsonl":
        text = "\n".join(json.dumps(article_json(a), ensure_ascii=False) for a in arts)
    else:
        parts = []
        for a in arts:
            meta = [f"- id: {a.id}"]
            for k in ("outlet", "published", "dateline", "language"):
                v = getattr(a, k)
                if v:
                    meta.append(f"- {k}: {v}")
            if a.credits:
                meta.append(f"- credits: {', '.join(a.credits)}")
            meta.append(f"- removed blocks: {len(a.removed)}")
            parts.append(f"# {a.title or a.id}\n\n" + "\n".join(meta) + "\n\n" + a.text + "\n")
        text = "\n---\n\n".join(parts)
    _write(text, getattr(args, "output", None))
    return EXIT_INPUT_ERRORS if result.errors else EXIT_OK


def cmd_copies(args: argparse.Namespace) -> int:
    from . import copies

    result = _read(args.paths)
    groups = copies.find_copies(result.articles)
    if args.format == "json":
        text = json.dumps(copies.copies_json(result.articles, groups), ensure_ascii=False, indent=2)
    else:
        text = copies.copies_markdown(result.articles, groups)
    _write(text, None)
    return EXIT_INPUT_ERRORS if result.errors else EXIT_OK


@contextmanager
def _progress(articles: Sequence[Article]) -> Iterator[Callable[[str], None] | None]:
    """A transient Rich progress bar on stderr for a story big enough to take a moment."""
    if not sys.stderr.isatty() or sum(len(a.text) for a in articles) < 20_000:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    stages = ["copies", "facts", "brief"]
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(f"{len(articles)} articles", total=len(stages))

        def step(name: str) -> None:
            done = stages.index(name) if name in stages else 0
            bar.update(task, completed=done, description=f"{len(articles)} articles: {name}")

        yield step


def cmd_brief(args: argparse.Namespace) -> int:
    from .ner import THREAD_VARS, NerWorker
    from .pipeline import brief_for

    # One core for this process's numeric work: multi-threaded BLAS only fights the worker for
    # the other core (its first product alone costs 0.3 s of CPU on a busy machine).  Read by
    # numpy when it loads, so set before the stages import it.
    for var in THREAD_VARS:
        os.environ.setdefault(var, "1")
    # spaCy starts loading in a worker process now, on the other core, while this one reads
    with NerWorker() as ner:
        result = _read(args.paths)
        if not result.articles:
            _err("no articles to brief")
            return EXIT_INPUT_ERRORS
        with _progress(result.articles) as step:
            b = brief_for(result.articles, words=args.words, progress=step, ner=ner)
    from . import render  # (imported once the worker is on its way)

    text = render.render(b, args.format)
    if args.format == "md" and not args.output and sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
        return EXIT_INPUT_ERRORS if result.errors else EXIT_OK
    _write(text, args.output)
    return EXIT_INPUT_ERRORS if result.errors else EXIT_OK


def cmd_stories(args: argparse.Namespace) -> int:
    from . import stories

    result = _read(args.paths)
    res = stories.cluster_stories(result.articles)
    if args.format == "jsonl":
        text = "\n".join(json.dumps({"id": aid, "story": sid}, ensure_ascii=False) for aid, sid in res.assignments)
    else:
        text = stories.stories_markdown(result.articles, res)
    _write(text, None)
    return EXIT_INPUT_ERRORS if result.errors else EXIT_OK


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def cmd_briefs(args: argparse.Namespace) -> int:
    import time

    from . import batch

    if args.jobs is not None and args.jobs < 1:
        _err("--jobs must be at least 1")
        return EXIT_USAGE
    jobs = args.jobs or _cores()
    timeout = args.timeout if args.timeout and args.timeout > 0 else None
    with batch.BatchProgress(sys.stderr.isatty() and not args.quiet) as bar:
        t0 = time.perf_counter()
        rtask = bar.stage("read", 1)
        result = _read(args.paths)
        bar.finish(rtask, len(result.articles), time.perf_counter() - t0)
        if not result.articles:
            _err("no articles to brief")
            return EXIT_INPUT_ERRORS
        try:
            batch.write_briefs(result.articles, args.output, fmt=args.format, min_articles=args.min_articles,
                               progress=bar, jobs=jobs, timeout=timeout, words=args.words)
        except OSError as e:
            _err(f"{args.output}: {e.strerror or e}")
            return EXIT_INPUT_ERRORS
    return EXIT_INPUT_ERRORS if result.errors else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="crosswire", description="Many news reports of the same events, one sourced brief.")
    p.add_argument("--version", action="version", version=f"crosswire {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("read", help="print the cleaned articles")
    r.add_argument("paths", nargs="+")
    r.add_argument("--format", choices=["json", "jsonl", "md"], default="md")
    r.add_argument("-o", "--output")
    r.set_defaults(func=cmd_read)

    c = sub.add_parser("copies", help="group the reports that are copies of one report")
    c.add_argument("paths", nargs="+")
    c.add_argument("--format", choices=["json", "md"], default="md")
    c.set_defaults(func=cmd_copies)

    b = sub.add_parser("brief", help="write the sourced brief of one story")
    b.add_argument("paths", nargs="+")
    b.add_argument("--format", choices=["md", "json", "html"], default="md")
    b.add_argument("-o", "--output")
    b.add_argument("--words", type=int, default=120)
    b.set_defaults(func=cmd_brief)

    s = sub.add_parser("stories", help="group a stream of articles into stories")
    s.add_argument("paths", nargs="+")
    s.add_argument("--format", choices=["jsonl", "md"], default="jsonl")
    s.set_defaults(func=cmd_stories)

    bs = sub.add_parser("briefs", help="one brief per story, plus an index")
    bs.add_argument("paths", nargs="+")
    bs.add_argument("-o", "--output", required=True)
    bs.add_argument("--format", choices=["md", "html", "json"], default="html")
    bs.add_argument("--min-articles", type=int, default=2)
    bs.add_argument("--jobs", type=int, default=None, help="stories briefed in parallel (default: number of cores)")
    bs.add_argument("--timeout", type=float, default=120.0,
                    help="seconds a story's brief may take, plus one per article, before it falls back to "
                         "a summary-only brief (0: no limit)")
    bs.add_argument("--words", type=int, default=120)
    bs.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    bs.set_defaults(func=cmd_briefs)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
