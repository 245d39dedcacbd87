"""Places stage speed: index load time, memory, mentions/s on the SaudiNewsNet conflict subset.

    python bench/bench_places.py --shared ../shared [--docs 400] [--runs 3]

Load time and memory are measured in fresh processes (what a worker pays once); matching is
timed on already-analysed documents (the text stage is not counted). Medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_LOAD = """
import resource, time
import rasd.places.gazetteer as g
from rasd.text import analyze
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t, c = time.perf_counter(), time.process_time()
gz = g.load_gazetteer()
dt, dc = time.perf_counter() - t, time.process_time() - c
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(dt, dc, (after - before) / 1024, after / 1024)
"""


def load_once() -> tuple[float, float, float, float]:
    out = subprocess.run([sys.executable, "-c", _LOAD], check=True, capture_output=True, text=True)
    wall, cpu, delta_mb, total_mb = map(float, out.stdout.split())
    return wall, cpu, delta_mb, total_mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--docs", type=int, default=400, help="documents of the conflict subset to match")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    loads = [load_once() for _ in range(args.runs)]
    print(
        f"index load: {statistics.median(x[0] for x in loads):.3f} s wall, "
        f"{statistics.median(x[1] for x in loads):.3f} s CPU (median of {args.runs} fresh processes)"
    )
    print(
        f"index memory: {statistics.median(x[2] for x in loads):.0f} MB added by the load "
        f"(process peak {statistics.median(x[3] for x in loads):.0f} MB)"
    )

    from rasd.places import find_places, load_gazetteer
    from rasd.text import analyze

    path = args.shared / "data" / "saudinewsnet" / "conflict_subset.jsonl"
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line).get("content") or "" for line in f][: args.docs]
    analysed = [analyze(t) for t in texts if t.strip()]
    gz = load_gazetteer()
    chars = sum(len(a.text) for a in analysed)
    walls, cpus, count = [], [], 0
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        count = sum(len(find_places(a, gz)) for a in analysed)
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(f"matching: {len(analysed)} documents, {chars / 1e6:.2f} M characters, {count} mentions")
    print(
        f"  {count / wall:,.0f} mentions/s, {len(analysed) / wall:.1f} documents/s (wall, median of {args.runs})"
    )
    print(f"  {count / cpu:,.0f} mentions/s, {len(analysed) / cpu:.1f} documents/s (CPU time)")


if __name__ == "__main__":
    main()
