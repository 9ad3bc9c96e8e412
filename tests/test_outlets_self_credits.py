"""Outlets and credits a report's own furniture states: a staff picture credit, a station's interview told in its
own voice, a wire's contact lines, a credit phrase after the agency sign, a syndicate's sign after an advert label.

Texts written for these tests; names of outlets are from the shipped table, people and places invented.
"""

from __future__ import annotations

import pytest

from crosswire.model import Article
from crosswire.read.clean import clean_text
from crosswire.read.outlets import default_table, source_identity

LEAD = "The council met for three hours and voted to close the old bridge over the Varn to all traffic next week."
MORE = "Engineers said cracks in two of the supports had grown over the winter months, the city's report said."


def _read(text: str, language: str = "en") -> Article:
    return clean_text(text, id="t", language=language)


def test_a_staff_picture_credit_names_the_outlet() -> None:
    caption = "Mayor Jo Pell speaks at City Hall on Monday. (Tam Oduya / Chicago Tribune)"
    art = _read(f"{LEAD}\n\n{caption}\n\n{MORE}")
    assert art.outlet == "Chicago Tribune"


def test_a_picture_credit_after_a_pipe_names_the_outlet() -> None:
    caption = "Mayor Jo Pell speaks at City Hall on Monday. | Tam Oduya/Sun-Times"
    art = _read(f"{caption}\n\n{LEAD}\n\n{MORE}")
    assert art.outlet == "Chicago Sun-Times"


@pytest.mark.parametrize(
    "captions",
    [
        # two outlets' credits: no one
        [
            "Mayor Jo Pell on Monday. (Tam Oduya / Chicago Tribune)",
            "The bridge in May. (Lee Arno / The Washington Post)",
        ],
        # a wire's picture runs anywhere, and a picture via an agency is the agency's
        ["Mayor Jo Pell on Monday. (Tam Oduya / Reuters)"],
        ["Mayor Jo Pell on Monday. (Tam Oduya / The Washington Post via Getty Images)"],
    ],
)
def test_picture_credits_of_several_outlets_or_of_a_wire_name_no_outlet(captions: list[str]) -> None:
    art = _read("\n\n".join([LEAD, *captions, MORE]))
    assert art.outlet is None


def test_a_stations_interview_told_in_its_own_voice() -> None:
    text = (
        f'{LEAD}\n\n"It was a shock to all of us," resident Ana Brell told NewsChannel 4.\n\n'
        "When we asked the city about the cracks, a spokesman said the supports were checked last year.\n\n"
        f"Brell told us she now drives twenty minutes further to work.\n\n{MORE}"
    )
    assert _read(text).outlet == "NewsChannel 4"


@pytest.mark.parametrize(
    "voice",
    [
        # no voice of its own: another outlet citing the station's interview
        "A spokesman said the supports were checked last year.",
        # the "we" is inside a quotation
        '"We asked the city twice and we reported the cracks," Brell said.',
    ],
)
def test_told_a_station_without_the_pages_own_voice_names_no_outlet(voice: str) -> None:
    text = f'{LEAD}\n\n"It was a shock," resident Ana Brell told NewsChannel 4.\n\n{voice}\n\n{MORE}'
    assert _read(text).outlet is None


def test_a_wires_contact_lines_credit_the_wire() -> None:
    tail = (
        "To contact the reporter on this story: Ana Brell in Riverton at abrell3@bloomberg.net\n\n"
        "To contact the editor responsible for this story: Lee Arno at larno@bloomberg.net"
    )
    art = _read(f"{LEAD}\n\n{MORE}\n\n{tail}")
    assert "Bloomberg" in art.credits and art.outlet is None
    assert source_identity(art, default_table()) == "wire:bloomberg"


@pytest.mark.parametrize(
    "text, language, credits",
    [
        # the agency's sign, then a credit phrase cut short
        (
            "El consejo cerró el puente viejo al tráfico durante tres semanas por las grietas en los soportes. "
            "Los ingenieros revisarán la obra en mayo, dijo el alcalde. EFE Con información de EF",
            "es",
            ["EFE"],
        ),
        (
            "Der Rat schloss die alte Brücke für drei Wochen, weil die Stützen Risse zeigten. Die Ingenieure "
            "prüfen das Bauwerk im Mai, sagte der Bürgermeister. (dpa) Mit Material von AFP",
            "de",
            ["dpa", "AFP"],
        ),
        # a syndicate's sign with the author's initials, after an advert label run into the text
        (
            "Der Rat schloss die alte Brücke für drei Wochen, weil die Stützen Risse zeigten. Die Ingenieure "
            "prüfen das Bauwerk im Mai, sagte der Bürgermeister. Anzeige RND/kw",
            "de",
            ["RND"],
        ),
    ],
)
def test_closing_signs_with_a_credit_phrase_or_after_an_advert(text: str, language: str, credits: list[str]) -> None:
    art = _read(text, language)
    assert art.credits == credits and art.outlet is None


def test_a_credit_phrase_naming_no_agency_is_no_credit() -> None:
    text = (
        "El consejo cerró el puente viejo al tráfico durante tres semanas por las grietas en los soportes. "
        "El alcalde lo anunció con información de sus técnicos"
    )
    assert _read(text, "es").credits == []


def test_the_sign_closing_the_input_counts_when_cleaning_cut_the_end() -> None:
    from crosswire.read.outlets import identify

    body = "Der Rat schloss die alte Brücke für drei Wochen. Die Ingenieure prüfen das Bauwerk im Mai, sagte er."
    art = Article(id="t", text=body, removed=["Hilfe unter (0800) 111 0 111 Anzeige RND/kw"])
    assert identify(art, tail="Hilfe unter (0800) 111 0 111 Anzeige RND/kw").credits == ["RND"]
    # the input's end naming no agency adds nothing
    assert identify(art, tail="Hilfe unter (0800) 111 0 111 Anzeige Kontakt").credits == []


def test_a_ticker_after_a_company_is_no_dateline() -> None:
    lead = "Varnco Holdings Inc. (VRNQ) is the subject of an inquiry into its bridge contracts, officials said."
    art = _read(f"{lead}\n\n{MORE}")
    assert art.text.startswith("Varnco Holdings Inc. (VRNQ) is the subject")
    assert (art.dateline, art.credits) == (None, [])


def test_a_source_label_after_a_copyright_sign_is_no_outlet() -> None:
    text = f"{LEAD}\n\nDas Brückenhaus ist völlig ausgebrannt. © Quelle: Tam Oduya/dpa\n\n{MORE}"
    assert _read(text).outlet is None


def test_an_appeals_name_ends_at_its_sentence() -> None:
    tail = "Get the day's news delivered to your inbox - subscribe to Varno Daily. Follow VarnoDaily.com on Twitter."
    assert _read(f"{LEAD}\n\n{MORE}\n\n{tail}").outlet == "Varno Daily"


def test_source_identity_of_a_wire_copy_and_of_a_station_quoting_the_wire() -> None:
    table = default_table()
    contact = "To contact the reporter on this story: Ana Brell in Riverton at abrell3@bloomberg.net"
    copy = _read(f"{LEAD}\n\n{MORE}\n\n{contact}")
    station = _read(
        f'{LEAD}\n\nThe closure was first reported by Bloomberg, and "it hurts," resident Ana Brell told News 6.\n\n'
        "When we asked the city about the cracks, a spokesman said the supports were checked last year.\n\n"
        f"Brell told us she now drives twenty minutes further to work.\n\n{MORE}"
    )
    assert source_identity(copy, table) == "wire:bloomberg"
    assert source_identity(station, table) == "outlet:news 6"


def test_members_of_a_body_in_a_cut_caption_are_no_outlets_appeal() -> None:
    from crosswire.read.outlets import identify

    caption = "Members of the National Guard walk along Varn Avenue near the bridge on Tuesday. (AP Photo/Tam Oduya)"
    assert identify(Article(id="t", text=f"{LEAD}\n\n{MORE}", removed=[caption])).outlet is None
    # a name the table knows after a lower-case "the" is still an appeal's
    appeal = "Become one of the members of the Chicago Tribune today."
    assert identify(Article(id="t", text=f"{LEAD}\n\n{MORE}", removed=[appeal])).outlet == "Chicago Tribune"


@pytest.mark.parametrize("title", ["a senior Washington correspondent", "senior Washington correspondent"])
def test_a_writers_closing_bio_names_the_outlet(title: str) -> None:
    art = _read(f"{LEAD}\n\n{MORE}\n\nTam Oduya is {title} for the Huffington Post.")
    assert art.outlet == "HuffPost"
