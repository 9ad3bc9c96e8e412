"""Feeds to entries: RSS and Atom through feedparser, JSON Feed (1.0/1.1) directly, OPML lists of feeds."""

from __future__ import annotations

import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from crosswire.model import Article
from crosswire.read.clean import clean_text
from crosswire.read.html import clean_html
from crosswire.read.meta import normalize_date

MIN_WORDS = 40  # an entry's own content (not its summary) shorter than this is a teaser: the page is fetched


class FeedParseError(ValueError):
    """A document that is not a readable feed (one line)."""


@dataclass
class Entry:
    guid: str | None
    url: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD
    content: str = ""  # the entry's full content (HTML or text), if it has one
    summary: str = ""


@dataclass
class ParsedFeed:
    title: str | None
    entries: list[Entry] = field(default_factory=list)


def _s(v: object) -> str | None:
    if v is None:
        return None
    s = " ".join(str(v).split())
    return s or None


def parse_feed(data: bytes) -> ParsedFeed:
    """The entries of an RSS, Atom or JSON Feed document; :class:`FeedParseError` if it is none of them."""
    head = data[:64].lstrip()
    if head.startswith(b"{"):
        return _json_feed(data)
    import feedparser

    feed = feedparser.parse(io.BytesIO(data))
    version = feed.get("version") or ""
    if not feed.entries and (feed.get("bozo") or not version):
        exc = feed.get("bozo_exception")
        raise FeedParseError(f"not a readable RSS, Atom or JSON feed ({type(exc).__name__ if exc else 'no feed'})")
    out = ParsedFeed(title=_s(feed.feed.get("title")))
    for e in feed.entries:
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e.content), key=len)
        parsed = e.get("published_parsed") or e.get("updated_parsed")
        date = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
        out.entries.append(
            Entry(
                guid=_s(e.get("id")),
                url=_s(e.get("link")),
                title=_s(e.get("title")),
                published=date,
                content=content,
                summary=e.get("summary", "") or e.get("description", ""),
            )
        )
    return out


def _json_feed(data: bytes) -> ParsedFeed:
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FeedParseError(f"not a readable JSON feed ({type(e).__name__})") from None
    if not isinstance(obj, dict) or "jsonfeed.org/version" not in str(obj.get("version", "")):
        raise FeedParseError("not a JSON Feed (no jsonfeed.org version)")
    items = obj.get("items")
    if not isinstance(items, list):
        raise FeedParseError("JSON Feed without an items list")
    out = ParsedFeed(title=_s(obj.get("title")))
    for it in items:
        if not isinstance(it, dict):
            continue
        out.entries.append(
            Entry(
                guid=_s(it.get("id")),
                url=_s(it.get("url") or it.get("external_url")),
                title=_s(it.get("title")),
                published=normalize_date(it.get("date_published") or it.get("date_modified")),
                content=str(it.get("content_html") or it.get("content_text") or ""),
                summary=str(it.get("summary") or ""),
            )
        )
    return out


def parse_opml(data: bytes) -> list[tuple[str, str | None]]:
    """(feed URL, title) of every outline with an ``xmlUrl`` in an OPML document."""
    if b"<!ENTITY" in data[:4096]:
        raise FeedParseError("OPML with entity declarations refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise FeedParseError(f"not a readable OPML file ({e})") from None
    if root.tag.lower() != "opml":
        raise FeedParseError("not an OPML file")
    out = []
    for node in root.iter("outline"):
        url = node.get("xmlUrl") or node.get("xmlurl")
        if url:
            out.append((url.strip(), _s(node.get("title") or node.get("text"))))
    return out


def entry_id(entry: Entry) -> str:
    """A short stable id for an entry: its guid when it is a plain token, else a hash of it (or of its URL)."""
    if entry.guid and re.fullmatch(r"[\w.\-]{1,80}", entry.guid):
        return entry.guid
    key = entry.guid or entry.url or f"{entry.title}\x1f{entry.content or entry.summary}"
    return "f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


_HTML = re.compile(r"<(p|br|div|a|span|img|strong|em|h\d|ul|li)\b", re.IGNORECASE)


def entry_article(entry: Entry, outlet: str | None) -> Article | None:
    """The entry's own content as an article, or ``None`` when it is only a summary (fetch the page)."""
    body = entry.content or ""
    if not body.strip():
        return None
    kw = {"id": entry_id(entry), "url": entry.url, "title": entry.title, "outlet": outlet, "published": entry.published}
    if _HTML.search(body):
        art = clean_html(f"<html><body><article>{body}</article></body></html>", **kw)  # type: ignore[arg-type]
    else:
        art = clean_text(body, **kw)  # type: ignore[arg-type]
    if len(art.text.split()) < MIN_WORDS:
        return None
    return art


def page_article(entry: Entry, html: str, url: str, outlet: str | None) -> Article | None:
    """The article extracted from the entry's page; ``None`` when the page holds no article text."""
    art = clean_html(
        html, id=entry_id(entry), url=entry.url or url, title=entry.title, outlet=outlet, published=entry.published
    )
    if art.outlet is None and outlet:
        art.outlet = outlet
    if len(art.text.split()) < 30:
        return None
    return art
