"""Copies: find the reports that are one report published several times.

Ten outlets carrying one wire story are one source, not ten.  This stage groups
articles into :class:`~crosswire.model.CopyGroup` s of four kinds:

``identical``
    the same text (after normalising case, accents, punctuation and spacing);
``syndicated``
    the same copy with trims, added paragraphs, a new headline or an appeal:
    most sentences of the shorter text have a near-identical counterpart in the
    other, in the same order;
``rewrite``
    the same facts in the same order, reworded (a rewrite desk, a machine
    paraphrase, or two renderings of one dispatch in the same language);
``translation``
    the same dispatch in another language.

How it scales (the shape of the engines newsrooms use):

1. exact duplicates are grouped by a hash of the normalised text, and only one
   representative of each goes further;
2. every text is cut into sentence-like units (at a stop followed by a space,
   whatever the case of the next word, so lower-cased dumps split too), and each
   unit is weighed by its rarity across the input: a sentence many unrelated
   pages carry (a caption, a notice, the standard paragraph of a form) is
   boilerplate, and very short texts are only grouped when identical;
3. candidate pairs come from MinHash LSH over word shingles (hashed with numpy,
   all texts at once), plus a second cheap blocking on a "names and numbers"
   signature (capitalised words and digits), which survives rewording and
   translation (and, when the embedding model is there, a third on the numbers
   alone, which a translation keeps).  All cost time linear in the number of articles; an oversized
   bucket pairs its members with its fullest few only.  A pair must then share
   half the distinct words of the shorter text (or, for a translation, most of
   its names and numbers) before the precise check;
4. the precise check is a monotone (in-order, one-to-one) alignment of the
   units, scored with rapidfuzz.  It counts as evidence only units both texts
   own (rare in each), outside quotations, whose numbers and names agree, and
   the matched share must be spread over several of them: independent reports
   of one event share names, numbers, a photo caption, a wire lead or a quoted
   statement; what they do not share is a long in-order chain of their own
   sentences.  A form filled for two cases (many corresponding sentences
   differing in their numbers or names) is not a copy;
5. groups are built around an original, the fullest text, and every copy must
   pass the check against that original itself (or be identical to one that
   did): no chaining through a third text.

The multilingual sentence embedding of :mod:`crosswire.text.embed` is used for one
thing only, translations (pairs in two languages that share their names and
numbers); in one language it scores independent reports of one event about as
high as a rewrite, so rewrites are judged on lexical evidence.  A sentence and its
rendering score 0.84-0.94 there, but so do some sentences of an independent report
in another language on the same facts (0.82-0.89): a pair of sentences counts when
it scores high (``EMBED_MATCH``) or when it stands out from the other candidates of
both sentences (``EMBED_LOW`` and ``EMBED_MARGIN``), its numbers agree (read with
either decimal mark and with spaces grouping thousands), and the pairs are aligned
in order over most of the lighter text.  Names are not compared inside pairs (they
change spelling, and German capitalises every noun).  Everything works without the
model; it then finds identical, syndicated and rewritten copies, but not
translations: the names and numbers of a translation and of an independent report
in another language overlap about as much (measured on the tests' fictional
pairs), so they alone cannot tell them apart.
"""

from __future__ import annotations

import hashlib

import numpy as np

from crosswire.copies.candidates import (
    LOOSENESS,
    MAX_EMBED_PAIRS,
    MIN_NAMES,
    MIN_NUMBERS,
    MIN_WORDS,
    NAME_BANDS,
    NAME_ROWS,
    TEXT_BANDS,
    TEXT_ROWS,
    WORD_GATE,
    Encoder,
    candidate_pairs,
    minhash_signatures,
    names_of,
    numbers_of,
    unit_words,
)
from crosswire.copies.units import Doc, Match, check_pair, fullness, may_translate, prepare_doc, translation, weigh
from crosswire.model import Article, CopyGroup, copy_group_json, independent_sources
from crosswire.read.outlets import identities
from crosswire.text.safe import md_code, md_inline

__all__ = ["find_copies", "copies_json", "copies_markdown"]


def find_copies(
    articles: list[Article], *, embedder: Encoder | None = None, use_embeddings: bool = True
) -> list[CopyGroup]:
    """Group the articles that are one report published several times.

    ``embedder`` defaults to :func:`crosswire.text.embed.default_embedder`; without a
    usable model (or with ``use_embeddings=False``) translations are not found but
    everything else is.  Articles with duplicate ids are treated as one article.
    Returns groups of two or more article ids; an article is in at most one group,
    and every copy in a group passed the check against the group's original itself
    (or is identical to one that did): groups are never chained through a third text.
    """
    seen: set[str] = set()
    arts: list[Article] = []
    for a in articles:
        if isinstance(a, Article) and isinstance(a.id, str) and a.id not in seen and isinstance(a.text, str):
            seen.add(a.id)
            arts.append(a)
    if len(arts) < 2:
        return []
    if embedder is None and use_embeddings:
        from crosswire.text.embed import default_embedder

        embedder = default_embedder()
    if not use_embeddings or (embedder is not None and getattr(embedder, "available", True) is False):
        embedder = None

    docs = [Doc(a, unit_words(a.text), names_of(a.text)) for a in arts]

    # 1. identical texts: one representative each, the others its duplicates
    by_text: dict[str, int] = {}
    dupes: dict[int, list[int]] = {}
    reps: list[int] = []
    for i, d in enumerate(docs):
        if not d.words:
            continue
        key = hashlib.blake2b(" ".join(d.words).encode("utf-8"), digest_size=16).hexdigest()
        if key in by_text:
            dupes[by_text[key]].append(i)
        else:
            by_text[key] = i
            dupes[i] = []
            reps.append(i)

    # 2. units and their rarity over the distinct texts
    for i in reps:
        prepare_doc(docs[i])
    weigh([docs[i] for i in reps])

    # 3. candidates from two linear blockings, among texts long enough to be a report
    order = sorted(reps, key=lambda i: fullness(docs[i], i))
    rank = np.full(len(docs), len(docs), dtype=np.int64)
    rank[order] = np.arange(len(order))
    skip = np.ones(len(docs), dtype=bool)
    for i in reps:
        d = docs[i]
        skip[i] = len(d.words) < MIN_WORDS or not bool(d.rare is not None and d.rare.any())
    sig = minhash_signatures([d.words if not skip[i] else [] for i, d in enumerate(docs)])
    cands = candidate_pairs(sig, TEXT_BANDS, TEXT_ROWS, skip=skip, rank=rank)
    name_skip = skip | np.array([len(set(d.names)) < MIN_NAMES for d in docs], dtype=bool)
    if not name_skip.all():
        nsig = minhash_signatures(
            [sorted(set(d.names)) if not name_skip[i] else [] for i, d in enumerate(docs)], shingle=1
        )
        name_cands = candidate_pairs(nsig, NAME_BANDS, NAME_ROWS, skip=name_skip, rank=rank)
    else:
        name_cands = set()
    # with the model, a third blocking on numbers alone, which a translation keeps even when
    # its names do not carry over (German capitalises every noun, so its "names" swell)
    if embedder is not None:
        nums = [sorted(set(numbers_of(d.article.text))) for d in docs]
        num_skip = skip | np.array([len(x) < MIN_NUMBERS for x in nums], dtype=bool)
        if not num_skip.all():
            msig = minhash_signatures([x if not num_skip[i] else [] for i, x in enumerate(nums)], shingle=1)
            name_cands |= candidate_pairs(msig, NAME_BANDS, NAME_ROWS, skip=num_skip, rank=rank)
    # 4. the precise check of each candidate pair, after a cheap prefilter: a copy or a
    #    rewrite shares most of the words of the shorter text (independent reports of one
    #    event share about a third); a translation shares its names and numbers
    budget = [MAX_EMBED_PAIRS]
    vocab: dict[int, frozenset[str]] = {}

    def word_set(i: int) -> frozenset[str]:
        if i not in vocab:
            vocab[i] = frozenset(docs[i].words)
        return vocab[i]

    edges: dict[tuple[int, int], Match] = {}
    neighbours: dict[int, list[int]] = {}
    for i, j in sorted(cands | name_cands):
        wi, wj = word_set(i), word_set(j)
        if len(wi & wj) >= WORD_GATE * min(len(wi), len(wj)):
            match = check_pair(docs[i], docs[j], embedder, budget)
        elif embedder is not None and may_translate(docs[i], docs[j]):
            match = translation(docs[i], docs[j], embedder, budget)
        else:
            continue
        if match.kind is not None:
            edges[(i, j)] = match
            neighbours.setdefault(i, []).append(j)
            neighbours.setdefault(j, []).append(i)

    # 5. groups around originals, fullest first; every member checked against the original
    def edge(o: int, m: int) -> Match | None:
        if (o, m) in edges:
            return edges[(o, m)]
        if (m, o) in edges:
            e = edges[(m, o)]
            return Match(e.kind, e.similarity, [(y, x) for x, y in e.pairs], e.cover)
        return None

    assigned: set[int] = set()
    groups: list[CopyGroup] = []
    for o in order:
        if o in assigned:
            continue
        members: dict[int, Match] = {}
        for m in neighbours.get(o, []):
            e = edge(o, m)
            if m not in assigned and e is not None:
                members[m] = e
        # copies of a copy join only if they pass the check against the original too
        for m in list(members):
            for x in neighbours.get(m, []):
                if x != o and x not in assigned and x not in members:
                    e = edge(o, x) or check_pair(docs[o], docs[x], embedder, budget)
                    if e.kind is not None:
                        members[x] = e
        if not members and not dupes[o]:
            continue
        assigned.add(o)
        assigned.update(members)
        groups.append(_describe(o, members, docs, dupes))
    position = {a.id: k for k, a in enumerate(arts)}
    groups.sort(key=lambda g: min(position[x] for x in g.articles))
    return groups


def _describe(orig: int, members: dict[int, Match], docs: list[Doc], dupes: dict[int, list[int]]) -> CopyGroup:
    """A group: its original, each copy's real match against it, what each copy changed."""
    od = docs[orig]
    entries: list[tuple[int, Match, list[str], list[str]]] = [
        (x, Match("identical", 1.0, []), [], []) for x in dupes.get(orig, [])
    ]
    for m in sorted(members):
        match = members[m]
        in_orig = {i for i, _ in match.pairs}
        in_copy = {j for _, j in match.pairs}
        add = [u for j, u in enumerate(docs[m].units) if j not in in_copy]
        miss = [u for i, u in enumerate(od.units) if i not in in_orig]
        # a text identical to a copy changed what that copy changed
        entries += [(x, match, add, miss) for x in [m] + dupes.get(m, [])]
    entries.sort(key=lambda e: e[0])
    kinds = [e[1].kind for e in entries if e[1].kind]
    kind = max(kinds, key=lambda k: LOOSENESS[k]) if kinds else "identical"
    sims = [e[1].similarity for e in entries]
    return CopyGroup(
        articles=[od.article.id] + [docs[e[0]].article.id for e in entries],
        original=od.article.id,
        kind=kind,
        similarity=round(float(min(sims)) if sims else 1.0, 4),
        added={docs[e[0]].article.id: list(e[2]) for e in entries},
        missing={docs[e[0]].article.id: list(e[3]) for e in entries},
    )


# --- output ---------------------------------------------------------------------------------------


def copies_json(articles: list[Article], groups: list[CopyGroup]) -> dict:
    """The ``copies`` and ``sources`` of the contract, with what each copy changed."""
    ids = [a.id for a in articles]
    grouped = {x for g in groups for x in g.articles}
    return {
        "copies": [copy_group_json(g) for g in groups],
        "standalone": [x for x in dict.fromkeys(ids) if x not in grouped],
        "sources": independent_sources(list(dict.fromkeys(ids)), groups, identities(articles)),
    }


def _label(a: Article | None, aid: str) -> str:
    if a is None:
        return md_code(aid)
    bits = [md_code(aid)]
    if a.outlet:
        bits.append(md_inline(a.outlet))
    if a.title:
        bits.append(f"“{md_inline(a.title)}”")
    return " — ".join(bits)


def _clip(text: str, n: int = 160) -> str:
    """One sentence for the Markdown report: cut to ``n`` characters, then escaped."""
    text = " ".join(text.split())
    return md_inline(text if len(text) <= n else text[: n - 1].rstrip() + "…")


def copies_markdown(articles: list[Article], groups: list[CopyGroup], *, show: int = 5) -> str:
    """A readable report: each copy group, the standalone reports, the count of sources."""
    by_id = {a.id: a for a in articles}
    ids = list(dict.fromkeys(a.id for a in articles))
    lines = ["# Copies", ""]
    if not groups:
        lines += ["No copies found: every report is its own source.", ""]
    for n, g in enumerate(groups, 1):
        lines.append(f"## Group {n}: {g.kind}, similarity {g.similarity:.2f}")
        lines.append("")
        lines.append(f"- original: {_label(by_id.get(g.original or ''), g.original or '?')}")
        for aid in g.articles:
            if aid == g.original:
                continue
            lines.append(f"- copy: {_label(by_id.get(aid), aid)}")
            add, miss = g.added.get(aid, []), g.missing.get(aid, [])
            if not add and not miss:
                lines.append("  - no sentence added or cut")
            if add:
                lines.append(f"  - adds {len(add)} sentence{'s' if len(add) != 1 else ''}:")
                lines += [f"    - + {_clip(s)}" for s in add[:show]]
                if len(add) > show:
                    lines.append(f"    - … and {len(add) - show} more")
            if miss:
                lines.append(f"  - cuts {len(miss)} sentence{'s' if len(miss) != 1 else ''}:")
                lines += [f"    - − {_clip(s)}" for s in miss[:show]]
                if len(miss) > show:
                    lines.append(f"    - … and {len(miss) - show} more")
        lines.append("")
    grouped = {x for g in groups for x in g.articles}
    alone = [x for x in ids if x not in grouped]
    if alone:
        lines += ["## Standalone reports", ""]
        lines += [f"- {_label(by_id.get(x), x)}" for x in alone]
        lines.append("")
    n_src = independent_sources(ids, groups, identities(articles))
    lines.append(
        f"**{n_src} independent source{'s' if n_src != 1 else ''}** "
        f"among {len(ids)} report{'s' if len(ids) != 1 else ''}."
    )
    return "\n".join(lines) + "\n"
