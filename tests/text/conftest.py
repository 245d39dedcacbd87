"""Fixtures of the text-stage tests: the lexicons load once per session."""

from __future__ import annotations

import pytest

from rasd.text.analyze import TextAnalyzer


@pytest.fixture(scope="session")
def analyzer() -> TextAnalyzer:
    return TextAnalyzer()
