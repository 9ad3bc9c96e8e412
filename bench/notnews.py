#!/usr/bin/env python3
"""Inputs set aside (``read.setaside.set_aside`` after ``read.clean.clean_text``) over every cluster of
``../shared/eval/mds/multinews-dev.jsonl`` by two checkouts, each in its own process; prints every
input set aside by one and not the other, with its reason and the start of its text, to read:

    python bench/notnews.py --base /work/main/src --new src [--embed]

Without ``--embed`` the other-story check runs without the embedding model (words only).
``--dump OUT`` (used by the child processes) writes ``id<TAB>kind<TAB>reason<TAB>text start`` lines.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "eval" / "mds" / "multinews-dev.jsonl"


def _dump(out: str, embed: bool) -> None:
    from crosswire.read.clean import clean_text
    from crosswire.read.setaside import set_aside

    with open(out, "w", encoding="utf-8") as fh:
        for line in MDS.open(encoding="utf-8"):
            row = json.loads(line)
            arts = []
            for k, a in enumerate(row["articles"], 1):
                if (a.get("text") or "").strip():
                    try:
                        arts.append(clean_text(a["text"], id=f"{row['id']}/a{k}"))
                    except ValueError:
                        continue
            texts = {a.id: " ".join(a.text.split())[:160] for a in arts}
            for v in set_aside(arts, embedder=None if embed else False):
                fh.write(f"{v.article}\t{v.kind}\t{v.reason}\t{texts.get(v.article, '')}\n")


def _run(src: str, embed: bool) -> dict[str, tuple[str, str, str]]:
    with tempfile.NamedTemporaryFile("r", suffix=".tsv", delete=False) as tmp:
        path = tmp.name
    env = dict(os.environ, PYTHONPATH=str(Path(src).resolve()))
    cmd = [sys.executable, __file__, "--dump", path] + (["--embed"] if embed else [])
    subprocess.run(cmd, env=env, check=True)
    rows = {}
    for line in open(path, encoding="utf-8"):
        aid, kind, reason, head = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
        rows[aid] = (kind, reason, head)
    os.unlink(path)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base")
    ap.add_argument("--new")
    ap.add_argument("--embed", action="store_true")
    ap.add_argument("--dump")
    args = ap.parse_args()
    if not MDS.is_file():
        print(f"no {MDS}: nothing to measure")
        return 0
    if args.dump:
        _dump(args.dump, args.embed)
        return 0
    if not (args.base and args.new):
        ap.error("--base and --new are required")
    base, new = _run(args.base, args.embed), _run(args.new, args.embed)
    print(f"set aside: {len(base)} -> {len(new)}")
    for aid in sorted(set(base) | set(new)):
        if base.get(aid) != new.get(aid):
            b, n = base.get(aid), new.get(aid)
            print(f"  {aid}: {b[1] if b else '-'} -> {n[1] if n else '-'}\n      {(n or b)[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
