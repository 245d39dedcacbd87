"""Typed records of the output contract (``../shared/spec/EVENTS.md``).

Every model here serializes to exactly the JSON the contract shows: the field names, the
allowed strings and the nesting are the contract's. ``Event.model_dump(mode="json")`` is what
``rasd extract --format jsonl`` prints; ``Event.model_validate(obj)`` reads a gold or predicted
record back. Extra keys found in gold files (such as ``aliases``) are kept, not rejected, so
round-trips do not lose information.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
    "Displacement": ("Displacement",),
}

ACTOR_TYPES = (
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
)

ActorType = Literal[
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
]
SourceKind = Literal["official", "armed group", "media", "monitor", "local", "anonymous"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "unknown"]


class _Record(BaseModel):
    # Gold files carry helper keys (``aliases``); keep them so nothing is lost on a round-trip.
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Span(_Record):
    """Character offsets into the input text, ``text == input[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])


class Actor(_Record):
    name: str
    text: str | None = None
    type: ActorType | None = None
    id: str | None = None


class Location(_Record):
    name: str
    text: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None
    precision: Literal[1, 2, 3] = 1
    sublocation: str | None = None


class Count(_Record):
    value: int | None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    text: str | None = None


class Source(_Record):
    name: str
    text: str | None = None
    kind: SourceKind = "anonymous"


class EventDate(_Record):
    value: str | None = None
    precision: Literal[1, 2, 3] = 1
    text: str | None = None

    @field_validator("value")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is not None:
            dt.date.fromisoformat(v)
        return v


class Plover(_Record):
    type: str
    mode: str | None = None


class Event(_Record):
    event_type: str = Field(json_schema_extra={"enum": list(EVENT_TYPES)})
    sub_event_type: str = Field(
        json_schema_extra={"enum": sorted({s for subs in EVENT_TYPES.values() for s in subs})}
    )
    plover: Plover | None = None
    date: EventDate = Field(default_factory=EventDate)
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    displaced: Count | None = None
    arrested: Count | None = None
    sources: list[Source] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    # Why the extractor made this record (trigger, rule, arguments); shown by ``--format pretty``,
    # never serialized, so the JSON stays exactly the contract's.
    _explain: list[str] = PrivateAttr(default_factory=list)

    @property
    def explain(self) -> list[str]:
        return self._explain

    @model_validator(mode="after")
    def _known_type(self) -> Event:
        subs = EVENT_TYPES.get(self.event_type)
        if subs is None:
            raise ValueError(f"unknown event_type {self.event_type!r}")
        if self.sub_event_type not in subs:
            raise ValueError(f"{self.sub_event_type!r} is not a sub-event type of {self.event_type!r}")
        return self

    def to_json(self) -> dict:
        """The contract's JSON object for this event (extra debug keys included if set)."""
        return self.model_dump(mode="json", exclude_none=False)


class Document(_Record):
    """An input document. Only ``text`` is required."""

    id: str | None = None
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _date(cls, v: object) -> object:
        # Accept full timestamps ("2015-07-21T10:00:00Z") and empty strings from feeds.
        if isinstance(v, str):
            v = v.strip()
            if not v:
                return None
            return v[:10]
        if isinstance(v, dt.datetime):
            return v.date()
        return v


class Result(BaseModel):
    """The contract's per-document output line: ``{"id", "events"}`` (+ ``error`` on failure)."""

    id: str | None
    events: list[Event] = Field(default_factory=list)
    error: str | None = None

    def to_json(self) -> dict:
        out: dict = {"id": self.id, "events": [e.to_json() for e in self.events]}
        if self.error is not None:
            out["error"] = self.error
        return out
