"""Speakers framed without the usual reporting clause: "según comentó X", a name as a headline's label, a
verbless tag after the quotation, a message's sender, and the names right after a quotation before "wrote"."""

from __future__ import annotations

import pytest

from crosswire.facts import speakers


def said(text: str, language: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in speakers.find_quotations(text, language) or []}


english = pytest.mark.skipif(not speakers.parser_available("en"), reason="spaCy English pipeline not installed")


def test_spanish_segun_and_a_reporting_verb():
    got = said("El puente será reconstruido.\n\nLa obra, que según explicó el alcalde de Soria, Pedro Gómez, «no "
               "terminará antes del verano próximo», costará dos millones.", "es")
    assert got["no terminará antes del verano próximo"] == "alcalde de Soria, Pedro Gómez"


def test_label_before_a_quotation_names_the_person_named_so():
    text = ("Gómez: «Vamos a reconstruir el puente antes del invierno» El alcalde habló ayer en Soria. Pedro Gómez "
            "afirmó que la obra \"no terminará antes del verano próximo en la ciudad\".")
    assert said(text, "es")["Vamos a reconstruir el puente antes del invierno"] == "Pedro Gómez"


def test_label_naming_nobody_gives_no_speaker():
    text = ("Vídeo: «Vamos a reconstruir el puente antes del invierno» El alcalde habló ayer en Soria. Pedro Gómez "
            "afirmó que la obra \"no terminará antes del verano próximo en la ciudad\".")
    assert said(text, "es")["Vamos a reconstruir el puente antes del invierno"] is None


def test_german_kommentierte():
    text = ("Der Rentner hat Geld gesammelt.\n\n«Die letzten drei Kilometer waren wirklich hart», kommentierte "
            "Rentner Karl Huber seinen Lauf mit einem Lächeln.")
    assert said(text, "de")["Die letzten drei Kilometer waren wirklich hart"] == "Rentner Karl Huber"


@english
def test_verbless_tag_after_the_quotation():
    text = ("Hundreds marched through the town on Sunday.\n\n\"There are more than two thousand people on the bridge "
            "and more are coming,\" fire chief Daniel Okafor. \n\nThe march ended at noon.")
    assert said(text, "en")["There are more than two thousand people on the bridge and more are coming"] == (
        "Daniel Okafor"
    )


@english
def test_quotation_then_a_sentence_with_a_verb_is_no_tag():
    text = ("Hundreds marched through the town on Sunday.\n\n\"There are more than two thousand people on the bridge "
            "and more are coming,\" the crowd kept on shouting. \n\nThe march ended at noon.")
    assert said(text, "en")["There are more than two thousand people on the bridge and more are coming"] is None


@english
def test_a_message_from_someone_is_the_senders():
    text = ("The office closed early on Friday.\n\nAt noon, Maria Lopez got a text message from Helen Brandt: "
            "“Please lock the back door before you leave tonight.”")
    assert said(text, "en")["Please lock the back door before you leave tonight."] == "Helen Brandt"


@english
def test_the_one_called_is_not_the_speaker():
    text = ("The office closed early on Friday.\n\nMaria Lopez said she locked the door and then called Helen Brandt "
            "“to ask whether the alarm was on, but nobody picked up.”")
    got = said(text, "en")["to ask whether the alarm was on, but nobody picked up."]
    assert got != "Helen Brandt"


@english
def test_names_between_the_quotation_and_wrote():
    text = ("Two lawmakers asked for an inquiry.\n\nThe Ledger report “raises serious questions about potential "
            "violations of federal law” and “about the actions of top company officials in the state who reportedly "
            "tried to disregard substantial evidence of fraud,” Representatives Abel Kowalczyk of Vermont and Irma "
            "Ostrowski of Nevada, wrote in a letter to Smith.")
    quote = "about the actions of top company officials in the state who reportedly tried to disregard substantial "
    got = said(text, "en")[quote + "evidence of fraud"]
    assert got is not None and "Kowalczyk" in got


@english
def test_a_message_saying_is_the_senders():
    text = ("The office closed early.\n\nMaria Lopez got a message from Helen Brandt saying “I will not be able to "
            "open the shop tomorrow morning.”")
    assert said(text, "en")["I will not be able to open the shop tomorrow morning."] == "Helen Brandt"


@english
def test_an_email_received_from_someone_is_the_senders():
    text = ("The office closed early.\n\nMaria Lopez received an email from Helen Brandt: “I will not be able to "
            "open the shop tomorrow morning.”")
    assert said(text, "en")["I will not be able to open the shop tomorrow morning."] == "Helen Brandt"


@english
def test_a_message_sent_to_someone_is_the_senders_own():
    text = ("The office closed early.\n\nMaria Lopez sent a message to Helen Brandt saying “I will not be able to "
            "open the shop tomorrow morning.”")
    assert said(text, "en")["I will not be able to open the shop tomorrow morning."] == "Maria Lopez"


@english
def test_a_name_after_a_possessive_and_a_comma_is_the_speaker():
    text = ("Few knew him well.\n\n\"You know, we hardly ever saw him before he won the primary,\" Tom Baker's sister, "
            "Ruth, told one reporter. The campaign was busy.")
    assert said(text, "en")["You know, we hardly ever saw him before he won the primary"] == "Ruth"


def test_a_quotation_after_narration_of_its_own_does_not_continue_the_last_speaker():
    text = ("El puente será reconstruido. «Vamos a reconstruir el puente antes del invierno», dijo el alcalde Pedro "
            "Gómez. La obra costará dos millones. El río creció en marzo. Los vecinos pidieron ayuda al Gobierno "
            "regional. Le dieron una «ayuda que nunca llegó a tiempo a los pueblos».")
    got = said(text, "es")
    assert got["Vamos a reconstruir el puente antes del invierno"] == "alcalde Pedro Gómez"
    assert got.get("ayuda que nunca llegó a tiempo a los pueblos") is None


french = pytest.mark.skipif(not speakers.parser_available("fr"), reason="spaCy French pipeline not installed")


@french
def test_french_a_message_saying_is_the_senders():
    text = ("Le bureau a fermé tôt.\n\nÀ midi, Marie Lopez a reçu un message de Hélène Brandt disant : « Je ne "
            "pourrai pas ouvrir la boutique demain matin. »")
    assert said(text, "fr")["Je ne pourrai pas ouvrir la boutique demain matin."] == "Hélène Brandt"


@english
@pytest.mark.parametrize("title", ["Cpl.", "Sgt.", "Det.", "Capt.", "Supt."])
def test_an_abbreviated_title_stays_with_its_name(title: str) -> None:
    # the parser's tokenizer must not end the sentence at the title's full stop ("… narrow,” Cpl." / "Anna Berg told")
    got = said(f"Police are still looking. \u201cThere is a large gap there that we are trying to narrow,\u201d "
               f"{title} Anna Berg told reporters.", "en")
    assert got["There is a large gap there that we are trying to narrow"] == f"{title} Anna Berg"


@english
def test_a_place_before_a_plural_subject_is_no_speaker() -> None:
    text = (
        "The boat was found on Sunday.\n\nRoe \u201ctold the court that the hatch had failed at sea,\u201d about "
        "40 kilometres south of Varnholm, officers reported in a statement."
    )
    assert said(text, "en")["told the court that the hatch had failed at sea"] == "officers"
