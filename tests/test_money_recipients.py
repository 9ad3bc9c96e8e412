"""Two sums of money received by two different parties are no conflict (reports written here)."""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.model import Article
from crosswire.text.parse import parse

pytestmark = pytest.mark.skipif(parse(["A test."], "en") is None, reason="no English parser installed")

DAY = "2031-05-08"


def _money_conflicts(first: str, second: str):
    arts = [
        Article(id="a", text=first + "\n\nThe filing was made public on Tuesday.", published=DAY, language="en"),
        Article(id="b", text=second + "\n\nThe lawyer spoke to reporters in Orsk.", published=DAY, language="en"),
    ]
    sheet = facts.analyze(arts, [], embedder=False)
    return [c for c in sheet.conflicts if c.kind == "number" and "$" in c.about]


def test_two_recipients_two_sums():
    assert not _money_conflicts(
        "The singer's lawyer said Tuesday he has records showing that Ivo Dane, the mayor's longtime personal "
        "adviser, received $500,000 from a shipping firm within months of paying the singer to stay quiet about "
        "the affair.",
        "The singer's lawyer said Tuesday he has records showing that the singer, who received $130,000 to stay "
        "quiet about the affair, was paid from the same account.",
    )


def test_one_recipient_two_sums_still_clash():
    assert _money_conflicts(
        "The lawyer said Ivo Dane, the mayor's longtime adviser, received $500,000 from a shipping firm in Orsk.",
        "Records show Ivo Dane, the mayor's adviser, received $130,000 from a shipping firm in Orsk.",
    )
