"""The ``crosswire`` command: a thin layer over the stages."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from crosswire import __version__
from crosswire.model import Article, ReadResult, article_json

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    from crosswire.text.safe import terminal

    print(f"crosswire: {terminal(msg)}", file=sys.stderr)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised in the main thread so that a run stops as on Ctrl-C (the index of
    the briefs finished so far is written); see :func:`terminate_like_interrupt`."""

    def __init__(self, signum: int = signal.SIGTERM) -> None:
        super().__init__(signum)
        self.signum = signum


_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def terminate_like_interrupt() -> Callable[[], None]:
    """Make SIGTERM and SIGHUP raise :class:`Terminated` in the main thread; returns what puts the old
    handlers back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, frame: Any) -> None:
        raise Terminated(signum)

    old = {sig: signal.signal(sig, handler) for sig in _STOP_SIGNALS}

    def restore() -> None:
        for sig, h in old.items():
            signal.signal(sig, h)

    return restore


def _read(paths: Sequence[str]) -> ReadResult:
    from crosswire.read.ingest import read_paths

    result = read_paths(paths)
    for e in result.errors:
        _err(str(e))
    for w in result.warnings:  # e.g. a duplicate id made unique: said, but not an error
        _err(f"warning: {w}")
    return result


def _write(text: str, out: str | None) -> bool:
    """Write ``text`` to the file ``out`` (or stdout); on failure say why in one line and return False."""
    if out:
        from crosswire.text.atomic import write_text

        try:
            write_text(out, text)  # a full disk or a kill leaves the old file, never a fragment
        except OSError as e:
            _err(f"{out}: cannot write ({e.strerror or type(e).__name__})")
            return False
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    return True


def _output_problem(out: str | None, *, directory: bool = False) -> str | None:
    """Why ``out`` cannot be written, checked before any work is done; None when it looks fine."""
    if not out:
        return None
    path = Path(out)
    if directory:
        if path.exists() and not path.is_dir():
            return f"{out}: exists and is not a directory"
        return None
    if path.is_dir():
        return f"{out}: is a directory, not a file"
    parent = path.parent
    if not parent.is_dir():
        return f"{out}: directory {str(parent)!r} does not exist"
    return None


def _status(result: ReadResult, written: bool = True) -> int:
    return EXIT_INPUT_ERRORS if result.errors or not written else EXIT_OK


def cmd_read(args: argparse.Namespace) -> int:
    if problem := _output_problem(args.output):
        _err(problem)
        return EXIT_USAGE
    result = _read(args.paths)
    arts = result.articles
    if args.format == "json":
        text = json.dumps([article_json(a) for a in arts], ensure_ascii=False, indent=2)
    elif args.format == "jsonl":
        text = "\n".join(json.dumps(article_json(a), ensure_ascii=False) for a in arts)
    else:
        from crosswire.text.safe import md_code, md_inline, md_paragraphs

        parts = []
        for a in arts:  # every value from the input escaped: it renders as text, never as markup
            meta = [f"- id: {md_code(a.id)}"]
            for k in ("outlet", "published", "dateline", "language"):
                v = getattr(a, k)
                if v:
                    meta.append(f"- {k}: {md_inline(v)}")
            if a.credits:
                meta.append(f"- credits: {md_inline(', '.join(a.credits))}")
            meta.append(f"- removed blocks: {len(a.removed)}")
            parts.append(
                f"# {md_inline(a.title or a.id)}\n\n" + "\n".join(meta) + "\n\n" + md_paragraphs(a.text) + "\n"
            )
        text = "\n---\n\n".join(parts)
    return _status(result, _write(text, args.output))


def cmd_copies(args: argparse.Namespace) -> int:
    from crosswire import copies

    if problem := _output_problem(args.output):
        _err(problem)
        return EXIT_USAGE
    result = _read(args.paths)
    groups = copies.find_copies(result.articles)
    if args.format == "json":
        text = json.dumps(copies.copies_json(result.articles, groups), ensure_ascii=False, indent=2)
    else:
        text = copies.copies_markdown(result.articles, groups)
    return _status(result, _write(text, args.output))


@contextmanager
def _progress(articles: Sequence[Article]) -> Iterator[Callable[[str], None] | None]:
    """A transient Rich progress bar on stderr for a story big enough to take a moment."""
    if not sys.stderr.isatty() or sum(len(a.text) for a in articles) < 20_000:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    stages = ["copies", "facts", "brief"]
    with Progress(
        TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=Console(stderr=True), transient=True
    ) as bar:
        task = bar.add_task(f"{len(articles)} articles", total=len(stages))

        def step(name: str) -> None:
            done = stages.index(name) if name in stages else 0
            bar.update(task, completed=done, description=f"{len(articles)} articles: {name}")

        yield step


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        default="en",
        metavar="LANG",
        help="the reader's language, a two-letter code (default: en): headline, summary and "
        "facts are told from reports in it; a story with none is briefed in its own "
        "language and says so",
    )


def cmd_quotes(args: argparse.Namespace) -> int:
    from crosswire.facts.speakers import render_report, who_said_what

    if problem := _output_problem(args.output):
        _err(problem)
        return EXIT_USAGE
    result = _read(args.paths)
    text = render_report(who_said_what(result.articles), args.format)
    return _status(result, _write(text, args.output))


def cmd_brief(args: argparse.Namespace) -> int:
    from crosswire.pipeline import brief_for
    from crosswire.text.ner import THREAD_VARS, NerWorker

    if problem := _output_problem(args.output):
        _err(problem)
        return EXIT_USAGE
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
            b = brief_for(result.articles, words=args.words, progress=step, ner=ner, lang=args.lang)
    from crosswire.brief import render  # (imported once the worker is on its way)

    text = render.render(b, args.format)
    if args.format == "md" and not args.output and sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
        return _status(result)
    return _status(result, _write(text, args.output))


def _from_db(args: argparse.Namespace) -> bool:
    """Whether a stories/briefs command works on a store: ``--db`` given, or no input paths."""
    return bool(args.db) or not args.paths


def cmd_stories(args: argparse.Namespace) -> int:
    from crosswire import stories

    if problem := _output_problem(args.output):
        _err(problem)
        return EXIT_USAGE
    if args.engine == "spark":
        from crosswire.spark.cli import run_stories

        return run_stories(args)
    if args.db and args.paths:
        _err("give input PATHs or --db, not both")
        return EXIT_USAGE
    if _from_db(args):
        from crosswire.store.commands import stories_from_db

        return stories_from_db(args, _write)
    result = _read(args.paths)
    res = stories.cluster_stories(result.articles)
    if args.format == "jsonl":
        text = "\n".join(json.dumps({"id": aid, "story": sid}, ensure_ascii=False) for aid, sid in res.assignments)
    else:
        text = stories.stories_markdown(result.articles, res)
    return _status(result, _write(text, args.output))


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def cmd_briefs(args: argparse.Namespace) -> int:
    import time

    from crosswire import batch

    if problem := _output_problem(args.output, directory=True):
        _err(problem)
        return EXIT_USAGE
    if args.engine == "spark":
        from crosswire.spark.cli import run_briefs

        return run_briefs(args)
    jobs = args.jobs or _cores()
    if jobs > _cores():  # more workers than cores only adds memory (each loads its models) and switching
        _err(f"--jobs {jobs} lowered to {_cores()}, the cores available")
        jobs = _cores()
    timeout = args.timeout or None
    if args.db and args.paths:
        _err("give input PATHs or --db, not both")
        return EXIT_USAGE
    if _from_db(args):
        from crosswire.store.commands import briefs_from_db

        return briefs_from_db(args, jobs, timeout)
    with batch.BatchProgress(sys.stderr.isatty() and not args.quiet) as bar:
        t0 = time.perf_counter()
        rtask = bar.stage("read", 1)
        result = _read(args.paths)
        bar.finish(rtask, len(result.articles), time.perf_counter() - t0)
        if not result.articles:
            _err("no articles to brief")
            return EXIT_INPUT_ERRORS
        failed: list[str] = []  # stories no brief could be written for (listed in the index)
        try:
            batch.write_briefs(
                result.articles,
                args.output,
                fmt=args.format,
                min_articles=args.min_articles,
                progress=bar,
                jobs=jobs,
                timeout=timeout,
                words=args.words,
                lang=args.lang,
                on_story=lambda o: failed.append(o.story.id) if o.path is None else None,
            )
        except OSError as e:
            _err(f"{args.output}: {e.strerror or e}")
            return EXIT_INPUT_ERRORS
    if failed:
        _err(
            f"{len(failed)} stor{'ies' if len(failed) != 1 else 'y'} could not be briefed: {', '.join(failed[:10])}"
            + (" …" if len(failed) > 10 else "")
            + " (listed in the index)"
        )
    return EXIT_INPUT_ERRORS if result.errors or failed else EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from crosswire.web.serve import run

    return run(args)


def _count(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {n}")
        return n

    return parse


def _seconds(value: str) -> float:
    """An argparse type: a number of seconds, 0 or more."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not x >= 0 or x == float("inf"):  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {value}")
    return x


_INPUTS = (
    "text files, saved HTML pages, JSON/JSONL records, RSS/Atom feeds, or directories of them "
    "(read recursively, in sorted order)"
)
_EPILOG = """\
examples:
  crosswire brief examples/harbour-fire/
  crosswire brief reports/ --format html -o brief.html
  crosswire stories today.jsonl feed.xml --format md
  crosswire briefs today.jsonl -o briefs/
  crosswire add today.jsonl && crosswire feeds add https://example.org/rss && crosswire watch --every 15m
  crosswire briefs --db crosswire.db -o briefs/
  crosswire serve --db crosswire.db

exit status: 0 all inputs read and the output written; 1 some input could not be read (each
is named on stderr, the others are still used), a story could not be briefed (briefs: named on
stderr and in the index, the others are written) or nothing could be written; 2 bad usage.
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crosswire",
        description="Many news reports of the same events, one sourced brief.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"crosswire {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, description: str, store: bool = False) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help, description=description)
        c.add_argument(
            "paths",
            nargs="*" if store else "+",
            metavar="PATH",
            help=_INPUTS + ("; none with --db: the stories of the store" if store else ""),
        )
        if store:
            from crosswire.store.commands import db_option

            db_option(c)
        return c

    def engine(c: argparse.ArgumentParser) -> None:
        c.add_argument(
            "--engine",
            choices=["local", "spark"],
            default="local",
            help="local (default: this machine) or spark (Apache Spark: the spark extra and Java 17; "
            "inputs may also be Parquet and remote paths)",
        )
        c.add_argument(
            "--master",
            metavar="URL",
            default=None,
            help="with --engine spark: the Spark master, e.g. local[*] (default), spark://host:7077, "
            "k8s://https://host:443; under spark-submit its own",
        )

    def output(c: argparse.ArgumentParser, what: str) -> None:
        c.add_argument("-o", "--output", metavar="FILE", help=f"write {what} to FILE instead of stdout")

    r = command(
        "read",
        "print the cleaned articles",
        "Read and clean the articles: title, outlet, date, language, clean text; what was cut "
        "as web furniture is counted (and listed in the JSON).",
    )
    r.add_argument("--format", choices=["json", "jsonl", "md"], default="md", help="output format (default: md)")
    output(r, "the articles")
    r.set_defaults(func=cmd_read)

    c = command(
        "copies",
        "group the reports that are copies of one report",
        "Find the reports that are copies of one report: identical, syndicated wire copy, "
        "rewrites and translations, with what each copy added or cut.",
    )
    c.add_argument("--format", choices=["json", "md"], default="md", help="output format (default: md)")
    output(c, "the groups")
    c.set_defaults(func=cmd_copies)

    b = command(
        "brief",
        "write the sourced brief of one story",
        "Write the sourced brief of one story told by several reports: a cited summary, what all "
        "sources agree on, what only some report, where they disagree, quotes, figures, a "
        "timeline and who is named. Every line cites the sentences it came from.",
    )
    b.add_argument(
        "--format",
        choices=["md", "json", "html"],
        default="md",
        help="md (default), json (the brief's JSON contract) or html (one self-contained page)",
    )
    output(b, "the brief")
    b.add_argument(
        "--words", type=_count(1), default=120, metavar="N", help="length of the summary in words (default: 120)"
    )
    _lang_option(b)
    b.set_defaults(func=cmd_brief)

    q = command(
        "quotes",
        "who said what across a pile of articles",
        "List every quotation of the articles with its speaker (a name, organisation or role, read from "
        "the sentence's syntax; none when the text does not make it clear), grouped by speaker, each "
        "with its article and sentence.",
    )
    q.add_argument(
        "--format",
        choices=["md", "jsonl"],
        default="md",
        help="md (default) or jsonl (one {speaker, article, text, sentence} line per quotation)",
    )
    output(q, "the quotations")
    q.set_defaults(func=cmd_quotes)

    s = command(
        "stories",
        "group a stream of articles into stories",
        "Sort a mixed stream of articles into stories; pages that are not articles "
        "(cookie walls, indexes) are listed apart.",
        store=True,
    )
    s.add_argument(
        "--format",
        choices=["jsonl", "md"],
        default="jsonl",
        help="jsonl (default: one {id, story} line per article) or md (a readable list)",
    )
    output(s, "the stories")
    engine(s)
    s.set_defaults(func=cmd_stories)

    bs = command(
        "briefs",
        "one brief per story, plus an index",
        "Sort a stream of articles into stories and write one brief per story, with an index, "
        "into a directory; with --db, only the stories whose articles changed.",
        store=True,
    )
    bs.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="directory for the briefs and index (created if missing)"
    )
    bs.add_argument(
        "--format", choices=["md", "html", "json"], default="html", help="format of the briefs (default: html)"
    )
    bs.add_argument(
        "--min-articles",
        type=_count(1),
        default=2,
        metavar="N",
        help="brief only stories of at least N articles (default: 2)",
    )
    bs.add_argument(
        "--jobs",
        type=_count(1),
        default=None,
        metavar="N",
        help="stories briefed in parallel (default: number of cores)",
    )
    bs.add_argument(
        "--timeout",
        type=_seconds,
        default=120.0,
        metavar="S",
        help="CPU seconds a story's brief may take, plus one per article, before it falls back to "
        "a summary-only brief (default: 120; 0: no limit)",
    )
    bs.add_argument(
        "--words", type=_count(1), default=120, metavar="N", help="length of each summary in words (default: 120)"
    )
    _lang_option(bs)
    bs.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    engine(bs)
    bs.add_argument(
        "--parquet",
        metavar="DIR",
        help="with --engine spark: also write the briefs as Parquet to DIR (default: DIR/briefs.parquet "
        "inside the output directory)",
    )
    bs.set_defaults(func=cmd_briefs)

    from crosswire.store.commands import register

    register(sub)  # add, feeds, fetch, watch, status

    w = sub.add_parser(
        "serve",
        help="browse the stories and briefs of a store in a web browser",
        description="Serve the stories of a store and their briefs as web pages and a JSON API "
        "(/api/docs), bound to 127.0.0.1 unless --host says otherwise.",
    )
    w.add_argument(
        "--db",
        metavar="URL_OR_PATH",
        default=None,
        help="the store: a SQLite file or a postgresql:// URL (default: $CROSSWIRE_DB or crosswire.db)",
    )
    w.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    w.add_argument("--port", type=_count(1), default=8000, help="port (default: 8000)")
    w.add_argument("--admin", action="store_true", help="allow adding feeds from the feeds page")
    w.add_argument(
        "--build-timeout",
        type=_seconds,
        default=120.0,
        metavar="S",
        help="CPU seconds a missing brief may take to build before a summary-only one (default: 120)",
    )
    w.add_argument("--access-log", action="store_true", help="log every request")
    w.set_defaults(func=cmd_serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad usage, after argparse's message)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:  # --help, --version, or a usage error already explained on stderr
        return e.code if isinstance(e.code, int) else EXIT_USAGE
    restore = terminate_like_interrupt()  # SIGTERM stops a run as Ctrl-C does: outputs left whole
    try:
        return args.func(args)
    except Terminated as e:
        _err("terminated" if e.signum == signal.SIGTERM else f"stopped by {signal.Signals(e.signum).name}")
        return 128 + e.signum
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        restore()


if __name__ == "__main__":
    sys.exit(main())
