"""German ordinal numbers ('10. März', '3. Liga') do not end sentences; real full stops after numbers do."""

from __future__ import annotations

import pytest

from crosswire.text.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, "a")]


@pytest.mark.parametrize("text, expected", [
    ("Hafenstadt, 4. Juni 2031 – Der Stadtrat hat den Haushalt beschlossen. Die Opposition stimmte dagegen.",
     ["Hafenstadt, 4. Juni 2031 – Der Stadtrat hat den Haushalt beschlossen.", "Die Opposition stimmte dagegen."]),
    ("Der neue Bürgermeister soll am 21. Juli vereidigt werden. Die Feier ist öffentlich.",
     ["Der neue Bürgermeister soll am 21. Juli vereidigt werden.", "Die Feier ist öffentlich."]),
    ("Le scrutin du 3. Oktober a été annulé. Un recours est prévu.",
     ["Le scrutin du 3. Oktober a été annulé.", "Un recours est prévu."]),
    ("Der Klub steigt in die 3. Liga ab. Das Stadion wurde im 2. Weltkrieg zerstört.",
     ["Der Klub steigt in die 3. Liga ab.", "Das Stadion wurde im 2. Weltkrieg zerstört."]),
    ("Die Partei kam auf den 4. und letzten Platz.", ["Die Partei kam auf den 4. und letzten Platz."]),
])
def test_ordinals_do_not_end_sentences(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The home side won 3-2. March will bring the return leg.",
     ["The home side won 3-2.", "March will bring the return leg."]),
    ("The final tally was 12. Officials then closed the hall.",
     ["The final tally was 12.", "Officials then closed the hall."]),
    ("Turnout fell to 48 percent in 2031. June brought a second vote.",
     ["Turnout fell to 48 percent in 2031.", "June brought a second vote."]),
])
def test_full_stops_after_numbers_still_end_sentences(text, expected):
    assert texts(text) == expected


def test_numbering_and_offsets_stay_exact():
    text = "Nordheim, 9. März 2031 – Erster Satz.\n\nZweiter Satz am 12. April. Dritter Satz."
    sents = split_sentences(text, "a")
    assert [s.index for s in sents] == [0, 1, 2]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_an_english_month_name_after_an_ordinal_needs_a_year_or_a_lower_case_word():
    assert texts("Die Wahl findet am 9. April 2032 statt. Sie ist geheim.") == [
        "Die Wahl findet am 9. April 2032 statt.", "Sie ist geheim."]
    assert texts("Rhee wird am 9. April vereidigt.") == ["Rhee wird am 9. April vereidigt."]
    assert texts("The seeding put her at 9. April Jones was tenth.") == [
        "The seeding put her at 9.", "April Jones was tenth."]
