"""Responses of the web app: pages from templates, ETags and 304s, errors as a page or as JSON."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from crosswire.brief.render import finalize, source_line
from crosswire.web.site import Site, article_href, safe_url, story_href


@lru_cache(maxsize=1)
def environment() -> Any:
    from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("crosswire.web", "templates"), PackageLoader("crosswire.brief", "templates")]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        finalize=finalize,
        lstrip_blocks=True,
    )
    env.globals.update(source_line=source_line, article_href=article_href, story_href=story_href, safe_url=safe_url)
    return env


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


async def _once(site: Site, key: Any, work: Callable[..., Any], *args: Any) -> Any:
    """``work(*args)`` in a worker thread, shared by every request that asks for ``key`` while it runs
    (fifty readers arriving as a page expires wait for one computation, not fifty)."""
    fut = site.inflight.get(key)
    if fut is None:
        fut = asyncio.ensure_future(run_in_threadpool(work, *args))
        site.inflight[key] = fut
        fut.add_done_callback(lambda _f: site.inflight.pop(key, None))
    return await asyncio.shield(fut)


async def generation(site: Site) -> Any:
    """The store's generation: from memory while recent, else read in a worker thread (one read at a time)."""
    gen = site.recent_generation()
    return gen if gen is not None else await _once(site, ("generation",), site.generation)


async def cached(site: Site, key: Any, make: Callable[[], Any]) -> Any:
    """``site.cached(key, make)``: a hit answered on the event loop, a miss computed in a worker thread,
    once however many requests ask for it meanwhile."""
    hit = site.peek(key)
    return hit if hit is not None else await _once(site, ("cached", key), site.cached, key, make)


def page_html(template: str, **context: Any) -> str:
    return str(environment().get_template(template).render(**context))


def etag_of(*parts: Any) -> str:
    return '"' + hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:24] + '"'


def not_modified(request: Request, etag: str) -> bool:
    wanted = request.headers.get("if-none-match", "")
    return any(tag.strip().removeprefix("W/") == etag for tag in wanted.split(",")) if wanted else False


def with_etag(
    request: Request,
    body: str | bytes,
    etag: str,
    media_type: str,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """``body`` with its ETag, or an empty 304 when the client already has it."""
    h = {"ETag": etag, "Cache-Control": "no-cache", **(headers or {})}
    if status == 200 and not_modified(request, etag):
        return Response(status_code=304, headers=h)
    return Response(content=body, status_code=status, media_type=media_type, headers=h)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error(request: Request, status: int, message: str, detail: Any = None) -> Response:
    """An error as JSON (``{"detail": ...}``) under /api, else as a page."""
    if wants_json(request):
        return JSONResponse({"detail": detail if detail is not None else message}, status_code=status)
    titles = {404: "Not found", 422: "Cannot read this request", 403: "Refused", 400: "Bad request"}
    return HTMLResponse(
        page_html("error.html.j2", title=titles.get(status, "Error"), status=status, message=message),
        status_code=status,
    )


def validation_message(errors: list[dict[str, Any]]) -> str:
    """FastAPI's validation errors as one line: ``page: must be at least 1; since: ...``."""
    parts = []
    for e in errors:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"
