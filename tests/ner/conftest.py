"""Fixtures shared by the NER tests."""

from __future__ import annotations

import pytest

from rasd.ner import NeuralTagger, load_tagger


@pytest.fixture(scope="module")
def tagger() -> NeuralTagger:
    """The shipped neural tagger (loaded once per module)."""
    t = load_tagger()
    if not isinstance(t, NeuralTagger):
        pytest.skip("the shipped model is the CRF")
    return t
