"""The temporal tagger (crosswire.text.temporal) on sentences written for these tests."""

from __future__ import annotations

import pytest

from crosswire.text.temporal import Timex, calendar_date, event_timex, load_parser, tag

DCT = "2024-04-03"  # a Wednesday


def values(text: str, dct: str | None = DCT, language: str = "en", **kw) -> list[str]:
    return [x.value for x in tag(text, dct, language, **kw)]


def one(text: str, dct: str | None = DCT, language: str = "en", **kw) -> str:
    got = values(text, dct, language, **kw)
    assert len(got) == 1, got
    return got[0]


# -- explicit dates -------------------------------------------------------------------------

def test_full_dates_in_every_order():
    assert one("The plant closed on Aug. 7, 1998, after a fire.") == "1998-08-07"
    assert one("The plant closed on 7 August 1998 after a fire.") == "1998-08-07"
    assert one("The figures for 2023-11-30 were revised.") == "2023-11-30"
    assert one("The treaty was signed in July 1997 in Geneva.") == "1997-07"


def test_bare_years_but_not_counts_or_money():
    assert one("In 1995 the mine was sold to a rival.") == "1995"
    assert one("The rules of fiscal 1989 applied.") == "1989"
    assert values("The crowd of 2000 people cheered.") == []
    assert values("They paid $1990 for the ticket.") == []
    assert values("Prices rose 2024% in the hyperinflation.") == []


# -- direction from the verb ----------------------------------------------------------------

def test_weekday_past_and_future():
    assert one("The minister resigned on Monday.") == "2024-04-01"
    assert one("The minister will resign on Monday.") == "2024-04-08"
    assert one("Talks are scheduled to resume on Friday.") == "2024-04-05"


def test_month_without_year_past_and_future():
    assert one("Prices rose sharply in December.") == "2023-12"
    assert one("The court will rule in December.") == "2024-12"


def test_month_day_without_year_is_nearest_or_by_tense():
    assert one("The offer was extended until April 20.") == "2024-04-20"
    assert one("The board met on March 28 to discuss it.") == "2024-03-28"
    assert one("The vote will be held on Jan. 10.") == "2025-01-10"


def test_the_verb_of_the_expression_not_the_first_modal():
    # "would" belongs to another clause; "met" governs "in March"
    got = tag("The ministers, who met in March, would travel to Rome in May.", DCT)
    assert [(x.text, x.value) for x in got] == [("March", "2024-03"), ("May", "2024-05")]


# -- last / next / this ---------------------------------------------------------------------

def test_last_next_this():
    assert one("The mayor spoke last Friday.") == "2024-03-29"
    assert one("The mayor will speak next Friday.") == "2024-04-05"  # the coming one, as HeidelTime
    assert one("The mayor will speak next Wednesday.") == "2024-04-10"  # never the day itself
    assert one("It happened last Oct. 23 near the border.") == "2023-10-23"
    assert one("Sales fell last October.") == "2023-10"
    assert one("Sales fell last week.") == "2024-W13"
    assert one("Sales will rise next month.") == "2024-05"
    assert one("Sales rose this year.") == "2024"
    assert one("Sales fell earlier this month.") == "2024-04"


def test_quarters_halves_and_their_anaphora():
    text = ("The firm posted a third-quarter loss. Revenue fell 5% from a year earlier. "
            "In the quarter, costs rose. The year-ago quarter had a profit.")
    assert values(text, "2024-10-28") == ["2024-Q3", "2023-Q3", "2024-Q3", "2023-Q3"]
    assert one("Profit rose in the fourth quarter.", "2024-02-10") == "2023-Q4"
    assert one("Profit rose in the second quarter of 2019.") == "2019-Q2"
    assert one("Output fell in the first half of 2020.") == "2020-H1"


def test_weeks_weekends_and_seasons():
    assert one("Fighting resumed over the weekend.", "2024-04-08") == "2024-W14-WE"
    assert one("The drought began last summer.") == "2023-SU"
    assert one("Elections are due this fall.") == "2024-FA"
    assert one("Snow fell in the winter of 2010.") == "2010-WI"


def test_ago_and_earlier():
    assert one("The bridge opened two weeks ago.") == "2024-W12"
    assert one("The bridge opened three years ago.") == "2021"
    assert one("The bridge opened 10 days ago.") == "2024-03-24"
    assert values("The plant opened in 2015. Two years later it closed.") == ["2015", "2017"]


def test_deictic_days_and_reference_words():
    assert values("Yesterday the rebels attacked; today they withdrew; tomorrow talks begin.") == [
        "2024-04-02", "2024-04-03", "2024-04-04"]
    assert one("The road is now closed.") == "PRESENT_REF"
    assert one("The road is currently closed.") == "PRESENT_REF"
    assert one("The road was recently closed.") == "PAST_REF"
    assert one("The road may be closed in the future.") == "FUTURE_REF"


def test_decades_and_centuries():
    assert one("Crime fell in the late 1990s.") == "199"
    assert one("The chapel dates from the 11th century.") == "10"


# -- false positives ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The school is next to the station.",
    "The car was registered in Richmond, Va., to a local firm.",
    "Officials may decide to close the road.",
    "He watched Saturday Night Live with friends.",
    "Protesters march through the capital.",
    "April Jones won the race.",
    "The fall of the regime surprised everyone.",
])
def test_no_date_here(text):
    assert calendar_date_values(text) == []


def calendar_date_values(text: str) -> list[str]:
    return [x.value for x in tag(text, DCT) if x.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")]


def test_may_and_march_as_months_need_context():
    assert one("The law took effect in May.") == "2023-05"
    assert one("Talks ended on March 3.") == "2024-03-03"


# -- without a report date, without a parse --------------------------------------------------

def test_without_dct_only_full_dates():
    assert values("On Monday, and on 3 March 2021, it rained.", None) == ["2021-03-03"]


def test_fallback_without_parse_reads_future_cues():
    assert one("The talks will resume on Friday.", parse=False) == "2024-04-05"
    assert one("The talks resumed on Friday.", parse=False) == "2024-03-29"


# -- the main event's date ------------------------------------------------------------------

@pytest.mark.skipif(load_parser("en") is None, reason="spaCy English model not installed")
def test_event_timex_is_the_main_verbs_date():
    s = "The two leaders spoke by phone on Wednesday, their first call since October 2022, officials said."
    xs = tag(s, "2024-04-05", anchors=True)
    assert [x.value for x in xs] == ["2024-04-03", "2022-10"]
    ev = event_timex(xs)
    assert isinstance(ev, Timex) and ev.value == "2024-04-03"
    assert ev.anchor is not None and s[ev.anchor[0]:ev.anchor[1]] == "spoke"


def test_timex_fields_and_calendar_date():
    x = tag("The mayor spoke on Friday morning.", DCT)[0]
    assert (x.type, x.relative, x.date) == ("TIME", True, "2024-03-29")
    assert calendar_date("2024-W13") is None and calendar_date("2024-03") == "2024-03"


# -- French, German, Spanish ----------------------------------------------------------------

@pytest.mark.parametrize("language,text,value", [
    ("fr", "Le sommet s'est tenu lundi dernier à Lyon.", "2024-04-01"),
    ("fr", "Le vote aura lieu le 3 mars 2025.", "2025-03-03"),
    ("fr", "Il y a deux semaines, le ministre a démissionné.", "2024-W12"),
    ("fr", "L'année dernière, la ville a gagné.", "2023"),
    ("fr", "La route est actuellement fermée.", "PRESENT_REF"),
    ("de", "Die Wahl findet am 3. März 2025 statt.", "2025-03-03"),
    ("de", "Gestern wurde ein Verdächtiger festgenommen.", "2024-04-02"),
    ("de", "Vor zwei Wochen trat er zurück.", "2024-W12"),
    ("de", "Die Konferenz wird nächste Woche stattfinden.", "2024-W15"),
    ("es", "El lunes pasado se reunió el gabinete.", "2024-04-01"),
    ("es", "La votación será el 3 de marzo de 2025.", "2025-03-03"),
    ("es", "Hace dos semanas dimitió el ministro.", "2024-W12"),
    ("es", "El año pasado ganó el premio.", "2023"),
])
def test_other_languages(language, text, value):
    assert one(text, language=language) == value


def test_other_languages_false_positives():
    assert values("Llegó por la mañana.", language="es") == []
    assert values("Guten Morgen, sagte er.", language="de") == []


@pytest.mark.parametrize("language,text,value", [
    ("fr", "Le vote aura lieu mardi à Lyon.", "2024-04-09"),
    ("fr", "Le ministre a démissionné mardi.", "2024-04-02"),
    ("fr", "Le sommet se tiendra en décembre.", "2024-12"),
    ("de", "Die Abstimmung wird am Dienstag stattfinden.", "2024-04-09"),
    ("de", "Der Minister trat am Dienstag zurück.", "2024-04-02"),
    ("es", "La votación será el martes.", "2024-04-09"),
    ("es", "La cumbre se celebrará en diciembre.", "2024-12"),
])
def test_other_languages_direction(language, text, value):
    assert one(text, language=language) == value


def test_calendar_dates_is_a_find_dates_drop_in():
    from crosswire.text.temporal import calendar_dates

    got = calendar_dates("Sales rose last week and now stand at a record, up from 2019.", DCT)
    assert [(x.date, x.relative) for x in got] == [("2019", False)]  # weeks and "now" have no calendar value
    text = "The plant reopened on Monday."
    x = calendar_dates(text, DCT)[0]
    assert (x.date, text[x.start:x.end], x.relative) == ("2024-04-01", "Monday", True)


def test_movable_feasts_and_spoken_years():
    assert one("The boy was found on Thanksgiving Day.", "2024-01-10") == "2023-11-23"
    assert one("Voters go to the polls on Election Day.", "2024-10-20") == "2024-11-05"
    assert one("The bombing came in nineteen ninety-six.") == "1996"
    assert one("The company will close the deal by year-end.") == "2024"


def test_clock_time_takes_its_day():
    x = tag("The blast came at 10:35 a.m. (0735 GMT) Friday.", "1998-08-08")
    assert x[0].value == "1998-08-07T10:35"


@pytest.mark.parametrize("language,text,values_", [
    ("fr", "Il a été élu en 2017, puis réélu à la mi-mars.", ["2017", "2024-03"]),  # "été" the verb
    ("fr", "L’été dernier, il a plu.", ["2023-SU"]),
    ("fr", "Avant-hier, il a plu.", ["2024-04-01"]),
    ("de", "Im Sommer stiegen die Preise.", ["2024-SU"]),
    ("es", "Este verano subieron los precios.", ["2024-SU"]),
])
def test_other_languages_seasons_and_elision(language, text, values_):
    assert values(text, language=language) == values_


def test_modern_wire_forms():
    dct = "2013-03-21"  # a Thursday
    assert values("Sales rose in the first quarter of this year.", dct) == ["2013-Q1"]
    assert values("Shares have fallen since the start of the year.", dct) == ["2013"]
    assert values("The party lost last weekend.", dct) == ["2013-W11-WE"]
    assert values("Protests are planned this weekend.", dct) == ["2013-W12-WE"]
    # a clock time with its local and GMT forms, dated by the weekday after them; 1830 is no year
    assert values("It happened at 2:30 p.m. local time (1830 GMT) on Tuesday.", dct) == [
        "2013-03-19T14:30", "2013-03-19"]


def test_weekday_and_date_are_one_expression_and_counts_are_no_years():
    got = tag("Money seeped out on Friday, Oct. 13 alone.", "1989-10-27")
    assert [(x.text, x.value) for x in got] == [("Friday, Oct. 13", "1989-10-13")]
    assert values("Some glass secrets are more than two thousand years old.") == []
    assert values("The city is 2000 years old.") == []


@pytest.mark.skipif(load_parser("en") is None, reason="spaCy English model not installed")
def test_event_timex_skips_the_day_of_speaking():
    s = "The minister said on Monday that the plant closed in March."
    xs = tag(s, "2024-04-03", anchors=True)
    ev = event_timex(xs)
    assert ev is not None and ev.value == "2024-03"  # the closing, not the statement
    s2 = "Prices rose."
    assert event_timex(tag(s2, "2024-04-03", anchors=True)) is None
