"""Opening a store: the URL or path, the engine, migrations and the writer lock."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from crosswire.store.migrations import HEAD

DEFAULT_DB = "crosswire.db"
ENV_DB = "CROSSWIRE_DB"
_PG_LOCK = 0x63777772  # the advisory lock key of the one writer ("cwwr")


class StoreError(Exception):
    """A store that cannot be opened or used; the message is one line for the user."""


def default_db() -> str:
    return os.environ.get(ENV_DB) or DEFAULT_DB


def db_url(value: str | os.PathLike[str] | None) -> str:
    """The SQLAlchemy URL of ``--db``: a URL as given (``postgresql://`` uses psycopg 3), else a SQLite file."""
    value = str(value or default_db())
    if "://" in value:
        if value.startswith(("postgresql://", "postgres://")):
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
    cur.execute("PRAGMA synchronous=NORMAL")  # a committed transaction survives the process being killed
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


@dataclass
class Store:
    """An open store: its engine and where it lives (``display`` hides a password)."""

    engine: Engine
    url: str
    display: str
    _locks: list[Any] = field(default_factory=list)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextlib.contextmanager
    def writer(self) -> Iterator[None]:
        """Hold the store's single-writer lock (a file lock for SQLite, an advisory lock for PostgreSQL).

        The clusterer's state lives in the writer's memory, so two processes must
        not add articles at once; a second writer waits here.  The lock dies with
        its process, ``kill -9`` included.
        """
        if self._locks:  # re-entrant within one process
            self._locks.append(None)
            try:
                yield
            finally:
                self._locks.pop()
            return
        if self.is_sqlite:
            import fcntl

            path = f"{self.engine.url.database}.lock"
            fh = open(path, "a+")  # noqa: SIM115
            fcntl.flock(fh, fcntl.LOCK_EX)
            self._locks.append(fh)
            try:
                yield
            finally:
                self._locks.pop()
                fcntl.flock(fh, fcntl.LOCK_UN)
                fh.close()
        else:
            conn = self.engine.connect()
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK})
            conn.commit()
            self._locks.append(conn)
            try:
                yield
            finally:
                self._locks.pop()
                with contextlib.suppress(SQLAlchemyError):
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK})
                    conn.commit()
                conn.close()

    def close(self) -> None:
        self.engine.dispose()


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(store: Store) -> None:
    """Bring the schema to the newest revision (Alembic), under the writer lock."""
    if _current_revision(store.engine) == HEAD:
        return
    from alembic import command
    from alembic.config import Config

    with store.writer():
        if _current_revision(store.engine) == HEAD:
            return
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")


def _fresh_file(path: Path) -> bool:
    """Is this SQLite file missing, empty or not yet in WAL mode (its header's bytes 18-19 are 2 in WAL)?"""
    try:
        with open(path, "rb") as fh:
            head = fh.read(20)
    except FileNotFoundError:
        return True
    return len(head) < 20 or head[18] != 2 or head[19] != 2


def open_store(value: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """Open (and create or migrate) the store at a path or URL; :class:`StoreError` says why it cannot."""
    url = db_url(value)
    shown = str(value or default_db())
    if "://" in shown:
        with contextlib.suppress(Exception):
            shown = make_url(shown).render_as_string(hide_password=True)  # never print a password
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.parent.is_dir():
            raise StoreError(f"{shown}: directory {str(path.parent)!r} does not exist")
        if path.is_dir():
            raise StoreError(f"{shown}: is a directory, not a store file")
        if not create and not path.exists():
            raise StoreError(f"{shown}: no such store (add articles or feeds first)")
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        store = Store(engine=engine, url=url, display=shown)
        if url.startswith("sqlite:///") and _fresh_file(Path(url.removeprefix("sqlite:///"))):
            # the first connection turns the new file to WAL, which needs it alone: two processes
            # creating one store at once take turns here instead of one failing "database is locked"
            with store.writer():
                migrate(store)
        else:
            migrate(store)
    except ModuleNotFoundError as e:
        raise StoreError(f"{shown}: database driver missing ({e.name}); install crosswire[store]") from None
    except SQLAlchemyError as e:
        msg = " ".join(str(getattr(e, "orig", None) or e).split())[:200]
        raise StoreError(f"{shown}: cannot open the store ({msg})") from None
    except OSError as e:
        raise StoreError(f"{shown}: cannot open the store ({e.strerror or e})") from None
    return store
