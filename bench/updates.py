"""Figure updates on the Multi-News clusters: how many, are their citations exact, read a sample.

    python bench/updates.py                  # 166 clusters: copies + facts + brief, a table
    python bench/updates.py --show 10        # ... and print 10 random updates to read
    python bench/updates.py --limit 20
    python bench/updates.py --stories --show 10   # the 10k-article stream, by its gold stories

The ``--stories`` mode reads ``../shared/eval/stories/multinews-stories-dev.jsonl`` (more
clusters, lowercased and truncated), groups the articles by their gold ``story`` and runs
``conflicts.find_updates`` on each story's sentences alone (no copies or facts stage, so no
number conflict removes a figure first): many more stories to find an update in, cheaply.

Reads ``../shared/eval/mds/multinews-dev.jsonl`` and runs the same stages as
``bench/check_citations.py`` (whose ``check_brief_json`` checks every other citation);
here every ``updates[].values[].citations[]`` must also be the exact sentence it names,
each value's ``articles`` must list its cited articles, values must be in time order
where dated, and no sentence may be both a side of a number conflict and an update value.
Prints clusters, crashes, citation problems, updates (and the values in them), number
conflicts, and CPU seconds per cluster.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any, Mapping

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "mds" / "multinews-dev.jsonl"
STORIES = ROOT.parent / "shared" / "eval" / "stories" / "multinews-stories-dev.jsonl"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def update_problems(obj: Mapping[str, Any], sentences: Mapping[str, list[str]]) -> list[str]:
    """What is wrong with the ``updates`` of one brief's JSON (empty: nothing)."""
    problems: list[str] = []
    in_conflict = {(c["article"], c["sentence"]) for x in obj.get("conflicts") or [] if x.get("kind") == "number"
                   for s in x.get("sides") or [] for c in s.get("citations") or []}
    for k, u in enumerate(obj.get("updates") or []):
        values = u.get("values") or []
        if len(values) < 2:
            problems.append(f"update {k}: fewer than two values")
        dates = [v.get("date") for v in values if v.get("date")]
        if dates != sorted(dates):
            problems.append(f"update {k}: values out of time order {dates}")
        for j, v in enumerate(values):
            where = f"update {k} value {j}"
            cs = v.get("citations") or []
            if not cs:
                problems.append(f"{where}: no citations")
            for c in cs:
                texts = sentences.get(c.get("article"))
                n = c.get("sentence")
                if texts is None or not isinstance(n, int) or not 0 <= n < len(texts):
                    problems.append(f"{where}: no sentence {n!r} in {c.get('article')!r}")
                elif texts[n] != c.get("text"):
                    problems.append(f"{where}: text differs from sentence {n} of {c.get('article')}")
                if (c.get("article"), n) in in_conflict:
                    problems.append(f"{where}: also a side of a number conflict")
            if {c.get("article") for c in cs} - set(v.get("articles") or []):
                problems.append(f"{where}: cites articles not in its articles list")
    return problems


def _show(u: Mapping[str, Any]) -> str:
    lines = [f"[{u['what']}] {u['about']}"]
    for v in u["values"]:
        c = v["citations"][0]
        lines.append(f"   - {v['date'] or 'undated'} {v['value']:g} ({c['article']}:{c['sentence']}) {c['text']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Figure updates on Multi-News clusters.")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print this many random updates")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--stories", action="store_true", help="the story stream, updates from sentences alone")
    args = ap.parse_args(argv)
    if args.stories:
        return _stories(STORIES if args.data == DATA else args.data, args)
    if not args.data.exists():
        print(f"missing {args.data}", file=sys.stderr)
        return 2
    from check_citations import run_clusters

    from crosswire.text.sentences import article_sentences

    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]

    def check_updates(obj: dict, arts: list) -> list[str]:
        return update_problems(obj, {a.id: [s.text for s in article_sentences(a)] for a in arts})

    cpu = time.process_time()
    briefs, crashes, problems, _secs = run_clusters(rows, extra=check_updates)
    cpu = time.process_time() - cpu
    updates = [(rid, u) for rid, b in briefs for u in b.get("updates") or []]
    n_values = sum(len(u["values"]) for _, u in updates)
    n_numbers = sum(1 for _, b in briefs for c in b["conflicts"] if c["kind"] == "number")
    print(f"{'clusters':>8} {'crashes':>7} {'problems':>8} {'updates':>7} {'values':>6} {'clusters w/ upd':>15} "
          f"{'number conflicts':>16} {'cpu s/cluster':>13}")
    print(f"{len(rows):>8} {len(crashes):>7} {len(problems):>8} {len(updates):>7} {n_values:>6} "
          f"{len({rid for rid, _ in updates}):>15} {n_numbers:>16} {cpu / max(1, len(rows)):>13.2f}")
    return _report(crashes, problems, updates, args)


def _report(crashes: list[str], problems: list[str], found: list[tuple[str, dict]], args: argparse.Namespace,
            label: str = "") -> int:
    """The first crashes and problems, ``--show`` random updates; the exit status."""
    for line in crashes[:5] + problems[:10]:
        print("  ", line)
    if args.show and found:
        picked = random.Random(args.seed).sample(found, min(args.show, len(found)))
        print(f"\n{len(picked)} random updates (seed {args.seed}):")
        for k, (key, u) in enumerate(picked, 1):
            print(f"\n{k}. {label}{key} " + _show(u))
    return 0 if not crashes and not problems else 1


def _stories(path: Path, args: argparse.Namespace) -> int:
    """find_updates on every gold story of the stream (sentences only), a table and a sample."""
    if not path.exists():
        print(f"missing {path}", file=sys.stderr)
        return 2
    from dataclasses import asdict

    from crosswire.read.clean import clean_text
    from crosswire.facts.updates import find_updates
    from crosswire.text.sentences import article_sentences

    stories: dict[str, list[dict]] = {}
    for line in path.open(encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            stories.setdefault(str(row.get("story")), []).append(row)
    keys = sorted(stories)[: args.limit] if args.limit else sorted(stories)
    found, problems, crashes = [], [], []
    cpu = time.process_time()
    for key in keys:
        try:
            arts = [clean_text(r.get("text") or "", id=str(r["id"])) for r in stories[key]]
            arts = [a for a in arts if a.text.strip()]
            sents = {a.id: article_sentences(a) for a in arts}
            ups = find_updates(arts, sents)
        except Exception as e:  # noqa: BLE001 - counted and shown
            crashes.append(f"{key}: {type(e).__name__}: {e}")
            continue
        obj = {"updates": [asdict(u) for u in ups], "conflicts": []}
        problems += [f"{key}: {p}" for p in update_problems(obj, {a: [s.text for s in ss] for a, ss in sents.items()})]
        found += [(key, u) for u in obj["updates"]]
    cpu = time.process_time() - cpu
    print(f"{'stories':>7} {'articles':>8} {'crashes':>7} {'problems':>8} {'updates':>7} {'stories w/ upd':>14} "
          f"{'cpu s':>6}")
    print(f"{len(keys):>7} {sum(len(stories[k]) for k in keys):>8} {len(crashes):>7} {len(problems):>8} "
          f"{len(found):>7} {len({k for k, _ in found}):>14} {cpu:>6.1f}")
    return _report(crashes, problems, found, args, label="story ")


if __name__ == "__main__":
    raise SystemExit(main())
