"""Conflicts over the value of one attribute of one thing, told in other words by two reports: what a
figure is a value of is read from the parse (its holder noun), not from the likeness of the sentences.

Every article here is fictional and written for these tests.
"""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.facts.figure_holders import held_by
from crosswire.facts.numbers import find_numbers
from crosswire.model import Article
from crosswire.text.parse import parse

pytestmark = pytest.mark.skipif(not parse(["A test."], "en"), reason="needs the spaCy English parse")


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published="2031-05-14", language="en")


def number_conflicts(*arts: Article) -> list[tuple[str, list[str]]]:
    sheet = facts.analyze(list(arts), [], embedder=False)
    return [(c.about, [s.claim for s in c.sides]) for c in sheet.conflicts if c.kind == "number"]


DEFICIT_A = art(
    "a1",
    "Norvania's finances are under strain after a poor harvest. In 2029, Norvania recorded a trade deficit of 7 "
    "per cent of output and, with new tariffs announced in March, Norvania is expected to record a trade deficit "
    "of 5 per cent of output. The finance ministry blamed falling grain exports.",
)
DEFICIT_B = art(
    "a2",
    "Grain exports from Norvania fell sharply last year. The government ran a deficit of 41 billion kronar, or 9 "
    "per cent of national output, in 2029, officials said. The ministry plans to sell bonds abroad.",
)


def test_percentages_of_one_holder_conflict_and_the_forecast_is_left_out() -> None:
    found = number_conflicts(DEFICIT_A, DEFICIT_B)
    assert len(found) == 1, found
    about, claims = found[0]
    assert "7 percent" in about and "9 percent" in about and "5 percent" not in about


def test_a_forecast_is_not_set_against_a_fact() -> None:
    b = art("a2", "The government ran a deficit of 9 per cent of national output in 2029, officials said.")
    a = art("a1", "Norvania will run a deficit of 5 per cent of national output, the ministry said.")
    assert number_conflicts(a, b) == []


def test_two_durations_of_one_trip_on_foot_conflict() -> None:
    a = art(
        "a1",
        "Biologists found the frog on a wet ridge in the Kesh hills. The ridge is a three-day trek from the "
        "closest town. The team spent a month there.",
    )
    b = art(
        "a2",
        "The frog lives only on one ridge. The closest town is a three-hour hike away, and even that town is "
        "hard to reach. The biologists hope to return next year.",
    )
    found = number_conflicts(a, b)
    assert len(found) == 1, found
    assert found[0][0] == "how long: 3 days or 3 hours"


def test_a_walk_and_a_drive_are_two_trips() -> None:
    a = art("a1", "The ridge is a three-day trek from the closest town, the biologists said.")
    b = art("a2", "The closest town is a three-hour drive away, the biologists said.")
    assert number_conflicts(a, b) == []


def test_the_age_of_a_named_person_and_of_the_same_person_told_by_age_alone() -> None:
    a = art(
        "a1",
        "A man stole a fishing boat in Porto Vell and sank it, police said Tuesday. Officers found 34-year-old "
        "Tomas Ferreiro and the boat near the harbour wall on Monday night. He was arrested.",
    )
    b = art(
        "a2",
        "A man sank a stolen fishing boat in Porto Vell, police say. The 35-year-old had sunk the boat at the harbour "
        "on Monday, reportedly after a quarrel with his brother. He faces charges of theft.",
    )
    found = number_conflicts(a, b)
    assert len(found) == 1, found
    assert found[0][0] == "age: 34 years old or 35 years old"


def test_a_relatives_age_is_not_the_persons() -> None:
    a = art("a1", "Officers found Ferreiro's 34-year-old sister near the harbour wall on Monday, police said.")
    b = art("a2", "The 35-year-old was found near the harbour wall on Monday, police said.")
    assert number_conflicts(a, b) == []


def test_age_ranges_of_one_group_with_another_upper_end() -> None:
    a = art(
        "a1",
        "Five boys were questioned over the fire at the Lenz school. The chief said the boys are between 12 and "
        "15 years old. None has been charged.",
    )
    b = art(
        "a2",
        "The boys, who are between the ages of 12 and 17, were questioned over the fire at the Lenz school. No "
        "charges have been filed.",
    )
    found = number_conflicts(a, b)
    assert len(found) == 1, found
    assert "12-15" in found[0][0] and "12-17" in found[0][0]


def test_age_ranges_with_no_end_in_common_are_not_set_against_each_other() -> None:
    a = art("a1", "The chief said the boys questioned over the fire are between 12 and 15 years old.")
    b = art("a2", "The boys questioned over the fire, who are between the ages of 16 and 17, were released.")
    assert number_conflicts(a, b) == []


@pytest.mark.parametrize(
    "text, holder",
    [
        ("The state ran a deficit of 9 per cent of output.", "deficit"),
        ("The ridge is a three-day trek from the town.", "trek"),
        ("Officers found 34-year-old Tomas Ferreiro.", "ferreiro"),
        ("Officers found Ferreiro's 34-year-old sister.", "sister"),
    ],
)
def test_holder_read_from_the_parse(text: str, holder: str) -> None:
    fig = find_numbers(text, "en")[0]
    held = held_by(text, fig, "en")
    assert held is not None and held.holder == holder


def test_ages_between_the_ages_of_are_read() -> None:
    figs = find_numbers("The boys, who are between the ages of 12 and 17, were released.", "en")
    assert [(f.what, f.low, f.high) for f in figs] == [("age", 12, 17)]
