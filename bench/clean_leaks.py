#!/usr/bin/env python3
"""Web furniture that survives cleaning, counted on the Multi-News files.

Multi-News texts are lower-cased and run together (one paragraph, line breaks lost), so
captions, photo credits, video-player messages and sign-up boxes sit inside the report's
paragraph rather than on lines of their own.  For each furniture phrase this prints how many
times it occurs in the raw texts and how many of those survive ``clean.clean_text``, and how
many cleaned texts begin with it (where it would become a lead or a headline).

    python bench/clean_leaks.py                 # both files
    python bench/clean_leaks.py --limit 2000    # the first 2,000 texts of each
    python bench/clean_leaks.py --show "image copyright" --n 5   # examples that survive
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
FILES = [SHARED / "mds" / "multinews-dev.jsonl", SHARED / "stories" / "multinews-stories-dev.jsonl"]

# The phrases counted: literal page furniture, spelled as the pages print it.
PHRASES = [
    "image copyright", "image caption", "media playback is unsupported", "media caption", "getty images",
    "photo:", "ap photo", "( associated press )", "file photo", "toggle caption", "enlarge this image",
    "image 1 of", "story highlights", "story continued below", "continue reading", "advertisement",
    "text size - + reset", "enable javascript", "push notifications", "delivered weekday mornings",
    "play facebook twitter", "all of your comments", "notification has been saved",
]
LEADING = ["close ", "advertisement", "story highlights", "image copyright", "media playback"]


def texts(limit: int | None) -> list[str]:
    out: list[str] = []
    for path in FILES:
        if not path.is_file():
            sys.exit(f"missing {path}: this benchmark reads ../shared/eval")
        n = 0
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                for t in [a.get("text", "") for a in row["articles"]] if "articles" in row else [row.get("text", "")]:
                    if isinstance(t, str) and t.strip():
                        out.append(t)
                n += 1
                if limit and n >= limit:
                    break
    return out


def count(text: str, phrase: str) -> int:
    return len(re.findall(re.escape(phrase), text.lower()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="rows per file")
    ap.add_argument("--show", default=None, help="print cleaned texts where this phrase survives")
    ap.add_argument("--n", type=int, default=5)
    args = ap.parse_args()
    from crosswire.read.clean import clean_text

    raw = texts(args.limit)
    t0 = time.process_time()
    cleaned = []
    for k, t in enumerate(raw):
        try:
            cleaned.append(clean_text(t, id=str(k), language="en").text)
        except ValueError:
            cleaned.append("")
    cpu = time.process_time() - t0
    print(f"{len(raw)} texts cleaned in {cpu:.1f} CPU s")
    print(f"{'phrase':34s} {'raw':>6s} {'kept':>6s}")
    total_raw = total_kept = 0
    for p in PHRASES:
        r = sum(count(t, p) for t in raw)
        k = sum(count(t, p) for t in cleaned)
        total_raw += r
        total_kept += k
        print(f"{p:34s} {r:6d} {k:6d}")
    print(f"{'all phrases':34s} {total_raw:6d} {total_kept:6d}")
    print()
    print(f"{'cleaned text begins with':34s} {'raw':>6s} {'kept':>6s}")
    for p in LEADING:
        r = sum(t.lower().startswith(p) for t in raw)
        k = sum(t.lower().startswith(p) for t in cleaned)
        print(f"{p!r:34s} {r:6d} {k:6d}")
    if args.show:
        shown = 0
        for t in cleaned:
            i = t.lower().find(args.show.lower())
            if i >= 0:
                print("...", t[max(0, i - 150): i + 150].replace("\n", " | "), "...")
                shown += 1
                if shown >= args.n:
                    break


if __name__ == "__main__":
    main()
