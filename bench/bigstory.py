"""Cost of the facts stage (and the brief) on one big story (issue 4, big stories).

A batch run over a real stream can put several hundred articles in one story; the facts
stage must stay near-linear in the story size.  This script builds big stories from
``../shared/eval/stories/multinews-stories-dev.jsonl``: the articles of the largest gold
stories, concatenated in order of story size (largest first) and cut at N articles, so
a story of N articles is many real stories in one list, the worst case for alignment
(many sentences, few of them shared).  The texts are one paragraph each in the file;
they are split into paragraphs of four sentences so the stages see ordinary articles.

For each size, in a fresh process (pinned to at most 2 cores): ``copies.find_copies``
(not timed), then ``facts.analyze`` cold (imports and models loaded inside the timing)
and ``brief.build_brief`` on its result.  Prints wall and CPU seconds of each, the
process's peak RSS, the number of sentences, facts and aligned facts, and the load average.

    python bench/bigstory.py                     # 100, 300 and 1000 articles, embedding on
    python bench/bigstory.py --sizes 100 300     # other sizes
    python bench/bigstory.py --no-embed          # without the embedding model
    python bench/bigstory.py --pick long         # stories with the longest articles first
    python bench/bigstory.py --profile 300       # cProfile of facts.analyze at one size (top 25)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STREAM = ROOT.parent / "shared" / "eval" / "stories" / "multinews-stories-dev.jsonl"


def big_story(n: int, pick: str = "size"):
    """The first ``n`` articles of the largest gold stories, largest first, as Articles.

    ``pick="long"`` takes the stories with the longest articles first instead (the largest
    stories of the file are mostly short pages; long articles make many more sentences).
    """
    from crosswire.model import Article
    from crosswire.text.sentences import split_sentences

    by_story: dict[str, list[dict]] = defaultdict(list)
    with open(STREAM, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if (row.get("text") or "").strip():
                by_story[row["story"]].append(row)
    if pick == "long":
        stories = sorted(by_story.values(), key=lambda rows: (-sum(len(r["text"]) for r in rows) / len(rows),
                                                              rows[0]["story"]))
    else:
        stories = sorted(by_story.values(), key=lambda rows: (-len(rows), rows[0]["story"]))
    arts = []
    for rows in stories:
        for row in sorted(rows, key=lambda r: r["id"]):
            text = re.sub(r"[ \t]+", " ", row["text"]).strip()
            sents = [s.text for s in split_sentences(text)]
            paras = [" ".join(sents[k: k + 4]) for k in range(0, len(sents), 4)]
            arts.append(Article(id=row["id"], text="\n\n".join(paras), language="en"))
            if len(arts) >= n:
                return arts
    return arts


def child(n: int, embed: bool, profile: bool, pick: str = "size") -> dict:
    """One measurement, in this process."""
    try:
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:2]))
    except (AttributeError, OSError):
        pass
    if not embed:
        os.environ["CROSSWIRE_NO_EMBED"] = "1"
    arts = big_story(n, pick)
    from crosswire import copies

    groups = copies.find_copies(arts)
    cpu0, t0 = time.process_time(), time.perf_counter()
    from crosswire import facts

    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
    sheet = facts.analyze(arts, groups)
    if profile:
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(15)
    t_facts, cpu_facts = time.perf_counter() - t0, time.process_time() - cpu0
    from crosswire import brief

    cpu1, t1 = time.process_time(), time.perf_counter()
    brief.build_brief(arts, groups, sheet)
    t_brief, cpu_brief = time.perf_counter() - t1, time.process_time() - cpu1
    return {
        "articles": len(arts),
        "sentences": sum(len(v) for v in sheet.sentences.values()),
        "facts": len(sheet.facts),
        "shared": sum(1 for f in sheet.facts if len(f.articles) > 1),
        "facts_s": t_facts, "facts_cpu": cpu_facts,
        "brief_s": t_brief, "brief_cpu": cpu_brief,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "load": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--pick", choices=["size", "long"], default="size",
                    help="take the largest stories first (default) or those with the longest articles")
    ap.add_argument("--profile", type=int, metavar="N", help="profile facts.analyze on N articles")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not STREAM.is_file():
        print(f"missing {STREAM}", file=sys.stderr)
        return 1
    if args.child is not None:
        print(json.dumps(child(args.child, not args.no_embed, False, args.pick)))
        return 0
    if args.profile:
        child(args.profile, not args.no_embed, True, args.pick)
        return 0
    print(f"{'articles':>8} {'sentences':>9} {'facts':>6} {'shared':>6} {'facts s':>8} {'cpu s':>7} "
          f"{'brief s':>8} {'cpu s':>7} {'peak MB':>8} {'load':>5}")
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--child", str(n)] + (["--no-embed"] if args.no_embed else []) + ["--pick", args.pick]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            print(f"{n:>8} failed: {res.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"{r['articles']:>8} {r['sentences']:>9} {r['facts']:>6} {r['shared']:>6} {r['facts_s']:>8.1f} "
              f"{r['facts_cpu']:>7.1f} {r['brief_s']:>8.1f} {r['brief_cpu']:>7.1f} {r['peak_mb']:>8.0f} "
              f"{r['load']:>5.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
