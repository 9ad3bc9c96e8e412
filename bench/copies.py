"""Benchmark the copies stage on the Multi-News story stream.

    python bench/copies.py                 # table: 1x, 2x, 4x the corpus, and MinHashLSH alone
    python bench/copies.py --groups out.jsonl --sample 30   # every group found, and 30 to read

Reads ``../shared/eval/stories/multinews-stories-dev.jsonl`` (10,366 articles).
Articles are built directly from the rows (id, text) so reading time stays out.
At 2x and 4x the corpus is repeated with new ids: the repeats are identical copies
of the originals, which the stage must find (and does, as ``identical``).
Each measurement runs in its own process so peak RSS is that run's own.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "stories" / "multinews-stories-dev.jsonl"


def load(scale: int = 1):
    from crosswire.model import Article

    rows = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
    arts = []
    for k in range(scale):
        for r in rows:
            arts.append(Article(id=r["id"] if k == 0 else f"{r['id']}~{k}", text=r["text"]))
    return arts, {r["id"]: r["story"] for r in rows}


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_once(scale: int, mode: str, embed: bool) -> dict:
    """One measurement in this process: seconds and peak RSS of the copies stage."""
    arts, _ = load(scale)
    base = _peak_mb()
    t = time.perf_counter()
    cpu = time.process_time()
    if mode == "crosswire":
        from crosswire import copies

        groups = copies.find_copies(arts, use_embeddings=embed)
        n_groups = len(groups)
        grouped = sum(len(g.articles) for g in groups)
        kinds: dict[str, int] = {}
        for g in groups:
            kinds[g.kind] = kinds.get(g.kind, 0) + 1
    else:  # datasketch's MinHashLSH alone: same shingles, same num_perm, no check
        from datasketch import LeanMinHash, MinHash, MinHashLSH

        from crosswire import copies

        lsh = MinHashLSH(threshold=0.5, num_perm=copies.NUM_PERM)
        shingles = []
        for a in arts:
            w = copies._words(a.text)
            k = copies.SHINGLE
            shingles.append([" ".join(w[i : i + k]).encode("utf-8") for i in range(max(1, len(w) - k + 1))])
        hashes = MinHash.bulk(shingles, num_perm=copies.NUM_PERM)
        with lsh.insertion_session() as session:
            for a, m in zip(arts, hashes):
                session.insert(a.id, LeanMinHash(m))
        pairs = set()
        for a, m in zip(arts, hashes):
            for other in lsh.query(m):
                if other != a.id:
                    pairs.add(tuple(sorted((a.id, other))))
        n_groups, grouped, kinds = len(pairs), 2 * len(pairs), {"candidate pairs": len(pairs)}
    secs = time.perf_counter() - t
    cpu = time.process_time() - cpu
    return {"scale": scale, "mode": mode, "articles": len(arts), "seconds": round(secs, 2),
            "cpu_seconds": round(cpu, 2),
            "peak_rss_mb": round(_peak_mb(), 1), "rss_before_mb": round(base, 1),
            "groups": n_groups, "grouped": grouped, "kinds": kinds}


def table(embed: bool) -> None:
    rows = []
    for mode in ("crosswire", "datasketch"):
        for scale in (1, 2, 4):
            cmd = [sys.executable, __file__, "--one", str(scale), "--mode", mode]
            if not embed:
                cmd.append("--no-embed")
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            rows.append(json.loads(out.strip().splitlines()[-1]))
    print(f"{'system':<28}{'articles':>9}{'seconds':>9}{'cpu s':>7}{'cpu s/1k':>9}{'peak MB':>9}{'(before)':>9}  result")
    for r in rows:
        name = "crosswire copies" + ("" if embed else " (no embed)") if r["mode"] == "crosswire" \
            else "datasketch MinHashLSH(0.5)"
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(r["kinds"].items()))
        print(f"{name:<28}{r['articles']:>9}{r['seconds']:>9.2f}{r['cpu_seconds']:>7.2f}"
              f"{1000 * r['cpu_seconds'] / r['articles']:>9.3f}"
              f"{r['peak_rss_mb']:>9.0f}{r['rss_before_mb']:>9.0f}  {r['groups']} groups ({kinds})")


def dump_groups(path: str, sample: int, embed: bool, seed: int) -> None:
    from crosswire import copies

    arts, story = load(1)
    by_id = {a.id: a for a in arts}
    groups = copies.find_copies(arts, use_embeddings=embed)
    with open(path, "w", encoding="utf-8") as f:
        for g in groups:
            f.write(json.dumps({"articles": g.articles, "kind": g.kind, "similarity": g.similarity,
                                "stories": [story[a] for a in g.articles]}) + "\n")
    same_story = sum(len({story[a] for a in g.articles}) == 1 for g in groups)
    kinds: dict[str, int] = {}
    for g in groups:
        kinds[g.kind] = kinds.get(g.kind, 0) + 1
    print(f"{len(groups)} groups, {sum(len(g.articles) for g in groups)} articles; kinds {kinds}; "
          f"{same_story} groups lie within one gold story")
    rng = random.Random(seed)
    for n, g in enumerate(rng.sample(groups, min(sample, len(groups))), 1):
        print(f"\n=== sample {n}: {g.kind} {g.similarity:.2f} stories={[story[a] for a in g.articles]}")
        for aid in g.articles[:3]:
            body = " ".join(by_id[aid].text.split())[:600]
            print(textwrap.indent(textwrap.fill(f"[{aid}] {body}", 110), "   "))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--one", type=int, help="run one measurement at this scale and print JSON")
    p.add_argument("--mode", choices=["crosswire", "datasketch"], default="crosswire")
    p.add_argument("--no-embed", action="store_true", help="run without the embedding model")
    p.add_argument("--groups", help="write every group found at 1x to this JSONL file")
    p.add_argument("--sample", type=int, default=30, help="groups to print side by side with --groups")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    if not DATA.exists():
        sys.exit(f"missing {DATA}")
    if args.one:
        print(json.dumps(run_once(args.one, args.mode, not args.no_embed)))
    elif args.groups:
        dump_groups(args.groups, args.sample, not args.no_embed, args.seed)
    else:
        table(not args.no_embed)


if __name__ == "__main__":
    main()
