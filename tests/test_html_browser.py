"""The HTML brief in a real headless Chromium: it renders, citations open, nothing hostile runs.

Skips when Debian's /usr/bin/chromium or Playwright for Python is missing.  The
screenshots go to bench/out/ (gitignored) for a reviewer to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crosswire.brief import build_brief
from crosswire.model import Article, CopyGroup, FactSheet
from crosswire.brief.render import render_html

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OUT = Path(__file__).resolve().parents[1] / "bench" / "out"

# Fictional: a power cut told by a wire (twice, as copies) and a hostile page that tries to run script.
WIRE = (
    "A power cut left 40,000 homes in the city of Brennhold without electricity on Friday evening, "
    "the grid operator said.\n\n"
    "Power was restored to most homes within three hours after engineers replaced a faulty transformer.\n\n"
    "Hospitals switched to backup generators and no patients were affected, officials said."
)
HOSTILE = (
    "<script>window.__pwned=1</script>A power cut left 40,000 homes in Brennhold without electricity on Friday, "
    "according to the grid operator.\n\n"
    "Engineers replaced a faulty transformer and restored power to most homes within three hours "
    "<img src=x onerror=\"window.__pwned=2\">.\n\n"
    "Residents said street lights stayed dark until late at night in the old town districts."
)


@pytest.fixture(scope="module")
def page_factory():
    if not Path(CHROMIUM).exists():
        pytest.skip("no chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as e:  # noqa: BLE001 - a broken browser install is a skip, not a failure
            pytest.skip(f"chromium does not start: {e}")
        pages = []

        def make(viewport: dict):
            ctx = browser.new_context(viewport=viewport, has_touch=viewport["width"] < 600)
            page = ctx.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            pages.append(ctx)
            return page, requests

        yield make
        for ctx in pages:
            ctx.close()
        browser.close()


def _html() -> str:
    arts = [
        Article(id="wire", text=WIRE, title="Power cut hits 40,000 homes", outlet="Grid Wire"),
        Article(id="copy", text=WIRE, title="40,000 homes lose power", outlet="Evening Star"),
        Article(id="hostile", text=HOSTILE, title="<script>window.__pwned=3</script>Blackout", outlet="Odd Site"),
    ]
    groups = [CopyGroup(["wire", "copy"], "wire", "identical", 1.0)]
    return render_html(build_brief(arts, groups, FactSheet(), words=60))


def _load(page, html: str, tmp_path: Path) -> None:
    path = tmp_path / "brief.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())


def test_page_renders_and_hover_reveals_the_cited_sentence(page_factory, tmp_path):
    page, requests = page_factory({"width": 1200, "height": 900})
    _load(page, _html(), tmp_path)
    assert page.locator("h1").inner_text().strip()
    marker = page.locator("#summary .cite").first
    pop = marker.locator(".pop")
    assert not pop.is_visible()
    marker.hover()
    assert pop.is_visible()
    assert "40,000 homes" in pop.inner_text() or "power" in pop.inner_text().lower()
    assert [u for u in requests if not u.startswith("file:")] == []
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "brief.png"), full_page=True)


def test_every_popup_stays_inside_the_window(page_factory, tmp_path):
    page, _ = page_factory({"width": 800, "height": 900})
    _load(page, _html(), tmp_path)
    markers = page.locator("main .cite:has(.pop)")
    near_right_edge = 0
    for k in range(markers.count()):
        marker = markers.nth(k)
        marker.scroll_into_view_if_needed()
        marker.hover()
        pop = marker.locator(".pop")
        assert pop.is_visible()
        box, mark = pop.bounding_box(), marker.bounding_box()
        assert box is not None and mark is not None
        near_right_edge += mark["x"] + box["width"] > 800  # would overflow if drawn from the marker
        assert box["x"] >= 0 and box["x"] + box["width"] <= 800, f"popup {k} leaves the window"
    assert near_right_edge  # the page has markers where a naive popup would be cut off


def test_tap_on_a_phone_reveals_the_cited_sentence(page_factory, tmp_path):
    page, _ = page_factory({"width": 390, "height": 800})
    _load(page, _html(), tmp_path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling on a phone
    marker = page.locator("#summary .cite").first
    marker.tap()
    pop = marker.locator(".pop")
    assert pop.is_visible()
    box = pop.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "brief-phone.png"))


def test_hostile_article_runs_no_script_and_shows_as_text(page_factory, tmp_path):
    page, _ = page_factory({"width": 1200, "height": 900})
    _load(page, _html(), tmp_path)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    body = page.locator("body").inner_text()
    assert "<script>window.__pwned=3</script>Blackout" in body  # the hostile title, as text


def test_bidi_overrides_are_dropped_and_each_source_part_isolated(page_factory, tmp_path):
    arts = [
        Article(id="wire", text=WIRE, title="\u202eSWEN XOF \u2067left open", outlet="\u202eGrid Wire",
                published="2025-05-14"),
        Article(id="odd", text=HOSTILE.replace("<script>", "\\<img src=x onerror=\"window.__pwned=4\">"),
                title="Blackout \\[x\\](javascript:window.__pwned=5)", outlet="Odd \u2068Site", published="2025-05-15"),
    ]
    page, _ = page_factory({"width": 1200, "height": 900})
    _load(page, render_html(build_brief(arts, [], FactSheet(), words=60)), tmp_path)
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert not page.evaluate("/[\\u202d\\u202e]/.test(document.documentElement.outerHTML)")
    # the date of each source is a part of its own, which no title or outlet before it can reorder
    for date in ("2025-05-14", "2025-05-15"):
        assert page.locator(".src bdi", has_text=date).count() == 1
