#!/usr/bin/env python3
"""Speed of the actors stage: building and loading the knowledge base, and finding actors and
sources in the dev documents. Prints medians of --runs runs (default 5).

    python bench/bench_actors.py --shared ../shared
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from rasd.actors import find_actors, find_sources, load_kb
from rasd.actors.kb import build_kb
from rasd.text import analyze

ROOT = Path(__file__).resolve().parent.parent


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    import os

    build = _median(build_kb, args.runs)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["RASD_CACHE_DIR"] = cache
        load_kb()  # fills the cache
        cached = _median(load_kb, args.runs)
    kb = load_kb()

    texts = [
        json.loads(p.read_text(encoding="utf-8"))["text"]
        for p in sorted((args.shared / "eval" / "dev" / "events").glob("*.json"))
    ]
    gsr = args.shared / "eval" / "dev" / "gsr" / "gsr_dev.jsonl"
    if gsr.is_file():
        with gsr.open(encoding="utf-8") as f:
            texts += [json.loads(line).get("text") or json.loads(line).get("sentence", "") for line in f]
    texts = [t for t in texts if t]
    analyzed = [analyze(t) for t in texts]
    chars = sum(len(t) for t in texts)

    def actors() -> None:
        for a in analyzed:
            find_actors(a, kb)

    def sources() -> None:
        for a in analyzed:
            find_sources(a, kb)

    def both() -> None:  # the pipeline's order: sources reuse the actor pass of the same text
        for a in analyzed:
            find_actors(a, kb)
            find_sources(a, kb)

    t_actors = _median(actors, args.runs)
    t_sources = _median(sources, args.runs)
    t_both = _median(both, args.runs)
    n_mentions = sum(len(find_actors(a, kb)) for a in analyzed)
    print(
        f"knowledge base: {sum(not a.generic for a in kb.actors.values())} actors, {len(kb.sources)} sources"
    )
    print(f"build_kb (YAML → indexes)   median {build * 1000:7.1f} ms over {args.runs} runs")
    print(f"load_kb (compiled cache)    median {cached * 1000:7.1f} ms over {args.runs} runs")
    print(f"texts: {len(texts)} ({chars:,} chars), actor mentions found: {n_mentions}")
    print(
        f"find_actors                 median {t_actors * 1000:7.1f} ms total, "
        f"{t_actors / len(texts) * 1000:.2f} ms/text, {chars / t_actors / 1000:.0f}k chars/s"
    )
    print(
        f"find_sources (incl. actors) median {t_sources * 1000:7.1f} ms total, "
        f"{t_sources / len(texts) * 1000:.2f} ms/text, {chars / t_sources / 1000:.0f}k chars/s"
    )
    print(
        f"find_actors + find_sources  median {t_both * 1000:7.1f} ms total, "
        f"{t_both / len(texts) * 1000:.2f} ms/text, {chars / t_both / 1000:.0f}k chars/s"
    )


if __name__ == "__main__":
    main()
