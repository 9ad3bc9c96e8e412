"""A speaker is a name, an organisation or a role, never a fragment of the sentence around it."""

from __future__ import annotations

import pytest

from crosswire.facts import speakers
from crosswire.facts.quotemarks import clean_name
from crosswire.facts.speaker_cues import ENGLISH

pytestmark = pytest.mark.skipif(not speakers.parser_available("en"), reason="no English spaCy pipeline")


def said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in speakers.find_quotations(text, "en") or []}


def test_clean_name_drops_an_age_cut_from_its_number_and_a_trailing_conjunction():
    assert clean_name("year-old diplomat", ENGLISH) == "diplomat"
    assert clean_name("former mayor of Dunmore and", ENGLISH) == "former mayor of Dunmore"


def test_party_label_in_brackets_is_not_the_speaker():
    got = said(
        "The fair opened on Saturday.\n\n"
        '"This is a big year for the whole valley," state Sen. Maria Lopez (D-Riverside) told the crowd.'
    )
    names = ("state Sen. Maria Lopez", "Maria Lopez", "Sen. Maria Lopez")
    assert got["This is a big year for the whole valley"] in names


def test_a_name_inside_brackets_after_a_place_stays_the_speaker():
    got = said(
        "The talks went on.\n\n"
        "They argued over how to get her to the coast (Abedin wrote that the trip was "
        "“comfortable for everyone and cheaper than the train”)."
    )
    assert got.get("comfortable for everyone and cheaper than the train") != "coast"


def test_others_is_no_speaker():
    got = said('The rally ended late.\n\n"You should never apologize for any of it," others said.')
    assert got.get("You should never apologize for any of it") is None


def test_currency_before_a_role_is_cut():
    got = said(
        "The march began at noon.\n\n"
        '"They care about two things and nothing else at all," Fight for $15 organizing director Jane Fell '
        "told reporters."
    )
    assert "$" not in (got["They care about two things and nothing else at all"] or "")


def test_two_apostrophes_close_a_straight_quotation():
    got = said("The man waited for officers.\n\n\"He was armed and spoke to us about his acts,'' said Inspector Roy.")
    assert got == {"He was armed and spoke to us about his acts": "Inspector Roy"}


def test_long_apposition_naming_an_outlet_keeps_the_person():
    got = said(
        "The debate went on.\n\n"
        "Just last week, Jane Roe, editor at large of The Valley Beacon, an influential weekly paper catering "
        'to the farmers of the region, wrote, "When we think of the drought, we should think of the whole valley."'
    )
    assert got["When we think of the drought, we should think of the whole valley."] == "Jane Roe"
