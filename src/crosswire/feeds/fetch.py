"""A polite, careful HTTP fetcher.

* http and https only; every address a host resolves to (at each redirect too)
  must be public: loopback, private, link-local, multicast and reserved ranges
  are refused unless ``allow_private`` (tests, intranet feeds);
* connect and read timeouts, a deadline for the whole response (a server that
  trickles bytes is cut off), a size cap (checked on Content-Length and while
  reading), a cap on redirects;
* robots.txt honoured for pages (protego), fetched once per site;
* one request at a time per host (``per_host`` at most) with ``delay`` seconds
  between two requests to the same host;
* retries with exponential back-off on connection errors, timeouts, 429 and 5xx;
* conditional GET: ``If-None-Match`` / ``If-Modified-Since`` when given;
* a User-Agent naming crosswire and its version.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from crosswire import __version__

USER_AGENT = f"crosswire/{__version__} (news brief builder; +https://pypi.org/project/crosswire/)"
ROBOTS_AGENT = "crosswire"


class FetchError(Exception):
    """A fetch that failed; the message is one line naming the URL's problem."""

    def __init__(self, message: str, status: int | None = None, *, transient: bool = True) -> None:
        super().__init__(message)
        self.status = status
        self.transient = transient  # False: trying again soon would fail the same way

    @property
    def may_pass(self) -> bool:
        """Whether a later attempt may succeed (a timeout, a refused connection, 429 or 5xx)."""
        return self.transient and (self.status is None or self.status == 429 or self.status >= 500)


@dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # seconds for a whole response
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = False
    allowed_hosts: tuple[str, ...] = ()  # host names fetched whatever their address (one intranet server)
    per_host: int = 1  # requests at a time to one host (at most 2 is polite)
    delay: float = 1.0  # seconds between two requests to one host
    retries: int = 2
    backoff: float = 1.0  # first retry after this many seconds, then doubled
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    content: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


LogFn = Callable[[str, str, int | None, float, str | None], None]  # kind, url, status, seconds, error


def _bad_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "private", "link_local", "multicast", "reserved", "unspecified"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:
        return "non-public"
    return None


@dataclass
class _Host:
    slots: threading.BoundedSemaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = 0.0


class Fetcher:
    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        log: LogFn | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy or FetchPolicy()
        p = self.policy
        self.client = httpx.Client(
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            follow_redirects=False,
            headers={"User-Agent": p.user_agent},
            trust_env=False,
        )
        self.log = log
        self.sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._robots: dict[str, object | None] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- checks
    def check_url(self, url: str) -> None:
        """Refuse a URL that is not http(s) or whose host resolves to a non-public address."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise _final(f"{url}: only http and https URLs are fetched")
        host = parts.hostname
        if not host:
            raise _final(f"{url}: no host in the URL")
        if self.policy.allow_private or host.lower() in self.policy.allowed_hosts:
            return
        try:
            infos = socket.getaddrinfo(
                host, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM
            )
        except (socket.gaierror, UnicodeError) as e:
            raise _final(f"{url}: cannot resolve {host} ({e})") from None
        for info in infos:
            ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
            bad = _bad_address(ip)
            if bad:
                raise _final(f"{url}: {host} resolves to a {bad} address ({ip}); refused (--allow-private to fetch it)")

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            h = self._hosts.get(key)
            if h is None:
                h = self._hosts[key] = _Host(threading.BoundedSemaphore(max(1, min(2, self.policy.per_host))))
            return h

    # -- robots.txt
    def allowed(self, url: str) -> bool | None:
        """Whether robots.txt lets crosswire fetch ``url`` (4xx: no rules); ``None`` while it cannot be read."""
        from protego import Protego

        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            try:
                r = self._get(origin + "/robots.txt", kind="robots")
                if r.status == 200:
                    self._robots[origin] = Protego.parse(r.content.decode("utf-8", "replace"))
                else:
                    self._robots[origin] = None
            except FetchError as e:
                if e.status is not None and 400 <= e.status < 500:
                    self._robots[origin] = None
                else:
                    self._robots[origin] = False  # unreachable robots.txt: assume disallowed for now
        rules = self._robots[origin]
        if rules is None:
            return True
        if rules is False:
            return None
        return bool(rules.can_fetch(url, ROBOTS_AGENT))  # type: ignore[attr-defined]

    # -- fetching
    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, kind: str = "page"
    ) -> Response:
        """GET ``url`` politely (see the module's docstring); :class:`FetchError` on failure."""
        if kind == "page":
            self.check_url(url)
            ok = self.allowed(url)
            if ok is None:
                raise FetchError(f"{url}: the site's robots.txt cannot be read for now; not fetched")
            if not ok:
                raise _final(f"{url}: disallowed by robots.txt")
        return self._get(url, etag=etag, last_modified=last_modified, kind=kind)

    def _get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, kind: str = "page"
    ) -> Response:
        p = self.policy
        t0 = time.monotonic()
        attempt = 0
        while True:
            try:
                r = self._once(url, etag, last_modified)
                if r.status == 429 or r.status >= 500:
                    raise FetchError(f"{url}: HTTP {r.status}", r.status)
                if r.status >= 400:
                    raise FetchError(f"{url}: HTTP {r.status}", r.status)
                self.note(kind, url, r.status, time.monotonic() - t0, None)
                return r
            except FetchError as e:
                retry = e.status is None or e.status == 429 or e.status >= 500
                if attempt < p.retries and retry and e.transient:
                    self.sleep(p.backoff * (2**attempt))
                    attempt += 1
                    continue
                self.note(kind, url, e.status, time.monotonic() - t0, str(e))
                raise

    def note(self, kind: str, url: str, status: int | None, seconds: float, error: str | None) -> None:
        if self.log is not None:
            self.log(kind, url, status, seconds, error)

    def _once(self, url: str, etag: str | None, last_modified: str | None) -> Response:
        p = self.policy
        headers = {"Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(p.max_redirects + 1):
            self.check_url(current)
            host = self._host(current)
            with host.slots:
                with host.lock:
                    wait = host.last + p.delay - time.monotonic()
                    if wait > 0:
                        self.sleep(wait)
                    host.last = time.monotonic()
                try:
                    resp = self._read(current, headers)
                finally:
                    host.last = time.monotonic()
            if resp.status in (301, 302, 303, 307, 308) and "location" in resp.headers:
                current = urljoin(current, resp.headers["location"])
                continue
            return resp
        raise _final(f"{url}: more than {p.max_redirects} redirects")

    def _read(self, url: str, headers: dict[str, str]) -> Response:
        p = self.policy
        start = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                hdrs = {k.lower(): v for k, v in r.headers.items()}
                size = hdrs.get("content-length", "")
                if size.isdigit() and int(size) > p.max_bytes:
                    raise _final(f"{url}: too large ({int(size) / 1e6:.1f} MB; limit {p.max_bytes / 1e6:.1f} MB)")
                chunks, total = [], 0
                if r.status_code == 200:
                    for chunk in r.iter_bytes():
                        total += len(chunk)
                        if total > p.max_bytes:
                            raise _final(f"{url}: larger than the {p.max_bytes / 1e6:.1f} MB limit")
                        if time.monotonic() - start > p.deadline:
                            raise _final(f"{url}: response took longer than {p.deadline:.0f} s")
                        chunks.append(chunk)
                return Response(url=str(r.url), status=r.status_code, headers=hdrs, content=b"".join(chunks))
        except httpx.TimeoutException:
            raise FetchError(f"{url}: timed out", None) from None
        except httpx.TransportError as e:
            msg = " ".join(str(e).split())[:120] or type(e).__name__
            raise FetchError(f"{url}: {msg}", None) from None
        except httpx.HTTPError as e:
            raise _final(f"{url}: {type(e).__name__}") from None


def _final(message: str) -> FetchError:
    """An error not worth retrying (too large, too slow overall, malformed)."""
    return FetchError(message, None, transient=False)
