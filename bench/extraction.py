#!/usr/bin/env python3
"""Article-body extraction on the AEB benchmark: crosswire against trafilatura alone.

Reads ``../shared/eval/extraction/aeb`` (gzip'd pages and gold bodies), extracts
every page with each system, scores each with ``score_extraction.py`` and prints
F1 / precision / recall and pages per second side by side.

The systems run page by page in turn (so a busy machine slows them alike),
after one warm-up page each (imports, the language detector).

    python bench/extraction.py [--aeb DIR] [--keep OUTDIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def _crosswire(html: str, pid: str) -> str:
    from crosswire.read.html import clean_html

    return clean_html(html, id=pid).text


def _traf_default(html: str, pid: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def _traf_precision(html: str, pid: str) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_precision=True) or ""


SYSTEMS: dict[str, Callable[[str, str], str]] = {
    "crosswire": _crosswire,
    "trafilatura default": _traf_default,
    "trafilatura favor_precision": _traf_precision,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aeb", default=str(SHARED / "extraction" / "aeb"))
    ap.add_argument("--keep", help="write each system's PRED json into this directory")
    ap.add_argument("--repeat", type=int, default=1, help="time N passes over the pages (best pass counts)")
    args = ap.parse_args(argv)
    aeb = Path(args.aeb)
    scorer = aeb.parents[1] / "score_extraction.py"
    files = sorted((aeb / "html").glob("*.html.gz"))
    if not files:
        print(f"no pages under {aeb}", file=sys.stderr)
        return 1
    pages = {f.name.split(".")[0]: gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in files}
    first = next(iter(pages))
    for fn in SYSTEMS.values():  # warm-up: imports, lazy models
        fn(pages[first], first)

    preds: dict[str, dict[str, dict[str, str]]] = {name: {} for name in SYSTEMS}
    best: dict[str, float] = {name: float("inf") for name in SYSTEMS}
    for _ in range(max(1, args.repeat)):
        spent = {name: 0.0 for name in SYSTEMS}
        for pid, html in pages.items():
            for name, fn in SYSTEMS.items():
                t = time.perf_counter()
                text = fn(html, pid)
                spent[name] += time.perf_counter() - t
                preds[name][pid] = {"articleBody": text}
        for name in SYSTEMS:
            best[name] = min(best[name], spent[name])

    out_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="xw-extraction-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in SYSTEMS:
        pred = out_dir / f"{name.replace(' ', '_')}.json"
        pred.write_text(json.dumps(preds[name], ensure_ascii=False), encoding="utf-8")
        res = subprocess.run([sys.executable, str(scorer), str(pred), "--gt", str(aeb)],
                             capture_output=True, text=True, check=True)
        score = json.loads(res.stdout.strip().splitlines()[-1])
        rows.append((name, score, len(pages) / best[name]))
    base = dict((n, pps) for n, _, pps in rows)["trafilatura default"]
    print(f"AEB extraction, {len(pages)} pages (scorer: {scorer.name})")
    print(f"{'system':30} {'F1':>6} {'P':>6} {'R':>6} {'empty':>5} {'pages/s':>8} {'vs default':>10}")
    for name, s, pps in rows:
        print(f"{name:30} {s['f1']:6.3f} {s['precision']:6.3f} {s['recall']:6.3f} {s['empty_pred']:5d} "
              f"{pps:8.1f} {pps / base:10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
