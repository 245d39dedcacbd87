"""The ``rasd`` command group. Subcommands are imported only when used, so start-up stays fast."""

from __future__ import annotations

import importlib
import importlib.util

import click

from rasd.cli import quick_exit

# name → "module:attribute". Each command lives in its own module next to this one.
COMMANDS: dict[str, str] = {
    "extract": "rasd.cli.extract:extract",
    "tag": "rasd.cli.tag:tag",
    "actors": "rasd.cli.actors:actors",
    "ingest": "rasd.cli.ingest:ingest",
    "events": "rasd.cli.events:events",
    "export": "rasd.cli.export:export",
    "watch": "rasd.cli.watch:watch",
    "serve": "rasd.cli.serve:serve",
    "batch": "rasd.cli.batch:batch",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [n for n, target in COMMANDS.items() if importlib.util.find_spec(target.split(":")[0])]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None or name not in self.list_commands(ctx):
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasd")
def cli() -> None:
    """Rasd (رصد): turn Arabic and English news into geocoded, de-duplicated conflict events."""


def main() -> None:
    """The ``rasd`` console script: the group, and a quick exit for the commands that ask for it
    (``rasd.cli.quick_exit``)."""
    try:
        cli()
    except SystemExit as done:  # click ends every command with sys.exit
        if quick_exit.requested():
            quick_exit.leave(done.code)
        raise
