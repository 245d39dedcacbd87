"""Optional native build: the hot, fully typed modules of the pipeline compiled with mypyc.

mypyc (from the ``mypy`` package) turns type-annotated Python into C extensions that use the
annotations: native classes, direct calls between compiled functions, C-level int, list, dict and
str operations. The compiled package gives the same output as the Python sources, faster (see
docs/batch.md, "Sixth round"). Everything else about the project lives in pyproject.toml.

The build is optional at every step, so that the package always installs:

- ``RASD_PURE_PYTHON=1`` in the environment, or no ``mypyc`` importable (a plain ``pip install .``
  in an isolated build, where only setuptools is present): no extensions, pure Python;
- mypyc rejects the sources (a type error) or the C compiler fails: a warning, and pure Python.

``make setup`` installs mypy first and builds without isolation, so the venv gets the compiled
modules. The extensions land beside the sources (``src/rasd/**/*.so``) in an editable install:
they shadow the ``.py`` files, so the Makefile rebuilds them when one of these sources changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules to compile: the per-token work of the text, places, actors and events stages.
# Left out: modules defining pydantic models (actors/schema.py; mypyc cannot compile them), the
# packages' __init__ files and build-time scripts.
MYPYC_MODULES = [
    "src/rasd/text/normalize.py",
    "src/rasd/text/tokenize.py",
    "src/rasd/text/segment.py",
    "src/rasd/text/sentences.py",
    "src/rasd/text/numbers.py",
    "src/rasd/text/dates.py",
    "src/rasd/text/types.py",
    "src/rasd/text/analyze.py",
    "src/rasd/actors/tokens.py",
    "src/rasd/actors/index.py",
    "src/rasd/actors/types.py",
    "src/rasd/actors/find.py",
    "src/rasd/actors/sources.py",
    "src/rasd/actors/kb.py",
    "src/rasd/places/types.py",
    "src/rasd/places/gazetteer.py",
    "src/rasd/places/match.py",
    "src/rasd/places/resolve.py",
    "src/rasd/places/find.py",
    "src/rasd/places/transliterated.py",
    "src/rasd/events/marks.py",
    "src/rasd/events/lexicon.py",
    "src/rasd/events/context.py",
    "src/rasd/events/gate.py",
    "src/rasd/events/triggers.py",
    "src/rasd/events/mentions.py",
    "src/rasd/events/realis.py",
    "src/rasd/events/arguments.py",
    "src/rasd/events/merge.py",
    "src/rasd/events/document.py",
    "src/rasd/events/extract.py",
]

# mypy options for the build: third-party packages without stubs are Any; modules outside the
# list are read for their types but not checked (follow-imports=silent).
MYPY_ARGS = ["--ignore-missing-imports", "--follow-imports=silent"]


def _warn(msg: str) -> None:
    print(f"rasd setup.py: {msg}; installing the pure-Python package", file=sys.stderr)


def native_extensions() -> list:
    if os.environ.get("RASD_PURE_PYTHON", "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    here = Path(__file__).parent
    os.chdir(here)  # mypycify takes paths relative to the project
    try:
        # group_name: one shared library, rasd__mypyc, instead of one named by a hash
        return mypycify([*MYPY_ARGS, *MYPYC_MODULES], opt_level="3", group_name="rasd")
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error
        _warn(f"mypyc failed ({exc!r})")
        return []


class OptionalBuildExt(build_ext):
    """build_ext that falls back to pure Python when the C compiler fails: all the extensions or
    none (the modules import the shared library, rasd__mypyc, so a partial set cannot load)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            _warn(f"compiling the mypyc extensions failed ({exc!r})")
            for path in self.get_outputs():
                Path(path).unlink(missing_ok=True)
            self.extensions = []


setup(ext_modules=native_extensions(), cmdclass={"build_ext": OptionalBuildExt})
