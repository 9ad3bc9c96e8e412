"""The streaming story clusterer: candidate stories, scores, joins and the reassignment pass."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from typing import Any

import numpy as np
from scipy import sparse

from crosswire.model import Article
from crosswire.stories.profiles import (
    DATE,
    FIGURE,
    NAME,
    Doc,
    StoryIndex,
    StoryParams,
    StoryProfile,
    doc_vector,
    doc_vectors,
    make_doc,
)

__all__ = ["story_similarity", "corpus_index"]


# ---------------------------------------------------------------------------
# Similarity


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def corpus_index(articles: Iterable[Article], params: StoryParams | None = None) -> StoryIndex:
    """An empty story index that knows the document frequencies of ``articles``.

    Pass it as ``state`` to :func:`story_similarity` so that comparisons use
    the IDF of a real corpus rather than of the two articles alone.
    """
    index = StoryIndex(params=params or StoryParams())
    for a in articles:
        if isinstance(a, Article):
            index.n_docs += 1
            index.df.update(make_doc(a, index.params).counts.keys())
    return index


def story_similarity(
    a: Article,
    b: Article,
    *,
    state: StoryIndex | None = None,
    embedder: Any = None,
) -> float:
    """How likely two articles report the same story, in [0, 1].

    Lexical: cosine of sublinear TF-IDF vectors (document frequencies from
    ``state`` when given, so pass an index built over a corpus for good IDF).
    When an embedder is given (``default_embedder()``), the cosine of the
    multilingual embeddings of the two leads is blended in; across languages the
    lexical cosine only sees shared names and numbers, so the embedding then
    carries most of the weight.
    """
    index = state or StoryIndex()
    p = index.params
    da, db = make_doc(a, p), make_doc(b, p)
    va = doc_vector(da, index, 10_000, common=index.common())
    vb = doc_vector(db, index, 10_000, common=index.common())
    lexical = _dot(va, vb)
    if embedder is None or embedder is False:
        return lexical
    try:
        vecs = embedder.encode([da.lead, db.lead])
    except Exception:
        vecs = None
    if vecs is None:
        return lexical
    emb = float(np.dot(vecs[0], vecs[1]))
    # e5 cosines live in a narrow high band; stretch it to [0, 1]
    emb01 = min(1.0, max(0.0, (emb - 0.7) / 0.3))
    same = da.language is None or db.language is None or da.language == db.language
    w = 0.5 if same else 0.75
    return (1 - w) * min(1.0, lexical * 2) + w * emb01


# ---------------------------------------------------------------------------
# The clustering


def _lookup(idx: np.ndarray, val: np.ndarray, nums: np.ndarray) -> np.ndarray:
    """The values ``val`` stored under the sorted story numbers ``idx`` for each of ``nums`` (0.0 if absent)."""
    if len(idx) == 0 or len(nums) == 0:
        return np.zeros(len(nums))
    pos = np.minimum(np.searchsorted(idx, nums), len(idx) - 1)
    return np.where(idx[pos] == nums, val[pos], 0.0)


def csr(vecs: list[dict[int, float]], n_cols: int) -> sparse.csr_matrix:
    """Rows of {column: weight} as a sparse matrix with ``n_cols`` columns."""
    indptr = np.zeros(len(vecs) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(v) for v in vecs])
    nnz = int(indptr[-1])
    indices = np.fromiter(chain.from_iterable(vecs), dtype=np.int64, count=nnz)
    data = np.fromiter(chain.from_iterable(v.values() for v in vecs), dtype=np.float64, count=nnz)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(vecs), n_cols))


class Engine:
    """Clusters one batch, mutating the index it was given.

    An article's score for a story is its mean cosine with the story's members
    (average linkage): the dot product with the story's summed member vectors,
    divided by the story size.  Within a block of ``params.block`` articles the
    work is vectorised: one sparse product gives every article's dot product with
    every live profile it shares a term with, and a small block-by-block product
    covers the stories that change inside the block, so the sequential decisions
    stay exact.  Too-common terms are left out of the vectors, which keeps those
    products sparse.
    """

    def __init__(self, index: StoryIndex, embedder: Any) -> None:
        self.index = index
        self.p = index.params
        self._embedder = embedder
        self.common = index.common()
        self.rare = np.zeros(0)
        self._init_arrays()

    # -- embeddings, only when a cross-language decision needs them
    def _embed(self, text: str) -> np.ndarray | None:
        if self._embedder is False:
            return None
        if self._embedder is None:
            from crosswire.text.embed import default_embedder

            self._embedder = default_embedder()
        try:
            vecs = self._embedder.encode([text])
        except Exception:  # a broken model must not stop the clustering
            vecs = None
        if vecs is None:
            self._embedder = False
            return None
        return np.asarray(vecs[0], dtype=np.float32)

    def _lead_vec(self, profile: StoryProfile) -> np.ndarray | None:
        if profile.lead_vec is None and profile.lead:
            profile.lead_vec = self._embed(profile.lead)
        return profile.lead_vec

    # -- the profile matrix
    def _append_rows(self, nums: Iterable[int]) -> None:
        """Write the current profiles of ``nums`` as new rows; their old rows die."""
        index = self.index
        nums = [n for n in nums if index.profiles[n] is not None]
        if not nums:
            return
        chunk = csr([index.profile(n).terms for n in nums], len(index.vocab))
        start = index.n_rows
        index.chunks.append(chunk)
        index.row_story.extend(nums)
        index.n_rows += len(nums)
        for k, num in enumerate(nums):
            index.cur_row[num] = start + k

    def _compact(self) -> None:
        """Keep only the live rows once dead ones dominate (amortised linear)."""
        index = self.index
        alive = [r for r in index.cur_row if r >= 0]
        if index.n_rows <= 2 * len(alive) + 1024:
            return
        V = len(index.vocab)
        for c in index.chunks:
            c.resize((c.shape[0], V))
        nums = [n for n, r in enumerate(index.cur_row) if r >= 0]
        rows = [index.cur_row[n] for n in nums]
        index.chunks = [sparse.vstack(index.chunks, format="csr")[rows]] if rows else []
        index.row_story = list(nums)
        index.n_rows = len(nums)
        for k, n in enumerate(nums):
            index.cur_row[n] = k

    def _story_scores(self, X: sparse.csr_matrix) -> sparse.csr_matrix:
        """Dot products of the rows of X with every live story profile (rows x story numbers)."""
        index = self.index
        n_st = len(index.profiles)
        if not index.chunks or n_st == 0:
            return sparse.csr_matrix((X.shape[0], n_st))
        V = X.shape[1]
        XT = X.T.tocsr()
        parts = []
        for c in index.chunks:
            c.resize((c.shape[0], V))
            parts.append(c @ XT)
        S = sparse.vstack(parts, format="csr").T.tocsr()  # rows x profile rows
        row_story = np.asarray(index.row_story, dtype=np.int64)
        cur = np.asarray(index.cur_row, dtype=np.int64)
        rows = np.arange(index.n_rows)
        alive = cur[row_story] == rows
        M = sparse.csr_matrix((np.ones(int(alive.sum())), (rows[alive], row_story[alive])), shape=(index.n_rows, n_st))
        out = (S @ M).tocsr()
        out.sort_indices()
        return out

    def _gather(self, nums: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
        """The current profile rows of live story numbers ``nums``, grouped by chunk.

        Returns the rows and ``pos``: row ``k`` is the profile of ``nums[pos[k]]``
        (no second copy to restore the order).
        """
        index = self.index
        V = len(index.vocab)
        rows = np.asarray(index.cur_row, dtype=np.int64)[nums]
        ends = np.cumsum([c.shape[0] for c in index.chunks])
        which = np.searchsorted(ends, rows, side="right")
        parts, where = [], []
        for c in np.unique(which):
            sel = np.nonzero(which == c)[0]
            chunk = index.chunks[c]
            chunk.resize((chunk.shape[0], V))
            start = ends[c] - chunk.shape[0]
            parts.append(chunk[rows[sel] - start])
            where.append(sel)
        M = parts[0] if len(parts) == 1 else sparse.vstack(parts, format="csr")
        return M, np.concatenate(where)

    def _candidate_scores(self, X: sparse.csr_matrix, must: list[int] | None = None) -> sparse.csr_matrix:
        """Exact dot products of the rows of X with their candidate stories (rows x story numbers).

        Candidates are the live stories sharing the most rare-term weight with
        the article (one sparse product over rare terms only, whose postings are
        short), at most ``max_candidates`` per article, plus ``must[i]`` when given.
        """
        n_st = len(self.index.profiles)
        B = X.shape[0]
        if not self.index.chunks or n_st == 0:
            return sparse.csr_matrix((B, n_st))
        Xr = X.copy()
        Xr.data = Xr.data * self.rare[Xr.indices]
        q = self.p.query_terms
        for i in range(B):  # only the strongest rare terms of each article ask
            lo, hi = Xr.indptr[i], Xr.indptr[i + 1]
            if hi - lo > q:
                row = Xr.data[lo:hi]
                row[row < np.partition(row, -q)[-q]] = 0.0
        Xr.eliminate_zeros()
        R = self._story_scores(Xr)
        K = max(1, self.p.max_candidates)
        counts = np.diff(R.indptr)
        rows_i = [np.repeat(np.arange(B), np.minimum(counts, K))]
        cols_s = []
        for i in range(B):
            lo, hi = R.indptr[i], R.indptr[i + 1]
            if hi - lo > K:
                cols_s.append(R.indices[lo + np.argpartition(R.data[lo:hi], -K)[-K:]])
            else:
                cols_s.append(R.indices[lo:hi])
        if must is not None:
            cur = np.asarray(self.index.cur_row, dtype=np.int64)
            m = np.asarray(must, dtype=np.int64)
            okm = (m >= 0) & (cur[np.maximum(m, 0)] >= 0)
            rows_i.append(np.arange(B)[okm])
            cols_s.append(m[okm])
        Ri = np.concatenate(rows_i)
        J = np.concatenate(cols_s).astype(np.int64)
        if len(Ri) == 0:
            return sparse.csr_matrix((B, n_st))
        key = np.unique(Ri * n_st + J)
        Ri, J = key // n_st, key % n_st
        M, pos = self._gather(J)
        dots = np.empty(len(Ri))
        dots[pos] = np.asarray(X[Ri[pos]].multiply(M).sum(axis=1)).ravel()
        out = sparse.csr_matrix((dots, (Ri, J)), shape=(B, n_st))
        out.sort_indices()
        return out

    def _init_arrays(self) -> None:
        """Per story number, kept up to date: size, first and last day, live flag, language code."""
        index = self.index
        cap = max(64, 2 * len(index.profiles))
        self.size = np.zeros(cap)
        self.first = np.full(cap, np.nan)
        self.last = np.full(cap, np.nan)
        self.live = np.zeros(cap, dtype=bool)
        self.lang = np.full(cap, -1, dtype=np.int64)
        for num, pr in enumerate(index.profiles):
            if pr is not None:
                self._sync(num)

    def _sync(self, num: int) -> None:
        """Copy story ``num``'s size, dates, liveness and language into the arrays."""
        if num >= len(self.size):
            cap = 2 * num + 64
            for name, fill in (("size", 0.0), ("first", np.nan), ("last", np.nan), ("live", False), ("lang", -1)):
                old = getattr(self, name)
                new = np.full(cap, fill, dtype=old.dtype)
                new[: len(old)] = old
                setattr(self, name, new)
        pr = self.index.profiles[num]
        if pr is None:
            self.size[num], self.live[num] = 0.0, False
            return
        self.size[num] = pr.size
        self.live[num] = pr.live
        self.first[num] = pr.first_day if pr.days else np.nan
        self.last[num] = pr.last_day if pr.days else np.nan
        self.lang[num] = self._lang_code(pr.language)

    # -- the single pass
    def run(self, docs: list[Doc]) -> tuple[list[int], list[dict[int, float]], set[int]]:
        """Assign every doc to a story number, block by block.

        Returns the story numbers, the docs' vectors and the positions of the
        docs whose place is fixed (copies and cross-language joins).
        """
        index = self.index
        vocab = index.vocab
        vecs = doc_vectors(docs, index, self.p.article_terms, self.common)
        for d in docs:
            d.counts = {}  # the vector is all the clustering needs from here on
        rare_cut = max(self.p.rare_share * index.n_docs, float(self.p.rare_floor))
        df = index.df
        self.rare = np.fromiter((df.get(t, 0) <= rare_cut for t in vocab), dtype=np.float64, count=len(vocab))
        out: list[int] = []
        fixed: set[int] = set()
        B = max(1, self.p.block)
        for s in range(0, len(docs), B):
            out.extend(self._block(docs[s : s + B], vecs[s : s + B], s, fixed))
            self._compact()
        return out, vecs, fixed

    def _block(self, docs: list[Doc], vecs: list[dict[int, float]], offset: int, fixed: set[int]) -> list[int]:
        index, p = self.index, self.p
        X = csr(vecs, len(index.vocab))
        B = len(docs)
        A = (X @ X.T).toarray()
        S = self._candidate_scores(X)
        touched: list[int] = []
        tpos: dict[int, int] = {}
        in_block = np.zeros(len(index.profiles) + B + 1, dtype=bool)  # story number -> touched in this block
        local = np.full(B, -1, dtype=np.int64)
        out: list[int] = []
        w = p.window_days

        for i, doc in enumerate(docs):
            vec = vecs[i]
            lo, hi = S.indptr[i], S.indptr[i + 1]
            idx, val = S.indices[lo:hi], S.data[lo:hi]
            target, copy = self._copy_target(doc)
            if target is not None:
                fixed.add(offset + i)
            T = np.asarray(touched, dtype=np.int64)
            if target is None and vec:
                cand, dots = idx, val
                if len(T):
                    keep = ~in_block[idx]
                    mine = local[:i] >= 0
                    inb = np.bincount(local[:i][mine], weights=A[i, :i][mine], minlength=len(T))
                    cand = np.concatenate([idx[keep], T])
                    dots = np.concatenate([val[keep], _lookup(idx, val, T) + inb[: len(T)]])
                size, first, last, live, lang = self.size, self.first, self.last, self.live, self.lang
                ok = (size[cand] > 0) & live[cand]
                if doc.day is not None:
                    f, la = first[cand], last[cand]
                    ok &= np.isnan(f) | ((f - w <= doc.day) & (doc.day <= la + w))
                cand, dots = cand[ok], dots[ok]
                if len(cand):
                    scores = dots / size[cand]
                    b = int(np.argmax(scores))
                    if scores[b] >= p.join:
                        target = int(cand[b])
                    elif doc.sure_language:
                        code = self._lang_code(doc.language)
                        other = (lang[cand] >= 0) & (lang[cand] != code) & (scores > 0)
                        if other.any():
                            oc, os_ = cand[other], scores[other]
                            order = np.argsort(-os_)[: p.cross_candidates]
                            options = [int(x) for x in oc[order]]
                            target = self._cross_language(doc, options)
                            if target is None and self._embedder is False:
                                fresh = {  # this block's members are not folded into the profiles yet
                                    num: [vecs[j] for j in range(i) if local[j] == tpos[num]]
                                    for num in options
                                    if num in tpos
                                }
                                target = self._cross_anchors(doc, options, fresh)
                            if target is not None:
                                fixed.add(offset + i)
            if target is None:
                target = self._new_story()
            if target not in tpos:
                tpos[target] = len(touched)
                touched.append(target)
                in_block[target] = True
            local[i] = tpos[target]
            pr = index.profile(target)
            self._add(pr, doc, copy)
            self._sync(target)
            for h in doc.prints:
                index.fingerprints.setdefault(h, target)
            out.append(target)

        # fold the block into the profiles
        for i, num in enumerate(out):
            terms = index.profile(num).terms
            for t, x in vecs[i].items():
                terms[t] = terms.get(t, 0.0) + x
        for num in touched:
            self._cap(index.profile(num))
        self._append_rows(touched)
        return out

    def _new_story(self) -> int:
        index = self.index
        num = len(index.profiles)
        pr = StoryProfile(id=index.new_story_id(), num=num)
        index.profiles.append(pr)
        index.cur_row.append(-1)
        index.stories[pr.id] = pr
        self._sync(num)
        return num

    def _lang_code(self, language: str | None) -> int:
        if not language:
            return -1
        return self.index.lang_codes.setdefault(language, len(self.index.lang_codes))

    def _cap(self, pr: StoryProfile) -> None:
        cap = self.p.profile_terms
        if len(pr.terms) > cap:
            pr.terms = dict(heapq.nlargest(cap, pr.terms.items(), key=lambda kv: kv[1]))

    def _copy_target(self, doc: Doc) -> tuple[int | None, bool]:
        """Copies go where their original went (shared min-hash fingerprints)."""
        index, p = self.index, self.p
        found = [index.fingerprints[h] for h in doc.prints if h in index.fingerprints]
        if not found:
            return None, False
        num, n = Counter(found).most_common(1)[0]
        pr = index.profiles[num]
        if n >= max(min(p.copy_matches, len(doc.prints)), p.copy_share * len(doc.prints)) and pr is not None:
            return num, True
        return None, False

    def _add(self, story: StoryProfile, doc: Doc, copy: bool) -> None:
        a = doc.article
        story.articles.append(a.id)
        story.size += 1
        if not copy:
            story.roots.add(a.id)
        if not story.lead:
            story.lead = doc.lead
        if a.outlet:
            story.outlets[a.outlet] += 1
        if doc.story_language:
            story.languages[doc.story_language] += 1
        # the headline is a title in the story's main language once one is known
        if a.title and (story.headline is None or doc.language == story.language != story.headline_language):
            story.headline, story.headline_language = a.title, doc.language
        if doc.day is not None:
            story.days[doc.day] += 1
            latest = self.index.latest_day
            self.index.latest_day = doc.day if latest is None else max(latest, doc.day)

    def _remove(self, story: StoryProfile, doc: Doc, vec: dict[int, float]) -> None:
        a = doc.article
        story.articles.remove(a.id)
        story.size -= 1
        story.roots.discard(a.id)
        for counter, key in ((story.outlets, a.outlet), (story.languages, doc.story_language), (story.days, doc.day)):
            if key is not None and counter.get(key, 0) > 0:
                counter[key] -= 1
                if counter[key] <= 0:
                    del counter[key]
        terms = story.terms
        for t, x in vec.items():
            if t in terms:
                y = terms[t] - x
                if y > 1e-9:
                    terms[t] = y
                else:
                    del terms[t]
        if story.headline is not None and story.headline == a.title:
            story.headline = story.headline_language = None

    def _cross_language(self, doc: Doc, candidates: list[int]) -> int | None:
        """Decide with the multilingual embedding between stories in other languages."""
        vec = self._embed(doc.lead)
        if vec is None:
            return None
        best, best_score = None, self.p.cross_join
        for num in candidates:
            sv = self._lead_vec(self.index.profile(num))
            if sv is None:
                return None
            score = float(np.dot(vec, sv))
            if score >= best_score:
                best, best_score = num, score
        return best

    def _cross_anchors(
        self, doc: Doc, candidates: list[int], fresh: dict[int, list[dict[int, float]]] | None = None
    ) -> int | None:
        """Without the embedding: a story in another language that shares enough distinctive anchors.

        Across languages the words differ but names, figures and dates stay.
        A candidate story qualifies when its profile holds at least
        ``cross_names`` of the article's names and ``cross_figures`` of its
        distinctive figures (a shared day of the month counts as one figure at
        most: reports of the same day share it), none of them common in the stream; the
        best one must also stand out from the runner-up (half its evidence at
        most), so two stories about the same people are left apart.
        ``fresh`` holds the vectors of members not yet folded into a profile.
        """
        p, index = self.p, self.index
        vocab, df = index.vocab, index.df
        cut = max(p.rare_share * index.n_docs, float(p.rare_floor))
        anchors = [(vocab[t], kind) for t, kind in doc.anchors.items() if t in vocab and df.get(t, 0) <= cut]
        if not anchors:
            return None
        found: list[tuple[int, int, int]] = []  # (evidence, names, figures) per candidate
        for num in candidates:
            terms = index.profile(num).terms
            extra = (fresh or {}).get(num, [])
            shared = [kind for c, kind in anchors if c in terms or any(c in v for v in extra)]
            names, figures = shared.count(NAME), shared.count(FIGURE)
            figures += min(1, shared.count(DATE))  # one date at most: reports of the same day share it
            found.append((names + figures, names, figures))
        order = sorted(range(len(candidates)), key=lambda k: -found[k][0])
        best = found[order[0]]
        if best[1] < p.cross_names or best[2] < p.cross_figures:
            return None
        if len(order) > 1 and found[order[1]][0] * 2 > best[0]:
            return None
        return candidates[order[0]]

    # -- refinement
    def refine(self, docs: list[Doc], nums: list[int], vecs: list[dict[int, float]], fixed: set[int]) -> list[int]:
        """Reassignment passes (k-means style): each article moves to the story it fits best.

        An article's fit with its own story leaves itself out; an article that
        fits no story well enough any more starts its own.  Copies and
        cross-language joins keep their place.  Linear: one sparse product per
        pass against the live profiles, in blocks.
        """
        index, p = self.index, self.p
        nums = list(nums)
        w = p.window_days
        for _ in range(max(0, p.refine_passes)):
            size, first, last, live = self.size, self.first, self.last, self.live
            moves: list[tuple[int, int]] = []  # (doc position, new story number or -1 for a new story)
            anchored = {nums[i] for i in fixed}  # stories held together by copies or translations
            top: dict[int, tuple[float, int]] = {}  # story -> (best score, article) among those that pick it
            weak: list[tuple[int, int, float]] = []  # (article, story it picks, score) below ``join``
            step = 2048
            for s in range(0, len(docs), step):
                X = csr(vecs[s : s + step], len(index.vocab))
                S = self._candidate_scores(X, nums[s : s + step])
                for k in range(X.shape[0]):
                    i = s + k
                    if i in fixed or not vecs[i]:
                        continue
                    own = nums[i]
                    pr = index.profile(own)
                    lo, hi = S.indptr[k], S.indptr[k + 1]
                    cand, dots = S.indices[lo:hi], S.data[lo:hi].copy()
                    self_dot = 1.0  # the article's own (unit) vector inside the profile sum
                    own_score = -1.0
                    at = np.searchsorted(cand, own)
                    if at < len(cand) and cand[at] == own:
                        if pr.size > 1:
                            own_score = (dots[at] - self_dot) / (pr.size - 1)
                        dots[at] = -np.inf
                    ok = (size[cand] > 0) & live[cand]
                    day = docs[i].day
                    if day is not None:
                        f, la = first[cand], last[cand]
                        ok &= np.isnan(f) | ((f - w <= day) & (day <= la + w))
                    best_num, best = -1, -1.0
                    if ok.any():
                        sc = np.where(ok, dots / np.maximum(size[cand], 1), -np.inf)
                        b = int(np.argmax(sc))
                        best_num, best = int(cand[b]), float(sc[b])
                        if best > top.get(best_num, (-1.0, -1))[0]:
                            top[best_num] = (best, i)
                    if best >= p.join and best > own_score:
                        moves.append((i, best_num))
                    elif best >= p.join_mutual and best > own_score and (pr.size == 1 or own not in anchored):
                        weak.append((i, best_num, best))
                    elif own_score < p.join and pr.size > 1 and own not in anchored:
                        moves.append((i, -1))
            # below ``join``, an article and a story that are each other's best match still meet
            gone: dict[int, int] = {}  # singleton story whose only article moves -> its destination
            for i, num, _score in weak:
                if top[num][1] != i or gone.get(num) == nums[i]:
                    continue
                if index.profile(nums[i]).size == 1:
                    gone[nums[i]] = num
                moves.append((i, num))
            if not moves:
                break
            changed: set[int] = set()
            titled: dict[int, tuple[str, str | None]] = {}  # story -> (title, its language)
            for i, target in moves:
                old = nums[i]
                if target >= 0 and index.profiles[target] is None:
                    continue
                self._remove(index.profile(old), docs[i], vecs[i])
                if target < 0:
                    target = self._new_story()
                pr = index.profile(target)
                self._add(pr, docs[i], False)
                for t, x in vecs[i].items():
                    pr.terms[t] = pr.terms.get(t, 0.0) + x
                for h in docs[i].prints:
                    if index.fingerprints.get(h) == old:
                        index.fingerprints[h] = target
                nums[i] = target
                changed.update((old, target))
            for d, n in zip(docs, nums, strict=True):
                if d.article.title and n in changed and n not in titled:
                    titled[n] = (d.article.title, d.language)
            for num in changed:
                pr = index.profile(num)
                if pr.size <= 0:
                    index.profiles[num] = None
                    index.stories.pop(pr.id, None)
                    index.cur_row[num] = -1
                    self._sync(num)
                    continue
                self._cap(pr)
                if pr.headline is None and num in titled:
                    pr.headline, pr.headline_language = titled[num]
            self._append_rows(sorted(n for n in changed if index.profiles[n] is not None))
            for num in changed:
                self._sync(num)
            self._compact()
        # members in arrival order (earlier batches first)
        pos = {d.article.id: k for k, d in enumerate(docs)}
        for num in set(nums):
            pr = index.profile(num)
            pr.articles.sort(key=lambda aid: pos.get(aid, -1))
        return nums

    def restore(self, docs: list[Doc], prints: list[list[int]], vecs: list[dict[int, float]], sids: list[str]) -> None:
        """Fold documents whose stories are already decided (``sids``) into the index, deciding nothing."""
        index = self.index
        touched: dict[int, None] = {}
        for d, fp, vec, sid in zip(docs, prints, vecs, sids, strict=True):
            d.prints, d.words = fp, []
            pr = index.stories.get(sid)
            if pr is None:
                num = len(index.profiles)
                pr = StoryProfile(id=sid, num=num)
                index.profiles.append(pr)
                index.cur_row.append(-1)
                index.stories[sid] = pr
                if sid[1:].isdigit():
                    index.next_id = max(index.next_id, int(sid[1:]) + 1)
            target, copy = self._copy_target(d)
            self._add(pr, d, copy and target == pr.num)
            for t, x in vec.items():
                pr.terms[t] = pr.terms.get(t, 0.0) + x
            for h in fp:
                index.fingerprints.setdefault(h, pr.num)
            touched[pr.num] = None
        for num in touched:
            self._cap(index.profile(num))
        self._append_rows(list(touched))
        self._compact()
        for num in touched:
            self._sync(num)
        self.close_silent()

    def close_silent(self) -> None:
        """Stories silent for longer than the window leave the live profiles."""
        index = self.index
        if index.latest_day is None:
            return
        limit = index.latest_day - self.p.window_days
        for num, pr in enumerate(index.profiles):
            if pr is not None and pr.live and pr.last_day is not None and pr.last_day < limit:
                pr.live = False
                index.cur_row[num] = -1
                self._sync(num)
