from __future__ import annotations

import pytest

from rasd.actors import ActorKB, ActorMention, find_actors, load_kb
from rasd.text import analyze


@pytest.fixture(scope="session")
def kb() -> ActorKB:
    return load_kb()


@pytest.fixture(scope="session")
def actors_in(kb: ActorKB):
    """Actor mentions of a text as (surface, name) pairs, with the offsets checked."""

    def run(text: str, country: str | None = None) -> list[tuple[str, str]]:
        mentions: list[ActorMention] = find_actors(analyze(text), kb, country=country)
        for m in mentions:
            assert text[m.start : m.end] == m.text == m.actor.text
        return [(m.text, m.actor.name) for m in mentions]

    return run
