"""Exports of canonical events: ACLED-style CSV, GeoJSON, JSON lines and Parquet.

export_events(store, EventFilter(...), "acled-csv", stream) -> number of events written
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from rasd.export.acled import ACLED_COLUMNS, COLUMNS, RASD_COLUMNS, AcledRows
from rasd.export.writers import WRITERS

if TYPE_CHECKING:
    from rasd.store import EventFilter, Store

FORMATS = tuple(WRITERS)

__all__ = ["ACLED_COLUMNS", "COLUMNS", "FORMATS", "RASD_COLUMNS", "AcledRows", "export_events"]


def export_events(store: Store, f: EventFilter | None, fmt: str, out: BinaryIO) -> int:
    """Write every event matching ``f`` (oldest first) to ``out`` in ``fmt``."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    rows = AcledRows(store.countries)
    return WRITERS[fmt](store.iter_events(f, sort="date"), out, rows)
