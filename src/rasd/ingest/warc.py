"""WARC / WARC.gz archives (e.g. Common Crawl's CC-NEWS) → documents, one record at a time.

warcio reads record by record from the open file (plain or one gzip member per record), so a
multi-gigabyte dump is never loaded. Only ``response`` records with a 2xx HTML payload are news
pages; ``warcinfo``, ``request``, ``metadata``, redirects and non-HTML responses (images,
robots.txt) are passed over without a message, as they are not documents. The page's own date
(meta tags) is trusted before ``WARC-Date``, which is when the page was crawled, not published.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from rasd.errors import InputError
from rasd.ingest.fetch import media_type
from rasd.ingest.html import html_to_document
from rasd.ingest.types import Failure
from rasd.records import Document

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def _warc_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


class _Stop(Exception):
    """Internal: the archive is damaged. ``clean``: the record at ``offset`` was read whole and the
    damage lies after it; otherwise the record at ``offset`` is itself damaged."""

    def __init__(
        self, offset: int, reason: str, url: str | None = None, *, clean: bool = False, end: int = 0
    ) -> None:
        super().__init__(reason)
        self.offset, self.reason, self.url, self.clean = offset, reason, url, clean
        self.end = max(end, offset + 1)  # where to look for the next record from


def _short(record: object) -> bool:
    # warcio bounds each record's block by its Content-Length; a limit left over once the record
    # is drained means the data ended first: a cut-off file or a Content-Length that lies.
    return getattr(getattr(record, "raw_stream", None), "limit", 0) > 0


def read_warc(
    stream: BinaryIO, name: str, *, max_bytes: int = 10_000_000, encoding: str | None = None
) -> Iterator[Document | Failure]:
    """The HTML pages in a WARC stream, in archive order.

    A damaged record (bad Content-Length, truncated gzip member) gives one Failure; in a seekable
    file reading then resumes at the next record boundary found after it (the next gzip member,
    or the next ``WARC/1.x`` line in an uncompressed file), so one bad record does not cost the
    rest of a multi-gigabyte dump.
    """
    seekable = stream.seekable()
    start = stream.tell() if seekable else 0
    while True:
        try:
            yield from _read_records(stream, name, start, max_bytes, encoding)
            return
        except _Stop as stop:
            resume = _next_record_start(stream, stop.end) if seekable else None
            where = f"{name}@{stop.offset}" + (f" ({stop.url})" if stop.url else "")
            what = (
                "what follows this record is not a WARC record (a wrong Content-Length?)"
                if stop.clean
                else "damaged record"
            )
            yield Failure(stop.url, where, f"{what}: {stop.reason}")
            if resume is None:
                return
            start = resume


def _read_records(
    stream: BinaryIO, name: str, start: int, max_bytes: int, encoding: str | None
) -> Iterator[Document | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if stream.seekable():
        stream.seek(start)
    records = ArchiveIterator(stream)
    # warcio prints its own warning (with a wrong offset) on a bad Content-Length; the Failure
    # below says it once, with the record's offset and URL.
    records.INC_RECORD = ""
    current: int | None = None  # offset of the record being read, None between records
    done: int | None = None  # offset of the last record read whole
    done_end = start
    url = done_url = None
    try:
        for record in records:
            current = records.offset  # not get_record_offset(): that drains the record first
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}@{current}" + (f" ({url})" if url else "")
            item = _record_item(record, url, where, max_bytes, encoding)
            while record.raw_stream.read(1 << 16):  # drain, so a short record shows before its page is used
                pass
            if _short(record):
                raise _Stop(
                    current, "record shorter than its Content-Length (cut off, or a wrong length)", url
                )
            errors = records.err_count
            records.read_to_end()  # moves records.offset to where the next record should start
            if records.err_count > errors:
                # warcio found no blank line where this record should end: its Content-Length is
                # wrong, so its page is cut or runs into the next record. Report it, resume after it.
                raise _Stop(current, "wrong Content-Length (no record boundary where it ends)", url)
            done, done_end, done_url, current = current, records.offset, url, None
            if item is not None:
                yield item
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else exc.__class__.__name__
        if current is not None:
            raise _Stop(current, reason, url) from exc
        if done is not None:
            raise _Stop(done, reason, done_url, clean=True, end=done_end + 1) from exc
        raise _Stop(start, reason) from exc


def _record_item(
    record, url: str | None, where: str, max_bytes: int, encoding: str | None
) -> Document | Failure | None:
    """A response record's page as a document; None for records that are not news pages."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None
    media, charset = media_type(record.http_headers.get_header("Content-Type"))
    if media and media not in HTML_TYPES:
        return None
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Failure(url, where, f"page too large: more than the cap of {max_bytes:,} bytes")
    if not media and not _looks_like_html(body):
        return None
    try:
        doc = html_to_document(body, doc_id=url or where, url=url, charset=charset, encoding=encoding)
    except InputError as exc:
        return Failure(url, where, str(exc))
    if doc.published is None:
        crawled = _warc_date(record.rec_headers.get_header("WARC-Date"))
        if crawled is not None:
            doc = doc.model_copy(update={"published": crawled})
    return doc


_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"WARC/1\.[01]\r?\n")


def _next_record_start(stream: BinaryIO, after: int, chunk: int = 1 << 20) -> int | None:
    """The offset of the next record boundary at or after ``after``: a gzip member that decompresses
    to a WARC header, or (uncompressed files) a ``WARC/1.x`` version line."""
    stream.seek(0)
    gz = stream.read(2) == _GZIP_MAGIC[:2]
    pos = after
    while True:
        stream.seek(pos)
        block = stream.read(chunk + 16)
        if not block:
            return None
        if gz:
            i = block.find(_GZIP_MAGIC)
            while i != -1:
                if _inflates_to_warc(block[i:]) or (
                    len(block) - i < 4096 and _inflates_to_warc(_read_at(stream, pos + i))
                ):
                    return pos + i
                i = block.find(_GZIP_MAGIC, i + 1)
        else:
            m = _WARC_LINE.search(block)
            while m is not None:
                at = m.start()
                if at == 0 and pos == 0 or (at > 0 and block[at - 1 : at] == b"\n"):
                    return pos + at
                m = _WARC_LINE.search(block, at + 1)
        pos += chunk


def _read_at(stream: BinaryIO, offset: int, n: int = 4096) -> bytes:
    stream.seek(offset)
    return stream.read(n)


def _inflates_to_warc(data: bytes) -> bool:
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")
