"""How far can story clustering go with the lexical signal crosswire has?  An oracle study.

    python bench/stories_ceiling.py [--skip-gold-only] [--profiles] [--block 512]

Reads ../shared/eval/stories/multinews-stories-dev.jsonl and builds the vectors
the clusterer compares (``stories.article_vectors``: sublinear TF-IDF, document
frequencies over the whole file, too-common terms dropped, 200 terms per article),
so the dot product of two rows is the cosine crosswire sees.  Then:

1. **Oracle clusterings.**  Inside each gold story, two members are linked only
   when their pair is *usable*; the stories are the connected components (single
   link) or, in the ``avg`` column, what average linkage at the same bar would
   build inside the gold story (the clusterer's own linkage).  No pair across two
   gold stories is ever linked, so precision is perfect and recall is all that a
   method limited to those pairs could possibly find.  Usable pairs: cosine >= t
   (``all``), and cosine >= t with one of the two among the other's k nearest
   neighbours in the whole file (``k=...``).  Scored by
   ../shared/eval/score_stories.py (B-cubed over every row).
2. **What a threshold rule faces.**  For the same bars, how many different-story
   pairs reach the bar per same-story pair, over all pairs of the file and over
   the k-nearest-neighbour pairs, cumulative (>= t) and per band [t, t + 0.05).
3. **Crosswire's own clustering**, for comparison: its B3, the B3 it would have
   if each of its stories were cut into its gold parts (every wrong member set
   apart: what perfect precision at its recall is worth), and where its
   precision is lost, by the size of its stories.
4. **Second signals at the contested cosines.**  Among nearest-neighbour pairs
   (one in the other's 5 nearest) in bands of cosine from 0.10 to 0.25: the share
   of same-story pairs overall, among pairs sharing at least 2 rare phrases
   (content-word pairs found in 2-3 documents of the file), and among pairs
   that both mention years but no year in common.  A signal that could carry a
   join must lift the share well above one half.
5. **Story scores with perfect profiles** (``--profiles``, about 45 CPU s more).
   Each non-noise article against every gold story, itself left out of its own:
   the mean cosine with the members (crosswire's score), the cosine with the
   centroid, and the story's own term weights (the mean vector times the share of
   members holding each term, which favours what the story's reports share).
   Rule: join the best story when its score reaches a bar; the table gives the
   right joins (own story best) a rule can make for a given number of wrong ones.

Two noise treatments: crosswire's (its noise pages are singletons and are not
vectorised, as ``cluster_stories`` does) and gold-only (every row is an article of
its gold story, vectors over all rows).  Sparse products in row blocks only: no
n x n matrix is ever held.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DATA = EVAL / "stories" / "multinews-stories-dev.jsonl"

THRESHOLDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)  # 0.0 means any shared term (cosine > 0)
KS = (1, 3, 5, 10)


def load_scorer():
    """``score(pred, gold)`` from the shared scorer, imported by path."""
    spec = importlib.util.spec_from_file_location("score_stories", EVAL / "score_stories.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def neighbours_and_pairs(X: sparse.csr_matrix, gold: np.ndarray, active: np.ndarray, kmax: int, block: int):
    """One pass of row-block products over the upper triangle.

    Returns the kmax nearest neighbours of each active row (-1 where fewer), the
    same-story pairs with their cosine (i < j, both active), and histograms (bins
    of 0.01) of the cosines of same-story and different-story pairs with cosine > 0.
    """
    n = X.shape[0]
    XT = X.T.tocsr()
    nn = np.full((n, kmax), -1, dtype=np.int64)
    nn_cos = np.zeros((n, kmax))
    edges = np.linspace(0.0, 1.0001, 101)
    h_same = np.zeros(100, dtype=np.int64)
    h_diff = np.zeros(100, dtype=np.int64)
    same_i, same_j, same_c = [], [], []
    for s in range(0, n, block):
        e = min(n, s + block)
        S = (X[s:e] @ XT).tocoo()
        r, c, v = S.row + s, S.col, S.data
        ok = active[r] & active[c] & (r != c) & (v > 1e-12)
        r, c, v = r[ok], c[ok], v[ok]
        # k nearest neighbours of each row of the block (sort by row, then by -cosine)
        order = np.lexsort((-v, r))
        r_s, c_s, v_s = r[order], c[order], v[order]
        starts = np.searchsorted(r_s, np.arange(s, e))
        ends = np.searchsorted(r_s, np.arange(s, e), side="right")
        for k in range(kmax):
            has = starts + k < ends
            rows = np.arange(s, e)[has]
            nn[rows, k] = c_s[starts[has] + k]
            nn_cos[rows, k] = v_s[starts[has] + k]
        # pair statistics over the upper triangle
        up = c > r
        r, c, v = r[up], c[up], v[up]
        same = gold[r] == gold[c]
        h_same += np.histogram(np.minimum(v[same], 1.0), bins=edges)[0]
        h_diff += np.histogram(np.minimum(v[~same], 1.0), bins=edges)[0]
        same_i.append(r[same])
        same_j.append(c[same])
        same_c.append(v[same])
    return nn, nn_cos, np.concatenate(same_i), np.concatenate(same_j), np.concatenate(same_c), h_same, h_diff


def average_link_labels(members: list[int], cos: dict[tuple[int, int], float], t: float) -> dict[int, int]:
    """Average linkage inside one gold story: merge the closest pair of groups while their mean cosine >= t."""
    groups = [[m] for m in members]
    while len(groups) > 1:
        best, pair = -1.0, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                tot = sum(cos.get((min(x, y), max(x, y)), 0.0) for x in groups[a] for y in groups[b])
                mean = tot / (len(groups[a]) * len(groups[b]))
                if mean > best:
                    best, pair = mean, (a, b)
        if pair is None or best < max(t, 1e-12):
            break
        a, b = pair
        groups[a].extend(groups[b])
        del groups[b]
    return {m: g[0] for g in groups for m in g}


def second_signals(rows: list[dict], nn: np.ndarray, nn_cos: np.ndarray, gold: np.ndarray, active: np.ndarray) -> None:
    """Same-story share of 5-nearest-neighbour pairs by cosine band, with and without two extra signals."""
    from crosswire.stories import _ALL_STOP, _words  # the clusterer's own words and function words

    n = len(rows)
    words = [_words(r["text"]) if active[i] else [] for i, r in enumerate(rows)]
    phrases = []
    for ws in words:
        content = [w for w in ws if w not in _ALL_STOP and len(w) > 1]
        phrases.append({(a, b) for a, b in zip(content, content[1:])})
    df: dict[tuple[str, str], int] = defaultdict(int)
    for ph in phrases:
        for x in ph:
            df[x] += 1
    rare = [{x for x in ph if df[x] <= 3} for ph in phrases]
    years = [{w for w in ws if len(w) == 4 and w.isdigit() and 1800 <= int(w) <= 2100} for ws in words]
    k = 5
    a = np.repeat(np.arange(n), k)
    b, c = nn[:, :k].ravel(), nn_cos[:, :k].ravel()
    ok = b >= 0
    key, first = np.unique(np.minimum(a[ok], b[ok]) * n + np.maximum(a[ok], b[ok]), return_index=True)
    ca, cb, cc = key // n, key % n, c[ok][first]
    print("\nSecond signals, pairs with one in the other's 5 nearest: pairs (share same story)")
    print(f"{'cosine band':>12} | {'all':>14} | {'>= 2 rare phrases':>18} | {'years, none shared':>18}")
    for lo, hi in ((0.10, 0.13), (0.13, 0.16), (0.16, 0.19), (0.19, 0.25)):
        sel = np.nonzero((cc >= lo) & (cc < hi))[0]
        same = gold[ca[sel]] == gold[cb[sel]]
        ph = np.array([len(rare[ca[j]] & rare[cb[j]]) >= 2 for j in sel], dtype=bool)
        yr = np.array([bool(years[ca[j]]) and bool(years[cb[j]]) and not (years[ca[j]] & years[cb[j]]) for j in sel], dtype=bool)

        def cell(m: np.ndarray) -> str:
            return f"{int(m.sum()):6d} ({same[m].mean() if m.any() else 0.0:.2f})"

        print(f"{f'[{lo:.2f}, {hi:.2f})':>12} | {cell(np.ones(len(sel), dtype=bool)):>14} | {cell(ph):>18} | {cell(yr):>18}")


def study(
    title: str, rows: list[dict], X: sparse.csr_matrix, noise: list[bool], score, block: int, signals: bool = False
) -> None:
    n = len(rows)
    ids = [r["id"] for r in rows]
    codes: dict[str, int] = {}
    gold = np.fromiter((codes.setdefault(r["story"], len(codes)) for r in rows), dtype=np.int64, count=n)
    gold_map = {r["id"]: r["story"] for r in rows}
    active = np.asarray([not x for x in noise]) & (np.diff(X.indptr) > 0)
    kmax = max(KS)
    t0 = time.process_time()
    nn, nn_cos, si, sj, sc, h_same, h_diff = neighbours_and_pairs(X, gold, active, kmax, block)
    cpu_pairs = time.process_time() - t0

    def pred_from(uf: UnionFind) -> dict[str, str]:
        out = {}
        for i, aid in enumerate(ids):
            out[aid] = f"noise:{aid}" if noise[i] else f"c{uf.find(i)}"
        return out

    # rank of j among i's neighbours (kmax + 1 when not among them), for the same-story pairs
    def rank(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        hit = nn[a] == b[:, None]
        return np.where(hit.any(axis=1), hit.argmax(axis=1) + 1, kmax + 1)

    pair_rank = np.minimum(rank(si, sj), rank(sj, si))  # usable at k when one is in the other's top k
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        if not noise[i]:
            members[int(gold[i])].append(i)
    cos = {(int(a), int(b)): float(c) for a, b, c in zip(si, sj, sc)}

    n_noise = sum(noise)
    print(f"\n## {title}: {n} rows, {n_noise} noise rows (singletons), {len(codes)} gold stories")
    perfect = {aid: (f"noise:{aid}" if noise[i] else gold_map[aid]) for i, aid in enumerate(ids)}
    s = score(perfect, gold_map)
    print(f"every same-story pair usable (the noise decisions alone): B3 P {s['b3_p']:.3f} R {s['b3_r']:.3f} F1 {s['b3_f1']:.3f}")
    print(f"same-story pairs among non-noise rows: {sum(len(m) * (len(m) - 1) // 2 for m in members.values())}, "
          f"with cosine > 0: {len(sc)}")
    print("\nOracle B3 (perfect precision; P is 1.000 on non-noise rows): R / F1 by usable pairs")
    head = f"{'t':>5} | {'all R':>6} {'all F1':>6} | {'avg R':>6} {'avg F1':>6} |" + "".join(
        f" {'k=' + str(k) + ' R':>6} {'F1':>6} |" for k in KS
    )
    print(head)
    for t in THRESHOLDS:
        above = sc >= t if t > 0 else sc > 0
        cells = []
        for kk in (None, *KS):
            uf = UnionFind(n)
            use = above if kk is None else above & (pair_rank <= kk)
            for a, b in zip(si[use].tolist(), sj[use].tolist()):
                uf.union(a, b)
            sc_ = score(pred_from(uf), gold_map)
            cells.append((sc_["b3_r"], sc_["b3_f1"]))
            if kk is None:
                labels: dict[str, str] = {}
                for g, ms in members.items():
                    for m, root in average_link_labels(ms, cos, t).items():
                        labels[ids[m]] = f"a{root}"
                pred = {aid: labels.get(aid, f"noise:{aid}") for aid in ids}
                sa = score(pred, gold_map)
                cells.append((sa["b3_r"], sa["b3_f1"]))
        txt = " | ".join(f"{r:6.3f} {f:6.3f}" for r, f in cells)
        print(f"{t:5.2f} | {txt} |")

    # what a threshold rule faces: different-story pairs per same-story pair
    cum_same = np.cumsum(h_same[::-1])[::-1]
    cum_diff = np.cumsum(h_diff[::-1])[::-1]
    print("\nPairs at or above the bar, all pairs of the file (cosine > 0 for t = 0):")
    print(f"{'t':>5} {'same':>8} {'different':>10} {'diff/same':>9} {'pair P':>7} | band [t,t+.05): {'same':>7} {'diff':>9} {'diff/same':>9}")
    for t in THRESHOLDS:
        b = int(round(t * 100))
        band_s, band_d = int(h_same[b : b + 5].sum()), int(h_diff[b : b + 5].sum())
        cs, cd = int(cum_same[b]), int(cum_diff[b])
        print(
            f"{t:5.2f} {cs:8d} {cd:10d} {cd / max(cs, 1):9.2f} {cs / max(cs + cd, 1):7.3f} | "
            f"{'':16}{band_s:7d} {band_d:9d} {band_d / max(band_s, 1):9.2f}"
        )
    print("\nNearest-neighbour pairs (one in the other's k nearest) at or above the bar: same / different (pair precision)")
    pairs_k: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    rows_i = np.repeat(np.arange(n), kmax)
    flat_j, flat_c = nn.ravel(), nn_cos.ravel()
    flat_k = np.tile(np.arange(1, kmax + 1), n)
    print(f"{'t':>5} |" + "".join(f" {'k=' + str(k):>22} |" for k in KS))
    for k in KS:
        sel = (flat_j >= 0) & (flat_k <= k)
        a, b, c = rows_i[sel], flat_j[sel], flat_c[sel]
        key = np.minimum(a, b) * n + np.maximum(a, b)
        key, first = np.unique(key, return_index=True)
        pairs_k[k] = (key, c[first])
    for t in THRESHOLDS:
        cells = []
        for k in KS:
            key, c = pairs_k[k]
            ok = c >= t if t > 0 else c > 0
            a, b = key[ok] // n, key[ok] % n
            same = int((gold[a] == gold[b]).sum())
            diff = int(ok.sum()) - same
            cells.append(f"{same:7d} {diff:7d} ({same / max(same + diff, 1):.3f})")
        print(f"{t:5.2f} |" + "".join(f" {x:>22} |" for x in cells))
    if signals:
        second_signals(rows, nn, nn_cos, gold, active)
    nn1 = nn[:, 0]
    has = active & (nn1 >= 0)
    print(f"\nnearest neighbour in the same gold story: {np.mean(gold[has] == gold[nn1[has]]):.3f} of {int(has.sum())} rows"
          f" (pair pass {cpu_pairs:.1f} CPU s)")


def crosswire_study(rows: list[dict], arts: list, score) -> None:
    """Crosswire's clustering (shipped settings, no embedder) against the gold stories."""
    from crosswire.stories import cluster_stories

    gold_map = {r["id"]: r["story"] for r in rows}
    c0 = time.process_time()
    pred = dict(cluster_stories(arts, embedder=False).assignments)
    cpu = time.process_time() - c0
    s = score(pred, gold_map)
    cut = {aid: f"{lab}|{gold_map[aid]}" for aid, lab in pred.items()}
    sc = score(cut, gold_map)
    print(f"\n## crosswire's clustering (defaults, no embedder, {cpu:.1f} CPU s)")
    print(f"as shipped:                        B3 P {s['b3_p']:.3f} R {s['b3_r']:.3f} F1 {s['b3_f1']:.3f}")
    print(f"its stories cut into gold parts:   B3 P {sc['b3_p']:.3f} R {sc['b3_r']:.3f} F1 {sc['b3_f1']:.3f}")
    members: dict[str, list[str]] = defaultdict(list)
    for aid, lab in pred.items():
        members[lab].append(aid)
    buckets = ((1, 1), (2, 2), (3, 5), (6, 10), (11, 10**9))
    print(f"{'story size':>10} {'stories':>8} {'rows':>6} {'mixed':>6} {'B3 P of rows':>12} {'share of P loss':>15}")
    n = len(pred)
    loss_total = n * (1 - s["b3_p"])
    for lo, hi in buckets:
        labs = [lab for lab, ms in members.items() if lo <= len(ms) <= hi]
        n_rows, p_sum, mixed = 0, 0.0, 0
        for lab in labs:
            ms = members[lab]
            counts = defaultdict(int)
            for aid in ms:
                counts[gold_map[aid]] += 1
            mixed += len(counts) > 1
            n_rows += len(ms)
            p_sum += sum(c * c for c in counts.values()) / len(ms)
        size = f"{lo}" if lo == hi else (f"{lo}-{hi}" if hi < 10**9 else f">={lo}")
        print(
            f"{size:>10} {len(labs):8d} {n_rows:6d} {mixed:6d} {p_sum / max(n_rows, 1):12.3f} "
            f"{(n_rows - p_sum) / max(loss_total, 1e-9):15.2f}"
        )


def profile_study(X: sparse.csr_matrix, noise: list[bool], rows: list[dict]) -> None:
    """Leave-one-out: each article against every gold story; right joins per wrong-join budget."""
    codes: dict[str, int] = {}
    gold = np.fromiter((codes.setdefault(r["story"], len(codes)) for r in rows), dtype=np.int64, count=len(rows))
    rows_a = np.nonzero(np.asarray([not x for x in noise]) & (np.diff(X.indptr) > 0))[0]
    Xa, ga = X[rows_a].tocsr(), gold[rows_a]
    n_st = int(gold.max()) + 1
    M = sparse.csr_matrix((np.ones(len(rows_a)), (ga, np.arange(len(rows_a)))), shape=(n_st, len(rows_a)))
    size = np.asarray(M.sum(axis=1)).ravel()
    total = (M @ Xa).tocsr()  # summed member vectors per story
    ones = Xa.copy()
    ones.data[:] = 1.0
    holders = (M @ ones).tocsr()  # members holding each term
    inv = sparse.diags(1.0 / np.maximum(size, 1))
    mean = (inv @ total).tocsr()
    norms = np.sqrt(np.asarray(total.multiply(total).sum(axis=1)).ravel())
    kinds = {
        "mean cosine with members": mean,
        "cosine with centroid": (sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ total).tocsr(),
        "story's own term weights": mean.multiply(inv @ holders).tocsr(),
    }
    budgets = (300, 600, 1000, 1500, 2000)
    print("\nStory scores with perfect profiles: right joins for a given number of wrong joins"
          f" ({len(rows_a)} articles; own story best for the share shown)")
    print(f"{'score':>26} {'own best':>8} |" + "".join(f" {'wrong ' + str(b):>10}" for b in budgets))
    for name, P in kinds.items():
        own = np.full(len(rows_a), -np.inf)
        for i in range(len(rows_a)):
            g = ga[i]
            m = size[g] - 1
            if m <= 0:
                continue
            lo, hi = Xa.indptr[i], Xa.indptr[i + 1]
            cols, x = Xa.indices[lo:hi], Xa.data[lo:hi]
            tot = total[g].toarray().ravel()
            tot[cols] -= x
            if name.startswith("mean"):
                own[i] = float(x @ tot[cols]) / m
            elif name.startswith("cosine"):
                own[i] = float(x @ tot[cols]) / max(float(np.linalg.norm(tot)), 1e-12)
            else:
                held = holders[g].toarray().ravel()[cols] - 1
                own[i] = float(x @ (tot[cols] / m * held / m))
        other = np.full(len(rows_a), -np.inf)
        PT = P.T.tocsr()
        for s in range(0, len(rows_a), 1024):
            D = (Xa[s : s + 1024] @ PT).toarray()
            D[np.arange(D.shape[0]), ga[s : s + 1024]] = -np.inf
            other[s : s + 1024] = D.max(axis=1)
        right = own > other
        order = np.argsort(-np.maximum(own, other))
        cum_wrong, cum_right = np.cumsum(~right[order]), np.cumsum(right[order])
        cells = "".join(f" {int(cum_right[min(np.searchsorted(cum_wrong, b), len(order) - 1)]):10d}" for b in budgets)
        print(f"{name:>26} {right.mean():8.3f} |{cells}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--block", type=int, default=512, help="rows per sparse product block")
    ap.add_argument("--skip-gold-only", action="store_true", help="only crosswire's noise treatment")
    ap.add_argument("--profiles", action="store_true", help="also score stories with perfect profiles (slower)")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    from crosswire.model import Article
    from crosswire.stories import article_vectors

    score = load_scorer()
    with open(DATA, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    rows = [r for r in rows if isinstance(r.get("text"), str)]
    arts = [Article(id=r["id"], text=r["text"]) for r in rows]
    c0 = time.process_time()
    X, noise = article_vectors(arts)
    study("crosswire's noise decisions", rows, X, noise, score, args.block, signals=True)
    crosswire_study(rows, arts, score)
    if args.profiles:
        profile_study(X, noise, rows)
    if not args.skip_gold_only:
        Xg, _ = article_vectors(arts, keep_noise=True)
        study("gold only (no noise decision, every row vectorised)", rows, Xg, [False] * len(rows), score, args.block)
    need = ", ".join(f"P {q:.3f}: R >= {0.85 * q / (2 * q - 0.85):.3f}" for q in (1.0, 0.95, 0.904, 0.88))
    print(f"\nB3 F1 0.85 needs, at precision {need}")
    print(f"total {time.process_time() - c0:.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
