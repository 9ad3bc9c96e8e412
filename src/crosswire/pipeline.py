"""The whole path for one story: articles -> copies -> facts -> brief.

Pure functions over the model's dataclasses, so a CLI call, a web request or a
Spark task can run them alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from crosswire.model import Article, Brief

if TYPE_CHECKING:
    from crosswire.text.ner import NerWorker

__all__ = ["brief_for"]


def brief_for(
    articles: list[Article],
    *,
    words: int = 120,
    progress: Callable[[str], None] | None = None,
    ner: NerWorker | None = None,
    lang: str | None = "en",
) -> Brief:
    """Run copies, facts and brief on the cleaned articles of one story.

    ``ner``: a :class:`~crosswire.text.ner.NerWorker` the caller owns (and closes) to run the
    entity model in another process, started as early as the caller can (a one-shot
    command); without one the model runs in this process, loaded once and kept, which is
    what a long-lived caller (a web service, a Spark executor) wants.  ``lang``: the reader's
    language (headline, summary and facts told from its reports where there are some).

    Pages that are not news and reports of another story (``read.setaside``) are set aside
    first: no stage sees them, and the brief lists them with their reasons.
    """
    from crosswire.model import SetAside
    from crosswire.read.setaside import set_aside

    def step(name: str) -> None:
        if progress is not None:
            progress(name)

    verdicts = set_aside(articles)  # never all of them
    out = {v.article for v in verdicts}
    by_id = {a.id: a for a in articles}
    b = _brief_for([a for a in articles if a.id not in out], words=words, step=step, ner=ner, lang=lang)
    b.set_aside = [SetAside(by_id[v.article], v.kind, v.reason) for v in verdicts]
    return b


def _brief_for(
    articles: list[Article], *, words: int, step: Callable[[str], None], ner: NerWorker | None, lang: str | None
) -> Brief:
    from crosswire import brief, copies, facts
    from crosswire.facts import entities

    if ner is None:
        if articles:  # NER models load in the background while the copies stage runs
            entities.preload({entities.language_of(a) for a in articles})
        step("copies")
        groups = copies.find_copies(articles)
        step("facts")
        sheet = facts.analyze(articles, groups, lang=lang)
        step("brief")
        return brief.build_brief(articles, groups, sheet, words=words, lang=lang)

    # The worker reads the paragraphs as soon as spaCy is loaded; the brief does not read
    # the entities, so they are asked for last.
    pending = entities.Pending(articles, ner)
    step("copies")
    groups = copies.find_copies(articles)
    step("facts")
    sheet = facts.analyze(articles, groups, entities=pending, lang=lang)
    step("brief")
    b = brief.build_brief(articles, groups, sheet, words=words, lang=lang)
    return dataclasses.replace(b, facts=dataclasses.replace(b.facts, entities=pending.result()))
