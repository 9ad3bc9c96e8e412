"""Which facts does the claims pass (``crosswire.facts.joins``) join?  Every join, to read.

    PYTHONPATH=src python bench/joins.py                # 166 Multi-News dev clusters
    PYTHONPATH=src python bench/joins.py --limit 30

For each cluster the articles go through clean, copies and facts; each host the pass finds is
printed with the sentences it cites that it did not cite before (``+`` cited, ``=`` absorbed: the
sentence was a fact of its own and is now only cited here).  The last line counts clusters with a
join, hosts, cited and absorbed sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "mds" / "multinews-dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data}: not found", file=sys.stderr)
        return 0
    from crosswire import copies, facts
    from crosswire.read.clean import clean_text

    analyze_mod = sys.modules["crosswire.facts.analyze"]
    join = analyze_mod.join_claims
    seen = {"clusters": 0, "hosts": 0, "cited": 0, "absorbed": 0}

    def logged(story, groups, language, claims=None):
        claims = {} if claims is None else claims
        out = join(story, groups, language, claims)
        kept = {g[0] for g in out}
        gone = {g[0] for g in groups if g[0] not in kept}
        before = {g[0]: set(g[1]) | set(g[2]) for g in groups}
        lines = []
        for rep, members, support, _ in out:
            new = [m for m in support if m not in before.get(rep, set())]
            if not new:
                continue
            seen["hosts"] += 1
            claim = f" [claim: {claims[rep]}]" if rep in claims else ""
            lines.append(f"  HOST {story.sentences[rep].article}{claim}: {story.sentences[rep].text[:160]}")
            for m in new:
                mark = "=" if m in gone else "+"
                seen["absorbed" if m in gone else "cited"] += 1
                lines.append(f"     {mark} {story.sentences[m].article}: {story.sentences[m].text[:150]}")
        if lines:
            seen["clusters"] += 1
            print("\n".join(lines))
        return out

    analyze_mod.join_claims = logged
    rows = [json.loads(x) for x in args.data.read_text(encoding="utf-8").splitlines() if x.strip()]
    for row in rows[: args.limit or None]:
        arts = [clean_text(a.get("text") or "", id=f"{row['id']}-{k}") for k, a in enumerate(row["articles"])]
        arts = [a for a in arts if a.text.strip()]
        print(f"== {row['id']}", flush=True)
        facts.analyze(arts, copies.find_copies(arts), entities=[])
    print(
        f"{len(rows[: args.limit or None])} clusters: {seen['clusters']} with a join, {seen['hosts']} hosts, "
        f"{seen['cited']} sentences cited, {seen['absorbed']} absorbed"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
