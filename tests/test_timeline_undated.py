"""The timeline of reports without a publication date (stories written here): a yearless date is
placed only where the report's own dates say which year it is in."""

from __future__ import annotations

from crosswire import facts
from crosswire.model import Article


def timeline(text: str) -> list[tuple[str, str]]:
    sheet = facts.analyze([Article(id="a", text=text, language="en")], [], embedder=False)
    return [(e.date, e.event) for e in sheet.timeline]


STORY = (
    "Mara Voss and her husband welcomed their third child, Ilse, who was born Oct. 10, 2031.\n\n"
    "Their first daughter, Petra, who was born on Aug. 8 at Varno General Hospital, is now three.\n\n"
    "Ilse had not been due until Nov. 4, Voss said."
)
CLOCK_FIRST = (
    "The sheriff's office was alerted to the theft at 6:16 p.m., a news release said.\n\n"
    "The truck was found in Orsk, where it had been stolen once before, on March 3, 2031."
)


def test_a_past_day_earlier_in_the_year_than_the_reports_latest_date_is_not_placed_a_year_later():
    dated = timeline(STORY)
    assert not any(d.startswith("2032-08") for d, _ in dated)  # born before the report: not next August
    assert "2031-10-10" in {d for d, _ in dated}
    assert "2031-11-04" in {d for d, _ in dated}  # a date it was due: after the report's latest date


def test_a_clock_time_alone_dates_nothing_in_an_undated_report():
    assert not any("6:16" in e for _, e in timeline(CLOCK_FIRST))
