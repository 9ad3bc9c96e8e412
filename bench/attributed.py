"""Facts' "said by" before and after the parse's quotation speakers (issue 13): what changes, to read.

    PYTHONPATH=src python bench/attributed.py ../shared/eval/mds/multinews-dev.jsonl [--sample 30] [--seed 13]

For every cluster, reads the story as the brief does (``facts.story.read_story``, no embedding) and compares
each fact sentence's attribution by the regular expressions of ``facts.attribution`` (before) with what
``facts.quotes.quoted_speakers`` gives sentences that quote someone; prints the counts (same, added where
the patterns credit nobody, changed) and a random sample of the added ones (what ``facts.analyze`` takes),
each with its sentence, to be judged by reading.
"""

from __future__ import annotations

import argparse
import json
import random
import re

from crosswire.facts.quotes import quoted_speakers
from crosswire.facts.story import read_story
from crosswire.model import Article


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    counts = {"fact sentences": 0, "quoting": 0, "same": 0, "added": 0, "changed": 0}
    changes = []
    with open(a.path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if a.limit and n >= a.limit:
                break
            row = json.loads(line)
            arts = [Article(id=f"a{k + 1}", text=re.sub(r"\s*\n\s*\n\s*", "\n\n", x["text"]).strip(), language="en")
                    for k, x in enumerate(row["articles"]) if x.get("text", "").strip()]
            if not arts:
                continue
            story = read_story(arts, [], False)
            after = quoted_speakers(story)
            facts = set(story.fact_pos)
            counts["fact sentences"] += len(facts)
            for pos, who in after.items():
                if pos not in facts:
                    continue
                counts["quoting"] += 1
                before = story.attribution[pos]
                key = "same" if before == who else "added" if before is None else "changed"
                counts[key] += 1
                if key == "added":  # what analyze takes: only where the patterns credit nobody
                    changes.append((row["id"], before, who, story.sentences[pos].text))
    print(json.dumps(counts))
    random.Random(a.seed).shuffle(changes)
    for cid, before, who, text in changes[:a.sample]:
        print(f"- {cid}: {before!r} -> {who!r}\n    {' '.join(text.split())[:300]}")


if __name__ == "__main__":
    main()
