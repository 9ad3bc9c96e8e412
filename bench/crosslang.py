"""Cross-language alignment over the German-English SemEval-2022 pairs: links by how alike the pair is.

    PYTHONPATH=src python bench/crosslang.py [--limit N] [--show 3.5] [--no-embed]

Each German-English pair of ``../shared/eval/pairs/semeval2022-train.jsonl`` (112) is read as one
story of two reports (cleaned, split, aligned with whatever ``crosswire`` is first on
``PYTHONPATH``, so the same script measures another checkout) and the facts stated by both
reports are counted.  SemEval's ``overall`` score says how alike the two reports are (1 = the
same story, 4 = unrelated): links in pairs about other stories are false joins, and ``--show X``
prints every link of the pairs scored X or more, to read.  Only the data's own score is used.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _cosine(story, members: list[int]) -> str:
    """The embedding's cosine of a linked pair, to read beside it ('' without the model)."""
    if story.embedder is None or len(members) != 2:
        return ""
    vecs = story.embedder.encode([story.sentences[m].text for m in members])
    return "" if vecs is None else f"cos {float(vecs[0] @ vecs[1]):.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", default=str(SHARED / "pairs" / "semeval2022-train.jsonl"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=float, default=None, help="print the links of pairs scored this or more")
    ap.add_argument("--no-embed", action="store_true")
    args = ap.parse_args()
    from crosswire.facts.story import read_story
    from crosswire.read.clean import clean_text

    try:
        rows = [json.loads(line) for line in open(args.pairs, encoding="utf-8")]
    except OSError as e:
        print(f"cannot read {args.pairs}: {e}")
        return 0
    rows = [r for r in rows if {r.get("lang1"), r.get("lang2")} == {"de", "en"}]
    if args.limit:
        rows = rows[: args.limit]
    by_bucket: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # pairs, pairs with a link, links
    started = time.perf_counter()
    for r in rows:
        arts = [
            clean_text(r["text1"] or "", id="a1", language=r["lang1"]),
            clean_text(r["text2"] or "", id="a2", language=r["lang2"]),
        ]
        story = read_story(arts, [], False if args.no_embed else None)
        links = [g for g in story.aligned if len({story.sentences[m].article for m in g.members}) == 2]
        score = float(r["overall"])
        bucket = "1-2 same story" if score < 2 else "2-3 related" if score < 3 else "3-4 other story"
        tally = by_bucket[bucket]
        tally[0] += 1
        tally[1] += bool(links)
        tally[2] += len(links)
        if args.show is not None and score >= args.show and links:
            print(f"\n== {r['pair_id']} overall {score}")
            for g in links:
                for m in g.members:
                    print(f"   {story.sentences[m].article}: {story.sentences[m].text[:150]}")
                print("   --", _cosine(story, g.members))
    print(f"\n{len(rows)} German-English pairs, {time.perf_counter() - started:.0f} s")
    print(f"{'overall':<18}{'pairs':>7}{'linked':>8}{'links':>7}")
    for bucket in sorted(by_bucket):
        n, linked, links = by_bucket[bucket]
        print(f"{bucket:<18}{n:>7}{linked:>8}{links:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
