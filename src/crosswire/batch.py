"""Batch briefing: sort a pile into stories, brief each story, write an index.

The last stage of ``crosswire briefs``: :func:`write_briefs` runs the stories
stage, then :func:`crosswire.pipeline.brief_for` on every story of at least
``min_articles`` articles, writes one brief per story and an index ranking the
stories by independent sources, with a Rich progress bar showing articles per
second.  A story whose brief fails is reported and skipped, never losing the
others.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any, Literal

from .model import Article, Story
from .stories import StoryIndex, _dates, _headline, _md_text, _sid_key, cluster_stories

__all__ = ["write_briefs"]


_INDEX_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crosswire: {{ stories|length }} stories</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
li{margin:.6rem 0} .meta{color:#666;font-size:.9em} .noise{color:#888;font-size:.9em}
</style></head><body>
<h1>{{ stories|length }} stories</h1>
<p class="meta">{{ n_articles }} items read; ranked by independent sources.</p>
<ol>
{% for s in stories %}<li><a href="{{ s.href }}">{{ s.headline }}</a>
<div class="meta">{{ s.articles }} articles, {{ s.sources }} independent sources{% if s.outlets %}; {{ s.outlets }}{% endif %}; {{ s.dates }}</div></li>
{% endfor %}</ol>
{% if noise %}<h2>Not articles ({{ noise|length }})</h2>
<ul class="noise">{% for n in noise %}<li>{{ n }}</li>{% endfor %}</ul>{% endif %}
</body></html>
"""


class _Progress:
    """A Rich progress bar on stderr (or nothing)."""

    def __init__(self, enabled: bool) -> None:
        self._bar = None
        if enabled:
            try:
                from rich.console import Console
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

                self._bar = Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"),
                    TimeElapsedColumn(),
                    console=Console(stderr=True),
                    transient=False,
                )
            except Exception:
                self._bar = None

    def __enter__(self) -> "_Progress":
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def task(self, description: str, total: int) -> Any:
        if self._bar is None:
            return None
        return self._bar.add_task(description, total=total, rate="")

    def update(self, task: Any, *, advance: int = 0, description: str | None = None, rate: str = "") -> None:
        if self._bar is None or task is None:
            return
        kw: dict[str, Any] = {"advance": advance, "rate": rate}
        if description is not None:
            kw["description"] = description
        self._bar.update(task, **kw)


def _safe_name(sid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", sid)


def write_briefs(
    articles: list[Article],
    out_dir: str | Path,
    *,
    fmt: Literal["html", "md", "json"] = "html",
    min_articles: int = 2,
    progress: bool = True,
    state: StoryIndex | None = None,
    embedder: Any = None,
) -> list[Path]:
    """Cluster the articles, write one brief per story of ``min_articles`` or more, and an index.

    Returns the paths written, the index last.  A story whose brief fails is
    skipped with a one-line message on stderr; the others are still written.
    """
    from .model import to_json
    from .pipeline import brief_for

    if fmt not in ("html", "md", "json"):
        raise ValueError(f"unknown format {fmt!r}: use html, md or json")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    by_id = {a.id: a for a in articles}
    written: list[Path] = []
    entries: list[dict[str, Any]] = []
    ext = {"html": "html", "md": "md", "json": "json"}[fmt]
    with _Progress(progress) as bar:
        t0 = time.perf_counter()
        task = bar.task("stories", total=max(1, len(articles)))
        result = cluster_stories(articles, state=state, embedder=embedder)
        dt = time.perf_counter() - t0
        bar.update(task, advance=max(1, len(articles)), rate=f"{len(articles) / max(dt, 1e-9):,.0f} articles/s")
        chosen = [s for s in result.stories if len([a for a in s.articles if a in by_id]) >= max(1, min_articles)]
        n_arts = sum(len(s.articles) for s in chosen)
        btask = bar.task("briefs", total=max(1, n_arts))
        t1 = time.perf_counter()
        done = 0
        for s in chosen:
            members = [by_id[a] for a in s.articles if a in by_id]
            name = f"{_safe_name(s.id)}.{ext}"
            try:
                brief = brief_for(members)
                if fmt == "html":
                    from .render import render_html

                    text = render_html(brief)
                elif fmt == "md":
                    from .render import render_markdown

                    text = render_markdown(brief)
                else:
                    text = json.dumps(to_json(brief), ensure_ascii=False, indent=2)
                path = out / name
                path.write_text(text, encoding="utf-8")
                written.append(path)
                headline = brief.headline or _headline(s, by_id)
                entries.append(
                    {
                        "id": s.id,
                        "headline": headline,
                        "href": name,
                        "articles": len(members),
                        "sources": brief.sources or s.sources,
                        "outlets": list(s.outlets),
                        "first_date": s.first_date,
                        "last_date": s.last_date,
                    }
                )
            except Exception as e:  # one bad story must not lose the others
                print(f"crosswire: story {s.id}: brief failed: {e}", file=sys.stderr)
            done += len(members)
            rate = done / max(time.perf_counter() - t1, 1e-9)
            bar.update(btask, advance=len(members), rate=f"{rate:,.1f} articles/s")
    entries.sort(key=lambda e: (-e["sources"], -e["articles"], _sid_key(e["id"])))
    noise = [
        f"{aid}: " + " ".join((by_id[aid].text if aid in by_id else "").split()[:12]) for aid in result.noise
    ]
    if fmt == "json":
        index_path = out / "index.json"
        index_path.write_text(
            json.dumps({"stories": entries, "noise": result.noise}, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    elif fmt == "md":
        index_path = out / "index.md"
        lines = [f"# {len(entries)} stories", "", f"{len(articles)} items read; ranked by independent sources.", ""]
        for k, e in enumerate(entries, 1):
            lines.append(
                f"{k}. [{_md_text(e['headline'])}]({e['href']}): {e['articles']} articles, "
                f"{e['sources']} independent sources"
                + (f"; {', '.join(_md_text(o) for o in e['outlets'])}" if e["outlets"] else "")
            )
        if noise:
            lines += ["", f"## Not articles ({len(noise)})", ""] + [f"- {_md_text(n)}" for n in noise]
        index_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
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
                "dates": _dates(Story(id=e["id"], articles=[], first_date=e["first_date"], last_date=e["last_date"])),
            }
            for e in entries
        ]
        index_path = out / "index.html"
        index_path.write_text(
            env.from_string(_INDEX_HTML).render(stories=view, noise=noise, n_articles=len(articles)),
            encoding="utf-8",
        )
    written.append(index_path)
    return written
