"""The living store on the Multi-News story stream: speed of add, idempotence, incremental cost, story quality.

    python bench/store.py [--limit N] [--skip-pg]

Reads ../shared/eval/stories/multinews-stories-dev.jsonl (Articles built from
the rows, as bench/stories.py does) and, for SQLite (a temporary file) and
PostgreSQL (a temporary server, see crosswire.store.pgtemp):

* adds all articles to an empty store (articles/s; one transaction per
  article with its story decision), then adds them again (all must be
  "already stored");
* on a fresh store adds all but the last 1,000, then (as a new process would:
  a new connection, the clusterer state loaded from the store) the last 1,000;
  their cost must be at most 15% of adding everything from scratch;
* scores the stored stories (B-cubed F1, ../shared/eval/score_stories.py)
  against one batch run of the clusterer over the same articles (the gap must
  be within 0.01).  Texts stored once (the stream repeats 628 texts) are
  scored with the story of their stored twin; a page set aside as not an
  article is a singleton, as in bench/stories.py.
* times loading the clusterer state from the store against rebuilding it from
  the stored assignments (crosswire.stories.restore_stories over every article).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
EVAL = ROOT.parent / "shared" / "eval"
DATA = EVAL / "stories" / "multinews-stories-dev.jsonl"
TAIL = 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N rows (quick runs)")
    ap.add_argument("--skip-pg", action="store_true", help="SQLite only")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(EVAL))
    from score_stories import score

    from crosswire.model import Article
    from crosswire.store import add_articles, content_hash, open_store
    from crosswire.store.add import Clusterer
    from crosswire.store.query import assignments
    from crosswire.stories import cluster_stories

    rows = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    gold = {r["id"]: r["story"] for r in rows}
    arts = [Article(id=r["id"], text=r["text"]) for r in rows]
    hashes = {a.id: content_hash(a) for a in arts}
    print(f"{len(arts)} articles, {len(set(hashes.values()))} distinct texts", flush=True)

    t0 = time.perf_counter()
    batch = dict(cluster_stories(arts, embedder=False).assignments)
    t_batch = time.perf_counter() - t0
    f_batch = score(batch, gold)["b3_f1"]
    print(f"batch run (cluster_stories over all, in memory): B3 F1 {f_batch:.4f}, {t_batch:.1f} s", flush=True)

    def stored_pred(store) -> dict[str, str]:
        got = dict(assignments(store))
        by_hash: dict[str, str] = {}
        for a in arts:  # the first of equal texts is the stored one
            if a.id in got:
                by_hash.setdefault(hashes[a.id], got[a.id])
        pred = {a.id: got.get(a.id) or by_hash[hashes[a.id]] for a in arts}
        # a page that is not an article is a story of its own (as in bench/stories.py), repeated or not
        return {k: (f"noise:{k}" if v.startswith("noise:") else v) for k, v in pred.items()}

    def run(name: str, url: str) -> list[str]:
        out = []
        st = open_store(url)
        t0 = time.perf_counter()
        s1 = add_articles(st, arts, embedder=False)
        full = time.perf_counter() - t0
        t0 = time.perf_counter()
        s2 = add_articles(st, arts, embedder=False)
        again = time.perf_counter() - t0
        f_full = score(stored_pred(st), gold)["b3_f1"]
        # the clusterer state: loaded from the store vs rebuilt from the assignments
        cl = Clusterer(st)
        cl.load()
        t_load = cl.load_seconds
        from sqlalchemy import delete

        from crosswire.store import schema

        with st.engine.begin() as conn:
            conn.execute(delete(schema.cluster_state))
        cl2 = Clusterer(st)
        cl2.load()
        t_rebuild = cl2.load_seconds
        st.close()
        out.append(f"| {name} | add {len(arts)} to an empty store | {full:.1f} s | {s1.new / full:.0f} articles/s | "
                   f"{s1.line()} |")
        out.append(f"| {name} | add the same file again | {again:.1f} s | {len(arts) / again:.0f} articles/s | "
                   f"{s2.line()} |")
        out.append(f"| {name} | clusterer state: load saved / rebuild from assignments | {t_load:.2f} s / "
                   f"{t_rebuild:.2f} s | | |")
        print("\n".join(out[-3:]), flush=True)
        return out, full, f_full

    def incremental(name: str, url: str, full: float) -> tuple[list[str], float]:
        st = open_store(url)
        head, tail = arts[:-TAIL], arts[-TAIL:]
        add_articles(st, head, embedder=False)
        st.close()
        t0 = time.perf_counter()
        st = open_store(url)  # as a new process: the state comes from the store
        s = add_articles(st, tail, embedder=False)
        inc = time.perf_counter() - t0
        f_inc = score(stored_pred(st), gold)["b3_f1"]
        st.close()
        line = (f"| {name} | add the last {len(tail)} on top of {len(head)} (new process) | {inc:.1f} s | "
                f"{inc / full:.1%} of the full add | {s.line()} |")
        print(line, flush=True)
        return [line], f_inc

    lines = ["| store | what | time | rate / share | summary |", "|---|---|---|---|---|"]
    scores = [f"batch run: B3 F1 {f_batch:.4f}"]
    with tempfile.TemporaryDirectory() as d:
        out, full, f_full = run("SQLite", str(Path(d) / "full.db"))
        lines += out
        out, f_inc = incremental("SQLite", str(Path(d) / "inc.db"), full)
        lines += out
        scores.append(f"SQLite store: B3 F1 {f_full:.4f} (all in one add), {f_inc:.4f} (9,366 then 1,000); "
                      f"gap to batch {f_full - f_batch:+.4f} / {f_inc - f_batch:+.4f}")
    if not args.skip_pg:
        from crosswire.store.pgtemp import NoPostgres, temporary_postgres

        try:
            with temporary_postgres() as url:
                out, full, f_full = run("PostgreSQL", url)
                lines += out
            with temporary_postgres() as url:
                out, f_inc = incremental("PostgreSQL", url, full)
                lines += out
            scores.append(f"PostgreSQL store: B3 F1 {f_full:.4f} / {f_inc:.4f}; "
                          f"gap to batch {f_full - f_batch:+.4f} / {f_inc - f_batch:+.4f}")
        except NoPostgres as e:
            lines.append(f"| PostgreSQL | skipped: {e} | | | |")
    print()
    print("\n".join(lines))
    print()
    print("\n".join(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
