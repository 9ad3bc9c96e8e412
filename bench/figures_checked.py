#!/usr/bin/env python3
"""Every figure of every sentence as the brief keeps it: found by the words (``find_numbers``), then
kept, relabelled or dropped by the parse (``check_figures``).

English: the sentences of Multi-News dev; French: the French texts of SemEval 2022 (the two languages
with a parser installed).  Writes ``{sentence|lang: [[value, what], ...]}`` to OUT, to be compared with
the same run on another branch (``--diff OTHER.json`` prints every sentence whose figures differ).

    PYTHONPATH=src python bench/figures_checked.py OUT.json [--diff BASE.json] [--langs en,fr]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def _sentences(langs: set[str]) -> list[tuple[str, str]]:
    from crosswire.text.sentences import split_sentences

    out: list[tuple[str, str]] = []
    if "en" in langs:
        with open(SHARED / "mds" / "multinews-dev.jsonl", encoding="utf-8") as fh:
            for line in fh:
                for art in json.loads(line)["articles"]:
                    out += [(s.text, "en") for s in split_sentences(art.get("text") or "", "x")]
    with open(SHARED / "pairs" / "semeval2022-train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for k in ("1", "2"):
                if row["lang" + k] in langs - {"en"}:
                    out += [(s.text, row["lang" + k]) for s in split_sentences(row["text" + k], "x")]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--diff", help="an earlier OUT to compare with")
    ap.add_argument("--langs", default="en,fr")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from crosswire.facts.counting import check_figures
    from crosswire.facts.numbers import find_numbers

    result: dict[str, list[tuple[float, str]]] = {}
    for text, lang in dict.fromkeys(_sentences(set(args.langs.split(",")))):
        figs = find_numbers(text, lang)
        kept = check_figures(figs, text, lang) if figs else []
        result[f"{text}|{lang}"] = [(f.value, f.what) for f in kept]
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    if args.diff:
        base = json.loads(Path(args.diff).read_text(encoding="utf-8"))
        changed = 0
        for key, figs in result.items():
            old = [tuple(x) for x in base.get(key, [])]
            new = [tuple(x) for x in figs]
            if old != new:
                changed += 1
                gone, added = [x for x in old if x not in new], [x for x in new if x not in old]
                print(f"- {gone} + {added} | {key[:300]}")
        print(f"{changed} of {len(result)} sentences changed", file=sys.stderr)


if __name__ == "__main__":
    main()
