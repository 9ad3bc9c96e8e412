"""What a figure counts: ages, relatives, identifiers and settings are no counts; a casualty
figure keeps its category only when its own words say so; other languages' separators,
number words and scales; softened wordings of one figure are one key number."""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.facts.counting import check_figures
from crosswire.facts.numbers import find_numbers
from crosswire.model import Article
from crosswire.text.parse import parser, sentence_case

needs_parser = pytest.mark.skipif(parser("en") is None, reason="the English spaCy pipeline is not installed")


def counted(text: str, language: str = "en") -> list[tuple[float, str]]:
    return [(f.value, f.what) for f in check_figures(find_numbers(text, language), text, language)]


def test_identifiers_relatives_and_settings_are_no_counts_even_without_a_parse():
    assert counted("The retailer filed for Chapter 11 protection on Friday.") == []
    assert counted("Fire crews closed Route 9 for the night.") == []
    assert counted("The study's 95% confidence interval was wide.") == []
    assert (14, "percent") in counted("Sales fell 14% in the quarter.")


@needs_parser
def test_an_age_is_not_a_toll():
    text = "Among children aged 6 to 12 who died in crashes, most were passengers."
    assert all(what != "dead" for _v, what in counted(text))


@needs_parser
def test_father_of_four_is_one_dead_man_not_four():
    assert all(what != "dead" for _v, what in counted("Father of four killed in warehouse blaze"))
    assert all(what != "dead" for _v, what in counted("FATHER OF FOUR KILLED IN WAREHOUSE BLAZE"))


@needs_parser
def test_casualty_figures_follow_what_their_noun_phrase_is_said_to_do():
    text = "Three people died and four victims remained in hospital on Sunday."
    got = counted(text)
    assert (3, "dead") in got
    assert (4, "dead") not in got
    assert (4, "victims") in got
    assert (12, "dead") in counted("Gunmen stormed the depot, killing 12 guards.")
    assert (7, "dead") in counted("The collapse left seven workers dead.")
    assert (40, "dead") in counted("At least 40 people were killed in the floods.")


@needs_parser
def test_a_verb_or_adjective_is_not_the_thing_counted():
    assert counted("Of the injured, three are stable.") == []


def test_sentence_case_keeps_offsets():
    text = "FIVE HURT AS BUS OVERTURNS"
    assert len(sentence_case(text)) == len(text)
    assert sentence_case(text) == "Five hurt as bus overturns"
    assert sentence_case("Five hurt as bus overturns") == "Five hurt as bus overturns"


def test_other_languages_write_figures_their_way():
    es = find_numbers("El incendio arrasó 3.500 metros cuadrados y mató a cinco caballos.", "es")
    assert [(f.value, f.what) for f in es] == [(3500, "metros"), (5, "caballos")]
    assert [(f.value, f.what) for f in find_numbers("El museo recibe 250 mil visitantes al año.", "es")] \
        == [(250_000, "visitantes")]
    de = find_numbers("Bei dem Brand gab es vier Tote und 15 Verletzte.", "de")
    assert [(f.value, f.what) for f in de] == [(4, "dead"), (15, "injured")]
    assert [(f.value, f.what) for f in find_numbers("Le stade a coûté 2,5 milliards.", "fr")] == []
    # without the language a dot is a decimal point, as in English
    assert find_numbers("The rod was 2.5 metres long.")[0].value == 2.5


def test_a_part_counts_the_whole_it_is_taken_from():
    figs = find_numbers("The mill is laying off 60 of its 240 workers.")
    assert [(f.value, f.what) for f in figs] == [(60, "workers"), (240, "workers")]


def test_decades_and_case_numbers_are_not_figures():
    assert find_numbers("Fashion of the 80s is back.") == []
    assert find_numbers("The filing, case 19-cv-01234, was sealed.") == []


def _art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, language="en")


def test_softened_wordings_of_one_figure_are_one_key_number_with_their_range():
    arts = [
        _art("a", "Some 80 firefighters fought the blaze at the timber yard in Corran on Tuesday night."),
        _art("b", "About 80 firefighters were sent to the timber yard in Corran, officials said."),
        _art("c", "At least 80 firefighters and 12 engines attended the fire at the Corran timber yard."),
    ]
    sheet = facts.analyze(arts, [], embedder=False, entities=[])
    firefighters = [n for n in sheet.numbers if n.what == "firefighters"]
    soft = [n for n in firefighters if n.qualifier != "at least"]
    assert len(soft) == 1, firefighters
    assert set(soft[0].articles) == {"a", "b"}
    assert soft[0].low is not None and soft[0].low < 80 < soft[0].high
    assert "Some 80" in soft[0].text and "About 80" in soft[0].text
    bound = [n for n in firefighters if n.qualifier == "at least"]
    assert len(bound) == 1 and bound[0].high is None
    # another counted thing is another line
    assert any(n.what == "engines" and n.value == 12 for n in sheet.numbers)


def test_rates_are_key_numbers_of_their_own_kind():
    from crosswire.facts.numbers import find_rates

    got = [(f.value, f.what) for f in find_rates("The rate fell from 3.4 to 2.9 per 100,000 residents.")]
    assert got == [(3.4, "per 100,000"), (2.9, "per 100,000")]
    assert [(f.value, f.what) for f in find_rates("about 7.5 per one million people")] == [(7.5, "per million")]
    # a rate is no count: find_numbers leaves it alone
    assert find_numbers("The rate fell from 3.4 to 2.9 per 100,000 residents.") == []


@needs_parser
def test_the_standard_of_a_comparison_is_not_the_story_s_figure():
    text = ("The new ferry crosses in 40 minutes, quick when compared with the old boat, "
            "which took 75 minutes.")
    assert counted(text) == [(40, "minutes")]
    # without a comparison both figures stand
    assert sorted(counted("The new ferry crosses in 40 minutes and the old boat took 75 minutes.")) == [
        (40, "minutes"), (75, "minutes")]


@needs_parser
def test_a_duration_in_hours_and_minutes_stays_minutes():
    assert counted("The concert ran 2 hours 10 minutes without a break.") == [(130, "minutes")]


def test_per_cent_written_in_two_words_is_a_percentage_not_a_rate():
    figs = find_numbers("The state ran a deficit of 15 per cent of output in 2030, against 16 per cent a year before.")
    assert [(f.value, f.what) for f in figs] == [(15.0, "percent"), (16.0, "percent")]
    assert find_numbers("The rate fell from 1.18 per 1 million children to 1.09 per million.") == []
