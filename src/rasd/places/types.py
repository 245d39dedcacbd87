"""Records of the places stage."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.records import Location


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # span of the place phrase in the original text (e.g. "ريف الحسكة", "سجن الصناعة")
    end: int
    text: str
    location: Location  # resolved per the contract: precision, admin1, country, sublocation
    kind: str = "town"  # town | admin1 | admin2 | country | sublocation
    score: float = 1.0  # disambiguation confidence
