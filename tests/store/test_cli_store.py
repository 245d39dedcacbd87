"""``rasd ingest``, ``rasd events`` and ``rasd export`` end to end, on both backends.

The events the extractor finds change as it improves, so these tests assert only what does not
depend on it: documents stored, duplicates skipped, failures reported, consistency, exit codes.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from rasd.cli.main import cli
from rasd.store import Store, normalize_url

from .conftest import load_corpus


def write_docs(path: Path, n: int | None = None) -> int:
    """The corpus documents as JSON lines; with ``n``, that many distinct variants of them."""
    docs = [doc.model_dump(mode="json", exclude_none=True) for doc, _, _ in load_corpus()]
    if n is not None:
        docs = [
            {**docs[i % len(docs)], "id": f"doc-{i}", "text": f"{docs[i % len(docs)]['text']} ({i})"}
            for i in range(n)
        ]
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    return len(docs)


def test_cli_ingest_is_idempotent_and_reports_failures(db_url: str, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    n = write_docs(docs)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "empty", "text": "  "}\nnot json\n', "utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", "--db", db_url, str(docs), str(bad)])
    assert first.exit_code == 1, first.output
    assert f"{n + 2} read, {n} stored, 0 duplicates skipped, 2 failed" in first.stderr
    assert "bad.jsonl:1" in first.stderr and "bad.jsonl:2" in first.stderr
    with Store(db_url) as s:
        counts = s.counts()
        assert counts["documents"] == n and s.check() == []
    second = runner.invoke(cli, ["ingest", "--progress", "--db", db_url, str(docs)])  # bar code path too
    assert second.exit_code == 0, second.output
    assert f"{n} read, 0 stored, {n} duplicates skipped, 0 failed" in second.stderr
    with Store(db_url) as s:
        assert s.counts() == counts

    listed = runner.invoke(cli, ["events", "--db", db_url, "--limit", "5"])
    assert listed.exit_code == 0 and "events" in listed.stdout
    out = tmp_path / "events.csv"
    exported = runner.invoke(cli, ["export", "--db", db_url, "--format", "acled-csv", "--output", str(out)])
    assert exported.exit_code == 0, exported.output
    df = pd.read_csv(out)
    assert list(df.columns)[:3] == ["event_id_cnty", "event_date", "year"]
    assert len(df) == counts["canonical_events"]
    geo = runner.invoke(cli, ["export", "--db", db_url, "--format", "geojson", "--country", "SY"])
    assert geo.exit_code == 0 and json.loads(geo.stdout)["type"] == "FeatureCollection"
    bad_bbox = runner.invoke(cli, ["export", "--db", db_url, "--format", "jsonl", "--bbox", "1,2,3"])
    assert bad_bbox.exit_code == 2


def test_cli_events_and_export_show_stored_events(db_url: str, tmp_path: Path) -> None:
    with Store(db_url) as s:
        for doc, events, _ in load_corpus():
            s.add_document(doc, events)
    runner = CliRunner()
    listed = runner.invoke(cli, ["events", "--db", db_url, "--country", "Yemen"])
    assert listed.exit_code == 0, listed.output
    assert "4 of 4 events" in listed.stdout and "Houthis" in listed.stdout
    out = tmp_path / "e.parquet"
    r = runner.invoke(
        cli,
        [
            "export",
            "--db",
            db_url,
            "--format",
            "parquet",
            "-o",
            str(out),
            "--from",
            "2022-01-01",
            "--actor",
            "Tahrir",
        ],
    )
    assert r.exit_code == 0, r.output
    assert len(pd.read_parquet(out)) == 2
    r = runner.invoke(cli, ["export", "--db", db_url, "--format", "jsonl", "--event-type", "Protests"])
    assert [json.loads(line)["event_type"] for line in io.StringIO(r.stdout)] == ["Protests", "Protests"]


def _documents(db_url: str) -> int:
    # A bare query: opening a Store would run the migration check on every poll.
    engine = create_engine(normalize_url(db_url))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    finally:
        engine.dispose()


def test_cli_ingest_survives_kill_9(db_url: str, tmp_path: Path) -> None:
    docs = tmp_path / "many.jsonl"
    n = write_docs(docs, 12)
    # RASD_TEST_INGEST_DELAY sleeps inside each document's transaction, so the kill lands there.
    env = {**os.environ, "RASD_TEST_INGEST_DELAY": "0.25"}
    cmd = [sys.executable, "-m", "rasd.cli", "ingest", "--no-progress", "--db", db_url, str(docs)]
    Store(db_url).close()  # create the schema, so polling can count documents from the start
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while _documents(db_url) < 2:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.05)
        time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store(db_url) as s:
        stored = s.counts()["documents"]
        assert 2 <= stored < n
        assert s.check() == []  # every stored document has all its mentions and events
    env.pop("RASD_TEST_INGEST_DELAY")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{n - stored} stored, {stored} duplicates skipped, 0 failed" in done.stderr
    with Store(db_url) as s:
        assert s.counts()["documents"] == n and s.check() == []
