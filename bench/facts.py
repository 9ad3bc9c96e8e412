"""Speed and memory of the facts stage (issue 4).

First the whole seeds brief as a user runs it: ``crosswire brief ../shared/seeds -o FILE``
as a subprocess, cold, ``--runs`` times (5 by default): median and maximum wall-clock
seconds, CPU seconds (the command and its NER worker process together) and the peak RSS of
the largest of the two processes.  The target is under 2 s on an idle 2-core machine.

Then each measurement of the facts stage alone runs in a fresh process (so model loading
is counted), pinned to at most 2 cores:

* ``seeds``: ``facts.analyze`` on ``../shared/seeds`` (5 reports), cold (imports and
  models loaded inside the timing) and warm (second call in the same process);
* ``story100``: one story of 100 articles taken from consecutive clusters of
  ``../shared/eval/mds/multinews-dev.jsonl`` (cleaned with ``clean.clean_text``).

Copy groups come from ``copies.find_copies`` and are not timed.  Prints a table: wall-clock
and CPU seconds for the first call (imports and models loaded inside it) and for a second
call, the process's peak RSS, and the machine's load average (on a busy machine wall-clock
time grows; CPU time much less).

    python bench/facts.py                  # the seeds brief end to end, then both stories
    python bench/facts.py --only brief     # the seeds brief end to end only
    python bench/facts.py --only seeds
    python bench/facts.py --no-embed       # without the embedding model
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _articles(which: str, n: int):
    if which == "seeds":
        from crosswire.read.ingest import read_paths

        return read_paths([str(SHARED / "seeds")]).articles
    from crosswire.read.clean import clean_text

    arts = []
    with open(SHARED / "eval" / "mds" / "multinews-dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for k, a in enumerate(row["articles"]):
                art = clean_text(a.get("text") or "", id=f"{row['id']}-{k}")
                if art.text.strip():
                    arts.append(art)
            if len(arts) >= n:
                break
    return arts[:n]


def child(which: str, n: int, embed: bool) -> dict:
    """One measurement, in this process."""
    try:
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:2]))
    except (AttributeError, OSError):
        pass
    arts = _articles(which, n)
    from crosswire import copies

    groups = copies.find_copies(arts)
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    from crosswire import facts
    from crosswire.text.embed import default_embedder

    t_import = time.perf_counter() - t0
    emb = default_embedder() if embed else False
    t = time.perf_counter()
    sheet = facts.analyze(arts, groups, embedder=emb)  # loads spaCy (in a thread) and the embedder
    t_first = time.perf_counter() - t
    cpu_cold = time.process_time() - cpu0
    t = time.perf_counter()
    cpu1 = time.process_time()
    facts.analyze(arts, groups, embedder=emb)
    t_warm = time.perf_counter() - t
    cpu_warm = time.process_time() - cpu1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "which": which, "articles": len(arts), "sentences": sum(len(v) for v in sheet.sentences.values()),
        "cold": t_import + t_first, "cpu_cold": cpu_cold, "warm": t_warm, "cpu_warm": cpu_warm,
        "peak_mb": peak, "facts": len(sheet.facts), "conflicts": len(sheet.conflicts),
        "load": os.getloadavg()[0],
    }


def _pin_two_cores() -> None:
    try:
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:2]))
    except (AttributeError, OSError):
        pass


def brief_end_to_end(runs: int) -> dict | None:
    """``crosswire brief`` on the seeds as a subprocess, ``runs`` times: wall, CPU and peak RSS."""
    import shutil
    import statistics
    import tempfile

    exe = shutil.which("crosswire", path=os.path.dirname(sys.executable)) or shutil.which("crosswire")
    cmd = [exe] if exe else [sys.executable, "-m", "crosswire"]
    walls, cpus, peaks = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "brief.md")
        for _ in range(runs):
            t = time.perf_counter()
            proc = subprocess.Popen(cmd + ["brief", str(SHARED / "seeds"), "-o", out], cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_pin_two_cores)
            _pid, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - t)
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                print(f"crosswire brief failed:\n{proc.stderr.read().decode(errors='replace')[-2000:]}")
                return None
            proc.stderr.close()
            cpus.append(usage.ru_utime + usage.ru_stime)  # with the worker, which the command waits for
            peaks.append(usage.ru_maxrss / 1024)
    return {"runs": runs, "median": statistics.median(walls), "max": max(walls), "min": min(walls),
            "cpu": statistics.median(cpus), "peak_mb": max(peaks), "load": os.getloadavg()[0],
            "command": " ".join(["crosswire" if exe else "python -m crosswire", "brief", "../shared/seeds", "-o", "FILE"])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=["brief", "seeds", "story100"])
    ap.add_argument("--runs", type=int, default=5, help="cold runs of the seeds brief command (default 5)")
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--child", nargs=2, metavar=("WHICH", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), not args.no_embed)))
        return 0
    if args.only in (None, "brief"):
        r = brief_end_to_end(max(1, args.runs))
        if r is not None:
            print(f"seeds brief end to end: {r['command']}, {r['runs']} cold runs")
            print(f"{'median s':>9} {'max s':>7} {'min s':>7} {'cpu s':>6} {'peak MB':>8} {'load':>5}")
            print(f"{r['median']:>9.2f} {r['max']:>7.2f} {r['min']:>7.2f} {r['cpu']:>6.2f} {r['peak_mb']:>8.0f} "
                  f"{r['load']:>5.1f}")
            print("cpu: median CPU seconds of the command and its NER worker; peak MB: the larger process")
            print()
        if args.only == "brief":
            return 0
    runs = [("seeds", 0), ("story100", 100)]
    if args.only:
        runs = [r for r in runs if r[0] == args.only]
    print(f"{'story':10} {'arts':>5} {'sents':>6} {'cold s':>7} {'cold cpu':>8} {'warm s':>7} {'warm cpu':>8} "
          f"{'peak MB':>8} {'facts':>6} {'confl':>6} {'load':>5}")
    for which, n in runs:
        cmd = [sys.executable, __file__, "--child", which, str(n)] + (["--no-embed"] if args.no_embed else [])
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            print(f"{which}: failed\n{out.stderr[-2000:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['which']:10} {r['articles']:>5} {r['sentences']:>6} {r['cold']:>7.2f} {r['cpu_cold']:>8.2f} "
              f"{r['warm']:>7.2f} {r['cpu_warm']:>8.2f} {r['peak_mb']:>8.0f} {r['facts']:>6} {r['conflicts']:>6} "
              f"{r['load']:>5.1f}")
    print("cold: imports, model loading (spaCy, embedding) and the first facts.analyze, wall-clock seconds;")
    print("cpu: CPU seconds of the process (both threads); load: the machine's 1-minute load average")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
