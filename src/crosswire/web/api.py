"""The JSON API: stories, one story, its brief (the contract's JSON), one article.  OpenAPI at /api/openapi.json."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel

from crosswire.brief.load import cited_sentences
from crosswire.model import article_json
from crosswire.store import browse
from crosswire.web.pages import copies_of, parsed, story_query, story_with_brief
from crosswire.web.respond import cached, error, etag_of, generation, site_of, with_etag
from crosswire.web.site import article_href, story_href

router = APIRouter(prefix="/api", tags=["api"])
JSON = "application/json"


class Problem(BaseModel):
    detail: Any


class StoryItem(BaseModel):
    id: str
    headline: str
    articles: int
    sources: int
    outlets: list[str]
    languages: list[str]
    first_date: str | None
    last_date: str | None
    live: bool
    url: str
    brief: str


class StoryList(BaseModel):
    stories: list[StoryItem]
    page: int
    per_page: int
    pages: int
    total: int


def story_item(r: browse.StoryRow) -> dict[str, Any]:
    return {
        "id": r.id,
        "headline": r.headline,
        "articles": r.articles,
        "sources": r.sources,
        "outlets": r.outlets,
        "languages": r.languages,
        "first_date": r.first_date,
        "last_date": r.last_date,
        "live": r.live,
        "url": story_href(r.id),
        "brief": f"/api{story_href(r.id)}/brief",
    }


def dumps(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "no such story or article"}}


@router.get("/stories", response_model=StoryList, responses={422: {"model": Problem}})
async def api_stories(request: Request, sq: Annotated[browse.StoryQuery, Depends(story_query)]) -> Response:
    """Stories ranked by independent sources then recency (or by date with ``sort=recent``), filtered and paged."""
    site = site_of(request)
    gen = await generation(site)

    def make() -> tuple[str, str]:
        p = browse.list_stories(site.store, sq)
        body = {
            "stories": [story_item(r) for r in p.stories],
            "page": sq.page,
            "per_page": sq.per_page,
            "pages": p.pages,
            "total": p.total,
        }
        return dumps(body), etag_of("api-list", gen, sq)

    body, etag = await cached(site, ("api-list", gen, sq), make)
    return with_etag(request, body, etag, JSON)


@router.get("/stories/{sid}", responses=NOT_FOUND)
async def api_story(request: Request, sid: str) -> Response:
    """One story: its articles (latest versions), the older versions set aside, and its brief's state."""
    site = site_of(request)
    gen = await generation(site)

    def make() -> tuple[str, str] | None:
        detail = browse.story(site.store, sid)
        if detail is None:
            return None
        state = site.brief_state(detail)

        def member(m: browse.Member) -> dict[str, Any]:
            return {
                "id": m.uid,
                "title": m.title,
                "outlet": m.outlet,
                "published": m.published,
                "language": m.language,
                "url": m.url,
                "is_copy": m.is_copy,
                "version": m.version,
                "href": "/api" + article_href(m.uid),
            }

        kept = state.kept
        body = {
            **story_item(detail.row),
            "members": [member(m) for m in detail.members],
            "set_aside": [member(m) for m in detail.set_aside],
            "brief_state": {
                "state": "missing" if kept is None else ("fresh" if state.fresh else "stale"),
                "built": kept.built if kept else None,
                "mode": kept.mode if kept else None,
                "error": kept.error if kept else None,
            },
        }
        return dumps(body), etag_of("api-story", sid, gen)

    found = await cached(site, ("api-story", gen, sid), make)
    if found is None:
        return error(request, 404, f"no story {sid!r} in this store")
    return with_etag(request, found[0], found[1], JSON)


BUILDING: dict[int | str, dict[str, Any]] = {**NOT_FOUND, 202: {"description": "the brief is being built: retry"}}


@router.get("/stories/{sid}/brief", responses=BUILDING)
async def api_brief(request: Request, sid: str) -> Response:
    """The story's brief as the contract's JSON, built (and kept) when missing or stale.

    The ETag names the article set and the build; ``If-None-Match`` with it gives a 304.
    While a first brief is being built: 202 with ``Retry-After``."""
    site = site_of(request)
    detail, state = await story_with_brief(site, sid)
    if detail is None:
        return error(request, 404, f"no story {sid!r} in this store")
    kept = state.kept
    if kept is None or kept.body is None:
        if state.building or state.busy or kept is None:
            return Response(
                dumps({"detail": f"the brief of story {sid!r} is being built"}),
                status_code=202,
                media_type=JSON,
                headers={"Retry-After": "5", "Cache-Control": "no-store"},
            )
        return error(request, 404, f"story {sid!r} could not be briefed: {kept.error}")
    etag = '"' + kept.articles_hash[:20] + f"-{int(kept.built * 1000)}" + '"'
    headers = {"X-Crosswire-Brief": "fresh" if state.fresh else ("stale; updating" if state.building else "stale")}
    return with_etag(request, kept.body, etag, JSON, headers=headers)


@router.get("/articles/{uid:path}", responses=NOT_FOUND)
async def api_article(request: Request, uid: str) -> Response:
    """One article as in the contract (``articles[]``), with its story, version and the sentences its brief cites."""
    site = site_of(request)
    gen = await generation(site)

    def make() -> tuple[str, str] | None:
        from crosswire.store.briefs import kept_brief

        detail = browse.article(site.store, uid)
        if detail is None:
            return None
        kept = kept_brief(site.store, detail.story_id) if detail.story_id else None
        d = parsed(site, kept) if kept else None
        group, _ = copies_of(d, uid)
        body = {
            **article_json(detail.article),
            "story": detail.story_id,
            "is_copy": detail.is_copy,
            "not_an_article": detail.noise,
            "version": detail.version,
            "latest": detail.latest,
            "versions": [v.uid for v in detail.versions],
            "cited_sentences": sorted(cited_sentences(d, uid)) if d else [],
            "highlighted_sentences": sorted(cited_sentences(d, uid, every_fact=False)) if d else [],
            "copies": group,
        }
        return dumps(body), etag_of("api-article", uid, gen)

    found = await cached(site, ("api-article", gen, uid), make)
    if found is None:
        return error(request, 404, f"no article {uid!r} in this store")
    return with_etag(request, found[0], found[1], JSON)
