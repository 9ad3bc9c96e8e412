"""A timeline of events: the day the event's own verb carries, background dates apart, the lead on
the report's day, one entry per event across reports, never one sentence at two dates."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from crosswire import facts
from crosswire.facts.timeline import Reference, references
from crosswire.model import Article, TimelineEvent
from crosswire.text.dates import weekday_dated
from crosswire.text.parse import parser

THURSDAY = "2031-05-15"  # the publication date of the fictional reports below (a Thursday)
HAS_EN = parser("en") is not None
HAS_FR = parser("fr") is not None


def _timeline(*texts: str, published: str | None = THURSDAY, language: str = "en") -> list[TimelineEvent]:
    arts = [Article(id=f"r{k}", text=t, language=language, published=published) for k, t in enumerate(texts)]
    return facts.analyze(arts, [], embedder=False).timeline


def _events(tl: list[TimelineEvent]) -> list[TimelineEvent]:
    return [e for e in tl if not e.background]


def _never_at_two_dates(tl: list[TimelineEvent]) -> None:
    dates: dict[tuple[str, int], set[str]] = defaultdict(set)
    for e in _events(tl):
        for c in e.citations:
            dates[(c.article, c.sentence)].add(e.date)
    assert all(len(d) == 1 for d in dates.values()), dates


@pytest.mark.skipif(not HAS_EN, reason="needs the English spaCy pipeline")
def test_the_event_takes_the_day_its_verb_carries_and_the_other_date_is_background():
    tl = _timeline("Harbour officials reopened the northern quay on Tuesday, the first time since October 2029 "
                   "that ships could dock there.\n\nThe quay had been closed for repairs.")
    ev = _events(tl)
    assert [e.date for e in ev] == ["2031-05-13"]
    assert "reopened the northern quay" in ev[0].event
    bg = [e for e in tl if e.background]
    assert [e.date for e in bg] == ["2029-10"]
    assert "October 2029" in bg[0].event and "reopened" not in bg[0].event
    _never_at_two_dates(tl)


@pytest.mark.skipif(not HAS_EN, reason="needs the English spaCy pipeline")
def test_a_lead_without_a_date_of_its_own_is_an_event_of_the_report_day_and_other_sentences_are_not():
    tl = _timeline("The two port unions signed their first joint agreement since 2027, ending the strike.\n\n"
                   "Ferries were still running late in the afternoon.\n\n"
                   "The agreement runs until the end of the season.")
    ev = _events(tl)
    assert [(e.date, e.citations[0].sentence) for e in ev] == [(THURSDAY, 0)]
    assert [e.date for e in tl if e.background] == ["2027"]


def test_a_lead_is_not_dated_by_a_publication_date_the_report_does_not_have():
    tl = _timeline("The two port unions signed their first joint agreement, ending the strike.", published=None)
    assert tl == []


@pytest.mark.skipif(not HAS_EN, reason="needs the English spaCy pipeline")
def test_one_event_told_by_three_reports_is_one_entry_citing_all_of_them():
    tl = _timeline(
        "The ferry Kessa Star ran aground off Orvel on Tuesday, forcing 200 passengers onto lifeboats.",
        "The Kessa Star ran aground near Orvel on May 13 and two hundred passengers left it by lifeboat.",
        "Coastguards said the Kessa Star ran aground on Tuesday morning.",
    )
    on_day = [e for e in _events(tl) if e.date == "2031-05-13"]
    assert len(on_day) == 1
    assert {c.article for c in on_day[0].citations} == {"r0", "r1", "r2"}
    _never_at_two_dates(tl)


@pytest.mark.skipif(not HAS_EN, reason="needs the English spaCy pipeline")
def test_two_events_of_one_sentence_give_one_event_and_one_background_date():
    tl = _timeline("The council approved the budget on Monday, and the mayor signed it on Wednesday.")
    ev = _events(tl)
    assert len(ev) == 1 and ev[0].date == "2031-05-12"
    assert "signed" not in ev[0].event
    assert [e.date for e in tl if e.background] == ["2031-05-14"]
    _never_at_two_dates(tl)


@pytest.mark.skipif(not HAS_EN, reason="needs the English spaCy pipeline")
def test_a_day_of_the_story_is_not_repeated_as_background():
    tl = _timeline("Rescuers found the missing climber on Monday.",
                   "The search, which ended on Monday, had lasted four days, the mountain rescue service said.")
    assert all(not (e.background and e.date == "2031-05-12") for e in tl)


@pytest.mark.skipif(not HAS_FR, reason="needs the French spaCy pipeline")
def test_french_event_and_background_dates():
    tl = _timeline("Les deux ministres se sont parlé mardi, une première depuis octobre 2029.", language="fr")
    assert [e.date for e in _events(tl)] == ["2031-05-13"]
    assert [e.date for e in tl if e.background] == ["2029-10"]


@pytest.mark.parametrize("language, text, date", [
    ("de", "Der Stadtrat hat den Haushalt am Dienstag beschlossen.", "2031-05-13"),
    ("es", "El incendio del mercado comenzó el 3 de mayo de 2031 por la noche.", "2031-05-03"),
    ("fr", "Le conseil municipal a adopté le budget le 12 mai 2031.", "2031-05-12"),
])
def test_one_dated_sentence_per_language_is_one_event(language, text, date):
    tl = _timeline(text, language=language)
    assert [e.date for e in _events(tl)] == [date]
    _never_at_two_dates(tl)


def test_a_weekday_written_with_its_date_tells_the_year_of_a_report_without_one():
    assert weekday_dated("The market stayed shut (Tuesday, May 13) and reopened on Friday, May 16.", 2033) == \
        "2031-05-16"
    assert weekday_dated("The market stayed shut on May 13.", 2033) is None
    # years written in a report count only up to the present one: these reports are of 2025
    arts = [Article(id="a", text="As of Tuesday, May 13, the ferry had not sailed. The line was set up in 2019."),
            Article(id="b", text="The ferry company said on Monday it would refund passengers.",
                    removed=["© 2025 Harbour Gazette"])]
    refs = references(arts)
    assert refs["a"] == Reference("2025-05-13", True)
    assert refs["b"] == Reference("2025-05-13", True)  # a report of the same story without a date of its own


def test_a_guessed_reference_places_no_weekday_and_counts_yearless_dates_forward():
    # the text's latest full date is only a lower bound of the report's own date: a yearless date
    # after it in the year is that year's, one before it is the next year's when it is ahead (a plan),
    # and unknown when it is past ("had filed ... on Jan. 9": 2025, or an earlier year's January)
    tl = _timeline("The inquiry into the March 3, 2024 collapse reported on Friday.\n\n"
                   "The builder had filed for bankruptcy on Jan. 9, months before the hearing opened.\n\n"
                   "The inquiry will hear the builder on Jan. 14.",
                   published=None)
    assert all(e.date not in ("2024-01-09", "2025-01-09") for e in tl)
    assert any(e.date == "2025-01-14" for e in tl)
    assert all(not e.date.startswith("2024-03-0") or e.date == "2024-03-03" for e in tl)


def test_background_is_an_added_json_field_and_rendered_apart():
    from crosswire import brief, copies
    from crosswire.brief.render import render_html, render_markdown
    from crosswire.model import to_json

    arts = [Article(id="a", text="The quay reopened on Tuesday, the first time since October 2029 that ships "
                    "could dock there.\n\nThe harbour master thanked the crews.", language="en",
                    published=THURSDAY)]
    groups = copies.find_copies(arts)
    b = brief.build_brief(arts, groups, facts.analyze(arts, groups, embedder=False))
    data = json.loads(json.dumps(to_json(b)))
    assert all(isinstance(t["background"], bool) for t in data["timeline"])
    if any(t["background"] for t in data["timeline"]):
        md = render_markdown(b)
        assert "background dates" in md
        assert md.index("## Timeline") < md.index("background dates")
        assert "background dates" in render_html(b)


@pytest.mark.skipif(not HAS_EN, reason="needs the English spaCy pipeline")
def test_a_sentence_copied_by_two_reports_stands_at_one_date():
    copied = "Divers reached the wreck that day, the coastguard said."
    tl = _timeline(f"The ferry sank off Orvel on May 2, 2031.\n\n{copied}",
                   f"A storm hit the coast on May 1, 2031.\n\n{copied}")
    divers = [e for e in _events(tl) if e.event.startswith("Divers")]
    assert len(divers) <= 1
    if divers:
        assert {c.article for c in divers[0].citations} == {"r0", "r1"}
    _never_at_two_dates(tl)
