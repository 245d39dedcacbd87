"""`import rasd` refuses a compiled module (setup.py's mypyc build) older than its source."""

import os
from pathlib import Path

from rasd import stale_compiled_module


def _layout(root: Path, source_age: int, compiled_age: int) -> Path:
    stage = root / "events"
    stage.mkdir()
    source, compiled = stage / "merge.py", stage / "merge.cpython-311-x86_64-linux-gnu.so"
    source.write_text("x = 1\n")
    compiled.write_bytes(b"")
    now = 1_800_000_000
    os.utime(source, (now - source_age, now - source_age))
    os.utime(compiled, (now - compiled_age, now - compiled_age))
    return source


def test_a_source_edited_after_the_build_is_reported(tmp_path):
    source = _layout(tmp_path, source_age=10, compiled_age=100)
    assert stale_compiled_module(tmp_path) == source


def test_a_build_newer_than_its_sources_is_fine(tmp_path):
    _layout(tmp_path, source_age=100, compiled_age=10)
    assert stale_compiled_module(tmp_path) is None


def test_the_pure_python_package_has_nothing_to_check(tmp_path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "merge.py").write_text("x = 1\n")
    assert stale_compiled_module(tmp_path) is None
