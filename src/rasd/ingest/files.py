"""Local records → documents: JSON lines, JSON, CSV, plain text and HTML (bytes already at hand).

Each reader yields a :class:`~rasd.records.Document` or a :class:`~rasd.ingest.types.Failure` per
item, in order, and keeps going after a bad item; a reader that cannot go on at all (a truncated
gzip stream, a decoding error mid-file) yields one last Failure saying where it stopped, after
everything read before it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from rasd.errors import InputError
from rasd.ingest.types import Failure, FieldMap
from rasd.records import Document

Item = Document | Failure


def decode_text(data: bytes, encoding: str | None = None) -> str:
    """Plain text is UTF-8 (a BOM is dropped) unless the user names another encoding.

    No guessing: a wrong guess silently garbles Arabic text, which is worse than a clear error.
    """
    enc = encoding or "utf-8-sig"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding is None else encoding
        raise InputError(f"not valid {name} (byte {exc.start}); name the encoding with --encoding") from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc


def _first(obj: Mapping[str, object], keys: tuple[str, ...]) -> object:
    for key in keys:
        value = obj.get(key)
        if value is not None and value != "":
            return value
    return None


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"unreadable date {text[:40]!r} (expected YYYY-MM-DD...)") from None


def record_to_document(obj: object, where: str, default_id: str, fields: FieldMap) -> Item:
    """One JSON object or CSV row → a document, reading each field from the keys ``fields`` names."""
    if not isinstance(obj, Mapping):
        return Failure(default_id, where, f"expected an object with a text field ({', '.join(fields.text)})")
    url = _first(obj, fields.url)
    raw_id = _first(obj, fields.id)
    doc_id = str(raw_id) if raw_id is not None else (str(url) if url else default_id)
    text = _first(obj, fields.text)
    if not isinstance(text, str) or not text.strip():
        first, *others = fields.text
        also = f" (also looked for {', '.join(repr(k) for k in others)})" if others else ""
        return Failure(doc_id, where, f"empty or missing {first!r}{also}")
    title = _first(obj, fields.title)
    if isinstance(title, str):
        from rasd.ingest.html import with_headline

        text = with_headline(title, text)
    used = {
        k
        for f in ("text", "id", "title", "published", "outlet", "url", "language")
        for k in getattr(fields, f)
    }
    extras = {k: v for k, v in obj.items() if k not in used and isinstance(k, str)}
    try:
        published = _first(obj, fields.published)
        outlet = _first(obj, fields.outlet)
        language = _first(obj, fields.language)
        return Document.model_validate(
            {
                **extras,
                "id": doc_id,
                "text": text,
                "published": _date(published) if published is not None else None,
                "outlet": str(outlet) if outlet is not None else None,
                "url": str(url) if url is not None else None,
                "language": str(language) if language is not None else None,
            }
        )
    except InputError as exc:
        return Failure(doc_id, where, str(exc))
    except ValueError as exc:  # pydantic's ValidationError
        msg = exc.errors()[0]["msg"] if hasattr(exc, "errors") else str(exc)
        return Failure(doc_id, where, f"invalid document: {msg}")


def read_jsonl(lines: Iterable[bytes], name: str, fields: FieldMap | None = None) -> Iterator[Item]:
    fields = fields or FieldMap()
    n = 0
    try:
        for n, raw in enumerate(lines, 1):  # noqa: B007 - n is read after the loop on failure
            where = f"{name}:{n}"
            if not raw.strip():
                continue
            try:
                obj = json.loads(decode_text(raw))
            except (ValueError, InputError) as exc:
                yield Failure(where, where, f"bad JSON line ({exc})")
                continue
            yield record_to_document(obj, where, f"{Path(name).stem}-{n}", fields)
    except (EOFError, zlib.error, OSError) as exc:  # a truncated or corrupt .gz
        yield Failure(None, f"{name}:{n + 1}", f"stopped reading, compressed stream is damaged ({exc})")


def read_json(data: bytes, name: str, fields: FieldMap | None = None) -> Iterator[Item]:
    fields = fields or FieldMap()
    try:
        obj = json.loads(decode_text(data))
    except (ValueError, InputError) as exc:
        yield Failure(Path(name).name, name, f"bad JSON ({exc})")
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, o in enumerate(items):
        yield record_to_document(
            o, f"{name}[{i}]" if isinstance(obj, list) else name, f"{Path(name).stem}-{i}", fields
        )


def read_csv(
    stream: BinaryIO, name: str, fields: FieldMap | None = None, encoding: str | None = None
) -> Iterator[Item]:
    """CSV with a header row; the same field mapping as JSON. Streams row by row."""
    fields = fields or FieldMap()
    # A news article can exceed csv's default 128 KiB field limit; raise it (process-wide, monotone).
    csv.field_size_limit(max(csv.field_size_limit(), 50_000_000))
    text = io.TextIOWrapper(stream, encoding=encoding or "utf-8-sig", newline="")
    reader = csv.DictReader(text)
    i = 0
    try:
        for i, row in enumerate(reader, 1):  # noqa: B007 - i names the row where reading stopped
            where = f"{name}:row {i}"
            if None in row:
                yield Failure(f"{Path(name).stem}-{i}", where, "row has more cells than the header")
                continue
            yield record_to_document(row, where, f"{Path(name).stem}-{i}", fields)
    except UnicodeDecodeError as exc:
        yield Failure(
            None, f"{name}:row {i + 1}", f"stopped reading, not valid {encoding or 'UTF-8'} ({exc.reason})"
        )
    except csv.Error as exc:
        yield Failure(None, f"{name}:row {i + 1}", f"stopped reading, bad CSV ({exc})")
    except (EOFError, zlib.error, OSError) as exc:
        yield Failure(None, f"{name}:row {i + 1}", f"stopped reading, compressed stream is damaged ({exc})")


def read_text(data: bytes, name: str, encoding: str | None = None) -> Iterator[Item]:
    doc_id = Path(name).name
    if b"\x00" in data[:65536]:
        yield Failure(doc_id, name, "binary data, not text")
        return
    try:
        text = decode_text(data, encoding)
    except InputError as exc:
        yield Failure(doc_id, name, str(exc))
        return
    if not text.strip():
        yield Failure(doc_id, name, "empty text")
        return
    yield Document(id=doc_id, text=text)


def read_html(data: bytes, name: str, encoding: str | None = None, url: str | None = None) -> Iterator[Item]:
    from rasd.ingest.html import html_to_document

    doc_id = url or Path(name).name
    try:
        yield html_to_document(data, doc_id=doc_id, url=url, encoding=encoding)
    except InputError as exc:
        yield Failure(doc_id, name, str(exc))


def read_stream(stream: BinaryIO, name: str = "<stdin>", fields: FieldMap | None = None) -> Iterator[Item]:
    """Standard input: JSON lines, or one JSON document/list when it starts with '['."""
    head = stream.peek(1)[:1] if hasattr(stream, "peek") else b""
    if head == b"[":
        yield from read_json(stream.read(), name, fields)
    else:
        yield from read_jsonl(stream, name, fields)
