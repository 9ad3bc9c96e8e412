"""A lone sentence of a translated copy joins the fact of the sentence it translates."""

from __future__ import annotations

import numpy as np

from crosswire.facts.crosslang import follow_translations
from crosswire.facts.similarity import Aligned
from crosswire.model import Sentence


class TableEncoder:
    """Vectors from a table: sentences with the same key get the same direction."""

    def __init__(self, keys: dict[str, int], dim: int = 32) -> None:
        self.keys, self.dim = keys, dim

    def encode(self, texts: list[str], *, query: bool = False) -> np.ndarray | None:
        out = np.zeros((len(texts), self.dim))
        for k, t in enumerate(texts):
            out[k, self.keys[t] % self.dim] = 1.0
        return out


ORIGINAL = ["The mill closed on Friday.", "The union said it would appeal.", "Some 40 staff lose their jobs."]
COPY = [
    "Le moulin a fermé vendredi.",
    "Le syndicat a annoncé qu'il ferait appel.",
    "Quelque 40 salariés perdent leur emploi.",
]


def _story(copy: list[str]) -> tuple[list[Sentence], list[str]]:
    sents = [Sentence("en1", k, t, 0, len(t)) for k, t in enumerate(ORIGINAL)]
    sents += [Sentence("fr1", k, t, 0, len(t)) for k, t in enumerate(copy)]
    return sents, ["en"] * len(ORIGINAL) + ["fr"] * len(copy)


def _alone(n: int) -> list[Aligned]:
    return [Aligned(members=[k], strength=1.0) for k in range(n)]


def test_lone_translated_sentences_join_their_originals() -> None:
    sents, langs = _story(COPY)
    enc = TableEncoder({t: k for k, t in enumerate(ORIGINAL)} | {t: k for k, t in enumerate(COPY)})
    groups = follow_translations(_alone(len(sents)), sents, langs, {"en1": 0, "fr1": 0}, enc)
    assert sorted(sorted(g.members) for g in groups) == [[0, 3], [1, 4], [2, 5]]


def test_not_a_copy_group_or_no_model_nothing_moves() -> None:
    sents, langs = _story(COPY)
    enc = TableEncoder({t: k for k, t in enumerate(ORIGINAL)} | {t: k for k, t in enumerate(COPY)})
    assert len(follow_translations(_alone(len(sents)), sents, langs, {"en1": 0, "fr1": 1}, enc)) == 6
    assert len(follow_translations(_alone(len(sents)), sents, langs, {"en1": 0, "fr1": 0}, None)) == 6


def test_other_figures_or_far_places_stay_apart() -> None:
    copy = [
        "Le moulin a fermé vendredi.",
        "Le syndicat a annoncé qu'il ferait appel.",
        "Quelque 60 salariés perdent leur emploi.",
    ]
    sents, langs = _story(copy)
    enc = TableEncoder({t: k for k, t in enumerate(ORIGINAL)} | {t: k for k, t in enumerate(copy)})
    groups = follow_translations(_alone(len(sents)), sents, langs, {"en1": 0, "fr1": 0}, enc)
    assert [2] in [sorted(g.members) for g in groups] and [5] in [sorted(g.members) for g in groups]
    # the same words five places away are not a sentence-by-sentence translation
    far = ["Titre.", "Un.", "Deux.", "Trois.", "Quatre.", COPY[0]]
    sents, langs = _story(far)
    enc = TableEncoder({t: k for k, t in enumerate(ORIGINAL)} | {t: 10 + k for k, t in enumerate(far)} | {COPY[0]: 0})
    groups = follow_translations(_alone(len(sents)), sents, langs, {"en1": 0, "fr1": 0}, enc)
    assert all(len(g.members) == 1 for g in groups)
