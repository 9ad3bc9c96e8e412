"""Following feeds: a polite fetcher, feed parsing (RSS, Atom, JSON Feed, OPML), fetch passes and watch.

Needs the ``store`` extra (httpx, protego).
"""

from __future__ import annotations

from .fetch import Fetcher, FetchError, FetchPolicy, Response
from .parse import Entry, ParsedFeed, parse_feed, parse_opml

__all__ = ["Entry", "FetchError", "FetchPolicy", "Fetcher", "ParsedFeed", "Response", "parse_feed", "parse_opml"]
