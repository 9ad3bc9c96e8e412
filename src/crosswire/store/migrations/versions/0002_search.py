"""Search and stored brief bodies: full-text search over article titles and texts, list indexes.

* SQLite: an FTS5 table ``articles_fts`` over ``articles(title, text)`` (external
  content, rowid = ``articles.seq``) kept in step by three triggers, filled from the
  articles already stored.  A SQLite built without FTS5 gets no table; search then
  falls back to matching titles (``crosswire.store.browse``).
* PostgreSQL: a GIN index over ``to_tsvector('simple', title || ' ' || text)``;
  ``browse`` queries that same expression, so the index serves it.
* ``briefs.body``: the brief itself (the JSON contract), so a reader of the store
  (the web app) shows a stored brief without the files of ``crosswire briefs``.
* indexes for the story list: stories by rank, articles by language and outlet.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PG_DOCUMENT = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]


def _sqlite_has_fts5(conn: sa.Connection) -> bool:
    options = {str(r[0]).upper() for r in conn.exec_driver_sql("PRAGMA compile_options")}
    if "ENABLE_FTS5" in options:
        return True
    try:  # some builds load FTS5 without listing it
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.cw_fts5_probe USING fts5(x)")
        conn.exec_driver_sql("DROP TABLE temp.cw_fts5_probe")
        return True
    except sa.exc.DBAPIError:
        return False


def upgrade() -> None:
    op.add_column("briefs", sa.Column("body", sa.Text))
    op.create_index("ix_stories_rank", "stories", ["sources", "last_date"])
    op.create_index("ix_articles_language", "articles", ["language", "story_id"])
    op.create_index("ix_articles_outlet", "articles", ["outlet", "story_id"])
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        if _sqlite_has_fts5(conn):
            for statement in _SQLITE_FTS:
                conn.exec_driver_sql(statement)
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE INDEX ix_articles_fts ON articles USING gin ({PG_DOCUMENT})")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS articles_fts")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_fts")
    op.drop_index("ix_articles_outlet", "articles")
    op.drop_index("ix_articles_language", "articles")
    op.drop_index("ix_stories_rank", "stories")
    with op.batch_alter_table("briefs") as batch:
        batch.drop_column("body")
