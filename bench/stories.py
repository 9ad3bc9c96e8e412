"""Story clustering on the Multi-News story stream: crosswire vs. two TF-IDF baselines.

    python bench/stories.py [--scale 1 2 4] [--skip-average]

Reads ../shared/eval/stories/multinews-stories-dev.jsonl, builds Articles directly
from the rows, times the clustering stage alone and prints B-cubed / pairwise F1
(scored by ../shared/eval/score_stories.py), seconds and peak memory.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DATA = EVAL / "stories" / "multinews-stories-dev.jsonl"


def load() -> list[dict]:
    with open(DATA, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def measure(fn, memory: bool = True):
    """Run fn, return (result, wall seconds, CPU seconds of this process, peak traced MB or None).

    Time is taken in a plain run; the peak is traced in a second run (tracemalloc
    slows allocation down, so it must not share a run with the clock).
    """
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    dt, cpu = time.perf_counter() - t, time.process_time() - c
    peak = None
    if memory:
        tracemalloc.start()
        fn()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return out, dt, cpu, peak


def articles(rows: list[dict]):
    from crosswire.model import Article

    return [Article(id=r["id"], text=r["text"]) for r in rows]


def crosswire_run(arts) -> dict[str, str]:
    """The clustering stage alone, on Articles built beforehand; noise pages are singletons."""
    from crosswire.stories import cluster_stories

    res = cluster_stories(arts, embedder=False)
    return dict(res.assignments)


def tfidf_single_pass(rows: list[dict], threshold: float = 0.225, block: int = 512) -> dict[str, str]:
    """Each article joins the cluster whose centroid is most similar (cosine >= threshold), else starts one.

    Exact and sequential, computed through document-document products in blocks:
    x . sum(cluster) is the sum of x . y over the members, and the centroid norm is
    updated from the same products (memory: one block x n slab at a time).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(sublinear_tf=True, stop_words="english", max_features=20000).fit_transform(
        [r["text"] for r in rows]
    ).tocsr()
    n = X.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    sq: list[float] = []  # squared norm of each cluster's summed vector
    self_sim = np.asarray(X.multiply(X).sum(axis=1)).ravel()
    for s in range(0, n, block):
        e = min(n, s + block)
        S = (X[s:e] @ X[:e].T).toarray()
        for i in range(s, e):
            k = len(sq)
            best, j = -1.0, -1
            if k and i:
                dots = np.bincount(labels[:i], weights=S[i - s, :i], minlength=k)
                cos = dots / np.sqrt(np.maximum(np.asarray(sq), 1e-12))
                j = int(np.argmax(cos))
                best = float(cos[j])
            if best >= threshold:
                labels[i] = j
                sq[j] += 2 * dots[j] + self_sim[i]
            else:
                labels[i] = k
                sq.append(float(self_sim[i]))
    return {r["id"]: str(l) for r, l in zip(rows, labels)}


def tfidf_average_linkage(rows: list[dict], threshold: float = 0.8) -> dict[str, str]:
    """Agglomerative clustering, average linkage on cosine distance (n-squared memory)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([r["text"] for r in rows])
    D = 1.0 - (X @ X.T).toarray()
    np.clip(D, 0, None, out=D)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold)
    labels = model.fit_predict(D)
    return {r["id"]: str(l) for r, l in zip(rows, labels)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, nargs="*", default=[1], help="also time crosswire on k copies of the corpus")
    ap.add_argument("--skip-average", action="store_true", help="skip the n-squared average-linkage baseline")
    ap.add_argument("--skip-single", action="store_true", help="skip the TF-IDF single-pass baseline")
    ap.add_argument("--no-memory", action="store_true", help="skip the traced-memory runs")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(EVAL))
    from score_stories import score

    rows = load()
    gold = {r["id"]: r["story"] for r in rows}
    mem = not args.no_memory
    head = f"{'system':36} {'n':>6} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pairF1':>6} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}"
    print(head)

    def line(name: str, n: int, s: dict | None, dt: float, cpu: float, peak: float | None) -> None:
        sc = f"{s['b3_p']:6.3f} {s['b3_r']:6.3f} {s['b3_f1']:6.3f} {s['pair_f1']:6.3f}" if s else " " * 27
        pk = f"{peak:8.0f}" if peak is not None else f"{'-':>8}"
        print(f"{name:36} {n:6d} {sc} {dt:7.2f} {cpu:7.2f} {pk}", flush=True)

    arts = articles(rows)
    pred, dt, cpu, peak = measure(lambda: crosswire_run(arts), mem)
    line("crosswire (streaming)", len(rows), score(pred, gold), dt, cpu, peak)
    noise = {k for k, v in pred.items() if v.startswith("noise:")}
    # the same clustering, the noise pages counted other ways (for comparison; crosswire ships singletons)
    bucket = {k: ("noise" if k in noise else v) for k, v in pred.items()}
    print(f"  noise pages ({len(noise)}) as one 'noise' story:       B3 F1 {score(bucket, gold)['b3_f1']:.3f}")
    kept = {k: v for k, v in gold.items() if k not in noise}
    print(f"  scored on the {len(kept)} non-noise pages only:      B3 F1 {score(pred, kept)['b3_f1']:.3f}")
    ceiling = {k: (k if k in noise else v) for k, v in gold.items()}
    print(f"  ceiling (our noise pages singletons, rest perfect): B3 F1 {score(ceiling, gold)['b3_f1']:.3f}")
    if not args.skip_single:
        pred, dt, cpu, peak = measure(lambda: tfidf_single_pass(rows), mem)
        line("TF-IDF single-pass cos>=0.225", len(rows), score(pred, gold), dt, cpu, peak)
    if not args.skip_average:
        pred, dt, cpu, peak = measure(lambda: tfidf_average_linkage(rows), mem)
        line("TF-IDF average linkage (dist 0.8)", len(rows), score(pred, gold), dt, cpu, peak)
    for k in args.scale:
        if k == 1:
            continue
        # the corpus k times with new ids: the repeats are exact copies of the originals
        big = articles([{"id": f"{r['id']}#{c}", "text": r["text"]} for c in range(k) for r in rows])
        _, dt, cpu, peak = measure(lambda: crosswire_run(big), mem)
        line(f"crosswire x{k} (ids changed)", len(big), None, dt, cpu, peak)
    return 0


if __name__ == "__main__":
    sys.exit(main())
