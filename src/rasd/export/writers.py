"""Writers for each export format. Each takes an iterable of canonical events and a binary
stream, and writes as it goes (CSV, GeoJSON, JSONL stream; Parquet writes row groups)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO

from rasd.export.acled import COLUMNS, AcledRows
from rasd.store.models import CanonicalEvent


def write_acled_csv(events: Iterable[CanonicalEvent], out: BinaryIO, rows: AcledRows) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(COLUMNS))
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow(rows.row(ev))
        n += 1
    text.flush()
    text.detach()
    return n


def feature(ev: CanonicalEvent, rows: AcledRows) -> dict[str, Any]:
    """A GeoJSON Feature: a Point at the event's place, or ``geometry: null`` (allowed by
    RFC 7946 §3.2) when the place has no coordinates (a country named alone)."""
    loc = ev.location
    geometry = None
    if loc is not None and loc.lat is not None and loc.lon is not None:
        geometry = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
    props = {"id": ev.id, **rows.row(ev), "outlets": ev.outlets, "report_ids": ev.report_ids}
    return {"type": "Feature", "id": ev.id, "geometry": geometry, "properties": props}


def write_geojson(events: Iterable[CanonicalEvent], out: BinaryIO, rows: AcledRows) -> int:
    out.write(b'{"type": "FeatureCollection", "features": [')
    n = 0
    for ev in events:
        out.write(
            (b",\n" if n else b"\n") + json.dumps(feature(ev, rows), ensure_ascii=False).encode("utf-8")
        )
        n += 1
    out.write(b"\n]}\n")
    return n


def write_jsonl(events: Iterable[CanonicalEvent], out: BinaryIO, rows: AcledRows | None = None) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev.model_dump(mode="json"), ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    return n


def _batches(it: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while batch := list(islice(it, size)):
        yield batch


def parquet_schema() -> Any:
    import pyarrow as pa

    types: dict[str, Any] = {
        "year": pa.int32(),
        "time_precision": pa.int8(),
        "inter1": pa.int8(),
        "inter2": pa.int8(),
        "interaction": pa.int16(),
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "geo_precision": pa.int8(),
        "fatalities": pa.int64(),
        "injured": pa.int64(),
        "displaced": pa.int64(),
        "arrested": pa.int64(),
        "n_reports": pa.int32(),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


def write_parquet(events: Iterable[CanonicalEvent], out: BinaryIO, rows: AcledRows, batch: int = 5000) -> int:
    """The ACLED columns with their types (dates as ISO strings, as in the CSV)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        for chunk in _batches((rows.row(ev) for ev in events), batch):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


WRITERS = {
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
}
