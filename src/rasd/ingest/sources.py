"""Source strings → readers: a file by its extension, a directory (recursive), a glob, a URL.

A URL is fetched and read as a feed or a page according to its media type, or by sniffing the
body when the server says only "xml" or nothing useful.
"""

from __future__ import annotations

import glob
import gzip
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.feeds import looks_like_feed, read_feed
from rasd.ingest.fetch import Fetcher, FetchError
from rasd.ingest.files import read_csv, read_html, read_json, read_jsonl, read_text
from rasd.ingest.html import html_to_document
from rasd.ingest.types import Failure, ReadOptions
from rasd.ingest.warc import read_warc
from rasd.records import Document

Item = Document | Failure
FetcherFactory = Callable[[], Fetcher]

# Extensions read when walking a directory (an explicitly named file is read whatever its name).
KNOWN_SUFFIXES = (
    ".txt",
    ".json",
    ".jsonl",
    ".jsonl.gz",
    ".csv",
    ".csv.gz",
    ".html",
    ".htm",
    ".xml",
    ".rss",
    ".atom",
    ".warc",
    ".warc.gz",
)
_GLOB_CHARS = frozenset("*?[")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for s in sorted(KNOWN_SUFFIXES, key=len, reverse=True):
        if name.endswith(s):
            return s
    return path.suffix.lower()


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def expand(source: str) -> Iterator[str | Failure]:
    """A source string → the files and URLs it names, in a stable order."""
    if is_url(source):
        yield source
        return
    path = Path(source)
    if path.is_dir():
        found = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [
                Path(root) / f for f in files if not f.startswith(".") and _suffix(Path(f)) in KNOWN_SUFFIXES
            ]
        if not found:
            yield Failure(
                None, source, f"no readable files in the directory (extensions: {' '.join(KNOWN_SUFFIXES)})"
            )
        yield from (str(p) for p in sorted(found))
        return
    if not path.exists() and _GLOB_CHARS & set(source):
        matches = sorted(m for m in glob.glob(source, recursive=True) if Path(m).is_file())
        if not matches:
            yield Failure(None, source, "no file matches this pattern")
        yield from matches
        return
    yield source


def read_file(path: Path, options: ReadOptions, fetcher: FetcherFactory) -> Iterator[Item]:
    """One local file by its extension; anything unknown is read as plain text."""
    name = str(path)
    suffix = _suffix(path)
    fields, enc = options.fields, options.encoding
    try:
        if suffix in (".jsonl", ".jsonl.gz"):
            opener = gzip.open if suffix.endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from read_jsonl(fh, name, fields)
            return
        if suffix in (".csv", ".csv.gz"):
            opener = gzip.open if suffix.endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from read_csv(fh, name, fields, enc)
            return
        if suffix in (".warc", ".warc.gz"):
            with path.open("rb") as fh:
                yield from read_warc(fh, name, max_bytes=options.max_bytes, encoding=enc)
            return
        if suffix in (".txt", ".html", ".htm") or suffix not in KNOWN_SUFFIXES:
            # One file, one document: refuse an oversized one before reading it into memory.
            size = path.stat().st_size
            if size > options.max_bytes:
                yield Failure(
                    path.name, name, f"file too large: {size:,} bytes > cap of {options.max_bytes:,}"
                )
                return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(path.name, name, f"cannot read: {exc.strerror or exc}")
        return
    if suffix == ".json":
        yield from read_json(data, name, fields)
    elif suffix in (".html", ".htm"):
        yield from read_html(data, name, enc)
    elif suffix in (".xml", ".rss", ".atom"):
        yield from read_feed(data, name, fetcher() if options.fetch_pages else None, encoding=enc)
    else:
        yield from read_text(data, name, enc)


def read_url(url: str, options: ReadOptions, fetcher: FetcherFactory) -> Iterator[Item]:
    """A fetched URL: a feed (and its items' pages) or a page."""
    try:
        resp = fetcher().get(url)
    except FetchError as exc:
        yield Failure(url, url, str(exc))
        return
    if looks_like_feed(resp.body, resp.content_type):
        pages = fetcher() if options.fetch_pages else None
        yield from read_feed(resp.body, url, pages, url=resp.url, encoding=options.encoding)
        return
    if resp.content_type and resp.content_type not in ("text/html", "application/xhtml+xml"):
        yield Failure(
            url, url, f"unsupported content type {resp.content_type!r} (expected an HTML page or a feed)"
        )
        return
    try:
        yield html_to_document(
            resp.body, doc_id=url, url=resp.url, charset=resp.charset, encoding=options.encoding
        )
    except InputError as exc:
        yield Failure(url, url, str(exc))
