"""The pages: the story list, a story with its brief, an article, the feeds, the pages set aside."""

from __future__ import annotations

import asyncio
import json
import secrets
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from crosswire.brief.load import brief_from_json, cited_sentences
from crosswire.brief.render import brief_view
from crosswire.store import browse
from crosswire.store.briefs import KeptBrief
from crosswire.text.sentences import article_sentences
from crosswire.web.respond import cached, error, etag_of, generation, page_html, site_of, with_etag
from crosswire.web.site import BriefState, Site

router = APIRouter()
DATE = r"^(\d{4}-\d{2}-\d{2})?$"
HTML = "text/html; charset=utf-8"
CSRF_COOKIE = "cw_csrf"


async def story_query(  # async: FastAPI would run a plain function in its thread pool, two thread hops a request
    q: Annotated[str, Query(max_length=200, description="words to find in titles and texts (all of them)")] = "",
    since: Annotated[str, Query(pattern=DATE, description="YYYY-MM-DD: stories with a report on or after it")] = "",
    until: Annotated[str, Query(pattern=DATE, description="YYYY-MM-DD: stories with a report on or before it")] = "",
    language: Annotated[str, Query(max_length=16, description="ISO 639-1 code, e.g. en")] = "",
    outlet: Annotated[str, Query(max_length=300, description="the outlet's name as stored")] = "",
    min_articles: Annotated[int, Query(ge=1, le=10000, description="stories of at least this many reports")] = 2,
    sort: Annotated[Literal["rank", "recent"], Query(description="rank: independent sources, then recency")] = "rank",
    page: Annotated[int, Query(ge=1, le=100000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 25,
) -> browse.StoryQuery:
    return browse.StoryQuery(
        q=q.strip(),
        since=since or None,
        until=until or None,
        language=language.strip() or None,
        outlet=outlet.strip() or None,
        min_articles=min_articles,
        sort=sort,
        page=page,
        per_page=per_page,
    )


def query_string(sq: browse.StoryQuery, **change: Any) -> str:
    """The list's URL query for ``sq`` with ``change`` applied, without the defaults."""
    values = {
        "q": sq.q,
        "since": sq.since,
        "until": sq.until,
        "language": sq.language,
        "outlet": sq.outlet,
        "min_articles": sq.min_articles,
        "sort": sq.sort,
        "page": sq.page,
        "per_page": sq.per_page,
        **change,
    }
    default = browse.StoryQuery()
    kept = {k: v for k, v in values.items() if v not in (None, "") and v != getattr(default, k, None)}
    return ("?" + urlencode(kept)) if kept else ""


# --- the story list ----------------------------------------------------------------------------------


@router.get("/", include_in_schema=False)
async def stories_page(request: Request, sq: Annotated[browse.StoryQuery, Depends(story_query)]) -> Response:
    site = site_of(request)
    gen = await generation(site)

    def make() -> tuple[str, str]:
        result = browse.list_stories(site.store, sq)
        languages, outlets = site.cached(("facets", gen), lambda: browse.facets(site.store))
        aside = site.cached(("aside-count", gen), lambda: browse.count_set_aside(site.store))
        searchable = browse.has_fts(site.store) or not site.store.is_sqlite
        html = page_html(
            "stories.html.j2",
            r=result,
            sq=sq,
            languages=languages,
            outlets=outlets,
            set_aside=aside,
            qs=lambda **c: query_string(sq, **c),
            searchable=searchable,
        )
        return html, etag_of("list", gen, sq)

    html, etag = await cached(site, ("list", gen, sq), make)
    return with_etag(request, html, etag, HTML)


# --- one story -----------------------------------------------------------------------------------------


async def story_with_brief(site: Site, sid: str, *, build: bool = True) -> tuple[browse.StoryDetail | None, BriefState]:
    """The story and its brief, building the brief (waiting up to ``build_wait`` s) when missing or stale.

    A story whose kept brief is fresh is remembered until the store changes."""
    gen = await generation(site)
    hit = site.peek(("story+brief", gen, sid))
    if hit is not None:
        return hit
    detail = await run_in_threadpool(browse.story, site.store, sid)
    if detail is None:
        return None, BriefState(None, False)
    state = await run_in_threadpool(site.brief_state, detail)
    if build and not state.fresh and detail.members:
        fut = site.build(sid)
        if fut is None:
            state.busy = True
            return detail, state
        try:
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(fut)), timeout=site.build_wait)
        except (TimeoutError, Exception):  # noqa: BLE001 - a failed build shows the story without it
            pass
        state = await run_in_threadpool(site.brief_state, detail)
        state.building = not state.fresh and not fut.done()
    if state.fresh:
        site.cached(("story+brief", await generation(site), sid), lambda: (detail, state))
    return detail, state


def parsed(site: Site, kept: KeptBrief) -> dict[str, Any] | None:
    """The kept brief's JSON, parsed once per build."""
    if kept.body is None:
        return None

    def load() -> dict[str, Any] | None:
        try:
            d = json.loads(kept.body or "")
        except ValueError:
            return None
        return d if isinstance(d, dict) else None

    return site.cached(("json", kept.story_id, kept.built), load)


def brief_fragment(site: Site, kept: KeptBrief) -> str | None:
    """The brief's sections as HTML (the brief's own template), rendered once per build."""
    d = parsed(site, kept)
    if d is None:
        return None

    def make() -> str | None:
        try:
            view = brief_view(brief_from_json(d))
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        return page_html("brief_fragment.html.j2", v=view)

    return site.cached(("fragment", kept.story_id, kept.built), make)


@router.get("/stories/{sid}", include_in_schema=False)
async def story_page(request: Request, sid: str) -> Response:
    site = site_of(request)
    gen = await generation(site)
    hit = site.peek(("story", gen, sid))
    if hit is not None:
        return with_etag(request, hit[0], hit[1], HTML)
    detail, state = await story_with_brief(site, sid)
    if detail is None:
        return error(request, 404, f"no story {sid!r} in this store")
    fragment = await run_in_threadpool(brief_fragment, site, state.kept) if state.kept else None
    html = page_html("story.html.j2", s=detail, state=state, fragment=fragment)
    etag = etag_of("story", sid, state.kept.built if state.kept else None, state.fresh, state.building, gen)
    if not state.building and not state.busy:
        gen = await generation(site)
        site.cached(("story", gen, sid), lambda: (html, etag))
    return with_etag(request, html, etag, HTML)


# --- one article ---------------------------------------------------------------------------------------


@dataclass
class Para:
    heading: bool
    sentences: list[tuple[int, str, bool]]  # (number, text, cited)


def paragraphs(detail: browse.ArticleDetail, cited: set[int]) -> list[Para]:
    """The article's clean text as paragraphs of numbered sentences (the numbering citations use)."""
    out: dict[int, Para] = {}
    for s in article_sentences(detail.article):
        p = out.setdefault(s.paragraph * 2 + (1 if s.is_heading else 0), Para(s.is_heading, []))
        p.sentences.append((s.index, s.text, s.index in cited))
    return [out[k] for k in sorted(out)]


def copies_of(d: dict[str, Any] | None, uid: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The copy group of ``uid`` in a brief's JSON, and the brief's articles by id (title, outlet)."""
    if not d:
        return None, []
    arts = {str(a.get("id")): a for a in d.get("articles") or [] if isinstance(a, dict)}
    for g in d.get("copies") or []:
        if isinstance(g, dict) and uid in (g.get("articles") or []):
            members = [
                {
                    "id": a,
                    "title": arts.get(a, {}).get("title"),
                    "outlet": arts.get(a, {}).get("outlet"),
                    "original": a == g.get("original"),
                }
                for a in g.get("articles") or []
                if a != uid
            ]
            return g, members
    return None, []


@router.get("/articles/{uid:path}", include_in_schema=False)
async def article_page(request: Request, uid: str) -> Response:
    site = site_of(request)
    gen = await generation(site)

    def make() -> tuple[str, str] | None:
        detail = browse.article(site.store, uid)
        if detail is None:
            return None
        from crosswire.store.briefs import kept_brief

        kept = kept_brief(site.store, detail.story_id) if detail.story_id else None
        d = parsed(site, kept) if kept else None
        cited = cited_sentences(d, uid, every_fact=False) if d else set()
        group, copies = copies_of(d, uid)
        html = page_html(
            "article.html.j2",
            a=detail.article,
            d=detail,
            paras=paragraphs(detail, cited),
            cited=cited,
            group=group,
            copies=copies,
            has_brief=d is not None,
            story_headline=(kept.headline if kept else None) or detail.story_id,
        )
        return html, etag_of("article", uid, gen)

    found = await cached(site, ("article", gen, uid), make)
    if found is None:
        return error(request, 404, f"no article {uid!r} in this store")
    return with_etag(request, found[0], found[1], HTML)


@router.get("/set-aside", include_in_schema=False)
async def set_aside_page(request: Request) -> Response:
    site = site_of(request)
    gen = await generation(site)
    pages = await cached(site, ("aside", gen), lambda: browse.set_aside(site.store))
    return with_etag(request, page_html("setaside.html.j2", pages=pages), etag_of("aside", gen), HTML)


# --- feeds ---------------------------------------------------------------------------------------------


def feeds_html(site: Site, nonce: str | None, message: str = "", failed: bool = False) -> str:
    from crosswire.store.follow import list_feeds
    from crosswire.store.query import iso_time

    rows = list_feeds(site.store)
    return page_html(
        "feeds.html.j2",
        feeds=rows,
        iso=iso_time,
        admin=site.admin,
        message=message,
        failed=failed,
        token=site.csrf_token(nonce) if nonce else "",
    )


@router.get("/feeds", include_in_schema=False)
async def feeds_page(request: Request, added: int = 0) -> Response:
    site = site_of(request)
    nonce = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24) if site.admin else None
    msg = f"{added} feed{'s' if added != 1 else ''} added." if added else ""
    html = await run_in_threadpool(feeds_html, site, nonce, msg)
    response = Response(html, media_type=HTML, headers={"Cache-Control": "no-store"})
    if nonce:
        response.set_cookie(CSRF_COOKIE, nonce, httponly=True, samesite="strict", path="/feeds")
    return response


def same_origin(request: Request) -> bool:
    """A POST from this site's own page: Sec-Fetch-Site and Origin (when the browser sends them) agree."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        return urlsplit(origin).netloc == host
    return origin != "null"


@router.post("/feeds", include_in_schema=False)
async def add_feed(request: Request) -> Response:
    site = site_of(request)
    if not site.admin:
        return error(request, 403, "feeds can be added only when the server runs with --admin")
    if not same_origin(request):
        return error(request, 403, "refused: the form was not sent from this site")
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return error(request, 400, "the form must be sent as application/x-www-form-urlencoded")
    body = await request.body()
    if len(body) > 8192:
        return error(request, 400, "the form is too large")
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
    nonce = request.cookies.get(CSRF_COOKIE)
    if not site.csrf_ok(nonce, form.get("csrf")):
        return error(request, 403, "refused: the form's token is missing or wrong (reload the feeds page)")
    url = form.get("url", "").strip()

    def add() -> tuple[int, str]:
        from crosswire.store.follow import FeedError, add_feeds

        if not url.lower().startswith(("http://", "https://")) or len(url) > 2048 or any(c.isspace() for c in url):
            return -1, f"{url[:200]!r}: only an http(s) feed URL can be added"
        try:
            return len(add_feeds(site.store, url, fetcher=None)), ""
        except FeedError as e:
            return -1, str(e)

    n, problem = await run_in_threadpool(add)
    if n < 0:
        html = await run_in_threadpool(feeds_html, site, nonce, problem, True)
        return Response(html, status_code=400, media_type=HTML, headers={"Cache-Control": "no-store"})
    site.invalidate()
    return RedirectResponse(f"/feeds?added={n}", status_code=303)


@router.get("/api/docs", include_in_schema=False)
async def api_docs(request: Request) -> Response:
    spec = request.app.openapi()
    html = page_html("apidocs.html.j2", spec=spec, paths=sorted(spec.get("paths", {}).items()))
    return with_etag(request, html, etag_of("docs", spec.get("info")), HTML)
