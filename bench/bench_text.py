"""Speed of the text stage on the SaudiNewsNet conflict subset (one core).

    python bench/bench_text.py --shared ../shared [--runs 3] [--limit N]

Prints tokens/s (median of the runs) for: normalization + sentences + tokens (the core the
issue targets at >= 100k tokens/s), and the full stage with quantities and dates. The segmenter
cache is emptied before each run, so every run pays for segmenting each word type once.
Rates are per second of this process's CPU time (``time.process_time``: one core, and not
inflated when other jobs share the machine); wall-clock rates are printed beside them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from pathlib import Path

from rasd.text.analyze import TextAnalyzer
from rasd.text.normalize import normalize
from rasd.text.tokenize import tokenize


def load_docs(shared: Path, limit: int | None) -> list[tuple[str, dt.date | None]]:
    docs = []
    with open(shared / "data/saudinewsnet/conflict_subset.jsonl", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            text = f"{obj.get('title') or ''}\n{obj.get('content') or ''}"
            pub = None
            if obj.get("date_extracted"):
                pub = dt.date.fromisoformat(obj["date_extracted"][:10])
            docs.append((text, pub))
            if limit and len(docs) >= limit:
                break
    return docs


def run_core(an: TextAnalyzer, docs) -> int:
    n = 0
    for text, _ in docs:
        normalize(text)
        sents = an.splitter.split(text)
        n += len(tokenize(text, an.segmenter, sents))
    return n


def run_full(an: TextAnalyzer, docs) -> tuple[int, int, int]:
    n = q = d = 0
    for text, pub in docs:
        a = an.analyze(text, pub)
        n += len(a.tokens)
        q += len(a.quantities)
        d += len(a.dates)
    return n, q, d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    docs = load_docs(args.shared, args.limit)
    t0 = time.perf_counter()
    an = TextAnalyzer()
    load_s = time.perf_counter() - t0
    chars = sum(len(t) for t, _ in docs)
    print(f"{len(docs)} documents, {chars / 1e6:.2f} M characters; lexicons loaded in {load_s:.2f} s")
    for name, fn in (
        ("core (normalize + sentences + tokens)", run_core),
        ("full (+ quantities + dates)", run_full),
    ):
        rates, walls, result = [], [], None
        for _ in range(args.runs):
            an.segmenter.clear_cache()
            c, w = time.process_time(), time.perf_counter()
            result = fn(an, docs)
            cpu, wall = time.process_time() - c, time.perf_counter() - w
            n = result if isinstance(result, int) else result[0]
            rates.append(n / cpu)
            walls.append(n / wall)
        n = result if isinstance(result, int) else result[0]
        print(
            f"{name}: {n} tokens, median {statistics.median(rates):,.0f} tokens/s (CPU time), "
            f"{statistics.median(walls):,.0f} tokens/s (wall) over {args.runs} runs"
        )
        if not isinstance(result, int):
            print(f"  found {result[1]} quantities and {result[2]} date mentions")


if __name__ == "__main__":
    main()
