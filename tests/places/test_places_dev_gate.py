"""Quality gate on the dev events: a change may not lower place recall or accuracy unnoticed.

Pinned at the figures of docs/places.md (23/27 found, all within 25 km); lower them only with a
reason written there.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "eval_places.py"


@pytest.mark.shared
def test_dev_place_recall_and_accuracy_do_not_drop(shared_dir):
    spec = importlib.util.spec_from_file_location("eval_places", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    r = module.evaluate(shared_dir)
    assert r["named"] >= 20
    assert r["found"] / r["named"] >= 0.85
    assert r["near"] / r["found"] >= 0.95
