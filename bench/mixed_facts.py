"""Facts that join sentences of different real stories: a false-join count for the alignment (issue 4).

Two sentences of two different events cannot state one fact.  This script mixes the articles
of N gold stories of ``../shared/eval/stories/multinews-stories-dev.jsonl`` (stories of at
least 3 articles, picked at random) into ONE story, runs ``copies.find_copies`` and
``facts.analyze`` on it (no embedding), and counts the facts citing two or more articles and,
among them, the facts whose articles come from more than one gold story ("mixed").  Every
mixed fact is a false join, or web furniture shared across sites ("Breaking news emails get
breaking news alerts ..."), which ``--show`` prints so a reader can tell them apart.

The texts are one paragraph each in the file; they are cut into paragraphs of four sentences
so the stages see ordinary articles.  Note the file is lower-cased (sentence starts aside):
rules that read capitalised names see few names here.

    python bench/mixed_facts.py                      # seeds 3 5 11, 60 stories each
    python bench/mixed_facts.py --seeds 3 --show 10  # and print 10 mixed facts
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "stories" / "multinews-stories-dev.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--seeds", type=int, nargs="+", default=[3, 5, 11])
    ap.add_argument("--stories", type=int, default=60, help="gold stories mixed into one (default 60)")
    ap.add_argument("--show", type=int, default=0, help="print this many mixed facts per seed")
    args = ap.parse_args()
    if not Path(args.data).is_file():
        print(f"missing {args.data}", file=sys.stderr)
        return 2
    from crosswire import copies
    from crosswire import facts
    from crosswire.model import Article

    by_story: dict[str, list[dict]] = defaultdict(list)
    with open(args.data, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            by_story[str(row["story"])].append(row)
    eligible = sorted(s for s, rows in by_story.items() if len(rows) >= 3)
    print(f"{'seed':>4} {'articles':>8} {'facts':>6} {'multi':>6} {'mixed':>6} {'cites':>6}")
    totals = [0, 0]
    for seed in args.seeds:
        rng = random.Random(seed)
        articles, gold = [], {}
        for story in rng.sample(eligible, min(args.stories, len(eligible))):
            for row in by_story[story]:
                sents = row["text"].split(". ")
                text = "\n\n".join(". ".join(sents[i:i + 4]) for i in range(0, len(sents), 4))
                articles.append(Article(id=str(row["id"]), text=text, language="en"))
                gold[str(row["id"])] = story
        rng.shuffle(articles)
        sheet = facts.analyze(articles, copies.find_copies(articles), embedder=False)
        multi = [f for f in sheet.facts if len(f.articles) >= 2]
        mixed = [f for f in multi if len({gold[a] for a in f.articles}) > 1]
        cites = sum(len(f.citations) for f in sheet.facts)
        totals[0] += len(multi)
        totals[1] += len(mixed)
        print(f"{seed:>4} {len(articles):>8} {len(sheet.facts):>6} {len(multi):>6} {len(mixed):>6} {cites:>6}")
        for f in mixed[: args.show]:
            print("   ---")
            for c in f.citations:
                print(f"   {gold[c.article]}  {c.text[:140]}")
    print(f"mixed facts: {totals[1]} of {totals[0]} facts citing two or more articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
