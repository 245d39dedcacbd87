"""Cross-report de-duplication: which event mentions report the same happening, and how their
disagreement is kept. Pure functions over typed records; the store does the I/O.

Two mentions are *compatible* (may be the same happening) when they come from different
documents and have

- the same ``event_type`` (sub-types may differ: one outlet's clash is another's shelling);
- dates within their precision (the looser of the two): ±1 day at precision 1, ±7 days at 2, the
  same calendar month at 3. A mention without a date value matches nothing;
- places that agree: within :data:`MAX_KM` km when both have coordinates, or the same normalized
  place name when coordinates are missing; when either is only a province (precision 3), the
  same admin1. Different countries never match; a mention without a location matches nothing;
- compatible actors: the same ``actor1`` name (normalized), or one of them missing; for Battles
  also one report's ``actor1`` being the other's ``actor2`` (a clash has no direction).

Clustering is order-independent by construction: the store keeps *components* of the
compatibility graph (adding a document only adds edges at its own mentions, so the new component
is the union of the components its mentions touch), and within a component the clusters are
built by :func:`cluster`, a complete-link greedy pass over the members in a fixed order (date,
then key). A mention joins the first cluster all of whose members it is compatible with and
that holds no mention of its own document (the extractor already merged those). The result is a
function of the set of mentions, so ingesting in any order or twice gives the same events, and a
cluster's id is a hash of its smallest member key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rasd.records import EVENT_TYPES, Actor, Count, Event, Source
from rasd.store.models import CanonicalEvent, CountRange
from rasd.text import normalize_key

MAX_KM = 25.0
DATE_TOLERANCE_DAYS = {1: 1, 2: 7}


@dataclass(frozen=True, slots=True)
class Facts:
    """The fields of a mention that de-duplication compares (normalized once)."""

    key: str  # "<content hash>:<index>", independent of ingest order
    doc: str  # the document's content hash
    event_type: str
    date: dt.date | None
    date_precision: int
    lat: float | None
    lon: float | None
    geo_precision: int | None
    country: str | None
    admin1: str | None
    place: str | None
    actor1: str | None
    actor2: str | None = None

    @property
    def has_place(self) -> bool:
        return self.place is not None or self.admin1 is not None or self.lat is not None


@dataclass(frozen=True, slots=True)
class Member:
    """A mention with what a canonical event shows about its report."""

    facts: Facts
    event: Event
    document_id: str
    outlet: str | None


def _norm(s: str | None) -> str | None:
    if s is None:
        return None
    k = normalize_key(s)
    return k or None


def mention_key(content_hash: str, index: int) -> str:
    return f"{content_hash}:{index:04d}"


def make_facts(
    *,
    key: str,
    doc: str,
    event_type: str,
    date: dt.date | None,
    date_precision: int,
    lat: float | None,
    lon: float | None,
    geo_precision: int | None,
    country: str | None,
    admin1: str | None,
    place: str | None,
    actor1: str | None,
    actor2: str | None,
) -> Facts:
    """Facts from raw field values (an Event's, or a stored mention's columns)."""
    admin1_key = _norm(admin1)
    if geo_precision == 3 and admin1_key is None and lat is not None:
        # A province named alone: its own name is the admin1 unit.
        admin1_key = _norm(place)
    return Facts(
        key=key,
        doc=doc,
        event_type=event_type,
        date=date,
        date_precision=date_precision,
        lat=lat,
        lon=lon,
        geo_precision=geo_precision,
        country=(country or "").upper() or None,
        admin1=admin1_key,
        place=_norm(place),
        actor1=_norm(actor1),
        actor2=_norm(actor2),
    )


def facts_of(event: Event, key: str, doc: str) -> Facts:
    loc = event.location
    return make_facts(
        key=key,
        doc=doc,
        event_type=event.event_type,
        date=dt.date.fromisoformat(event.date.value) if event.date.value else None,
        date_precision=event.date.precision,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        geo_precision=loc.precision if loc else None,
        country=loc.country if loc else None,
        admin1=loc.admin1 if loc else None,
        place=loc.name if loc else None,
        actor1=event.actor1.name if event.actor1 else None,
        actor2=event.actor2.name if event.actor2 else None,
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def dates_compatible(a: Facts, b: Facts) -> bool:
    if a.date is None or b.date is None:
        return False
    precision = max(a.date_precision, b.date_precision)
    if precision >= 3:
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return abs((a.date - b.date).days) <= DATE_TOLERANCE_DAYS[precision]


def places_compatible(a: Facts, b: Facts) -> bool:
    if not a.has_place or not b.has_place:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if max(a.geo_precision or 1, b.geo_precision or 1) >= 3:
        return a.admin1 is not None and a.admin1 == b.admin1
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= MAX_KM  # type: ignore[arg-type]
    return a.place is not None and a.place == b.place


def actors_compatible(a: Facts, b: Facts) -> bool:
    if a.actor1 is None or b.actor1 is None or a.actor1 == b.actor1:
        return True
    # A battle has no direction: one outlet's attacker is another's defender.
    return a.event_type == "Battles" and (a.actor1 == b.actor2 or b.actor1 == a.actor2)


def compatible(a: Facts, b: Facts) -> bool:
    """May ``a`` and ``b`` report the same happening? Symmetric."""
    return (
        a.doc != b.doc
        and a.event_type == b.event_type
        and dates_compatible(a, b)
        and places_compatible(a, b)
        and actors_compatible(a, b)
    )


def date_window(f: Facts) -> tuple[dt.date, dt.date] | None:
    """Dates a compatible mention can have (a superset, for the candidate query)."""
    if f.date is None:
        return None
    return f.date - dt.timedelta(days=31), f.date + dt.timedelta(days=31)


def _order(f: Facts) -> tuple:
    return (f.date or dt.date.max, f.date_precision, f.key)


def cluster(members: Sequence[Facts]) -> list[list[Facts]]:
    """Complete-link greedy clusters of one component, in a fixed order (see the module doc)."""
    clusters: list[list[Facts]] = []
    for m in sorted(members, key=_order):
        for c in clusters:
            if all(compatible(m, x) for x in c):
                c.append(m)
                break
        else:
            clusters.append([m])
    return clusters


def stable_id(prefix: str, key: str) -> str:
    return prefix + hashlib.sha1(key.encode()).hexdigest()[:16]


def canonical_id(members: Iterable[Facts]) -> str:
    return stable_id("ev_", min(f.key for f in members))


def component_id(members: Iterable[Facts]) -> str:
    return min(f.key for f in members)


# -- merging -----------------------------------------------------------------------------------


def _count_range(counts: Iterable[Count | None]) -> CountRange | None:
    values = [c.value for c in counts if c is not None and c.value is not None]
    if not values:
        return None
    return CountRange(min=min(values), max=max(values), value=min(values), n_reports=len(values))


def _distinct_actors(actors: Iterable[Actor | None]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        if a is not None:
            seen.setdefault(normalize_key(a.name), a)
    return list(seen.values())


def _most_common_actor(actors: list[Actor | None]) -> Actor | None:
    named = [a for a in actors if a is not None]
    if not named:
        return None
    counts = Counter(normalize_key(a.name) for a in named)
    best = max(counts.values())
    # Ties go to the first in member order (earliest, most precise report).
    return next(a for a in named if counts[normalize_key(a.name)] == best)


def _sub_event_type(event_type: str, subs: list[str]) -> str:
    counts = Counter(subs)
    best = max(counts.values())
    # Ties: ACLED's priority, which is the order of the sub-types in EVENT_TYPES.
    order = EVENT_TYPES[event_type]
    return min((s for s in counts if counts[s] == best), key=order.index)


def _notes(ev: CanonicalEvent) -> str:
    parts: list[str] = []
    when = ev.event_date.isoformat() if ev.event_date else "an unknown date"
    where = ""
    if ev.location is not None:
        where = f" in {ev.location.name}"
        if ev.location.admin1 and ev.location.admin1 != ev.location.name:
            where += f" ({ev.location.admin1})"
    who = ev.actor1.name if ev.actor1 else "Unknown actor"
    whom = f" against {ev.actor2.name}" if ev.actor2 else ""
    parts.append(f"On {when}, {who}{whom}{where}: {ev.sub_event_type.lower()}.")
    for label, rng in (
        ("killed", ev.fatalities),
        ("injured", ev.injured),
        ("displaced", ev.displaced),
        ("arrested", ev.arrested),
    ):
        if rng is not None:
            spread = f" (reports: {rng.min}-{rng.max})" if rng.min != rng.max else ""
            parts.append(f"{rng.value} {label}{spread}.")
    if len(ev.actors1_all) > 1 or len(ev.actors2_all) > 1:
        names = ", ".join(a.name for a in ev.actors1_all + ev.actors2_all)
        parts.append(f"Actors named differently across reports: {names}.")
    n = ev.n_reports
    parts.append(
        f"{n} report{'s' if n != 1 else ''}" + (f" ({', '.join(ev.outlets)})." if ev.outlets else ".")
    )
    return " ".join(parts)


def merge(members: Sequence[Member]) -> CanonicalEvent:
    """The canonical event of one cluster; members in cluster order (earliest first)."""
    members = sorted(members, key=lambda m: _order(m.facts))
    events = [m.event for m in members]
    # The most precise date (lowest precision number), earliest among those.
    dated = [m for m in members if m.facts.date is not None]
    best_date = min(dated, key=lambda m: (m.facts.date_precision, m.facts.date)) if dated else None
    located = [e.location for e in events if e.location is not None]
    location = min(located, key=lambda loc: loc.precision) if located else None
    sources: dict[tuple[str, str], Source] = {}
    for e in events:
        for s in e.sources:
            sources.setdefault((normalize_key(s.name), s.kind), s)
    evidence: list[str] = []
    for e in events:
        for span in e.evidence:
            if span.text not in evidence:
                evidence.append(span.text)
    plover = next((e.plover for e in events if e.plover is not None), None)
    event_type = events[0].event_type
    ev = CanonicalEvent(
        id=canonical_id(m.facts for m in members),
        event_date=best_date.facts.date if best_date else None,
        date_precision=best_date.facts.date_precision if best_date else 3,
        event_type=event_type,
        sub_event_type=_sub_event_type(event_type, [e.sub_event_type for e in events]),
        plover=plover,
        actor1=_most_common_actor([e.actor1 for e in events]),
        actor2=_most_common_actor([e.actor2 for e in events]),
        actors1_all=_distinct_actors(e.actor1 for e in events),
        actors2_all=_distinct_actors(e.actor2 for e in events),
        location=location,
        fatalities=_count_range(e.fatalities for e in events),
        injured=_count_range(e.injured for e in events),
        displaced=_count_range(e.displaced for e in events),
        arrested=_count_range(e.arrested for e in events),
        n_reports=len({m.facts.doc for m in members}),
        outlets=sorted({m.outlet for m in members if m.outlet}),
        sources=list(sources.values()),
        # Outlets copy each other, so agreement is not independent evidence: keep the best one.
        confidence=max(e.confidence for e in events),
        report_ids=list(dict.fromkeys(m.document_id for m in members)),
        mention_keys=[m.facts.key for m in members],
        evidence=evidence,
    )
    ev.notes = _notes(ev)
    return ev
