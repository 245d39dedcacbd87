"""Dask engine: the same bytes as the local engine and ``rasd extract``; one cluster per module."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.batch import DaskEngine, LocalEngine, run_batch
from rasd.cli.main import cli
from rasd.ingest import read_inputs

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    # Threads in this process keep start-up to a second or so; the engine's code path is the same
    # as on a real cluster (plugin registration, per-worker pipeline, keyed tasks).
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None, silence_logs=logging.ERROR
    ) as c:
        yield c


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def local_bytes(pipeline, tmp_path):
    """The in-process engine's output for a corpus, to compare with."""

    def _local(corpus: Path) -> bytes:
        out = tmp_path / "local.jsonl"
        run_batch(read_inputs([str(corpus)]), out, LocalEngine(workers=0, pipeline=pipeline), chunk_size=4)
        return out.read_bytes()

    return _local


def test_dask_and_local_engines_write_the_same_bytes(client, corpus, tmp_path, local_bytes):
    out = tmp_path / "dask.jsonl"
    summary = run_batch(read_inputs([str(corpus)]), out, DaskEngine(client=client), chunk_size=2)
    assert summary.failed == 2
    assert out.read_bytes() == local_bytes(corpus)


def _task_pipeline_id() -> int:
    return id(distributed.get_worker().plugins["rasd-pipeline"].holder.get())


def test_each_dask_worker_loads_its_own_pipeline_once(client, corpus, tmp_path):
    def pipelines() -> dict[str, int]:
        # Asked from a task, i.e. from the thread the worker runs chunks in.
        return {
            addr: client.submit(
                _task_pipeline_id, workers=[addr], allow_other_workers=False, pure=False
            ).result()
            for addr in client.scheduler_info()["workers"]
        }

    run_batch(read_inputs([str(corpus)]), tmp_path / "o.jsonl", DaskEngine(client=client), chunk_size=1)
    held = pipelines()
    assert len(held) == 2 and len(set(held.values())) == 2
    run_batch(read_inputs([str(corpus)]), tmp_path / "p.jsonl", DaskEngine(client=client), chunk_size=1)
    assert pipelines() == held  # a second run on the same cluster reuses them


def test_cli_dask_engine_with_a_scheduler_address(cluster, corpus, tmp_path, local_bytes):
    out = tmp_path / "cli.jsonl"
    res = CliRunner().invoke(
        cli,
        [
            "batch",
            "--no-progress",
            str(corpus),
            "-o",
            str(out),
            "--scheduler",
            cluster.scheduler_address,
            "--chunk-size",
            "3",
        ],
    )
    assert res.exit_code == 1, res.output  # two failing documents
    assert "2 failed" in res.stderr
    assert out.read_bytes() == local_bytes(corpus)


def test_dask_parquet_equals_local_parquet(client, corpus, tmp_path, pipeline):
    import pyarrow.parquet as pq

    run_batch(read_inputs([str(corpus)]), tmp_path / "d.parquet", DaskEngine(client=client), rows_per_part=5)
    run_batch(
        read_inputs([str(corpus)]),
        tmp_path / "l.parquet",
        LocalEngine(workers=0, pipeline=pipeline),
        rows_per_part=5,
    )
    d = sorted((tmp_path / "d.parquet").iterdir())
    ll = sorted((tmp_path / "l.parquet").iterdir())
    assert [p.name for p in d] == [p.name for p in ll] == [f"part-00000{i}.parquet" for i in range(3)]
    for a, b in zip(d, ll, strict=True):
        assert pq.read_table(a).equals(pq.read_table(b))
