"""The tables of a crosswire store (SQLAlchemy Core).

The migrations under ``migrations/versions`` create exactly these tables; a
change here comes with a new migration.

* ``articles``: one row per stored version of an article, in arrival order
  (``seq``).  ``uid`` is the id the stories and briefs cite; ``content_hash``
  is unique (the same text twice is one row); a changed page at a known URL is
  a new row whose ``previous`` is the older version's ``seq``.  ``story_id``
  and ``is_copy`` are written in the same transaction as the article, so an
  article never exists without its story decision.
* ``stories``: one row per story with at least one committed article.
* ``briefs``: the brief last written for a story, with the hash of the article
  set it was built from (a brief is rebuilt only when that set changes).
* ``feeds`` with their fetch state, and ``fetch_log``.
* ``cluster_state``: a saved streaming-clusterer index and the last article
  ``seq`` it includes.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", String(2048), nullable=False, unique=True),
    Column("title", Text),
    Column("added", Float, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetch", Float),  # epoch seconds of the last attempt
    Column("last_ok", Float),
    Column("last_status", Integer),
    Column("errors", Integer, nullable=False, default=0),  # consecutive failures
    Column("last_error", Text),
    Column("next_fetch", Float),  # not before this time (back-off after failures)
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("headline", Text),
    Column("size", Integer, nullable=False, default=0),
    Column("sources", Integer, nullable=False, default=0),  # members that are not copies
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("created", Float, nullable=False),
    Column("updated", Float, nullable=False),  # when the last article joined
    Column("live", Boolean, nullable=False, default=True),
    Index("ix_stories_rank", "sources", "last_date"),
)

articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("uid", String(255), nullable=False, unique=True),
    Column("url", String(2048)),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", String(10)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("meta", Text),  # JSON: credits, dateline, headings, path, removed blocks
    Column("first_seen", Float, nullable=False),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="SET NULL")),
    Column("version", Integer, nullable=False, default=1),
    Column("previous", Integer),  # seq of the older version at the same URL
    Column("latest", Boolean, nullable=False, default=True),  # no newer version at its URL
    Column("story_id", String(64), ForeignKey("stories.id")),  # None: not an article (noise)
    Column("is_copy", Boolean, nullable=False, default=False),
    Column("noise", Boolean, nullable=False, default=False),
    Index("ix_articles_url", "url"),
    Index("ix_articles_story", "story_id"),
    Index("ix_articles_language", "language", "story_id"),
    Index("ix_articles_outlet", "outlet", "story_id"),
)
# (migration 0002 also indexes the articles for full-text search: an FTS5 table ``articles_fts``
# on SQLite, a GIN index on PostgreSQL; ``crosswire.store.browse`` queries them)

briefs = Table(
    "briefs",
    metadata,
    Column("story_id", String(64), ForeignKey("stories.id"), primary_key=True),
    Column("format", String(8), primary_key=True),
    Column("articles_hash", String(64), nullable=False),
    Column("article_ids", Text, nullable=False),  # JSON list of uids
    Column("path", Text),
    Column("headline", Text),
    Column("sources", Integer),
    Column("mode", String(16)),
    Column("error", Text),
    Column("built", Float, nullable=False),
    Column("body", Text),  # the brief itself (format "json": the contract), for readers of the store
)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="SET NULL")),
    Column("url", String(2048), nullable=False),
    Column("kind", String(8), nullable=False),  # feed | page | robots
    Column("started", Float, nullable=False),
    Column("seconds", Float),
    Column("status", Integer),
    Column("new", Integer),
    Column("error", Text),
    Index("ix_fetch_log_started", "started"),
)

cluster_state = Table(
    "cluster_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("upto_seq", Integer, nullable=False),
    Column("params", Text, nullable=False),
    Column("blob", LargeBinary, nullable=False),
    Column("saved", Float, nullable=False),
)
