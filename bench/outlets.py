#!/usr/bin/env python3
"""Outlets and credits read from report texts: every article whose outlet or credits differ
between two checkouts, to read one by one.

Every article of ``../shared/eval/mds/multinews-dev.jsonl``, ``../shared/eval/pairs/semeval2022-train.jsonl``
(both texts of each pair, with their language) and ``../shared/eval/stories/*.jsonl`` is cleaned
(``read.clean.clean_text``, which names the outlet and credits) by each checkout in its own process;
the script prints, per file, how many articles have an outlet or a credit, and every article whose
outlet or credits changed, with the text around the new name:

    python bench/outlets.py --base /work/main/src --new src [--only multinews] [--context 90]

``--dump OUT`` (used by the two child processes) writes ``key<TAB>outlet<TAB>credits`` lines for
the checkout first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def _inputs(only: str | None) -> Iterator[tuple[str, str, str, str | None]]:
    """(file label, key, raw text, language) for every article."""
    mds = SHARED / "mds" / "multinews-dev.jsonl"
    if only in (None, "multinews") and mds.is_file():
        for line in mds.open(encoding="utf-8"):
            row = json.loads(line)
            for k, a in enumerate(row["articles"], 1):
                if (a.get("text") or "").strip():
                    yield "multinews", f"{row['id']}/a{k}", a["text"], None
    pairs = SHARED / "pairs" / "semeval2022-train.jsonl"
    if only in (None, "semeval") and pairs.is_file():
        for line in pairs.open(encoding="utf-8"):
            row = json.loads(line)
            for k in (1, 2):
                if (row.get(f"text{k}") or "").strip():
                    yield "semeval", f"{row['pair_id']}/{k}", row[f"text{k}"], row.get(f"lang{k}")
    if only in (None, "stories"):
        for path in sorted((SHARED / "stories").glob("*.jsonl")):
            for line in path.open(encoding="utf-8"):
                row = json.loads(line)
                if (row.get("text") or "").strip():
                    yield "stories", f"{path.stem}/{row['id']}", row["text"], None


def _dump(out: str, only: str | None) -> None:
    from crosswire.read.clean import clean_text

    with open(out, "w", encoding="utf-8") as fh:
        for label, key, text, lang in _inputs(only):
            try:
                art = clean_text(text, id=key, language=lang)
            except ValueError:
                continue
            head = " ".join(f"{art.title or ''} || {art.text[:100]}".split())
            fh.write(f"{label}\t{key}\t{art.outlet or ''}\t{' | '.join(art.credits)}\t{head}\n")


_HEADS: dict[str, tuple[str, ...]] = {}  # key -> (title || text start) as each checkout read it


def _read(path: str) -> dict[str, tuple[str, str, str]]:
    rows = {}
    for line in open(path, encoding="utf-8"):
        label, key, outlet, credits, head = (line.rstrip("\n").split("\t") + [""])[:5]
        rows[key] = (label, outlet, credits)
        _HEADS[key] = _HEADS.get(key, ()) + (head,)
    return rows


def _around(text: str, names: list[str], width: int) -> str:
    for n in names:
        for w in sorted({n, *n.split()}, key=len, reverse=True):
            if len(w) < 2:
                continue
            m = re.search(re.escape(w), text, re.IGNORECASE)
            if m:
                s = text[max(0, m.start() - width) : m.end() + width]
                return " ".join(s.split())
    return ""


_TOLD = re.compile(
    r"\b(told|provided to|in an (?:exclusive )?interview with)\s+((?:the\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})"
)


def _told(new: dict[str, tuple[str, str, str]], only: str | None, show: int) -> None:
    """How often "told <a name of the outlet table>" names the report's own outlet, where the
    other cues know it; and how many reports name one outlet so twice or more."""
    from crosswire.read.outlets import default_table

    table = default_table()
    same = other = unknown = twice = 0
    lines = []
    for _, key, text, _ in _inputs(only):
        hits = []
        for m in _TOLD.finditer(text):
            words = m.group(2).split()
            for n in range(len(words), 0, -1):
                hit = table.spelling(" ".join(words[:n]))
                if hit:
                    hits.append(hit)
                    break
        if not hits:
            continue
        _, outlet, credits = new.get(key, ("", "", ""))
        known = [x for x in [outlet, *credits.split(" | ")] if x]
        for h in dict.fromkeys(hits):
            if known:
                same += h in known
                other += h not in known
                if h not in known:
                    lines.append(f"  {key}: told {h} ({hits.count(h)}x); outlet/credits {known}")
            else:
                unknown += 1
                twice += hits.count(h) >= 2
    print(
        f"\n'told/provided to/interview with <outlet>': outlet known by other cues: the same {same}, "
        f"another {other}; outlet unknown {unknown} ({twice} with the same name twice or more)"
    )
    print("\n".join(lines[:show]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="/work/main/src", help="the older checkout's src")
    ap.add_argument("--new", default=str(ROOT / "src"), help="the newer checkout's src")
    ap.add_argument("--only", choices=["multinews", "semeval", "stories"], default=None)
    ap.add_argument("--context", type=int, default=90)
    ap.add_argument("--dump", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", default="/tmp/bench-outlets")
    ap.add_argument("--heads", action="store_true", help="also list articles whose title or text start changed")
    ap.add_argument("--told", action="store_true", help="also measure 'told <outlet>' against the known outlets")
    args = ap.parse_args()
    if args.dump:
        _dump(args.dump, args.only)
        return 0
    if not (SHARED / "mds" / "multinews-dev.jsonl").is_file():
        sys.exit(f"missing {SHARED}: this benchmark reads ../shared/eval")
    os.makedirs(args.tmp, exist_ok=True)
    outs = {}
    procs = []
    for tag, src in (("base", args.base), ("new", args.new)):
        outs[tag] = os.path.join(args.tmp, f"{tag}.tsv")
        cmd = [sys.executable, __file__, "--dump", outs[tag]] + (["--only", args.only] if args.only else [])
        env = dict(os.environ, PYTHONPATH=str(Path(src).resolve()))
        procs.append(subprocess.Popen(cmd, env=env))
    for p in procs:
        if p.wait() != 0:
            sys.exit("a child run failed")
    base, new = _read(outs["base"]), _read(outs["new"])
    texts = {key: text for _, key, text, _ in _inputs(args.only)}
    totals: dict[str, list[int]] = {}
    changed: dict[str, list[str]] = {}
    for key, (label, outlet, credits) in new.items():
        t = totals.setdefault(label, [0, 0, 0, 0, 0])
        _, o0, c0 = base.get(key, (label, "", ""))
        t[0] += 1
        t[1] += bool(o0)
        t[2] += bool(outlet)
        t[3] += bool(c0)
        t[4] += bool(credits)
        if (o0, c0) != (outlet, credits):
            names = [x for x in [outlet, *credits.split(" | ")] if x and x not in (o0, *c0.split(" | "))]
            names = names or [x for x in [o0, *c0.split(" | ")] if x]
            changed.setdefault(label, []).append(
                f"  {key}: outlet {o0 or '-'} -> {outlet or '-'}; credits [{c0}] -> [{credits}]\n"
                f"      …{_around(texts.get(key, ''), names, args.context)}…"
            )
    for label, (n, o0, o1, c0, c1) in totals.items():
        print(
            f"{label}: {n} articles; with an outlet {o0} -> {o1}; with credits {c0} -> {c1}; "
            f"changed {len(changed.get(label, []))}"
        )
    for label, lines in changed.items():
        print(f"\n== {label}: {len(lines)} changed")
        print("\n".join(lines))
    if args.heads:
        moved = [(k, h) for k, h in _HEADS.items() if len(h) == 2 and h[0] != h[1]]
        print(f"\ntitle or text start changed: {len(moved)}")
        for k, (h0, h1) in moved:
            print(f"  {k}\n    - {h0}\n    + {h1}")
    if args.told:
        _told(new, args.only, 40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
