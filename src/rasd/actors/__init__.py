"""Stage 3c — actors and sources from a curated knowledge base (YAML) with alias resolution.

Interface::

    kb = load_kb()                                     # loads the YAML knowledge base once
    find_actors(analyzed, kb) -> list[ActorMention]
    find_sources(analyzed, kb) -> list[SourceMention]
    kb.resolve(phrase) -> Actor | None
"""

from rasd.actors.kb import ActorKB, country_forces, find_actors, find_sources, load_kb, national_forces
from rasd.actors.types import ActorMention, SourceMention

__all__ = [
    "ActorKB",
    "ActorMention",
    "SourceMention",
    "country_forces",
    "national_forces",
    "find_actors",
    "find_sources",
    "load_kb",
]
