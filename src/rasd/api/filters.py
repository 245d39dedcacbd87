"""Query parameters → :class:`rasd.store.EventFilter`, shared by /events, /events.geojson and /stats."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from rasd.api.schemas import no_nul
from rasd.store import EventFilter

T = TypeVar("T")


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``"min_lon,min_lat,max_lon,max_lat"`` → four floats; a ValueError says what is wrong."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: min_lon,min_lat,max_lon,max_lat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox values must be numbers") from None
    if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
        raise ValueError("bbox values must be finite")
    if not (-180 <= min_lon <= max_lon <= 180):
        raise ValueError("bbox longitudes must satisfy -180 <= min_lon <= max_lon <= 180")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise ValueError("bbox latitudes must satisfy -90 <= min_lat <= max_lat <= 90")
    return min_lon, min_lat, max_lon, max_lat


def _check(name: str, parse: Callable[[str | None], T], value: str | None) -> T:
    """``parse(value)``; a ValueError becomes the same 422 as FastAPI's own parameter errors."""
    try:
        return parse(value)
    except ValueError as exc:
        raise RequestValidationError(
            [{"loc": ("query", name), "msg": str(exc), "type": "value_error"}]
        ) from None


def event_filter(
    date_from: Annotated[dt.date | None, Query(description="Events on or after this day.")] = None,
    date_to: Annotated[dt.date | None, Query(description="Events on or before this day.")] = None,
    country: Annotated[
        str | None, Query(max_length=200, description="ISO2 or ISO3 code or English name: SY, SYR, Syria.")
    ] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="First-level region name.")] = None,
    event_type: Annotated[str | None, Query(max_length=200, description="ACLED event type.")] = None,
    sub_event_type: Annotated[str | None, Query(max_length=200, description="ACLED sub-event type.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of an actor's name.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the reports' text.")] = None,
    bbox: Annotated[
        str | None,
        Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat", examples=["35,32,42,37.5"]),
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
) -> EventFilter:
    texts = {
        "country": country,
        "admin1": admin1,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor": actor,
        "q": q,
    }
    for name, value in texts.items():
        _check(name, no_nul, value)
    box = _check("bbox", parse_bbox, bbox) if bbox else None
    # An empty parameter (``?country=``, what a cleared form field sends) means "no filter".
    cleaned = {k: (v.strip() or None) if v is not None else None for k, v in texts.items()}
    return EventFilter(
        date_from=date_from, date_to=date_to, bbox=box, min_confidence=min_confidence, **cleaned
    )
