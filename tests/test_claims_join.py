"""One claim told in passing by several reports is one fact (invented reviews and reports).

The reviews are of an invented film, "Glass Harbor"; the reports of an invented missing hiker.
"""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.facts.claim_keys import claim_keys
from crosswire.model import Article
from crosswire.text.parse import parser

DAY = "2031-03-14"

needs_parser = pytest.mark.skipif(parser("en") is None, reason="the English spaCy pipeline is not installed")


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published=DAY, language="en")


def analyze(arts):
    return facts.analyze(list(arts), [], embedder=False, entities=[])


def told_by(sheet, words: str):
    """The facts whose own text holds ``words``."""
    return [f for f in sheet.facts if words in f.text]


def cited_in(sheet, words: str):
    return [f for f in sheet.facts if any(words in c.text for c in f.citations)]


def keys_of(text: str) -> set:
    return set(claim_keys([text], "en")[0])


# --- the keys ------------------------------------------------------------------------------------


@needs_parser
def test_a_part_and_its_player_are_one_key_however_it_is_written():
    want = ("pair", "brenn", "widow")
    assert want in keys_of("The story turns on the Widow (Ada Brenn), who keeps the harbor's only lamp.")
    assert want in keys_of("Ada Brenn stars as the Widow, a woman who keeps the harbor's only lamp.")
    assert want in keys_of("Brenn plays the Widow with a stillness that carries the film.")


@needs_parser
def test_a_credit_is_read_from_the_role_word_before_the_name_or_from_by():
    want = ("role", "direct", "valka")
    assert want in keys_of("Director Oren Valka fills every frame with rain.")
    assert want in keys_of("The look owes much to the director, Oren Valka, a former painter.")
    assert want in keys_of("Glass Harbor is a thriller directed by Oren Valka.")
    both = keys_of("Screenplay by Ilse Marr and Jonas Pell, from a novel by Rita Ochs.")
    assert {("role", "write", "marr"), ("role", "write", "pell")} <= both


@needs_parser
def test_a_job_title_and_a_dateline_are_not_claims():
    assert not keys_of("FBI Director Oren Valka told senators the inquiry was closed.")
    assert not [k for k in keys_of("Former director Oren Valka said the plan had failed.") if k[0] == "role"]
    assert not [k for k in keys_of("LISBON (Reuters) - The harbor was closed on Monday.") if k[0] == "pair"]


def test_clock_times_and_telephone_numbers_are_details():
    assert ("time", "22:41", "") in keys_of("She signed out of the gala at 10:41 p.m. on Friday.")
    assert ("phone", "555-0142", "") in keys_of("Anyone who saw her should call the sheriff at 208-555-0142.")
    assert ("phone", "555-0142", "") in keys_of("Tips can be given to the sheriff, 555-0142.")
    assert not [k for k in keys_of("Between 300-2000 people came.") if k[0] == "phone"]


# --- the joins -----------------------------------------------------------------------------------

REVIEW_A = (
    "Glass Harbor was directed by Oren Valka.\n\n"
    "The harbor town is drowning in debt and rain.\n\n"
    "Its lighthouse keeper finds a ledger that nobody was meant to read."
)
REVIEW_B = (
    "Director Oren Valka fills every frame with rain and neon, and the results are gorgeous to look at.\n\n"
    "The plot, sadly, sinks long before the final reel.\n\n"
    "Glass Harbor is rated PG-13 (some violence and brief strong language)."
)
REVIEW_C = (
    "The new thriller was directed by Oren Valka.\n\n"
    "Audiences at the festival booed the ending.\n\n"
    "Glass Harbor is rated PG-13 for violence."
)


@needs_parser
def test_a_bare_credit_line_is_cited_with_the_sentence_that_states_the_credit_most_directly():
    sheet = analyze([art("a", REVIEW_A), art("b", REVIEW_B), art("c", REVIEW_C)])
    host = told_by(sheet, "Glass Harbor was directed by Oren Valka")
    assert len(host) == 1
    assert set(host[0].articles) == {"a", "c"}
    assert host[0].independent_sources == 2
    # the bare credit line says nothing of its own: it is only cited there
    assert not told_by(sheet, "The new thriller was directed by Oren Valka")
    # the review's sentence with an opinion of its own stays a fact, and is not cited with the credit
    assert told_by(sheet, "fills every frame with rain and neon")
    assert host[0] not in cited_in(sheet, "fills every frame with rain and neon")


@needs_parser
def test_the_rating_two_reviews_give_is_one_fact():
    sheet = analyze([art("a", REVIEW_A), art("b", REVIEW_B), art("c", REVIEW_C)])
    rated = [f for f in sheet.facts if "rated PG-13" in f.text]
    assert len(rated) == 1 and set(rated[0].articles) == {"b", "c"}


@needs_parser
def test_another_person_in_the_same_role_is_not_joined():
    other = (
        "The new thriller was directed by Petra Smolt.\n\n"
        "Audiences at the festival booed the ending.\n\n"
        "It opens in March."
    )
    sheet = analyze([art("a", REVIEW_A), art("b", REVIEW_B), art("d", other)])
    smolt = told_by(sheet, "directed by Petra Smolt")
    assert len(smolt) == 1 and smolt[0].articles == ["d"]
    assert all("d" not in f.articles for f in told_by(sheet, "Oren Valka"))


HIKER_A = (
    "Search teams are combing the Kessel ridge for a missing hiker, Lena Varro, 24.\n\n"
    "Varro was last heard from at 6:15 p.m., when she told her brother she had left the summit hut.\n\n"
    "Her car was found at the trailhead."
)
HIKER_B = (
    "A 24-year-old hiker has been missing on the Kessel ridge since Saturday.\n\n"
    "The ranger service confirmed Lena had signed out of the summit hut at 6:15 p.m.\n\n"
    "Volunteers joined the search on Sunday morning."
)
HIKER_C = (
    "Rangers say the last time anyone saw her was Saturday evening, when she left the summit hut at 6:15 p.m.\n\n"
    "The weather on the ridge turned overnight.\n\n"
    "Helicopters were grounded by fog."
)


def test_reports_giving_one_clock_time_for_one_event_are_one_fact():
    sheet = analyze([art("a", HIKER_A), art("b", HIKER_B), art("c", HIKER_C)])
    at_615 = [f for f in sheet.facts if "6:15 p.m." in f.text]
    assert len(at_615) == 1
    assert set(at_615[0].articles) == {"a", "b", "c"}


def test_one_clock_time_with_figures_that_disagree_is_not_joined():
    a = "At 9:15 p.m., two guards were injured when the depot gate collapsed.\n\nThe depot was closed."
    b = "At 9:15 p.m., three guards were injured when the depot gate collapsed.\n\nTraffic was diverted."
    sheet = analyze([art("a", a), art("b", b)])
    told = [f for f in sheet.facts if "9:15 p.m." in f.text]
    assert len(told) == 2
    assert all(len(f.articles) == 1 for f in told)
