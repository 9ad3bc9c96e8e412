"""The outlet a report's own text names: station datelines, boilerplate, sign-offs, bylines.

Texts written for these tests.
"""

from __future__ import annotations

import pytest

from crosswire.read.clean import clean_text

LEAD = "The council met for three hours and voted to close the old bridge to all traffic from next week."
MORE = "Engineers said cracks in two of the supports had grown over the winter months."


def _read(text: str):
    return clean_text(text, id="t", language="en")


@pytest.mark.parametrize(
    "text, outlet",
    [
        # a station's dateline right after a headline glued on the same line
        (f"Old bridge to close next week SPRINGFIELD (CBSXY) — {LEAD}\n\n{MORE}", "CBSXY"),
        # call letters with a double hyphen, at the start: the outlet, not a credit
        (f"NORTH SPRINGFIELD (KXYZ) -- {LEAD}\n\n{MORE}", "KXYZ"),
        (f"RIVERTON, Ore. (KQRS-TV) — {LEAD}\n\n{MORE}", "KQRS-TV"),
        # a network's dateline without a dash, after a subheading paragraph
        (f"Bridge to shut\n\nCracks were found in two supports last month.\n\nRiverton (CNN) {LEAD}\n\n{MORE}", "CNN"),
        # a text in lower case throughout
        (f"(cnn) the council met for three hours and voted to close the bridge.\n\n{MORE.lower()}", "CNN"),
    ],
)
def test_station_and_network_datelines(text: str, outlet: str) -> None:
    art = _read(text)
    assert art.outlet == outlet
    assert outlet not in art.credits


@pytest.mark.parametrize(
    "text",
    [
        f"Old bridge to close next week SPRINGFIELD (Reuters) — {LEAD}\n\n{MORE}",
        f"GENEVA (WHO) — {LEAD}\n\n{MORE}",
        f"Acme Holdings Inc. (WKRP) is to close its plant. {LEAD}\n\n{MORE}",
        f"DAMASCUS (QXNA) — {LEAD}\n\n{MORE}",  # an unknown acronym: perhaps an agency, no outlet
        f"KUWAIT CITY (KUNA) — {LEAD}\n\n{MORE}",
    ],
)
def test_agencies_tickers_and_bodies_name_no_outlet(text: str) -> None:
    assert _read(text).outlet is None


def test_two_stations_first_is_the_outlet_second_stays_credited() -> None:
    art = _read(f"RIVERTON, Ore. (KQRS/WXAB) — {LEAD}\n\n{MORE}")
    assert art.outlet == "KQRS"
    assert art.credits == ["WXAB"]


@pytest.mark.parametrize(
    "text, outlet",
    [
        (f"{LEAD}\n\n{MORE}\n\n*Springfelder-Bote.de ist Teil des bundesweiten Muster-Redaktionsnetzwerks.", None),
        (
            f"{LEAD}\n\n{MORE}\n\nThe following is an excerpt of an article from the March 3, 2011 issue of "
            "Rolling Stone. The issue is on newsstands now.",
            "Rolling Stone",
        ),
        (f"{LEAD}\n\n{MORE}\n\nRead the whole story with Rolling Stone's premium subscription plan.", "Rolling Stone"),
        (f"{LEAD} -- and GossipDaily.com has the inside scoop.\n\n{MORE}", "gossipdaily.com"),
        (f"{LEAD}\n\n{MORE}\n\nTune in to Night Desk Tonight Thursday to hear the engineers explain it.", None),
    ],
)
def test_own_boilerplate(text: str, outlet: str | None) -> None:
    art = _read(text)
    if outlet is None:  # the name as printed
        assert art.outlet in ("springfelder-bote.de", "Night Desk Tonight")
    else:
        assert art.outlet == outlet


def test_another_sites_report_cited_is_not_the_outlet() -> None:
    assert _read(f"{LEAD} GossipDaily.com reported on Monday that the mayor objected.\n\n{MORE}").outlet is None


def test_staff_signoff_wire_is_a_credit_outlet_is_the_outlet() -> None:
    wire = _read(f"{LEAD}\n\n{MORE}\n\nJane Roe covers transport for The Associated Press.")
    assert wire.outlet is None and "AP" in wire.credits
    paper = _read(f"{LEAD}\n\n{MORE}\n\nJane Roe is a transport reporter for The Washington Post.")
    assert paper.outlet == "The Washington Post"


def test_correspondent_byline() -> None:
    art = _read(f"Analysis by Jane Roe, BBC transport correspondent\n\n{LEAD}\n\n{MORE}")
    assert art.outlet == "BBC"


@pytest.mark.parametrize("credit, outlet, credits", [("KQRS", "KQRS", []), ("AP", None, ["AP"])])
def test_glued_headline_before_a_place_with_its_state(credit: str, outlet: str | None, credits: list[str]) -> None:
    art = _read(f"Old bridge to close next week RIVERTON, Ore. ({credit}) — {LEAD}\n\n{MORE}")
    assert art.title == "Old bridge to close next week"
    assert art.text.startswith("The council met")
    assert (art.outlet, art.credits) == (outlet, credits)


@pytest.mark.parametrize(
    "tail",
    [
        "The streaming service said Streamflix's premium subscription plan would cost more from May.",
        "Shoppers can order the model now. MegaShop.com can confirm orders within a day.",
    ],
)
def test_a_companys_subscription_or_domain_is_no_publisher(tail: str) -> None:
    assert _read(f"{LEAD}\n\n{MORE}\n\n{tail}").outlet is None


def test_a_contributors_bio_names_no_outlet() -> None:
    art = _read(f"{LEAD}\n\n{MORE}\n\nJane Roe is a contributing writer for The Washington Post.")
    assert art.outlet is None


def test_an_embedded_post_naming_a_broadcaster_is_not_the_outlet() -> None:
    # the story is about the broadcaster: posts about it, cut as furniture, do not make it the publisher
    text = (
        "The network apologised on Tuesday after viewers noticed that its live fireworks broadcast mixed in "
        "footage from earlier years.\n\n"
        "Thanks for the fake fireworks, PBS! Not a cloud in the sky on your screen "
        "— Jo Roe (@joroe_dc) July 5, 2016\n\n"
        "The producers said the old footage had been used because fog hid most of the display from the cameras.\n"
    )
    art = clean_text(text, id="t")
    assert art.outlet is None


def test_the_opening_of_a_longer_name_is_not_an_outlet() -> None:
    text = (
        "Regulators opened an investigation into the battery fires on Tuesday.\n\n"
        "CLOSE The National Highway Traffic Safety Administration is looking into two fires Video by Staff\n\n"
        "The company said it would cooperate with the agency and that the cars were safe to drive.\n"
    )
    assert clean_text(text, id="t").outlet is None


@pytest.mark.parametrize(
    "tail, outlet",
    [
        ("Jane Roe is GossipDaily’s associate editor.", "GossipDaily"),  # one CamelCase word
        ("Jane Roe is The Washington Post's transport reporter.", "The Washington Post"),  # a name of the table
        ("Jane Roe is Springfield's chief editor.", None),  # an ordinary word: a place, not a publisher
        ("Jane Roe is Netflix's head of content.", None),  # no journalist's role
    ],
)
def test_possessive_staff_signoff(tail: str, outlet: str | None) -> None:
    assert _read(f"{LEAD}\n\n{MORE}\n\n{tail}").outlet == outlet


def test_possessive_signoff_of_a_wire_is_a_credit() -> None:
    art = _read(f"{LEAD}\n\n{MORE}\n\nJane Roe is the Associated Press's transport correspondent.")
    assert art.outlet is None and art.credits == ["AP"]


@pytest.mark.parametrize(
    "tail, credits",
    [
        ("Additional reporting by Jane Roe, WXYZ", ["WXYZ"]),  # a station lent its reporter
        # (the parenthesised reporting and editing credit is Reuters' own sign: the copy is Reuters')
        (
            "(Reporting by Jane Roe of The Washington Post and Tom Poe in Paris; Editing by Ann Lee)",
            ["The Washington Post", "Reuters"],
        ),
        ("Additional reporting by Jane Roe, Reuters", ["Reuters"]),
        ("Reporting by Jane Roe, Springfield; Editing by Tom Poe", []),  # a place, not an outlet
    ],
)
def test_an_outlet_lending_reporting_is_a_credit_not_the_outlet(tail: str, credits: list[str]) -> None:
    art = _read(f"{LEAD}\n\n{MORE}\n\n{tail}")
    assert art.outlet is None and art.credits == credits


def test_a_publishers_own_label_names_it() -> None:
    art = _read(f"{LEAD}\n\nStory Continued Below\n\n{MORE}")
    assert art.outlet == "Politico"
    # in running text that lost its line breaks, after a sentence
    assert _read(f"{LEAD.lower()} story continued below engineers said the cracks grew.").outlet == "Politico"
    # the words inside a sentence are no label
    assert _read(f"{LEAD} The story continued below the fold of the front page.\n\n{MORE}").outlet is None


@pytest.mark.parametrize(
    "text, outlet",
    [
        (f"The singer was arrested last night ... TMZ has learned.\n\n{MORE}", "TMZ"),
        (f"The senator asked for a new law this week, The Washington Times has learned.\n\n{MORE}",
         "The Washington Times"),
        (f"{LEAD} Reuters has learned.\n\n{MORE}", None),  # a wire: no outlet
        (f"{LEAD} What TMZ has learned about the bridge alarmed the council.\n\n{MORE}", None),
        (f"The singer died on Tuesday, his agent confirmed to Variety.\n\n{MORE}", None),  # others cite this
    ],
)
def test_an_outlet_closing_its_own_reporting(text: str, outlet: str | None) -> None:
    assert _read(text).outlet == outlet
