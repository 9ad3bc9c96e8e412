"""Batch briefs over a corpus: what ``crosswire briefs`` does, stage by stage, with its cost.

Reads ``../shared/eval/stories/multinews-stories-dev.jsonl`` (or ``--data``) with
crosswire's own reader, sorts it into stories, writes a brief per story of at least
``--min-articles`` articles, and prints per stage (read, stories, briefs) the articles,
wall and CPU seconds and articles per second; then peak memory, stories briefed,
failures, and the per-story brief time by story size (so a super-linear cost shows).

    python bench/briefs.py --limit 600               # a slice: the first 600 rows
    python bench/briefs.py --jobs 2                  # the whole file, two worker processes
    python bench/briefs.py --limit 2000 --profile 30 # in-process, cProfile of the briefs stage
    python bench/briefs.py --limit 600 --scale 4     # the slice four times over (new ids): cost at 4x

CPU seconds count the worker processes too (the sum of each story's CPU time in its worker;
a story stopped at its time limit adds none); on a shared machine they are the figures to
compare, wall seconds grow with the load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "stories" / "multinews-stories-dev.jsonl"
SIZES = [(2, 2), (3, 3), (4, 4), (5, 6), (7, 9), (10, 19), (20, 49), (50, 10**9)]


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _slice(path: Path, limit: int | None, scale: int, tmp: Path) -> Path:
    """The first ``limit`` rows of ``path``, ``scale`` times, in a temporary file (outside the repository).

    Repeats get new ids (``<id>~2``...), so at 2x every story holds an exact copy of each of
    its articles: the copies stage finds them and the brief counts them once.
    """
    if not limit and scale <= 1:
        return path
    part = tmp / f"rows-{limit or 'all'}-x{scale}.jsonl"
    with path.open(encoding="utf-8") as src:
        rows = []
        for k, line in enumerate(src):
            if limit and k >= limit:
                break
            rows.append(line)
    with part.open("w", encoding="utf-8") as dst:
        for rep in range(1, max(1, scale) + 1):
            for line in rows:
                if rep > 1:
                    try:
                        rec = json.loads(line)
                        rec["id"] = f"{rec.get('id')}~{rep}"
                        line = json.dumps(rec, ensure_ascii=False) + "\n"
                    except (ValueError, AttributeError):
                        pass  # a bad row stays bad: the reader reports it
                dst.write(line)
    return part


def _size_label(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else (f"{lo}+" if hi >= 10**9 else f"{lo}-{hi}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N rows only")
    ap.add_argument("--scale", type=int, default=1, help="the rows K times over, with new ids")
    ap.add_argument("--format", choices=["html", "md", "json"], default="html")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=120.0, help="per story, plus 1 s per article (0: none)")
    ap.add_argument("--min-articles", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None, help="keep the briefs here (default: a temporary directory)")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="brief in this process under cProfile and print the N costliest functions")
    ap.add_argument("--slowest", type=int, default=5, help="list the N slowest stories")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1

    from crosswire.batch import StoryOutcome, brief_stories, write_index
    from crosswire.read.ingest import read_paths
    from crosswire.stories import cluster_stories

    with tempfile.TemporaryDirectory(prefix="crosswire-briefs-") as tmpdir:
        tmp = Path(tmpdir)
        src = _slice(args.data, args.limit, args.scale, tmp)
        out = args.out or tmp / "out"
        rows: list[tuple[str, int, float, float]] = []

        t, c = time.perf_counter(), _cpu()
        read = read_paths([str(src)])
        articles = read.articles
        rows.append(("read", len(articles), time.perf_counter() - t, _cpu() - c))

        t, c = time.perf_counter(), _cpu()
        res = cluster_stories(articles)
        rows.append(("stories", len(articles), time.perf_counter() - t, _cpu() - c))

        outcomes: list[StoryOutcome] = []
        jobs, timeout = args.jobs, (args.timeout or None)
        prof = None
        if args.profile:
            import cProfile

            prof, jobs, timeout = cProfile.Profile(), 1, None
        t, c = time.perf_counter(), _cpu()
        if prof is not None:
            prof.enable()
        try:
            brief_stories(res.stories, articles, out, fmt=args.format, min_articles=args.min_articles,
                          jobs=jobs, timeout=timeout, on_story=outcomes.append)
            write_index(outcomes, articles, res.noise, out, fmt=args.format)
        finally:
            if prof is not None:
                prof.disable()
        n_briefed_articles = sum(o.articles for o in outcomes)
        # workers are forked by multiprocessing's fork server, not by this process: their CPU is
        # the sum of what each story took in its worker (in-process, it is already in _cpu())
        worker_cpu = sum(o.cpu for o in outcomes) if (jobs > 1 or timeout) else 0.0
        rows.append(("briefs", n_briefed_articles, time.perf_counter() - t, _cpu() - c + worker_cpu))

    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_kids = max([o.peak_mb for o in outcomes] + [resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024])
    load = os.getloadavg()[0]

    print(f"data: {args.data.name}" + (f" (first {args.limit} rows)" if args.limit else "")
          + (f" x{args.scale}" if args.scale > 1 else "")
          + f"; format {args.format}; jobs {jobs}; timeout {timeout or 'none'}; load {load:.1f}")
    print(f"{'stage':<8} {'articles':>8} {'wall s':>8} {'cpu s':>8} {'art/s wall':>10} {'art/s cpu':>10}")
    for name, n, wall, cpu in rows:
        print(f"{name:<8} {n:>8} {wall:>8.1f} {cpu:>8.1f} {n / max(wall, 1e-9):>10.1f} {n / max(cpu, 1e-9):>10.1f}")
    tw, tc = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(f"{'total':<8} {len(articles):>8} {tw:>8.1f} {tc:>8.1f} {len(articles) / max(tw, 1e-9):>10.1f} "
          f"{len(articles) / max(tc, 1e-9):>10.1f}")
    print(f"peak RSS: parent {peak_self:.0f} MB, largest worker {peak_kids:.0f} MB")
    ok = [o for o in outcomes if o.ok]
    summary_only = [o for o in ok if o.mode == "summary"]
    failed = [o for o in outcomes if not o.ok]
    print(f"read errors: {len(read.errors)}; stories: {len(res.stories)} ({len(res.noise)} noise pages); "
          f"briefed: {len(ok)} of {len(outcomes)} (summary-only {len(summary_only)}); failures: {len(failed)}")
    for o in failed[:10]:
        print(f"  failed {o.story.id} ({o.articles} articles): {o.error}")
    for o in summary_only[:10]:
        print(f"  summary-only {o.story.id} ({o.articles} articles): {o.error}")

    print()
    print("per-story brief time by story size (seconds in the worker, wall / CPU)")
    print(f"{'size':>6} {'stories':>7} {'mean s':>7} {'median':>7} {'max s':>7} {'cpu mean':>8} {'cpu/article':>11}")
    for lo, hi in SIZES:
        group = [o for o in outcomes if lo <= o.articles <= hi]
        if not group:
            continue
        secs = [o.seconds for o in group]
        cpus = [o.cpu for o in group]
        per_art = statistics.mean(o.cpu / o.articles for o in group)
        print(f"{_size_label(lo, hi):>6} {len(group):>7} {statistics.mean(secs):>7.2f} {statistics.median(secs):>7.2f} "
              f"{max(secs):>7.2f} {statistics.mean(cpus):>8.2f} {per_art:>11.3f}")
    if args.slowest:
        print()
        print(f"slowest {args.slowest} stories (wall s, CPU s, articles, words)")
        by_id = {a.id: a for a in articles}
        for o in sorted(outcomes, key=lambda o: -o.seconds)[: args.slowest]:
            words = sum(len(by_id[a].text.split()) for a in o.story.articles if a in by_id)
            print(f"  {o.story.id:<8} {o.seconds:7.2f} {o.cpu:7.2f} {o.articles:4d} {words:7d}  {o.headline[:60]}")
    if prof is not None:
        import pstats

        print()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
