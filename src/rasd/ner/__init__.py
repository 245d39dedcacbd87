"""Stage 3a — named entities (PERS, LOC, ORG, MISC) from a tagger the project trains and ships.

Interface::

    tagger = load_tagger()                    # loads the shipped model once
    tagger.tag(tokens: list[str]) -> list[str]  # BIO tags, one per token
    find_entities(analyzed, tagger) -> list[Entity]
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from rasd.ner.types import Entity

if TYPE_CHECKING:
    from rasd.ner.neural import NeuralTagger
    from rasd.ner.tagger import EntityTagger, Tagger, find_entities, load_tagger

__all__ = ["Entity", "EntityTagger", "NeuralTagger", "Tagger", "find_entities", "load_tagger"]

# The taggers' modules (numpy, crfsuite, the model code) are imported on first use of one of
# these names: event extraction does not tag entities, and importing them was about a sixth of
# its start-up. ``from rasd.ner import load_tagger`` works as before (PEP 562).
_LAZY = {
    "NeuralTagger": "rasd.ner.neural",
    "EntityTagger": "rasd.ner.tagger",
    "Tagger": "rasd.ner.tagger",
    "find_entities": "rasd.ner.tagger",
    "load_tagger": "rasd.ner.tagger",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rasd.ner' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
