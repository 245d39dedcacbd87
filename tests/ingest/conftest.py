"""A real HTTP server on 127.0.0.1 for the fetching, feed and watch tests (no network mocks)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rasd.ingest import FetchSettings, ReadOptions

# Short enough that the whole suite stays fast, long enough for a loaded CI machine.
FAST = FetchSettings(timeout=2.0, retries=1, backoff=0.01, delay=0.0)


@dataclass
class Route:
    body: bytes | Callable[[], Iterator[bytes]] = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds to wait before answering (timeouts)
    content_length: int | None = None  # None: the body's length; -1: no header (body ends at close)
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # sent, and answered with 304 when the client already has it


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(p == path for p, _ in self.requests)


@pytest.fixture
def server() -> Iterator[Server]:
    routes: dict[str, Route] = {}
    requests: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection: a body may end at close

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            requests.append((self.path, self.headers.get("User-Agent", "")))
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.end_headers()
                return
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if callable(route.body):
                    if route.content_length not in (None, -1):
                        self.send_header("Content-Length", str(route.content_length))
                    self.end_headers()
                    for chunk in route.body():
                        self.wfile.write(chunk)
                else:
                    length = route.content_length if route.content_length is not None else len(route.body)
                    if length != -1:
                        self.send_header("Content-Length", str(length))
                    self.end_headers()
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading (size cap): expected

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", routes, requests)
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def fast_options() -> ReadOptions:
    return ReadOptions(fetch=FAST)
