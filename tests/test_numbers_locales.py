"""Figures as other languages write them (sentences written here): thousands grouped with a dot in
French, and a day of a month that is no count."""

from __future__ import annotations

import pytest

from crosswire.facts.numbers import find_numbers


def read(text: str, language: str) -> list[tuple[float, str]]:
    return [(f.value, f.what) for f in find_numbers(text, language)]


def test_french_groups_thousands_with_a_dot_too():
    got = read("La région compte plus de 130.000 contaminations et près de 4.000 décès.", "fr")
    assert (130000.0, "contaminations") in got
    assert (4000.0, "deces") in got
    assert (130000.0, "contaminations") in read("La région compte 130 000 contaminations.", "fr")


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("Lundi 10 février, le jury a goûté 15 plats.", "fr", (15.0, "plats")),
        ("El 3 de febrero murieron 12 personas en Valdora.", "es", (12.0, "dead")),
        ("Am 5 Mai starben 12 Menschen in Orsk.", "de", (12.0, "dead")),
        ("Il 5 maggio sono morte 7 persone a Vella.", "it", (7.0, "persone")),
        ("Em 9 de julho morreram 4 pessoas em Orva.", "pt", (4.0, "dead")),
    ],
)
def test_a_day_of_a_month_is_no_count(text, language, count):
    assert read(text, language) == [count]


def test_english_counts_are_read_as_before():
    assert read("Officials counted 40 food trucks and 7 stages.", "en") == [(40.0, "trucks"), (7.0, "stages")]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (
            "Mehr als 650 amerikanische Fallschirmjäger machten sich am Mittwoch auf den Weg.",
            (650.0, "fallschirmjager"),
        ),
        ("Nach dem Angriff schicken die USA 750 Soldaten zusätzlich in die Region.", (750.0, "soldaten")),
        ("Die Grenze soll auf 44.590 Euro anheben.", (44590.0, "euro")),
    ],
)
def test_german_counts_the_capitalised_noun_after_its_adjectives(text, count):
    assert count in read(text, "de")


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("Heinz Roe ist im Alter von 89 Jahren gestorben.", "de", (89.0, "age")),
        ("Der 35-jährige Fahrer starb am Unfallort.", "de", (35.0, "age")),
        ("Un hombre de 40 años de edad murió en Valdora.", "es", (40.0, "age")),
        ("Mindestens 25 Menschen kamen in Orsk ums Leben.", "de", (25.0, "dead")),
        ("Hasta ahora 107 han fallecido en Valdora.", "es", (107.0, "dead")),
        ("65 Todesopfer in 24 Stunden meldete das Amt.", "de", (24.0, "stunden")),
    ],
)
def test_ages_deaths_and_durations_in_other_languages(text, language, count):
    assert count in read(text, language)
    assert (89.0, "dead") not in read(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "The company filed for Chapter 11 bankruptcy protection on Thursday.",
        "Flight 1380 made an emergency landing in Orsk.",
        "It is the first time a No. 12 team has won the cup.",
        "No one was injured in the blast.",
        "The Season 2 premiere drew a crowd.",
    ],
)
def test_a_number_that_names_or_ranks_and_no_one_are_no_counts(text):
    assert read(text, "en") == []


def test_counts_after_look_alike_words_stay():
    assert read("The team has no 3 players left and spoke of it three times.", "en") == [
        (3.0, "players"),
        (3.0, "times"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The film, Zero Dark Thirty, opened in Orsk on Friday.",
        "He played the Human Torch in two Fantastic Four films.",
        "An estimated 200 people held signs outside the court.",
    ],
)
def test_number_words_in_names_and_people_holding_things(text):
    got = read(text, "en")
    assert all(what not in ("injured", "arrested") for _, what in got)
    assert (4.0, "films") not in got and (30.0, "injured") not in got


def test_headlines_and_sentence_openings_keep_their_counts():
    assert (4.0, "dead") in read("Police Check Video in Neighborhood Where Four Found Dead", "en")
    assert (25.0, "years") in read("BOSTON — Twenty-five years after the heist, the paintings are still missing.", "en")
    assert (1000.0, "arrested") in read("A thousand people were held overnight.", "en")


def test_a_number_naming_a_game_a_foul_or_a_type_is_no_count() -> None:
    from crosswire.facts.numbers import find_numbers

    text = "After a review, the guard received a Flagrant 2 foul in Game 3, and 12 players were fined."
    assert [(f.value, f.what) for f in find_numbers(text, "en")] == [(12.0, "players")]
