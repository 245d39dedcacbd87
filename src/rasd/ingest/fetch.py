"""HTTP fetching for pages and feeds: timeouts, retries with backoff, a size cap, politeness per host.

Everything that touches the network goes through one :class:`Fetcher`, so the rules live in one
place and tests run it against a real server on 127.0.0.1 with short timeouts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

from rasd.errors import InputError
from rasd.ingest.types import FetchSettings

PROJECT_URL = "https://github.com/rasd-project/rasd"
MAX_RETRY_AFTER = 60.0  # seconds: longer waits are not worth holding a batch for


class FetchError(InputError):
    """A URL could not be fetched: HTTP error status, timeout, refused connection, too large."""


def default_user_agent() -> str:
    try:
        v = version("rasd")
    except PackageNotFoundError:  # running from a source tree that is not installed
        v = "dev"
    return f"Rasd/{v} (+{PROJECT_URL})"


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body with what is needed to interpret it."""

    url: str  # the final URL, after redirects
    status: int
    content_type: str  # media type only, lower case: "text/html"
    charset: str | None  # from the Content-Type header, when declared
    body: bytes
    etag: str | None = None  # validators for a conditional GET next time
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    msg = Message()
    msg["content-type"] = header
    charset = msg.get_param("charset")
    return msg.get_content_type().lower(), (str(charset) if charset else None)


def _retryable_status(status: int) -> bool:
    # Server trouble and rate limiting may pass; a 4xx will not change on a retry.
    return status >= 500 or status == 429


class Fetcher:
    """Fetches URLs politely. Holds one connection pool and the last request time per host.

    ``sleep`` and ``clock`` are parameters so the politeness delay and backoff can be observed
    without waiting; the defaults are the real ones.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or FetchSettings()
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        import httpx  # here: reading files needs no HTTP client, and importing it costs start-up

        self._client = httpx.Client(
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=True,
            headers={"User-Agent": self.settings.user_agent or default_user_agent()},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The body of ``url``; raises :class:`FetchError` with a one-line reason.

        With ``etag``/``last_modified`` from an earlier response the request is conditional, and
        an unchanged resource comes back as an empty ``Response`` with ``not_modified`` true.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"not an http(s) URL: {url!r}")
        attempts = 1 + max(0, self.settings.retries)
        wait = self.settings.backoff
        for attempt in range(attempts):
            last = attempt == attempts - 1
            self._be_polite(parts.netloc)
            try:
                return self._get_once(url, headers)
            except _Retryable as exc:
                if last:
                    raise FetchError(f"{exc} (after {attempts} tries)") from exc.__cause__
                # A server that says when to come back (429/503 Retry-After) is believed, up to a cap.
                pause = max(wait, min(exc.retry_after or 0.0, MAX_RETRY_AFTER))
            self._sleep(pause)
            wait *= 2
        raise AssertionError("unreachable")

    def _be_polite(self, host: str) -> None:
        previous = self._last_request.get(host)
        if previous is not None:
            pause = previous + self.settings.delay - self._clock()
            if pause > 0:
                self._sleep(pause)
        self._last_request[host] = self._clock()

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        import httpx  # imported by __init__ already: a lookup in sys.modules

        cap = self.settings.max_bytes
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304:
                    return Response(str(resp.url), 304, "", None, b"")
                if resp.status_code >= 400:
                    reason = f"HTTP {resp.status_code} {resp.reason_phrase}".strip()
                    if _retryable_status(resp.status_code):
                        raise _Retryable(reason, _retry_after(resp.headers.get("retry-after")))
                    raise FetchError(reason)
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > cap:
                    raise FetchError(f"response too large: {int(declared):,} bytes > cap of {cap:,}")
                chunks: list[bytes] = []
                size = 0
                # Streamed so that a huge (or endless) body is cut off at the cap, never loaded.
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise FetchError(f"response too large: more than the cap of {cap:,} bytes")
                    chunks.append(chunk)
                media, charset = media_type(resp.headers.get("content-type"))
                return Response(
                    str(resp.url),
                    resp.status_code,
                    media,
                    charset,
                    b"".join(chunks),
                    resp.headers.get("etag"),
                    resp.headers.get("last-modified"),
                )
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out after {self.settings.timeout:g} s") from exc
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed: {exc.__class__.__name__}: {exc}") from exc
        except httpx.HTTPError as exc:  # too many redirects, bad URL and the like: not worth retrying
            raise FetchError(f"{exc.__class__.__name__}: {exc}") from exc


class _Retryable(Exception):
    """Internal: a failure worth another try (timeout, connection error, 5xx, 429)."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    # Only the delay-seconds form; an HTTP-date is rare from news sites and falls back to backoff.
    return float(value) if value and value.strip().isdigit() else None
