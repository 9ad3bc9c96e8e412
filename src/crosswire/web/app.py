"""The app factory: routes, security headers, errors, static files."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from crosswire.store.db import open_store
from crosswire.web import api, pages
from crosswire.web.respond import error, site_of, validation_message, with_etag
from crosswire.web.site import SECURITY_HEADERS, Site

DESCRIPTION = """The stories of a crosswire store and their sourced briefs.

Every brief is the JSON of crosswire's brief contract (`shared/contract/brief-json.md`):
articles, copies, sources, facts, conflicts, quotes, numbers, entities, timeline,
summary; every citation names an article and a sentence (counted from 0).
Responses carry an ETag; send it back in `If-None-Match` to get a 304 when nothing changed."""


def create_app(
    db_url: str,
    admin: bool = False,
    *,
    build_timeout: float | None = 120.0,
    build_wait: float = 20.0,
    words: int = 120,
    brief_fn: Callable[..., Any] | None = None,
    generation_ttl: float = 1.0,
) -> FastAPI:
    """The web app of the store at ``db_url`` (a SQLite path or a database URL; it must exist).

    ``admin`` allows adding feeds from the feeds page.  A story's brief is the one
    the store keeps; when missing or stale it is built (``build_timeout`` CPU
    seconds, then summary-only; ``brief_fn`` replaces the pipeline, as in
    :func:`crosswire.batch.brief_stories`) and kept, a request waiting at most
    ``build_wait`` seconds for it.  Raises :class:`crosswire.store.StoreError`
    when the store cannot be opened.
    """
    store = open_store(db_url, create=False)
    site = Site(
        store=store,
        admin=admin,
        build_timeout=build_timeout,
        build_wait=build_wait,
        words=words,
        brief_fn=brief_fn,
        generation_ttl=generation_ttl,
    )

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        site.close()
        store.close()

    # no /docs nor /redoc: FastAPI's pages load their script from a CDN; /api/docs is drawn here instead
    app = FastAPI(
        title="crosswire",
        version=_version(),
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.site = site

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = list(exc.errors())
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors]
        return error(request, 422, validation_message(errors), detail=detail)

    @app.get("/static/{name}", include_in_schema=False)
    async def static(request: Request, name: str) -> Response:
        found = site_of(request).asset(name)
        if found is None:
            return error(request, 404, f"no file {name!r}")
        data, media, etag = found
        return with_etag(request, data, etag, media)

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    app.include_router(pages.router)
    app.include_router(api.router)
    return app


class SecurityHeaders:
    """Adds :data:`~crosswire.web.site.SECURITY_HEADERS` to every response (a plain ASGI middleware: no extra task)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in self.headers if h[0] not in have]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _version() -> str:
    from crosswire import __version__

    return str(__version__)
