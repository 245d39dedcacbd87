"""CoNLL-style token files: one token per line (first column), a blank line between sentences."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def read_conll(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Sentences as lists of rows (the whitespace-split columns of each non-blank line)."""
    cur: list[list[str]] = []
    for line in lines:
        cols = line.split()
        if not cols:
            if cur:
                yield cur
                cur = []
            continue
        cur.append(cols)
    if cur:
        yield cur


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` of a BIO tag sequence; an ``I-`` after ``O`` or after
    another label opens a span (the CoNLL reading)."""
    out: set[tuple[int, int, str]] = set()
    start, label = None, None
    for i, t in enumerate([*tags, "O"]):
        lab = t[2:] if t != "O" else None
        if start is not None and (lab != label or t.startswith("B-")):
            out.add((start, i, label))
            start, label = None, None
        if lab and start is None:
            start, label = i, lab
    return out
