"""Actors seam. Until the knowledge base ships, nothing resolves."""

from __future__ import annotations

from rasd.actors.types import ActorMention, SourceMention
from rasd.records import Actor
from rasd.text.types import AnalyzedText


class ActorKB:
    def resolve(self, phrase: str) -> Actor | None:
        return None


def load_kb() -> ActorKB:
    return ActorKB()


def find_actors(analyzed: AnalyzedText, kb: ActorKB) -> list[ActorMention]:
    return []


def find_sources(analyzed: AnalyzedText, kb: ActorKB) -> list[SourceMention]:
    return []
