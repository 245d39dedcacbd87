"""The open dev documents (../shared/eval/dev/events), stored twice: the same counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli.main import cli
from rasd.records import Document, Event
from rasd.store import EventFilter, Store


def dev_items(shared_dir: Path) -> list[tuple[Document, list[Event]]]:
    items = []
    for path in sorted((shared_dir / "eval" / "dev" / "events").glob("*.json")):
        obj = json.loads(path.read_text("utf-8"))
        events = [Event.model_validate(e) for e in obj.pop("events")]
        items.append((Document.model_validate(obj), events))
    return items


@pytest.mark.shared
def test_dev_gold_events_stored_twice_give_the_same_events(shared_dir: Path, db_url: str) -> None:
    items = dev_items(shared_dir)
    with Store(db_url) as s:
        for doc, events in items:
            assert s.add_document(doc, events).created
        first = s.counts(), [e.id for e in s.iter_events(EventFilter())]
        for doc, events in reversed(items):
            assert not s.add_document(doc, events).created
        assert (s.counts(), [e.id for e in s.iter_events(EventFilter())]) == first
        assert first[0]["documents"] == len(items)
        assert first[0]["mentions"] == sum(len(ev) for _, ev in items)
        assert s.check() == []


@pytest.mark.shared
def test_dev_documents_ingested_twice_through_the_cli(shared_dir: Path, db_url: str) -> None:
    paths = sorted(str(p) for p in (shared_dir / "eval" / "dev" / "events").glob("*.json"))
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "--db", db_url, *paths]).exit_code == 0
    with Store(db_url) as s:
        counts = s.counts()
    second = runner.invoke(cli, ["ingest", "--db", db_url, *paths])
    assert second.exit_code == 0 and f"0 stored, {len(paths)} duplicates skipped" in second.stderr
    with Store(db_url) as s:
        assert s.counts() == counts and counts["documents"] == len(paths)
