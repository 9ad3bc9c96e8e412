"""One moment dated on two days: two reports give the same clock time for an event and each
another day ("at about 9:30 p.m. on Friday" / "on Saturday night ... at 9:32 p.m."). And a
disagreement the summary tells never pushes out the latest development that leads it.

Every article here is fictional and written for these tests.
"""

from __future__ import annotations

from crosswire import brief, facts
from crosswire.model import Article

# 2031-05-14 is a Wednesday: "Friday" is 2031-05-09, "Saturday" 2031-05-10


def art(aid: str, text: str, published: str | None = "2031-05-14") -> Article:
    return Article(id=aid, text=text, published=published, language="en")


def date_conflicts(*arts: Article):
    return [c for c in facts.analyze(list(arts), [], embedder=False, entities=[]).conflicts if c.kind == "date"]


FAMILY = art(
    "a1",
    "A 16-year-old girl from Tarrow has been missing for four days, her family said. "
    "Lena Marsh left the harbour dance at about 10:15 p.m. on Friday and has not been heard from since, "
    "according to her family. Volunteers searched the dunes on Tuesday.",
)
POLICE = art(
    "a2",
    "Police in Tarrow are asking for help to find a missing 16-year-old. "
    "Officers said the last time anyone saw her was Saturday night, when she left the harbour dance at 10:20 p.m. "
    "A search of the dunes found nothing.",
)


def test_one_clock_time_on_two_days_is_a_conflict():
    found = date_conflicts(FAMILY, POLICE)
    assert len(found) == 1
    days = sorted(" ".join(c.text for c in side.citations) for side in found[0].sides)
    assert any("Friday" in d for d in days) and any("Saturday" in d for d in days)
    assert "2031-05-09" in found[0].about and "2031-05-10" in found[0].about


def test_same_day_other_time_or_one_report_is_no_conflict():
    same_day = art("a2", POLICE.text.replace("Saturday night", "Friday night"))
    assert date_conflicts(FAMILY, same_day) == []
    other_time = art("a2", POLICE.text.replace("10:20 p.m.", "11:40 p.m."))
    assert date_conflicts(FAMILY, other_time) == []
    # both exact and five minutes apart: two moments, not one
    exact = art("a1", FAMILY.text.replace("at about 10:15 p.m.", "at 10:15 p.m."))
    assert date_conflicts(exact, POLICE) == []
    # one report telling both days is no disagreement between reports
    both = art("a1", FAMILY.text + " " + POLICE.text.split(". ", 1)[1])
    assert date_conflicts(both) == []


UPDATE = art(
    "a3",
    "UPDATE: Police said on Wednesday that Lena Marsh was found safe at a friend's house in Kell. "
    "A 16-year-old girl from Tarrow had been missing since the harbour dance. "
    "Her phone was found on the beach on Sunday.",
)


def test_the_latest_development_keeps_its_place_when_a_dispute_is_told():
    arts = [FAMILY, POLICE, UPDATE]
    sheet = facts.analyze(arts, [], embedder=False, entities=[], lang="en")
    assert any(c.kind == "date" for c in sheet.conflicts)
    told = brief.summarize(arts, [], sheet, words=40, lang="en")
    assert told and "found safe" in told[0].text
