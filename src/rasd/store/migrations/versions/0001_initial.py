"""Initial schema: documents, mentions, evidence, canonical events, actors, places, feed items,
and full-text search (SQLite FTS5 table / PostgreSQL tsvector + GIN).

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(300), nullable=False, unique=True),
        sa.Column("source_id", sa.String(300)),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("outlet", sa.String(300)),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("n_mentions", sa.Integer, nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(100), nullable=False, unique=True),
        sa.Column(
            "document_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("event", sa.JSON, nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("date_precision", sa.Integer, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("country", sa.String(8)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("location_name", sa.String(300)),
        sa.Column("actor1_name", sa.String(300)),
        sa.Column("actor2_name", sa.String(300)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("component_id", sa.String(100), nullable=False),
        sa.Column("canonical_id", sa.String(40), nullable=False),
    )
    op.create_index("ix_mentions_type_date", "mentions", ["event_type", "event_date"])
    op.create_index("ix_mentions_document", "mentions", ["document_pk"])
    op.create_index("ix_mentions_component", "mentions", ["component_id"])
    op.create_index("ix_mentions_canonical", "mentions", ["canonical_id"])
    op.create_table(
        "evidence_spans",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("mention_pk", sa.Integer, sa.ForeignKey("mentions.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_evidence_mention", "evidence_spans", ["mention_pk"])
    op.create_table(
        "canonical_events",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("event_date", sa.Date),
        sa.Column("date_precision", sa.Integer, nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("fatalities", sa.Integer),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_canonical_date", "canonical_events", ["event_date"])
    op.create_index("ix_canonical_type", "canonical_events", ["event_type"])
    op.create_index("ix_canonical_country", "canonical_events", ["country"])
    op.create_table(
        "canonical_actors",
        sa.Column(
            "canonical_id",
            sa.String(40),
            sa.ForeignKey("canonical_events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("name", sa.String(300), primary_key=True),
        sa.Column("role", sa.String(8), primary_key=True),
    )
    op.create_index("ix_canonical_actors_name", "canonical_actors", ["name"])
    op.create_table(
        "actors",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
        sa.Column("type", sa.String(64)),
        sa.Column("kb_id", sa.String(200)),
    )
    op.create_table(
        "places",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(400), nullable=False, unique=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("geonames_id", sa.Integer),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("admin1", sa.String(200)),
        sa.Column("country", sa.String(8)),
        sa.Column("precision", sa.Integer),
    )
    op.create_table(
        "feed_items",
        sa.Column("key", sa.String(500), primary_key=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    # Full-text search over the normalized document text (normalize_key form, so the query and
    # the index meet in the same spelling). Arabic has no stemming config: "simple" on PostgreSQL,
    # unicode61 on SQLite. The FTS5 table is contentless (rowid = documents.pk) to avoid a second
    # copy of every text.
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(body, content='', tokenize='unicode61')")
    elif dialect == "postgresql":
        op.execute("ALTER TABLE documents ADD COLUMN tsv tsvector")
        op.execute("CREATE INDEX ix_documents_tsv ON documents USING GIN (tsv)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in (
        "feed_items",
        "places",
        "actors",
        "canonical_actors",
        "canonical_events",
        "evidence_spans",
        "mentions",
        "documents",
    ):
        op.drop_table(table)
