"""The worker processes that brief stories: one story at a time each, under a CPU-time limit, with a
summary-only fallback, replaced after a quota of stories."""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal

from crosswire.model import Article, Story
from crosswire.text.atomic import write_text
from crosswire.text.safe import terminal

__all__ = ["StoryOutcome", "BatchProgress"]

Format = Literal["html", "md", "json"]

SUMMARY_ONLY = "summary only: the full brief took too long"

RECYCLE_AFTER = 200
"""Stories a worker process briefs before it is replaced by a fresh one (``None`` or 0: never)."""

WALL_FACTOR = 5.0
"""A story is also stopped when its wall-clock time reaches this many times its (CPU) limit.

Only for stories that stall without computing: an honest story would need the machine
loaded beyond five runnable processes per core it gets to reach it first.
"""

TOO_LONG = "took longer than"  # how the error of a story stopped at its limit starts


@dataclass(slots=True)
class StoryOutcome:
    """What became of one story in a batch.

    ``path`` is the brief written (``None`` if none could be); ``mode`` is
    ``"full"`` or ``"summary"`` (written without fact alignment after the full
    brief ran out of time); ``error`` says why the full brief was not written.
    ``seconds`` and ``cpu`` are the wall and CPU time the brief took in its
    process (the attempts added up; for an attempt stopped at its limit, what
    it had taken when it was stopped); ``peak_mb`` is the peak resident
    memory of that process so far.
    """

    story: Story
    articles: int
    path: Path | None = None
    mode: str = "full"
    headline: str = ""
    sources: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    peak_mb: float = 0.0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.path is not None


class BatchProgress:
    """A Rich progress bar on stderr with one line per stage and its articles per second.

    Disabled (every call a no-op) with ``enabled=False`` or without Rich.  Use
    as a context manager; :meth:`stage` adds a line, :meth:`advance` moves it.
    """

    def __init__(self, enabled: bool = True) -> None:
        self._bar: Any = None
        self._start: dict[Any, float] = {}
        self._done: dict[Any, int] = {}
        if enabled:
            try:
                from rich.console import Console
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

                self._bar = Progress(
                    TextColumn("{task.description:<8}"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"),
                    TimeElapsedColumn(),
                    console=Console(stderr=True),
                    transient=False,
                )
            except Exception:
                self._bar = None

    def __enter__(self) -> BatchProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def stage(self, name: str, total: int) -> Any:
        """A new line for stage ``name`` over ``total`` articles; returns its handle."""
        if self._bar is None:
            return None
        task = self._bar.add_task(name, total=max(1, total), rate="")
        self._start[task] = time.perf_counter()
        self._done[task] = 0
        return task

    def advance(self, task: Any, articles: int, note: str = "") -> None:
        """``articles`` more articles done in stage ``task``."""
        if self._bar is None or task is None:
            return
        self._done[task] += articles
        dt = max(time.perf_counter() - self._start[task], 1e-9)
        rate = f"{self._done[task] / dt:,.1f} articles/s" + (f"  {note}" if note else "")
        self._bar.update(task, advance=articles, rate=rate)

    def finish(self, task: Any, articles: int, seconds: float) -> None:
        """Mark stage ``task`` complete: ``articles`` in ``seconds``."""
        if self._bar is None or task is None:
            return
        self._bar.update(
            task,
            total=max(1, articles),
            completed=max(1, articles),
            rate=f"{articles / max(seconds, 1e-9):,.1f} articles/s",
        )


def safe_name(sid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", sid)


def report_error(msg: str) -> None:
    print(f"crosswire: {terminal(msg)}", file=sys.stderr)


# --- one story ---------------------------------------------------------------------------------


def _brief_file(
    members: list[Article],
    path: Path,
    fmt: Format,
    words: int,
    mode: str,
    brief_fn: Callable[..., Any] | None,
    lang: str | None = "en",
) -> tuple[str, int]:
    """Brief one story into ``path`` (atomically); returns (headline, independent sources).

    ``mode="summary"`` skips the facts stage: copies and the extractive summary only.
    """
    from crosswire.pipeline import brief_for

    if mode == "summary":
        from crosswire import brief as brief_stage
        from crosswire import copies

        groups = copies.find_copies(members)
        b = brief_stage.build_brief(members, groups, None, words=words, lang=lang)
    else:
        b = brief_fn(members, words=words) if brief_fn is not None else brief_for(members, words=words, lang=lang)
    from crosswire.brief.render import render

    write_text(path, render(b, fmt))  # complete or absent, and readable like any file the user writes
    return b.headline or "", b.sources


def _peak_mb() -> float:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    except (ImportError, OSError):
        return 0.0


def run_task(task: tuple) -> tuple[str, str, int, float, float, str | None, float]:
    """Brief one story, catching its failure: (story id, headline, sources, seconds, cpu, error, peak MB)."""
    sid, members, path, fmt, words, mode, brief_fn, lang = task
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        headline, sources = _brief_file(members, Path(path), fmt, words, mode, brief_fn, lang)
        error = None
    except Exception as e:  # one bad story must not lose the others
        headline, sources, error = "", 0, f"{type(e).__name__}: {e}"
    return sid, headline, sources, time.perf_counter() - t0, time.process_time() - c0, error, _peak_mb()


def _warm_up(languages: Sequence[str]) -> None:
    """Load the models a worker will need (NER for these languages) before its first story."""
    try:
        from crosswire.facts.entities import preload

        preload(set(languages)).join()
    except Exception:  # no model: the stages fall back, and report nothing here
        pass


def _worker(conn: Connection, languages: Sequence[str] = ()) -> None:
    """A worker process: load the models once, then brief the stories it is sent until it is sent ``None``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C, SIGTERM and SIGHUP, and stops us
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        _warm_up(languages)
        while True:
            task = conn.recv()
            if task is None:
                break
            # the story's limit runs from here, not from the worker's start-up: its CPU clock now
            conn.send(("started", time.process_time()))
            try:
                result = run_task(task)
            except Exception as e:  # a malformed task: report it rather than die
                sid = task[0] if isinstance(task, tuple) and task else "?"
                result = (sid, "", 0, 0.0, 0.0, f"{type(e).__name__}: {e}", 0.0)
            conn.send(result)
    except (EOFError, OSError, KeyboardInterrupt):
        pass


try:
    _CLK_TCK = float(os.sysconf("SC_CLK_TCK"))  # the unit of the CPU times in /proc/PID/stat
except (AttributeError, ValueError, OSError):
    _CLK_TCK = 100.0


def cpu_seconds(pid: int) -> float | None:
    """CPU seconds (user + system, all threads) a live process has used; None when unreadable."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLK_TCK
    except (OSError, IndexError, ValueError, ZeroDivisionError):
        pass
    try:
        import psutil

        t = psutil.Process(pid).cpu_times()
        return float(t.user + t.system)
    except Exception:  # no psutil, or the process is gone
        return None


class Worker:
    """One worker process and the story it is briefing, with that story's CPU and wall clocks."""

    def __init__(self, ctx: Any, languages: Sequence[str] = ()) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, list(languages)), daemon=True, name="crosswire-brief")
        self.proc.start()
        child.close()
        self.task: tuple | None = None
        self.limit = 0.0
        self.briefed = 0  # stories sent to this process
        self.t0: float | None = None  # wall clock when the story started (None: not yet)
        self.cpu0 = 0.0  # the worker's CPU clock when the story started

    def send(self, task: tuple, limit: float | None) -> None:
        self.task = task
        self.limit = limit or 0.0
        self.t0 = None  # the clocks run once the worker says it has started
        self.briefed += 1
        self.conn.send(task)

    def started(self, cpu: float) -> None:
        self.t0, self.cpu0 = time.monotonic(), cpu

    def used(self) -> tuple[float, float | None]:
        """Wall and CPU seconds the current story has taken so far (CPU None when unreadable)."""
        if self.t0 is None:
            return 0.0, 0.0
        wall = time.monotonic() - self.t0
        cpu = cpu_seconds(self.proc.pid) if self.proc.pid is not None else None
        return wall, None if cpu is None else max(0.0, cpu - self.cpu0)

    def over(self, wall_factor: float) -> bool:
        """Whether the current story is past its limit: CPU seconds, or wall seconds as a backstop."""
        if not self.limit or self.t0 is None:
            return False
        wall, cpu = self.used()
        if cpu is None:  # nothing to read the CPU time from: wall-clock time, as the limit's unit
            return wall >= self.limit
        return cpu >= self.limit or wall >= wall_factor * self.limit

    def wait_s(self, wall_factor: float) -> float:
        """How long the parent may wait before the current story could be past its limit."""
        if not self.limit or self.t0 is None:
            return float("inf")
        wall, cpu = self.used()
        left_wall = (wall_factor if cpu is not None else 1.0) * self.limit - wall
        # a process runs at most one CPU second per second on each thread: a single-threaded
        # story cannot pass its CPU limit before this; a threaded one by a little
        left = left_wall if cpu is None else min(left_wall, self.limit - cpu)
        return max(0.05, left)

    def retire(self) -> None:
        """Let the process exit once it is idle (it reads ``None`` and ends); :meth:`join` it later."""
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            self.proc.kill()
        self.conn.close()

    def join(self) -> None:
        """Wait for a retired process to end (killing it if it does not)."""
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                self.proc.kill()
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def story_languages(groups: Any) -> list[str]:
    """The languages whose NER models the workers should load up front."""
    try:
        from crosswire.facts.entities import language_of
    except ImportError:
        return []
    langs: set[str] = set()
    for members in groups:
        for a in members:
            try:
                lang = language_of(a)
            except Exception:
                continue
            if lang:
                langs.add(lang)
    return sorted(langs)


_PRELOAD = [
    "crosswire.batch",
    "crosswire.pipeline",
    "crosswire.copies",
    "crosswire.facts",
    "crosswire.brief",
    "crosswire.brief.render",
]


def worker_context() -> Any:
    """Where workers come from: a fork server that has imported the stages once (else plain spawn).

    Workers never inherit the parent's threads or locks (a progress bar's, a
    model loader's), and start in a fraction of a second.
    """
    try:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    except ValueError:
        return mp.get_context("spawn")
