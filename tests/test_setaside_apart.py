"""A report that stands apart from reports that agree among themselves is set aside as another
story, only where both its words and its lead's meaning are far from every other report's."""

from __future__ import annotations

import numpy as np

from crosswire.model import Article
from crosswire.read.setaside import other_story

_CABIN = (
    "A couple on a {ship} cruise found a small camera hidden behind the television in their cabin, "
    "wired to the power strip and pointed at the bed. They called ship security, filmed the crew member "
    "who removed the device, and the cruise line said it was investigating the camera and the cabin."
)
_PARTY = (
    "Passengers on a week-long cruise complained that a tobacco company's sales conference took over the "
    "ship, with more than a thousand delegates holding loud parties by the pool until dawn every night."
)


class _Lead:
    """Stands in for the embedding model: the first three reports mean one thing, the fourth another."""

    def __init__(self, far: float):
        self.far = far

    def encode(self, texts: list[str]) -> np.ndarray:
        out = []
        for t in texts:
            v = np.array([1.0, 0.0]) if "camera" in t else np.array([self.far, (1 - self.far**2) ** 0.5])
            out.append(v)
        return np.array(out)


def _reports() -> list[Article]:
    ships = ("Carnival", "Royal", "Princess")
    arts = [Article(id=f"r{k}", text=_CABIN.format(ship=s), language="en") for k, s in enumerate(ships)]
    return arts + [Article(id="party", text=_PARTY + " The cruise line apologised.", language="en")]


def test_a_report_apart_in_words_and_meaning_is_another_story() -> None:
    assert list(other_story(_reports(), embedder=_Lead(0.85))) == ["party"]


def test_close_in_meaning_it_stays() -> None:
    # the same words, but a lead whose meaning is near the others': not set aside
    assert other_story(_reports(), embedder=_Lead(0.99)) == {}


def test_without_the_model_it_stays() -> None:
    assert other_story(_reports(), embedder=False) == {}
