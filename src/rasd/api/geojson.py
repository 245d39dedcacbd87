"""Canonical events (their JSON form) → a GeoJSON FeatureCollection for maps and GIS tools."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _name(actor: dict | None) -> str | None:
    return actor.get("name") if actor else None


def _value(count: dict | None) -> int | None:
    return count.get("value") if count else None


def event_feature(event: dict[str, Any]) -> dict[str, Any] | None:
    """One Point feature, or None when the event has no coordinates (country-level places)."""
    loc = event.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is None or lon is None:
        return None
    props = {
        "id": event.get("id"),
        "event_date": event.get("event_date"),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "actor1": _name(event.get("actor1")),
        "actor2": _name(event.get("actor2")),
        "location": loc.get("name"),
        "admin1": loc.get("admin1"),
        "country": loc.get("country"),
        "geo_precision": loc.get("precision"),
        "fatalities": _value(event.get("fatalities")),
        "n_reports": event.get("n_reports"),
        "confidence": event.get("confidence"),
        "notes": event.get("notes"),
    }
    return {
        "type": "Feature",
        "id": event.get("id"),
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }


def feature_collection(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = [f for f in (event_feature(e) for e in events) if f is not None]
    return {"type": "FeatureCollection", "features": features}
