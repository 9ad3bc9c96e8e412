"""The first schema: feeds, stories, articles, briefs, fetch log, clusterer state.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.String(2048), nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("added", sa.Float, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_fetch", sa.Float),
        sa.Column("last_ok", sa.Float),
        sa.Column("last_status", sa.Integer),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("next_fetch", sa.Float),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("headline", sa.Text),
        sa.Column("size", sa.Integer, nullable=False, server_default="0"),
        sa.Column("sources", sa.Integer, nullable=False, server_default="0"),
        sa.Column("first_date", sa.String(10)),
        sa.Column("last_date", sa.String(10)),
        sa.Column("created", sa.Float, nullable=False),
        sa.Column("updated", sa.Float, nullable=False),
        sa.Column("live", sa.Boolean, nullable=False, server_default=sa.true()),
    )
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(255), nullable=False, unique=True),
        sa.Column("url", sa.String(2048)),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("meta", sa.Text),
        sa.Column("first_seen", sa.Float, nullable=False),
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="SET NULL")),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("previous", sa.Integer),
        sa.Column("latest", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("story_id", sa.String(64), sa.ForeignKey("stories.id")),
        sa.Column("is_copy", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("noise", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_story", "articles", ["story_id"])
    op.create_table(
        "briefs",
        sa.Column("story_id", sa.String(64), sa.ForeignKey("stories.id"), primary_key=True),
        sa.Column("format", sa.String(8), primary_key=True),
        sa.Column("articles_hash", sa.String(64), nullable=False),
        sa.Column("article_ids", sa.Text, nullable=False),
        sa.Column("path", sa.Text),
        sa.Column("headline", sa.Text),
        sa.Column("sources", sa.Integer),
        sa.Column("mode", sa.String(16)),
        sa.Column("error", sa.Text),
        sa.Column("built", sa.Float, nullable=False),
    )
    op.create_table(
        "fetch_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="SET NULL")),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("started", sa.Float, nullable=False),
        sa.Column("seconds", sa.Float),
        sa.Column("status", sa.Integer),
        sa.Column("new", sa.Integer),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_fetch_log_started", "fetch_log", ["started"])
    op.create_table(
        "cluster_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("upto_seq", sa.Integer, nullable=False),
        sa.Column("params", sa.Text, nullable=False),
        sa.Column("blob", sa.LargeBinary, nullable=False),
        sa.Column("saved", sa.Float, nullable=False),
    )


def downgrade() -> None:
    for name in ("cluster_state", "fetch_log", "briefs", "articles", "stories", "feeds"):
        op.drop_table(name)
