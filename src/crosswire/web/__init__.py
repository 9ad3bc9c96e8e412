"""The web app: browse a store's stories and briefs in a browser (``crosswire serve``).

FastAPI with server-rendered Jinja2 pages (the brief's own template, CSS and
script; no front-end build), run by uvicorn, bound to 127.0.0.1 unless told
otherwise.  :func:`create_app` makes the app for a store; ``crosswire serve``
runs it.  Needs the ``web`` extra (FastAPI, uvicorn) and the ``store`` extra.

Safe by construction: Jinja2 escapes everything that comes from an article; the
pages load only their own stylesheet and script (a Content-Security-Policy of
``'self'`` with no inline script); no page asks any other host for anything.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(db_url: str, admin: bool = False, **options: Any) -> Any:
    """The FastAPI app serving the store at ``db_url`` (a path or URL); see :func:`crosswire.web.app.create_app`."""
    from crosswire.web.app import create_app as make

    return make(db_url, admin=admin, **options)
