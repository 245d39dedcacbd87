"""Records the store hands out: canonical events, their reports, stored documents, pages, summaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from rasd.records import Actor, Event, Location, Plover, Source

T = TypeVar("T")


class CountRange(BaseModel):
    """What the reports of one happening say about a count. ``value`` is the conservative figure
    (the lowest reported, as ACLED codes fatalities); ``min``/``max`` keep the disagreement."""

    min: int
    max: int
    value: int
    n_reports: int = Field(description="how many reports gave a number")


class CanonicalEvent(BaseModel):
    """One happening, merged from the event mentions of one or more documents."""

    id: str
    event_date: dt.date | None
    date_precision: int
    event_type: str
    sub_event_type: str
    plover: Plover | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    actors1_all: list[Actor] = Field(default_factory=list)
    actors2_all: list[Actor] = Field(default_factory=list)
    location: Location | None = None
    fatalities: CountRange | None = None
    injured: CountRange | None = None
    displaced: CountRange | None = None
    arrested: CountRange | None = None
    n_reports: int
    outlets: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    confidence: float
    notes: str = ""
    report_ids: list[str] = Field(default_factory=list)
    mention_keys: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list, description="evidence sentences of all reports")


class Report(BaseModel):
    """One document's account of a canonical event."""

    document_id: str
    mention_key: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    text: str
    event: Event


class CanonicalEventDetail(CanonicalEvent):
    reports: list[Report] = Field(default_factory=list)


class StoredMention(BaseModel):
    key: str
    canonical_id: str
    event: Event


class DocumentSummary(BaseModel):
    id: str
    content_hash: str
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    ingested_at: dt.datetime
    n_mentions: int
    snippet: str


class StoredDocument(DocumentSummary):
    text: str
    mentions: list[StoredMention] = Field(default_factory=list)


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class AddResult:
    document_id: str
    created: bool
    n_mentions: int


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (where/id, reason)
    mentions: int = 0
    canonical_events: int = 0  # in the whole store after the run

    @property
    def n_failed(self) -> int:
        return len(self.failed)


@dataclass(slots=True)
class EventFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None  # ISO2, ISO3 or English country name
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # substring of actor1/actor2 names, case-insensitive
    q: str | None = None  # full-text over the reports' documents
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    min_confidence: float | None = None
