"""A fact reads as what every report citing it states: of two sentences aligned as one fact, the
one whose words the other also says (the narrower wording) is the fact's text, not the one that
adds a claim of its own.

Every article here is fictional and written for these tests.
"""

from __future__ import annotations

from crosswire import facts
from crosswire.model import Article


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published="2031-05-14", language="en")


LONG = art(
    "a1",
    "The ferry Marren Star ran aground off Port Maren on Tuesday with 80 passengers aboard, and the "
    "operator said its captain had been suspended pending an inquiry. Lifeboats took everyone off. "
    "Divers will inspect the hull on Wednesday.",
)
SHORT = art(
    "a2",
    "The ferry Marren Star ran aground off Port Maren on Tuesday with 80 passengers aboard. "
    "Every passenger was taken off by lifeboat. The ferry line cancelled Wednesday's crossings.",
)


def test_the_narrower_wording_tells_the_fact():
    sheet = facts.analyze([LONG, SHORT], [], embedder=False, entities=[], lang="en")
    aground = [f for f in sheet.facts if "ran aground" in f.text]
    assert len(aground) == 1
    fact = aground[0]
    assert sorted(fact.articles) == ["a1", "a2"]
    # the text both reports state: not the one adding the captain's suspension, which a2 does not report
    assert "suspended" not in fact.text
    assert fact.text.startswith("The ferry Marren Star ran aground off Port Maren on Tuesday with 80 passengers aboard.")
