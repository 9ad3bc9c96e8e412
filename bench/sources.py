#!/usr/bin/env python3
"""Know your sources, on the Multi-News dev clusters: unknown outlets, furniture, set-aside pages.

For every cluster of ``../shared/eval/mds/multinews-dev.jsonl`` the articles are cleaned and
briefed (``pipeline.brief_for``), and the JSON brief is read for

* **unknown outlets**: articles with neither an outlet nor a credit although their raw text
  names one by a plain sign a reader sees (a copyright line with a name, a wire or outlet in
  a dateline's parentheses, "originally published / first appeared", "a message from X",
  "supporting X"); the count of briefs with at least one, and a sample;
* **furniture in the brief**: the furniture phrases of ``bench/clean_leaks.py`` plus those of
  captions, credits, embedded posts, adverts and links, counted in summary sentences and facts;
* **set aside**: inputs the brief left out, with their reasons (a sample is printed to read).

It runs whatever ``crosswire`` is first on ``PYTHONPATH``, so the same script measures an older
checkout (the JSON fields it lacks count as empty):

    PYTHONPATH=src python bench/sources.py [--limit N] [--sample 8] [--json OUT]
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
sys.path.insert(0, str(ROOT / "bench"))

from clean_leaks import PHRASES

EXTRA = [
    "reported from", "contributed to this report", "contributed reporting", "<a href", "</a>", "pic.twitter.com",
    "> more:", "[related", "[read", "handout via", "slideshow (", "printer-friendly", "e-mail this", "email this",
    "click here", "tel:", "email protected", "a photo of", "this screengrab", "is seen in a", "wayback machine",
    "this crawl", "tweet with a location", "we use cookies", "(out of 4)", "previous:", "first appeared in",
    "originally published",
]
# plain signs that a text names who published it (what a reader would use)
NAMES = [
    # (not a picture's credit: "Image copyright PA")
    ("copyright", re.compile(r"(?<!image )(?<!photo )(?:©|\bcopyright\b)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*)?[A-Z][\w&.-]+",
                             re.IGNORECASE)),
    ("dateline", re.compile(r"(?:^|\n)\s*[A-Z][A-Za-z .,/'-]{1,50}\((?:[A-Z][\w ./&'-]{1,30})\)\s*[-–—:]")),
    ("origin", re.compile(r"\b(?:originally|first) (?:published|appeared) (?:on|in)\b", re.IGNORECASE)),
    ("appeal", re.compile(r"\b(?:a message from|by supporting) (?:the )?[A-Z][\w&'-]+", re.IGNORECASE)),
]


def _names(text: str) -> tuple[str, str] | None:
    for kind, rx in NAMES:
        m = rx.search(text)
        if m:
            return kind, text[max(0, m.start() - 20): m.end() + 40].replace("\n", " ")
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--sample", type=int, default=8)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    path = SHARED / "mds" / "multinews-dev.jsonl"
    if not path.is_file():
        sys.exit(f"missing {path}: this benchmark reads ../shared/eval")
    import crosswire
    from crosswire.read.clean import clean_text
    from crosswire.model import to_json
    from crosswire.pipeline import brief_for

    phrases = list(dict.fromkeys(p.lower() for p in PHRASES + EXTRA))
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][: args.limit]
    t0 = time.perf_counter()
    unknown_briefs, unknown_arts, named_arts, n_arts = 0, 0, 0, 0
    found_by: dict[str, int] = {}
    samples, furn_samples, aside = [], [], []
    furn = {p: 0 for p in phrases}
    headline_furn = 0
    for row in rows:
        raw = {f"a{k}": a["text"] for k, a in enumerate(row["articles"], 1) if (a.get("text") or "").strip()}
        arts = []
        for aid, text in raw.items():
            try:
                art = clean_text(text, id=aid)
            except ValueError:
                continue
            if len(art.text.split()) >= 5:
                arts.append(art)
        if not arts:
            continue
        out = to_json(brief_for(arts, words=120))
        n_arts += len(out["articles"])
        missing = False
        for a in out["articles"]:
            named = _names(raw[a["id"]])
            if named is None:
                continue
            named_arts += 1
            if a.get("outlet") or a.get("credits"):
                found_by[named[0]] = found_by.get(named[0], 0) + 1
                continue
            unknown_arts += 1
            missing = True
            if len(samples) < args.sample:
                samples.append(f"{row['id']} {a['id']} ({named[0]}): …{named[1]}…")
        unknown_briefs += missing
        texts = [s["text"] for s in out["summary"]] + [f["text"] for f in out["facts"]]
        for t in texts:
            low = t.lower()
            for p in phrases:
                if p in low:
                    furn[p] += 1
                    if len(furn_samples) < args.sample:
                        furn_samples.append(f"{row['id']} [{p}] {t[:140]}")
        head = (out.get("headline") or "").lower()
        if any(p in head for p in phrases) or head.strip() in ("photo", "video", "advertisement"):
            headline_furn += 1
            furn_samples.append(f"{row['id']} headline: {out.get('headline')!r}"[:160])
        for x in out.get("set_aside") or []:
            aside.append(f"{row['id']} {x['article']}: {x['reason']} — {raw[x['article']][:90]!r}")
    secs = time.perf_counter() - t0
    total = sum(furn.values())
    print(f"crosswire at {Path(crosswire.__file__).resolve().parents[1]}: {len(rows)} clusters, {n_arts} articles, "
          f"{secs:.0f} s")
    print(f"articles whose text names its publisher: {named_arts}; outlet or credit found for "
          f"{named_arts - unknown_arts} ({found_by})")
    print(f"briefs with an unknown outlet for an article whose text names one: {unknown_briefs} "
          f"({unknown_arts} articles)")
    for s in samples:
        print("  -", s)
    print(f"furniture phrases in summaries and facts: {total}  "
          + ", ".join(f"{p!r}: {n}" for p, n in furn.items() if n))
    for s in furn_samples:
        print("  -", s)
    print(f"headlines with furniture: {headline_furn}")
    print(f"inputs set aside: {len(aside)}")
    for s in aside[: max(args.sample, 30)]:
        print("  -", s)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"unknown_briefs": unknown_briefs, "unknown_articles": unknown_arts, "named": named_arts,
                       "furniture": total, "headline_furniture": headline_furn, "set_aside": len(aside)}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
