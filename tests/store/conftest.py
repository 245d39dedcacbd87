"""Store fixtures: every store test runs on SQLite and on the real PostgreSQL server.

PostgreSQL: one uniquely named database is created for the test session (dropped at the end) on
the server at 127.0.0.1:5432 (trust auth; user ``postgres`` or ``root``; override with
``RASD_TEST_PG_URL``), and every test starts from empty tables. When the server is unreachable,
the PostgreSQL tests are skipped on a developer machine but FAIL when ``CI`` is set.
"""

from __future__ import annotations

import copy
import json
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from rasd.records import Document, Event, Span

CORPUS = Path(__file__).parent / "corpus" / "reports.json"
PG_ADMIN_URLS = [
    os.environ.get("RASD_TEST_PG_URL", ""),
    "postgresql+psycopg://postgres@127.0.0.1:5432/test",
    "postgresql+psycopg://root@127.0.0.1:5432/test",
]
TABLES = "documents, mentions, evidence_spans, canonical_events, canonical_actors, actors, places, feed_items"


def _pg_admin() -> tuple[str | None, str]:
    errors = []
    for url in filter(None, PG_ADMIN_URLS):
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
        try:
            engine = create_engine(url, isolation_level="AUTOCOMMIT")
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            engine.dispose()
            return url, ""
        except Exception as exc:  # noqa: BLE001 - report why each candidate failed
            errors.append(f"{url}: {exc}")
    return None, "; ".join(errors)


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    admin_url, why = _pg_admin()
    if admin_url is None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable (run scripts/ensure-services.sh): {why}")
        pytest.skip(f"PostgreSQL is not reachable: {why}")
    return admin_url


@contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    """A new, uniquely named database on the server, dropped afterwards."""
    name = f"rasd_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        # Tests do not need commits to survive a server crash; skipping the WAL flush per commit
        # keeps the suite fast. (A killed client still loses its open transaction, as in production.)
        conn.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    base, _ = admin_url.rsplit("/", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_url(pg_admin_url: str) -> Iterator[str]:
    with pg_database(pg_admin_url) as url:
        yield url


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty database of each backend shared by the tests of one module (read-only tests)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'rasd.db'}"
        return
    with pg_database(request.getfixturevalue("pg_admin_url")) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each backend (its schema migrated)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rasd.db'}"
    url = request.getfixturevalue("pg_url")
    from rasd.store import Store

    Store(url).close()  # migrate (a no-op after the first test)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def fresh_db(db_url: str, tmp_path: Path) -> Callable[[], str]:
    """A function giving an empty database of the same backend each time it is called."""
    counter = iter(range(1000))

    def make() -> str:
        n = next(counter)
        if db_url.startswith("sqlite"):
            return f"sqlite:///{tmp_path / f'fresh{n}.db'}"
        engine = create_engine(db_url)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
        engine.dispose()
        return db_url

    return make


@pytest.fixture
def store(db_url: str) -> Iterator:
    from rasd.store import Store

    s = Store(db_url)
    yield s
    s.close()


def load_corpus() -> list[tuple[Document, list[Event], list[str]]]:
    """(document, events, happening of each event) for every corpus item."""
    data = json.loads(CORPUS.read_text("utf-8"))
    out = []
    for item in data["items"]:
        doc = Document.model_validate(item["document"])
        events, happenings = [], []
        for raw in copy.deepcopy(item["events"]):
            happenings.append(raw.pop("happening"))
            spans = []
            for sentence in raw.pop("evidence"):
                start = doc.text.index(sentence)
                spans.append(Span.of(doc.text, start, start + len(sentence)))
            events.append(Event.model_validate({**raw, "evidence": spans}))
        out.append((doc, events, happenings))
    return out


@pytest.fixture
def corpus() -> list[tuple[Document, list[Event], list[str]]]:
    return load_corpus()
