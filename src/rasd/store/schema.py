"""The store's tables (SQLAlchemy Core). The Alembic revisions under ``migrations/`` create exactly
these; the query code imports them from here.

Layout:

- ``documents``: one row per distinct text (``content_hash`` unique), with its metadata and the
  number of event mentions stored with it (``n_mentions``: lets a consistency check see that a
  document's mentions all arrived, since both are written in one transaction).
- ``mentions``: one row per event the extractor found in a document (the contract's Event JSON
  plus the columns de-duplication and filters need). ``key`` = ``<content hash>:<index>`` is
  independent of ingest order; ``component_id``/``canonical_id`` link it to its cluster.
- ``evidence_spans``: the mention's evidence sentences (offsets into the document text).
- ``canonical_events``: one row per de-duplicated happening; ``data`` is its full JSON.
- ``canonical_actors``: (event, actor name, role) rows for actor filters and statistics.
- ``actors``, ``places``: every actor and place seen in a mention, once.
- ``feed_items``: keys of feed entries already fetched by ``rasd watch``.

Full-text search is backend-specific and lives in the migration: an FTS5 table
``documents_fts`` on SQLite, a ``tsv`` tsvector column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(300), nullable=False, unique=True),
    Column("source_id", String(300)),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("published", Date),
    Column("outlet", String(300)),
    Column("url", Text),
    Column("language", String(16)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("n_mentions", Integer, nullable=False, default=0),
)

mentions = Table(
    "mentions",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("key", String(100), nullable=False, unique=True),
    Column("document_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("event", JSON, nullable=False),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("event_date", Date),
    Column("date_precision", Integer, nullable=False, default=1),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("country", String(8)),
    Column("admin1", String(200)),
    Column("location_name", String(300)),
    Column("actor1_name", String(300)),
    Column("actor2_name", String(300)),
    Column("confidence", Float, nullable=False, default=0.5),
    Column("component_id", String(100), nullable=False),
    Column("canonical_id", String(40), nullable=False),
    Index("ix_mentions_type_date", "event_type", "event_date"),
    Index("ix_mentions_document", "document_pk"),
    Index("ix_mentions_component", "component_id"),
    Index("ix_mentions_canonical", "canonical_id"),
)

evidence_spans = Table(
    "evidence_spans",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("mention_pk", Integer, ForeignKey("mentions.pk", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_evidence_mention", "mention_pk"),
)

canonical_events = Table(
    "canonical_events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("event_date", Date),
    Column("date_precision", Integer, nullable=False),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("country", String(8)),
    Column("admin1", String(200)),
    Column("lat", Float),
    Column("lon", Float),
    Column("fatalities", Integer),
    Column("n_reports", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_canonical_date", "event_date"),
    Index("ix_canonical_type", "event_type"),
    Index("ix_canonical_country", "country"),
)

canonical_actors = Table(
    "canonical_actors",
    metadata,
    Column(
        "canonical_id", String(40), ForeignKey("canonical_events.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("name", String(300), primary_key=True),
    Column("role", String(8), primary_key=True),  # "actor1" / "actor2"
    Index("ix_canonical_actors_name", "name"),
)

actors = Table(
    "actors",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False, unique=True),
    Column("type", String(64)),
    Column("kb_id", String(200)),
)

places = Table(
    "places",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("key", String(400), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("geonames_id", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("admin1", String(200)),
    Column("country", String(8)),
    Column("precision", Integer),
)

feed_items = Table(
    "feed_items",
    metadata,
    Column("key", String(500), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)
