"""``rasd ingest``: read documents, extract their events and store them (idempotent, resumable)."""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from rasd.cli.options import published_option
from rasd.ingest.cli_options import read_options_decorator
from rasd.ingest.types import ReadOptions

# Tests only: seconds to sleep inside each document's transaction, so a kill -9 lands mid-write.
TEST_DELAY_ENV = "RASD_TEST_INGEST_DELAY"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_url", envvar="RASD_DB", help="Database URL (sqlite:///file.db, postgresql://...).")
@published_option
@read_options_decorator
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal)."
)
def ingest(
    paths: tuple[str, ...],
    db_url: str | None,
    published: dt.date | None,
    read_options: ReadOptions,
    progress: bool | None,
) -> None:
    """Extract and store the documents in PATHS; documents already stored are skipped.

    Each document is stored in its own transaction, so an interrupted run leaves no partial
    document and running the same command again resumes where it stopped. The exit status is
    1 when any document failed.
    """
    from rasd.errors import RasdError, StoreError
    from rasd.ingest import read_inputs
    from rasd.pipeline import default_pipeline
    from rasd.store import Store

    if progress is None:
        progress = sys.stderr.isatty()
    try:
        store = Store(db_url, write_delay=float(os.environ.get(TEST_DELAY_ENV) or 0))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        summary = store.ingest(
            read_inputs(list(paths), options=read_options),
            default_pipeline(),
            progress=progress,
            published=published,
        )
    except RasdError as exc:  # a missing resource or an unusable database stops the run
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    for where, reason in summary.failed:
        click.echo(f"rasd ingest: error: {where}: {reason}", err=True)
    click.echo(
        f"rasd ingest: {summary.read} read, {summary.stored} stored, {summary.duplicates} duplicates skipped, "
        f"{summary.n_failed} failed; {summary.mentions} event mentions added; "
        f"{summary.canonical_events} canonical events in the store",
        err=True,
    )
    if summary.failed:
        sys.exit(1)
