"""A reporting frame after a fronted phrase, and denials told in the party's own words.

Every sentence and article here is fictional and written for these tests.
"""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.facts.attribution import find_attribution
from crosswire.model import Article


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In a statement, the Harbour Board said the quay would reopen.", "Harbour Board"),
        ("In a joint statement about the deal, the Rovers said they regret the delay.", "Rovers"),
        ("Asked about the closure, Mayor Ilse Vass said the pier was safe.", "Mayor Ilse Vass"),
        ("But in a court filing, Finance Director Piet Arnow said costs had grown.", "Finance Director Piet Arnow"),
        ("However, the Valdorian Courier reported that the vote was delayed.", "Valdorian Courier"),
        ("On Monday, the ministry said the border would reopen.", "ministry"),
        ("The Valdorian Post reported that the vote was delayed.", "Valdorian Post"),
        ("A defence ministry statement said the border would reopen.", "defence ministry"),
    ],
)
def test_frame_after_a_fronted_phrase(text: str, expected: str) -> None:
    assert find_attribution(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        # the subject after a fronted phrase is a clause, not a source
        "Last week, former drivers who say they were dismissed filed a lawsuit against the firm.",
        "But the board insists it did nothing wrong, and said the rules had stood for decades.",
        # a pronoun after a fronted phrase is left to the quotations' own reader
        "In fact, he insists he never met the envoy.",
    ],
)
def test_no_source_from_a_clause_or_a_fronted_pronoun(text: str) -> None:
    assert find_attribution(text, "en") in (None, "board")


def test_capital_who_is_the_organisation() -> None:
    assert find_attribution("WHO official Dr. Anna Brekke says the outbreak is slowing.", "en") is not None


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published="2031-05-14", language="en")


def denials(*arts: Article):
    sheet = facts.analyze(list(arts), [], embedder=False)
    return [c for c in sheet.conflicts if c.kind == "denial"]


def test_denial_in_the_partys_own_quoted_words() -> None:
    a = art(
        "a1",
        "The Rovers settled with their groundstaff on Tuesday. The suit, filed in 2029 by a groundsman, claimed "
        "the staff were paid only $90 per match. In a joint statement, the Rovers said they \u201cdeny the claims "
        "and the parties have agreed to settle to avoid the cost of litigation.\u201d Both sides declined "
        "further comment.",
    )
    found = denials(a)
    assert len(found) == 1, [(c.about, [s.claim for s in c.sides]) for c in found]
    claim, denial = found[0].sides
    assert "$90 per match" in claim.claim
    assert "deny the claims" in denial.claim and denial.attributed_to == "Rovers"


def test_policy_turned_down_is_no_denial() -> None:
    a = art(
        "a1",
        "The senator says the treaty is a beacon of hope for the region and should stay that way. "
        "In a statement on Sunday, Premier Anna Brekke added that her cabinet regrets the new travel "
        "restrictions and rejects them.",
    )
    assert denials(a) == []
