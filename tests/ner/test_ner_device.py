"""scripts/ner_device.py: the NER training code runs without the rest of the package (a GPU
machine has torch and numpy, not pydantic, yaml or the pipeline's other dependencies)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from rasd.ner.features import lookup_form, strip_clitics
from rasd.ner.neural import viterbi
import numpy as np
word = lookup_form("وبالمدينة")
path = viterbi(np.array([[0.0, 1.0], [2.0, 0.0]], dtype=np.float32), np.zeros((2, 2), np.float32), np.zeros(2, np.float32))
loaded = sorted(m for m in ("rasd.pipeline", "rasd.text.analyze", "pydantic", "yaml") if m in sys.modules)
print(json.dumps({"argv": sys.argv[1:], "base": strip_clitics(word)[1], "path": [int(p) for p in path], "loaded": loaded}))
"""


def test_device_runner_loads_the_ner_code_without_the_package_init(tmp_path: Path) -> None:
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "ner_device.py"), str(script), "--flag", "x"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    out = json.loads(done.stdout)
    assert out["argv"] == ["--flag", "x"]  # the script sees its own arguments
    assert out["base"] == "مدينه"  # clitics stripped from the lookup form, as when tagging
    assert out["path"] == [1, 0]
    assert out["loaded"] == []  # neither the pipeline, the analyzer, nor their libraries


def test_device_runner_without_a_script_prints_its_use() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "ner_device.py")], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "ner_device.py scripts/train_ner_neural.py" in done.stderr
