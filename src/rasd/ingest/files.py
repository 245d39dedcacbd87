"""Local files and stdin → documents: JSON lines, JSON, plain text and HTML."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from rasd.ingest.types import Failure
from rasd.records import Document

Item = Document | Failure


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start})") from exc


def _document(obj: object, where: str, default_id: str) -> Item:
    if not isinstance(obj, dict):
        return Failure(default_id, where, "expected a JSON object with a 'text' field")
    doc_id = obj.get("id")
    doc_id = default_id if doc_id is None else str(doc_id)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Failure(doc_id, where, "empty or missing 'text'")
    try:
        return Document.model_validate({**obj, "id": doc_id})
    except ValueError as exc:
        return Failure(
            doc_id, where, f"invalid document: {exc.errors()[0]['msg'] if hasattr(exc, 'errors') else exc}"
        )


def read_jsonl(lines: Iterable[bytes], name: str) -> Iterator[Item]:
    for n, raw in enumerate(lines, 1):
        where = f"{name}:{n}"
        if not raw.strip():
            continue
        try:
            obj = json.loads(_decode(raw, where))
        except ValueError as exc:
            yield Failure(f"{name}:{n}", where, f"bad JSON line ({exc})")
            continue
        yield _document(obj, where, f"{Path(name).stem}-{n}")


def read_json(data: bytes, name: str) -> Iterator[Item]:
    try:
        obj = json.loads(_decode(data, name))
    except ValueError as exc:
        yield Failure(Path(name).name, name, f"bad JSON ({exc})")
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, o in enumerate(items):
        yield _document(o, f"{name}[{i}]" if isinstance(obj, list) else name, f"{Path(name).stem}-{i}")


def read_text(data: bytes, name: str) -> Iterator[Item]:
    doc_id = Path(name).name
    try:
        text = _decode(data, name)
    except ValueError as exc:
        yield Failure(doc_id, name, str(exc))
        return
    if "\x00" in text:
        yield Failure(doc_id, name, "binary data, not text")
        return
    if not text.strip():
        yield Failure(doc_id, name, "empty text")
        return
    yield Document(id=doc_id, text=text)


def read_html(data: bytes, name: str) -> Iterator[Item]:
    from rasd.ingest.html import html_to_document

    doc_id = Path(name).name
    try:
        yield html_to_document(data, doc_id=doc_id)
    except ValueError as exc:
        yield Failure(doc_id, name, str(exc))


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> Iterator[Item]:
    """Standard input: JSON lines, or one JSON document/list when it starts with '[' or spans lines."""
    head = stream.peek(1)[:1] if hasattr(stream, "peek") else b""
    if head == b"[":
        yield from read_json(stream.read(), name)
    else:
        yield from read_jsonl(stream, name)


def read_path(path: Path) -> Iterator[Item]:
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as fh:
                yield from read_jsonl(fh, name)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(path.name, name, f"cannot read: {exc.strerror or exc}")
        return
    if suffix == ".json":
        yield from read_json(data, name)
    elif suffix in (".html", ".htm"):
        yield from read_html(data, name)
    else:
        yield from read_text(data, name)
