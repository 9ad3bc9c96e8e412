"""Timeline: the same event dated by several reports in their own words is one entry citing all."""

from __future__ import annotations

from crosswire import facts
from crosswire.model import Article

WEDNESDAY = "2031-05-14"  # the publication date of the fictional reports below


def _timeline(*texts: str):
    arts = [Article(id=f"r{k}", text=t, language="en", published=WEDNESDAY) for k, t in enumerate(texts)]
    story = facts.read_story(arts, [], embedder=False)
    from crosswire.facts.timeline import build_timeline

    return build_timeline(story)


def test_two_leads_dating_the_same_event_differently_are_one_entry():
    events = _timeline(
        "Firefighters on Tuesday contained the forest fire near Orvel that had burned for three days.\n\n"
        "The regional council met on Tuesday to discuss compensation for farmers.",
        "A blaze in the hills above Orvel was brought under control on May 13, officials said.\n\n"
        "About 40 homes were evacuated last week.",
    )
    on_day = [e for e in events if e.date == "2031-05-13"]
    fire = [e for e in on_day if any(c.sentence == 0 for c in e.citations)]
    assert len(fire) == 1
    assert {(c.article, c.sentence) for c in fire[0].citations} == {("r0", 0), ("r1", 0)}
    assert set(fire[0].articles) == {"r0", "r1"}
    # another event of the same day, later in a report, keeps its own entry
    assert any("council" in e.event and [c.article for c in e.citations] == ["r0"] for e in on_day)


def test_leads_on_different_days_or_about_different_things_stay_apart():
    events = _timeline(
        "Firefighters on Tuesday contained the forest fire near Orvel.",
        "Ferries to Kessa Island resumed on Monday after the storm.",
        "A blaze near Orvel flared up again on Monday night, officials said.",
    )
    assert all(len({c.article for c in e.citations}) == 1 for e in events)
