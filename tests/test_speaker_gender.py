"""What an article tells of a speaker's gender, read so that a "she" or "he" finds the right person.

Written for this project: two people who share a surname keep their own genders, and the pronouns
of another, unnamed person (an object, a quotation's words, a clause before the name) tell nothing of
the person a sentence names.
"""

from __future__ import annotations

import pytest

from crosswire.facts.speaker_article import without_hometown
from crosswire.facts.speakers import find_quotations, parser_available

pytestmark = pytest.mark.skipif(not parser_available("en"), reason="needs the English spaCy pipeline")


def _speaker(text: str, start: str) -> str | None:
    found = [q for q in find_quotations(text, "en") or [] if q.text.startswith(start)]
    assert found, [q.text for q in find_quotations(text, "en") or []]
    return found[0].speaker


SHARED_SURNAME = (
    "Historian Tony Marsh has studied the family for years. "
    '"Names travel with people wherever they settle," he said. "Nobody planned any of it."\n\n'
    "Pastor Ezra Holt, who founded the chapel in 1952, was proud of the name, and he told his "
    "congregation so every Sunday.\n\n"
    '"I grew up hearing that only our family had this name," says Lena Holt of Denver. Like her '
    "cousins, she has never met another Holt outside the county.\n\n"
    'She has no regrets about the name: "It is a mark of where we come from and how far we have come."\n'
)


def test_a_shared_surname_does_not_share_a_gender() -> None:
    # "he" of Pastor Ezra Holt said nothing of Lena Holt: "she" is her, not the historian
    assert _speaker(SHARED_SURNAME, "It is a mark of where") == "Lena Holt"


OTHER_PERSONS_PRONOUNS = (
    "Officer Paul Brennan reached the ledge a few minutes after the call.\n\n"
    "One slip, and she could fall into the river, so Brennan did not rush toward her.\n\n"
    '"I kept my voice low and asked her to look at me," Brennan told reporter Dana Cole of the Ledger. '
    '"She held my arm and I pulled her back over the rail," Brennan said.\n\n'
    "Brennan said the teenager was shaking afterwards.\n\n"
    '"She was frightened and could not stop crying," he said.\n'
)


def test_the_pronouns_of_someone_else_do_not_make_the_named_person_a_woman() -> None:
    # "her" (the teenager) after Brennan, in an object or inside Brennan's own words, is not Brennan
    assert _speaker(OTHER_PERSONS_PRONOUNS, "She was frightened") in ("Brennan", "Officer Paul Brennan", "Paul Brennan")


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Darnell Pike of Titusville", "Darnell Pike"),
        ("Rosa Ibarra of San Antonio", "Rosa Ibarra"),
        ("Catherine of Aragon", "Catherine of Aragon"),
        ("Mary Smith of the Red Cross", "Mary Smith of the Red Cross"),
    ],
)
def test_a_hometown_is_no_part_of_a_name(name: str, person: str) -> None:
    # else "Titusville" in "Titusville Mayor Jo Lamb" would be read as Darnell Pike named again
    assert without_hometown(name) == person


def test_a_double_mark_typed_as_two_single_ones_closes_a_quotation() -> None:
    text = (
        "The commissioner spoke to the graduating class on Tuesday.\n\n"
        "“Every one of you will be judged by the worst day of your career,’’ Okafor said. "
        "“Make that day a good one.’’\n"
    )
    found = {q.text[:20]: q.speaker for q in find_quotations(text, "en") or []}
    assert found.get("Every one of you wil") == "Okafor"


def test_it_stands_for_the_organisation_the_sentence_before_is_about() -> None:
    text = (
        "Divers searched the quarry lake for two days.\n\n"
        "The county prosecutor's office released a statement about the case on Thursday.\n\n"
        '"The recording does not give us enough evidence to bring charges against anyone," it stated.\n'
    )
    found = {q.text[:20]: q.speaker for q in find_quotations(text, "en") or []}
    assert found.get("The recording does n") == "county prosecutor's office"
    other = text.replace("The county prosecutor's office released", "The report by the divers was released")
    other = other.replace("a statement about the case on Thursday", "on Thursday")
    assert {q.text[:20]: q.speaker for q in find_quotations(other, "en") or []}.get("The recording does n") is None


def test_a_name_that_modifies_a_role_noun_is_no_one_a_pronoun_means() -> None:
    # "Mayor Oduya" is named in passing as the modifier of "aide": "she" is the aide who spoke before
    text = (
        "The harbour reopened on Monday after a week of repairs.\n\n"
        "Yet Oduya spokeswoman Clara Jensen said Tuesday that the mayor had been joking about the toll. "
        '"I believe he was only teasing the council at the time," she said.'
    )
    assert _speaker(text, "I believe he was only teasing") == "Clara Jensen"


def test_a_statement_its_owner_names_by_a_pronoun_is_that_owner_s() -> None:
    text = (
        "The Harbour Board said it had closed the pier within an hour of the first report.\n\n"
        'Its statement read: "The Harbour Board has clear rules and we close any pier that is unsafe."'
    )
    assert _speaker(text, "The Harbour Board has clear rules") == "Harbour Board"


@pytest.mark.parametrize("name", ["Ruiz-Vega", "Rawson-Blake", "McKee-Levy"])
def test_a_hyphenated_surname_is_read_whole(name: str) -> None:
    text = f'The council met on Monday.\n\n"We will vote against the harbour plan," said {name}, who leads the group.'
    assert _speaker(text, "We will vote against") == name
