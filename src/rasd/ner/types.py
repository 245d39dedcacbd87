"""Records of the NER stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entity:
    label: str  # PERS | LOC | ORG | MISC
    start: int  # character offsets into the original text
    end: int
    text: str
