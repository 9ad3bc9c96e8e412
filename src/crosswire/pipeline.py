"""The whole path for one story: articles -> copies -> facts -> brief.

Pure functions over the model's dataclasses, so a CLI call, a web request or a
Spark task can run them alike.
"""

from __future__ import annotations

from .model import Article, Brief

__all__ = ["brief_for"]


def brief_for(articles: list[Article], *, words: int = 120, progress=None) -> Brief:
    """Run copies, facts and brief on the cleaned articles of one story."""
    from . import brief, copies, facts

    def step(name: str) -> None:
        if progress is not None:
            progress(name)

    if articles:  # NER models load in the background while the copies stage runs
        from .entities import language_of, preload

        preload({language_of(a) for a in articles})
    step("copies")
    groups = copies.find_copies(articles)
    step("facts")
    sheet = facts.analyze(articles, groups)
    step("brief")
    return brief.build_brief(articles, groups, sheet, words=words)
