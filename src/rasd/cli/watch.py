"""``rasd watch``: poll RSS/Atom feeds and ingest their new items into the store."""

from __future__ import annotations

import datetime as dt
import sys
import time

import click

from rasd.ingest.cli_options import _duration, read_options_decorator
from rasd.ingest.types import ReadOptions


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="10m", show_default=True, callback=_duration, help="Time between polls.")
@click.option("--db", "db_url", envvar="RASD_DB", help="Database URL (sqlite:///file.db, postgresql://...).")
@click.option("--once", is_flag=True, help="Poll once and exit (status 1 if anything failed).")
@read_options_decorator(fields=False)
def watch(
    feeds: tuple[str, ...], every: float, db_url: str | None, once: bool, read_options: ReadOptions
) -> None:
    """Poll FEEDS (URLs or files) and ingest new items; items already seen are kept in the database.

    Prints one line per poll; errors go to stderr. Ctrl-C stops after closing the store cleanly.
    """
    from rasd.errors import RasdError
    from rasd.ingest.fetch import Fetcher
    from rasd.ingest.language import LanguageGuesser
    from rasd.ingest.watch import poll_once
    from rasd.pipeline import default_pipeline
    from rasd.store import Store

    try:
        store = Store(db_url)
    except RasdError as exc:
        raise click.ClickException(str(exc)) from exc
    fetcher = Fetcher(read_options.fetch)
    failed = False
    try:
        pipeline = default_pipeline()
        guesser = LanguageGuesser.load()
        validators: dict = {}  # ETag/Last-Modified per feed, for conditional GETs
        while True:
            report = poll_once(list(feeds), store, pipeline, fetcher, read_options, guesser, validators)
            for line in report.failed:
                click.echo(f"rasd watch: error: {line}", err=True)
            click.echo(report.line(dt.datetime.now()))
            sys.stdout.flush()
            failed = bool(report.failed)
            if once:
                break
            time.sleep(every)
    except KeyboardInterrupt:
        click.echo("rasd watch: stopped", err=True)
    except RasdError as exc:  # a missing resource or an unusable database stops the watcher
        raise click.ClickException(str(exc)) from exc
    finally:
        fetcher.close()
        store.close()
    if once and failed:
        sys.exit(1)
