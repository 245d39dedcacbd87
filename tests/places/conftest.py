"""One gazetteer for the whole places suite (loading it is the slow part)."""

from __future__ import annotations

import pytest

from rasd.places import Gazetteer, PlaceMention, find_places, load_gazetteer
from rasd.text import analyze


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def places(gazetteer):
    """``places(text)`` → the mentions find_places returns for that text."""

    def run(text: str) -> list[PlaceMention]:
        return find_places(analyze(text), gazetteer)

    return run
