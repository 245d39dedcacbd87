"""NER tagger seam. Until the trained model ships, the tagger finds nothing (all ``O``)."""

from __future__ import annotations

from rasd.ner.types import Entity
from rasd.text.types import AnalyzedText


class Tagger:
    def tag(self, tokens: list[str]) -> list[str]:
        return ["O"] * len(tokens)


def load_tagger() -> Tagger:
    return Tagger()


def find_entities(analyzed: AnalyzedText, tagger: Tagger) -> list[Entity]:
    return []
