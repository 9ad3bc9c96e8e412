"""Batch briefing: sort a pile into stories, brief each story, write an index.

The last stage of ``crosswire briefs``.  :func:`write_briefs` runs the stories
stage, then :func:`brief_stories` (one brief per story of at least
``min_articles`` articles, through :func:`crosswire.pipeline.brief_for`) and
:func:`write_index` (the stories ranked by independent sources, each linking to
its brief).

Briefs of different stories are independent, so ``jobs=N`` briefs them in N
worker processes; each worker loads its models once and writes its briefs
itself (atomically: a brief file is either complete or absent), and the parent
writes the index at the end.  Biggest stories go first, so the run does not end
with one large story alone on one core.

What a user of a batch wants is every story that *can* be briefed, in bounded
time, and to know which could not:

* a story whose brief fails is reported on stderr, listed in the index as not
  briefed, and the others carry on;
* with worker processes, a story has ``timeout`` seconds (plus one second per
  article: big stories may take longer) of its worker's CPU time; past that
  its worker is stopped and the story gets a *summary-only* brief (copies and
  the extractive summary, without fact alignment, which is where the time of a
  pathological story goes), itself bounded by the same limit; if that fails
  too the story is listed as not briefed;
* Ctrl-C stops the workers, writes the index of the briefs finished so far and
  re-raises :class:`KeyboardInterrupt`.

Why CPU time: on a loaded machine a worker waits for a core, and a limit on
wall-clock time would send an honest story to the summary-only fallback for
no fault of its own.  The CPU time the worker spends on a story is what the
story costs, whatever else runs.  The parent reads it from ``/proc`` (or
psutil) while it waits; where neither can be read, the limit falls back to
wall-clock time.  A story that stalls without computing (a deadlock, a
machine swapping) uses no CPU, so wall-clock time still stops it at
``WALL_FACTOR`` times its limit.

Workers are recycled: after ``RECYCLE_AFTER`` stories a worker is retired
and a fresh one takes its place, so whatever a long run leaves behind in a
process (caches that only grow, memory the allocator does not give back:
about 45 MB over 2,800 stories) is bounded.  A fresh worker loads its models
again (about a second of CPU), which over 200 stories is noise.

Nothing here is global state: parallelism is an argument of the batch stage.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import re
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Literal

from crosswire.model import Article, Story
from crosswire.stories import StoriesResult, StoryIndex, cluster_stories
from crosswire.stories.listing import dates_text, headline_of, md_text, sid_key

__all__ = ["StoryOutcome", "BatchProgress", "write_briefs", "brief_stories", "write_index"]

Format = Literal["html", "md", "json"]
_EXT = {"html": "html", "md": "md", "json": "json"}

_INDEX_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crosswire: {{ stories|length }} {{ "story" if stories|length == 1 else "stories" }}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
li{margin:.6rem 0} .meta{color:#666;font-size:.9em} .noise{color:#888;font-size:.9em}
.partial{color:#a15c00}
</style></head><body>
<h1>{{ stories|length }} {{ "story" if stories|length == 1 else "stories" }}</h1>
<p class="meta">{{ n_articles }} items read; ranked by independent sources.{% if interrupted %}
<strong>The run was interrupted: this index lists the briefs finished before.</strong>{% endif %}</p>
<ol>
{% for s in stories %}<li><a href="{{ s.href }}">{{ s.headline }}</a>
<div class="meta">{{ s.articles }} articles, {{ s.sources }} independent sources{% if s.outlets %}; {{ s.outlets }}{% endif %}; {{ s.dates }}{% if s.note %}; <span class="partial">{{ s.note }}</span>{% endif %}</div></li>
{% endfor %}</ol>
{% if failed %}<h2>Not briefed ({{ failed|length }})</h2>
<ul class="noise">{% for f in failed %}<li>{{ f.headline }} ({{ f.articles }} articles: {{ f.ids }}): {{ f.error }}</li>{% endfor %}</ul>{% endif %}
{% if noise %}<h2>Not articles ({{ noise|length }})</h2>
<ul class="noise">{% for n in noise %}<li>{{ n }}</li>{% endfor %}</ul>{% endif %}
</body></html>
"""

_SUMMARY_ONLY = "summary only: the full brief took too long"

RECYCLE_AFTER = 200
"""Stories a worker process briefs before it is replaced by a fresh one (``None`` or 0: never)."""

WALL_FACTOR = 5.0
"""A story is also stopped when its wall-clock time reaches this many times its (CPU) limit.

Only for stories that stall without computing: an honest story would need the machine
loaded beyond five runnable processes per core it gets to reach it first.
"""

_TOO_LONG = "took longer than"  # how the error of a story stopped at its limit starts


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
        self._bar.update(task, total=max(1, articles), completed=max(1, articles), rate=f"{articles / max(seconds, 1e-9):,.1f} articles/s")


def _safe_name(sid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", sid)


def _err(msg: str) -> None:
    print(f"crosswire: {msg}", file=sys.stderr)


# --- one story ---------------------------------------------------------------------------------


def _brief_file(members: list[Article], path: Path, fmt: Format, words: int, mode: str,
                brief_fn: Callable[..., Any] | None, lang: str | None = "en") -> tuple[str, int]:
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

    text = render(b, fmt)
    fd, tmp = tempfile.mkstemp(prefix=".part-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return b.headline or "", b.sources


def _peak_mb() -> float:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    except (ImportError, OSError):
        return 0.0


def _run_task(task: tuple) -> tuple[str, str, int, float, float, str | None, float]:
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
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    try:
        _warm_up(languages)
        while True:
            task = conn.recv()
            if task is None:
                break
            # the story's limit runs from here, not from the worker's start-up: its CPU clock now
            conn.send(("started", time.process_time()))
            try:
                result = _run_task(task)
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


def _cpu_seconds(pid: int) -> float | None:
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


class _Worker:
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
        cpu = _cpu_seconds(self.proc.pid) if self.proc.pid is not None else None
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


def _languages(groups: Any) -> list[str]:
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


_PRELOAD = ["crosswire.batch", "crosswire.pipeline", "crosswire.copies", "crosswire.facts", "crosswire.brief",
            "crosswire.brief.render"]


def _context() -> Any:
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


# --- many stories ------------------------------------------------------------------------------


def brief_stories(
    stories: Sequence[Story],
    articles: Sequence[Article],
    out_dir: str | Path,
    *,
    fmt: Format = "html",
    min_articles: int = 2,
    jobs: int = 1,
    timeout: float | None = None,
    per_article: float = 1.0,
    words: int = 120,
    progress: BatchProgress | None = None,
    on_story: Callable[[StoryOutcome], None] | None = None,
    brief_fn: Callable[..., Any] | None = None,
    lang: str | None = "en",
    recycle_after: int | None = RECYCLE_AFTER,
    wall_factor: float = WALL_FACTOR,
) -> list[StoryOutcome]:
    """Write one brief per story of at least ``min_articles`` of ``articles``.

    ``jobs`` > 1 briefs stories in that many worker processes.  ``timeout``
    seconds plus ``per_article`` seconds per article of the worker's CPU time
    bound each story, and ``wall_factor`` times that of wall-clock time (see
    the module's docstring); the limit needs worker processes, so with
    ``jobs=1`` and a timeout one worker is used.  Past it the story gets a
    summary-only brief.  Each worker is replaced by a fresh one after
    ``recycle_after`` stories (``None`` or 0: never).  ``on_story`` is called
    with each outcome as it comes.  ``brief_fn(articles, words=...)`` replaces
    :func:`crosswire.pipeline.brief_for` (it must be importable by name, as
    workers are separate processes); ``lang`` is the reader's language.  Returns the outcomes, biggest story first.
    """
    if fmt not in _EXT:
        raise ValueError(f"unknown format {fmt!r}: use html, md or json")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    by_id = {a.id: a for a in articles}
    chosen: list[tuple[Story, list[Article]]] = []
    for s in stories:
        members = [by_id[a] for a in s.articles if a in by_id]
        if len(members) >= max(1, min_articles):
            chosen.append((s, members))
    chosen.sort(key=lambda sm: (-len(sm[1]), sid_key(sm[0].id)))
    outcomes = {s.id: StoryOutcome(story=s, articles=len(m)) for s, m in chosen}
    bar = progress or BatchProgress(False)
    task_bar = bar.stage("briefs", sum(len(m) for _, m in chosen))

    def record(result: tuple, mode: str, path: Path) -> bool:
        """Fold one attempt into its outcome; True when the story is settled."""
        sid, headline, sources, seconds, cpu, error, peak = result
        o = outcomes[sid]
        o.seconds += seconds
        o.cpu += cpu
        o.peak_mb = max(o.peak_mb, peak)
        if error is None:
            o.path, o.mode, o.headline, o.sources = path, mode, headline, sources
            return True
        if mode == "summary":
            o.error = f"{o.error}; summary-only brief: {error}" if o.error else error
        else:
            o.error = error
        return False

    def settle(sid: str) -> None:
        o = outcomes[sid]
        if not o.ok:
            _err(f"story {sid} ({o.articles} articles): not briefed: {o.error}")
        elif o.mode == "summary":
            _err(f"story {sid} ({o.articles} articles): {o.error}; wrote a summary-only brief")
        bar.advance(task_bar, o.articles)
        if on_story is not None:
            on_story(o)

    def make(s: Story, members: list[Article], mode: str) -> tuple:
        path = out / f"{_safe_name(s.id)}.{_EXT[fmt]}"
        return (s.id, members, str(path), fmt, words, mode, brief_fn, lang)

    if jobs <= 1 and not timeout:
        for s, members in chosen:
            task = make(s, members, "full")
            record(_run_task(task), "full", Path(task[2]))
            settle(s.id)
        return list(outcomes.values())

    ctx = _context()
    pending: list[tuple] = [make(s, m, "full") for s, m in chosen]
    pending.reverse()  # pop() from the end: biggest first
    workers: list[_Worker] = []
    n_workers = max(1, min(jobs, len(pending)))

    langs = [] if brief_fn is not None else _languages(m for _, m in chosen)  # a custom brief loads its own

    def limit_for(task: tuple) -> float | None:
        return timeout + per_article * len(task[1]) if timeout else None

    retired: list[_Worker] = []

    def hand_out(k: int) -> None:
        """Give worker ``k`` the next story, first replacing it with a fresh one if it is due."""
        if not pending:
            return
        w = workers[k]
        if recycle_after and w.briefed >= recycle_after:
            w.retire()  # idle now: it exits at once; joined at the end
            retired.append(w)
            w = workers[k] = _Worker(ctx, langs)
        nxt = pending.pop()
        w.send(nxt, limit_for(nxt))

    try:
        workers = [_Worker(ctx, langs) for _ in range(n_workers)] if pending else []
        for k in range(len(workers)):
            hand_out(k)
        while any(w.task is not None for w in workers):
            busy = [w for w in workers if w.task is not None]
            wait_for = min(w.wait_s(wall_factor) for w in busy)
            ready = wait([w.conn for w in busy], timeout=min(wait_for, 3600.0))
            for k, w in enumerate(workers):
                if w.task is None:
                    continue
                task = w.task
                sid, mode, path = task[0], task[5], Path(task[2])
                timed_out = False
                if w.conn in ready:
                    try:
                        result = w.conn.recv()
                        if isinstance(result, tuple) and result[:1] == ("started",):
                            w.started(result[1])
                            continue
                    except (EOFError, OSError):  # the worker died (killed, out of memory...)
                        w.stop(kill=True)
                        result = (sid, "", 0, 0.0, 0.0, f"its worker process died (exit code {w.proc.exitcode})", 0.0)
                        w = workers[k] = _Worker(ctx, langs)
                elif w.over(wall_factor):
                    wall, cpu = w.used()
                    w.stop(kill=True)
                    w = workers[k] = _Worker(ctx, langs)
                    limit = limit_for(task) or 0.0
                    unit = "s" if cpu is None else "CPU s"
                    result = (sid, "", 0, wall, cpu or 0.0, f"{_TOO_LONG} {limit:.0f} {unit}", 0.0)
                    timed_out = True
                else:
                    continue
                w.task = None
                settled = record(result, mode, path)
                if not settled and mode == "full" and timed_out:
                    s = outcomes[sid].story
                    pending.append(make(s, task[1], "summary"))  # next, on the freed worker
                else:
                    settle(sid)
                hand_out(k)
    finally:
        for w in workers:
            w.stop(kill=w.task is not None)
        for w in retired:
            w.join()
    return list(outcomes.values())


def write_index(
    outcomes: Sequence[StoryOutcome],
    articles: Sequence[Article],
    noise: Sequence[str],
    out_dir: str | Path,
    *,
    fmt: Format = "html",
    interrupted: bool = False,
) -> Path:
    """The index page: briefed stories ranked by independent sources, then those not briefed and the noise."""
    out = Path(out_dir)
    by_id = {a.id: a for a in articles}
    done = [o for o in outcomes if o.ok]
    done.sort(key=lambda o: (-o.sources, -o.articles, sid_key(o.story.id)))
    failed = [o for o in outcomes if not o.ok]
    entries = [
        {
            "id": o.story.id,
            "headline": o.headline or headline_of(o.story, by_id),
            "href": o.path.name if o.path else None,
            "articles": o.articles,
            "sources": o.sources or o.story.sources,
            "outlets": list(o.story.outlets),
            "first_date": o.story.first_date,
            "last_date": o.story.last_date,
            "mode": o.mode,
        }
        for o in done
    ]
    not_briefed = [
        {"id": o.story.id, "headline": headline_of(o.story, by_id), "articles": o.articles,
         "article_ids": [a for a in o.story.articles if a in by_id], "error": o.error or "unknown error"}
        for o in failed
    ]
    snippets = [f"{aid}: " + " ".join((by_id[aid].text if aid in by_id else "").split()[:12]) for aid in noise]
    if fmt == "json":
        path = out / "index.json"
        payload = {"stories": entries, "not_briefed": not_briefed, "noise": list(noise), "interrupted": interrupted}
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    elif fmt == "md":
        path = out / "index.md"
        lines = [f"# {len(entries)} stor{'ies' if len(entries) != 1 else 'y'}", "",
                 f"{len(articles)} item{'s' if len(articles) != 1 else ''} read; ranked by independent sources.", ""]
        if interrupted:
            lines += ["**The run was interrupted: this index lists the briefs finished before.**", ""]
        for k, e in enumerate(entries, 1):
            lines.append(
                f"{k}. [{md_text(e['headline'])}]({e['href']}): {e['articles']} articles, "
                f"{e['sources']} independent sources"
                + (f"; {', '.join(md_text(o) for o in e['outlets'])}" if e["outlets"] else "")
                + (f"; {_SUMMARY_ONLY}" if e["mode"] == "summary" else "")
            )
        if not_briefed:
            lines += ["", f"## Not briefed ({len(not_briefed)})", ""] + [
                f"- {md_text(f['headline'])} ({f['articles']} articles: {md_text(', '.join(f['article_ids']))}): "
                f"{md_text(f['error'])}"
                for f in not_briefed
            ]
        if snippets:
            lines += ["", f"## Not articles ({len(snippets)})", ""] + [f"- {md_text(n)}" for n in snippets]
        text = "\n".join(lines) + "\n"
    else:
        from jinja2 import Environment

        env = Environment(autoescape=True)
        view = [
            {
                "href": e["href"],
                "headline": e["headline"],
                "articles": e["articles"],
                "sources": e["sources"],
                "outlets": ", ".join(e["outlets"]),
                "dates": dates_text(Story(id=e["id"], articles=[], first_date=e["first_date"], last_date=e["last_date"])),
                "note": _SUMMARY_ONLY if e["mode"] == "summary" else "",
            }
            for e in entries
        ]
        failed_view = [dict(f, ids=", ".join(f["article_ids"])) for f in not_briefed]
        path = out / "index.html"
        text = env.from_string(_INDEX_HTML).render(
            stories=view, failed=failed_view, noise=snippets, n_articles=len(articles), interrupted=interrupted
        )
    path.write_text(text, encoding="utf-8")
    return path


def write_briefs(
    articles: list[Article],
    out_dir: str | Path,
    *,
    fmt: Format = "html",
    min_articles: int = 2,
    progress: bool | BatchProgress = True,
    state: StoryIndex | None = None,
    embedder: Any = None,
    jobs: int = 1,
    timeout: float | None = None,
    words: int = 120,
    on_story: Callable[[StoryOutcome], None] | None = None,
    lang: str | None = "en",
) -> list[Path]:
    """Cluster the articles, write one brief per story of ``min_articles`` or more, and an index.

    Returns the paths written, the index last.  ``jobs``, ``timeout`` and
    ``on_story`` are those of :func:`brief_stories`.  A story whose brief fails
    is reported on stderr and listed in the index as not briefed; the others
    are still written.  On Ctrl-C the index of the finished briefs is written
    and :class:`KeyboardInterrupt` re-raised.
    """
    if fmt not in _EXT:
        raise ValueError(f"unknown format {fmt!r}: use html, md or json")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    finished: list[StoryOutcome] = []

    def keep(o: StoryOutcome) -> None:
        finished.append(o)
        if on_story is not None:
            on_story(o)

    bar = progress if isinstance(progress, BatchProgress) else BatchProgress(bool(progress))
    owned = not isinstance(progress, BatchProgress)
    result: StoriesResult | None = None
    try:
        if owned:
            bar.__enter__()
        t0 = time.perf_counter()
        stask = bar.stage("stories", len(articles))
        result = cluster_stories(articles, state=state, embedder=embedder)
        bar.finish(stask, len(articles), time.perf_counter() - t0)
        outcomes = brief_stories(
            result.stories, articles, out, fmt=fmt, min_articles=min_articles, jobs=jobs,
            timeout=timeout, words=words, progress=bar, on_story=keep, lang=lang,
        )
    except KeyboardInterrupt:
        if owned:
            bar.__exit__(None, None, None)
            owned = False
        if result is not None:
            write_index(finished, articles, result.noise, out, fmt=fmt, interrupted=True)
        raise
    finally:
        if owned:
            bar.__exit__(None, None, None)
    index = write_index(outcomes, articles, result.noise, out, fmt=fmt)
    return [o.path for o in outcomes if o.path is not None] + [index]
