"""Helpers of the store and feed tests: a local HTTP server, generated articles, store invariants.

Every text here is generated from the small tables below (made-up places,
people and events); nothing comes from real news.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

SYL = ["mar", "ven", "tor", "lis", "bra", "kel", "dun", "ost", "fen", "gal", "rim", "sol", "var", "pel", "quin", "zed"]
EVENTS = [
    ("fire", "A fire broke out at the {place} {site} on {day}, and {n} firefighters fought it for {h} hours.",
     "Firefighters in {place} said {n} crews tackled the blaze at the {site} for {h} hours."),
    ("flood", "The river burst its banks in {place} on {day}, flooding {n} homes near the {site}.",
     "Floodwater reached {n} houses around the {site} of {place}, officials said."),
    ("strike", "Workers at the {place} {site} began a strike on {day} over pay, the union said, with {n} staff out.",
     "Some {n} employees walked out at the {site} in {place} in a dispute over wages."),
    ("election", "Voters in {place} chose {person} as mayor on {day} with {n} votes, ahead of the {site} vote count.",
     "{person} won the {place} mayoral race with {n} ballots, according to the count at the {site}."),
]
SITES = ["harbour", "mill", "depot", "library", "station", "market", "bridge", "school"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FIRST = ["Ilse", "Marek", "Odile", "Tomas", "Greta", "Anselm", "Nadia", "Kasper"]


def _name(rng: random.Random, k: int = 2) -> str:
    return "".join(rng.choice(SYL) for _ in range(k)).capitalize()


@dataclass
class Gen:
    story: int
    id: str
    title: str
    text: str
    outlet: str


def generate(stories: int, per_story: int, seed: int = 7) -> list[Gen]:
    """``stories`` made-up events, each told by ``per_story`` reports, interleaved in arrival order.

    Each event has its own invented names and words; its reports draw different
    sentences about it, so reports of one event share much and events share little.
    """
    rng = random.Random(seed)
    out: list[Gen] = []
    for s in range(stories):
        kind, lead, alt = EVENTS[s % len(EVENTS)]
        facts = {"place": _name(rng, 3), "site": rng.choice(SITES), "day": rng.choice(DAYS),
                 "n": rng.randint(120, 9800), "h": rng.randint(2, 19),
                 "person": f"{rng.choice(FIRST)} {_name(rng, 2)}"}
        spokes = f"{rng.choice(FIRST)} {_name(rng, 3)}"
        w = [_name(rng, 3).lower() for _ in range(24)]  # the event's own vocabulary
        org = f"{_name(rng, 2)} {_name(rng, 2)}"
        frames = [
            "{spokes} of the {org} said the {a} and the {b} were {c}.",
            "People of {place} {a} near the {b} to {c} the {d}.",
            "The {a} of the {b} was put at {n} {c} by the {org}.",
            "A {a} on the {b} in {place} is {c} from {spokes}.",
            "The {a} along the {b} said the {c} had {d} the {place} {e}.",
            "{spokes} {a} the {b} and the {c} from {place}.",
            "The {org} will {a} on the {b} and the {c}, {spokes} said.",
        ]
        extra = []
        for k, fr in enumerate(frames):
            picks = dict(zip("abcde", rng.sample(w, 5)))
            extra.append(fr.format(spokes=spokes, org=org, place=facts["place"], n=rng.randint(2, 90), **picks))
        for r in range(per_story):
            body = [(lead if r % 2 == 0 else alt).format(**facts)]
            body += rng.sample(extra, 5)
            body.append(f"{_name(rng, 2)} {_name(rng, 3)} contributed reporting.")  # no two reports alike
            title = f"{kind.capitalize()} in {facts['place']}" + (" latest" if r % 3 == 0 else "")
            out.append(Gen(story=s, id=f"g{s}-{r}", title=title, text="\n\n".join(body), outlet=f"Outlet {r % 5}"))
    rng.shuffle(out)
    return out


def write_jsonl(path, items: list[Gen]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"id": g.id, "title": g.title, "text": g.text, "outlet": g.outlet}) + "\n" for g in items)


# --- a local HTTP server -------------------------------------------------------------------------

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    httpd: ThreadingHTTPServer
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


def serve() -> Server:
    server = Server(httpd=None)  # type: ignore[arg-type]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(self.path)
            if route is None:
                send(self, 404, b"not found", "text/plain")
                return
            try:
                route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server.httpd = httpd
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return server


def send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def static(body: bytes | str, ctype: str = "text/html; charset=utf-8", status: int = 200) -> Route:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return lambda h: send(h, status, data, ctype)


class Feed:
    """An RSS feed whose entries can grow; answers conditional GETs with 304 while it has not changed."""

    def __init__(self, title: str = "The Test Gazette") -> None:
        self.title = title
        self.items: list[dict] = []
        self.version = 0
        self.modified = time.time() - 3600

    def add(self, guid: str, title: str, link: str, *, content: str | None = None, summary: str = "",
            date: str = "Mon, 02 Nov 2026 10:00:00 GMT") -> None:
        self.items.append({"guid": guid, "title": title, "link": link, "content": content, "summary": summary,
                           "date": date})
        self.version += 1
        self.modified += 60

    def xml(self) -> bytes:
        parts = ['<?xml version="1.0" encoding="utf-8"?>',
                 '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
                 f"<title>{escape(self.title)}</title><link>http://example.invalid/</link><description>t</description>"]
        for it in self.items:
            parts.append("<item>")
            parts.append(f"<guid>{escape(it['guid'])}</guid><title>{escape(it['title'])}</title>"
                         f"<link>{escape(it['link'])}</link><pubDate>{it['date']}</pubDate>")
            if it["summary"]:
                parts.append(f"<description>{escape(it['summary'])}</description>")
            if it["content"]:
                parts.append(f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>")
            parts.append("</item>")
        parts.append("</channel></rss>")
        return "\n".join(parts).encode("utf-8")

    def route(self, h: BaseHTTPRequestHandler) -> None:
        etag = f'"v{self.version}"'
        last = formatdate(self.modified, usegmt=True)
        if h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        send(h, 200, self.xml(), "application/rss+xml", {"ETag": etag, "Last-Modified": last})


def page_html(title: str, text: str) -> str:
    paras = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1>{paras}</article><footer>Copyright The Test Gazette</footer>"
            f"</body></html>")


# --- invariants of a store -------------------------------------------------------------------------


def check_sqlite_store(path) -> dict[str, int]:
    """Every article once, every story whole: sizes and sources match the committed members."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return check_rows(lambda q: con.execute(q).fetchall())
    finally:
        con.close()


def check_rows(query: Callable[[str], list]) -> dict[str, int]:
    n, uids, hashes = query("SELECT count(*), count(DISTINCT uid), count(DISTINCT content_hash) FROM articles")[0]
    assert n == uids == hashes
    bad = query("SELECT s.id, s.size, s.sources, count(a.seq), sum(CASE WHEN a.is_copy THEN 0 ELSE 1 END) "
                "FROM stories s LEFT JOIN articles a ON a.story_id = s.id GROUP BY s.id, s.size, s.sources "
                "HAVING s.size != count(a.seq) OR s.sources != sum(CASE WHEN a.is_copy THEN 0 ELSE 1 END) "
                "OR count(a.seq) = 0")
    assert not bad, f"half-made stories: {bad[:5]}"
    orphans = query("SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id "
                    "WHERE a.story_id IS NOT NULL AND s.id IS NULL")[0][0]
    assert orphans == 0
    stories = query("SELECT count(*) FROM stories")[0][0]
    return {"articles": n, "stories": stories}
