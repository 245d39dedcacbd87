"""Command-line options for reading sources, shared by ``rasd extract``, ``rasd ingest`` and ``rasd watch``.

Usage in a click command::

    @click.command()
    @read_options_decorator
    def extract(files, ..., read_options: ReadOptions) -> None:
        read_inputs(files, options=read_options)

The decorator adds the options and hands the command one ``ReadOptions`` built from them.
``--published`` is not among them: each command already has it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from rasd.ingest.types import FetchSettings, FieldMap, ReadOptions

_FIELDS = ("text", "id", "title", "date", "outlet", "url")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(value: str) -> float:
    """ "10m" → 600.0; "30s", "1.5h", "250ms", or a bare number of seconds."""
    m = _DURATION.match(value)
    if not m:
        raise ValueError(f"expected a duration like 30s, 10m, 1h, not {value!r}")
    return float(m.group(1)) * _UNIT_SECONDS[m.group(2) or "s"]


def _duration(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def _languages(value: str) -> tuple[str, ...] | None:
    if value.strip().lower() == "all":
        return None
    return tuple(x.strip().lower() for x in value.split(",") if x.strip())


def build_read_options(
    *,
    text_field: str | None = None,
    id_field: str | None = None,
    title_field: str | None = None,
    date_field: str | None = None,
    outlet_field: str | None = None,
    url_field: str | None = None,
    encoding: str | None = None,
    languages: str = "ar,en",
    offline: bool = False,
    timeout: float | None = None,
    delay: float | None = None,
    outlet: str | None = None,
) -> ReadOptions:
    fields = FieldMap().with_overrides(
        text=text_field,
        id=id_field,
        title=title_field,
        published=date_field,
        outlet=outlet_field,
        url=url_field,
    )
    fetch = FetchSettings()
    if timeout is not None:
        fetch = replace(fetch, timeout=timeout)
    if delay is not None:
        fetch = replace(fetch, delay=delay)
    return ReadOptions(
        fields=fields,
        outlet=outlet,
        languages=_languages(languages),
        fetch_pages=not offline,
        encoding=encoding,
        fetch=fetch,
    )


_FIELD_OPTIONS = [
    click.option(f"--{name}-field", f"{name}_field", metavar="KEY", help=f"JSON/CSV key holding the {name}.")
    for name in _FIELDS
]
_OTHER_OPTIONS = [
    click.option("--outlet", help="Outlet for documents that name none."),
    click.option(
        "--encoding", help="Encoding of text/CSV/HTML files (default UTF-8; pages: declared charset)."
    ),
    click.option(
        "--languages",
        default="ar,en",
        show_default=True,
        help="Languages kept, comma-separated, or 'all'; others are skipped with a reason.",
    ),
    click.option(
        "--offline", is_flag=True, help="Do not fetch feed items' pages; use the items' own content."
    ),
    click.option("--timeout", callback=_duration, help="HTTP timeout (e.g. 20s)."),
    click.option(
        "--delay", callback=_duration, help="Politeness delay between requests to one host (e.g. 1s)."
    ),
]
_OTHER_NAMES = ("outlet", "encoding", "languages", "offline", "timeout", "delay")


def read_options_decorator(
    fn: Callable[..., Any] | None = None, *, fields: bool = True
) -> Callable[..., Any]:
    """Add the reading options to a click command; it receives ``read_options: ReadOptions``.

    ``fields=False`` leaves out the JSON/CSV field options (for commands that read only feeds).
    """

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        names = [f"{n}_field" for n in _FIELDS] * fields + list(_OTHER_NAMES)

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            picked = {k: kwargs.pop(k) for k in names}
            return fn(*args, read_options=build_read_options(**picked), **kwargs)

        for option in reversed((_FIELD_OPTIONS if fields else []) + _OTHER_OPTIONS):
            wrapper = option(wrapper)
        return wrapper

    return decorate(fn) if fn is not None else decorate
