"""Stage 6 — batch extraction of corpora too big for memory, on one machine or a Dask cluster.

Interface::

    with_engine = LocalEngine(workers=4)            # or DaskEngine(scheduler="tcp://host:8786")
    summary = run_batch(read_inputs(sources), Path("out.jsonl"), with_engine, chunk_size=64)

Output is the contract's ``{"id", "events"}`` line per document (``+ error`` when it failed), in
input order and byte-identical whatever the engine or worker count; a rerun resumes (skips ids
already in the output). See ``docs/batch.md``.
"""

from rasd.batch.engines import DaskEngine, LocalEngine, default_workers
from rasd.batch.rows import Row, jsonl_line
from rasd.batch.run import BatchSummary, run_batch
from rasd.batch.sinks import JsonlSink, ParquetSink, open_sink

__all__ = [
    "BatchSummary",
    "DaskEngine",
    "JsonlSink",
    "LocalEngine",
    "ParquetSink",
    "Row",
    "default_workers",
    "jsonl_line",
    "open_sink",
    "run_batch",
]
