"""Feeds: the polite fetcher against a local server, feed formats, following feeds, briefs rebuilt only when needed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("httpx")
pytest.importorskip("protego")

from storekit import Feed, check_sqlite_store, generate, page_html, send, serve, static

from crosswire.feeds.fetch import Fetcher, FetchError, FetchPolicy
from crosswire.store.follow import add_feeds, fetch_all, list_feeds
from crosswire.feeds.parse import FeedParseError, parse_feed, parse_opml
from crosswire.store import open_store
from crosswire.store.briefs import write_store_briefs
from crosswire.store.query import assignments

SRC = str(Path(__file__).resolve().parents[1] / "src")
LOCAL = FetchPolicy(allow_private=True, delay=0.0, retries=0)


@pytest.fixture()
def server():
    s = serve()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def fetcher(**kw) -> Fetcher:
    base = {"allow_private": True, "delay": 0.0, "retries": 0}
    base.update(kw)
    return Fetcher(FetchPolicy(**base), sleep=lambda s: None)


# --- the fetcher -----------------------------------------------------------------------------------


def test_user_agent_and_conditional_get(server) -> None:
    feed = Feed()
    feed.add("a", "A", "http://x.invalid/a", content="<p>x</p>")
    server.routes["/feed"] = feed.route
    with fetcher() as f:
        r = f.get(server.url("/feed"), kind="feed")
        assert r.status == 200 and r.headers["etag"] == '"v1"'
        again = f.get(server.url("/feed"), etag=r.headers["etag"], kind="feed")
    assert again.not_modified
    ua = server.requests[0][1]["user-agent"]
    assert ua.startswith("crosswire/")
    assert server.requests[1][1]["if-none-match"] == '"v1"'


def test_errors_are_one_line_and_5xx_is_retried(server) -> None:
    server.routes["/boom"] = static("oops", status=500)
    with fetcher(retries=2) as f:
        with pytest.raises(FetchError, match=r"HTTP 404") as e404:
            f.get(server.url("/missing"), kind="feed")
        assert e404.value.status == 404
        with pytest.raises(FetchError, match=r"HTTP 500"):
            f.get(server.url("/boom"), kind="feed")
    assert server.paths().count("/missing") == 1  # a 404 is not retried
    assert server.paths().count("/boom") == 3  # a 500 is, twice


def test_slow_and_huge_responses_are_cut_off(server) -> None:
    def slow(h) -> None:
        time.sleep(1.5)
        send(h, 200, b"late")

    def trickle(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(40):
            h.wfile.write(b"x" * 10)
            h.wfile.flush()
            time.sleep(0.1)

    def endless(h) -> None:  # no Content-Length, a body far over the cap
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        for _ in range(200):
            h.wfile.write(b"y" * 65536)

    server.routes["/slow"] = slow
    server.routes["/trickle"] = trickle
    server.routes["/endless"] = endless
    server.routes["/declared"] = lambda h: send(h, 200, b"z" * 300_000)
    with fetcher(read_timeout=0.5) as f, pytest.raises(FetchError, match="timed out"):
        f.get(server.url("/slow"), kind="feed")
    with fetcher(deadline=1.0) as f, pytest.raises(FetchError, match="longer than"):
        f.get(server.url("/trickle"), kind="feed")
    with fetcher(max_bytes=200_000) as f:
        with pytest.raises(FetchError, match="too large"):
            f.get(server.url("/declared"), kind="feed")
        with pytest.raises(FetchError, match="larger than"):
            f.get(server.url("/endless"), kind="feed")


def test_private_addresses_schemes_and_redirects(server) -> None:
    server.routes["/to-private"] = lambda h: send(h, 302, b"", headers={"Location": "http://10.1.2.3/feed"})
    port = server.httpd.server_address[1]
    server.routes["/to-loopback"] = lambda h: send(h, 302, b"", headers={"Location": f"http://localhost:{port}/x"})
    server.routes["/loop"] = lambda h: send(h, 302, b"", headers={"Location": "/loop"})
    server.routes["/hop"] = lambda h: send(h, 301, b"", headers={"Location": "/final"})
    server.routes["/final"] = static("<p>here</p>")
    with Fetcher(FetchPolicy(delay=0.0, retries=0)) as f:  # the default: loopback refused
        with pytest.raises(FetchError, match="loopback address"):
            f.get(server.url("/final"), kind="feed")
        with pytest.raises(FetchError, match="only http and https"):
            f.get("file:///etc/passwd", kind="feed")
    only_this = Fetcher(FetchPolicy(delay=0.0, retries=0, allowed_hosts=("127.0.0.1",)))
    with only_this as f:
        assert f.get(server.url("/hop"), kind="feed").content == b"<p>here</p>"
        with pytest.raises(FetchError, match="private address"):
            f.get(server.url("/to-private"), kind="feed")
        with pytest.raises(FetchError, match="loopback address"):
            f.get(server.url("/to-loopback"), kind="feed")
    with fetcher(max_redirects=3) as f, pytest.raises(FetchError, match="more than 3 redirects"):
        f.get(server.url("/loop"), kind="feed")
    assert server.paths().count("/loop") == 4


def test_robots_txt_is_honoured_for_pages(server) -> None:
    server.routes["/robots.txt"] = static("User-agent: *\nDisallow: /private/\n", "text/plain")
    server.routes["/private/a"] = static("<p>secret</p>")
    server.routes["/public/a"] = static("<p>open</p>")
    with fetcher() as f:
        assert f.get(server.url("/public/a")).content == b"<p>open</p>"
        with pytest.raises(FetchError, match="robots.txt"):
            f.get(server.url("/private/a"))
    assert "/private/a" not in server.paths()
    assert server.paths().count("/robots.txt") == 1  # once per site


def test_per_host_delay_between_requests(server) -> None:
    server.routes["/a"] = static("a")
    waits: list[float] = []
    with Fetcher(FetchPolicy(allow_private=True, delay=5.0, retries=0), sleep=waits.append) as f:
        f.get(server.url("/a"), kind="feed")
        f.get(server.url("/a"), kind="feed")
    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0


# --- formats ---------------------------------------------------------------------------------------


def test_rss_atom_json_feed_and_opml() -> None:
    feed = Feed("Gazette")
    feed.add("g1", "One", "http://x.invalid/1", summary="short")
    rss = parse_feed(feed.xml())
    assert rss.title == "Gazette" and rss.entries[0].url == "http://x.invalid/1" and rss.entries[0].published
    atom = parse_feed(b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><id>urn:1</id><title>T</title><link href="http://x.invalid/t"/><updated>2026-11-02T10:00:00Z</updated>
      <content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>""")
    assert atom.entries[0].url == "http://x.invalid/t" and "Body" in atom.entries[0].content
    js = parse_feed(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "1", "url": "http://x.invalid/j", "title": "J1", "content_text": "Text", "date_published":
         "2026-11-02T10:00:00Z"}]}).encode())
    assert js.title == "J" and js.entries[0].published == "2026-11-02" and js.entries[0].content == "Text"
    with pytest.raises(FeedParseError):
        parse_feed(b"<html><body>not a feed</body></html>")
    with pytest.raises(FeedParseError):
        parse_feed(b'{"version": "1", "items": []}')
    opml = parse_opml(b"""<opml version="2.0"><body><outline text="News">
      <outline text="A" xmlUrl="http://x.invalid/a.xml"/><outline text="B" xmlUrl="http://x.invalid/b.xml"/>
      </outline></body></opml>""")
    assert opml == [("http://x.invalid/a.xml", "A"), ("http://x.invalid/b.xml", "B")]
    with pytest.raises(FeedParseError):
        parse_opml(b"<opml><body>")


# --- following feeds -------------------------------------------------------------------------------


def _cheap_brief(members, words=120):
    from crosswire import brief as brief_stage
    from crosswire import copies

    return brief_stage.build_brief(members, copies.find_copies(members), None, words=words)


def test_feed_grows_between_passes(server, tmp_path: Path) -> None:
    items = generate(3, 6, seed=3)
    by_story: dict[int, list] = {}
    for g in items:
        by_story.setdefault(g.story, []).append(g)
    feed = Feed()
    server.routes["/feed.xml"] = feed.route
    server.routes["/robots.txt"] = static("User-agent: *\nDisallow: /hidden/\n", "text/plain")

    def publish(g, *, full: bool) -> None:
        link = server.url(f"/news/{g.id}")
        server.routes[f"/news/{g.id}"] = static(page_html(g.title, g.text))
        html = "".join(f"<p>{p}</p>" for p in g.text.split("\n\n"))
        feed.add(g.id, g.title, link, content=html if full else None, summary=g.text.split("\n\n")[0])

    # stories 0 and 1: three reports each; story 0's pages only through summaries (page fetched)
    for g in by_story[0][:3]:
        publish(g, full=False)
    for g in by_story[1][:3]:
        publish(g, full=True)
    feed.add("hidden", "Hidden", server.url("/hidden/page"), summary="teaser")  # robots.txt forbids its page
    store = open_store(tmp_path / "f.db")
    assert add_feeds(store, server.url("/feed.xml")) == [server.url("/feed.xml")]
    assert add_feeds(store, server.url("/feed.xml")) == []
    r1 = fetch_all(store, policy=LOCAL)
    assert r1.summary.new == 6 and r1.pages_fetched == 3
    assert r1.summary.errors == 1  # the hidden page
    assert "/hidden/page" not in server.paths()
    out = tmp_path / "briefs"
    b1 = write_store_briefs(store, out, fmt="md", brief_fn=_cheap_brief)
    assert len(b1.built) == 2 and not b1.kept
    got = dict(assignments(store))
    s0, s1 = got[by_story[0][0].id], got[by_story[1][0].id]
    mtime1 = (out / f"{s1}.md").stat().st_mtime_ns

    # nothing changed: a conditional GET answered 304, nothing else fetched
    server.requests.clear()
    r2 = fetch_all(store, policy=LOCAL)
    assert r2.feeds[0].status == "not modified" and r2.summary.new == 0
    assert server.paths() == ["/feed.xml"] and server.requests[0][1].get("if-none-match") == '"v7"'

    # the feed gains two reports of story 0 and one of a new story 2
    for g in by_story[0][3:5]:
        publish(g, full=False)
    publish(by_story[2][0], full=True)
    server.requests.clear()
    r3 = fetch_all(store, policy=LOCAL)
    assert r3.summary.new == 3
    fetched_pages = [p for p in server.paths() if p.startswith("/news/")]
    assert sorted(fetched_pages) == sorted(f"/news/{g.id}" for g in by_story[0][3:5])  # only the new entries
    assert server.requests[0][1].get("if-none-match") == '"v7"'
    got = dict(assignments(store))
    assert {got[g.id] for g in by_story[0][:5]} == {s0}  # story 0 grew
    b2 = write_store_briefs(store, out, fmt="md", brief_fn=_cheap_brief)
    assert b2.built == [s0] and b2.kept == [s1]  # story 2 has one article: no brief
    assert (out / f"{s1}.md").stat().st_mtime_ns == mtime1
    [row] = list_feeds(store)
    assert row.etag == '"v10"' and row.errors == 0
    check_sqlite_store(tmp_path / "f.db")


def test_a_failing_feed_is_logged_and_the_others_go_on(server, tmp_path: Path) -> None:
    good = Feed()
    g = generate(1, 1)[0]
    good.add(g.id, g.title, "http://x.invalid/g", content="".join(f"<p>{p}</p>" for p in g.text.split("\n\n")))
    server.routes["/good.xml"] = good.route
    server.routes["/bad.xml"] = static("<html><body><p>Moved to our new site.</p></body></html>", "application/rss+xml")
    server.routes["/down.xml"] = static("down", status=503)
    store = open_store(tmp_path / "f.db")
    for path in ("/bad.xml", "/down.xml", "/good.xml"):
        add_feeds(store, server.url(path))
    res = fetch_all(store, policy=LOCAL)
    assert res.summary.new == 1
    status = {Path(f.url).name: f for f in res.feeds}
    assert status["bad.xml"].error and status["down.xml"].error and not status["good.xml"].error
    rows = {Path(r.url).name: r for r in list_feeds(store)}
    assert rows["down.xml"].errors == 1 and rows["down.xml"].next_fetch > time.time()
    # backing off: the next pass skips the failing feeds unless forced
    server.requests.clear()
    fetch_all(store, policy=LOCAL)
    assert "/down.xml" not in server.paths()
    con = sqlite3.connect(tmp_path / "f.db")
    assert con.execute("SELECT count(*) FROM fetch_log WHERE error IS NOT NULL").fetchone()[0] >= 2


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def _big_feed(server, n: int) -> list:
    feed = Feed()
    items = generate(n // 4, 4, seed=5)
    for k, g in enumerate(items):
        feed.add(g.id, g.title, server.url(f"/n/{k}"), content="".join(f"<p>{p}</p>" for p in g.text.split("\n\n")))
    server.routes["/big.xml"] = feed.route
    return items


def test_kill_minus_nine_during_watch_then_fetch_resumes(server, tmp_path: Path) -> None:
    items = _big_feed(server, 240)
    db = tmp_path / "w.db"
    store = open_store(db)
    add_feeds(store, server.url("/big.xml"))
    store.close()
    watch = [sys.executable, "-m", "crosswire", "watch", "--db", str(db), "--every", "1s", "--allow-private",
             "--delay", "0", "-q"]
    proc = subprocess.Popen(watch, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and _count(db) == 0:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _count(db)
    check_sqlite_store(db)
    out = subprocess.run([sys.executable, "-m", "crosswire", "fetch", "--db", str(db), "--allow-private",
                          "--delay", "0", "-q"], env=_env(), capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"{len(items) - killed_at} new, 0 already stored, 0 errors"
    assert check_sqlite_store(db)["articles"] == len(items)
    got = dict(assignments(open_store(db)))
    assert len(got) == len(items)


def test_watch_stops_cleanly_on_sigterm(server, tmp_path: Path) -> None:
    items = _big_feed(server, 20)
    db = tmp_path / "w.db"
    store = open_store(db)
    add_feeds(store, server.url("/big.xml"))
    store.close()
    proc = subprocess.Popen([sys.executable, "-m", "crosswire", "watch", "--db", str(db), "--every", "30m",
                             "--allow-private", "--delay", "0", "-q"], env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _count(db) < len(items):
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "stopped after 1 pass" in out
    assert check_sqlite_store(db)["articles"] == len(items)


def test_an_entry_whose_page_failed_for_now_is_tried_again(server, tmp_path: Path) -> None:
    g = generate(1, 1, seed=4)[0]
    feed = Feed()
    feed.add(g.id, g.title, server.url("/flaky"), summary="teaser")
    server.routes["/feed.xml"] = feed.route
    server.routes["/flaky"] = static("busy", status=503)
    store = open_store(tmp_path / "f.db")
    add_feeds(store, server.url("/feed.xml"))
    r1 = fetch_all(store, policy=LOCAL)
    assert r1.summary.new == 0 and r1.summary.errors == 1
    assert list_feeds(store)[0].etag is None  # no validators kept: the next pass reads the whole feed
    server.routes["/flaky"] = static(page_html(g.title, g.text))
    server.requests.clear()
    r2 = fetch_all(store, policy=LOCAL)
    assert "if-none-match" not in server.requests[0][1]
    assert r2.summary.new == 1 and list_feeds(store)[0].etag == '"v1"'


def test_cli_add_url_feeds_add_opml_and_list(server, tmp_path: Path, capsys) -> None:
    from crosswire.cli import main

    g = generate(1, 1, seed=8)[0]
    server.routes["/story"] = static(page_html(g.title, g.text))
    db = str(tmp_path / "c.db")
    assert main(["add", "--db", db, server.url("/story")]) == 1  # loopback refused by default
    captured = capsys.readouterr()
    assert captured.out.strip() == "0 new, 0 already stored, 1 error" and "--allow-private" in captured.err
    assert main(["add", "--db", db, "--allow-private", "--delay", "0", server.url("/story")]) == 0
    assert capsys.readouterr().out.strip() == "1 new, 0 already stored, 0 errors"
    opml = tmp_path / "feeds.opml"
    opml.write_text(f"""<opml version="2.0"><body><outline text="A" xmlUrl="{server.url('/a.xml')}"/>
        <outline text="B" xmlUrl="{server.url('/b.xml')}"/></body></opml>""", encoding="utf-8")
    assert main(["feeds", "add", "--db", db, str(opml)]) == 0
    assert "2 feeds added" in capsys.readouterr().out
    assert main(["feeds", "list", "--db", db, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["title"] for r in rows] == ["A", "B"] and all(r["last_fetch"] is None for r in rows)


def test_a_defect_while_storing_one_feed_does_not_stop_the_pass(server, tmp_path: Path, monkeypatch) -> None:
    from crosswire.store import follow

    feeds = {}
    for name, seed in (("one", 1), ("two", 2)):
        f = Feed()
        g = generate(1, 1, seed=seed)[0]
        f.add(g.id, g.title, server.url(f"/{name}/x"), content="".join(f"<p>{p}</p>" for p in g.text.split("\n\n")))
        server.routes[f"/{name}.xml"] = f.route
        feeds[name] = f
    store = open_store(tmp_path / "f.db")
    add_feeds(store, server.url("/one.xml"))
    add_feeds(store, server.url("/two.xml"))
    real = follow.add_articles
    calls = []

    def flaky(*a, **kw):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("disk on fire")
        return real(*a, **kw)

    monkeypatch.setattr(follow, "add_articles", flaky)
    res = fetch_all(store, policy=LOCAL)
    assert [f.status for f in res.feeds] == ["error", "1 new"]
    assert "RuntimeError: disk on fire" in res.feeds[0].error
    assert list_feeds(store)[0].errors == 1
