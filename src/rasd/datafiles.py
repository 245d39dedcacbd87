"""Reading the data files shipped in the package (lexicons, rules) — one place, one error."""

from __future__ import annotations

from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from rasd.errors import ResourceError


def read_yaml(path: Path | Traversable, what: str) -> Any:
    """The parsed YAML file at ``path``; a missing or malformed file is a :class:`ResourceError`
    that says which resource (``what``) could not be read."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(f"{what} could not be read: {exc}") from exc
