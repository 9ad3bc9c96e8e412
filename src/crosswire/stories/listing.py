"""The story list as Markdown, and the helpers the story and brief lists share."""

from __future__ import annotations

from datetime import date

from crosswire.model import Article, Story
from crosswire.stories.profiles import StoriesResult, StoryProfile
from crosswire.text.safe import md_code, md_inline

__all__ = ["stories_markdown"]


def sid_key(sid: str) -> int:
    return int(sid[1:]) if sid[1:].isdigit() else 0


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


def profile_story(profile: StoryProfile) -> Story:
    return Story(
        id=profile.id,
        articles=list(profile.articles),
        headline=profile.headline,
        outlets=list(profile.outlets),
        first_date=_iso(profile.first_day),
        last_date=_iso(profile.last_day),
        sources=max(1, len(profile.roots)) if profile.articles else 0,
    )


# ---------------------------------------------------------------------------
# Output


def headline_of(story: Story, by_id: dict[str, Article]) -> str:
    if story.headline:
        return story.headline
    for aid in story.articles:
        a = by_id.get(aid)
        if a is not None and a.text.strip():
            words = a.text.split()
            return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
    return story.id


def dates_text(story: Story) -> str:
    if not story.first_date:
        return "no date"
    if story.first_date == story.last_date:
        return story.first_date
    return f"{story.first_date} to {story.last_date}"


def stories_markdown(articles: list[Article], result: StoriesResult) -> str:
    """The stories ranked by independent sources, then the pages set aside as noise."""
    by_id = {a.id: a for a in articles}
    n = len(result.stories)
    lines = [f"# {n} stor{'ies' if n != 1 else 'y'} from {len(articles)} item{'s' if len(articles) != 1 else ''}", ""]
    for k, s in enumerate(result.stories, 1):  # ranked; the id is the one the JSONL rows give
        lines.append(f"## {k}. {md_inline(headline_of(s, by_id))} ({md_code(s.id)})")
        lines.append("")
        outlets = ", ".join(md_inline(o) for o in s.outlets) or "unknown outlets"
        lines.append(
            f"- {len(s.articles)} article{'s' if len(s.articles) != 1 else ''}, "
            f"{s.sources} independent source{'s' if s.sources != 1 else ''}; {outlets}; {dates_text(s)}"
        )
        for aid in s.articles:
            a = by_id.get(aid)
            if a is None:
                lines.append(f"  - {md_code(aid)} (earlier batch)")
                continue
            label = md_inline(a.title or " ".join(a.text.split()[:10]))
            meta = ", ".join(md_inline(x) for x in (a.outlet, a.published) if x)
            lines.append(f"  - {md_code(aid)} {label}" + (f" ({meta})" if meta else ""))
        lines.append("")
    if result.noise:
        lines.append(f"## Not articles ({len(result.noise)})")
        lines.append("")
        for aid in result.noise:
            a = by_id.get(aid)
            snippet = md_inline(" ".join(a.text.split()[:12])) if a is not None else ""
            lines.append(f"- {md_code(aid)} {snippet}")
        lines.append("")
    return "\n".join(lines)
