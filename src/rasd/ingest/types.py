"""Records of the ingestion stage: what went wrong with an item, and how to read sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Failure:
    """An input item that could not become a document, with where it came from and why.

    ``kind`` is ``"error"`` for unreadable input and ``"skipped"`` for input read correctly but left
    out on purpose (a language Rasd does not read), so summaries can count the two apart.
    """

    id: str | None
    where: str  # "docs.jsonl:17", "page.html", "<stdin>:3", "https://example.org/feed.xml"
    message: str
    kind: str = "error"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which keys of a JSON object or CSV row hold each document field.

    Each field lists candidate keys, tried in order; the first present, non-empty one wins.
    The defaults cover Rasd's own format, news-please / CC-NEWS JSON (``maintext``,
    ``date_publish``, ``source_domain``) and common scraper exports.
    """

    text: tuple[str, ...] = ("text", "content", "maintext", "body", "article")
    id: tuple[str, ...] = ("id", "doc_id", "guid")
    title: tuple[str, ...] = ("title", "headline")
    published: tuple[str, ...] = ("published", "date", "date_publish", "published_at", "pubdate")
    outlet: tuple[str, ...] = ("outlet", "source", "source_domain", "site", "publisher")
    url: tuple[str, ...] = ("url", "link")
    language: tuple[str, ...] = ("language", "lang")

    def with_overrides(self, **keys: str | None) -> FieldMap:
        """A copy where each given field reads exactly one key (``text="content"``)."""
        return replace(self, **{name: (key,) for name, key in keys.items() if key})


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How to fetch over HTTP. Tests shorten the timeouts and delays."""

    timeout: float = 20.0  # seconds, per connect/read
    retries: int = 2  # extra tries after a timeout, a connection error or a 5xx/429
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_bytes: int = 10_000_000  # a response larger than this is refused (streamed, not loaded)
    delay: float = 1.0  # politeness: minimum seconds between two requests to the same host
    user_agent: str | None = None  # None → "Rasd/<version> (+https://github.com/rasd-project/rasd)"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Everything that changes how sources become documents.

    ``published`` fills documents that carry no date of their own (the feed item, the page's meta
    tags and the WARC-Date come first). ``languages`` lists the languages kept; a document in
    another one becomes a ``Failure`` of kind ``"skipped"``; ``None`` keeps every language.
    ``fetch_pages=False`` reads feeds offline: each item's own content instead of its page.
    ``encoding`` forces the encoding of text, CSV and HTML files (default: UTF-8; HTML pages also
    fall back to their declared charset, then windows-1256).
    """

    fields: FieldMap = field(default_factory=FieldMap)
    published: dt.date | None = None
    outlet: str | None = None
    languages: tuple[str, ...] | None = ("ar", "en")
    fetch_pages: bool = True
    encoding: str | None = None
    max_bytes: int = 10_000_000  # one-document files (.txt, .html) larger than this are refused
    fetch: FetchSettings = field(default_factory=FetchSettings)
