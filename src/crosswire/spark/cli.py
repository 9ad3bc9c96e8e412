"""``crosswire stories|briefs --engine spark``: the command line's Spark side."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["run_briefs", "run_stories"]

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    print(f"crosswire: {msg}", file=sys.stderr)


def _start(args: argparse.Namespace) -> tuple[Any, Any, bool] | None:
    """The session and the articles DataFrame; read errors reported.  None when Spark cannot run."""
    from crosswire.spark import SparkUnavailable, get_session
    from crosswire.spark.read import read_corpus

    try:
        spark = get_session(getattr(args, "master", None))
    except SparkUnavailable as e:
        _err(f"--engine spark: {e}")
        return None
    articles, errors, listing = read_corpus(spark, args.paths)
    problems = bool(listing)
    for problem in listing:
        _err(str(problem))
    for r in errors.orderBy("pos").toLocalIterator():
        problems = True
        _err(f"{r['source']}: {r['message']}")
    return spark, articles, problems


def run_stories(args: argparse.Namespace) -> int:
    """The stories as JSONL (``{id, story}`` per article in stream order), like the local engine's."""
    from crosswire.spark.engine import spark_stories

    if args.format != "jsonl":
        _err("--engine spark writes --format jsonl (the Markdown list needs every article on one machine)")
        return EXIT_USAGE
    started = _start(args)
    if started is None:
        return EXIT_USAGE
    spark, articles, problems = started
    res = spark_stories(spark, articles)
    lines = (json.dumps({"id": aid, "story": sid}, ensure_ascii=False) for aid, sid in res.assignment_rows())
    try:
        with contextlib.ExitStack() as stack:
            fh = stack.enter_context(open(args.output, "w", encoding="utf-8")) if args.output else sys.stdout
            first = True
            for line in lines:  # as the local command writes them: newlines between lines, and at the end on stdout
                fh.write(line if first else "\n" + line)
                first = False
            if not args.output:
                fh.write("\n")
    except OSError as e:
        _err(f"{args.output}: cannot write ({e.strerror or type(e).__name__})")
        return EXIT_INPUT_ERRORS
    return EXIT_INPUT_ERRORS if problems else EXIT_OK


def run_briefs(args: argparse.Namespace) -> int:
    """One brief per story into the output directory, an index, and the briefs as Parquet."""
    from crosswire.spark.briefs import spark_briefs
    from crosswire.spark.engine import spark_stories

    t0 = time.perf_counter()
    started = _start(args)
    if started is None:
        return EXIT_USAGE
    spark, articles, problems = started
    res = spark_stories(spark, articles)
    if res.n_articles == 0:
        _err("no articles to brief")
        return EXIT_INPUT_ERRORS
    out = Path(args.output)
    parquet = args.parquet or str(out / "briefs.parquet")
    try:
        outcomes = spark_briefs(
            spark,
            articles,
            res,
            out,
            fmt=args.format,
            min_articles=args.min_articles,
            timeout=args.timeout or None,
            words=args.words,
            parquet=parquet,
        )
    except OSError as e:
        _err(f"{args.output}: {e.strerror or e}")
        return EXIT_INPUT_ERRORS
    failed = [o.story.id for o in outcomes if o.path is None]
    if failed:
        _err(
            f"{len(failed)} stor{'ies' if len(failed) != 1 else 'y'} could not be briefed: {', '.join(failed[:10])}"
            + (" …" if len(failed) > 10 else "")
            + " (listed in the index)"
        )
    if not args.quiet:
        _err(f"{len(outcomes)} briefs from {res.n_articles} articles in {time.perf_counter() - t0:.0f} s on Spark")
    return EXIT_INPUT_ERRORS if problems or failed else EXIT_OK
