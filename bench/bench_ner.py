"""NER tagging speed: model load time and tokens/s on one core (medians of several runs).

    python bench/bench_ner.py --shared ../shared [--runs 3] [--sentences 2000]

Tags the first sentences of ANERcorp ``train.txt`` (speed only; no scores). "cold" uses a fresh
tagger (every word's features computed), "warm" a tagger that has seen the text once; both tag
sentence by sentence (``tag``). "batched" is a fresh tagger given all the sentences in one
``tag_document`` call, as ``rasd tag --conll`` does (the neural tagger's document step reads
them as one document; ``tag`` gives it one sentence). Times are process CPU time (one core: the
neural tagger's onnxruntime session runs on one thread).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from rasd.ner import load_tagger
from rasd.ner.conll import read_conll


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sentences", type=int, default=2000)
    a = ap.parse_args()
    with open(a.shared / "data" / "anercorp" / "train.txt", encoding="utf-8") as f:
        sents = [[r[0] for r in s] for s in read_conll(f)][: a.sentences]
    n = sum(map(len, sents))
    loads, cold, warm, batched = [], [], [], []
    for _ in range(a.runs):
        t0 = time.process_time()
        tagger = load_tagger()
        loads.append(time.process_time() - t0)
        for bucket in (cold, warm):
            t0 = time.process_time()
            for s in sents:
                tagger.tag(s)
            bucket.append(n / (time.process_time() - t0))
        tagger = load_tagger()
        t0 = time.process_time()
        tagger.tag_document(sents)
        batched.append(n / (time.process_time() - t0))
    print(f"tokens per run          {n}")
    print(f"model load (median)     {statistics.median(loads):.3f} s")
    print(f"tagging, cold (median)  {statistics.median(cold):,.0f} tokens/s")
    print(f"tagging, warm (median)  {statistics.median(warm):,.0f} tokens/s")
    print(f"batched, cold (median)  {statistics.median(batched):,.0f} tokens/s")


if __name__ == "__main__":
    main()
