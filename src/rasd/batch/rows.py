"""One output row per input item, and its exact JSON line.

A :class:`Row` is what a worker sends back for one document: the id, the events already
serialized to JSON text (serialization is done in the worker, in parallel), and the error if
the document failed. :func:`jsonl_line` rebuilds the contract's ``{"id", "events"}`` line byte for
byte as ``rasd extract --format jsonl`` prints it (``json.dumps(result.to_json(),
ensure_ascii=False)``): the key order is fixed by the record classes, so the same document gives
the same bytes whatever the engine, the worker count or the chunk size.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from rasd.ingest import Failure
from rasd.records import Document

Item = Document | Failure


@dataclass(frozen=True, slots=True)
class Row:
    id: str | None
    events_json: str  # the JSON text of the ``events`` list
    error: str | None = None
    n_events: int = 0


def jsonl_line(row: Row) -> str:
    """The contract's output line for ``row`` (no trailing newline)."""
    # Same bytes as json.dumps({"id": ..., "events": [...], "error": ...}, ensure_ascii=False):
    # json.dumps joins dict items with ", " and ": ", and the events text was made by the same encoder.
    line = '{"id": ' + json.dumps(row.id, ensure_ascii=False) + ', "events": ' + row.events_json
    if row.error is not None:
        line += ', "error": ' + json.dumps(row.error, ensure_ascii=False)
    return line + "}"
