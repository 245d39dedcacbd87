"""Outputs: a JSON-lines file or a Parquet dataset, both resumable.

A sink first reports which ids are already written (:meth:`done`), then takes rows in input
order (:meth:`write`), then is closed. Resume is by id: the runner skips an input document whose
id is already in the output (as a multiset, so a corpus that repeats an id resumes exactly).
Because rows are written in input order, what is on disk after an interruption is always a
prefix of the clean run's output, and resuming appends exactly the rest.

- JSONL: one ``{"id", "events"}`` line per document, flushed after each chunk. An unfinished last
  line (the process was killed mid-write) is cut off when resuming; any other unreadable line is
  an error, never silently dropped.
- Parquet: ``OUT.parquet`` is a directory of part files ``part-000000.parquet``, … (one dataset;
  ``pandas.read_parquet(OUT)`` or ``pyarrow.dataset.dataset(OUT)`` read it whole). Rows are buffered
  and written ``rows_per_part`` at a time to ``*.tmp`` then renamed, so a part is either complete or
  absent; an interruption loses at most the buffered rows, which the resumed run redoes. Columns:
  ``id`` (string), ``events`` (the JSON text of the events list, as in the JSONL line), ``error``
  (string, null when the document succeeded).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from rasd.batch.rows import Row, jsonl_line
from rasd.errors import InputError, RasdError

_ID_PREFIX = '{"id": '


class Sink(Protocol):
    def done(self) -> Counter[str | None]: ...
    def write(self, rows: Sequence[Row]) -> None: ...
    def close(self) -> None: ...


def open_sink(path: Path, rows_per_part: int = 10_000) -> Sink:
    """The sink for ``path``, chosen by its suffix (``.jsonl`` or ``.parquet``)."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return JsonlSink(path)
    if suffix == ".parquet":
        return ParquetSink(path, rows_per_part)
    raise InputError(f"{path}: output must end in .jsonl or .parquet")


def _line_id(line: str) -> str | None:
    # Read only the id at the start of the line: resuming a large output stays fast.
    if line.startswith(_ID_PREFIX):
        value, _ = json.JSONDecoder().raw_decode(line, len(_ID_PREFIX))
    else:
        value = json.loads(line)["id"]
    return value


class JsonlSink:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = None

    def done(self) -> Counter[str | None]:
        ids: Counter[str | None] = Counter()
        if not self.path.exists():
            return ids
        with self.path.open("r+b") as fh:
            complete = 0  # bytes up to the end of the last complete line
            for n, raw in enumerate(fh, 1):
                if not raw.endswith(b"\n"):
                    break  # the unfinished last line of an interrupted run
                try:
                    ids[_line_id(raw.decode("utf-8"))] += 1
                except (ValueError, KeyError, TypeError) as exc:
                    raise RasdError(
                        f"{self.path}:{n}: not an output line of rasd ({exc}); refusing to resume into it"
                    ) from exc
                complete += len(raw)
            fh.truncate(complete)
        return ids

    def write(self, rows: Sequence[Row]) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("a", encoding="utf-8", newline="\n")
        self._fh.write("".join(jsonl_line(r) + "\n" for r in rows))
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class ParquetSink:
    def __init__(self, path: Path, rows_per_part: int = 10_000) -> None:
        self.path = path
        self.rows_per_part = max(1, rows_per_part)
        self._buffer: list[Row] = []
        self._next_part = 0

    def parts(self) -> list[Path]:
        return sorted(self.path.glob("part-*.parquet"))

    def done(self) -> Counter[str | None]:
        import pyarrow.parquet as pq

        ids: Counter[str | None] = Counter()
        if self.path.exists() and not self.path.is_dir():
            raise RasdError(f"{self.path}: a Parquet output is a directory of parts; this is a file")
        if not self.path.exists():
            return ids
        for tmp in self.path.glob("part-*.parquet.tmp"):
            tmp.unlink()  # a part whose writing was interrupted; its rows are redone
        for part in self.parts():
            ids.update(pq.read_table(part, columns=["id"]).column("id").to_pylist())
            self._next_part = max(self._next_part, int(part.stem.removeprefix("part-")) + 1)
        return ids

    def write(self, rows: Sequence[Row]) -> None:
        self._buffer.extend(rows)
        while len(self._buffer) >= self.rows_per_part:
            self._flush(self._buffer[: self.rows_per_part])
            del self._buffer[: self.rows_per_part]

    def _flush(self, rows: Sequence[Row]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table(
            {
                "id": pa.array([r.id for r in rows], pa.string()),
                "events": pa.array([r.events_json for r in rows], pa.string()),
                "error": pa.array([r.error for r in rows], pa.string()),
            }
        )
        self.path.mkdir(parents=True, exist_ok=True)
        final = self.path / f"part-{self._next_part:06d}.parquet"
        tmp = final.with_name(final.name + ".tmp")
        pq.write_table(table, tmp)
        tmp.replace(final)  # atomic: a part is complete or absent
        self._next_part += 1

    def close(self) -> None:
        if self._buffer:
            self._flush(self._buffer)
            self._buffer = []
