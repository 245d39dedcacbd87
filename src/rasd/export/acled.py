"""Canonical events → ACLED-style rows (the columns of ACLED's export, in its order, plus Rasd's)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rasd.datafiles import parse_yaml
from rasd.store.countries import Countries
from rasd.store.models import CanonicalEvent, CountRange

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
)
RASD_COLUMNS: tuple[str, ...] = ("injured", "displaced", "arrested", "n_reports", "evidence")
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + RASD_COLUMNS


@dataclass(frozen=True, slots=True)
class Codebook:
    inter_codes: dict[str, int]
    disorder_types: dict[str, str]
    disorder_by_sub_event: dict[str, str]


def load_codebook() -> Codebook:
    """The ACLED tables shipped as ``acled.yaml``."""
    data = parse_yaml(resources.files("rasd.export").joinpath("acled.yaml").read_text("utf-8"))
    return Codebook(data["inter_codes"], data["disorder_types"], data["disorder_by_sub_event"])


def event_number(event_id: str) -> int:
    """A stable number for ``event_id_cnty`` (ACLED numbers events per country; ours is derived
    from the canonical id so the same event keeps its number across exports)."""
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:7], 16)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two codes, lower first, a missing second actor (0) last (``10``,
    ``12``, ``60``); unknown when an actor's type is unknown."""
    if inter1 is None or inter2 is None:
        return None
    codes = sorted(c for c in (inter1, inter2) if c)
    codes += [0] * (2 - len(codes))
    return int(f"{codes[0]}{codes[1]}") if codes[0] else None


def _inter(actor: Any, book: Codebook) -> int | None:
    if actor is None:
        return 0
    return book.inter_codes.get(actor.type) if actor.type else None


def _count(rng: CountRange | None) -> int | None:
    return rng.value if rng is not None else None


class AcledRows:
    """Turns canonical events into ACLED rows; holds the country table and the codebook."""

    def __init__(self, countries: Countries | None = None) -> None:
        self.countries = countries or Countries()
        self.book = load_codebook()

    def row(self, ev: CanonicalEvent) -> dict[str, Any]:
        loc = ev.location
        country = self.countries.get(loc.country) if loc and loc.country else None
        inter1, inter2 = _inter(ev.actor1, self.book), _inter(ev.actor2, self.book)
        disorder = self.book.disorder_by_sub_event.get(ev.sub_event_type) or self.book.disorder_types.get(
            ev.event_type, ""
        )
        return {
            "event_id_cnty": f"{country.iso3 if country else 'XXX'}{event_number(ev.id)}",
            "event_date": ev.event_date.isoformat() if ev.event_date else None,
            "year": ev.event_date.year if ev.event_date else None,
            "time_precision": ev.date_precision,
            "disorder_type": disorder,
            "event_type": ev.event_type,
            "sub_event_type": ev.sub_event_type,
            "actor1": ev.actor1.name if ev.actor1 else None,
            "inter1": inter1,
            "actor2": ev.actor2.name if ev.actor2 else None,
            "inter2": inter2,
            "interaction": interaction(inter1, inter2),
            "country": country.name if country else (loc.country if loc else None),
            "admin1": loc.admin1 if loc else None,
            "admin2": None,  # the gazetteer stops at admin1
            "location": loc.name if loc else None,
            "latitude": loc.lat if loc else None,
            "longitude": loc.lon if loc else None,
            "geo_precision": loc.precision if loc else None,
            "source": "; ".join(ev.outlets + [s.name for s in ev.sources if s.name not in ev.outlets])
            or None,
            "source_scale": None,  # ACLED's judgement of each outlet's reach; not known here
            "notes": ev.notes,
            # ACLED codes unknown fatalities as 0, and the lowest reported figure when they differ.
            "fatalities": _count(ev.fatalities) or 0,
            "injured": _count(ev.injured),
            "displaced": _count(ev.displaced),
            "arrested": _count(ev.arrested),
            "n_reports": ev.n_reports,
            "evidence": " | ".join(ev.evidence) or None,
        }
