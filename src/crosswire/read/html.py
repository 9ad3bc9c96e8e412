"""Saved pages: the main text of an HTML page (trafilatura, with a fallback for a body split over
sibling containers), its metadata (title, date, site name, publisher, canonical URL), and the same
plain-text cleaning as :func:`crosswire.read.clean.clean_text`; size checks before any parsing.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from crosswire.model import Article
from crosswire.read.clean import MAX_TEXT_CHARS, TextTooLong, clean_text
from crosswire.read.meta import normalize_date
from crosswire.read.rules import (
    nwords,
)
from crosswire.text.safe import clean_chars

__all__ = ["clean_html", "html_metadata", "HtmlMeta"]


# --- HTML -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HtmlMeta:
    title: str | None = None
    site: str | None = None
    date: str | None = None
    url: str | None = None


_META_TAG = re.compile(r"<meta\b[^>]{0,2000}>", re.I)
_ATTR = re.compile(r"""([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_JSON_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_JSON_PUBLISHER = re.compile(r'"publisher"\s*:\s*\[?\s*\{[^{}]{0,400}?"name"\s*:\s*"([^"]{2,80})"')
_CANON = re.compile(r"""<link\b[^>]*rel=["']?canonical["']?[^>]*>""", re.I)
# fmt: off
_DATE_KEYS = (
    "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date",
    "dc.date.issued", "dcterms.date", "sailthru.date", "parsely-pub-date", "og:published_time",
    "article.published", "published_time", "cxenseparse:recs:publishtime",
)
# fmt: on


def html_metadata(html: str) -> HtmlMeta:
    """Title, site name, publication date and canonical URL from a page's meta tags (cheap)."""
    head = html[:400_000]
    metas: dict[str, str] = {}
    for tag in _META_TAG.findall(head):
        attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in metas:
            metas[key] = html_lib.unescape(attrs["content"]).strip()
    title = metas.get("og:title") or metas.get("twitter:title")
    if not title:
        m = _TITLE_TAG.search(head)
        title = html_lib.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else None
    site = metas.get("og:site_name") or metas.get("application-name")
    if not site:  # JSON-LD: "publisher": {"@type": "Organization", "name": "..."}
        m = _JSON_PUBLISHER.search(html[:400_000])
        site = html_lib.unescape(m.group(1)).strip() if m else None
    if title and site:
        title = re.sub(rf"\s*[|\-–—:·]\s*{re.escape(site)}\s*$", "", title)
    date = None
    for k in _DATE_KEYS:
        if metas.get(k):
            date = normalize_date(metas[k])
            if date:
                break
    if not date:
        m = _JSON_DATE.search(html)
        date = normalize_date(m.group(1)) if m else None
    url = metas.get("og:url")
    if not url:
        m = _CANON.search(head)
        if m:
            h = re.search(r"""href=["']?([^"'\s>]+)""", m.group(0))
            url = h.group(1) if h else None
    return HtmlMeta(" ".join(title.split()) or None if title else None, site or None, date, url)


def _fallback_text(html: str) -> str:
    """Visible text of a page trafilatura could not handle: scripts and styles dropped."""
    try:
        import lxml.html

        doc = lxml.html.fromstring(html)
        for bad in doc.xpath("//script|//style|//noscript|//template|//iframe|//svg|//head"):
            bad.drop_tree()
        blocks = []
        for el in doc.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre"):
            t = " ".join(el.text_content().split())
            if t:
                blocks.append(t)
        return "\n\n".join(blocks)
    except Exception:  # noqa: BLE001 - hostile markup: fall back to dropping tags
        text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?(</\1\s*>|$)", " ", html)
        text = re.sub(r"(?s)<[^>]*>", "\n", text)
        return html_lib.unescape(text)


_OPEN_TAG = re.compile(r'<(div|section|article)\b[^>]*?\bclass\s*=\s*"([^"]{3,200})"', re.I)
_CONTENT_CLASS = re.compile(r"(?:^|[\s_-])(?:body|article|content|story|text|entry|post|chunks?)(?:$|[\s_-])", re.I)


def _split_body(html: str, text: str) -> str | None:
    """The whole report when a page splits it over sibling containers that share a class.

    Pages often cut the body into several ``<div class="article-body">`` parts
    with adverts between them, and the extractor keeps only one.  When the
    extracted text starts inside such a container (a class that says it holds
    content, repeated 2-6 times under one parent), the text of all of them is
    returned if it is clearly longer; otherwise None.
    """
    lines = [line for line in text.split("\n") if nwords(line) >= 8]
    pos = -1
    body = max(0, html.find("<body"))  # not the copy of the lede in the meta description
    for line in lines[:3]:
        pos = html.find(" ".join(line.split()[:5]), body)
        if pos >= 0:
            break
    if pos < 0:
        return None
    found = None
    for m in reversed(list(_OPEN_TAG.finditer(html, max(0, pos - 20000), pos))[-6:]):
        if 2 <= html.count(f'class="{m.group(2)}"') <= 6:
            found = (m.group(1).lower(), m.group(2))
            break
    if found is None or not _CONTENT_CLASS.search(found[1]):
        return None
    try:
        import lxml.html

        doc = lxml.html.fromstring(html)
        parts = doc.xpath(f"//{found[0]}[@class=$c]", c=found[1])
    except Exception:  # noqa: BLE001 - markup lxml cannot take
        return None
    if len(parts) < 2 or len({id(x.getparent()) for x in parts}) != 1:
        return None
    out = []
    for part in parts:
        for bad in part.xpath(".//script|.//style|.//noscript|.//aside|.//figure|.//figcaption|.//template"):
            bad.drop_tree()
        for el in part.iter("p", "h2", "h3", "h4", "li", "blockquote"):
            parent = el.getparent()
            if parent is not None and parent.tag in ("li", "blockquote"):
                continue
            t = " ".join(el.text_content().split())
            if t:
                out.append(t)
    merged = "\n".join(out)
    return merged if len(merged) > 1.3 * len(text) else None


def extract_main_text(html: str) -> str:
    """The main text of a page, one block per line.

    trafilatura's own extractor without its fallbacks (fast, favouring recall:
    our plain-text rules then take the furniture out), widened to every part
    of a body split over sibling containers; when that finds little,
    the full extractor with fallbacks; when trafilatura fails, the page's
    visible paragraphs.
    """
    import trafilatura

    text = ""
    try:
        text = trafilatura.extract(html, fast=True, include_comments=False) or ""
        text = _split_body(html, text) or text
        if len(text) < 250:
            more = trafilatura.extract(html, favor_recall=True, include_comments=False) or ""
            if len(more) > len(text):
                text = more
    except Exception:  # noqa: BLE001 - trafilatura can trip on broken markup
        text = ""
    if not text.strip():
        text = _fallback_text(html)
    return text


MAX_HTML_BLOCKS = 50_000  # paragraphs, list items, cells, line breaks: a long report has a few thousand
_BLOCK_TAG = re.compile(r"<(?:p|div|li|br|tr|td|h[1-6]|blockquote|section|article|dd|dt|pre)\b", re.I)
_TAG = re.compile(r"<[^>]*>")


def _visible_chars(html: str) -> int:
    """About how many characters of text a page shows: tags, scripts and styles left out (linear time)."""
    low = html.lower()
    n, pos = 0, 0
    while True:
        starts = [i for i in (low.find("<script", pos), low.find("<style", pos)) if i >= 0]
        start = min(starts) if starts else len(html)
        n += len(_TAG.sub("", html[pos:start]))
        if start >= len(html):
            return n
        tag = "</script" if low.startswith("<script", start) else "</style"
        end = low.find(tag, start)
        if end < 0:
            return n
        pos = end + len(tag)


def _check_size(html: str) -> None:
    """:class:`TextTooLong` for a page that cannot be one report, counted without parsing it."""
    if len(html) < MAX_TEXT_CHARS // 4:
        return  # fewer characters than a report may have: nothing to count
    blocks = sum(1 for _ in _BLOCK_TAG.finditer(html))
    if blocks > MAX_HTML_BLOCKS:
        raise TextTooLong(f"too many paragraphs to be one article ({blocks:,} blocks; limit {MAX_HTML_BLOCKS:,})")
    if len(html) > MAX_TEXT_CHARS:
        visible = _visible_chars(html)
        if visible > MAX_TEXT_CHARS:
            raise TextTooLong(
                f"text too long to be one article (about {visible:,} characters of text; limit {MAX_TEXT_CHARS:,})"
            )


def clean_html(
    html: str,
    *,
    id: str,
    url: str | None = None,
    path: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> Article:
    """Extract and clean the main text of an HTML page (metadata from its meta tags).

    Raises :class:`TextTooLong` before any extraction when the page has more visible text or
    more paragraphs than one report could (a cheap count: extraction of such a page takes minutes).
    """
    html = clean_chars(html)
    _check_size(html)
    meta = html_metadata(html)
    text = extract_main_text(html)
    return clean_text(
        text,
        id=id,
        url=url or meta.url,
        path=path,
        title=title or meta.title,
        outlet=outlet or meta.site,
        published=published or meta.date,
        blocks_only=True,
    )
