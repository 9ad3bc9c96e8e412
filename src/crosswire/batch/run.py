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

import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from crosswire.batch.index import EXT, drop_generations, flat_briefs, new_generation, write_index
from crosswire.batch.workers import (
    RECYCLE_AFTER,
    TOO_LONG,
    WALL_FACTOR,
    BatchProgress,
    Format,
    StoryOutcome,
    Worker,
    report_error,
    run_task,
    safe_name,
    story_languages,
    worker_context,
)
from crosswire.model import Article, Story
from crosswire.stories import StoriesResult, StoryIndex, cluster_stories
from crosswire.stories.listing import sid_key

__all__ = ["write_briefs", "brief_stories"]


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
    workers are separate processes); ``lang`` is the reader's language.  Returns the outcomes,
    biggest story first.
    """
    if fmt not in EXT:
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
            report_error(f"story {sid} ({o.articles} articles): not briefed: {o.error}")
        elif o.mode == "summary":
            report_error(f"story {sid} ({o.articles} articles): {o.error}; wrote a summary-only brief")
        bar.advance(task_bar, o.articles)
        if on_story is not None:
            on_story(o)

    def make(s: Story, members: list[Article], mode: str) -> tuple:
        path = out / f"{safe_name(s.id)}.{EXT[fmt]}"
        return (s.id, members, str(path), fmt, words, mode, brief_fn, lang)

    if jobs <= 1 and not timeout:
        for s, members in chosen:
            task = make(s, members, "full")
            record(run_task(task), "full", Path(task[2]))
            settle(s.id)
        return list(outcomes.values())

    ctx = worker_context()
    pending: list[tuple] = [make(s, m, "full") for s, m in chosen]
    pending.reverse()  # pop() from the end: biggest first
    workers: list[Worker] = []
    n_workers = max(1, min(jobs, len(pending)))

    langs = [] if brief_fn is not None else story_languages(m for _, m in chosen)  # a custom brief loads its own

    def limit_for(task: tuple) -> float | None:
        return timeout + per_article * len(task[1]) if timeout else None

    retired: list[Worker] = []

    def hand_out(k: int) -> None:
        """Give worker ``k`` the next story, first replacing it with a fresh one if it is due."""
        if not pending:
            return
        w = workers[k]
        if recycle_after and w.briefed >= recycle_after:
            w.retire()  # idle now: it exits at once; joined at the end
            retired.append(w)
            w = workers[k] = Worker(ctx, langs)
        nxt = pending.pop()
        w.send(nxt, limit_for(nxt))

    try:
        workers = [Worker(ctx, langs) for _ in range(n_workers)] if pending else []
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
                        w = workers[k] = Worker(ctx, langs)
                elif w.over(wall_factor):
                    wall, cpu = w.used()
                    w.stop(kill=True)
                    w = workers[k] = Worker(ctx, langs)
                    limit = limit_for(task) or 0.0
                    unit = "s" if cpu is None else "CPU s"
                    result = (sid, "", 0, wall, cpu or 0.0, f"{TOO_LONG} {limit:.0f} {unit}", 0.0)
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
    brief_fn: Callable[..., Any] | None = None,
    lang: str | None = "en",
) -> list[Path]:
    """Cluster the articles, write one brief per story of ``min_articles`` or more, and an index.

    Returns the paths written, the index last.  ``jobs``, ``timeout``, ``on_story``
    and ``brief_fn`` are those of :func:`brief_stories`.  A story whose brief fails
    is reported on stderr and listed in the index as not briefed; the others
    are still written.  On Ctrl-C (or SIGTERM, which the command turns into a KeyboardInterrupt) the
    index of the finished briefs is written and :class:`KeyboardInterrupt` re-raised.

    Each run writes its briefs into a fresh *generation*, a subdirectory of ``out_dir``
    named ``briefs-FORMAT-TIME-RANDOM`` that no earlier run used; the index (replaced
    atomically at the end) links into it.  A run killed before its index is written
    leaves the earlier index and the briefs it links intact; once the new index is in
    place, the earlier generations of that format, which it does not list, are removed.
    """
    if fmt not in EXT:
        raise ValueError(f"unknown format {fmt!r}: use html, md or json")
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    out = new_generation(root, fmt)
    flat = flat_briefs(root, fmt)  # an index of an earlier version: its briefs go once the new index is in
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
            result.stories,
            articles,
            out,
            fmt=fmt,
            min_articles=min_articles,
            jobs=jobs,
            timeout=timeout,
            words=words,
            progress=bar,
            on_story=keep,
            brief_fn=brief_fn,
            lang=lang,
        )
    except KeyboardInterrupt:
        if owned:
            bar.__exit__(None, None, None)
            owned = False
        if result is not None:
            write_index(finished, articles, result.noise, root, fmt=fmt, interrupted=True)
            drop_generations(root, fmt, keep=out, flat=flat)
        raise
    finally:
        if owned:
            bar.__exit__(None, None, None)
    index = write_index(outcomes, articles, result.noise, root, fmt=fmt)
    drop_generations(root, fmt, keep=out, flat=flat)
    return [o.path for o in outcomes if o.path is not None] + [index]
