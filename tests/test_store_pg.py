"""The store on a real PostgreSQL server (started by the test in a temporary directory; skipped if none can be)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("psycopg")

from sqlalchemy import create_engine, text
from storekit import Feed, check_rows, generate, serve, write_jsonl

from crosswire.cli import main
from crosswire.feeds.fetch import FetchPolicy
from crosswire.store.follow import add_feeds, fetch_all
from crosswire.model import Article
from crosswire.store import add_articles, open_store
from crosswire.store.pgtemp import NoPostgres, temporary_postgres
from crosswire.store.query import assignments

SRC = str(Path(__file__).resolve().parents[1] / "src")


@pytest.fixture(scope="module")
def pg_server():
    try:
        with temporary_postgres(fsync=False) as url:
            yield url
    except NoPostgres as e:
        pytest.skip(f"no PostgreSQL server could be started: {e}")


@pytest.fixture()
def pg_url(pg_server: str) -> str:
    """A fresh database on the module's server."""
    name = "t_" + uuid.uuid4().hex[:10]
    engine = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return pg_server.rsplit("/", 1)[0] + "/" + name


def _check(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return check_rows(lambda q: conn.execute(text(q)).all())
    finally:
        engine.dispose()


def _count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0
    except Exception:  # noqa: BLE001 - not created yet
        return 0
    finally:
        engine.dispose()


def test_add_versions_and_stories_on_postgres(pg_url: str) -> None:
    items = generate(5, 4)
    store = open_store(pg_url)
    s = add_articles(store, [Article(id=g.id, text=g.text, title=g.title) for g in items], embedder=False)
    assert (s.new, s.stored) == (20, 0)
    again = add_articles(store, [Article(id=g.id, text=g.text, title=g.title) for g in items], embedder=False)
    assert (again.new, again.stored) == (0, 20)
    url = "https://news.example/p"
    add_articles(store, [Article(id="p", text=items[0].text + "\n\nA new paragraph.", title="P", url=url)],
                 embedder=False)
    v = add_articles(store, [Article(id="p", text=items[0].text + "\n\nTwo new paragraphs.", title="P", url=url)],
                     embedder=False)
    assert v.versions == 1
    assert _check(pg_url)["articles"] == 22
    got = dict(assignments(store))
    for a in items:
        for b in items:
            if a.story == b.story:
                assert got[a.id] == got[b.id]
    store.close()


def test_password_is_never_printed(pg_server: str, capsys) -> None:
    bad = pg_server.replace("postgres@", "postgres:s3cret@").rsplit("/", 1)[0] + "/no_such_db"
    assert main(["status", "--db", bad]) == 1
    err = capsys.readouterr().err
    assert "s3cret" not in err and "cannot open the store" in err


def test_cli_status_and_a_fetch_pass_on_postgres(pg_url: str, tmp_path: Path, capsys) -> None:
    server = serve()
    try:
        feed = Feed()
        for g in generate(2, 3, seed=9):
            feed.add(g.id, g.title, server.url(f"/n/{g.id}"),
                     content="".join(f"<p>{p}</p>" for p in g.text.split("\n\n")))
        server.routes["/f.xml"] = feed.route
        store = open_store(pg_url)
        add_feeds(store, server.url("/f.xml"))
        res = fetch_all(store, policy=FetchPolicy(allow_private=True, delay=0.0, retries=0))
        assert res.summary.new == 6
        assert main(["status", "--db", pg_url]) == 0
        out = capsys.readouterr().out
        assert "articles: 6" in out and "feeds: 1 (0 failing)" in out
        store.close()
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def test_kill_minus_nine_during_add_on_postgres(pg_url: str, tmp_path: Path) -> None:
    items = generate(50, 4, seed=13)
    src = tmp_path / "in.jsonl"
    write_jsonl(src, items)
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "crosswire", "add", "--db", pg_url, str(src)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and _count(pg_url) == 0:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _count(pg_url)
    _check(pg_url)
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"{len(items) - killed_at} new, {killed_at} already stored, 0 errors"
    assert _check(pg_url)["articles"] == len(items)
