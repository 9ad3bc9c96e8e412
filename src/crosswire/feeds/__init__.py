"""Feeds and pages from the web: a polite fetcher and feed parsing (RSS, Atom, JSON Feed, OPML).

Fetch passes and `watch`, which put what they fetch in the store, are :mod:`crosswire.store.follow`.

Needs the ``store`` extra (httpx, protego).
"""

from __future__ import annotations

from crosswire.feeds.fetch import Fetcher, FetchError, FetchPolicy, Response
from crosswire.feeds.parse import Entry, ParsedFeed, parse_feed, parse_opml

__all__ = ["Entry", "FetchError", "FetchPolicy", "Fetcher", "ParsedFeed", "Response", "parse_feed", "parse_opml"]
