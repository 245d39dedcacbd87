"""Records of the actors stage."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.records import Actor, Source


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # span of the actor phrase in the original text
    end: int
    text: str
    actor: Actor  # canonical name, ACLED category, id; ``actor.text`` is the surface form
    generic: bool = False  # built from a head noun (+ country adjective), not a named group


@dataclass(frozen=True, slots=True)
class SourceMention:
    start: int  # span of the source phrase (e.g. "مصادر الميادين", "المرصد السوري لحقوق الإنسان")
    end: int
    text: str
    source: Source
