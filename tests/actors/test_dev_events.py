"""The dev events' gold actors and sources resolve (scripts/eval_actors.py, as a test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.shared
def test_dev_gold_actors_and_sources_resolve(shared_dir):
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_actors.py"), "--shared", str(shared_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    last = res.stdout.strip().splitlines()[-1]
    rates = json.loads(last)
    # 3 gold actors are not resolvable from the phrase (a role decision or a description):
    # "فلسطينيا" as the attacker, "محطتي حافلات" as Civilians, "الشيطان الذي جهز نفسه بحزام ناسف".
    assert rates["source"] == 1.0
    assert rates["actor"] >= 0.94
