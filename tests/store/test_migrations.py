"""The Alembic revisions build exactly the tables ``rasd.store.schema`` declares."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from rasd.store import Store, normalize_url
from rasd.store.schema import metadata

# Full-text search is backend-specific and deliberately outside the shared metadata.
FTS_OBJECTS = ("documents_fts", "tsv", "ix_documents_tsv")


def _is_fts(diff: object) -> bool:
    return any(name in repr(diff) for name in FTS_OBJECTS)


def test_migrations_match_the_declared_schema(db_url: str) -> None:
    Store(db_url).close()
    engine = create_engine(normalize_url(db_url))
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
        assert [d for d in diffs if not _is_fts(d)] == []
        tables = set(inspect(conn).get_table_names())
        assert set(metadata.tables) <= tables and "alembic_version" in tables
    engine.dispose()
