"""``make bench``: run every ``bench/bench_*.py``, each in its own process, then print a summary.

    python bench/run_all.py --shared ../shared [--only NAME ...] [--timeout S]
                            [--pipeline-n N] [--batch-n N] [--runs R]

The stage benches (text, NER, places, actors, store, … whatever ``bench_*.py`` exists) run first,
then the end-to-end ones this file owns the summary of: ``bench_pipeline.py`` (the speed budget of
``rasd extract`` on one core) and ``bench_batch.py`` (1-vs-2 worker speed-up of ``rasd batch``).
A bench that fails or times out is reported and the others still run; the exit status is 1 if any
failed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAST = ("bench_pipeline.py", "bench_batch.py")  # end to end, after the stage benches
TARGETS = {"articles_per_s": 200.0, "cold_start_s": 1.5, "peak_rss_mb": 400.0}


def discover(only: list[str] | None) -> list[Path]:
    found = sorted(
        HERE.glob("bench_*.py"),
        key=lambda p: (p.name in LAST, LAST.index(p.name) if p.name in LAST else 0, p.name),
    )
    if only:
        found = [p for p in found if any(o in p.stem for o in only)]
    return found


def run(
    script: Path, shared: Path, timeout: float, figures: Path | None, extra: list[str]
) -> tuple[int | str, float]:
    cmd = [sys.executable, str(script), "--shared", str(shared), *extra]
    if figures is not None:
        cmd += ["--json", str(figures)]
    print(f"\n=== {script.name} " + "=" * max(0, 70 - len(script.name)), flush=True)
    start = time.perf_counter()
    try:
        rc: int | str = subprocess.run(cmd, timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        rc = "timeout"
    return rc, time.perf_counter() - start


def summary(results: dict[str, tuple[int | str, float]], figures: dict[str, dict]) -> list[str]:
    lines = ["", "=== summary " + "=" * 64, f"  {'bench':<22} {'status':>8} {'seconds':>9}"]
    for name, (rc, secs) in results.items():
        status = "ok" if rc == 0 else f"FAIL {rc}" if rc != "timeout" else "TIMEOUT"
        lines.append(f"  {name:<22} {status:>8} {secs:9.1f}")
    p = figures.get("bench_pipeline.py")
    if p:
        t = TARGETS
        aps, cold, rss = p["articles_per_s"], p["cold_start_s"], p["peak_rss_mb"]
        lines += [
            "",
            "  speed budget of rasd extract, one core (median of runs; CPU-time based rate, wall in brackets)",
            f"    articles/s  {aps:9.1f} [{p['articles_per_s_wall']:.1f}]  target ≥ {t['articles_per_s']:.0f}   "
            f"{aps / t['articles_per_s']:.2f}× target  {'ok' if aps >= t['articles_per_s'] else 'OVER BUDGET'}",
            f"    cold start  {cold:9.3f} s      target ≤ {t['cold_start_s']} s  "
            f"{cold / t['cold_start_s']:.2f}× budget  {'ok' if cold <= t['cold_start_s'] else 'OVER BUDGET'}",
            f"    peak RSS    {rss:9.1f} MB     target ≤ {t['peak_rss_mb']:.0f} MB  "
            f"{rss / t['peak_rss_mb']:.2f}× budget  {'ok' if rss <= t['peak_rss_mb'] else 'OVER BUDGET'}",
            "    tokens/s per stage: "
            + ", ".join(
                f"{s} {v:,.0f}" if v is not None else f"{s} -" for s, v in p["stage_tokens_per_s"].items()
            ),
        ]
        stages = p["stage_cpu_seconds"]
        top = max(stages, key=stages.get)
        total = sum(stages.values()) + p["other_cpu_seconds"]
        if total > 0:
            lines.append(f"    dominant stage: {top} ({stages[top] / total:.0%} of the time)")
    b = figures.get("bench_batch.py")
    if b:
        lines += [
            "",
            f"  rasd batch on {b['articles']} articles (wall, median of runs)",
            *(
                f"    {name:<8} {r['wall_s']:7.2f} s  {r['articles_per_s']:7.1f} articles/s"
                for name, r in b["runs"].items()
            ),
            f"    speed-up 1 → 2 workers: local {b['speedup']['local']:.2f}×, dask {b['speedup']['dask']:.2f}×;"
            f" outputs identical: {'yes' if b['identical_outputs'] else 'NO'}",
        ]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--only", nargs="*", help="run only the benches whose name contains one of these")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per bench script")
    ap.add_argument("--pipeline-n", type=int, help="articles for bench_pipeline (default: the whole subset)")
    ap.add_argument("--batch-n", type=int, help="articles for bench_batch (default: 2000)")
    ap.add_argument("--runs", type=int, help="runs per figure for bench_pipeline/bench_batch (default 3)")
    args = ap.parse_args(argv)

    results: dict[str, tuple[int | str, float]] = {}
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for script in discover(args.only):
            out = Path(tmp) / f"{script.stem}.json" if script.name in LAST else None
            extra: list[str] = []
            n = {"bench_pipeline.py": args.pipeline_n, "bench_batch.py": args.batch_n}.get(script.name)
            if n is not None:
                extra += ["--n", str(n)]
            if args.runs is not None and script.name in LAST:
                extra += ["--runs", str(args.runs)]
            results[script.name] = run(script, args.shared, args.timeout, out, extra)
            if out is not None and out.exists():
                figures[script.name] = json.loads(out.read_text(encoding="utf-8"))
    print("\n".join(summary(results, figures)))
    return 0 if all(rc == 0 for rc, _ in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
