"""Records of the places stage."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.frozen import Reduced, by_fields
from rasd.records import Location

KINDS = ("town", "admin1", "country", "sublocation")


@dataclass(init=False, frozen=True, slots=True)
class PlaceMention:
    """One place phrase in a document, resolved per the contract's location conventions.

    ``kind`` says what the phrase names: ``town`` (a populated place; precision 1, or 2 with a
    vicinity frame such as "ريف X"/"شمال X"), ``admin1`` (a province only: its capital's
    coordinates, precision 3), ``country`` (no coordinates, precision 3) or ``sublocation``
    (a neighbourhood/camp/prison/road/building: the town's location with ``sublocation`` set; when
    no town is named nearby, the document's country at precision 3 with no coordinates, the
    phrase kept in ``sublocation``, and ``resolved`` False).
    """

    start: int  # span of the place phrase in the original text (e.g. "ريف الحسكة", "سجن الصناعة")
    end: int
    text: str
    location: Location  # resolved per the contract: precision, admin1, country, sublocation
    kind: str = "town"  # town | admin1 | country | sublocation
    score: float = 1.0  # disambiguation confidence, 0..1

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self, start: int, end: int, text: str, location: Location, kind: str = "town", score: float = 1.0
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "score", score)

    @property
    def resolved(self) -> bool:
        """True when the mention carries coordinates or is a country (a usable event location)."""
        return self.location.lat is not None or self.kind == "country"

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(frozen=True, slots=True)
class Place:
    """One populated place of the compact index."""

    row: int  # its row in the index
    id: int  # GeoNames id
    name: str
    lat: float
    lon: float
    pop: int
    country: str
    admin1: str  # GeoNames admin1 code, "SY.01"

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(frozen=True, slots=True)
class Division:
    """A first-level division or a country; ``capital`` indexes ``Gazetteer.places`` (-1: none)."""

    code: str  # "SY.01" or "SY"
    name: str
    capital: int

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py
