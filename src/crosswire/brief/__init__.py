"""The brief stage: a cited summary and all the sections of one story, and their renderings.

:mod:`~crosswire.brief.summary` builds the :class:`~crosswire.model.Brief`;
:mod:`~crosswire.brief.render` writes it as Markdown, the JSON contract or one HTML page
(``render.render(brief, fmt)``).
"""

from crosswire.brief.render import agreement_threshold, article_labels, render_html, render_markdown
from crosswire.brief.summary import (
    SummaryConfig,
    build_brief,
    choose_headline,
    compress,
    headline_from_sentence,
    is_faithful_compression,
    source_keys,
    summarize,
)

# fmt: off
__all__ = [
    "SummaryConfig",
    "build_brief",
    "summarize",
    "choose_headline",
    "headline_from_sentence",
    "compress",
    "is_faithful_compression",
    "source_keys",
    "render_markdown",
    "render_html",
    "agreement_threshold",
    "article_labels",
]
# fmt: on
