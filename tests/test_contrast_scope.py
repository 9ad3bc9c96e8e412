"""A negated sentence answers a claim only with the clause it negates (fictional reports written here).

Two parties share words about one thing; one of them negates something else in the same sentence.
That is no denial: the clause under the negation, read from the parse, must be about the claim.
"""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.model import Article
from crosswire.text.parse import parse

DAY = "2031-03-04"

CLAIM = (
    "The dock workers' union alleged that managers ignored safety breaches at the container dock in Harlow, "
    "union leader Mara Voss said."
)
ELSEWHERE = (
    "Port director Ivan Holt told staff in a memo that the safety breaches were ignored years ago "
    "and are “not a reflection of who we are.”"
)
DENIED = "Port director Ivan Holt said no safety breach was ever ignored by his staff, calling the account false."

pytestmark = pytest.mark.skipif(parse(["A test."], "en") is None, reason="no English parser installed")


def _denials(second: str):
    arts = [
        Article(id="u", text=CLAIM + "\n\nThe union represents 900 workers.", published=DAY, language="en"),
        Article(id="p", text=second + "\n\nThe port handled record cargo in 2030.", published=DAY, language="en"),
    ]
    sheet = facts.analyze(arts, [], embedder=False)
    return [c for c in sheet.conflicts if c.kind in ("denial", "claim") and len(c.sides) >= 2]


def test_a_negation_of_something_else_answers_no_claim():
    assert _denials(ELSEWHERE) == []


def test_a_negation_of_the_claim_is_still_a_denial():
    found = _denials(DENIED)
    assert found
    assert any("Holt" in (s.attributed_to or "") for c in found for s in c.sides[1:])


def test_a_source_never_ends_on_a_determiner_or_a_preposition():
    from crosswire.facts.attribution import find_attribution

    # "alleged" after "the" is an adjective, not a reporting verb
    assert find_attribution("No details of the alleged 2029 assault were provided by the court.", "en") is None
    assert find_attribution("Each year an estimated 4,000 people fall ill.", "en") is None
    assert find_attribution("Harbour chief Lena Ost alleged the cranes were unsafe.", "en") == "Harbour chief Lena Ost"
