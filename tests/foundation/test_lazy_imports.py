"""Start-up of event extraction: modules it does not use are not imported with it."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, sys
import rasd.cli.main
from rasd.pipeline import Pipeline
heavy = [m for m in ("numpy", "pycrfsuite", "onnxruntime", "httpx") if m in sys.modules]
from rasd.ner import find_entities, load_tagger  # the names still resolve, on first use
print(json.dumps({"heavy": heavy, "loaded": "numpy" in sys.modules, "api": [find_entities.__name__, load_tagger.__name__]}))
"""


def test_extraction_does_not_import_the_tagger_or_http_modules() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    found = json.loads(out.stdout)
    assert found["heavy"] == []
    # asking rasd.ner for a tagger name imports its module then
    assert found["loaded"] is True
    assert found["api"] == ["find_entities", "load_tagger"]
