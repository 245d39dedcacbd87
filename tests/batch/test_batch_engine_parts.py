"""The engine's parts: ordered window over futures, and one pipeline per thread."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from rasd.batch.engines import ordered_map
from rasd.batch.worker import PipelineHolder
from rasd.pipeline import Pipeline


def test_ordered_map_keeps_input_order_when_later_chunks_finish_first():
    def work(chunk):
        time.sleep(0.02 * (5 - chunk[0]))  # the first chunks are the slowest
        return [chunk[0] * 10]

    with ThreadPoolExecutor(4) as pool:
        out = list(ordered_map(lambda c: pool.submit(work, c), ([i] for i in range(6)), max_in_flight=4))
    assert out == [[0], [10], [20], [30], [40], [50]]


def test_ordered_map_never_has_more_than_the_window_in_flight():
    state = {"submitted": 0, "yielded": 0, "most": 0}

    def work(chunk):
        time.sleep(0.005)
        return chunk

    with ThreadPoolExecutor(8) as pool:

        def submit(chunk):
            state["submitted"] += 1
            state["most"] = max(state["most"], state["submitted"] - state["yielded"])
            return pool.submit(work, chunk)

        results = []
        for rows in ordered_map(submit, ([i] for i in range(20)), max_in_flight=3):
            state["yielded"] += 1
            results.append(rows)
    assert results == [[i] for i in range(20)]
    assert 1 <= state["most"] <= 3  # never more than the window in flight


def test_pipeline_holder_loads_once_per_thread(pipeline):
    made = []

    def factory() -> Pipeline:
        made.append(1)
        return Pipeline(pipeline.tagger, pipeline.gazetteer, pipeline.kb)

    holder = PipelineHolder(factory).warm()
    assert len(made) == 1
    first = holder.get()
    assert holder.get() is first and len(made) == 1  # the warmed one is handed out, not a new one
    other: list[Pipeline] = []
    t = threading.Thread(target=lambda: other.append(holder.get()))
    t.start()
    t.join()
    assert other[0] is not first and len(made) == 2
