"""Batch workers: recycled after a set number of stories, and limited by the CPU a story uses.

No test here measures time: the limits are injected, and the stories either burn CPU without
end, wait without computing (as a worker does on a loaded machine), or finish at once.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from pathlib import Path

from crosswire.batch.workers import cpu_seconds
from crosswire import batch
from crosswire.model import Article, Story

TOPICS = {
    "dam": ["The Orlen valley dam will be raised by four metres, the water board said on Monday.",
            "Engineers plan to raise the Orlen dam by four metres to hold back spring floods."],
    "choir": ["A choir of 90 schoolchildren from Vessby sang at the opening of the new concert hall.",
              "Ninety Vessby pupils opened the concert hall with a choral programme on Sunday."],
    "ferry": ["The night ferry between Kalmo and Tessin was cancelled because of a storm.",
              "A storm forced the cancellation of Friday's Kalmo to Tessin night crossing."],
    "fair": ["The Brisa book fair drew 40,000 visitors over three days, its organisers said.",
             "Organisers of the Brisa book fair counted some 40,000 visitors in three days.",
             "The book fair in Brisa closed on Sunday."],
}


def _pile() -> tuple[list[Article], list[Story]]:
    arts: list[Article] = []
    stories: list[Story] = []
    for name, texts in TOPICS.items():
        ids = [f"{name}-{k}" for k in range(len(texts))]
        arts += [Article(id=i, text=t, outlet=f"Outlet {k}") for k, (i, t) in enumerate(zip(ids, texts))]
        stories.append(Story(id=f"s-{name}", articles=ids, sources=len(ids)))
    return arts, stories


def pid_brief(articles: list[Article], *, words: int = 120):
    """A quick brief (no facts stage) whose headline names the process that wrote it."""
    from crosswire.brief import build_brief

    return dataclasses.replace(build_brief(articles, [], None, words=words), headline=f"pid {os.getpid()}")


def spinning_on_fair(articles: list[Article], *, words: int = 120):
    """Burns CPU without end on one story (a pathological story); the others are quick."""
    if any(a.id.startswith("fair") for a in articles):
        while True:
            pass
    return pid_brief(articles, words=words)


def waiting_on_fair(articles: list[Article], *, words: int = 120):
    """Waits on one story without computing, as a worker waits for a core on a loaded machine."""
    if any(a.id.startswith("fair") for a in articles):
        time.sleep(1.5)
    return pid_brief(articles, words=words)


def _pids(outcomes: list[batch.StoryOutcome]) -> list[str]:
    return [o.headline for o in outcomes]


def test_a_worker_is_replaced_after_its_quota_of_stories(tmp_path: Path) -> None:
    arts, stories = _pile()
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="json", jobs=1, timeout=600.0,
                                   brief_fn=pid_brief, recycle_after=2)
    assert all(o.ok and o.mode == "full" for o in outcomes)
    pids = _pids(outcomes)  # biggest story first, then in order: two per worker
    assert pids[0] == pids[1] != pids[2] == pids[3]
    assert str(os.getpid()) not in pids[0]


def test_without_recycling_one_worker_briefs_every_story(tmp_path: Path) -> None:
    arts, stories = _pile()
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="json", jobs=1, timeout=600.0,
                                   brief_fn=pid_brief, recycle_after=None)
    assert len(set(_pids(outcomes))) == 1


def test_recycled_workers_write_the_same_briefs(tmp_path: Path) -> None:
    from crosswire.brief import build_brief
    from crosswire.brief.render import render

    arts, stories = _pile()
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="json", jobs=2, timeout=600.0,
                                   brief_fn=pid_brief, recycle_after=1)
    by_id = {a.id: a for a in arts}
    for o in outcomes:
        members = [by_id[i] for i in o.story.articles]
        expected = json.loads(render(build_brief(members, [], None, words=120), "json"))
        got = json.loads(o.path.read_text(encoding="utf-8"))
        assert got["summary"] == expected["summary"] and got["articles"] == expected["articles"]
    assert len(set(_pids(outcomes))) == len(outcomes)  # one fresh process per story


def test_a_story_that_burns_cpu_falls_back_to_a_summary(tmp_path: Path) -> None:
    arts, stories = _pile()
    # a wall-clock backstop far away: only the CPU limit can stop the story
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="md", jobs=2, timeout=1.0, per_article=0.0,
                                   brief_fn=spinning_on_fair, wall_factor=1000.0)
    status = {o.story.id: o for o in outcomes}
    fair = status["s-fair"]
    assert fair.ok and fair.mode == "summary" and "longer than 1 CPU s" in fair.error
    assert fair.cpu >= 1.0
    assert "Brisa" in fair.path.read_text(encoding="utf-8")
    assert all(status[s].mode == "full" for s in ("s-dam", "s-choir", "s-ferry"))


def test_a_story_kept_waiting_is_not_cut_at_its_cpu_limit(tmp_path: Path) -> None:
    """Wall time spent without computing (a loaded machine) does not count against the limit."""
    arts, stories = _pile()
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="md", jobs=2, timeout=0.5, per_article=0.0,
                                   brief_fn=waiting_on_fair, wall_factor=40.0)
    status = {o.story.id: o for o in outcomes}
    assert status["s-fair"].mode == "full" and status["s-fair"].error is None
    assert status["s-fair"].seconds > 0.5 > status["s-fair"].cpu


def test_a_story_stalled_past_the_wall_backstop_falls_back(tmp_path: Path) -> None:
    arts, stories = _pile()
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="md", jobs=2, timeout=0.5, per_article=0.0,
                                   brief_fn=waiting_on_fair, wall_factor=1.0)
    fair = next(o for o in outcomes if o.story.id == "s-fair")
    assert fair.mode == "summary" and "longer than" in fair.error


def test_cpu_seconds_of_this_process_are_read():
    used = cpu_seconds(os.getpid())
    assert used is not None and 0.0 < used <= time.process_time() + 0.05
    assert cpu_seconds(2**22 + 12345) is None  # no such process
