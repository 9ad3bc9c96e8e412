"""The web app in a real headless Chromium, served by ``crosswire serve`` (uvicorn) on 127.0.0.1.

list -> story -> a citation's pop-up -> the cited article with the sentence highlighted;
search; filters; a hostile report runs nothing; no request leaves the server (every
request to another host is intercepted, aborted and counted); no sideways scroll at phone
width; the keyboard alone reaches a citation and follows it.  Skips when Debian's
/usr/bin/chromium, Playwright, FastAPI or uvicorn is missing.  Screenshots go to bench/out/.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("sqlalchemy")

from webkit import make_store, story_of  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUT = ROOT / "bench" / "out"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("no chromium at /usr/bin/chromium")
    pytest.importorskip("playwright.sync_api")
    from crosswire.model import Story
    from crosswire.store import browse
    from crosswire.store.briefs import build_story_brief

    path = tmp_path_factory.mktemp("webb") / "web.db"
    store = make_store(path)
    ids = {"bridge": story_of(store, "gazette-bridge"), "ferry": story_of(store, "courrier-ferry")}
    for sid in ids.values():  # the full pipeline, once, in this process; the server shows the kept briefs
        d = browse.story(store, sid)
        build_story_brief(store, Story(id=sid, articles=[m.uid for m in d.members]), timeout=None)
    store.close()
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "crosswire", "serve", "--db", str(path), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"crosswire serve did not start: {proc.stderr.read().decode()[-2000:]}")
        time.sleep(0.2)
    yield base, ids
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as e:  # noqa: BLE001 - a broken browser install is a skip, not a failure
            pytest.skip(f"chromium does not start: {e}")
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A page whose requests to any host but 127.0.0.1 are aborted and listed in ``page.outside``."""
    made = []

    def make(width: int = 1200, height: int = 900):
        ctx = browser.new_context(viewport={"width": width, "height": height}, has_touch=width < 600)
        outside: list[str] = []

        def guard(route):
            host = urlsplit(route.request.url).hostname
            if host == "127.0.0.1":
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        ctx.route("**/*", guard)
        pg = ctx.new_page()
        pg.outside = outside
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.errors = errors
        made.append(ctx)
        return pg

    yield make
    for ctx in made:
        ctx.close()


def shot(pg, name: str, full: bool = True) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(OUT / name), full_page=full)


def test_list_story_popup_then_the_cited_sentence_highlighted(server, page):
    base, ids = server
    pg = page()
    pg.goto(base + "/")
    stories = pg.locator("ol.stories li.story")
    assert stories.count() == 2
    shot(pg, "web-list.png")
    stories.first.locator("h2 a").click()
    pg.wait_for_url(re.compile(rf"/stories/{ids['bridge']}$"))
    marker = pg.locator("#summary .cite").first
    pop = marker.locator(".pop")
    assert not pop.is_visible()
    marker.hover()
    assert pop.is_visible()
    cited = pop.locator("b").inner_text()
    shot(pg, "web-story.png", full=False)
    link = pop.locator("a.open")
    href = link.get_attribute("href")
    m = re.fullmatch(r"/articles/([\w-]+)#s(\d+)", href or "")
    assert m, href
    link.click()
    pg.wait_for_url(re.compile(r"/articles/.+#s\d+$"))
    target = pg.locator(":target")
    assert target.get_attribute("id") == f"s{m.group(2)}"
    assert "cited" in (target.get_attribute("class") or "")
    assert pg.evaluate("getComputedStyle(document.querySelector(':target')).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )
    assert target.is_visible() and f"sentence {m.group(2)}" in cited
    shot(pg, "web-article.png")
    assert pg.outside == [] and pg.errors == []


def test_search_and_a_filter(server, page):
    base, ids = server
    pg = page()
    pg.goto(base + "/")
    pg.fill("#q", "Lindqvist")
    pg.press("#q", "Enter")
    pg.wait_for_url(re.compile(r"q=Lindqvist"))
    heads = pg.locator("ol.stories li.story h2 a")
    assert heads.count() == 1 and heads.first.get_attribute("href") == f"/stories/{ids['bridge']}"
    shot(pg, "web-search.png")
    pg.goto(base + "/")
    pg.select_option("#language", "fr")
    pg.click("form.filters button")
    pg.wait_for_url(re.compile(r"language=fr"))
    heads = pg.locator("ol.stories li.story h2 a")
    assert heads.count() == 1 and heads.first.get_attribute("href") == f"/stories/{ids['ferry']}"
    assert pg.outside == [] and pg.errors == []


def test_hostile_report_runs_nothing(server, page):
    base, ids = server
    pg = page()
    for url in ("/articles/hostile-bridge", f"/stories/{ids['bridge']}", "/?q=Orrin", "/api/docs"):
        pg.goto(base + url)
        pg.wait_for_load_state("load")
        assert pg.evaluate("typeof window.__pwned") == "undefined", url
        assert pg.locator("main img").count() == 0, url
        assert pg.locator('a[href^="javascript:" i]').count() == 0, url
    pg.goto(base + "/articles/hostile-bridge")
    assert "<script>window.__pwned=1</script>Orrin Bridge shut" in pg.locator("h1").inner_text()
    assert "javascript:window.__pwned=3" in pg.locator("main").inner_text()
    shot(pg, "web-hostile.png")
    assert pg.outside == []


def test_phone_width_has_no_sideways_scroll(server, page):
    base, ids = server
    pg = page(375, 800)
    for url, name in (
        ("/", "web-phone-list.png"),
        (f"/stories/{ids['bridge']}", "web-phone-story.png"),
        ("/articles/hostile-bridge", None),
        ("/feeds", None),
        ("/api/docs", None),
    ):
        pg.goto(base + url)
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{url}: {width}px wide"
        if name:
            shot(pg, name)
    pg.goto(base + f"/stories/{ids['bridge']}")
    marker = pg.locator("#summary .cite").first
    marker.tap()
    pop = marker.locator(".pop")
    assert pop.is_visible()
    box = pop.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    shot(pg, "web-phone-popup.png", full=False)
    assert pg.outside == []


def test_keyboard_reaches_a_citation_and_follows_it(server, page):
    base, ids = server
    pg = page()
    pg.goto(base + f"/stories/{ids['ferry']}")
    for _ in range(80):
        pg.keyboard.press("Tab")
        if pg.evaluate("document.activeElement.classList.contains('cite')"):
            break
    else:
        pytest.fail("no citation marker reached with Tab")
    assert pg.locator(".cite:focus .pop").is_visible()
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.className") == "open"
    pg.keyboard.press("Enter")
    pg.wait_for_url(re.compile(r"/articles/.+#s\d+$"))
    assert "cited" in (pg.locator(":target").get_attribute("class") or "")
    assert pg.outside == []
