"""A headline glued to the lead: split off as the title, the lead kept as the first sentence."""

from __future__ import annotations

import pytest

from crosswire.read.clean import clean_text
from crosswire.read.headline import glued_headline


@pytest.mark.parametrize(
    ("text", "language", "title", "start", "dateline"),
    [
        (
            "Hundreds flee as river bursts its banks in Saxony DRESDEN.- A river burst its banks on Sunday, "
            "forcing hundreds of people to leave their homes, the regional government said.",
            "en",
            "Hundreds flee as river bursts its banks in Saxony",
            "A river burst its banks",
            "DRESDEN",
        ),
        (
            "Cientos de evacuados por una crecida en Sajonia DRESDE, 3 ene (EFE).- Un río se desbordó el domingo "
            "y obligó a cientos de personas a dejar sus casas, informó el gobierno regional.",
            "es",
            "Cientos de evacuados por una crecida en Sajonia",
            "Un río se desbordó",
            "DRESDE",
        ),
        (
            "Des centaines d'évacués en Saxe après une crue LYON (AFP) - Une rivière est sortie de son lit "
            "dimanche, forçant des centaines de personnes à quitter leur logement.",
            "fr",
            "Des centaines d'évacués en Saxe après une crue",
            "Une rivière est sortie",
            "LYON",
        ),
        (
            "Hochwasser: Hunderte verlassen ihre Häuser in Sachsen Der Fluss trat am Sonntag über die Ufer und "
            "zwang Hunderte Menschen, ihre Häuser zu verlassen, wie die Landesregierung mitteilte.",
            "de",
            "Hochwasser: Hunderte verlassen ihre Häuser in Sachsen",
            "Der Fluss trat",
            None,
        ),
        (
            "Arbeitsmarkt in Nordheim: Folgen der Flut noch offen Im Landkreis Nordheim waren im Mai 2808 Menschen "
            "arbeitslos gemeldet, etwas weniger als im Vorjahr.",
            "de",
            "Arbeitsmarkt in Nordheim: Folgen der Flut noch offen",
            "Im Landkreis Nordheim",
            None,
        ),
        (
            "Cientos de evacuados por la crecida de un río en Sajonia Unos trescientos vecinos dejaron sus casas "
            "el domingo después de que el río se desbordara, informó el gobierno regional.",
            "es",
            "Cientos de evacuados por la crecida de un río en Sajonia",
            "Unos trescientos vecinos",
            None,
        ),
    ],
)
def test_glued_headline_is_the_title(text, language, title, start, dateline):
    a = clean_text(text, id="a1", language=language)
    assert a.title == title
    assert a.text.startswith(start)
    assert a.dateline == dateline
    assert title in "\n".join(a.removed)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a determiner inside a sentence that names a paper or a place
        ("Officials said on Monday that a report by The Guardian had been wrong about the figures given.", "en"),
        ("The mayor of the town met reporters in El Paso on Monday to talk about the floods and the damage.", "en"),
        ("Plan A for next season is to keep the whole squad together, the coach told reporters on Friday.", "en"),
        # a real sentence before: no headline to split
        ("The river burst its banks. The water rose quickly through the night and reached the houses.", "en"),
        # the paragraph opens with its dateline
        ("BERLIN (dpa) - Der Fluss trat am Sonntag über die Ufer und zwang Hunderte Menschen zur Flucht.", "de"),
        # capitals that are no dateline: an acronym in brackets
        (
            "Nach der neuen Verordnung (VO) 185 wurden im Jahr 2019 viele Verfahren eröffnet, wie eine Umfrage zeigt.",
            "de",
        ),
        # a quotation still open where the capitals stand
        ('The trailer for "Star Wars: Episode VII - The Force Awakens" premiered during the game on Monday.', "en"),
    ],
)
def test_no_glued_headline(text, language):
    assert glued_headline(text, language) is None
    a = clean_text(text, id="a1", language=language)
    assert a.title is None or a.title not in text or a.text.startswith(text[:20]) or a.dateline


def test_given_title_is_cut_again_not_replaced():
    text = (
        "River bursts its banks in Saxony The water rose through the night and reached the first houses "
        "before dawn, the fire service said."
    )
    a = clean_text(text, id="a1", title="Floods in Saxony", language="en")
    assert a.title == "Floods in Saxony"
    assert a.text.startswith("The water rose")


def test_dateline_place_is_the_shortest_that_parses():
    text = (
        "Premier faces vote on budget after coalition talks fail BERLIN (Reuters) - The premier will face a "
        "confidence vote next week after talks on the budget failed, party officials said."
    )
    a = clean_text(text, id="a1", language="en")
    assert a.title == "Premier faces vote on budget after coalition talks fail"
    assert a.dateline == "BERLIN"
    assert "Reuters" in a.credits
    assert a.text.startswith("The premier")


def test_a_headline_with_an_abbreviation_or_an_initial_is_still_a_headline():
    text = (
        "U.S. and Varno reach truce over port fees ORSK, Varno, Feb 15, 2031 (AP) - The United States and "
        "Varno have agreed on a weeklong truce over port fees, officials said."
    )
    found = glued_headline(text, "en")
    assert found is not None and text[: found[0]].strip() == "U.S. and Varno reach truce over port fees"
    text = (
        "R. Roe muss im Gefängnis bleiben Der frühere Sänger R. Roe wird wegen der Pandemie nicht vorzeitig "
        "aus dem Gefängnis entlassen, entschied ein Gericht."
    )
    found = glued_headline(text, "de")
    assert found is not None and text[: found[0]].strip() == "R. Roe muss im Gefängnis bleiben"


def test_a_titles_lowercase_tags_are_cut_but_not_a_names_particle() -> None:
    from crosswire.read.clean import clean_text

    body = "\n\nThe council voted on Monday to hire 300 more teachers for the city's schools by the autumn."
    assert clean_text("city schools Council Votes to Hire More Teachers" + body, id="t").title == (
        "Council Votes to Hire More Teachers"
    )
    assert clean_text("de Blasio says the city will hire more teachers" + body, id="t").title == (
        "de Blasio says the city will hire more teachers"
    )


def test_a_headline_printed_twice_before_the_lead_is_the_title_once() -> None:
    from crosswire.read.clean import clean_text

    head = "Ferry Service Resumes After Two Weeks of Storms"
    lead = (
        "The harbour authority said on Monday that the first ferry would leave at seven, after two weeks "
        "in which storms had kept every boat in port."
    )
    art = clean_text(f"{head} {head} {lead}\n\nTickets bought for cancelled crossings will be refunded.", id="t")
    assert art.title == head
    assert art.text.startswith("The harbour authority said on Monday")


def test_a_lead_that_opens_with_the_headlines_words_is_kept_whole() -> None:
    from crosswire.read.clean import clean_text

    text = (
        "Ferry service resumes after storms Ferry service resumes after storms kept every boat in port for two "
        "weeks, the harbour authority said on Monday.\n\nTickets bought for cancelled crossings will be refunded."
    )
    assert "kept every boat in port" in clean_text(text, id="t").text
