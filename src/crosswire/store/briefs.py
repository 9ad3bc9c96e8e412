"""Briefs from a store: a story's brief is rebuilt only when its set of articles changed."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select, update

from crosswire.batch import BatchProgress, StoryOutcome, brief_stories, write_index
from crosswire.model import Story
from crosswire.store import query
from crosswire.store import schema as t
from crosswire.store.db import Store


@dataclass
class BriefsRun:
    built: list[str] = field(default_factory=list)  # stories whose brief was (re)written
    kept: list[str] = field(default_factory=list)  # stories whose brief was up to date
    failed: list[str] = field(default_factory=list)
    index: Path | None = None


def _file_name(sid: str, fmt: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9_.-]", "_", sid) + "." + {"md": "md", "html": "html", "json": "json"}[fmt]


def _set_hash(uids: list[str], hashes: dict[str, str]) -> str:
    h = hashlib.sha256()
    for uid in sorted(uids):
        h.update(f"{uid}:{hashes.get(uid, '')}\n".encode())
    return h.hexdigest()


def write_store_briefs(
    store: Store,
    out_dir: str | Path,
    *,
    fmt: Literal["html", "md", "json"] = "html",
    min_articles: int = 2,
    jobs: int = 1,
    timeout: float | None = None,
    words: int = 120,
    progress: BatchProgress | None = None,
    brief_fn: Callable[..., Any] | None = None,
) -> BriefsRun:
    """Brief every story of ``min_articles`` or more whose articles changed since its last brief; write the index."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    run = BriefsRun()
    chosen = [s for s in query.stories(store) if len(s.articles) >= max(1, min_articles)]
    a, b = t.articles.c, t.briefs.c
    with store.engine.connect() as conn:
        hashes: dict[str, str] = {}
        uids = sorted({u for s in chosen for u in s.articles})
        for k in range(0, len(uids), 500):
            for r in conn.execute(select(a.uid, a.content_hash).where(a.uid.in_(uids[k : k + 500]))):
                hashes[r.uid] = r.content_hash
        done = {r.story_id: r for r in conn.execute(select(t.briefs).where(b.format == fmt))}
    outcomes: list[StoryOutcome] = []
    todo: list[Story] = []
    set_of: dict[str, str] = {}
    for s in chosen:
        set_of[s.id] = _set_hash(s.articles, hashes)
        prev = done.get(s.id)
        name = _file_name(s.id, fmt)
        if prev is not None and prev.articles_hash == set_of[s.id] and prev.error is None and (out / name).exists():
            run.kept.append(s.id)
            outcomes.append(
                StoryOutcome(
                    story=s,
                    articles=len(s.articles),
                    path=out / name,
                    mode=prev.mode or "full",
                    headline=prev.headline or "",
                    sources=prev.sources or s.sources,
                )
            )
        else:
            todo.append(s)
    members = query.articles(store, [u for s in todo for u in s.articles])

    def record(o: StoryOutcome) -> None:
        sid = o.story.id
        body = None
        if fmt == "json" and o.ok and o.path is not None:  # the brief itself, for readers of the store (web app)
            try:
                body = o.path.read_text(encoding="utf-8")
            except OSError:
                body = None
        values = {
            "body": body,
            "articles_hash": set_of[sid],
            "article_ids": json.dumps(o.story.articles),
            "built": time.time(),
            "path": o.path.name if o.path else None,
            "headline": o.headline or o.story.headline,
            "sources": o.sources,
            "mode": o.mode,
            "error": o.error if not o.ok else None,
        }
        with store.engine.begin() as conn:
            n = conn.execute(update(t.briefs).where(b.story_id == sid, b.format == fmt).values(**values)).rowcount
            if not n:
                conn.execute(t.briefs.insert().values(story_id=sid, format=fmt, **values))
        (run.built if o.ok else run.failed).append(sid)

    if todo:
        outcomes += brief_stories(
            todo,
            members,
            out,
            fmt=fmt,
            min_articles=1,
            jobs=jobs,
            timeout=timeout,
            words=words,
            progress=progress,
            on_story=record,
            brief_fn=brief_fn,
        )
    index_articles = query.articles(store, [u for s in chosen for u in s.articles[:1]])
    run.index = write_index(outcomes, index_articles, [], out, fmt=fmt)
    return run


@dataclass
class KeptBrief:
    """A story's brief as the store keeps it (format ``json``: ``body`` is the contract's JSON)."""

    story_id: str
    articles_hash: str  # of the article set it was built from
    article_ids: list[str]
    body: str | None  # None when it could not be built (``error`` says why) or was built before bodies were kept
    built: float
    mode: str | None
    error: str | None
    headline: str | None
    sources: int | None


def articles_hash(store: Store, uids: list[str]) -> str:
    """The hash of an article set as briefs record it: a brief is stale when its set's hash changed."""
    a = t.articles.c
    hashes: dict[str, str] = {}
    want = sorted(set(uids))
    with store.engine.connect() as conn:
        for k in range(0, len(want), 500):
            for r in conn.execute(select(a.uid, a.content_hash).where(a.uid.in_(want[k : k + 500]))):
                hashes[r.uid] = r.content_hash
    return _set_hash(uids, hashes)


def kept_brief(store: Store, story_id: str, fmt: str = "json") -> KeptBrief | None:
    """The brief the store keeps for a story (None if it has none)."""
    b = t.briefs.c
    with store.engine.connect() as conn:
        r = conn.execute(select(t.briefs).where(b.story_id == story_id, b.format == fmt)).first()
    if r is None:
        return None
    return KeptBrief(
        story_id=r.story_id,
        articles_hash=r.articles_hash,
        article_ids=json.loads(r.article_ids or "[]"),
        body=r.body,
        built=float(r.built),
        mode=r.mode,
        error=r.error,
        headline=r.headline,
        sources=r.sources,
    )


def keep_brief(
    store: Store,
    story_id: str,
    *,
    article_ids: list[str],
    set_hash: str,
    body: str | None,
    mode: str | None = "full",
    headline: str | None = None,
    sources: int | None = None,
    error: str | None = None,
    fmt: str = "json",
) -> None:
    """Store (or replace) a story's brief; ``body`` None with ``error`` records a story that could not be briefed."""
    b = t.briefs.c
    values = {
        "articles_hash": set_hash,
        "article_ids": json.dumps(article_ids),
        "built": time.time(),
        "path": None,
        "headline": headline,
        "sources": sources,
        "mode": mode,
        "error": error,
        "body": body,
    }
    with store.engine.begin() as conn:
        n = conn.execute(update(t.briefs).where(b.story_id == story_id, b.format == fmt).values(**values)).rowcount
        if not n:
            conn.execute(t.briefs.insert().values(story_id=story_id, format=fmt, **values))


def build_story_brief(
    store: Store,
    story: Story,
    *,
    timeout: float | None = 120.0,
    words: int = 120,
    brief_fn: Callable[..., Any] | None = None,
) -> KeptBrief | None:
    """Brief one story now (as ``crosswire briefs`` would: bounded by ``timeout`` CPU seconds, then summary-only)
    and keep it in the store; returns what was kept."""
    import tempfile

    members = query.articles(store, story.articles)
    uids = [m.id for m in members]
    set_hash = articles_hash(store, uids)
    with tempfile.TemporaryDirectory(prefix="crosswire-brief-") as tmp:
        outcome = brief_stories(
            [story], members, tmp, fmt="json", min_articles=1, jobs=1, timeout=timeout, words=words, brief_fn=brief_fn
        )[0]
        body = outcome.path.read_text(encoding="utf-8") if outcome.ok and outcome.path is not None else None
    keep_brief(
        store,
        story.id,
        article_ids=uids,
        set_hash=set_hash,
        body=body,
        mode=outcome.mode,
        headline=outcome.headline or story.headline,
        sources=outcome.sources or story.sources,
        error=None if body is not None else (outcome.error or "no brief written"),
    )
    return kept_brief(store, story.id)
