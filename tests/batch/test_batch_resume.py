"""Resume: a rerun after an interrupted run gives exactly the clean run's output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from rasd.batch import JsonlSink, LocalEngine, run_batch
from rasd.batch.run import chunked
from rasd.errors import RasdError
from rasd.ingest import read_inputs

from .conftest import DOCS, write_corpus


@pytest.fixture
def run(pipeline):
    """Run the batch on a corpus file; in this process (with the suite's pipeline) unless workers > 0."""

    def _run(corpus: Path, out: Path, workers: int = 0, chunk_size: int = 3, **kw):
        engine = LocalEngine(workers=workers, pipeline=pipeline)
        return run_batch(read_inputs([str(corpus)]), out, engine, chunk_size=chunk_size, **kw)

    return _run


def test_rerun_on_the_full_corpus_after_a_run_on_half(tmp_path, run):
    full = write_corpus(tmp_path / "corpus.jsonl")
    clean = tmp_path / "clean.jsonl"
    run(full, clean)

    # The run stopped half way: the same file (so the same failure ids, which name the path)
    # held only the first documents.
    out = tmp_path / "out.jsonl"
    full_bytes = full.read_bytes()
    write_corpus(full, DOCS[:6])
    run(full, out)
    first = out.read_bytes()
    full.write_bytes(full_bytes)
    summary = run(full, out, workers=2)
    assert out.read_bytes() == clean.read_bytes()
    assert out.read_bytes().startswith(first)
    assert summary.skipped == 7 and summary.processed == len(DOCS) + 1 - 7


def test_a_repeated_id_is_resumed_as_often_as_it_occurs(tmp_path, run):
    # "ar-1" occurs twice in the corpus; after a run that wrote only the first, the second is still due.
    full = write_corpus(tmp_path / "corpus.jsonl", bad_line=False)
    clean = tmp_path / "clean.jsonl"
    run(full, clean)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(clean.read_bytes().splitlines(keepends=True)[:3]))
    run(full, out)
    assert out.read_bytes() == clean.read_bytes()


def test_an_unfinished_last_line_is_cut_and_redone(tmp_path, run):
    full = write_corpus(tmp_path / "corpus.jsonl")
    clean = tmp_path / "clean.jsonl"
    run(full, clean)
    lines = clean.read_bytes().splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(lines[:5]) + lines[5][:17])  # killed while writing line 6
    run(full, out)
    assert out.read_bytes() == clean.read_bytes()


def test_a_foreign_file_is_not_resumed_into(tmp_path, run):
    full = write_corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "out.jsonl"
    out.write_text("id,events\n", encoding="utf-8")
    with pytest.raises(RasdError, match="refusing to resume"):
        run(full, out)
    assert out.read_text(encoding="utf-8") == "id,events\n"


def test_resume_after_the_process_is_killed_mid_run(tmp_path, run):
    full = write_corpus(tmp_path / "corpus.jsonl")
    clean = tmp_path / "clean.jsonl"
    run(full, clean)

    # Stream the first lines through stdin and keep the pipe open, so the run is certainly still
    # going (waiting for input) when it is killed; its output so far must be resumable.
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rasd.cli",
            "batch",
            "-",
            "-o",
            str(out),
            "--workers",
            "0",
            "--chunk-size",
            "2",
            "--no-progress",
        ],
        stdin=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    head = full.read_bytes().splitlines(keepends=True)[:5]
    assert proc.stdin is not None
    proc.stdin.write(b"".join(head))
    proc.stdin.flush()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 4):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdin.close()
    assert proc.returncode == -signal.SIGKILL  # it was killed, not finished
    written = out.read_bytes()
    assert written.count(b"\n") == 4  # two full chunks; the fifth document was still pending

    summary = run(full, out, workers=2)
    assert summary.skipped == 4
    assert out.read_bytes() == clean.read_bytes()


def test_parquet_resume_gives_the_clean_table(tmp_path, run):
    full = write_corpus(tmp_path / "corpus.jsonl")
    clean = tmp_path / "clean.parquet"
    run(full, clean, rows_per_part=4)
    full_bytes = full.read_bytes()
    write_corpus(full, DOCS[:6])
    out = tmp_path / "out.parquet"
    run(full, out, rows_per_part=4)
    full.write_bytes(full_bytes)
    (out / "part-000009.parquet.tmp").write_bytes(b"half-written")  # an interrupted part
    summary = run(full, out, rows_per_part=4)
    assert not list(out.glob("*.tmp"))
    assert summary.skipped == 7

    def table(path: Path) -> pa.Table:
        return pa.concat_tables(pq.read_table(p) for p in sorted(path.glob("part-*.parquet")))

    assert table(out).equals(table(clean))
    assert table(clean).column("id").to_pylist()[:3] == ["ar-1", "ar-2", "ar-3"]
    assert table(clean).num_rows == len(DOCS) + 1


def test_a_killed_worker_stops_the_run_with_a_resumable_output(tmp_path, run):
    full = write_corpus(tmp_path / "corpus.jsonl")
    clean = tmp_path / "clean.jsonl"
    run(full, clean)
    engine = LocalEngine(workers=1)

    def chunks_then_kill():
        chunks = chunked(list(read_inputs([str(full)])), 3)
        yield next(chunks)
        for proc in list(engine._pool._processes.values()):  # the pool's worker process(es)
            os.kill(proc.pid, signal.SIGKILL)
        yield from chunks

    out = tmp_path / "out.jsonl"
    sink = JsonlSink(out)
    with pytest.raises(RasdError, match="worker process died"), engine:
        for rows in engine.map_chunks(chunks_then_kill()):
            sink.write(rows)
    sink.close()
    summary = run(full, out)
    assert out.read_bytes() == clean.read_bytes()
    assert summary.skipped + summary.processed == len(DOCS) + 1
