"""``rasd export``: stored canonical events as ACLED-style CSV, GeoJSON, JSON lines or Parquet."""

from __future__ import annotations

import sys
from typing import Any

import click

from rasd.cli.events import filter_options, make_filter, open_store


@click.command()
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["acled-csv", "geojson", "jsonl", "parquet"]),
    required=True,
    help="acled-csv: ACLED's columns + Rasd's; geojson: FeatureCollection; jsonl: canonical events.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="File (default: stdout).",
)
def export(db_url: str | None, fmt: str, output: str, **kw: Any) -> None:
    """Export the stored canonical events matching the filters, oldest first."""
    from rasd.export import export_events

    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        raise click.UsageError("parquet is binary: give --output FILE")
    store = open_store(db_url)
    try:
        if output == "-":
            n = export_events(store, make_filter(kw), fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with open(output, "wb") as out:
                n = export_events(store, make_filter(kw), fmt, out)
    finally:
        store.close()
    click.echo(f"rasd export: {n} events written", err=True)
