"""Speakers of quotations in English, read from the parse (skipped without spaCy's English pipeline)."""

from __future__ import annotations

import pytest

from crosswire.facts import speakers

pytestmark = pytest.mark.skipif(not speakers.parser_available("en"), reason="spaCy English pipeline not installed")


def said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in speakers.find_quotations(text, "en") or []}


def test_quote_then_name_said():
    got = said("The harbour reopened on Monday.\n\n"
               "“We expect the first ships to arrive by the end of the week,” Anna Lindqvist said.")
    assert got == {"We expect the first ships to arrive by the end of the week": "Anna Lindqvist"}


def test_name_said_colon_quote():
    got = said("The council met late.\n\nMayor Oscar Pell said: “The budget will be balanced without new taxes.”")
    assert got["The budget will be balanced without new taxes."] == "Mayor Oscar Pell"


def test_said_name_with_apposition():
    got = said("Voting ended at noon.\n\n“Turnout was far higher than anyone predicted,” said Dana Whitlow, "
               "the party's chairman.")
    assert got["Turnout was far higher than anyone predicted"] == "Dana Whitlow"


def test_speaker_named_mid_quote():
    got = said("The strike continued.\n\n“We are not going back to work,” Luis Ortega said, "
               "“until the company offers a fair deal to every driver.”")
    assert set(got.values()) == {"Luis Ortega"}


def test_quote_running_over_paragraphs():
    text = ("The inquiry closed on Friday.\n\n"
            "Judge Miriam Stone told the court: “The evidence shows a pattern of neglect over many years.\n\n"
            "“Nobody who read these reports can say they were not warned.”")
    got = said(text)
    assert got["Nobody who read these reports can say they were not warned."] == "Judge Miriam Stone"


def test_paragraph_ending_with_colon_introduces_speaker():
    text = ("Reporters waited outside the court.\n\nThe defence lawyer, Paul Grange, said:\n\n"
            "“My client has never seen these documents before today.”")
    assert said(text)["My client has never seen these documents before today."] == "Paul Grange"


def test_according_to():
    got = said("The fire spread quickly.\n\nAccording to Fire Chief Ben Alvarez, “the wind made the blaze "
               "impossible to stop before dawn.”")
    assert got["the wind made the blaze impossible to stop before dawn."] == "Fire Chief Ben Alvarez"


def test_pronoun_resolved_to_last_named_person():
    text = ("Mr. Victor Hale, the county sheriff, spoke to reporters on Tuesday.\n\n"
            "“We have two suspects in custody and expect more arrests,” he said.")
    assert said(text)["We have two suspects in custody and expect more arrests"] == "Victor Hale"


def test_pronoun_of_the_wrong_gender_abstains():
    text = ("Mr. Victor Hale spoke to reporters on Tuesday.\n\n"
            "“We have two suspects in custody and expect more arrests,” she said.")
    assert said(text)["We have two suspects in custody and expect more arrests"] is None


def test_role_noun_resolved_to_the_person_introduced_with_it():
    text = ("Spokeswoman Clara Nunez confirmed the closure on Monday.\n\n"
            "“The plant will stay shut until the inspection is finished,” the spokeswoman said.")
    assert said(text)["The plant will stay shut until the inspection is finished"].endswith("Clara Nunez")


def test_headline_title_and_scare_quotes_are_not_quotations():
    text = ("Mayor Pell: ‘We Will Balance The Budget’\n\n"
            "He praised the book “A Short History of the Harbour Town” at the launch.\n\n"
            "The plan, a “very clever piece of accounting magic” to some, passed on Monday.")
    assert said(text) == {}


def test_words_called_by_the_subject_are_its_words():
    text = "The vote was close.\n\nSenator Ruth Ames called the bill “a gift to the largest landlords in the state.”"
    assert said(text)["a gift to the largest landlords in the state."] == "Senator Ruth Ames"


def test_no_verb_no_speaker():
    text = "The meeting ended.\n\n“There is still a great deal of work to do before spring.”"
    assert said(text) == {"There is still a great deal of work to do before spring.": None}


def test_speaker_is_never_a_fragment():
    text = ("The vote was close.\n\n“We will appeal this decision in the highest court,” "
            "Senator Ruth Ames said on Tuesday in an interview.")
    assert said(text)["We will appeal this decision in the highest court"] == "Senator Ruth Ames"


def test_a_day_after_the_verb_is_when_not_who():
    got = said("The ferry service was cut last week.\n\n"
               "Councillor Mara Velde had already answered the operator's critics by posting Sunday: "
               "“Our islands deserve a boat every hour, not every afternoon.”")
    assert got.get("Our islands deserve a boat every hour, not every afternoon.") in (None, "Councillor Mara Velde")
    assert "Sunday" not in {v for v in got.values() if v}
