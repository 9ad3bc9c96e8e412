"""Outputs survive full disks, kills and reruns; signals and resources are handled like Ctrl-C."""

from __future__ import annotations

import errno
import json
import os
import re
import signal
from pathlib import Path

import pytest

from crosswire import batch
from crosswire import cli
from crosswire.cli import main
from crosswire.model import Article
from crosswire.text import atomic

pytest.importorskip("crosswire.facts")

STORIES = {
    "harbour": ["Sixty firefighters fought a fire in a Linmouth port warehouse on Friday night, the fire service said.",
                "A blaze in a warehouse at the port of Linmouth on Friday was fought by 60 firefighters overnight."],
    "orchestra": ["The Selby youth orchestra will tour four cities in the spring, its director Amara Quist said.",
                  "Amara Quist said the Selby youth orchestra of 70 players will visit four cities this spring."],
}


def _articles(tag: str = "") -> list[Article]:
    return [Article(id=f"{name}-{k}-run{tag}", text=t, outlet=f"Outlet {k}")
            for name, texts in STORIES.items() for k, t in enumerate(texts)]


def quick_brief(articles: list[Article], *, words: int = 120):
    from crosswire.brief import build_brief

    return build_brief(articles, [], None, words=words)


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs (not even the index)."""


def killed_after_first(articles: list[Article], *, words: int = 120):
    if any(a.id.startswith("orchestra") for a in articles):
        raise Killed()
    return quick_brief(articles, words=words)


def _full_disk(monkeypatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", fsync)


def test_a_full_disk_leaves_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "brief.md"
    target.write_text("the good brief\n", encoding="utf-8")
    _full_disk(monkeypatch)
    assert cli._write("a new brief that does not fit\n", str(target)) is False
    assert target.read_text(encoding="utf-8") == "the good brief\n"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]  # no temporary file left


def test_a_full_disk_leaves_the_old_index_whole(tmp_path: Path, monkeypatch) -> None:
    batch.write_briefs(_articles(), tmp_path, fmt="md", progress=False, brief_fn=quick_brief)
    before = (tmp_path / "index.md").read_text(encoding="utf-8")
    _full_disk(monkeypatch)
    with pytest.raises(OSError):
        batch.write_index([], _articles(), [], tmp_path, fmt="md")
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == before


def _linked(out: Path, fmt: str = "md") -> list[Path]:
    index = json.loads((out / "index.json").read_text()) if fmt == "json" else None
    if index is not None:
        return [out / s["href"] for s in index["stories"]]
    return [out / h for h in re.findall(r"\]\(([^)]+)\)", (out / "index.md").read_text(encoding="utf-8"))]


def test_a_rerun_leaves_only_the_briefs_its_index_lists(tmp_path: Path) -> None:
    batch.write_briefs(_articles("1"), tmp_path, fmt="md", progress=False, brief_fn=quick_brief)
    batch.write_briefs(_articles("2"), tmp_path, fmt="md", progress=False, brief_fn=quick_brief)
    linked = _linked(tmp_path)
    on_disk = [p for p in tmp_path.rglob("*.md") if p.name != "index.md"]
    assert len(linked) == 2 and sorted(linked) == sorted(on_disk)
    assert all("run2" in p.read_text(encoding="utf-8") for p in linked)


def test_a_killed_run_leaves_the_old_index_and_its_own_briefs(tmp_path: Path) -> None:
    batch.write_briefs(_articles("1"), tmp_path, fmt="md", progress=False, brief_fn=quick_brief)
    with pytest.raises(Killed):
        batch.write_briefs(_articles("2"), tmp_path, fmt="md", progress=False, brief_fn=killed_after_first)
    linked = _linked(tmp_path)
    assert len(linked) == 2
    assert all(p.is_file() and "run1" in p.read_text(encoding="utf-8") for p in linked)
    # the next complete run clears what the killed one left
    batch.write_briefs(_articles("3"), tmp_path, fmt="md", progress=False, brief_fn=quick_brief)
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 1


def test_sigterm_writes_the_index_of_the_finished_briefs(tmp_path: Path) -> None:
    restore = cli.terminate_like_interrupt()
    try:
        with pytest.raises(cli.Terminated):
            batch.write_briefs(_articles(), tmp_path, fmt="json", progress=False, brief_fn=terminated_on_orchestra)
    finally:
        restore()
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert index["interrupted"] is True and len(index["stories"]) == 1
    assert all((tmp_path / s["href"]).is_file() for s in index["stories"])


def terminated_on_orchestra(articles: list[Article], *, words: int = 120):
    if any(a.id.startswith("orchestra") for a in articles):
        os.kill(os.getpid(), signal.SIGTERM)
    return quick_brief(articles, words=words)


@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_briefs_and_index_get_the_mode_the_umask_gives(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        written = batch.write_briefs(_articles(), tmp_path / "out", fmt="html", progress=False, brief_fn=quick_brief)
    finally:
        os.umask(old)
    assert written and {p.stat().st_mode & 0o777 for p in written} == {0o666 & ~mask}


def test_jobs_are_capped_at_the_cores(tmp_path: Path, monkeypatch, capsys) -> None:
    seen: dict = {}

    def fake(articles, out, **kw):
        seen.update(kw)
        return []

    monkeypatch.setattr(batch, "write_briefs", fake)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": a.id, "text": a.text}) for a in _articles()) + "\n", encoding="utf-8")
    cores = len(os.sched_getaffinity(0))
    assert main(["briefs", str(src), "-o", str(tmp_path / "out"), "--jobs", str(cores + 62), "-q"]) == 0
    assert seen["jobs"] == cores and f"lowered to {cores}" in capsys.readouterr().err


def test_atomic_write_follows_links_keeps_modes_and_writes_devices(tmp_path: Path, capfd) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic.write_text(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n" and real.stat().st_mode & 0o777 == 0o600
    atomic.write_text("/dev/stdout", "to the terminal\n")
    assert "to the terminal" in capfd.readouterr().out


def test_sighup_stops_a_run_like_sigterm_and_the_handlers_are_put_back() -> None:
    before = signal.getsignal(signal.SIGHUP), signal.getsignal(signal.SIGTERM)
    restore = cli.terminate_like_interrupt()
    try:
        with pytest.raises(cli.Terminated) as stopped:
            os.kill(os.getpid(), signal.SIGHUP)
            signal.pause()  # not reached: the handler raises first
    finally:
        restore()
    assert stopped.value.signum == signal.SIGHUP and isinstance(stopped.value, KeyboardInterrupt)
    assert (signal.getsignal(signal.SIGHUP), signal.getsignal(signal.SIGTERM)) == before


def test_a_rerun_over_briefs_of_an_earlier_version_removes_the_ones_its_index_linked(tmp_path: Path) -> None:
    (tmp_path / "s1.md").write_text("old brief\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("the user's own file\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# 1 story\n\n1. [Old](s1.md): 2 articles\n", encoding="utf-8")
    batch.write_briefs(_articles("2"), tmp_path, fmt="md", progress=False, brief_fn=quick_brief)
    assert not (tmp_path / "s1.md").exists() and (tmp_path / "notes.md").exists()
    assert all(p.is_file() for p in _linked(tmp_path))
