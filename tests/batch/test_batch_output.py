"""Local engine: output equals ``rasd extract``'s, whatever the workers or chunk size; failures recorded."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.batch import LocalEngine, Row, jsonl_line, run_batch
from rasd.batch.worker import process_item
from rasd.cli.main import cli
from rasd.ingest import read_inputs
from rasd.pipeline import Pipeline
from rasd.records import Actor, Count, Document, Event, EventDate, Location, Result, Source, Span

from .conftest import DOCS


def extract_output(corpus: Path) -> bytes:
    res = CliRunner().invoke(cli, ["extract", "--format", "jsonl", str(corpus)])
    assert res.exit_code == 1  # the corpus has failing documents
    return res.stdout_bytes


def batch(args: list[str]):
    return CliRunner().invoke(cli, ["batch", "--no-progress", *args])


def test_local_batch_output_is_byte_identical_to_extract(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    res = batch([str(corpus), "-o", str(out), "--workers", "2", "--chunk-size", "3"])
    assert res.exit_code == 1, res.output
    assert out.read_bytes() == extract_output(corpus)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids[:4] == ["ar-1", "ar-2", "ar-3", "ar-4"] and len(ids) == len(DOCS) + 1


@pytest.mark.parametrize(("workers", "chunk_size"), [(0, 1), (1, 5), (2, 2)])
def test_output_does_not_depend_on_workers_or_chunk_size(corpus, tmp_path, workers, chunk_size, pipeline):
    out = tmp_path / "out.jsonl"
    engine = LocalEngine(workers=workers, pipeline=pipeline)
    summary = run_batch(read_inputs([str(corpus)]), out, engine, chunk_size=chunk_size)
    assert out.read_bytes() == extract_output(corpus)
    assert summary.processed == len(DOCS) + 1 and summary.failed == 2 and summary.skipped == 0


def test_failing_documents_are_reported_and_the_run_goes_on(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    res = batch([str(corpus), "-o", str(out), "--workers", "0"])
    assert res.exit_code == 1
    assert "corpus.jsonl:5: bad JSON line" in res.stderr
    assert "corpus.jsonl:8: empty or missing" in res.stderr  # names where, and why
    assert "2 failed" in res.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    errors = {x["id"]: x["error"] for x in lines if "error" in x}
    assert set(errors) == {f"{corpus}:5", "empty"}
    assert lines[-1]["id"] == "en-3" and "error" not in lines[-1]


class _BrokenStage(Pipeline):
    def extract(self, doc: Document) -> list[Event]:
        if "boom" in doc.text:
            raise RuntimeError("stage bug")
        return super().extract(doc)


def test_an_unexpected_stage_error_costs_one_document_only(pipeline):
    pipeline = _BrokenStage(pipeline.tagger, pipeline.gazetteer, pipeline.kb)
    bad = process_item(Document(id="x", text="boom في بغداد"), pipeline)
    good = process_item(Document(id="y", text="اشتباكات في بغداد"), pipeline)
    assert bad.error == "x: internal error: RuntimeError: stage bug" and bad.events_json == "[]"
    assert good.error is None


def test_published_option_fills_missing_dates_only(pipeline):
    doc = Document(id="d", text="قصفت طائرات حربية مدينة صعدة أمس")
    dated = Document(id="e", text="قصفت طائرات حربية مدينة صعدة أمس", published="2015-01-01")
    day = dt.date(2015, 7, 21)
    assert process_item(doc, pipeline, day) == process_item(
        doc.model_copy(update={"published": day}), pipeline
    )
    assert process_item(dated, pipeline, day) == process_item(dated, pipeline)


def test_jsonl_line_matches_json_dumps_of_the_result():
    text = "قالت مصادر إن طائرات التحالف قصفت صعدة أمس فقتلت نحو 10 مدنيين"
    event = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=EventDate(value="2015-07-20", precision=1, text="أمس"),
        actor1=Actor(name="Saudi-led Coalition", text="التحالف", type="External/Other forces"),
        location=Location(name="Sa'dah", text="صعدة", geonames_id=71333, lat=16.94, lon=43.76, country="YE"),
        fatalities=Count(value=10, qualifier="approx", text="نحو 10 مدنيين"),
        sources=[Source(name="local sources", text="مصادر", kind="anonymous")],
        evidence=[Span.of(text, 0, len(text))],
        confidence=0.8,
        explain="trigger قصفت",  # an extra key is kept, in its place
    )
    for result in (Result(id="a", events=[event, event]), Result(id=None, error='bad "quote" \\ سطر')):
        expected = json.dumps(result.to_json(), ensure_ascii=False)
        events = [e.to_json() for e in result.events]
        row = Row(result.id, json.dumps(events, ensure_ascii=False), result.error, len(events))
        assert jsonl_line(row) == expected


def test_output_must_be_jsonl_or_parquet(corpus, tmp_path):
    res = batch([str(corpus), "-o", str(tmp_path / "out.csv"), "--workers", "0"])
    assert res.exit_code != 0 and ".jsonl or .parquet" in res.output


def test_progress_bar_counts_the_documents_of_jsonl_inputs(corpus, tmp_path):
    from rasd.cli.batch import _count_lines

    assert _count_lines((str(corpus), str(corpus))) == 2 * (len(DOCS) + 1)
    assert _count_lines((str(corpus), "-")) is None  # stdin: unknown total
    res = batch([str(corpus), "-o", str(tmp_path / "o.jsonl"), "--workers", "0", "--progress"])
    assert res.exit_code == 1
    assert f"{len(DOCS) + 1}/{len(DOCS) + 1}" in res.stderr  # the finished bar


def test_dask_engine_without_dask_installed_says_how_to_install(corpus, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # makes "import distributed" fail
    monkeypatch.delitem(sys.modules, "rasd.batch.dask_plugin", raising=False)
    res = batch([str(corpus), "-o", str(tmp_path / "o.jsonl"), "--engine", "dask"])
    assert res.exit_code == 1
    assert "pip install 'rasd[dask]'" in res.output
    assert not (tmp_path / "o.jsonl").exists()


def test_a_second_run_reports_what_was_already_done(corpus, tmp_path):
    out = tmp_path / "o.jsonl"
    batch([str(corpus), "-o", str(out), "--workers", "0"])
    first = out.read_bytes()
    res = batch([str(corpus), "-o", str(out), "--workers", "0"])
    assert res.exit_code == 0  # nothing new failed
    assert f"0 processed, {len(DOCS) + 1} already done" in res.stderr
    assert out.read_bytes() == first
