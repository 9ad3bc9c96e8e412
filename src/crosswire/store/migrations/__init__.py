"""Alembic migrations of the crosswire store (run by :func:`crosswire.store.db.migrate`)."""

HEAD = "0002"  # the newest revision; a store at this revision needs no migration
