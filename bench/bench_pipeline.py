"""Speed budget of ``rasd extract`` on one core, on the SaudiNewsNet conflict subset.

    python bench/bench_pipeline.py --shared ../shared [--runs 3] [--n N] [--profile] [--json OUT]

Prints, as medians of ``--runs`` runs:

- articles/s of the first pass in one process (every word type new to the stages' memos);
- articles/s end to end in one process (``Pipeline.process`` + the JSON line), and of the
  ``rasd extract --format jsonl`` command on the whole subset (start-up included);
- tokens/s and share of time of each stage: the stage functions ``rasd.pipeline`` calls are
  wrapped with timers (text ``analyze``, ``find_entities``, ``find_places``,
  ``find_actors``+``find_sources``, ``extract_events``), so the figures follow ``Pipeline.analyze``
  as it is wired today;
- cold start: a fresh ``python -c "import rasd; rasd.Pipeline().warm_up()"``, with the time to
  import and to load each resource;
- peak RSS of ``rasd extract`` over the subset (``ru_maxrss`` of the child, from ``os.wait4``).

Everything runs pinned to one CPU. Targets (issue 11): ≥ 200 articles/s, cold start ≤ 1.5 s,
peak RSS ≤ 400 MB. ``--profile`` adds a pyinstrument profile of one pass (``pip install
pyinstrument``; it is in the ``dev`` extra).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path

SUBSET = Path("data/saudinewsnet/conflict_subset.jsonl")
TARGETS = {"articles_per_s": 200.0, "cold_start_s": 1.5, "peak_rss_mb": 400.0}

# Stage name → the functions rasd.pipeline calls for it.
STAGES: dict[str, tuple[str, ...]] = {
    "text": ("analyze",),
    "ner": ("find_entities",),
    "places": ("find_places",),
    "actors": ("find_actors", "find_sources"),
    "events": ("extract_events",),
}


# --- the corpus (shared with bench_batch.py) ----------------------------------------------------


def load_articles(shared: Path, n: int | None = None) -> list[dict]:
    """Rasd documents from the subset: text = title + blank line + content, as an outlet prints it.

    When ``n`` is more than the subset holds, articles repeat with new ids.
    """
    docs = []
    with (shared / SUBSET).open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            art = json.loads(line)
            docs.append(
                {
                    "id": f"snn-{i:05d}",
                    "text": "\n\n".join(x for x in (art.get("title"), art.get("content")) if x),
                    "published": (art.get("date_extracted") or "")[:10] or None,
                    "outlet": art.get("source"),
                    "url": art.get("url"),
                }
            )
    if n is None:
        return docs
    return [
        d if k < len(docs) else {**d, "id": f"{d['id']}-r{k // len(docs)}"}
        for k, d in enumerate(islice(cycle(docs), n))
    ]


def write_jsonl(docs: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def one_core() -> set[int]:
    """The first CPU this process may use: the bench and its children run on it alone."""
    return {min(os.sched_getaffinity(0))}


def pin(cpus: set[int]) -> Callable[[], None]:
    return lambda: os.sched_setaffinity(0, cpus)


def run_child(cmd: list[str], cpus: set[int] | None, stdin: Path | None = None) -> dict:
    """Run ``cmd``: wall and CPU seconds, peak RSS (MB), exit status and standard output."""
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as fin:
        proc = subprocess.Popen(
            cmd,
            stdin=fin,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            preexec_fn=pin(cpus) if cpus else None,
        )
        out = proc.stdout.read() if proc.stdout else b""
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,  # KiB on Linux
        "rc": proc.returncode,
        "stdout": out,
    }


# --- measurements --------------------------------------------------------------------------------


def timed_pass(docs: list, pipeline: object) -> dict:
    """One end-to-end pass (``Pipeline.process`` + the JSON line) with each stage function timed.

    Returns wall and CPU seconds of the pass, CPU seconds per stage and the text stage's tokens.
    The timers cost a few microseconds per document, nothing next to the stages themselves.
    """
    import rasd.pipeline as rp

    spent = dict.fromkeys(STAGES, 0.0)
    tokens = 0
    originals: dict[str, Callable] = {}

    def timed(stage: str, fn: Callable) -> Callable:
        def wrapper(*a, **kw):
            nonlocal tokens
            t = time.process_time()
            try:
                out = fn(*a, **kw)
            finally:
                spent[stage] += time.process_time() - t
            if stage == "text":
                tokens += len(getattr(out, "tokens", ()))
            return out

        return wrapper

    for stage, names in STAGES.items():
        for name in names:
            if hasattr(rp, name):
                originals[name] = getattr(rp, name)
                setattr(rp, name, timed(stage, originals[name]))
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        for doc in docs:
            json.dumps(pipeline.process(doc).to_json(), ensure_ascii=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        for name, fn in originals.items():
            setattr(rp, name, fn)
    return {"wall": wall, "cpu": cpu, "stages": spent, "tokens": tokens}


COLD = """
import json, time
t0 = time.perf_counter()
import rasd
t1 = time.perf_counter()
p = rasd.Pipeline()
out = {"import": t1 - t0}
for name in ("tagger", "gazetteer", "kb"):
    t = time.perf_counter(); getattr(p, name); out[name] = time.perf_counter() - t
p.warm_up()
print(json.dumps(out))
"""


def cold_start(cpus: set[int], runs: int) -> tuple[float, float, dict[str, float]]:
    """Median wall and CPU seconds of a fresh process that imports rasd and loads everything."""
    runs_ = [run_child([sys.executable, "-c", COLD], cpus) for _ in range(runs)]
    parts = [json.loads(r["stdout"]) for r in runs_]
    return (
        statistics.median(r["wall"] for r in runs_),
        statistics.median(r["cpu"] for r in runs_),
        {k: statistics.median(p[k] for p in parts) for k in parts[0]},
    )


def profile(docs: list, pipeline: object) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("  (pyinstrument not installed: pip install pyinstrument)")
        return
    prof = Profiler(interval=0.0005)
    prof.start()
    for doc in docs:
        json.dumps(pipeline.process(doc).to_json(), ensure_ascii=False)
    prof.stop()
    print(prof.output_text(unicode=True, color=False, show_all=False))


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--n", type=int, default=None, help="articles (default: the whole subset)")
    ap.add_argument("--profile", action="store_true", help="print a pyinstrument profile of one pass")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args(argv)

    cpus = one_core()
    os.sched_setaffinity(0, cpus)
    raw = load_articles(args.shared, args.n)

    import rasd
    from rasd.records import Document

    docs = [Document.model_validate(d) for d in raw]
    chars = sum(len(d.text) for d in docs)
    print(
        f"bench_pipeline: {len(docs)} articles ({chars / len(docs):.0f} chars on average), CPU {cpus}, {args.runs} runs"
    )

    from rasd.pipeline import only_extracting

    only_extracting()  # the collector as `rasd extract` sets it
    pipeline = rasd.Pipeline().warm_up()
    # the optional mypyc build (setup.py) makes a large difference: say which one ran
    compiled = sorted(
        name
        for name, module in sys.modules.items()
        if name.startswith("rasd.") and (getattr(module, "__file__", None) or "").endswith(".so")
    )
    print(
        f"  build: {len(compiled)} of the loaded modules compiled with mypyc"
        if compiled
        else "  build: pure Python"
    )
    for doc in docs[:10]:  # first-use work (lazy tables, imports) is cold start, not throughput
        pipeline.process(doc)

    passes = [timed_pass(docs, pipeline) for _ in range(args.runs)]
    e2e_wall = statistics.median(p["wall"] for p in passes)
    e2e_cpu = statistics.median(p["cpu"] for p in passes)
    tokens = passes[0]["tokens"]
    stage_s = {s: statistics.median(p["stages"][s] for p in passes) for s in STAGES}
    instrumented = e2e_cpu  # stage shares are of the whole pass

    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(raw, Path(tmp) / "subset.jsonl")
        rasd_cmd = [sys.executable, "-m", "rasd.cli", "extract", "--format", "jsonl", str(corpus)]
        cli = [run_child(rasd_cmd, cpus) for _ in range(args.runs)]
    cli_wall = statistics.median(c["wall"] for c in cli)
    cli_cpu = statistics.median(c["cpu"] for c in cli)
    rss = max(c["rss_mb"] for c in cli)
    cold_wall, cold_cpu, cold_parts = cold_start(cpus, args.runs)

    figures = {
        "articles": len(docs),
        "tokens": tokens,
        "articles_per_s": len(docs) / e2e_cpu,
        "articles_per_s_wall": len(docs) / e2e_wall,
        # the first pass meets every word type for the first time (the stages' per-type memos
        # are empty): what one `rasd extract` over this corpus pays, start-up aside
        "first_pass_articles_per_s": len(docs) / passes[0]["cpu"],
        "cli_articles_per_s": len(docs) / cli_cpu,
        "cli_articles_per_s_wall": len(docs) / cli_wall,
        "cli_exit_status": cli[0]["rc"],
        "stage_cpu_seconds": stage_s,
        "stage_tokens_per_s": {s: (tokens / t if t >= 1e-3 else None) for s, t in stage_s.items()},
        "other_cpu_seconds": max(0.0, e2e_cpu - sum(stage_s.values())),
        "cold_start_s": cold_wall,
        "cold_start_cpu_s": cold_cpu,
        "cold_start_parts_s": cold_parts,
        "peak_rss_mb": rss,
        "compiled_modules": len(compiled),
    }

    def mark(ok: bool) -> str:
        return "ok" if ok else "OVER BUDGET"

    t = TARGETS
    aps = figures["articles_per_s"]
    print(
        "  (times are CPU seconds of the one pinned core, the steady figure on a shared machine; wall in brackets)"
    )
    print(
        f"\n  end to end, in process : {aps:8.1f} articles/s [{figures['articles_per_s_wall']:.1f} wall]"
        f"   target ≥ {t['articles_per_s']:.0f} ({aps / t['articles_per_s']:.2f}× target) {mark(aps >= t['articles_per_s'])}"
    )
    print(
        f"  first pass, in process : {figures['first_pass_articles_per_s']:8.1f} articles/s"
        "   (every word type seen for the first time)"
    )
    print(
        f"  rasd extract (CLI)     : {figures['cli_articles_per_s']:8.1f} articles/s [{figures['cli_articles_per_s_wall']:.1f} wall]"
        f"   (start-up included, exit status {cli[0]['rc']})"
    )
    print(f"  tokens                 : {tokens} ({tokens / len(docs):.0f} per article)")
    print("\n  stage     CPU s/pass   share   tokens/s")
    for s in STAGES:
        share = stage_s[s] / instrumented if instrumented else 0.0
        tps = figures["stage_tokens_per_s"][s]
        rate = f"{tps:12.0f}" if tps is not None else f"{'-':>12}  (no measurable time)"
        print(f"  {s:<9} {stage_s[s]:10.3f}  {share:6.1%}  {rate}")
    other = figures["other_cpu_seconds"]
    print(
        f"  {'other':<9} {other:10.3f}  {other / instrumented if instrumented else 0:6.1%}   (records, JSON, glue)"
    )
    top = max(STAGES, key=lambda s: stage_s[s])
    if instrumented:
        print(f"  dominant stage: {top} ({stage_s[top] / instrumented:.0%} of the time)")
    parts = ", ".join(f"{k} {v:.3f}s" for k, v in cold_parts.items())
    print(
        f"\n  cold start             : {cold_wall:8.3f} s wall [{cold_cpu:.3f} CPU]  target ≤ {t['cold_start_s']} s "
        f"({cold_wall / t['cold_start_s']:.2f}× budget) {mark(cold_wall <= t['cold_start_s'])}   [{parts}]"
    )
    print(
        f"  peak RSS (rasd extract): {rss:8.1f} MB  target ≤ {t['peak_rss_mb']:.0f} MB "
        f"({rss / t['peak_rss_mb']:.2f}× budget) {mark(rss <= t['peak_rss_mb'])}"
    )

    if args.profile:
        print("\n  profile of one pass (pyinstrument):")
        profile(docs, pipeline)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
