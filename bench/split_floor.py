"""What removing trust-dev's split would cost: can a shared fact told by several fact texts be one fact?

The trust scorer counts a gold fact as *split* when the ``text`` of two or more brief facts states
it. The contract makes a fact's ``text`` one verbatim sentence, and a citation is attached only
where its sentence states the fact. So one gold fact told by sentences A and B can be one brief
fact only if one of them (the keeper) is the text and the other is cited there, which is right
only when the cited sentence states what the keeper's sentence says; otherwise the cited report
is credited with the keeper's other claims ("lent"), or the cited sentence's own claims leave the
facts list. This script reads briefs the scorer wrote and prints, for each split gold fact, the
best keeper (the text whose words the other texts cover best) and how much of its words each other
text says; then the totals: how many split facts could be joined without lending at several
coverage levels, and what reaching the issue's "split at most 10" by joining anyway would lend.

    python ../shared/eval/trust/score_trust.py ../shared/eval/trust/trust-dev.json \\
        --crosswire .venv/bin/crosswire --out /tmp/td
    PYTHONPATH=src python bench/split_floor.py /tmp/td [--show]

Coverage is lexical (stems of ordinary words and name words, :func:`crosswire.facts.support.sentence_words`):
a paraphrase in other words, or a translation, counts as lending here, so the figures are a floor
on joins that a reader of the two sentences would accept, to be read with the listing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRUST = ROOT.parent / "shared" / "eval" / "trust"
LEVELS = (0.7, 0.5, 0.34)
TARGET = 10  # the "split at most 10"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("briefs", type=Path, help="the --out directory of score_trust.py")
    ap.add_argument("--gold", type=Path, default=TRUST / "trust-dev.json")
    ap.add_argument("--show", action="store_true", help="list every split fact")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"split_floor: no gold at {args.gold}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(args.gold.parent))
    import score_trust as st  # the scorer's own matching

    from crosswire.facts.support import sentence_words

    rows = []  # (cluster, gold fact, keeper text, [coverage of each other text])
    for cluster in json.loads(args.gold.read_text(encoding="utf-8")):
        path = args.briefs / f"{cluster['id']}.brief.json"
        if not path.exists():
            print(f"split_floor: {path}: no brief (run score_trust.py with --out)", file=sys.stderr)
            return 2
        facts = json.loads(path.read_text(encoding="utf-8"))["facts"]
        for gold in cluster["gold"]["shared_facts"]:
            texts = [f["text"] for f in facts if st.any_alt(gold["any"], [f["text"]])]
            if len(texts) < 2:
                continue
            best: tuple[float, str, list[float]] | None = None
            for keeper in texts:
                words = set(sentence_words(keeper))
                cover = [len(words & set(sentence_words(t))) / max(1, len(words)) for t in texts if t != keeper]
                if best is None or min(cover) > best[0]:
                    best = (min(cover), keeper, cover)
            assert best is not None
            rows.append((cluster["id"], gold["fact"], best[1], best[2]))
    if args.show:
        for cid, fact, keeper, cover in rows:
            said = [round(c, 2) for c in cover]
            print(f"{cid}: {fact[:70]}\n    keeper: {keeper[:110]}\n    others say {said} of its words")
    print(f"split gold facts: {len(rows)}")
    for level in LEVELS:
        ok = sum(min(c) >= level for *_, c in rows)
        print(f"  joinable with every cited sentence saying >= {level:.0%} of the keeper's words: {ok}")
    # reaching the target by joining the cheapest split facts anyway: what the cited reports are lent
    need = max(0, len(rows) - TARGET)
    cheapest = sorted(rows, key=lambda r: -min(r[3]))[:need]
    lent = [1 - c for *_, cover in cheapest for c in cover]
    if need:
        half = sum(x > 0.5 for x in lent)
        print(
            f"to reach split <= {TARGET}: join {need} facts, citing {len(lent)} sentences under a keeper; "
            f"{half} of them would be credited with more than half of the keeper's words they do not say "
            f"(median lent {sorted(lent)[len(lent) // 2]:.0%})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
