"""Exports: ACLED CSV (exact columns), Parquet (pandas), GeoJSON (structure), JSONL."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pandas as pd
import pytest

from rasd.export import ACLED_COLUMNS, COLUMNS, FORMATS, export_events
from rasd.export.acled import interaction
from rasd.records import Location
from rasd.store import EventFilter, Store

from .conftest import load_corpus

EXPECTED_ACLED = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "interaction", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
]  # fmt: skip


@pytest.fixture(scope="module")
def filled(module_db_url: str) -> Iterator[Store]:
    store = Store(module_db_url)
    corpus = load_corpus()
    for doc, events, _ in corpus:
        store.add_document(doc, events)
    # a country-only event (no coordinates): null geometry in GeoJSON, empty lat/lon in CSV
    doc, events, _ = corpus[3]
    e = events[0].model_copy(
        update={
            "location": Location(name="Yemen", country="YE", precision=3),
            "date": events[0].date.model_copy(update={"value": "2015-06-01"}),
        }
    )
    store.add_document(doc.model_copy(update={"id": "country-only", "text": "حدث في اليمن"}), [e])
    yield store
    store.close()


def export(store: Store, fmt: str, f: EventFilter | None = None) -> bytes:
    buf = io.BytesIO()
    export_events(store, f, fmt, buf)
    return buf.getvalue()


def test_export_acled_csv_columns_and_values(filled: Store) -> None:
    df = pd.read_csv(io.BytesIO(export(filled, "acled-csv")))
    assert list(ACLED_COLUMNS) == EXPECTED_ACLED
    assert list(df.columns) == EXPECTED_ACLED + ["injured", "displaced", "arrested", "n_reports", "evidence"]
    assert len(df) == 11
    assert list(df["event_date"]) == sorted(df["event_date"])  # oldest first
    saada = df[df["n_reports"] == 3].iloc[0]
    assert saada["event_id_cnty"].startswith("YEM") and saada["event_id_cnty"][3:].isdigit()
    assert saada["country"] == "Yemen" and saada["year"] == 2015 and saada["time_precision"] == 1
    assert saada["disorder_type"] == "Political violence"
    assert (saada["inter1"], saada["inter2"], saada["interaction"]) == (8, 7, 78)
    assert saada["fatalities"] == 8  # the lowest report, as ACLED codes it
    assert saada["source"].split("; ")[:3] == ["Al Masirah", "Reuters Arabic", "Saba"]
    assert "غارة" in saada["evidence"]
    protest = df[df["location"] == "Cairo"].iloc[0]
    assert protest["disorder_type"] == "Demonstrations" and protest["interaction"] == 60
    assert protest["fatalities"] == 0
    arrests = df[df["sub_event_type"] == "Arrests"]
    assert sorted(arrests["arrested"]) == [3, 5]
    assert df["event_id_cnty"].is_unique


def test_export_acled_interaction_codes() -> None:
    assert interaction(1, 2) == 12 and interaction(2, 1) == 12
    assert interaction(6, 0) == 60 and interaction(0, 7) == 70
    assert interaction(None, 1) is None and interaction(0, 0) is None


def test_export_parquet_opens_in_pandas(filled: Store) -> None:
    df = pd.read_parquet(io.BytesIO(export(filled, "parquet")))
    assert list(df.columns) == list(COLUMNS) and len(df) == 11
    assert df["fatalities"].dtype.kind == "i" and df["latitude"].dtype.kind == "f"
    empty = pd.read_parquet(io.BytesIO(export(filled, "parquet", EventFilter(country="FR"))))
    assert list(empty.columns) == list(COLUMNS) and len(empty) == 0


def test_export_geojson_feature_collection(filled: Store) -> None:
    fc = json.loads(export(filled, "geojson"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 11
    for feat in fc["features"]:
        assert feat["type"] == "Feature" and isinstance(feat["properties"], dict)
        geom = feat["geometry"]
        if geom is not None:
            assert geom["type"] == "Point" and len(geom["coordinates"]) == 2
            lon, lat = geom["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert (lat, lon) == (feat["properties"]["latitude"], feat["properties"]["longitude"])
    assert sum(f["geometry"] is None for f in fc["features"]) == 1
    empty = json.loads(export(filled, "geojson", EventFilter(country="FR")))
    assert empty == {"type": "FeatureCollection", "features": []}


def test_export_jsonl_and_filters(filled: Store) -> None:
    lines = export(filled, "jsonl", EventFilter(country="SY", event_type="Battles")).decode().splitlines()
    events = [json.loads(line) for line in lines]
    assert len(events) == 2 and all(e["event_type"] == "Battles" for e in events)
    assert {"id", "report_ids", "fatalities", "outlets", "actors1_all", "notes"} <= set(events[0])
    assert set(FORMATS) == {"acled-csv", "geojson", "jsonl", "parquet"}
    with pytest.raises(ValueError):
        export(filled, "xlsx")
