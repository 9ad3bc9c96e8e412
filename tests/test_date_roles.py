"""Dates that are not the time of their sentence's event: the end of a span ("2030 - 2031", "from
2024 to 2026") and a year greeted arriving ("rang in 2031"); a year's background kept on a year
that is also an event's date."""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.model import Article, TimelineEvent
from crosswire.text.date_roles import span_ends, turn_of_year
from crosswire.text.parse import parser
from crosswire.text.temporal import tag

HAS_EN = parser("en") is not None
HAS_FR = parser("fr") is not None


def _ends(text: str, language: str = "en") -> list[str]:
    xs = tag(text, None, language, parse=False)
    return [xs[k].text for k in sorted(span_ends(text, xs, language))]


def test_the_second_date_of_a_span_ends_it_in_several_languages():
    assert _ends("The regional council sat for the term 2030 - 2031 under Mayor Orla Vint.") == ["2031"]
    assert _ends("The ferry line ran from 2024 to 2026 before it closed.") == ["2026"]
    assert _ends("The mill was rebuilt between 1998 and 2001 by the Hask family.") == ["2001"]
    assert _ends("La commune a présidé le syndicat pour la période 2030 - 2031.", "fr") == ["2031"]
    assert _ends("Die Brücke war von 2024 bis 2026 gesperrt.", "de") == ["2026"]
    assert _ends("El puerto estuvo cerrado entre 2024 y 2026.", "es") == ["2026"]


def test_two_dates_that_do_not_make_a_span_end_nothing():
    assert _ends("The club won the cup in 2024 and lost the final in 2026.") == []
    assert _ends("She moved to Tarvik in 2024, to Osslo in 2026 and back in 2029.") == []
    assert _ends("Le club a gagné en 2024 et en 2026.", "fr") == []
    assert _ends("The figures for 2026 to 2024 were revised.") == []  # a span runs forward


def test_a_year_greeted_arriving_turns_on_the_eve_and_one_leaving_on_its_last_day():
    def turn(text: str, language: str = "en") -> str | None:
        k = text.index("2031")
        return turn_of_year(text, k, k + 4, 2031, language)

    assert turn("Thousands of people rang in 2031 on the harbour front.") == "2030-12-31"
    assert turn("Crowds ushered in the new year 2031 with fireworks.") == "2030-12-31"
    assert turn("Les habitants de Vesse ont accueilli 2031 avec un concert.", "fr") == "2030-12-31"
    assert turn("Miles de personas recibieron 2031 en la plaza mayor.", "es") == "2030-12-31"
    assert turn("Tarvik bid farewell to 2031 with a parade.") == "2031-12-31"


def test_a_year_that_is_only_the_time_of_the_event_is_not_a_turn_of_the_year():
    def turn(text: str, language: str = "en") -> str | None:
        k = text.index("2031")
        return turn_of_year(text, k, k + 4, 2031, language)

    assert turn("The harbour opened in 2031 after years of work.") is None
    assert turn("The port welcomed 2031 cruise passengers in May.") is None  # a count, and a noun after it
    assert turn("The ministry welcomed the 2031 budget.") is None
    assert turn("Le port a ouvert en 2031.", "fr") is None


def _timeline(*texts: str, language: str = "en") -> list[TimelineEvent]:
    arts = [Article(id=f"r{k}", text=t, language=language) for k, t in enumerate(texts)]
    return facts.analyze(arts, [], embedder=False).timeline


@pytest.mark.skipif(not HAS_EN, reason="needs the English spaCy pipeline")
def test_a_celebration_of_the_new_year_is_dated_on_the_eve_not_in_the_year_it_greets():
    tl = _timeline("Tens of thousands of people rang in 2031 on the harbour front of Tarvik, where the "
                   "town held its largest free concert.\n\nThe gates opened at 8 p.m.")
    assert [e.date for e in tl] == ["2030-12-31"]


@pytest.mark.skipif(not HAS_FR, reason="needs the French spaCy pipeline")
def test_a_period_is_not_dated_by_its_end():
    tl = _timeline("En 2030, la commune de Vesse assume la présidence du syndicat des eaux pour la période "
                   "2030 - 2031.\n\nLe maire a salué une année spéciale pour la commune.", language="fr")
    assert "2031" not in [e.date for e in tl]
    assert any(e.date == "2030" and "présidence" in e.event for e in tl)


@pytest.mark.skipif(not HAS_EN, reason="needs the English spaCy pipeline")
def test_a_year_mentioned_in_passing_stays_as_background_beside_another_event_of_that_year():
    tl = _timeline("In 2030, only 4 percent of the Tarvik ferries ran late.\n\n"
                   "The 2030 harbour survey counted 12,480 crossings, a record for the port.")
    assert [(e.date, e.background) for e in tl] == [("2030", False), ("2030", True)]
    assert "12,480 crossings" in tl[1].event
