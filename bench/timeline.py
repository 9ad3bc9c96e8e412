"""Timelines of the Multi-News dev clusters: does any sentence stand at two dates?

    PYTHONPATH=src python bench/timeline.py                     # this checkout, all 166 clusters
    PYTHONPATH=src python bench/timeline.py --src /work/main/src # another checkout's code (a peer)
    PYTHONPATH=src python bench/timeline.py --limit 20 --show 5  # fewer clusters, print 5 timelines

Each cluster of ``../shared/eval/mds/multinews-dev.jsonl`` is read as ``crosswire brief``
reads a JSONL file (``read_paths``: cleaning, language), its copies found, its sentences read
(``facts.read_story``, without the embedding model, which the timeline does not depend on) and
its timeline built (``facts.timeline.build_timeline``).  Printed: entries (events and, where
the code has the field, background dates), entries citing two reports or more, and the
checks, each with every case that breaks it:

- a sentence that is the event of entries at two dates or more (want 0);
- the same entry text at two dates (want 0);
- for information, sentences cited at two dates when background mentions are counted too.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "eval" / "mds" / "multinews-dev.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(MDS), help="Multi-News JSONL (rows {id, articles: [{text}]})")
    ap.add_argument("--src", help="the src/ folder of the crosswire to measure (default: the one importable)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N clusters")
    ap.add_argument("--show", type=int, default=0, help="print the timelines of the first N clusters")
    args = ap.parse_args()
    if args.src:
        sys.path.insert(0, args.src)
    gold = Path(args.gold)
    if not gold.is_file():
        print(f"bench/timeline.py: {gold}: no such file (the shared eval data is not here)")
        return 0
    from crosswire import copies, facts
    from crosswire.facts.timeline import build_timeline
    from crosswire.read.ingest import read_paths

    rows = [json.loads(line) for line in gold.open(encoding="utf-8")]
    if args.limit:
        rows = rows[: args.limit]
    n_entries = n_bg = n_multi = 0
    two_dates: list[str] = []
    same_text: list[str] = []
    any_two = 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for k, row in enumerate(rows):
            path = Path(tmp) / f"{row['id']}.jsonl"
            with path.open("w", encoding="utf-8") as g:
                for j, a in enumerate(row["articles"]):
                    g.write(json.dumps({"id": f"a{j}", "text": a["text"]}) + "\n")
            arts = read_paths([str(path)]).articles
            story = facts.read_story(arts, copies.find_copies(arts), embedder=False)
            tl = build_timeline(story)
            n_entries += len(tl)
            n_bg += sum(1 for e in tl if getattr(e, "background", False))
            n_multi += sum(1 for e in tl if len(set(e.articles)) >= 2)
            as_event: dict[tuple[str, int], set[str]] = defaultdict(set)
            cited: dict[tuple[str, int], set[str]] = defaultdict(set)
            texts: dict[str, set[str]] = defaultdict(set)
            for e in tl:
                for c in e.citations:
                    cited[(c.article, c.sentence)].add(e.date)
                    if not getattr(e, "background", False):
                        as_event[(c.article, c.sentence)].add(e.date)
                if not getattr(e, "background", False):
                    texts[e.event].add(e.date)
            for (art, idx), dates in as_event.items():
                if len(dates) > 1:
                    sent = next(s.text for s in story.by_article[art] if s.index == idx)
                    two_dates.append(f"{row['id']} {art}:{idx} {sorted(dates)} {sent[:140]}")
            same_text += [f"{row['id']} {sorted(d)} {t[:140]}" for t, d in texts.items() if len(d) > 1]
            any_two += sum(1 for d in cited.values() if len(d) > 1)
            if k < args.show:
                print(f"== {row['id']}")
                for e in tl:
                    flag = "bg" if getattr(e, "background", False) else "ev"
                    print(f"  {e.date:10} {flag} {len(e.citations)}x {e.event[:110]}")
    secs = time.perf_counter() - t0
    print(f"clusters {len(rows)}  entries {n_entries}  background {n_bg}  citing 2+ reports {n_multi}  "
          f"{secs:.0f} s")
    print(f"sentences the event of 2+ dates: {len(two_dates)}   same entry text at 2+ dates: {len(same_text)}   "
          f"(sentences cited at 2+ dates, background included: {any_two})")
    for line in two_dates + same_text:
        print("  " + line)
    return 1 if two_dates or same_text else 0


if __name__ == "__main__":
    sys.exit(main())
