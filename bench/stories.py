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


def measure(fn):
    tracemalloc.start()
    t = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return out, dt, peak


def crosswire_run(rows: list[dict]) -> dict[str, str]:
    from crosswire.model import Article
    from crosswire.stories import cluster_stories

    arts = [Article(id=r["id"], text=r["text"]) for r in rows]
    res = cluster_stories(arts, embedder=False)
    return dict(res.assignments)


def tfidf_single_pass(rows: list[dict], threshold: float = 0.225) -> dict[str, str]:
    """Each article joins the most similar centroid above the threshold, else starts a cluster."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(sublinear_tf=True, stop_words="english", max_features=20000).fit_transform(
        [r["text"] for r in rows]
    ).tocsr()
    centroids: list[np.ndarray] = []
    sums = None
    labels = []
    dim = X.shape[1]
    block = np.zeros((0, dim), dtype=np.float32)
    for i in range(X.shape[0]):
        x = X[i]
        if len(centroids):
            sims = x @ block[: len(centroids)].T
            sims = np.asarray(sims).ravel()
            j = int(np.argmax(sims))
            if sims[j] >= threshold:
                sums[j] += x.toarray().ravel()
                centroids[j] = sums[j] / np.linalg.norm(sums[j])
                block[j] = centroids[j]
                labels.append(j)
                continue
        v = x.toarray().ravel().astype(np.float32)
        if sums is None:
            sums = []
        sums.append(v.copy())
        centroids.append(v)
        if len(centroids) > block.shape[0]:
            grown = np.zeros((max(64, 2 * block.shape[0]), dim), dtype=np.float32)
            grown[: block.shape[0]] = block
            block = grown
        block[len(centroids) - 1] = v
        labels.append(len(centroids) - 1)
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
    ap.add_argument("--scale", type=int, nargs="*", default=[1])
    ap.add_argument("--skip-average", action="store_true")
    ap.add_argument("--skip-single", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(EVAL))
    from score_stories import score

    rows = load()
    gold = {r["id"]: r["story"] for r in rows}
    print(f"{'system':34} {'n':>7} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pairF1':>6} {'sec':>7} {'peak MB':>8}")
    systems = [("crosswire (streaming)", crosswire_run)]
    if not args.skip_single:
        systems.append(("TF-IDF single-pass cos>=0.225", tfidf_single_pass))
    if not args.skip_average:
        systems.append(("TF-IDF average linkage", tfidf_average_linkage))
    for name, fn in systems:
        pred, dt, peak = measure(lambda: fn(rows))
        s = score(pred, gold)
        print(f"{name:34} {len(rows):7d} {s['b3_p']:6.3f} {s['b3_r']:6.3f} {s['b3_f1']:6.3f} {s['pair_f1']:6.3f} {dt:7.2f} {peak:8.0f}")
    for k in args.scale:
        if k == 1:
            continue
        big = [{"id": f"{r['id']}#{c}", "story": f"{r['story']}#{c}", "text": r["text"]} for c in range(k) for r in rows]
        pred, dt, peak = measure(lambda: crosswire_run(big))
        print(f"{'crosswire x' + str(k) + ' (ids changed)':34} {len(big):7d} {'':6} {'':6} {'':6} {'':6} {dt:7.2f} {peak:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
