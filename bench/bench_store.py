"""Store benchmark: storing documents with their events (de-duplication included), skipping
duplicates, queries, full-text search and exports, on SQLite and (when reachable) PostgreSQL.

The load is the open dev documents with their gold events (no extraction: this measures the
store alone), each copied into several "outlets" with small date shifts, so that the
de-duplication has real merging to do. Prints the median of --runs runs, each on a new database.

    python bench/bench_store.py --shared ../shared [--docs 300] [--runs 3] [--pg URL|none]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text

from rasd.export import export_events
from rasd.records import Document, Event
from rasd.store import EventFilter, Store

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def load_dev(shared: Path) -> list[tuple[Document, list[Event]]]:
    items = []
    for path in sorted((shared / "eval" / "dev" / "events").glob("*.json")):
        obj = json.loads(path.read_text("utf-8"))
        events = [Event.model_validate(e) for e in obj.pop("events")]
        items.append((Document.model_validate(obj), events))
    return items


def synthetic(dev: list[tuple[Document, list[Event]]], n: int) -> list[tuple[Document, list[Event]]]:
    """``n`` documents: copy k of dev document j is outlet k's report, its dates shifted by
    k mod 3 days (0 and 1 merge at precision 1, 2 does not)."""
    out = []
    for i in range(n):
        doc, events = dev[i % len(dev)]
        k = i // len(dev)
        shift = dt.timedelta(days=(k % 3) * 1 + 365 * (k // 6))  # a new "year" every 6 copies
        moved = []
        for e in events:
            if e.date.value:
                d = dt.date.fromisoformat(e.date.value) + shift
                e = e.model_copy(update={"date": e.date.model_copy(update={"value": d.isoformat()})})
            moved.append(e)
        copy = doc.model_copy(
            update={"id": f"{doc.id}-{k}", "outlet": f"Outlet {k}", "text": f"{doc.text}\n[{k}]"}
        )
        out.append((copy, moved))
    return out


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def one_run(url: str, docs: list[tuple[Document, list[Event]]]) -> dict[str, float]:
    r: dict[str, float] = {}
    t = time.perf_counter()
    store = Store(url)
    r["open+migrate s"] = time.perf_counter() - t
    n_mentions = sum(len(e) for _, e in docs)

    def add_all() -> None:
        for d, e in docs:
            store.add_document(d, e)

    secs = timed(add_all)
    r["store docs/s"] = len(docs) / secs
    r["store mentions/s"] = n_mentions / secs
    r["re-store (duplicates) docs/s"] = len(docs) / timed(add_all)
    counts = store.counts()
    r["documents"] = counts["documents"]
    r["mentions"] = counts["mentions"]
    r["canonical events"] = counts["canonical_events"]
    q_times = [timed(lambda: store.query_events(EventFilter(country="SY"), limit=100)) for _ in range(10)]
    r["query country=SY ms"] = 1000 * statistics.median(q_times)
    ft_times = [timed(lambda: store.query_events(EventFilter(q="الحسكة"), limit=100)) for _ in range(10)]
    r["query full-text ms"] = 1000 * statistics.median(ft_times)
    first = store.query_events(EventFilter(), limit=1).items[0].id
    r["get_event ms"] = 1000 * statistics.median(timed(lambda: store.get_event(first)) for _ in range(10))
    r["stats ms"] = 1000 * statistics.median(timed(lambda: store.stats(EventFilter())) for _ in range(5))
    for fmt in ("acled-csv", "geojson", "parquet"):
        r[f"export {fmt} events/s"] = counts["canonical_events"] / timed(
            lambda fmt=fmt: export_events(store, None, fmt, io.BytesIO())
        )
    problems = store.check()
    assert not problems, problems
    store.close()
    return r


def pg_database(admin_url: str) -> tuple[str, Callable[[], None]] | None:
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        name = f"rasd_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - the bench reports and goes on without PostgreSQL
        print(f"PostgreSQL not reachable ({type(exc).__name__}); skipping it")
        return None

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return admin_url.rsplit("/", 1)[0] + "/" + name, drop


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pg", default=DEFAULT_PG, help="admin URL of a PostgreSQL server, or 'none'")
    args = ap.parse_args()
    docs = synthetic(load_dev(args.shared), args.docs)
    print(f"{len(docs)} documents, {sum(len(e) for _, e in docs)} event mentions; median of {args.runs} runs")
    backends: list[str] = ["sqlite"] + (["postgresql"] if args.pg != "none" else [])
    for backend in backends:
        runs = []
        for _ in range(args.runs):
            if backend == "sqlite":
                with tempfile.TemporaryDirectory() as tmp:
                    runs.append(one_run(f"sqlite:///{tmp}/bench.db", docs))
            else:
                made = pg_database(args.pg)
                if made is None:
                    break
                url, drop = made
                try:
                    runs.append(one_run(url, docs))
                finally:
                    drop()
        if not runs:
            continue
        print(f"\n== {backend}")
        for key in runs[0]:
            print(f"  {key:32s} {statistics.median(r[key] for r in runs):10.1f}")


if __name__ == "__main__":
    main()
