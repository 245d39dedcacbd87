"""The shared reading options: one decorator turns command-line flags into a ReadOptions."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from rasd.ingest import ReadOptions
from rasd.ingest.cli_options import parse_duration, read_options_decorator


@pytest.mark.parametrize(
    ("text", "seconds"), [("10m", 600.0), ("30s", 30.0), ("1.5h", 5400.0), ("250ms", 0.25), ("45", 45.0)]
)
def test_parse_duration(text: str, seconds: float):
    assert parse_duration(text) == seconds


def test_parse_duration_rejects_nonsense():
    with pytest.raises(ValueError, match="duration"):
        parse_duration("ten minutes")


def _command(fields: bool) -> tuple[click.Command, list[ReadOptions]]:
    seen: list[ReadOptions] = []

    @click.command()
    @click.argument("files", nargs=-1)
    @read_options_decorator(fields=fields)
    def cmd(files: tuple[str, ...], read_options: ReadOptions) -> None:
        seen.append(read_options)

    return cmd, seen


def test_flags_become_read_options():
    cmd, seen = _command(fields=True)
    args = ["--text-field", "content", "--date-field", "date_extracted", "--languages", "all", "--offline"]
    res = CliRunner().invoke(
        cmd, [*args, "--timeout", "5s", "--delay", "250ms", "--outlet", "Desk", "a.jsonl"]
    )
    assert res.exit_code == 0, res.output
    [opts] = seen
    assert opts.fields.text == ("content",) and opts.fields.published == ("date_extracted",)
    assert opts.fields.id == ReadOptions().fields.id  # untouched fields keep their defaults
    assert opts.languages is None and opts.fetch_pages is False and opts.outlet == "Desk"
    assert opts.fetch.timeout == 5.0 and opts.fetch.delay == 0.25


def test_defaults_and_feed_only_commands():
    cmd, seen = _command(fields=False)
    res = CliRunner().invoke(cmd, [])
    assert res.exit_code == 0, res.output
    assert seen[0].languages == ("ar", "en") and seen[0].fetch_pages is True
    assert CliRunner().invoke(cmd, ["--text-field", "x"]).exit_code == 2  # not offered here
    assert CliRunner().invoke(cmd, ["--delay", "soon"]).exit_code == 2
