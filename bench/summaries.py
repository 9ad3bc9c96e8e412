"""Benchmark the brief's summary on Multi-News clusters, beside LexRank and TextRank.

    python bench/summaries.py                    # all 166 clusters, three systems, one table
    python bench/summaries.py --only crosswire   # just ours
    python bench/summaries.py --limit 20         # a quick look
    python bench/summaries.py --jobs 3           # the three systems side by side in three processes

Reads ``../shared/eval/mds/multinews-dev.jsonl`` (rows ``{id, articles: [{text}], summary}``).
crosswire: every article through ``clean.clean_text``, then the copies stage, the facts
stage when it exists (otherwise an empty FactSheet, and the table says so) and
``brief.build_brief(words=260)``; the summary is its sentences, one per line.
LexRank and TextRank are sumy's, with the scorer's own sentence splitter, taking their
best-rated sentences until 260 words (then in document order, as sumy returns them).
Each system's predictions go to ``bench/out/summaries-<system>.jsonl`` and are scored with
``score_summaries.py --words 260``.  Every crosswire summary sentence is also checked
against the contract: its citations exist and are the exact sentences they name, and its
text is verbatim or a faithful compression (words in order, no negation lost) of its
first citation.  ``bench/check_citations.py``'s ``check_brief_json`` is used too, if present.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DATA = EVAL / "mds" / "multinews-dev.jsonl"
SCORER = EVAL / "score_summaries.py"
OUT = ROOT / "bench" / "out"
WORDS = 260


def load_rows(limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
    return rows[:limit] if limit else rows


def _scorer_module():
    spec = importlib.util.spec_from_file_location("score_summaries", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


# --- crosswire ---------------------------------------------------------------------------------


def _stage(name: str):
    try:
        return __import__(f"crosswire.{name}", fromlist=[name])
    except ImportError:
        return None


def check_summary(obj: dict) -> list[str]:
    """Problems with the summary of one brief JSON object (empty list: all good)."""
    from crosswire.brief import is_faithful_compression
    from crosswire.text.sentences import split_sentences

    problems: list[str] = []
    texts = {a["id"]: a["text"] for a in obj["articles"]}
    headings = {a["id"]: a.get("headings") or [] for a in obj["articles"]}
    cache: dict[str, list[str]] = {}
    for n, s in enumerate(obj["summary"]):
        if not s["citations"]:
            problems.append(f"summary {n}: no citation")
            continue
        cited = []
        for c in s["citations"]:
            if c["article"] not in texts:
                problems.append(f"summary {n}: unknown article {c['article']}")
                continue
            if c["article"] not in cache:
                cache[c["article"]] = [x.text for x in split_sentences(
                    texts[c["article"]], c["article"], frozenset(headings.get(c["article"], [])))]
            sents = cache[c["article"]]
            if not 0 <= c["sentence"] < len(sents):
                problems.append(f"summary {n}: no sentence {c['sentence']} in {c['article']}")
                continue
            cited.append(sents[c["sentence"]])
        if cited and not is_faithful_compression(s["text"], cited[0]):
            problems.append(f"summary {n}: not a faithful compression of its first citation")
    return problems


def run_crosswire(rows: list[dict], config=None) -> tuple[list[dict], dict]:
    from crosswire.brief import build_brief
    from crosswire.read.clean import clean_text
    from crosswire.model import FactSheet, to_json

    copies, facts = _stage("copies"), _stage("facts")
    colleague = None
    if (ROOT / "bench" / "check_citations.py").exists():
        spec = importlib.util.spec_from_file_location("check_citations", ROOT / "bench" / "check_citations.py")
        colleague = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(colleague)  # type: ignore[union-attr]
            colleague = getattr(colleague, "check_brief_json", None)
        except Exception:  # noqa: BLE001 - a colleague's script that does not load is not our failure
            colleague = None
    preds, n_sent, bad, bad_other = [], 0, [], 0
    facts_errors: list[str] = []
    for row in rows:
        arts = [clean_text(a.get("text") or "", id=f"{row['id']}-{k}") for k, a in enumerate(row["articles"])]
        arts = [a for a in arts if a.text.strip()]
        groups = copies.find_copies(arts) if copies else []
        sheet = FactSheet()
        if facts is not None:
            try:
                sheet = facts.analyze(arts, groups)
            except Exception as e:  # noqa: BLE001 - a stage being written: note it, go on without
                facts_errors.append(f"{row['id']}: {type(e).__name__}: {e}")
        brief = build_brief(arts, groups, sheet, words=WORDS, config=config)
        obj = to_json(brief)
        n_sent += len(obj["summary"])
        bad += [f"{row['id']}: {p}" for p in check_summary(obj)]
        if colleague is not None:
            try:
                res = colleague(obj)
                bad_other += len(res) if isinstance(res, (list, tuple)) else int(not res)
            except Exception:  # noqa: BLE001
                bad_other = -1
        preds.append({"id": row["id"], "summary": "\n".join(s.text for s in brief.summary)})
    used = "no facts" if facts is None else (
        "facts" if not facts_errors else f"facts FAILED on {len(facts_errors)} clusters ({facts_errors[0][:120]})")
    info = {"stages": "copies+" + used + "+brief",
            "sentences": n_sent, "citation_failures": bad,
            "check_citations.py": "absent" if colleague is None else bad_other}
    return preds, info


# --- sumy baselines ----------------------------------------------------------------------------


class _ScorerTokenizer:
    """sumy tokenizer with the scorer's sentence splitter and a plain word regex."""

    def __init__(self, splitter):
        self._split = splitter
        self.language = "english"

    def to_sentences(self, paragraph: str):
        return tuple(self._split(paragraph))

    def to_words(self, sentence: str):
        return tuple(re.findall(r"\w+(?:'\w+)?", sentence))


def run_sumy(rows: list[dict], kind: str) -> list[dict]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tok = _ScorerTokenizer(_scorer_module().split_sentences)
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def until_words(infos):
        out, total = [], 0
        for info in infos:
            if total >= WORDS:
                break
            out.append(info)
            total += len(str(info.sentence).split())
        return out

    preds = []
    for row in rows:
        text = "\n".join(a.get("text") or "" for a in row["articles"])
        doc = PlaintextParser.from_string(text, tok).document
        sents = summarizer(doc, until_words) if doc.sentences else ()
        preds.append({"id": row["id"], "summary": "\n".join(str(s) for s in sents)})
    return preds


# --- scoring -----------------------------------------------------------------------------------


def score(preds: list[dict], name: str, gold: Path) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"summaries-{name}.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SCORER), str(path), str(gold), "--words", str(WORDS)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _run_system(name: str, rows: list[dict], config) -> tuple[list[dict], float, dict]:
    """One system's predictions, its seconds per cluster and (crosswire) its check results."""
    t = time.perf_counter()
    info: dict = {}
    if name == "crosswire":
        preds, info = run_crosswire(rows, config)
    else:
        preds = run_sumy(rows, name)
    return preds, (time.perf_counter() - t) / max(len(rows), 1), info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N clusters")
    ap.add_argument("--only", choices=["crosswire", "lexrank", "textrank"], action="append")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="a SummaryConfig field for crosswire, e.g. --set support=0.6 (sensitivity checks)")
    ap.add_argument("--jobs", type=int, default=1,
                    help="run the systems in this many processes at once (seconds then include contention)")
    args = ap.parse_args(argv)
    from crosswire.brief import SummaryConfig

    overrides = {}
    for item in args.set:
        name, _, value = item.partition("=")
        kind = type(getattr(SummaryConfig(), name))
        overrides[name] = value.lower() in {"1", "true", "yes"} if kind is bool else kind(value)
    config = SummaryConfig(**overrides)
    if not DATA.exists():
        print(f"no eval data at {DATA}", file=sys.stderr)
        return 1
    rows = load_rows(args.limit)
    OUT.mkdir(parents=True, exist_ok=True)
    gold = OUT / "summaries-gold.jsonl"
    gold.write_text("".join(json.dumps({"id": r["id"], "summary": r["summary"]}) + "\n" for r in rows),
                    encoding="utf-8")
    systems = args.only or ["crosswire", "lexrank", "textrank"]
    if args.jobs > 1 and len(systems) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(args.jobs, len(systems))) as pool:
            results = list(pool.map(_run_system, systems, [rows] * len(systems), [config] * len(systems)))
    else:
        results = [_run_system(name, rows, config) for name in systems]
    table, info = [], {}
    for name, (preds, secs, extra) in zip(systems, results):
        info = extra or info
        res = score(preds, name, gold)
        table.append((name, res["rouge1"], res["rouge2"], res["rougeLsum"], secs))
    print(f"Multi-News dev, {len(rows)} clusters, {WORDS} words")
    print(f"{'system':<10} {'R1':>6} {'R2':>6} {'RLsum':>6} {'s/cluster':>10}")
    for name, r1, r2, rl, secs in table:
        print(f"{name:<10} {r1:6.3f} {r2:6.3f} {rl:6.3f} {secs:10.3f}")
    if info:
        fails = info["citation_failures"]
        print(f"crosswire stages: {info['stages']}; summary sentences: {info['sentences']}; "
              f"citation check failures: {len(fails)}; bench/check_citations.py: {info['check_citations.py']}")
        for f in fails[:10]:
            print("  ", f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
