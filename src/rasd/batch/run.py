"""The batch run: read inputs lazily, skip what is already done, chunk, map, write in order."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rasd.batch.engines import Engine
from rasd.batch.rows import Item, Row
from rasd.batch.sinks import open_sink


@dataclass(slots=True)
class BatchSummary:
    """What a run did. ``skipped`` were already in the output (resume); ``failed`` have ``error``."""

    processed: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # the first few messages, for the summary

    @property
    def per_second(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0


def skip_done(items: Iterable[Item], done: Counter, on_skip: Callable[[], None]) -> Iterator[Item]:
    """Leave out items whose id the output already holds, once per time it holds it."""
    for item in items:
        if done[item.id] > 0:
            done[item.id] -= 1
            on_skip()
            continue
        yield item


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_batch(
    items: Iterable[Item],
    output: Path,
    engine: Engine,
    chunk_size: int = 64,
    on_rows: Callable[[Sequence[Row]], None] | None = None,
    on_skip: Callable[[], None] | None = None,
    rows_per_part: int = 10_000,
    keep_errors: int = 20,
) -> BatchSummary:
    """Extract every item into ``output`` (``.jsonl`` or ``.parquet``), resuming what is there.

    ``items`` is consumed lazily (``rasd.ingest.read_inputs(sources)``); at most the engine's
    window of chunks is in memory. ``on_rows`` sees each written chunk (progress, error
    reporting); ``on_skip`` each document skipped because it is already in the output.
    """
    summary = BatchSummary()
    start = time.perf_counter()
    sink = open_sink(output, rows_per_part)
    done = sink.done()

    def skipped() -> None:
        summary.skipped += 1
        if on_skip is not None:
            on_skip()

    try:
        with engine:
            for rows in engine.map_chunks(chunked(skip_done(items, done, skipped), chunk_size)):
                sink.write(rows)
                for r in rows:
                    summary.processed += 1
                    summary.events += r.n_events
                    if r.error is not None:
                        summary.failed += 1
                        if len(summary.errors) < keep_errors:
                            summary.errors.append(r.error)
                if on_rows is not None:
                    on_rows(rows)
    finally:
        sink.close()
        summary.seconds = time.perf_counter() - start
    return summary
