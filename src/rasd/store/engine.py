"""Database URLs and engines: SQLite by default, PostgreSQL through psycopg 3, migrated on open."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from rasd.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any constant: serializes migrations (and canonical-event updates) between processes on PostgreSQL.
PG_MIGRATE_LOCK = 0x72617364  # "rasd"
# Alembic's `context` is a module-global proxy: two threads migrating at once corrupt it. This lock
# only orders migrations within the process (stateless otherwise); processes use the database lock.
_ALEMBIC_LOCK = threading.Lock()


def default_url() -> str:
    """$RASD_DB, or a SQLite file in the user's data directory (created on first use)."""
    env = os.environ.get("RASD_DB")
    if env:
        return env
    import platformdirs

    data = Path(platformdirs.user_data_dir("rasd"))
    data.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data / 'rasd.db'}"


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` → the psycopg 3 driver; a bare path → SQLite."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return url


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"bad database URL {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30}, json_serializer=_json_dumps)
        _sqlite_setup(engine)
        return engine
    return create_engine(parsed, pool_pre_ping=True, json_serializer=_json_dumps)


def _json_dumps(obj: object) -> str:
    # Arabic as UTF-8, not \uXXXX escapes (a third of the size for evidence and names).
    return json.dumps(obj, ensure_ascii=False)


def _sqlite_setup(engine: Engine) -> None:
    # pysqlite opens transactions lazily and its own way; take control so a write transaction can
    # start with BEGIN IMMEDIATE (two writers then queue on busy_timeout instead of one failing
    # with "database is locked" when it upgrades a read lock).
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        # WAL: readers (the API) never block the writer (ingest) and the writer never blocks them.
        cur.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL still survives a killed process (only an OS crash may lose the
        # last commits), and saves an fsync per document.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # noqa: ANN001
        mode = "IMMEDIATE" if conn.get_execution_options().get("rasd_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def upgrade(engine: Engine) -> None:
    """Run the Alembic migrations to head (a no-op when the schema is current)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with _ALEMBIC_LOCK, engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_MIGRATE_LOCK})
                conn.commit()
            try:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                conn.commit()
            finally:
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_MIGRATE_LOCK})
                    conn.commit()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open or migrate the database: {exc}") from exc
