"""What runs inside a worker: a pipeline loaded once, and the chunk → rows function.

Both engines call :func:`process_chunk`. Where the pipeline lives differs:

- ``local`` engine: each pool process runs :func:`init_local_worker` once (the pool's
  initializer), which fills this module's one per-process cache, :data:`_PROCESS_PIPELINES`.
  That global is deliberate and the only one: a process-pool task cannot receive a live pipeline,
  so the process itself has to hold it, and it is filled once and never changed afterwards.
- ``dask`` engine: a :class:`~rasd.batch.dask_plugin.PipelinePlugin` is registered on the cluster; every worker (also one
  that joins later) runs its ``setup`` once, and tasks find the pipeline through
  ``get_worker().plugins``. No module state is involved.

A pipeline is not assumed to be thread-safe (a CRF tagger object keeps state while tagging), so a
:class:`PipelineHolder` keeps one pipeline per thread; with one thread per worker, as the engines
start them, that is one per worker.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Sequence

from rasd.batch.rows import Item, Row
from rasd.pipeline import Pipeline, only_extracting


class PipelineHolder:
    """One warmed-up pipeline per thread.

    :meth:`warm` loads one ahead of time (a worker's start-up runs in another thread than its
    tasks, e.g. dask's event loop); the first thread that asks takes it, later threads load their own.
    """

    def __init__(self, factory: Callable[[], Pipeline] = Pipeline) -> None:
        self._factory = factory
        self._local = threading.local()
        self._lock = threading.Lock()
        self._spare: Pipeline | None = None

    def warm(self) -> PipelineHolder:
        with self._lock:
            if self._spare is None:
                self._spare = self._factory().warm_up()
        return self

    def get(self) -> Pipeline:
        pipeline = getattr(self._local, "pipeline", None)
        if pipeline is None:
            with self._lock:
                pipeline, self._spare = self._spare, None
            if pipeline is None:
                pipeline = self._factory().warm_up()
            self._local.pipeline = pipeline
        return pipeline


def process_item(item: Item, pipeline: Pipeline, published: dt.date | None = None) -> Row:
    """One input item → one row. Never raises for a bad document: the error is recorded."""
    result = pipeline.result_for(item, published)  # the same rule as ``rasd extract``
    if result.error is not None:
        return Row(id=result.id, events_json="[]", error=result.error)
    events = [e.to_json() for e in result.events]
    return Row(id=result.id, events_json=json.dumps(events, ensure_ascii=False), n_events=len(events))


def process_chunk(chunk: Sequence[Item], pipeline: Pipeline, published: dt.date | None = None) -> list[Row]:
    """Rows for a chunk, in the chunk's order."""
    return [process_item(item, pipeline, published) for item in chunk]


# --- local engine (process pool) -------------------------------------------------------------

# The documented per-process cache (see the module docstring): set once by the pool initializer.
_PROCESS_PIPELINES: PipelineHolder | None = None


def init_local_worker() -> None:
    """Pool initializer: load the pipeline once in this worker process."""
    global _PROCESS_PIPELINES
    only_extracting()  # a pool process does nothing else
    _PROCESS_PIPELINES = PipelineHolder().warm()


def local_task(chunk: Sequence[Item], published: dt.date | None) -> list[Row]:
    if _PROCESS_PIPELINES is None:  # a pool started without the initializer
        init_local_worker()
    assert _PROCESS_PIPELINES is not None
    return process_chunk(chunk, _PROCESS_PIPELINES.get(), published)
