"""Repeated-word garbage: text a broken page or a bad translation repeats ("offiziell offiziell
offiziell ..."), which no brief should tell."""

from __future__ import annotations

import re

__all__ = ["is_garbage"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def is_garbage(text: str, run: int = 3) -> bool:
    """A word repeated ``run`` times in a row, or a sentence of six words or more made for 40% of
    one word of four letters or more."""
    words = [w.lower() for w in _WORD.findall(text)]
    for k in range(len(words) - run + 1):
        if len(words[k]) > 1 and words[k] == words[k + 1] == words[k + run - 1] and len(set(words[k : k + run])) == 1:
            return True
    long = [w for w in words if len(w) > 3]
    if len(words) >= 6 and long:
        return max(long.count(w) for w in set(long)) >= 0.4 * len(words)
    return False
