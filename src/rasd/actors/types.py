"""Records of the actors stage: mentions found in a text, and the knowledge base's entries."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.frozen import Reduced, by_fields
from rasd.records import Actor, ActorType, Source, SourceKind


@dataclass(init=False, frozen=True, slots=True)
class ActorMention:
    start: int  # span of the actor phrase in the original text
    end: int
    text: str
    actor: Actor  # canonical name, ACLED category, id; ``actor.text`` is the surface form
    generic: bool = False  # built from a head noun (+ country adjective), not a named group
    # How it was found: "alias" (a name of the knowledge base, with or without a head noun),
    # "context" (an ambiguous alias or epithet resolved by the document), "generic" (head noun +
    # country adjective), "country" (a country name standing for its state; only on request),
    # "adjective" (a nationality adjective alone standing for its state's forces: national_forces).
    via: str = "alias"
    country: str | None = None  # ISO2 home country of the actor, when known

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        actor: Actor,
        generic: bool = False,
        via: str = "alias",
        country: str | None = None,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "actor", actor)
        object.__setattr__(self, "generic", generic)
        object.__setattr__(self, "via", via)
        object.__setattr__(self, "country", country)

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(init=False, frozen=True, slots=True)
class SourceMention:
    start: int  # span of the source phrase (e.g. "مصادر الميادين", "المرصد السوري لحقوق الإنسان")
    end: int
    text: str
    source: Source

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(self, start: int, end: int, text: str, source: Source) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "source", source)

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(frozen=True, slots=True)
class KBActor:
    """One actor of the knowledge base (a named group, a state force, or a generic party)."""

    id: str
    name: str  # common English name
    type: ActorType
    country: str | None  # ISO2 home country; None for transnational groups
    aliases: tuple[str, ...] = ()
    short: str | None = None  # English short form used in derived names ("SDF" → "source close to SDF")
    wikidata: str | None = None
    theatre: tuple[str, ...] = ()  # ISO2 countries where it operates besides home
    generic: bool = False

    def record(self, text: str | None = None, type_: ActorType | None = None) -> Actor:
        return Actor(name=self.name, text=text, type=type_ or self.type, id=self.id)

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(frozen=True, slots=True)
class KBSource:
    """One source of the knowledge base (agency, outlet, monitor, ministry, generic source phrase)."""

    id: str
    name: str
    kind: SourceKind
    country: str | None = None
    aliases: tuple[str, ...] = ()

    def record(self, text: str | None = None) -> Source:
        return Source(name=self.name, text=text, kind=self.kind)

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py
