"""The web app's queries on a real PostgreSQL server: migration 0002's full-text index, search, filters, briefs.

Starts a throw-away server (crosswire.store.pgtemp); skipped when none can be.
"""

from __future__ import annotations

import uuid

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("psycopg")
pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from webkit import make_store, quick_brief, story_of  # noqa: E402

from crosswire.store.pgtemp import NoPostgres, temporary_postgres  # noqa: E402


@pytest.fixture(scope="module")
def pg_url():
    try:
        with temporary_postgres(fsync=False) as url:
            name = "w_" + uuid.uuid4().hex[:10]
            engine = create_engine(url, isolation_level="AUTOCOMMIT")
            with engine.connect() as conn:
                conn.execute(text(f"CREATE DATABASE {name}"))
            engine.dispose()
            yield url.rsplit("/", 1)[0] + "/" + name
    except NoPostgres as e:
        pytest.skip(f"no PostgreSQL server could be started: {e}")


def test_search_filters_and_briefs_on_postgresql(pg_url):
    from crosswire.web import create_app

    store = make_store(pg_url)
    with store.engine.connect() as conn:
        indexes = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'articles'")).scalars())
    assert "ix_articles_fts" in indexes
    bridge, ferry = story_of(store, "gazette-bridge"), story_of(store, "courrier-ferry")
    app = create_app(pg_url, build_timeout=None, brief_fn=quick_brief, generation_ttl=0.0)
    with TestClient(app) as client:

        def ids(**params):
            return [s["id"] for s in client.get("/api/stories", params=params).json()["stories"]]

        assert ids() == [bridge, ferry]
        assert ids(q="Lindqvist") == [bridge]
        assert ids(q="marins salaire") == [ferry]
        assert ids(q="Lindqvist marins") == []
        assert ids(q="'); DROP TABLE articles; --") == []
        assert ids(language="fr") == [ferry] and ids(since="2026-03-01") == [bridge]
        brief = client.get(f"/api/stories/{ferry}/brief")
        assert brief.status_code == 200 and brief.json()["summary"]
        assert client.get(f"/stories/{bridge}").status_code == 200
    store.close()
