"""What a summary sentence tells of the story's shared facts, for the summary's choice.

A story's **shared terms** are the content words, names and figures that several independent
sources state (a word only one report uses is its colour, not the story's).  A sentence that packs
more of them, in fewer words, tells more of the story: the summary prefers it, and once a term is
told, another sentence gains nothing by telling it again (see :func:`coverage_gain`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from crosswire.text.words import STOPWORDS, content_words, words

__all__ = ["terms", "shared_weights", "coverage_gain", "COMMON_SHARE"]

COMMON_SHARE = 0.5  # a term in more than this share of the story's distinct sentences says nothing (a function word)


def terms(text: str) -> frozenset[str]:
    """Content-word stems, names and figures of a sentence (lower-cased, accents folded)."""
    figures = {w for w in words(text) if any(ch.isdigit() for ch in w)}
    return frozenset(t for t in content_words(text) if len(t) >= 3 and t not in STOPWORDS) | figures


def shared_weights(texts: Sequence[str], sources: Sequence[str]) -> dict[str, float]:
    """Weight of each term several independent sources state: (sources stating it - 1) / (sources - 1).

    ``texts`` are the story's sentences, ``sources`` the independent source of each.  Terms in more
    than :data:`COMMON_SHARE` of the distinct sentences are left out.
    """
    n_src = len(set(sources))
    if n_src < 2:
        return {}
    by_term: dict[str, set[str]] = {}
    df: dict[str, int] = {}
    seen: set[str] = set()
    for text, src in zip(texts, sources, strict=True):
        ts = terms(text)
        for t in ts:
            by_term.setdefault(t, set()).add(src)
        key = " ".join(text.split()).lower()
        if key not in seen:
            seen.add(key)
            for t in ts:
                df[t] = df.get(t, 0) + 1
    limit = max(3.0, COMMON_SHARE * len(seen))
    return {t: (len(s) - 1) / (n_src - 1) for t, s in by_term.items() if len(s) >= 2 and df.get(t, 0) <= limit}


def coverage_gain(unit_terms: frozenset[str], weights: dict[str, float], told: set[str]) -> float:
    """The weight of the shared terms a sentence tells that the summary has not told yet."""
    # (summed exactly: the order of a set's terms changes from one process to the next, the choice must not)
    return math.fsum(weights.get(t, 0.0) for t in unit_terms if t not in told)
