"""The web app's caches: one computation per page and store generation, however many readers ask at
once; a page computed again once the store changes (new generation), not before."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("sqlalchemy")

from fastapi.testclient import TestClient  # noqa: E402
from webkit import make_store, quick_brief, story_of  # noqa: E402

from crosswire.model import Article  # noqa: E402
from crosswire.web import create_app  # noqa: E402
from crosswire.web.respond import cached, generation  # noqa: E402
from crosswire.web.site import Site  # noqa: E402


class _Counting(Site):
    """A site without a store whose generation is a counter the test moves."""

    reads = 0
    current = 1

    def generation(self) -> Any:  # the blocking read, slow enough for readers to pile up
        type(self).reads += 1
        time.sleep(0.05)
        self._gen = (time.monotonic(), self.current)
        return self.current


def _site(ttl: float = 60.0) -> _Counting:
    _Counting.reads, _Counting.current = 0, 1
    return _Counting(store=None, generation_ttl=ttl)  # type: ignore[arg-type]


def test_a_missing_page_is_computed_once_for_all_the_readers_waiting() -> None:
    site = _site()
    calls: list[int] = []
    lock = threading.Lock()

    def make() -> str:
        with lock:
            calls.append(1)
        time.sleep(0.05)
        return "<html>list</html>"

    async def readers() -> list[Any]:
        return await asyncio.gather(*(cached(site, ("list", 1, "page=1"), make) for _ in range(30)))

    got = asyncio.run(readers())
    assert got == ["<html>list</html>"] * 30 and len(calls) == 1
    assert not site.inflight  # nothing left waiting
    # another key is another computation; the same key again is a hit
    asyncio.run(cached(site, ("list", 1, "page=2"), make))
    asyncio.run(cached(site, ("list", 1, "page=1"), make))
    assert len(calls) == 2


def test_a_failed_computation_fails_its_readers_and_is_tried_again() -> None:
    site = _site()
    tries: list[int] = []

    def make() -> str:
        tries.append(1)
        if len(tries) == 1:
            raise RuntimeError("database is locked")
        return "ok"

    async def readers() -> list[Any]:
        return await asyncio.gather(*(cached(site, "k", make) for _ in range(5)), return_exceptions=True)

    first = asyncio.run(readers())
    assert all(isinstance(x, RuntimeError) for x in first) and len(tries) == 1
    assert asyncio.run(cached(site, "k", make)) == "ok" and len(tries) == 2


def test_the_generation_is_read_once_per_expiry_by_concurrent_readers() -> None:
    site = _site(ttl=60.0)

    async def readers() -> list[Any]:
        return await asyncio.gather(*(generation(site) for _ in range(40)))

    assert asyncio.run(readers()) == [1] * 40 and _Counting.reads == 1
    assert asyncio.run(readers()) == [1] * 40 and _Counting.reads == 1  # still recent: no read
    site.current = 2
    site.invalidate()  # this process changed the store
    assert asyncio.run(readers()) == [2] * 40 and _Counting.reads == 2


def test_pages_follow_the_store_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    store = make_store(path)
    try:
        app = create_app(str(path), build_timeout=None, brief_fn=quick_brief, generation_ttl=0.0)
        with TestClient(app) as client:
            sid = story_of(store, "courrier-ferry")
            page1, api1 = client.get("/"), client.get(f"/api/stories/{sid}")
            assert page1.status_code == api1.status_code == 200
            # unchanged store: the same cached answers, a 304 for the ETag the reader has
            again = client.get("/")
            assert again.text == page1.text and again.headers["etag"] == page1.headers["etag"]
            assert client.get("/", headers={"If-None-Match": page1.headers["etag"]}).status_code == 304
            from crosswire.store import add_articles

            add_articles(store, [Article(
                id="quay-ferry", title="Les ferries de Tessaly restent à quai",
                outlet="Écho de Morvain", published="2026-02-12", language="fr",
                text="Les ferries de la baie de Tessaly sont restés à quai mercredi, troisième jour de la grève "
                     "des marins, a annoncé leur syndicat.\n\nQuelque 4 000 passagers empruntent chaque jour "
                     "les ferries entre Tessaly et l'île de Morvain.")])
            assert story_of(store, "quay-ferry") == sid
            page2, api2 = client.get("/"), client.get(f"/api/stories/{sid}")
            assert page2.headers["etag"] != page1.headers["etag"]
            assert api2.headers["etag"] != api1.headers["etag"]
            assert "quay-ferry" in {m["id"] for m in api2.json()["members"]}
            assert client.get("/", headers={"If-None-Match": page1.headers["etag"]}).status_code == 200
    finally:
        store.close()
