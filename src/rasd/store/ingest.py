"""Extract and store a stream of documents: the loop behind ``Store.ingest`` and ``rasd ingest``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from contextlib import nullcontext
from typing import TYPE_CHECKING

from rasd.errors import RasdError, ResourceError
from rasd.ingest import Failure
from rasd.records import Document
from rasd.store.models import IngestSummary

if TYPE_CHECKING:
    from rasd.pipeline import Pipeline
    from rasd.store.store import Store


def _progress():  # noqa: ANN202 - rich types are imported lazily
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # The number of documents is unknown until the inputs are read (feeds, archives, globs), so
    # the bar pulses and the description carries the running counts.
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def run_ingest(
    store: Store,
    items: Iterable[Document | Failure],
    pipeline: Pipeline,
    progress: bool = False,
    published: dt.date | None = None,
) -> IngestSummary:
    from rasd.store.store import content_hash

    summary = IngestSummary()
    bar = _progress() if progress else nullcontext()
    with bar as p:
        task = p.add_task("", total=None) if p is not None else None
        for item in items:
            summary.read += 1
            if isinstance(item, Failure):
                summary.failed.append((item.where, item.message))
            else:
                _one(store, item, pipeline, published, summary, content_hash(item.text))
            if p is not None:
                p.update(
                    task,
                    description=(
                        f"{summary.read} read, {summary.stored} stored, {summary.duplicates} duplicates, "
                        f"{summary.n_failed} failed"
                    ),
                )
    summary.canonical_events = store.counts()["canonical_events"]
    return summary


def _one(
    store: Store,
    doc: Document,
    pipeline: Pipeline,
    published: dt.date | None,
    summary: IngestSummary,
    h: str,
) -> None:
    name = doc.id or h[:12]
    # Skip before extraction: a re-run over the same inputs costs one lookup per document.
    if store.has_document(h):
        summary.duplicates += 1
        return
    if published is not None and doc.published is None:
        doc = doc.model_copy(update={"published": published})
    try:
        events = pipeline.extract(doc)
    except ResourceError:
        # A missing model or lexicon fails every document the same way: stop, don't record N failures.
        raise
    except RasdError as exc:
        summary.failed.append((name, str(exc)))
        return
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch of thousands
        summary.failed.append((name, f"extraction crashed: {type(exc).__name__}: {exc}"))
        return
    try:
        result = store.add_document(doc, events)
    except RasdError as exc:
        summary.failed.append((name, str(exc)))
        return
    if result.created:
        summary.stored += 1
        summary.mentions += result.n_mentions
    else:
        summary.duplicates += 1
