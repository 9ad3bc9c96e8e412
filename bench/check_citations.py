"""Check every citation of a brief's JSON against the article texts (the contract's rules).

As a library::

    from check_citations import check_brief_json
    problems = check_brief_json(obj)            # obj: the JSON of one brief (a dict)
    problems = check_brief_json(obj, articles)  # or against these Articles / {id: text}

returns a list of problems as one-line strings (empty when everything holds): every
``citations[].text`` (facts, conflict sides, quotes, numbers, timeline) must be exactly
sentence ``sentence`` of that article's text as numbered by
``crosswire.text.sentences.split_sentences`` (crossheads from the article's ``headings``);
summary citations must point at existing sentences; a fact's ``text`` must be one of
its cited sentences; ``articles`` must list the cited articles; ``independent_sources``
must count the fact's articles once per copy group.

As a benchmark::

    python bench/check_citations.py                    # 166 Multi-News clusters: copies+facts+brief
    python bench/check_citations.py --limit 20
    python bench/check_citations.py --show 20 --seed 4 # also print 20 random conflicts to read

reads ``../shared/eval/mds/multinews-dev.jsonl``, builds Articles with
``clean.clean_text``, runs the pipeline's stages, checks each brief and prints a table:
clusters, crashes, citation problems, conflicts by kind, seconds per cluster.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "mds" / "multinews-dev.jsonl"

__all__ = ["check_brief_json"]


def _sentence_texts(articles: Any, obj: Mapping[str, Any]) -> dict[str, list[str]]:
    from crosswire.text.sentences import split_sentences

    out: dict[str, list[str]] = {}
    if articles is not None:
        items = articles.items() if isinstance(articles, Mapping) else [(a.id, a) for a in articles]
        for aid, a in items:
            if isinstance(a, str):
                out[aid] = [s.text for s in split_sentences(a, aid)]
            else:
                out[aid] = [s.text for s in split_sentences(a.text, aid, frozenset(getattr(a, "headings", []) or []))]
        return out
    for a in obj.get("articles") or []:
        if isinstance(a, Mapping) and isinstance(a.get("id"), str):
            out[a["id"]] = [s.text for s in split_sentences(a.get("text") or "", a["id"],
                                                            frozenset(a.get("headings") or []))]
    return out


def _independent(ids: Iterable[str], copies: list[Mapping[str, Any]],
                 detail: list[Mapping[str, Any]] | None = None) -> int:
    """Articles counted once per copy group, or once per source of ``sources_detail`` when the
    brief has it (reports of one outlet, copies of one wire, are one source)."""
    if detail:
        owner = {a: k for k, d in enumerate(detail) for a in d.get("articles") or []}
        return len({("s", owner[a]) if a in owner else ("a", a) for a in ids})
    owner = {a: k for k, g in enumerate(copies) for a in g.get("articles") or []}
    return len({("g", owner[a]) if a in owner else ("a", a) for a in ids})


def check_brief_json(obj: Mapping[str, Any], articles: Any = None) -> list[str]:
    """Problems with the citations of one brief's JSON (empty list: all good).

    ``articles``: optional Articles (or ``{id: text}``) to check against; by default the
    brief's own ``articles[].text`` and ``headings``.
    """
    problems: list[str] = []
    try:
        sents = _sentence_texts(articles, obj)
    except Exception as e:  # noqa: BLE001 - a malformed brief is a problem to report, not a crash
        return [f"articles unreadable: {type(e).__name__}: {e}"]

    def cite(where: str, c: Any, need_text: bool = True) -> None:
        if not isinstance(c, Mapping):
            problems.append(f"{where}: citation is not an object")
            return
        aid, k = c.get("article"), c.get("sentence")
        if aid not in sents:
            problems.append(f"{where}: unknown article {aid!r}")
            return
        if not isinstance(k, int) or not 0 <= k < len(sents[aid]):
            problems.append(f"{where}: no sentence {k!r} in {aid} ({len(sents[aid])} sentences)")
            return
        if need_text and c.get("text") != sents[aid][k]:
            problems.append(f"{where}: text differs from sentence {k} of {aid}: {str(c.get('text'))[:60]!r}")

    def cited(where: str, item: Mapping[str, Any], *, articles_key: bool = True) -> list[Mapping[str, Any]]:
        cs = item.get("citations")
        if cs is None:
            return []
        if not isinstance(cs, list):
            problems.append(f"{where}: citations is not a list")
            return []
        for c in cs:
            cite(where, c)
        if articles_key and isinstance(item.get("articles"), list):
            missing = {c.get("article") for c in cs if isinstance(c, Mapping)} - set(item["articles"])
            if missing:
                problems.append(f"{where}: cites articles not in its articles list: {sorted(map(str, missing))}")
        return cs

    copies = [g for g in obj.get("copies") or [] if isinstance(g, Mapping)]
    for f in obj.get("facts") or []:
        where = f"fact {f.get('id')}"
        cs = cited(where, f)
        if not cs:
            problems.append(f"{where}: no citations")
        elif f.get("text") not in {c.get("text") for c in cs}:
            problems.append(f"{where}: text is not one of its cited sentences")
        ids = f.get("articles") or []
        n_ind = _independent(ids, copies, obj.get("sources_detail"))
        if f.get("independent_sources") != n_ind:
            problems.append(f"{where}: independent_sources {f.get('independent_sources')} != "
                            f"{n_ind} (articles counted once per copy group / source)")
    for c in obj.get("conflicts") or []:
        sides = c.get("sides") or []
        if c.get("kind") in ("number", "date", "denial") and len(sides) < 2:
            problems.append(f"conflict {c.get('id')}: a {c.get('kind')} conflict needs two sides")
        for k, s in enumerate(sides):
            cited(f"conflict {c.get('id')} side {k}", s)
    for k, q in enumerate(obj.get("quotes") or []):
        cited(f"quote {k}", q)
    for k, n in enumerate(obj.get("numbers") or []):
        cited(f"number {k}", n)
    for k, t in enumerate(obj.get("timeline") or []):
        cited(f"timeline {k}", t)
    for k, s in enumerate(obj.get("summary") or []):
        cs = s.get("citations") or []
        if not cs:
            problems.append(f"summary {k}: no citations")
        for c in cs:
            cite(f"summary {k}", c, need_text="text" in c)
    return problems


# --- the benchmark ------------------------------------------------------------------------------

def run_clusters(rows: list[dict], extra: Callable[[dict, list], list[str]] | None = None
                 ) -> tuple[list[tuple[str, dict]], list[str], list[str], float]:
    """Each Multi-News cluster through clean, copies, facts and brief, its JSON checked.

    Returns ``(row id, brief JSON)`` pairs, crashes, problems (``check_brief_json``, plus
    what ``extra(obj, articles)`` finds, when given) and the wall seconds it took.
    """
    from crosswire import copies
    from crosswire import facts
    from crosswire.brief import build_brief
    from crosswire.read.clean import clean_text
    from crosswire.model import to_json

    briefs, crashes, problems = [], [], []
    t0 = time.perf_counter()
    for row in rows:
        try:
            arts = [clean_text(a.get("text") or "", id=f"{row['id']}-{k}") for k, a in enumerate(row["articles"])]
            arts = [a for a in arts if a.text.strip()]
            groups = copies.find_copies(arts)
            sheet = facts.analyze(arts, groups)
            obj = to_json(build_brief(arts, groups, sheet))
        except Exception as e:  # noqa: BLE001 - counted and shown
            crashes.append(f"{row['id']}: {type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}")
            continue
        found = check_brief_json(obj, arts) + (extra(obj, arts) if extra is not None else [])
        problems += [f"{row['id']}: {p}" for p in found]
        briefs.append((row["id"], obj))
    return briefs, crashes, problems, time.perf_counter() - t0


def _show(conflict: Mapping[str, Any]) -> str:
    lines = [f"[{conflict['kind']}] {conflict['about']}"]
    for s in conflict["sides"]:
        lines.append(f"   - ({s.get('attributed_to')}; {', '.join(s['articles'])}) {s['claim']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Check brief citations on Multi-News clusters.")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print this many random conflicts")
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"missing {args.data}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    runs, crashes, problems, secs = run_clusters(rows)
    briefs = [obj for _rid, obj in runs]
    conflicts = [(b, c) for b in briefs for c in b["conflicts"]]
    kinds: dict[str, int] = {}
    for _b, c in conflicts:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    n_facts = sum(len(b["facts"]) for b in briefs)
    n_cites = sum(len(f["citations"]) for b in briefs for f in b["facts"])
    print(f"{'clusters':>8} {'crashes':>7} {'problems':>8} {'facts':>6} {'fact cites':>10} {'conflicts':>9} "
          f"{'number':>6} {'date':>5} {'denial':>6} {'claim':>5} {'s/cluster':>9}")
    print(f"{len(rows):>8} {len(crashes):>7} {len(problems):>8} {n_facts:>6} {n_cites:>10} {len(conflicts):>9} "
          f"{kinds.get('number', 0):>6} {kinds.get('date', 0):>5} {kinds.get('denial', 0):>6} "
          f"{kinds.get('claim', 0):>5} {secs / max(1, len(rows)):>9.2f}")
    for line in crashes[:5] + problems[:10]:
        print("  ", line)
    if args.show and conflicts:
        rng = random.Random(args.seed)
        picked = rng.sample(conflicts, min(args.show, len(conflicts)))
        print(f"\n{len(picked)} random conflicts (seed {args.seed}):")
        for k, (_b, c) in enumerate(picked, 1):
            print(f"\n{k}. " + _show(c))
    return 0 if not crashes and not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
