"""The web app through FastAPI's TestClient: the JSON API, the pages' HTML, ETags, errors, the feeds form.

The store is built in the test from the made-up reports of tests/webkit.py; briefs
are built in-process without the facts stage (``quick_brief``) to stay fast.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("sqlalchemy")

from fastapi.testclient import TestClient  # noqa: E402
from webkit import make_store, quick_brief, story_of  # noqa: E402

from crosswire.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    store = make_store(path)
    ids = {"bridge": story_of(store, "gazette-bridge"), "ferry": story_of(store, "courrier-ferry")}
    app = create_app(str(path), build_timeout=None, brief_fn=quick_brief, generation_ttl=0.0)
    with TestClient(app) as client:
        yield client, ids, store, path
    store.close()


@pytest.fixture()
def admin_client(env):
    _, _, _, path = env
    app = create_app(str(path), admin=True, build_timeout=None, brief_fn=quick_brief, generation_ttl=0.0)
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        yield client


def listed(client, **params) -> list[str]:
    r = client.get("/api/stories", params=params)
    assert r.status_code == 200, r.text
    return [s["id"] for s in r.json()["stories"]]


def test_list_ranks_by_independent_sources_and_pages(env):
    client, ids, _, _ = env
    body = client.get("/api/stories").json()
    assert [s["id"] for s in body["stories"]] == [ids["bridge"], ids["ferry"]]  # 4 sources before 3
    first = body["stories"][0]
    assert first["sources"] == 4 and first["articles"] == 4 and "Harbour Gazette" in first["outlets"]
    assert first["brief"] == f"/api/stories/{ids['bridge']}/brief"
    one = client.get("/api/stories", params={"per_page": 1, "page": 2}).json()
    assert [s["id"] for s in one["stories"]] == [ids["ferry"]] and one["pages"] == 2 and one["total"] == 2
    assert listed(client, sort="recent") == [ids["bridge"], ids["ferry"]]


def test_search_over_titles_and_texts(env):
    client, ids, _, _ = env
    assert listed(client, q="Lindqvist") == [ids["bridge"]]  # a name in the texts only
    assert listed(client, q="arrêt") == [ids["ferry"]]  # a word of one title
    assert listed(client, q="arret") == [ids["ferry"]]  # accents folded
    assert listed(client, q="Lindqvist marins") == []  # every word must match
    for hostile in ['"', "NEAR(a b", "a* OR -b", "'; DROP TABLE articles; --"]:
        assert client.get("/api/stories", params={"q": hostile}).status_code == 200
    page = client.get("/", params={"q": "Lindqvist"})
    assert page.status_code == 200 and "1 story" in page.text


def test_filters_by_language_outlet_and_dates(env):
    client, ids, _, _ = env
    assert listed(client, language="fr") == [ids["ferry"]]
    assert listed(client, outlet="Veldmark Post") == [ids["bridge"]]
    assert listed(client, since="2026-03-01") == [ids["bridge"]]
    assert listed(client, until="2026-02-28") == [ids["ferry"]]
    assert listed(client, min_articles=4) == [ids["bridge"]]


def test_bad_parameters_are_422_and_unknown_ids_404(env):
    client, _, _, _ = env
    for params in ({"page": 0}, {"per_page": 1000}, {"since": "03/02/2026"}, {"sort": "random"}):
        r = client.get("/api/stories", params=params)
        assert r.status_code == 422 and isinstance(r.json()["detail"], list), params
    page = client.get("/", params={"since": "yesterday"})
    assert page.status_code == 422 and "since" in page.text and page.headers["content-type"].startswith("text/html")
    for url in ("/api/stories/s999", "/api/stories/s999/brief", "/api/articles/no-such-article"):
        r = client.get(url)
        assert r.status_code == 404 and "not" in r.json()["detail"] or "no " in r.json()["detail"]
    assert client.get("/stories/s999").status_code == 404
    assert "no story" in client.get("/stories/s999").text


def test_brief_is_built_kept_and_sent_again_only_when_changed(env):
    client, ids, store, _ = env
    from crosswire.store.briefs import kept_brief

    sid = ids["ferry"]
    r = client.get(f"/api/stories/{sid}/brief")
    assert r.status_code == 200, r.text
    brief = r.json()
    assert {a["id"] for a in brief["articles"]} == {"courrier-ferry", "journal-ferry", "radio-ferry"}
    assert brief["summary"] and brief["sources"] >= 1
    kept = kept_brief(store, sid)
    assert kept is not None and kept.body is not None and json.loads(kept.body)["sources"] == brief["sources"]
    etag = r.headers["etag"]
    again = client.get(f"/api/stories/{sid}/brief", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(f"/api/stories/{sid}").json()["brief_state"]["state"] == "fresh"


def test_a_stale_brief_is_rebuilt(env, tmp_path):
    client, ids, store, _ = env
    from crosswire.model import Article
    from crosswire.store import add_articles

    sid = ids["ferry"]
    first = client.get(f"/api/stories/{sid}/brief")
    extra = Article(
        id="bulletin-ferry",
        title="Grève des ferries : deuxième jour à Tessaly",
        outlet="Bulletin de la Baie",
        published="2026-02-11",
        language="fr",
        text="Les marins des ferries de la baie de Tessaly sont en grève depuis mardi pour réclamer des "
        "hausses de salaire, a annoncé leur syndicat.\n\nQuelque 4 000 passagers empruntent chaque "
        "jour les ferries entre Tessaly et l'île de Morvain.\n\nLa grève des ferries durera au moins "
        "trois jours, selon le syndicat des marins.",
    )
    add_articles(store, [extra])
    assert story_of(store, "bulletin-ferry") == sid
    second = client.get(f"/api/stories/{sid}/brief")
    assert second.status_code == 200 and second.headers["etag"] != first.headers["etag"]
    assert "bulletin-ferry" in {a["id"] for a in second.json()["articles"]}


def test_article_api_and_page_show_the_cited_sentences(env):
    client, ids, _, _ = env
    client.get(f"/api/stories/{ids['bridge']}/brief")
    art = client.get("/api/articles/gazette-bridge").json()
    assert art["story"] == ids["bridge"] and art["outlet"] == "Harbour Gazette" and art["text"].startswith("The Orrin")
    cited, shown = art["cited_sentences"], art["highlighted_sentences"]
    assert shown and set(shown) <= set(cited), "the brief uses some sentence of the first report"
    page = client.get("/articles/gazette-bridge").text
    for n in shown:
        assert re.search(rf'class="sent cited" id="s{n}"', page)
    for n in set(range(3)) - set(shown):  # a sentence only a single-source fact cites is not highlighted
        assert re.search(rf'class="sent" id="s{n}"', page)
    assert 'href="https://gazette.example/orrin-bridge"' in page  # an http(s) original is linked
    wire = client.get("/articles/wire-bridge").text
    assert "ftp://wire.example/orrin.txt" in wire and 'href="ftp:' not in wire  # any other scheme is only shown


def test_hostile_report_is_escaped_everywhere(env):
    client, ids, _, _ = env
    pages = [
        client.get("/articles/hostile-bridge").text,
        client.get(f"/stories/{ids['bridge']}").text,
        client.get("/").text,
        client.get("/", params={"q": "Orrin"}).text,
    ]
    for html in pages:
        assert "<script>window" not in html and "<img src=x" not in html
        assert 'href="javascript:' not in html.lower() and 'onerror="window' not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;Orrin Bridge shut" in pages[0]
    assert "javascript:window.__pwned=3" in pages[0]  # the address is shown as text


def test_security_headers_and_no_other_host(env):
    client, ids, _, _ = env
    for url in ("/", f"/stories/{ids['bridge']}", "/articles/gazette-bridge", "/feeds", "/api/docs", "/api/stories"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
        if url != "/articles/gazette-bridge":  # (that page links its http(s) original)
            assert not re.search(r'(src|href)="(https?:)?//', r.text), url
    js = client.get("/static/brief.js")
    assert (
        js.status_code == 200
        and client.get("/static/brief.js", headers={"If-None-Match": js.headers["etag"]}).status_code == 304
    )
    assert client.get("/static/..%2Fsite.py").status_code == 404


def test_story_page_links_citations_to_the_articles(env):
    client, ids, _, _ = env
    html = client.get(f"/stories/{ids['bridge']}").text
    assert re.search(r'<a class="open" href="/articles/[\w-]+#s\d+">open in the article</a>', html)
    for uid in ("gazette-bridge", "post-bridge", "wire-bridge", "hostile-bridge"):
        assert f'href="/articles/{uid}"' in html


def test_openapi_describes_the_api(env):
    client, _, _, _ = env
    spec = client.get("/api/openapi.json").json()
    assert {"/api/stories", "/api/stories/{sid}", "/api/stories/{sid}/brief", "/api/articles/{uid}"} <= set(
        spec["paths"]
    )
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/stories/{sid}/brief" in docs.text
    assert client.get("/docs").status_code == 404  # FastAPI's own page would load a CDN's script


def test_feeds_page_and_the_admin_form(env, admin_client):
    client, _, store, _ = env
    page = client.get("/feeds")
    assert "https://feeds.example/rss" in page.text and "<form" not in page.text
    assert client.post("/feeds", data={"url": "https://x.example/rss"}).status_code == 403  # not --admin
    form = admin_client.get("/feeds")
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', form.text).group(1)
    assert admin_client.post("/feeds", data={"url": "https://new.example/feed", "csrf": "0" * 64}).status_code == 403
    evil = admin_client.post(
        "/feeds",
        data={"url": "https://evil.example/feed", "csrf": token},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert evil.status_code == 403
    bad = admin_client.post("/feeds", data={"url": "file:///etc/passwd", "csrf": token})
    assert bad.status_code == 400 and "only an http(s) feed" in bad.text
    ok = admin_client.post(
        "/feeds",
        data={"url": "https://new.example/feed", "csrf": token},
        headers={"Origin": "http://127.0.0.1:8000"},
        follow_redirects=False,
    )
    assert ok.status_code == 303, ok.text
    from crosswire.store.follow import list_feeds

    assert "https://new.example/feed" in [f.url for f in list_feeds(store)]
    assert "evil.example" not in admin_client.get("/feeds").text


def test_serve_command_says_what_is_wrong(tmp_path: Path):
    out = subprocess.run(
        [sys.executable, "-m", "crosswire", "serve", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(Path(__file__).parents[1] / "src")},
    )
    assert out.returncode == 1 and "no such store" in out.stderr and "Traceback" not in out.stderr


def test_briefs_command_keeps_json_briefs_for_the_web(tmp_path: Path):
    from crosswire.store.briefs import kept_brief, write_store_briefs

    store = make_store(tmp_path / "b.db")
    run = write_store_briefs(store, tmp_path / "out", fmt="json", jobs=1, timeout=None, brief_fn=quick_brief)
    assert len(run.built) == 2
    for sid in run.built:
        kept = kept_brief(store, sid)
        assert kept is not None and kept.body is not None
        assert json.loads(kept.body) == json.loads((tmp_path / "out" / f"{sid}.json").read_text(encoding="utf-8"))
    store.close()


def test_highlighted_sentences_leave_out_single_source_facts():
    from crosswire.brief.load import cited_sentences

    d = {
        "summary": [{"text": "x", "citations": [{"article": "a", "sentence": 0}]}],
        "facts": [
            {"independent_sources": 2, "citations": [{"article": "a", "sentence": 1, "text": "y"}]},
            {"independent_sources": 1, "citations": [{"article": "a", "sentence": 2, "text": "z"}]},
            {"independent_sources": 1, "citations": [{"article": "b", "sentence": 3, "text": "w"}]},
        ],
        "quotes": [{"citations": [{"article": "a", "sentence": 4, "text": "q"}]}],
    }
    assert cited_sentences(d, "a") == {0, 1, 2, 4}
    assert cited_sentences(d, "a", every_fact=False) == {0, 1, 4}
    assert cited_sentences(d, "c") == set()


def test_no_brief_is_queued_past_the_limit(tmp_path: Path):
    store = make_store(tmp_path / "busy.db")
    sid = story_of(store, "gazette-bridge")
    app = create_app(str(tmp_path / "busy.db"), build_timeout=None, brief_fn=quick_brief, generation_ttl=0.0)
    app.state.site.max_pending = 0  # as if eight other briefs were waiting
    with TestClient(app) as client:
        page = client.get(f"/stories/{sid}")
        assert page.status_code == 200 and "busy building other briefs" in page.text
        assert 'http-equiv="refresh"' in page.text
        r = client.get(f"/api/stories/{sid}/brief")
        assert r.status_code == 202 and r.headers["retry-after"]
        app.state.site.max_pending = 8
        assert client.get(f"/api/stories/{sid}/brief").status_code == 200
    store.close()
