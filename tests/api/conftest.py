"""Fixtures: a store holding the hand-written corpus, and real uvicorn servers on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from rasd.api import create_app
from rasd.store import Store

from .corpus import items

API_KEY = "test-key-3f9a"


@dataclass
class LiveServer:
    url: str
    store: Store
    server: uvicorn.Server
    thread: threading.Thread

    def client(self, **kw: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kw)


def start_server(store: Store, api_key: str | None) -> LiveServer:
    """uvicorn serving ``create_app(store)`` in a thread, on a free port chosen by the OS."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(store, api_key=api_key)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", store, server, thread)


def stop_server(live: LiveServer) -> None:
    live.server.should_exit = True
    live.thread.join(timeout=10)


def corpus_store(path: Path) -> Store:
    store = Store(f"sqlite:///{path}")
    for item in items():
        store.add_document(item.doc, item.events)
    return store


@pytest.fixture(scope="session")
def read_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server over the corpus, with a key set. Tests must not write to it."""
    store = corpus_store(tmp_path_factory.mktemp("api-read") / "corpus.db")
    live = start_server(store, API_KEY)
    yield live
    stop_server(live)
    store.close()


PG_ADMIN_URLS = [
    os.environ.get("RASD_TEST_PG_URL", ""),
    "postgresql+psycopg://postgres@127.0.0.1:5432/test",
    "postgresql+psycopg://root@127.0.0.1:5432/test",
]


@contextmanager
def pg_database() -> Iterator[str]:
    """A new, uniquely named database on the local PostgreSQL server, dropped afterwards."""
    from sqlalchemy import create_engine, text

    errors = []
    for admin_url in filter(None, PG_ADMIN_URLS):
        admin = create_engine(
            admin_url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
        )
        try:
            with admin.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except Exception as exc:  # noqa: BLE001 - say why each candidate failed
            errors.append(f"{admin_url}: {exc}")
            admin.dispose()
    else:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable (run scripts/ensure-services.sh): {errors}")
        pytest.skip(f"PostgreSQL is not reachable: {errors}")
    name = f"rasd_api_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{admin.url.render_as_string(hide_password=False).rsplit('/', 1)[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """The corpus server on each store backend (read-only tests run on both)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("read_server")
        return
    with pg_database() as url:
        store = Store(url)
        for item in items():
            store.add_document(item.doc, item.events)
        live = start_server(store, API_KEY)
        yield live
        stop_server(live)
        store.close()


@pytest.fixture(scope="session")
def api(backend_server: LiveServer) -> Iterator[httpx.Client]:
    with backend_server.client() as client:
        yield client


def _empty_server(path: Path) -> Iterator[LiveServer]:
    store = Store(f"sqlite:///{path}")
    live = start_server(store, API_KEY)
    yield live
    stop_server(live)
    store.close()


@pytest.fixture(scope="module")
def write_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server over an empty store, with a key set. Tests using it must leave it empty."""
    yield from _empty_server(tmp_path_factory.mktemp("api-write") / "write.db")


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A server over an empty store of its own, for a test that stores documents."""
    yield from _empty_server(tmp_path / "fresh.db")
