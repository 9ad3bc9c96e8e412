"""Batch briefs: many stories briefed in worker processes, a failing or endless story never sinks the run."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from crosswire import batch
from crosswire.cli import main
from crosswire.model import Article, Story

pytest.importorskip("crosswire.facts")

HARBOUR = [
    "A fire broke out in a warehouse at the port of Linmouth on Friday night, and 60 firefighters fought it until dawn. "
    "The harbour master said two cargo ships were moved away from the quay as a precaution. "
    "No one was injured, but the warehouse roof collapsed, the fire service said.",
    "Sixty firefighters spent the night tackling a blaze in a Linmouth port warehouse that started on Friday. "
    "Two cargo ships were moved from the quay, according to the harbour master. "
    "The fire service said nobody was hurt although the roof of the warehouse fell in.",
]
ORCHESTRA = [
    "The Selby youth orchestra will tour four cities in the spring, its director Amara Quist announced on Monday. "
    "The 70 young musicians will play a new symphony by the composer Teodor Vahl. "
    "Tickets go on sale next week.",
    "Amara Quist, director of the Selby youth orchestra, said the ensemble of 70 players will visit four cities this spring. "
    "The programme includes a new symphony written for them by Teodor Vahl. "
    "Tickets are available from next week.",
]
TRAM = [
    "Trams in Corvale stopped for three hours on Wednesday after a power cut at the main depot. "
    "About 20,000 commuters were affected, the city transport company said. "
    "Buses replaced the trams on the two busiest lines until power returned.",
    "A power failure at the Corvale tram depot halted the whole network for three hours on Wednesday. "
    "The transport company estimated that 20,000 passengers were affected. "
    "Replacement buses ran on the two busiest lines.",
    "Corvale's trams are running again after Wednesday's three-hour power cut at the depot.",
]


def _articles() -> tuple[list[Article], list[Story]]:
    arts: list[Article] = []
    stories: list[Story] = []
    for name, texts in (("harbour", HARBOUR), ("orchestra", ORCHESTRA), ("tram", TRAM)):
        ids = [f"{name}-{k}" for k in range(len(texts))]
        arts += [Article(id=i, text=t, outlet=f"Outlet {k}") for k, (i, t) in enumerate(zip(ids, texts))]
        stories.append(Story(id=f"s-{name}", articles=ids, sources=len(ids)))
    return arts, stories


def quick_brief(articles: list[Article], *, words: int = 120):
    """The brief without the facts stage: keeps these tests quick (workers import it by name)."""
    from crosswire.brief import build_brief

    return build_brief(articles, [], None, words=words)


def failing_on_orchestra(articles: list[Article], *, words: int = 120):
    """A brief function that breaks on one story."""
    if any(a.id.startswith("orchestra") for a in articles):
        raise RuntimeError("simulated failure")
    return quick_brief(articles, words=words)


def endless_on_tram(articles: list[Article], *, words: int = 120):
    """A brief function that never finishes on one story (and briefs the others without facts, quickly)."""
    if any(a.id.startswith("tram") for a in articles):
        time.sleep(600)
    return quick_brief(articles, words=words)


def test_parallel_briefs_match_the_stories_and_are_complete(tmp_path: Path) -> None:
    arts, stories = _articles()
    seen: list[str] = []
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="json", jobs=2, timeout=None,
                                   on_story=lambda o: seen.append(o.story.id), brief_fn=quick_brief)
    assert sorted(seen) == ["s-harbour", "s-orchestra", "s-tram"]
    assert all(o.ok and o.mode == "full" and o.error is None for o in outcomes)
    assert outcomes[0].story.id == "s-tram"  # biggest story first
    for o in outcomes:
        brief = json.loads(o.path.read_text(encoding="utf-8"))
        ids = {a["id"] for a in brief["articles"]}
        assert ids == set(o.story.articles)
    assert not list(tmp_path.glob(".part-*"))  # no half-written file left behind


def test_a_failing_story_is_reported_and_skipped(tmp_path: Path, capsys) -> None:
    arts, stories = _articles()
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="md", jobs=2, brief_fn=failing_on_orchestra)
    status = {o.story.id: o for o in outcomes}
    assert not status["s-orchestra"].ok and "simulated failure" in status["s-orchestra"].error
    assert status["s-harbour"].ok and status["s-tram"].ok
    assert "s-orchestra" in capsys.readouterr().err
    index = batch.write_index(outcomes, arts, [], tmp_path, fmt="md").read_text(encoding="utf-8")
    assert "Not briefed (1)" in index and "orchestra-0" in index
    assert index.count("](s-") == 2  # the two briefs are linked, the failed story is not


def dying_on_harbour(articles: list[Article], *, words: int = 120):
    """A brief function whose process dies on one story (as when the system kills it for memory)."""
    import os

    if any(a.id.startswith("harbour") for a in articles):
        os._exit(3)
    return quick_brief(articles, words=words)


def test_a_worker_that_dies_loses_only_its_story(tmp_path: Path) -> None:
    arts, stories = _articles()
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="md", jobs=2, brief_fn=dying_on_harbour)
    status = {o.story.id: o for o in outcomes}
    assert not status["s-harbour"].ok and "died" in status["s-harbour"].error
    assert status["s-orchestra"].ok and status["s-tram"].ok


def test_a_story_that_never_ends_falls_back_to_a_summary(tmp_path: Path) -> None:
    arts, stories = _articles()
    # it sleeps, using no CPU: the wall-clock backstop (here 1 x the limit) stops it; the limit leaves the
    # other stories (whose workers load the parser) time to finish on a loaded machine
    outcomes = batch.brief_stories(stories, arts, tmp_path, fmt="html", jobs=2, timeout=8.0, per_article=0.0,
                                   brief_fn=endless_on_tram, wall_factor=1.0)
    status = {o.story.id: o for o in outcomes}
    tram = status["s-tram"]
    assert tram.ok and tram.mode == "summary" and "longer than" in tram.error
    assert "Corvale" in tram.path.read_text(encoding="utf-8")
    assert status["s-harbour"].mode == "full" and status["s-orchestra"].mode == "full"
    index = batch.write_index(outcomes, arts, [], tmp_path, fmt="html").read_text(encoding="utf-8")
    assert "summary only" in index


def test_in_process_and_parallel_write_the_same_briefs(tmp_path: Path) -> None:
    arts, stories = _articles()
    one = batch.brief_stories(stories, arts, tmp_path / "one", fmt="json", jobs=1, brief_fn=quick_brief)
    two = batch.brief_stories(stories, arts, tmp_path / "two", fmt="json", jobs=2, brief_fn=quick_brief)
    for a, b in zip(one, two):
        ja = json.loads(a.path.read_text(encoding="utf-8"))
        jb = json.loads(b.path.read_text(encoding="utf-8"))
        assert ja["summary"] == jb["summary"] and ja["headline"] == jb["headline"]


def test_briefs_command_writes_an_index_with_jobs(tmp_path: Path) -> None:
    src = tmp_path / "feed.jsonl"
    arts, _ = _articles()
    src.write_text("\n".join(json.dumps({"id": a.id, "text": a.text}) for a in arts) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["briefs", str(src), "-o", str(out), "--format", "md", "--jobs", "2", "-q"]) == 0
    index = (out / "index.md").read_text(encoding="utf-8")
    linked = [line for line in index.splitlines() if "](" in line]
    assert len(linked) >= 2
    for line in linked:
        name = line.split("](", 1)[1].split(")", 1)[0]
        assert (out / name).is_file()


def test_briefs_command_rejects_bad_jobs_and_unwritable_output(tmp_path: Path, capsys) -> None:
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"id": "x", "text": HARBOUR[0]}) + "\n", encoding="utf-8")
    assert main(["briefs", str(src), "-o", str(tmp_path / "o"), "--jobs", "0"]) == 2
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert main(["briefs", str(src), "-o", str(blocker / "sub"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "crosswire:" in err
