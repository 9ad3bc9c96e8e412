"""Timeline dates: weekdays and relative dates follow the tense of their clause; events read whole."""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.model import Article
from crosswire.text.dates import find_dates
from crosswire.text.sentences import article_sentences

TUESDAY = "2031-05-13"  # the publication date of the fictional reports below (a Tuesday)
MONDAY = "2031-05-12"


def dates(text: str, ref: str = TUESDAY) -> list[str]:
    return [d.date for d in find_dates(text, ref)]


@pytest.mark.parametrize("text, expected", [
    # plans and announcements count forward
    ("The mayor has invited both unions to meet her at the town hall on Thursday.", ["2031-05-15"]),
    ("Ferries are due to run normally from the first sailing on Wednesday.", ["2031-05-14"]),
    ("Services are expected to return to normal on Friday morning.", ["2031-05-16"]),
    ("The council said it would open a second shelter on Saturday.", ["2031-05-17"]),
    ("The club will file its appeal with the league's disciplinary panel in the capital on Thursday.",
     ["2031-05-15"]),
    ("The harbour authority advised skippers not to sail before Wednesday.", ["2031-05-14"]),
    ("Der Verband wird am Donnerstag entscheiden.", ["2031-05-15"]),
    ("Le conseil se réunira jeudi prochain.", ["2031-05-15"]),
    # told or done: back
    ("Talks between the two sides collapsed last Thursday.", ["2031-05-08"]),
    ("The ferry ran aground on Sunday, the coastguard said.", ["2031-05-11"]),
    ("The strike will go on, the union's leader said on Monday.", ["2031-05-12"]),
    ("The minister met the unions on Thursday.", ["2031-05-08"]),
    # the publication day itself, whichever the tense, unless "next" or "last"
    ("The port stayed closed on Tuesday.", [TUESDAY]),
    ("The port will stay closed on Tuesday and Wednesday.", [TUESDAY, "2031-05-14"]),
    ("The port will reopen next Tuesday.", ["2031-05-20"]),
    ("The port was last inspected last Tuesday.", ["2031-05-06"]),
    ("Rescuers expect to finish the search tomorrow.", ["2031-05-14"]),
])
def test_weekdays_follow_the_tense_of_their_clause(text, expected):
    assert dates(text) == expected


def test_same_weekday_as_publication_is_that_day_in_a_future_clause():
    assert dates("The library will stay closed on Monday and Tuesday while engineers check the roof.",
                 MONDAY) == [MONDAY, "2031-05-13"]


def test_a_yearless_month_in_a_plan_is_the_next_one():
    assert dates("The regional vote will be held in February.") == ["2032-02"]
    assert dates("The regional vote was held in February.") == ["2031-02"]


@pytest.mark.parametrize("text, expected", [
    ("The fire broke out nearly two weeks ago.", "2031-04"),
    ("The fire broke out about two weeks ago.", "2031-04"),
    ("The fire broke out some two weeks ago.", "2031-04"),
    ("The ship docked a few days ago.", "2031-05"),
    ("The ship docked two weeks ago.", "2031-04-29"),
    ("The ship docked a week ago.", "2031-05-06"),
])
def test_approximate_spans_give_only_the_month(text, expected):
    assert dates(text) == [expected]


def test_without_publication_date_relative_dates_are_skipped():
    assert find_dates("The talks will resume on Thursday.", None) == []


def _timeline(text: str, published: str = TUESDAY):
    a = Article(id="a", text=text, published=published, language="en")
    sheet = facts.analyze([a], [], embedder=False)
    return a, sheet.timeline


def test_event_is_the_whole_short_sentence_and_cites_it_verbatim():
    text = ("The ferry operator and the crew union held talks on Monday, and the transport minister "
            "spoke to both sides on Tuesday.\n\n"
            "“We were close to a deal in 2029,” the union's secretary said.")
    a, tl = _timeline(text)
    sents = {s.index: s.text for s in article_sentences(a)}
    assert tl, "no timeline"
    for ev in tl:
        for c in ev.citations:
            assert c.text == sents[c.sentence]
    by_date = {ev.date: ev for ev in tl}
    # one sentence, one event: the main verb's Monday; the Tuesday of the second clause is background
    assert by_date["2031-05-12"].event == "The ferry operator and the crew union held talks on Monday"
    assert by_date["2031-05-13"].background and "Tuesday" in by_date["2031-05-13"].event
    assert by_date["2029"].event == sents[1]         # not the quotation alone


def test_a_long_sentence_is_cut_to_a_clause_but_never_inside_a_quotation():
    text = ("The harbour master, who has run the port for eleven years and oversaw its expansion, said "
            "the ferry “had been checked on Friday, and again, as the rules require, before it sailed”, "
            "while the insurers, the coastguard and two independent surveyors are still examining the "
            "hull, the engines and the logbooks recovered by divers over the past week.")
    assert len(text.split()) > 40
    _a, tl = _timeline(text)
    ev = next(e for e in tl if e.date == "2031-05-09")
    opening, closing = ev.event.count("“"), ev.event.count("”")
    assert opening == closing == 1, ev.event
    assert len(ev.event) < len(text)


def test_a_weekday_in_general_is_no_date():
    assert dates("Traffic was 40 percent heavier than on a normal Monday.") == []
    assert dates("The market is held every Saturday.") == []


def test_today_inside_a_quotation_is_not_the_publication_day():
    assert dates('Back then she said, "we are not ready today," and left.') == []
    assert dates("Ferries run again today.") == [TUESDAY]


def test_a_clause_from_the_middle_of_a_long_sentence_starts_at_the_sentence_start_when_short_enough():
    text = ("The inquiry heard from the captain, the first mate and the chief engineer, who had all joined "
            "the ship only weeks earlier, and from a passenger who saw smoke on Sunday, while lawyers for "
            "the owners, the insurers and the port authority listened from the back of the crowded hall.")
    assert len(text.split()) > 40
    _a, tl = _timeline(text)
    # the lead's event has no date of its own: the report's day, told by its first clause
    lead = next(e for e in tl if e.date == "2031-05-13" and not e.background)
    assert lead.event.startswith("The inquiry heard") and "Sunday" not in lead.event and len(lead.event) < len(text)
    ev = next(e for e in tl if e.date == "2031-05-11")  # the Sunday of a subordinate clause: background
    assert ev.background and "Sunday" in ev.event and len(ev.event) < len(text)


def test_a_clause_neither_starts_nor_ends_with_a_dangling_and():
    text = ("The port's owners, who bought the terminal from the city a decade ago for a sum that has never "
            "been disclosed to the council or to the public, confirmed the sale of two cranes in 2029, "
            "and the harbour master resigned on Friday after a vote of the board that met behind closed "
            "doors and the unions protested.")
    assert len(text.split()) > 40
    _a, tl = _timeline(text)
    for ev in tl:
        assert not ev.event.lower().startswith("and ") and not ev.event.rstrip(" .").endswith(" and"), ev.event
    assert next(e for e in tl if e.date == "2031-05-09").event.startswith("the harbour master resigned on Friday")


def test_a_year_or_month_opening_the_sentence_is_read():
    from crosswire.text.dates import find_dates

    assert [d.date for d in find_dates("In 2019 the plant closed.", "2024-04-03")] == ["2019"]
    assert [d.date for d in find_dates("Since March the plant has been closed.", "2024-04-03")] == ["2024-03"]
