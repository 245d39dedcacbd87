"""Bench the REST API: latency of the read endpoints over a store of synthetic canonical events.

    python bench/bench_api.py --shared ../shared [--events 1000] [--runs 5]

Builds a temporary SQLite store of ``--events`` hand-shaped events (no extractor involved: what is
measured is the API and the store's queries), serves it with ``rasd serve`` on 127.0.0.1 (its own process), and
prints the median and max wall time of ``--runs`` requests per endpoint. ``--shared`` is accepted
for the common bench interface and not used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from rasd.records import Actor, Count, Document, Event, EventDate, Location, Span
from rasd.store import Store

PLACES = [
    ("Kafr Nabl", "كفرنبل", 35.61365, 36.56124, "Idlib", "SY"),
    ("Aleppo", "حلب", 36.20124, 37.16117, "Aleppo", "SY"),
    ("Sa'dah", "صعدة", 16.94021, 43.76393, "Sa'dah", "YE"),
    ("Baghdad", "بغداد", 33.34058, 44.40088, "Baghdad", "IQ"),
    ("Tripoli", "طرابلس", 32.88743, 13.18733, "Tripoli", "LY"),
    ("Gaza", "غزة", 31.50161, 34.46672, "Gaza Strip", "PS"),
]
KINDS = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "قصف مدفعي استهدف"),
    ("Explosions/Remote violence", "Air/drone strike", "غارة جوية استهدفت"),
    ("Battles", "Armed clash", "اشتباكات عنيفة في"),
    ("Protests", "Peaceful protest", "تظاهر مئات المحتجين في"),
]


def synthetic(i: int) -> tuple[Document, list[Event]]:
    name, ar, lat, lon, admin1, cc = PLACES[i % len(PLACES)]
    etype, sub, phrase = KINDS[(i // len(PLACES)) % len(KINDS)]
    day = dt.date(2026, 1, 1) + dt.timedelta(days=i % 300)
    text = f"قتل {i % 9 + 1} أشخاص في {phrase} {ar} يوم {day.isoformat()} بحسب مصادر محلية رقم {i}."
    at = text.index(ar)
    event = Event(
        event_type=etype,
        sub_event_type=sub,
        date=EventDate(value=day.isoformat()),
        actor1=Actor(name=f"Armed group {i % 40}", type="Rebel group"),
        location=Location(name=name, text=ar, lat=lat, lon=lon, admin1=admin1, country=cc),
        fatalities=Count(value=i % 9 + 1),
        evidence=[Span.of(text, 0, len(text))],
        confidence=0.5 + (i % 5) / 10,
    )
    assert text[at : at + len(ar)] == ar
    return Document(id=f"b{i}", text=text, published=day, outlet=f"Outlet {i % 7}"), [event]


def timed(client: httpx.Client, url: str, runs: int) -> tuple[float, float, int]:
    times = []
    size = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get(url)
        times.append(time.perf_counter() - t0)
        r.raise_for_status()
        size = len(r.content)
    return statistics.median(times), max(times), size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared", help="unused (common bench interface)")
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store(f"sqlite:///{db}")
        t0 = time.perf_counter()
        for i in range(args.events):
            store.add_document(*synthetic(i))
        load_s = time.perf_counter() - t0
        n_events = store.query_events(limit=1).total
        # The server runs as its own process (`rasd serve`), as in use: in a thread it would share
        # the GIL with the client and every figure would carry the switching delay.
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "rasd.cli",
                "serve",
                "--db",
                f"sqlite:///{db}",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/health", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("rasd serve did not start") from None
                time.sleep(0.1)
        first = store.query_events(limit=1).items[0].id
        urls = [
            "/health",
            "/events?limit=100",
            "/events?limit=1000",
            "/events?limit=100&country=SY&date_from=2026-03-01&date_to=2026-06-30",
            "/events?limit=100&actor=group%201",
            "/events?limit=100&q=%D8%BA%D8%A7%D8%B1%D8%A9",
            "/events?limit=100&bbox=35,30,45,37",
            "/events.geojson?limit=5000",
            "/stats",
            f"/events/{first}",
            "/documents?limit=50",
            "/actors",
        ]
        print(f"store: {args.events} documents → {n_events} canonical events, loaded in {load_s:.1f} s")
        print(f"{'endpoint':<72} {'median ms':>9} {'max ms':>8} {'bytes':>9}")
        with httpx.Client(base_url=base, timeout=120) as client:
            client.get("/health")
            for url in urls:
                med, worst, size = timed(client, url, args.runs)
                print(f"{url:<72} {med * 1000:9.1f} {worst * 1000:8.1f} {size:9d}")
        server.terminate()
        server.wait(timeout=10)
        store.close()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
