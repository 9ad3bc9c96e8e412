"""What every route of the web app shares: the store, the templates, the caches, the brief builder.

Pages are cached in memory under the store's *generation* (a marker that moves
when articles, stories, briefs or feeds change; read at most every
``generation_ttl`` seconds), so a page is computed once per change of the store,
and answered with an ETag (304 when the browser has it).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import quote

from crosswire.store import browse
from crosswire.store.briefs import KeptBrief, articles_hash, build_story_brief, kept_brief
from crosswire.store.db import Store

CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
ASSETS = {  # /static/NAME -> (package, file, media type)
    "brief.css": ("crosswire.brief", "templates/brief.css", "text/css"),
    "brief.js": ("crosswire.brief", "templates/brief.js", "text/javascript"),
    "web.css": ("crosswire.web", "static/web.css", "text/css"),
    "web.js": ("crosswire.web", "static/web.js", "text/javascript"),
}


def article_href(uid: str) -> str:
    return "/articles/" + quote(uid, safe="")


def story_href(sid: str) -> str:
    return "/stories/" + quote(sid, safe="")


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) (a link may be made of it), else None (shown as text only)."""
    if url and url.strip().lower().startswith(("http://", "https://")) and not any(c in url for c in "\r\n\t<>\"'`"):
        return url.strip()
    return None


@dataclass
class BriefState:
    """A story's brief as a page shows it: the kept one (if any), and whether it is up to date."""

    kept: KeptBrief | None
    fresh: bool
    building: bool = False
    busy: bool = False  # missing or stale, and too many other briefs are being built to start this one


@dataclass
class Site:
    store: Store
    admin: bool = False
    build_timeout: float | None = 120.0  # CPU seconds a brief may take before the summary-only fallback
    build_wait: float = 20.0  # seconds a request waits for a brief being built before showing the page without it
    words: int = 120
    brief_fn: Callable[..., Any] | None = None
    generation_ttl: float = 1.0
    max_pending: int = 8  # briefs waiting to be built at most; more visitors are told to come back
    cache_size: int = 512
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    _gen: tuple[float, Any] = (0.0, None)
    _cache: OrderedDict[Any, Any] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _builds: dict[str, Future[Any]] = field(default_factory=dict)
    _pool: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="cw-brief"))
    _assets: dict[str, tuple[bytes, str, str]] = field(default_factory=dict)
    inflight: dict[Any, Any] = field(default_factory=dict)  # key -> asyncio future of a computation under way

    # --- caching -------------------------------------------------------------------------------

    def generation(self) -> Any:
        """The store's generation, re-read at most every ``generation_ttl`` seconds (blocking: call in a thread)."""
        at, gen = self._gen
        now = time.monotonic()
        if gen is None or now - at >= self.generation_ttl:
            gen = browse.generation(self.store)
            self._gen = (now, gen)
        return gen

    def recent_generation(self) -> Any:
        """The generation if it was read less than ``generation_ttl`` seconds ago, else None (no query)."""
        at, gen = self._gen
        return gen if gen is not None and time.monotonic() - at < self.generation_ttl else None

    def invalidate(self) -> None:
        """Read the generation again on the next request (this process just changed the store)."""
        self._gen = (0.0, None)

    def cached(self, key: Any, make: Callable[[], Any]) -> Any:
        """``make()`` once per key (blocking: call in a thread); the least recently used entries are dropped."""
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = make()
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return value

    def peek(self, key: Any) -> Any:
        with self._lock:
            return self._cache.get(key)

    # --- static assets -------------------------------------------------------------------------

    def asset(self, name: str) -> tuple[bytes, str, str] | None:
        """(bytes, media type, ETag) of one of :data:`ASSETS`, or None."""
        if name not in ASSETS:
            return None
        if name not in self._assets:
            pkg, path, media = ASSETS[name]
            data = resources.files(pkg).joinpath(path).read_bytes()
            self._assets[name] = (data, media, '"' + hashlib.sha256(data).hexdigest()[:20] + '"')
        return self._assets[name]

    # --- briefs --------------------------------------------------------------------------------

    def brief_state(self, detail: browse.StoryDetail) -> BriefState:
        """The kept brief of a story and whether its article set is still the story's (blocking)."""
        kept = kept_brief(self.store, detail.row.id)
        if kept is None:
            return BriefState(None, False, detail.row.id in self._builds)
        current = articles_hash(self.store, [m.uid for m in detail.members])
        fresh = kept.articles_hash == current
        return BriefState(kept, fresh, detail.row.id in self._builds)

    def build(self, sid: str) -> Future[Any] | None:
        """Start (or join) the build of a story's brief; one build at a time, in a background thread.

        None when ``max_pending`` builds are already waiting (a crawler visiting every
        story must not queue thousands of builds): the page says to come back later."""
        with self._lock:
            fut = self._builds.get(sid)
            if fut is None:
                if len(self._builds) >= self.max_pending:
                    return None
                fut = self._pool.submit(self._build, sid)
                self._builds[sid] = fut
                fut.add_done_callback(lambda _f: self._builds.pop(sid, None))
            return fut

    def _build(self, sid: str) -> KeptBrief | None:
        from crosswire.model import Story

        detail = browse.story(self.store, sid)
        if detail is None or not detail.members:
            return None
        st = Story(
            id=sid,
            articles=[m.uid for m in detail.members],
            headline=detail.row.headline,
            outlets=detail.row.outlets,
            first_date=detail.row.first_date,
            last_date=detail.row.last_date,
            sources=detail.row.sources,
        )
        kept = build_story_brief(self.store, st, timeout=self.build_timeout, words=self.words, brief_fn=self.brief_fn)
        self.invalidate()  # pages change now
        return kept

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    # --- forms ---------------------------------------------------------------------------------

    def csrf_token(self, nonce: str) -> str:
        return hmac.new(self.secret, b"feeds:" + nonce.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, nonce: str | None, token: str | None) -> bool:
        return bool(nonce and token) and hmac.compare_digest(self.csrf_token(str(nonce)), str(token))
