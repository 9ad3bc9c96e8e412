"""Speakers the discourse gives (facts/speaker_turns.py): interview turns and topics, a first-person quotation
going on with the last speaker, a view before a colon; and the cases where abstaining is right."""

from __future__ import annotations

import pytest

from crosswire.facts import speakers
from crosswire.facts.speaker_cues import ENGLISH, FRENCH, GERMAN, SPANISH
from crosswire.facts.speaker_turns import first_person

pytestmark = pytest.mark.skipif(not speakers.parser_available("en"), reason="no English spaCy pipeline")


def said(text: str, language: str = "en") -> dict[str, str | None]:
    return {q.text: q.speaker for q in speakers.find_quotations(text, language) or []}


_INTERVIEW = (
    "The mayor of Dunmore spends her evenings in the town hall.\n\n"
    '"We rebuilt the bridge in nine months," Helen Marsh says. "Nobody thought we could."\n\n'
    '"The river will flood again next spring," says Marsh, pouring the tea.\n\n'
    '"It was the hardest year of my life," Marsh says of the flood.\n\n'
    '"And the new road? When will it open?" I ask.\n\n'
    '"Next year, I think, if the money comes in time."\n\n'
    "{topic}"
)


def test_interview_turn_goes_to_the_interviewee():
    got = said(_INTERVIEW.format(topic=""))
    assert got["Next year, I think, if the money comes in time."] == "Helen Marsh"
    assert got["And the new road? When will it open?"] is None  # the writer's question


def test_interview_topic_goes_to_the_interviewee():
    text = _INTERVIEW.format(topic='On the council: "They are good people, every one of them, and they work hard."')
    assert said(text)["They are good people, every one of them, and they work hard."] == "Helen Marsh"


def test_interview_with_two_people_quoted_as_often_abstains():
    text = (
        "Two farmers met the writer at the market.\n\n"
        '"The rain came late this year," Tom Reed says.\n\n'
        '"We lost half the wheat to the storms," says Ann Cole.\n\n'
        '"Prices will go up in the autumn," Reed says.\n\n'
        '"Nobody will buy the barley," Cole says.\n\n'
        '"And next year?" I ask.\n\n'
        '"Next year we will plant potatoes instead, I think."'
    )
    assert said(text)["Next year we will plant potatoes instead, I think."] is None


def test_topic_colon_without_an_interview_abstains():
    text = (
        "The council met on Monday.\n\n"
        '"We will vote in June," said Helen Marsh, the mayor.\n\n'
        'On the budget: "The numbers are not ready and nobody will guess at them today."'
    )
    assert said(text)["The numbers are not ready and nobody will guess at them today."] is None


def test_first_person_quotation_continues_the_last_speaker():
    text = (
        "The bridge reopened on Monday.\n\n"
        '"It is a good day for the town," said Helen Marsh, the mayor.\n\n'
        "The works cost twice the first estimate and took a year longer than planned. "
        '"I have spent every weekend of this year on that bridge."'
    )
    assert said(text)["I have spent every weekend of this year on that bridge."] == "Helen Marsh"


def test_first_person_after_another_person_named_abstains():
    text = (
        "The bridge reopened on Monday.\n\n"
        '"It is a good day for the town," said Helen Marsh, the mayor.\n\n'
        "The works were led by the engineer Paul Grant, who lives in the next valley. "
        '"I have spent every weekend of this year on that bridge."'
    )
    assert said(text)["I have spent every weekend of this year on that bridge."] is None


def test_quotation_not_in_the_first_person_does_not_continue():
    text = (
        "The bridge reopened on Monday.\n\n"
        '"It is a good day for the town," said Helen Marsh, the mayor.\n\n'
        "The works cost twice the first estimate and took a year longer than planned. "
        '"The bridge will carry four thousand cars a day."'
    )
    assert said(text)["The bridge will carry four thousand cars a day."] is None


def test_view_before_a_colon_names_its_holder():
    text = (
        "The budget passed in the end.\n\n"
        "It was what Paula Grant had seen from the start as the one good thing about the plan: "
        '"They will vote for anything we put in front of them."'
    )
    assert said(text)["They will vote for anything we put in front of them."] == "Paula Grant"


def test_view_of_a_thing_before_a_colon_abstains():
    text = (
        "The budget passed in the end.\n\n"
        "The report saw the plan as a turning point for the region: "
        '"They will vote for anything we put in front of them."'
    )
    assert said(text)["They will vote for anything we put in front of them."] is None


def test_first_person_words_per_language():
    assert first_person("I've spent it all", ENGLISH) and not first_person("It is done, they said", ENGLISH)
    assert first_person("j'ai tout donné", FRENCH) and first_person("Ich habe alles gegeben", GERMAN)
    assert first_person("Yo lo sabía", SPANISH) and not first_person("Lo sabían todos", SPANISH)


@pytest.mark.skipif(not speakers.parser_available("fr"), reason="no French spaCy pipeline")
def test_french_first_person_quotation_continues_the_last_speaker():
    text = (
        "Le pont a rouvert lundi.\n\n"
        "« C'est un beau jour pour la ville », a déclaré la maire, Hélène Marchand.\n\n"
        "Les travaux ont coûté deux fois plus que prévu. « J'ai passé tous mes week-ends sur ce pont. »"
    )
    assert said(text, "fr")["J'ai passé tous mes week-ends sur ce pont."] == "Hélène Marchand"


@pytest.mark.skipif(not speakers.parser_available("fr"), reason="no French spaCy pipeline")
def test_french_first_person_after_another_person_abstains():
    text = (
        "Le pont a rouvert lundi.\n\n"
        "« C'est un beau jour pour la ville », a déclaré la maire, Hélène Marchand.\n\n"
        "Les travaux ont été dirigés par l'ingénieur Paul Grandet. « J'ai passé tous mes week-ends sur ce pont. »"
    )
    assert said(text, "fr")["J'ai passé tous mes week-ends sur ce pont."] is None


@pytest.mark.skipif(not speakers.parser_available("fr"), reason="no French spaCy pipeline")
def test_french_interview_turn_and_topic_go_to_the_interviewee():
    text = (
        "La maire de Dunmore passe ses soirées à la mairie.\n\n"
        "« Nous avons reconstruit le pont en neuf mois », dit Hélène Marchand. « Personne ne pensait que "
        "c'était possible. »\n\n"
        "« La rivière débordera encore au printemps », dit Marchand en servant le thé.\n\n"
        "« Et la nouvelle route ? Quand ouvrira-t-elle ? » je demande.\n\n"
        "« L'an prochain, sans doute, si l'argent arrive à temps. »\n\n"
        "Sur le conseil municipal : « Ce sont des gens bien, tous, et ils travaillent dur. »"
    )
    got = said(text, "fr")
    assert got["Et la nouvelle route ? Quand ouvrira-t-elle ?"] is None
    assert got["L'an prochain, sans doute, si l'argent arrive à temps."] == "Hélène Marchand"
    assert got["Ce sont des gens bien, tous, et ils travaillent dur."] == "Hélène Marchand"
