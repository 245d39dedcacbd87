"""The Dask side of the batch engine: a worker plugin that loads the pipeline once per worker.

Imported only by :class:`rasd.batch.engines.DaskEngine`, so ``dask`` stays an optional extra.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from rasd.batch.rows import Item, Row
from rasd.batch.worker import PipelineHolder, process_chunk

PLUGIN_NAME = "rasd-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Runs ``setup`` on every worker of the cluster, including ones that join later."""

    name = PLUGIN_NAME
    # A second run on the same cluster keeps the workers' loaded pipelines instead of reloading.
    idempotent = True

    def setup(self, worker: object) -> None:
        self.holder = PipelineHolder().warm()


def dask_task(chunk: Sequence[Item], published: dt.date | None) -> list[Row]:
    """The dask task: rows for one chunk, with the worker's own pipeline."""
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise RuntimeError(f"worker has no {PLUGIN_NAME!r} plugin; run it through rasd.batch.DaskEngine")
    return process_chunk(chunk, plugin.holder.get(), published)
