"""``rasd extract``: documents in, one ``{"id", "events"}`` JSON line per document out."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from rasd.cli import quick_exit
from rasd.cli.options import published_option
from rasd.ingest import Failure, read_inputs
from rasd.ingest.cli_options import read_options_decorator
from rasd.ingest.types import ReadOptions


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "pretty"]),
    default=None,
    help="jsonl (default when piped): one line per document; json: one array; pretty: tables.",
)
@published_option
@read_options_decorator
def extract(
    files: tuple[str, ...], fmt: str | None, published: dt.date | None, read_options: ReadOptions
) -> None:
    """Extract events from FILES (.jsonl, .json, .txt, .html), or standard input."""
    from rasd.pipeline import default_pipeline, only_extracting

    only_extracting()  # this process does nothing else
    quick_exit.request()  # and needs no teardown of its memos at the end
    if fmt is None:
        fmt = "pretty" if sys.stdout.isatty() else "jsonl"
    pipeline = default_pipeline()
    failed = 0
    collected: list[dict] = []
    printer = None
    if fmt == "pretty":
        from rasd.cli.pretty import PrettyPrinter

        printer = PrettyPrinter()
    for item in read_inputs(list(files), options=read_options):
        analysis = None
        if isinstance(item, Failure) and item.kind == "skipped":
            click.echo(f"rasd extract: {item}", err=True)
        result = pipeline.result_for(item, published)
        if printer is not None and not isinstance(item, Failure) and not result.error:
            analysis = pipeline.analyze(item)
        if result.error:
            failed += 1
            click.echo(f"rasd extract: error: {result.error}", err=True)
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif fmt == "json":
            collected.append(result.to_json())
        else:
            printer.show(result, analysis)
    if fmt == "json":
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    if failed:
        sys.exit(1)
