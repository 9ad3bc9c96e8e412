"""Ranges written in words in other languages are one figure, and a time of day is no count."""

from __future__ import annotations

import pytest

from crosswire.facts.numbers import find_numbers


def _read(text: str, lang: str) -> list[tuple[float, float, float, str]]:
    return [(f.value, f.low, f.high, f.what) for f in find_numbers(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("Die Umfrage sah die Partei bei zwischen 31 und 35 Prozent der Stimmen.", "de", 31, 35),
        ("Der Verein erwartet 4.000 bis 6.000 Zuschauer im neuen Stadion.", "de", 4000, 6000),
        ("La police a compté entre 1.200 et 1.500 manifestants devant la mairie.", "fr", 1200, 1500),
        ("Se esperan vientos de 60 a 90 kilómetros por hora en la costa.", "es", 60, 90),
        ("The storm left between 200 to 300 homes without power.", "en", 200, 300),
    ],
)
def test_a_range_in_words_is_one_figure(text: str, lang: str, low: float, high: float) -> None:
    read = _read(text, lang)
    assert len(read) == 1, read
    assert read[0][1:3] == (low, high)


def test_the_upper_end_alone_is_not_a_figure() -> None:
    # before, "32 bis 34 Sitze" read as 34 seats: another report's "32 Sitze" would have disagreed with it
    read = _read("Die Liste kam nach den Prognosen auf 32 bis 34 Sitze.", "de")
    assert [(v, w) for v, _, _, w in read] == [(32, "sitze")]


@pytest.mark.parametrize(
    "text",
    [
        "Die Feuerwehr konnte den Brand gegen 19 Uhr löschen.",
        "Kurz vor 22 Uhr traten die beiden Parteichefs vor die Presse.",
        "Die Sprechstunde ist von 16 bis 18 Uhr im Rathaus.",
    ],
)
def test_a_time_of_day_counts_nothing(text: str) -> None:
    assert _read(text, "de") == []


def test_a_phone_number_is_no_range() -> None:
    assert _read("Kontakt: Telefon (0431) 512-3377, Redaktion Kiel.", "de") == []


def test_an_unpaired_word_is_no_range() -> None:
    # Spanish "a" between two figures is a range only after "de"/"desde": "120 a 150 soldados" is not
    # one here, and German "und" joins two figures only after "zwischen"
    assert all(f.low == f.high for f in find_numbers("Enviaron 120 a 150 soldados más.", "es"))
    assert all(f.low == f.high for f in find_numbers("Es kamen 20 und 30 weitere Helfer dazu.", "de"))
