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


# ---------------------------------------------------------------- how sure a report's reference is


def test_a_weekday_and_date_pair_before_a_year_the_report_writes_is_not_its_week():
    from crosswire.facts.timeline import Reference, references

    # "Saturday, December 6" fits 2025 and, earlier, 2014: a report that writes 2025 is of 2025, one that
    # writes 2019 is not of 2014 (the latest fit up to its last year), and may be of 2025 or later
    old = [Article(id="a", text="The storm closed the harbour on Saturday, December 6. The last such storm was "
                                "in 2025.")]
    assert references(old)["a"] == Reference("2025-12-06", True)
    later = [Article(id="a", text="The storm closed the harbour on Saturday, December 6. The breakwater was "
                                  "finished in 2019.")]
    assert references(later)["a"].exact is False


def test_a_weekday_written_with_its_year_fits_that_year_only():
    from crosswire.text.dates import weekday_dated

    # July 27 was a Saturday in 1974 and in 2030: the pair with its year is a date of 1974, no report's week
    assert weekday_dated("The committee voted on Saturday, 27th July, 1974, in room 2141.", 2031) is None
    assert weekday_dated("The committee voted on Saturday, July 27.", 2031) == "2030-07-27"


def test_the_day_of_an_embedded_post_dates_the_weeks_before_it_not_its_weekdays():
    from crosswire.facts.timeline import Reference, references

    post = "Police will charge the boatmen. — Ana Brel (@anabrel_news) March 21, 2031"
    arts = [Article(id="a", text="The ferry sank in the bay on March 7, police said Friday.", removed=[post]),
            Article(id="b", text="The ferry's captain was reported missing on March 12.")]
    refs = references(arts)
    assert refs["a"] == Reference("2031-03-21", False, close=True)
    assert refs["b"] == Reference("2031-03-21", False, close=True)  # a report of the same story
    tl = facts.analyze(arts, [], embedder=False).timeline
    assert sorted(e.date for e in tl) == ["2031-03-07", "2031-03-12"]  # "Friday" is not placed


def test_an_old_post_quoted_is_no_bound_of_the_report():
    from crosswire.facts.timeline import references

    post = "Ferries are safe. — Ana Brel (@anabrel_news) March 21, 2019"
    arts = [Article(id="a", text="The ferry sank on March 7, years after the minister's 2022 promise.", removed=[post])]
    assert references(arts)["a"].close is False


def test_mays_name_is_no_month_but_last_mays_vote_is():
    def dates(text: str) -> list[str]:
        return [x.text for x in tag(text, "2031-01-10", "en", parse=False) if x.date]

    assert dates("Both men are critics of May's Brexit deal.") == []
    assert dates("Turnout fell in last May's vote.") == ["last May"]


def test_a_holiday_with_a_part_of_the_day_and_its_year_is_that_year_s():
    x = tag("She died at home on Christmas morning 2024, her family said.", "2031-03-16", "en", parse=False)
    assert [(e.text, e.date) for e in x] == [("Christmas morning 2024", "2024-12-25")]


def test_a_clock_time_before_a_time_zone_is_no_year_in_any_case():
    def years(text: str, language: str = "en") -> list[str]:
        return [x.text for x in tag(text, None, language, parse=False) if x.date]

    assert years("The film will be shown on Channel 4 at 1930 BST.") == []
    assert years("In 1930 the mill closed.") == ["1930"]
    assert years("2030 est une année spéciale pour la commune.", "fr") == ["2030"]


@pytest.mark.skipif(not HAS_EN, reason="needs the English spaCy pipeline")
def test_a_date_inside_the_opening_phrase_of_a_span_is_not_the_event_s_day():
    def dated(text: str) -> list[tuple[str, bool]]:
        return [(e.date, e.background) for e in _timeline(text)]

    assert dated("Harbour fees have doubled since the storm in 2021, the port said.") == [("2021", True)]
    assert dated("The ferry line's debt fell from $40m in 2021 to $12m in 2024, the port said.") == [
        ("2021", True),
        ("2024", False),
    ]
    assert dated("Since January 2021, the harbour reopened in March 2024.") == [("2021-01", True), ("2024-03", False)]
    assert dated("The ferry company moved from Tarvik to Osslo in 2024.") == [("2024", False)]


def test_a_date_moved_to_another_keeps_its_new_date():
    assert _ends("The vote was postponed from Tuesday, June 3, to Thursday, June 5.") == []
    assert _ends("The council moved the vote from June 3 to June 10.") == []
    assert _ends("Der Prozess wurde vom 3. Juni auf den 10. Juni verschoben.", "de") == []


def test_a_news_photo_caption_cut_from_the_text_still_dates_the_report():
    from crosswire.facts.timeline import Reference, references
    from crosswire.read.clean import clean_text

    raw = (
        "Crowds gathered at the harbour on Wednesday as the ferry returned.\n\n"
        "Firefighters walk past the burned warehouse on Harbor Road, Wednesday, May 5, 2021, in Port Ellis, Ore.\n\n"
        "Officials said on Friday that the pier would stay closed."
    )
    art = clean_text(raw, id="a", language="en")
    assert "Firefighters walk past" not in art.text  # the caption is furniture ...
    assert references([art])["a"] == Reference("2021-05-05", True)  # ... and still tells the report's week
    # a caption dated so without its weekday is no such reference
    plain = [Article(id="b", text="Crowds gathered at the harbour on Wednesday.", removed=["A pier, May 5, 2021."])]
    assert references(plain)["b"].date is None
