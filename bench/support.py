"""Does every citation support its fact?  Figures and names of each cited sentence against its fact's.

    python bench/support.py                 # 166 Multi-News dev clusters through copies+facts+brief
    python bench/support.py --limit 20      # a quick look
    python bench/support.py --show 30       # print up to 30 disagreeing citations to read

For every fact of every brief, each cited sentence other than the fact's own text is
compared with the fact's text, with rules of this script's own (not the pipeline's):

* **figure**: the citation gives a figure for a thing the fact counts too ("125 families" /
  "120 families": the same noun right after the figure) with another value, and does not
  give the fact's value for it as well;
* **names**: the fact names someone or something (capitalised words inside the sentence,
  not days or months) and the citation names others but none of the fact's (a name matches
  on its first five letters, so "Shoigu" / "Shoigou" agree, and a word of a full name the
  story uses matches the others: "Kristian" / "Perez" of "Kristian Perez").

Each disagreement is printed with the fact and the citation; the last line gives the
citations checked and how many disagree, by kind.  Exit status 0.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_citations import DATA, run_clusters  # noqa: E402

_NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
             "hundred": 100, "dozen": 12}
_FIG = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(_NUMWORDS) + r")\s+"
                  r"(?:(?:people|of|the|more|other|new)\s+)?([a-z]{3,})", re.I)
_CAP = re.compile(r"\b[A-Z][\w'’\-]+")
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "mr", "mrs",
              "ms", "dr", "this", "that", "his", "her", "their", "its", "as", "after", "for", "with", "when"}


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def figures(text: str) -> dict[str, set[float]]:
    out: dict[str, set[float]] = {}
    for m in _FIG.finditer(text):
        raw, noun = m.group(1).lower(), m.group(2).lower()
        value = float(_NUMWORDS[raw]) if raw in _NUMWORDS else float(raw.replace(",", ""))
        if 1800 <= value <= 2100 and raw.isdigit():
            continue  # a year
        noun = noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun
        out.setdefault(noun, set()).add(value)
    return out


def names(text: str) -> set[str]:
    words = _CAP.findall(text)
    first = text.lstrip("\"“'‘([ ").split(" ")[0] if text.strip() else ""
    return {_fold(w)[:5] for w in words if _fold(w) not in _NOT_NAMES and w != first and len(w) >= 3}


def full_names(texts: list[str]) -> dict[str, set[str]]:
    """Each name (first five letters) with the others of the multi-word names it is part of in a story."""
    out: dict[str, set[str]] = {}
    for t in texts:
        for m in re.finditer(r"\b[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+", t):
            ws = [_fold(w)[:5] for w in m.group(0).split() if _fold(w) not in _NOT_NAMES]
            for w in ws:
                out.setdefault(w, set()).update(ws)
    return out


def disagreement(fact: str, cited: str, aliases: dict[str, set[str]] | None = None) -> str | None:
    """Why a cited sentence does not state its fact, or None."""
    ff, cf = figures(fact), figures(cited)
    for noun, values in ff.items():
        if noun in cf and not (values & cf[noun]):
            return f"figure: {noun} {sorted(values)} vs {sorted(cf[noun])}"
    fn, cn = names(fact), names(cited)
    fn |= {x for w in fn for x in (aliases or {}).get(w, ())}
    if fn and cn and not (fn & cn):
        return "names: none of the fact's"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Check that every fact citation states its fact.")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=20, help="print up to this many disagreements (random)")
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"missing {args.data}", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    runs, crashes, _problems, secs = run_clusters(rows)
    checked, bad = 0, []
    kinds: dict[str, int] = {}
    multi = 0
    for rid, obj in runs:
        aliases = full_names([a.get("text") or "" for a in obj.get("articles") or []])
        for f in obj.get("facts") or []:
            cites = [c for c in f.get("citations") or [] if c.get("text") != f.get("text")]
            multi += bool(cites)
            for c in cites:
                checked += 1
                why = disagreement(f.get("text") or "", c.get("text") or "", aliases)
                if why:
                    kinds[why.split(":")[0]] = kinds.get(why.split(":")[0], 0) + 1
                    bad.append((rid, f.get("id"), why, f.get("text"), c.get("text")))
    rng = random.Random(args.seed)
    for rid, fid, why, ft, ct in rng.sample(bad, min(args.show, len(bad))):
        print(f"{rid} {fid} [{why}]\n   fact: {ft[:200]}\n   cite: {ct[:200]}")
    print(f"clusters {len(runs)}, crashes {len(crashes)}, facts with other citations {multi}, citations checked "
          f"{checked}, disagreeing {len(bad)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items())) or 'none'}), "
          f"{secs / max(1, len(runs)):.2f} s/cluster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
