"""Read endpoints: events, documents, stats, actors, health. Thin: the store does the work."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import SQLAlchemyError

import rasd
from rasd.api.context import ApiContext, get_ctx
from rasd.api.filters import event_filter
from rasd.api.geojson import feature_collection
from rasd.api.schemas import Health, no_nul
from rasd.api.stats_adapter import stats_from_events
from rasd.store import (
    CanonicalEvent,
    CanonicalEventDetail,
    DocumentSummary,
    EventFilter,
    Page,
    StoredDocument,
)

log = logging.getLogger("rasd.api")
router = APIRouter()
D = TypeVar("D", DocumentSummary, StoredDocument)

Sort = Literal[
    "date", "-date", "confidence", "-confidence", "n_reports", "-n_reports", "fatalities", "-fatalities"
]
Ctx = Annotated[ApiContext, Depends(get_ctx)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Id = Annotated[str, Path(min_length=1, max_length=500)]


def _aware(doc: D) -> D:
    # SQLite hands timestamps back without their zone (they are stored in UTC); an RFC 3339
    # date-time needs one, so the API adds it rather than send a time clients cannot place.
    if doc.ingested_at.tzinfo is None:
        return doc.model_copy(update={"ingested_at": doc.ingested_at.replace(tzinfo=dt.UTC)})
    return doc


def _id(value: str, where: tuple[str, str]) -> str:
    try:
        return no_nul(value) or ""
    except ValueError as exc:
        raise RequestValidationError([{"loc": where, "msg": str(exc), "type": "value_error"}]) from None


@router.get("/health", response_model=Health, tags=["meta"])
def health() -> Health:
    return Health(status="ok", version=rasd.__version__)


@router.get(
    "/events",
    response_model=Page[CanonicalEvent],
    tags=["events"],
    summary="Canonical events, filtered and paginated",
)
def list_events(
    ctx: Ctx,
    f: Filter,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Offset = 0,
    sort: Annotated[Sort, Query(description="Field to sort by; a leading - sorts descending.")] = "-date",
) -> Page[CanonicalEvent]:
    """Events merged across reports. `total` counts every match; `items` is one page of them."""
    return ctx.store.query_events(f, limit=limit, offset=offset, sort=sort)


@router.get("/events.geojson", tags=["events"], summary="Canonical events as GeoJSON points")
def events_geojson(
    ctx: Ctx,
    f: Filter,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 5000,
    offset: Offset = 0,
    sort: Sort = "-date",
) -> dict[str, Any]:
    """A FeatureCollection; events without coordinates (country-level) are left out."""
    page = ctx.store.query_events(f, limit=limit, offset=offset, sort=sort)
    # model_dump is several times faster than jsonable_encoder on thousands of events.
    return feature_collection(e.model_dump(mode="json") for e in page.items)


@router.get(
    "/events/{event_id}",
    response_model=CanonicalEventDetail,
    tags=["events"],
    summary="One event with its reports and evidence",
    responses={404: {"description": "No such event"}},
)
def get_event(ctx: Ctx, event_id: Id) -> CanonicalEventDetail:
    """The merged event, and each report of it: the document's text and the event as that report
    has it (evidence spans, actors, counts, sources)."""
    detail = ctx.store.get_event(_id(event_id, ("path", "event_id")))
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return detail


@router.get(
    "/documents",
    response_model=Page[DocumentSummary],
    tags=["documents"],
    summary="Stored documents, newest first",
)
def list_documents(
    ctx: Ctx,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200, description="Words in the text.")] = None,
) -> Page[DocumentSummary]:
    q = (_id(q, ("query", "q")).strip() or None) if q is not None else None
    page = ctx.store.list_documents(limit=limit, offset=offset, q=q)
    return page.model_copy(update={"items": [_aware(d) for d in page.items]})


@router.get(
    "/documents/{doc_id}",
    response_model=StoredDocument,
    tags=["documents"],
    summary="One document with its event mentions",
    responses={404: {"description": "No such document"}},
)
def get_document(ctx: Ctx, doc_id: Id) -> StoredDocument:
    doc = ctx.store.get_document(_id(doc_id, ("path", "doc_id")))
    if doc is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
    return _aware(doc)


@router.get("/stats", tags=["events"], summary="Counts by day, type, country and actor")
def stats(ctx: Ctx, f: Filter) -> dict[str, Any]:
    """`by_day`, `by_type`, `by_country` (with summed fatalities) and the top 50 `by_actor`."""
    if f.actor:
        try:
            return jsonable_encoder(ctx.store.stats(f))
        except SQLAlchemyError:
            log.warning("Store.stats failed with an actor filter; counting from the events instead")
            return jsonable_encoder(stats_from_events(ctx.store.iter_events(f)))
    return jsonable_encoder(ctx.store.stats(f))


@router.get("/actors", tags=["events"], summary="Actors seen in stored events, with counts")
def actors(ctx: Ctx) -> list[dict[str, Any]]:
    return jsonable_encoder(ctx.store.actors())
