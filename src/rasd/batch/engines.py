"""Engines: run chunks through workers and give the rows back in input order.

An engine is a context manager with one method, ``map_chunks(chunks) -> Iterator[list[Row]]``.
Both engines keep at most ``max_in_flight`` chunks submitted and not yet written, and always wait
for the oldest one first: results come back in input order (so the output never depends on which
worker was faster), and memory stays flat however long the input is.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from rasd.batch.rows import Item, Row
from rasd.batch.worker import PipelineHolder, init_local_worker, local_task, process_chunk
from rasd.errors import RasdError
from rasd.pipeline import Pipeline

Chunk = Sequence[Item]

DASK_HINT = "the dask engine needs dask.distributed: pip install 'rasd[dask]'"


class Engine(Protocol):
    def map_chunks(self, chunks: Iterable[Chunk]) -> Iterator[list[Row]]: ...
    def __enter__(self) -> Engine: ...
    def __exit__(self, *exc: object) -> None: ...


def ordered_map(
    submit: Callable[[Chunk], Any], chunks: Iterable[Chunk], max_in_flight: int
) -> Iterator[list[Row]]:
    """Submit chunks ahead, at most ``max_in_flight`` at a time; yield results oldest first.

    ``submit`` returns a future with ``.result()`` and ``.cancel()`` (concurrent.futures or
    dask.distributed). Waiting on the oldest keeps the order; the window keeps workers busy.
    """
    pending: deque[Any] = deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            # Write what is ready at the head without waiting, so output keeps pace with a slow
            # (streamed) input; block only when the window is full.
            while pending and (len(pending) >= max_in_flight or pending[0].done()):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:  # stopped early (error, Ctrl-C): do not leave work queued behind us
        for fut in pending:
            fut.cancel()


def default_workers() -> int:
    """The cores this process may use (respects CPU affinity and container limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """A process pool on this machine; the pipeline is loaded once per worker process.

    ``workers=0`` runs in this process without a pool (for debugging and single-core timing), with
    ``pipeline`` if one is given (a caller that already holds a loaded pipeline).
    Workers are started with ``forkserver``: a fork of a process that already runs threads (a
    progress bar, a dask client) can deadlock, and ``spawn`` would re-run more start-up per worker.
    """

    def __init__(
        self,
        workers: int | None = None,
        published: dt.date | None = None,
        max_in_flight: int | None = None,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.workers = default_workers() if workers is None else workers
        self.pipeline = pipeline  # used as is when workers == 0 (pool workers load their own)
        if self.workers < 0:
            raise RasdError("--workers must be 0 or more")
        self.published = published
        self.max_in_flight = max_in_flight or 2 * max(1, self.workers) + 1
        self._pool: ProcessPoolExecutor | None = None
        self._inline: PipelineHolder | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers == 0:
            given = self.pipeline
            self._inline = PipelineHolder(factory=(lambda: given) if given is not None else Pipeline).warm()
        else:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("forkserver"),
                initializer=init_local_worker,
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map_chunks(self, chunks: Iterable[Chunk]) -> Iterator[list[Row]]:
        if self._inline is not None:
            pipeline = self._inline.get()
            for chunk in chunks:
                yield process_chunk(chunk, pipeline, self.published)
            return
        if self._pool is None:
            raise RasdError("LocalEngine used outside its 'with' block")
        pool = self._pool
        try:
            yield from ordered_map(
                lambda c: pool.submit(local_task, c, self.published), chunks, self.max_in_flight
            )
        except BrokenProcessPool as exc:
            raise RasdError(
                "a worker process died (killed, or out of memory); the output written so far is "
                "valid: run the same command again to resume"
            ) from exc


class DaskEngine:
    """The same work on a Dask cluster.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without it a
    ``LocalCluster`` of ``workers`` single-threaded worker processes is started and closed here.
    ``client`` lets a caller (a test, a notebook) hand in its own connected client. Each worker
    loads the pipeline once, through a worker plugin (:mod:`rasd.batch.dask_plugin`).
    """

    def __init__(
        self,
        workers: int | None = None,
        scheduler: str | None = None,
        client: Any = None,
        published: dt.date | None = None,
        max_in_flight: int | None = None,
    ) -> None:
        self.workers = default_workers() if workers is None else max(1, workers)
        self.scheduler = scheduler
        self.published = published
        self._max_in_flight = max_in_flight
        self._client = client
        self._owned: list[Any] = []  # what we started and must close (client, cluster)

    def __enter__(self) -> DaskEngine:
        try:
            from distributed import Client, LocalCluster

            from rasd.batch.dask_plugin import PipelinePlugin
        except ImportError as exc:
            raise RasdError(DASK_HINT) from exc
        if self._client is None:
            if self.scheduler:
                self._client = Client(self.scheduler)
            else:
                import logging

                cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._owned.append(cluster)
                self._client = Client(cluster)
            self._owned.insert(0, self._client)
        # Registering runs ``setup`` (loads the pipeline) on every worker now and on later ones.
        self._client.register_plugin(PipelinePlugin())
        return self

    def __exit__(self, *exc: object) -> None:
        for thing in self._owned:
            thing.close()
        self._owned.clear()

    @property
    def max_in_flight(self) -> int:
        if self._max_in_flight:
            return self._max_in_flight
        n = len(self._client.scheduler_info().get("workers", {})) if self._client is not None else 0
        return 2 * max(1, n or self.workers) + 1

    def map_chunks(self, chunks: Iterable[Chunk]) -> Iterator[list[Row]]:
        from rasd.batch.dask_plugin import dask_task

        if self._client is None:
            raise RasdError("DaskEngine used outside its 'with' block")
        client = self._client
        run = uuid.uuid4().hex[:8]
        seq = iter(range(1 << 62))

        def submit(chunk: Chunk) -> Any:
            # A unique key per chunk: dask must not treat two chunks (or two runs) as the same task.
            return client.submit(dask_task, chunk, self.published, key=f"rasd-chunk-{run}-{next(seq)}")

        from distributed.scheduler import KilledWorker

        try:
            yield from ordered_map(submit, chunks, self.max_in_flight)
        except KilledWorker as exc:
            raise RasdError(
                f"dask gave up on a chunk after its workers died ({exc}); the output written so far "
                "is valid: run the same command again to resume"
            ) from exc
