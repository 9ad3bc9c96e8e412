"""The briefs index (HTML, Markdown or JSON) and the run generations: each run writes into a new
subdirectory, and the index is replaced atomically at the end."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from datetime import UTC
from pathlib import Path
from typing import Any
from urllib.parse import quote

from crosswire.batch.workers import SUMMARY_ONLY, Format, StoryOutcome
from crosswire.model import Article, Story
from crosswire.stories.listing import dates_text, headline_of, sid_key
from crosswire.text.atomic import write_text
from crosswire.text.safe import md_inline

__all__ = ["write_index", "GENERATION"]
EXT = {"html": "html", "md": "md", "json": "json"}

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
{% for s in stories %}<li><a href="{{ s.href }}" dir="auto">{{ s.headline }}</a>
<div class="meta">{{ s.articles }} articles, {{ s.sources }} independent sources{#
#}{% if s.outlets %}; <bdi>{{ s.outlets }}</bdi>{% endif %}; {{ s.dates }}{#
#}{% if s.note %}; <span class="partial">{{ s.note }}</span>{% endif %}</div></li>
{% endfor %}</ol>
{% if failed %}<h2>Not briefed ({{ failed|length }})</h2>
<ul class="noise">{% for f in failed %}<li><bdi>{{ f.headline }}</bdi> ({{ f.articles }} articles: {#
#}{{ f.ids }}): {{ f.error }}</li>{% endfor %}</ul>{% endif %}
{% if noise %}<h2>Not articles ({{ noise|length }})</h2>
<ul class="noise">{% for n in noise %}<li dir="auto">{{ n }}</li>{% endfor %}</ul>{% endif %}
</body></html>
"""


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
    entries: list[dict[str, Any]] = [
        {
            "id": o.story.id,
            "headline": o.headline or headline_of(o.story, by_id),
            "href": _href(o.path, out) if o.path else None,
            "articles": o.articles,
            "sources": o.sources or o.story.sources,
            "outlets": list(o.story.outlets),
            "first_date": o.story.first_date,
            "last_date": o.story.last_date,
            "mode": o.mode,
        }
        for o in done
    ]
    not_briefed: list[dict[str, Any]] = [
        {
            "id": o.story.id,
            "headline": headline_of(o.story, by_id),
            "articles": o.articles,
            "article_ids": [a for a in o.story.articles if a in by_id],
            "error": o.error or "unknown error",
        }
        for o in failed
    ]
    snippets = [f"{aid}: " + " ".join((by_id[aid].text if aid in by_id else "").split()[:12]) for aid in noise]
    if fmt == "json":
        path = out / "index.json"
        payload = {"stories": entries, "not_briefed": not_briefed, "noise": list(noise), "interrupted": interrupted}
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    elif fmt == "md":
        path = out / "index.md"
        lines = [
            f"# {len(entries)} stor{'ies' if len(entries) != 1 else 'y'}",
            "",
            f"{len(articles)} item{'s' if len(articles) != 1 else ''} read; ranked by independent sources.",
            "",
        ]
        if interrupted:
            lines += ["**The run was interrupted: this index lists the briefs finished before.**", ""]
        for k, e in enumerate(entries, 1):
            lines.append(
                f"{k}. [{md_inline(e['headline'])}]({quote(e['href'])}): {e['articles']} articles, "
                f"{e['sources']} independent sources"
                + (f"; {', '.join(md_inline(o) for o in e['outlets'])}" if e["outlets"] else "")
                + (f"; {SUMMARY_ONLY}" if e["mode"] == "summary" else "")
            )
        if not_briefed:
            lines += ["", f"## Not briefed ({len(not_briefed)})", ""] + [
                f"- {md_inline(f['headline'])} ({f['articles']} articles: {md_inline(', '.join(f['article_ids']))}): "
                f"{md_inline(f['error'])}"
                for f in not_briefed
            ]
        if snippets:
            lines += ["", f"## Not articles ({len(snippets)})", ""] + [f"- {md_inline(n)}" for n in snippets]
        text = "\n".join(lines) + "\n"
    else:
        from jinja2 import Environment

        from crosswire.text.safe import clean_chars

        env = Environment(autoescape=True, finalize=lambda x: clean_chars(x) if type(x) is str else x)
        view = [
            {
                "href": quote(e["href"]),
                "headline": e["headline"],
                "articles": e["articles"],
                "sources": e["sources"],
                "outlets": ", ".join(e["outlets"]),
                "dates": dates_text(
                    Story(id=e["id"], articles=[], first_date=e["first_date"], last_date=e["last_date"])
                ),
                "note": SUMMARY_ONLY if e["mode"] == "summary" else "",
            }
            for e in entries
        ]
        failed_view = [dict(f, ids=", ".join(f["article_ids"])) for f in not_briefed]
        path = out / "index.html"
        text = env.from_string(_INDEX_HTML).render(
            stories=view, failed=failed_view, noise=snippets, n_articles=len(articles), interrupted=interrupted
        )
    write_text(path, text)  # atomic: a reader sees the old index or the new one, never a fragment
    return path


def _href(path: Path, out: Path) -> str:
    """The link to a brief from the index in ``out``: its path relative to ``out``, with / separators."""
    try:
        return path.relative_to(out).as_posix()
    except ValueError:
        return path.name


GENERATION = re.compile(r"briefs-(html|md|json)-\d{8}-\d{6}\.\d{6}-[0-9a-f]{6}")
"""The name of a generation subdirectory (one run's briefs) in a ``briefs`` output directory."""


def new_generation(root: Path, fmt: str) -> Path:
    """A new, empty subdirectory of ``root`` for this run's briefs (a name no run used before)."""
    import secrets
    from datetime import datetime

    while True:  # UTC time to the microsecond: the names sort as the runs started
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S.%f")
        path = root / f"briefs-{fmt}-{stamp}-{secrets.token_hex(3)}"
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue


def drop_generations(root: Path, fmt: str, *, keep: Path, flat: Sequence[Path] = ()) -> None:
    """Remove the earlier generations of format ``fmt`` in ``root`` (the index no longer links them).

    Only those started before ``keep`` (by the time in their names): a run still going on in the same
    directory, started later, keeps its own.
    Briefs an index of an earlier version linked directly in ``root`` (before generations) are
    removed too: those named by the index being replaced, ``flat``.
    """
    try:
        entries = list(root.iterdir())
    except OSError:
        return
    for p in entries:
        m = GENERATION.fullmatch(p.name)
        if m and m.group(1) == fmt and p.name < keep.name and p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
    for p in flat:
        p.unlink(missing_ok=True)


def flat_briefs(root: Path, fmt: str) -> list[Path]:
    """The briefs the index in ``root`` links directly in ``root`` (as versions before generations wrote them)."""
    index = root / f"index.{EXT[fmt]}"
    try:
        text = index.read_text(encoding="utf-8")
        if fmt == "json":
            hrefs = [str(s.get("href") or "") for s in json.loads(text).get("stories", [])]
        else:
            hrefs = re.findall(r'href="([^"]+)"' if fmt == "html" else r"\]\(([^)\s]+)\)", text)
    except (OSError, ValueError, AttributeError):
        return []
    names = {h for h in hrefs if re.fullmatch(rf"[A-Za-z0-9_.-]+\.{EXT[fmt]}", h) and not h.startswith(".")}
    return [root / n for n in sorted(names) if n != index.name and (root / n).is_file()]
