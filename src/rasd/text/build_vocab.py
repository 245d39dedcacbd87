"""Rebuild ``data/vocab.tsv.gz``: word-type counts (key form) from the shared Arabic corpora.

The segmenter uses these counts as its guard: a clitic is split off only when what remains is a
word seen often enough on its own (see docs/text.md). Run::

    python -m rasd.text.build_vocab --shared ../shared

Only counts of single word types are shipped (no text), which is what ../shared/data/README.md
allows ("the project ships only what it derives").
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from rasd.text.normalize import normalize_key

_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0670\u0640\u0671-\u06d3]+")
OUT = Path(__file__).parent / "data" / "vocab.tsv.gz"


def _texts(shared: Path):
    with open(shared / "data/saudinewsnet/conflict_subset.jsonl", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            yield obj.get("title") or ""
            yield obj.get("content") or ""
    with open(shared / "data/syria-news/articles.jsonl", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line).get("text") or ""
    for name in ("train.txt", "test.txt"):
        with open(shared / "data/anercorp" / name, encoding="utf-8") as f:
            yield " ".join(line.split(" ", 1)[0] for line in f)


def build(shared: Path, min_count: int = 2) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in _texts(shared):
        counts.update(normalize_key(w) for w in _WORD.findall(text))
    return Counter({w: c for w, c in counts.items() if c >= min_count and w})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    counts = build(args.shared, args.min_count)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            f.write(f"{w}\t{c}\n")
    print(f"{len(counts)} word types -> {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
