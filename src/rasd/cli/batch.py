"""``rasd batch``: extract a large corpus into JSONL or Parquet, in parallel, resumably."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from rasd.cli.options import published_option


def _count_lines(sources: tuple[str, ...]) -> int | None:
    """Documents to expect, when every input is a JSONL file (one document a line); else unknown."""
    total = 0
    for src in sources:
        p = Path(src)
        if p.suffix.lower() != ".jsonl" or not p.is_file():
            return None
        with p.open("rb") as fh:
            total += sum(chunk.count(b"\n") for chunk in iter(lambda fh=fh: fh.read(1 << 20), b""))
    return total


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path),
    help="OUT.jsonl (one line per document) or OUT.parquet (a directory of parts). Resumed if present.",
)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (default: the cores available; local 0 = in this process).",
)
@click.option(
    "--scheduler", default=None, help="Dask scheduler address (tcp://host:8786); implies --engine dask."
)
@click.option("--chunk-size", type=click.IntRange(min=1), default=64, show_default=True)
@published_option
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal)."
)
def batch(
    inputs: tuple[str, ...],
    output: Path,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    chunk_size: int,
    published: dt.date | None,
    progress: bool | None,
) -> None:
    """Extract events from INPUT files (.jsonl, .json, .txt, .html, …; '-' for stdin) into OUTPUT.

    Output lines are in input order and the same bytes whatever the engine or worker count. A
    rerun with the same OUTPUT skips documents already in it, so an interrupted run resumes.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from rasd.batch import DaskEngine, LocalEngine, run_batch
    from rasd.errors import RasdError
    from rasd.ingest import read_inputs

    console = Console(stderr=True)
    if scheduler:
        engine = "dask"
    eng = (
        DaskEngine(workers=workers, scheduler=scheduler, published=published)
        if engine == "dask"
        else LocalEngine(workers=workers, published=published)
    )
    show = console.is_terminal if progress is None else progress
    bar = Progress(
        SpinnerColumn(),
        TextColumn("[bold]rasd batch[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s · {task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not show,
        transient=False,
    )
    task = bar.add_task("docs", total=_count_lines(inputs) if show else None, rate="-", failed=0)
    failed = 0

    def on_rows(rows) -> None:
        nonlocal failed
        for r in rows:
            if r.error is not None:
                failed += 1
                console.print(f"rasd batch: error: {r.error}", markup=False, highlight=False, soft_wrap=True)
        t = bar.tasks[0]
        rate = f"{(t.completed + len(rows)) / t.elapsed:.0f}" if t.elapsed else "-"
        bar.update(task, advance=len(rows), rate=rate, failed=failed)

    try:
        with bar:
            summary = run_batch(
                read_inputs(list(inputs)),
                output,
                eng,
                chunk_size=chunk_size,
                on_rows=on_rows,
                on_skip=lambda: bar.update(task, advance=1),
            )
    except RasdError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"rasd batch: {summary.processed} processed, {summary.skipped} already done, "
        f"{summary.failed} failed, {summary.events} events in {summary.seconds:.1f} s "
        f"({summary.per_second:.0f} docs/s) → {output}",
        err=True,
    )
    if summary.failed:
        sys.exit(1)
