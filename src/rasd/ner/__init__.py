"""Stage 3a — named entities (PERS, LOC, ORG, MISC) from a tagger the project trains and ships.

Interface::

    tagger = load_tagger()                    # loads the shipped model once
    tagger.tag(tokens: list[str]) -> list[str]  # BIO tags, one per token
    find_entities(analyzed, tagger) -> list[Entity]
"""

from rasd.ner.neural import NeuralTagger
from rasd.ner.tagger import EntityTagger, Tagger, find_entities, load_tagger
from rasd.ner.types import Entity

__all__ = ["Entity", "EntityTagger", "NeuralTagger", "Tagger", "find_entities", "load_tagger"]
