"""Stage 5 — the store: documents, event mentions and de-duplicated canonical events in SQLite
(default) or PostgreSQL, through SQLAlchemy Core with Alembic migrations run on open.

Interface (agreed with the API, ingest and batch stages)::

    store = Store(url)            # None → $RASD_DB or a SQLite file in the user data dir
    store.add_document(doc, events) -> AddResult
    store.ingest(items, pipeline, progress=False) -> IngestSummary
    store.query_events(EventFilter(...), limit, offset, sort) -> Page[CanonicalEvent]
    store.get_event(id) -> CanonicalEventDetail | None
    store.list_documents(limit, offset, q) / get_document(id) / stats(f) / actors()
    store.feed_item_seen(key) / mark_feed_item(key)
"""

from rasd.store.engine import default_url, normalize_url
from rasd.store.models import (
    AddResult,
    CanonicalEvent,
    CanonicalEventDetail,
    CountRange,
    DocumentSummary,
    EventFilter,
    IngestSummary,
    Page,
    Report,
    StoredDocument,
    StoredMention,
)
from rasd.store.store import Store, content_hash

__all__ = [
    "AddResult",
    "CanonicalEvent",
    "CanonicalEventDetail",
    "CountRange",
    "DocumentSummary",
    "EventFilter",
    "IngestSummary",
    "Page",
    "Report",
    "Store",
    "StoredDocument",
    "StoredMention",
    "content_hash",
    "default_url",
    "normalize_url",
]
