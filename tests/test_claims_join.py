"""One claim told in passing by several reports is one fact (invented reviews and reports).

The reviews are of an invented film, "Glass Harbor"; the reports of an invented missing hiker.
"""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.facts.claim_keys import claim_keys, read_claims
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


@needs_parser
def test_a_field_title_and_a_possessor_are_not_a_films_credit():
    assert not keys_of("City Hall communications director Oren Valka took questions on Friday.")
    made = read_claims(["A premiere of celebrated director Oren Valka's new film was canceled on Monday."], "en")[0]
    assert made and not any(m.main for m in made.values())
    # a credits line makes each of its claims
    line = read_claims(["Directed by Oren Valka; written by Ilse Marr; edited by Jonas Pell; music by Rita Ochs."], "en")
    assert len(line[0]) >= 3 and all(m.main for m in line[0].values())


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
    assert host[0].independent_sources == 3
    # the bare credit line says nothing of its own: it is only cited there
    assert not told_by(sheet, "The new thriller was directed by Oren Valka")
    # the review's sentence with an opinion of its own names the director as its subject: it is cited
    # for that claim, which the fact shows
    assert not told_by(sheet, "fills every frame with rain and neon")
    assert host[0] in cited_in(sheet, "fills every frame with rain and neon")
    assert host[0].claim == "directed by Oren Valka"
    assert set(host[0].articles) == {"a", "b", "c"}


@needs_parser
def test_a_credit_told_in_a_clause_of_its_own_is_not_the_sentences_claim():
    told_in_passing = (
        "Festival critics complained after the screening that the film, directed by Oren Valka, ran too long.\n\n"
        "The plot, sadly, sinks long before the final reel."
    )
    sheet = analyze([art("a", REVIEW_A), art("c", REVIEW_C), art("e", told_in_passing)])
    assert told_by(sheet, "Festival critics complained")
    assert all("e" not in f.articles for f in told_by(sheet, "was directed by Oren Valka"))


@needs_parser
def test_the_player_of_a_part_told_in_a_longer_sentence_is_cited_for_that_claim():
    a = "The story turns on the Widow (Ada Brenn), who keeps the harbor's only lamp burning through the storms."
    b = "Ada Brenn plays the Widow with a stillness that carries the whole second half of the film."
    c = "Ada Brenn, who plays the Widow, spent a winter on a real lighthouse in Norway to prepare for the shoot."
    d = "When Ada Brenn plays the Widow in the last scene, the harbor goes dark and the music stops."
    sheet = analyze([art("a", a), art("b", b), art("c", c), art("d", d)])
    hosts = [f for f in sheet.facts if f.claim]
    assert len(hosts) == 1 and hosts[0].claim == "Ada Brenn as the Widow"
    assert set(hosts[0].articles) == {"a", "b", "c"}
    # told in a clause of its own ("When ..."): the sentence's claim is something else; it stays
    assert told_by(sheet, "When Ada Brenn plays the Widow") and all("d" not in f.articles for f in hosts)


@needs_parser
def test_another_player_for_the_part_is_not_cited_with_it():
    a = "The story turns on the Widow (Ada Brenn), who keeps the harbor's only lamp burning through the storms."
    b = "Ada Brenn plays the Widow with a stillness that carries the whole second half of the film."
    c = "Mara Quist plays the Widow in the stage version, which opened in Lisbon last spring.\n\nThe sea is grey."
    sheet = analyze([art("a", a), art("b", b), art("c", c)])
    assert told_by(sheet, "Mara Quist plays the Widow")
    assert all("c" not in f.articles for f in sheet.facts if f.claim)


def test_the_claim_is_shown_before_the_sentence_and_escaped():
    from crosswire.brief import build_brief
    from crosswire.brief.render import render_html, render_markdown
    from crosswire.model import Citation, Fact, FactSheet

    a = art("a", "Director Oren Valka fills every frame with rain.\n\nIt rains.")
    b = art("b", "Glass Harbor was directed by Oren Valka.\n\nIt is long.")
    cites = [Citation("a", 0, "Director Oren Valka fills every frame with rain."),
             Citation("b", 0, "Glass Harbor was directed by Oren Valka.")]
    fact = Fact("f1", "Glass Harbor was directed by Oren Valka.", ["a", "b"], 2, None, cites, 1.0,
                      claim="<i>Oren Valka</i>: director")
    brief = build_brief([a, b], [], FactSheet(facts=[fact]), words=40)
    md = render_markdown(brief)
    assert "**\\<i\\>Oren Valka\\</i\\>: director** — Glass Harbor was directed" in md or (
        "Oren Valka" in md and "<i>" not in md and md.index(": director") < md.index("Glass Harbor was directed")
    )
    html = render_html(brief)
    assert "<i>Oren Valka</i>" not in html
    assert '<strong class="claim"><bdi>&lt;i&gt;Oren Valka&lt;/i&gt;: director</bdi></strong>' in html
