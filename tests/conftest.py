"""Shared test fixtures. Tests that read ../shared are marked ``shared`` and skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "eval" / "dev").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
