"""A living store: articles kept once, stories that grow, briefs rebuilt only when their articles change.

SQLite file by default (WAL mode), PostgreSQL by URL; the schema is made and
migrated by Alembic (``migrations/``).  Needs the ``store`` extra
(SQLAlchemy 2, Alembic, psycopg, httpx, protego).
"""

from __future__ import annotations

from typing import Any

# fmt: off
_WHERE = {
    "AddSummary": "add", "Clusterer": "add", "add_articles": "add", "content_hash": "add",
    "DEFAULT_DB": "db", "ENV_DB": "db", "Store": "db", "StoreError": "db", "db_url": "db", "default_db": "db",
    "open_store": "db",
}
# fmt: on


def __getattr__(name: str) -> Any:
    """Names load on first use, so that ``crosswire`` starts (and says what is missing) without the extra."""
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(name)


# fmt: off
__all__ = [
    "DEFAULT_DB",
    "ENV_DB",
    "AddSummary",
    "Clusterer",
    "Store",
    "StoreError",
    "add_articles",
    "content_hash",
    "db_url",
    "default_db",
    "open_store",
]
# fmt: on
