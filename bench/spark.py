"""The Spark engine on the Multi-News story stream, next to the local engine.

    python bench/spark.py                       # B3 F1 both engines; local[1], local[2]; 1x 2x 4x at local[2]
    python bench/spark.py --masters local[2] --scales 1

Reads ../shared/eval/stories/multinews-stories-dev.jsonl, writes it (and the corpus repeated 2x and
4x with new ids: the repeats are exact copies, as in bench/stories.py) as JSONL shards of 1,000
lines to a temporary directory, and runs ``crosswire stories`` on each: the local engine once, the
Spark engine once per (master, scale) in its own process (so each driver's peak memory is its own).
Prints B-cubed F1 (../shared/eval/score_stories.py) of each, the articles per second of the whole
command (reading, cleaning and clustering; Spark's start-up excluded, reported apart), and the peak
resident memory of the driver's Python process and of the Spark JVM (in local mode the JVM holds
the executors too, so only the Python figure is the driver's alone).  Without the embedding model
(CROSSWIRE_NO_EMBED=1), like bench/stories.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DATA = EVAL / "stories" / "multinews-stories-dev.jsonl"


def write_corpus(rows: list[dict], scale: int, out: Path, shard: int = 1000) -> Path:
    d = out / f"x{scale}"
    d.mkdir(parents=True, exist_ok=True)
    lines = []
    for k in range(scale):
        for r in rows:
            lines.append(json.dumps({"id": r["id"] if k == 0 else f"{r['id']}~{k}", "text": r["text"]}))
    for s in range(0, len(lines), shard):
        (d / f"part-{s // shard:05d}.jsonl").write_text("\n".join(lines[s : s + shard]) + "\n", encoding="utf-8")
    return d


def run_one(engine: str, master: str, corpus: str, out: str) -> None:
    """In a child process: run the stories stage, print one JSON line of timings and memory."""
    import resource

    t0 = time.perf_counter()
    if engine == "local":
        from crosswire.read.ingest import read_paths
        from crosswire.stories import cluster_stories

        start = 0.0
        t1 = time.perf_counter()
        arts = read_paths([corpus]).articles
        res = cluster_stories(arts, embedder=False)
        rows = res.assignments
        n = len(arts)
    else:
        from crosswire.spark import get_session
        from crosswire.spark.engine import spark_stories
        from crosswire.spark.read import read_corpus

        spark = get_session(master)
        spark.range(1).count()  # the JVM and a first worker up
        start = time.perf_counter() - t0
        t1 = time.perf_counter()
        arts, _errs, _ = read_corpus(spark, [corpus])
        res = spark_stories(spark, arts)
        rows = res.assignment_rows()
        n = None
    with open(out, "w", encoding="utf-8") as f:
        k = 0
        for aid, sid in rows:
            f.write(json.dumps({"id": aid, "story": sid}) + "\n")
            k += 1
    seconds = time.perf_counter() - t1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"articles": n or k, "seconds": seconds, "startup": start, "driver_mb": peak}))


def _jvm_peak(pid: int, stop: threading.Event, box: list[float]) -> None:
    try:
        import psutil
    except ImportError:
        return
    while not stop.is_set():
        try:
            for c in psutil.Process(pid).children(recursive=True):
                if c.name() == "java":
                    box[0] = max(box[0], c.memory_info().rss / 2**20)
        except Exception:  # noqa: BLE001, S110 - the process may end while being read
            pass
        stop.wait(0.5)


def measure(engine: str, master: str, corpus: Path, out: Path) -> dict:
    env = dict(os.environ, CROSSWIRE_NO_EMBED="1", PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, __file__, "--child", engine, master, str(corpus), str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    stop, box = threading.Event(), [0.0]
    th = threading.Thread(target=_jvm_peak, args=(proc.pid, stop, box), daemon=True)
    th.start()
    stdout, _ = proc.communicate()
    stop.set()
    th.join()
    if proc.returncode != 0:
        raise SystemExit(f"{engine} {master} on {corpus} failed (exit {proc.returncode})")
    got = json.loads(stdout.strip().splitlines()[-1])
    got["jvm_mb"] = box[0]
    return got


def b3(pred_path: Path, gold: dict[str, str]) -> float:
    sys.path.insert(0, str(EVAL))
    from score_stories import score

    pred = {}
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            pred[r["id"]] = r["story"]
    return score(pred, gold)["b3_f1"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    ap.add_argument("--scales", nargs="+", type=int, default=[1, 2, 4])
    ap.add_argument("--scale-master", default="local[2]")
    args = ap.parse_args()
    if not DATA.exists():
        raise SystemExit(f"missing {DATA}: this benchmark reads ../shared/eval")
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
    gold = {r["id"]: r["story"] for r in rows}
    with tempfile.TemporaryDirectory(prefix="crosswire-spark-bench-") as tmp:
        tmp = Path(tmp)
        corpora = {s: write_corpus(rows, s, tmp) for s in sorted(set(args.scales) | {1})}
        print("| engine | master | corpus | articles | B3 F1 | seconds | articles/s | start-up s | driver MB | JVM MB |")
        print("|---|---|---|---|---|---|---|---|---|---|")

        def line(engine: str, master: str, scale: int, m: dict, f1: float | None) -> None:
            print(f"| {engine} | {master} | {scale}x | {m['articles']} | {'' if f1 is None else f'{f1:.4f}'} | "
                  f"{m['seconds']:.1f} | {m['articles'] / m['seconds']:.1f} | {m['startup']:.1f} | "
                  f"{m['driver_mb']:.0f} | {m['jvm_mb']:.0f} |", flush=True)

        out = tmp / "local.jsonl"
        m = measure("local", "-", corpora[1], out)
        line("local", "-", 1, m, b3(out, gold))
        for master in args.masters:
            out = tmp / f"spark-{master}.jsonl"
            m = measure("spark", master, corpora[1], out)
            line("spark", master, 1, m, b3(out, gold))
        for s in args.scales:
            if s == 1 and args.scale_master in args.masters:
                continue
            out = tmp / f"spark-x{s}.jsonl"
            m = measure("spark", args.scale_master, corpora[s], out)
            line("spark", args.scale_master, s, m, None)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        run_one(*sys.argv[2:6])
    else:
        main()
