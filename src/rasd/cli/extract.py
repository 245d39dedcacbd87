"""``rasd extract``: documents in, one ``{"id", "events"}`` JSON line per document out."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from rasd.ingest import Failure, read_inputs
from rasd.records import Result


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter("expected YYYY-MM-DD") from exc


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "pretty"]),
    default=None,
    help="jsonl (default when piped): one line per document; json: one array; pretty: tables.",
)
@click.option("--published", callback=_published, help="Publication date for documents that lack one.")
def extract(files: tuple[str, ...], fmt: str | None, published: dt.date | None) -> None:
    """Extract events from FILES (.jsonl, .json, .txt, .html), or standard input."""
    from rasd.pipeline import default_pipeline

    if fmt is None:
        fmt = "pretty" if sys.stdout.isatty() else "jsonl"
    pipeline = default_pipeline()
    failed = 0
    collected: list[dict] = []
    printer = None
    if fmt == "pretty":
        from rasd.cli.pretty import PrettyPrinter

        printer = PrettyPrinter()
    for item in read_inputs(list(files)):
        analysis = None
        if isinstance(item, Failure):
            result = Result(id=item.id, error=str(item))
        else:
            if published is not None and item.published is None:
                item = item.model_copy(update={"published": published})
            result = pipeline.process(item)
            if result.error:
                result = Result(id=item.id, error=f"{item.id}: {result.error}")
            elif printer is not None:
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
