"""1-vs-2 worker speed-up of ``rasd batch`` (local and dask engines) on 2,000 articles.

    python bench/bench_batch.py --shared ../shared [--n 2000] [--runs 3] [--json OUT]

Each configuration runs the real command in a fresh subprocess (start-up, worker start and
pipeline loading included, as a user sees it): ``rasd batch IN.jsonl -o OUT.jsonl --engine E
--workers W``. Prints the median wall time of ``--runs`` runs, articles/s, and the speed-up
(time with 1 worker / time with 2). It also checks that every run wrote the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import load_articles, run_child, write_jsonl  # noqa: E402

CONFIGS = [("local", 1), ("local", 2), ("dask", 1), ("dask", 2)]


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--chunk-size", type=int, default=32)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args(argv)

    docs = load_articles(args.shared, args.n)
    print(
        f"bench_batch: {len(docs)} articles, chunks of {args.chunk_size}, {args.runs} runs per configuration"
    )
    results: dict[str, dict] = {}
    digests: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(docs, Path(tmp) / "in.jsonl")
        for engine, workers in CONFIGS:
            walls = []
            for k in range(args.runs):
                out = Path(tmp) / f"out-{engine}-{workers}-{k}.jsonl"
                cmd = [
                    sys.executable,
                    "-m",
                    "rasd.cli",
                    "batch",
                    str(corpus),
                    "-o",
                    str(out),
                    "--engine",
                    engine,
                    "--workers",
                    str(workers),
                    "--chunk-size",
                    str(args.chunk_size),
                    "--no-progress",
                ]
                r = run_child(cmd, None)
                if r["rc"] not in (0, 1):  # 1 = some documents failed, still a complete run
                    raise SystemExit(f"bench_batch: {' '.join(cmd)} exited with {r['rc']}")
                walls.append(r["wall"])
                digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
                out.unlink()
            wall = statistics.median(walls)
            results[f"{engine}-{workers}"] = {"wall_s": wall, "articles_per_s": len(docs) / wall}
            print(
                f"  {engine:<5} {workers} worker(s): {wall:7.2f} s wall  {len(docs) / wall:7.1f} articles/s  "
                f"(runs: {', '.join(f'{w:.2f}' for w in walls)} s)"
            )
    speedups = {e: results[f"{e}-1"]["wall_s"] / results[f"{e}-2"]["wall_s"] for e in ("local", "dask")}
    for e, s in speedups.items():
        print(f"  speed-up 1 → 2 workers, {e}: {s:.2f}×")
    print(
        f"  dask / local time with 2 workers: {results['dask-2']['wall_s'] / results['local-2']['wall_s']:.2f}×"
    )
    same = len(digests) == 1
    print(f"  all {len(CONFIGS) * args.runs} outputs byte-identical: {'yes' if same else 'NO'}")
    figures = {"articles": len(docs), "runs": results, "speedup": speedups, "identical_outputs": same}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if not same:
        raise SystemExit(1)
    return figures


if __name__ == "__main__":
    main()
