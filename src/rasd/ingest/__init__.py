"""Stage 1 — ingestion: files, stdin, web pages, feeds and archives → :class:`~rasd.records.Document`.

Interface::

    read_inputs(sources, stdin) -> Iterator[Document | Failure]   # in input order
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from rasd.ingest.files import read_path, read_stream
from rasd.ingest.types import Failure
from rasd.records import Document

__all__ = ["Failure", "read_inputs"]


def read_inputs(sources: Sequence[str], stdin: BinaryIO | None = None) -> Iterator[Document | Failure]:
    """Documents from each source in order; no source means standard input."""
    if not sources:
        yield from read_stream(stdin if stdin is not None else sys.stdin.buffer)
        return
    for src in sources:
        if src == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer)
            continue
        yield from read_path(Path(src))
