"""The :class:`Store`: documents, event mentions and canonical events in SQLite or PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Select,
    and_,
    bindparam,
    delete,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from rasd.errors import StoreError
from rasd.records import Document, Event
from rasd.store import dedup
from rasd.store.countries import Countries
from rasd.store.engine import PG_MIGRATE_LOCK, default_url, make_engine, normalize_url, upgrade
from rasd.store.models import (
    AddResult,
    CanonicalEvent,
    CanonicalEventDetail,
    DocumentSummary,
    EventFilter,
    IngestSummary,
    Page,
    Report,
    StoredDocument,
    StoredMention,
)
from rasd.store.schema import (
    actors,
    canonical_actors,
    canonical_events,
    documents,
    evidence_spans,
    feed_items,
    mentions,
    places,
)
from rasd.text import normalize_key

if TYPE_CHECKING:
    from rasd.ingest import Failure
    from rasd.pipeline import Pipeline

SORTS = {
    "date": canonical_events.c.event_date,
    "fatalities": canonical_events.c.fatalities,
    "n_reports": canonical_events.c.n_reports,
    "confidence": canonical_events.c.confidence,
}
# Writers take this PostgreSQL transaction lock so that two processes never recompute the same
# component of canonical events at once (SQLite serializes writers by itself).
PG_WRITE_LOCK = PG_MIGRATE_LOCK + 1

# Statements built once: SQLAlchemy then reuses their compiled form for every document.
_DOC_BY_HASH = select(documents.c.id, documents.c.n_mentions).where(
    documents.c.content_hash == bindparam("h")
)
_DOC_BY_ID = select(documents.c.pk).where(documents.c.id == bindparam("id"))
_FTS_INSERT = text("INSERT INTO documents_fts(rowid, body) VALUES (:pk, :body)")
_TSV_UPDATE = text("UPDATE documents SET tsv = to_tsvector('simple', :body) WHERE pk = :pk")
_LINK_MENTION = (
    update(mentions)
    .where(mentions.c.key == bindparam("k"))
    .values(component_id=bindparam("comp"), canonical_id=bindparam("cid"))
)


def content_hash(text_: str) -> str:
    """SHA-256 of the normalized text: the same article with other whitespace, diacritics or
    alef/ya spellings is the same document, whatever its id."""
    return hashlib.sha256(normalize_key(text_).encode("utf-8")).hexdigest()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store:
    """One database. ``Store(url)`` opens (and migrates) it; ``close()`` releases connections.

    ``write_delay`` (seconds) sleeps inside each document's transaction, between writing the
    document row and its mentions; only tests use it (``RASD_TEST_INGEST_DELAY`` in ``rasd
    ingest``), to make a kill -9 land inside a transaction.
    """

    def __init__(self, url: str | None = None, *, write_delay: float = 0.0) -> None:
        self.url = normalize_url(url or default_url())
        self._engine = make_engine(self.url)
        upgrade(self._engine)
        self.dialect = self._engine.dialect.name
        self._write_delay = write_delay

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @cached_property
    def countries(self) -> Countries:
        return Countries()

    # -- writing -------------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self._engine.connect() as conn:
                conn.execution_options(rasd_write=True)
                with conn.begin():
                    if self.dialect == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})
                    yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"database write failed: {exc}") from exc

    def _insert(self, table: Any) -> Any:
        return pg_insert(table) if self.dialect == "postgresql" else sqlite_insert(table)

    def has_document(self, content_hash: str) -> bool:
        with self._engine.connect() as conn:
            return (
                conn.execute(select(documents.c.pk).where(documents.c.content_hash == content_hash)).first()
                is not None
            )

    def add_document(self, doc: Document, events: list[Event]) -> AddResult:
        """Store a document with its event mentions and update the canonical events they join,
        in one transaction. A text already stored (same content hash) is left as it is."""
        h = content_hash(doc.text)
        with self._write() as conn:
            row = conn.execute(_DOC_BY_HASH, {"h": h}).first()
            if row is not None:
                return AddResult(row.id, False, row.n_mentions)
            doc_id = self._free_id(conn, doc.id, h)
            pk = conn.execute(
                documents.insert(),
                {
                    "id": doc_id,
                    "source_id": doc.id,
                    "content_hash": h,
                    "text": doc.text,
                    "published": doc.published,
                    "outlet": doc.outlet,
                    "url": doc.url,
                    "language": doc.language,
                    "ingested_at": _utcnow(),
                    "n_mentions": len(events),
                },
            ).inserted_primary_key[0]
            self._index_text(conn, pk, doc.text)
            if self._write_delay:
                time.sleep(self._write_delay)
            new = [self._add_mention(conn, pk, h, i, event) for i, event in enumerate(events)]
            self._add_actors_places(conn, events)
            self._recluster(conn, pk, new)
        return AddResult(doc_id, True, len(events))

    def _free_id(self, conn: Connection, wanted: str | None, h: str) -> str:
        # Ids come from inputs and may repeat across files ("1", "article.txt"); the content hash
        # is what identifies a document, so a taken id gets the hash appended.
        doc_id = wanted or f"doc-{h[:12]}"
        taken = conn.execute(_DOC_BY_ID, {"id": doc_id}).first()
        return f"{doc_id}~{h[:8]}" if taken else doc_id

    def _index_text(self, conn: Connection, pk: int, body: str) -> None:
        norm = normalize_key(body)
        if self.dialect == "sqlite":
            conn.execute(_FTS_INSERT, {"pk": pk, "body": norm})
        elif self.dialect == "postgresql":
            conn.execute(_TSV_UPDATE, {"pk": pk, "body": norm})

    def _add_mention(self, conn: Connection, doc_pk: int, h: str, i: int, event: Event) -> dedup.Facts:
        key = dedup.mention_key(h, i)
        loc = event.location
        facts = dedup.facts_of(event, key, h)
        mention_pk = conn.execute(
            mentions.insert(),
            {
                "key": key,
                "document_pk": doc_pk,
                "idx": i,
                "event": event.to_json(),
                "event_type": event.event_type,
                "sub_event_type": event.sub_event_type,
                "event_date": facts.date,
                "date_precision": event.date.precision,
                "lat": loc.lat if loc else None,
                "lon": loc.lon if loc else None,
                "geo_precision": loc.precision if loc else None,
                "country": facts.country,
                "admin1": loc.admin1 if loc else None,
                "location_name": loc.name if loc else None,
                "actor1_name": event.actor1.name if event.actor1 else None,
                "actor2_name": event.actor2.name if event.actor2 else None,
                "confidence": event.confidence,
                # Provisional: _recluster sets both before the transaction ends.
                "component_id": key,
                "canonical_id": dedup.stable_id("ev_", key),
            },
        ).inserted_primary_key[0]
        if event.evidence:
            conn.execute(
                evidence_spans.insert(),
                [
                    {"mention_pk": mention_pk, "start": s.start, "end": s.end, "text": s.text}
                    for s in event.evidence
                ],
            )
        return facts

    def _add_actors_places(self, conn: Connection, events: list[Event]) -> None:
        found_actors = {a.name: a for e in events for a in (e.actor1, e.actor2) if a is not None}
        if found_actors:
            conn.execute(
                self._insert(actors).on_conflict_do_nothing(index_elements=["name"]),
                [{"name": a.name, "type": a.type, "kb_id": a.id} for a in found_actors.values()],
            )
        found_places = {}
        for e in events:
            loc = e.location
            if loc is not None:
                key = f"{loc.geonames_id or ''}|{normalize_key(loc.name)}|{loc.country or ''}"
                found_places[key] = {
                    "key": key,
                    "name": loc.name,
                    "geonames_id": loc.geonames_id,
                    "lat": loc.lat,
                    "lon": loc.lon,
                    "admin1": loc.admin1,
                    "country": loc.country,
                    "precision": loc.precision,
                }
        if found_places:
            conn.execute(
                self._insert(places).on_conflict_do_nothing(index_elements=["key"]),
                list(found_places.values()),
            )

    def _recluster(self, conn: Connection, doc_pk: int, new: list[dedup.Facts]) -> None:
        """Recompute the components the new mentions join, and their canonical events."""
        if not new:
            return
        # Union-find over the new mentions and the existing components they touch. New mentions
        # of one document are never linked to each other directly.
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        for f in new:
            find(f.key)
            for comp in self._touched_components(conn, doc_pk, f):
                union(f.key, "c:" + comp)
        old_components = [n[2:] for n in parent if n.startswith("c:")]
        rows = self._member_rows(conn, mentions.c.component_id.in_(old_components + [f.key for f in new]))
        members = {r.key: self._member(r) for r in rows}
        old_canonical = sorted({r.canonical_id for r in rows if r.document_pk != doc_pk})
        if old_canonical:
            conn.execute(delete(canonical_actors).where(canonical_actors.c.canonical_id.in_(old_canonical)))
            conn.execute(delete(canonical_events).where(canonical_events.c.id.in_(old_canonical)))
        groups: dict[str, list[dedup.Member]] = {}
        for r in rows:
            node = r.key if r.document_pk == doc_pk else "c:" + r.component_id
            groups.setdefault(find(node), []).append(members[r.key])
        merged_events: list[CanonicalEvent] = []
        links: list[dict[str, str]] = []
        for group in groups.values():
            comp = dedup.component_id(m.facts for m in group)
            by_key = {m.facts.key: m for m in group}
            for facts in dedup.cluster([m.facts for m in group]):
                merged = dedup.merge([by_key[f.key] for f in facts])
                merged_events.append(merged)
                links.extend({"k": f.key, "comp": comp, "cid": merged.id} for f in facts)
        self._write_canonical(conn, merged_events)
        conn.execute(_LINK_MENTION, links)

    def _touched_components(self, conn: Connection, doc_pk: int, f: dedup.Facts) -> set[str]:
        window = dedup.date_window(f)
        if window is None or not f.has_place:
            return set()
        m = mentions.c
        q = (
            select(
                m.key,
                m.component_id,
                m.event_date,
                m.date_precision,
                m.lat,
                m.lon,
                m.geo_precision,
                m.country,
                m.admin1,
                m.location_name,
                m.actor1_name,
                m.actor2_name,
                documents.c.content_hash,
            )
            .join(documents, documents.c.pk == m.document_pk)
            .where(m.event_type == f.event_type, m.event_date.between(*window), m.document_pk != doc_pk)
        )
        if f.country:
            q = q.where(or_(m.country == f.country, m.country.is_(None)))
        out: set[str] = set()
        for r in conn.execute(q):
            other = dedup.make_facts(
                key=r.key,
                doc=r.content_hash,
                event_type=f.event_type,
                date=r.event_date,
                date_precision=r.date_precision,
                lat=r.lat,
                lon=r.lon,
                geo_precision=r.geo_precision,
                country=r.country,
                admin1=r.admin1,
                place=r.location_name,
                actor1=r.actor1_name,
                actor2=r.actor2_name,
            )
            if dedup.compatible(f, other):
                out.add(r.component_id)
        return out

    def _member_rows(self, conn: Connection, where: Any) -> list[Any]:
        q = (
            select(
                mentions.c.key,
                mentions.c.event,
                mentions.c.component_id,
                mentions.c.canonical_id,
                mentions.c.document_pk,
                documents.c.id.label("document_id"),
                documents.c.content_hash,
                documents.c.outlet,
            )
            .join(documents, documents.c.pk == mentions.c.document_pk)
            .where(where)
            .order_by(mentions.c.key)
        )
        return list(conn.execute(q))

    @staticmethod
    def _member(r: Any) -> dedup.Member:
        event = Event.model_validate(r.event)
        return dedup.Member(
            facts=dedup.facts_of(event, r.key, r.content_hash),
            event=event,
            document_id=r.document_id,
            outlet=r.outlet,
        )

    def _write_canonical(self, conn: Connection, merged: list[CanonicalEvent]) -> None:
        if not merged:
            return
        rows, actor_rows = [], []
        for ev in merged:
            loc = ev.location
            rows.append(
                {
                    "id": ev.id,
                    "event_date": ev.event_date,
                    "date_precision": ev.date_precision,
                    "event_type": ev.event_type,
                    "sub_event_type": ev.sub_event_type,
                    "country": loc.country.upper() if loc and loc.country else None,
                    "admin1": loc.admin1 if loc else None,
                    "lat": loc.lat if loc else None,
                    "lon": loc.lon if loc else None,
                    "fatalities": ev.fatalities.value if ev.fatalities else None,
                    "n_reports": ev.n_reports,
                    "confidence": ev.confidence,
                    "data": ev.model_dump(mode="json"),
                }
            )
            names = {(a.name, "actor1") for a in ev.actors1_all} | {
                (a.name, "actor2") for a in ev.actors2_all
            }
            actor_rows.extend({"canonical_id": ev.id, "name": n, "role": role} for n, role in sorted(names))
        conn.execute(canonical_events.insert(), rows)
        if actor_rows:
            conn.execute(canonical_actors.insert(), actor_rows)

    def ingest(
        self,
        items: Iterable[Document | Failure],
        pipeline: Pipeline,
        progress: bool = False,
        published: dt.date | None = None,
    ) -> IngestSummary:
        """Extract and store each document; documents already stored are skipped before
        extraction (so a re-run resumes cheaply). Per-document errors are recorded, not raised."""
        from rasd.store.ingest import run_ingest

        return run_ingest(self, items, pipeline, progress=progress, published=published)

    # -- reading -------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self._engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (
                    ("documents", documents),
                    ("mentions", mentions),
                    ("canonical_events", canonical_events),
                )
            }

    def check(self) -> list[str]:
        """Consistency problems (empty when the database is sound): documents whose mentions are
        not all stored, mentions pointing at a missing canonical event, full-text rows missing."""
        problems: list[str] = []
        with self._engine.connect() as conn:
            n = func.count(mentions.c.pk)
            q = (
                select(documents.c.id, documents.c.n_mentions, n.label("n"))
                .select_from(documents.outerjoin(mentions, mentions.c.document_pk == documents.c.pk))
                .group_by(documents.c.pk, documents.c.id, documents.c.n_mentions)
                .having(n != documents.c.n_mentions)
            )
            for r in conn.execute(q):
                problems.append(f"document {r.id}: {r.n} mentions stored, {r.n_mentions} expected")
            orphans = conn.execute(
                select(func.count())
                .select_from(mentions)
                .where(~exists().where(canonical_events.c.id == mentions.c.canonical_id))
            ).scalar_one()
            if orphans:
                problems.append(f"{orphans} mentions without their canonical event")
            empty = conn.execute(
                select(func.count())
                .select_from(canonical_events)
                .where(~exists().where(mentions.c.canonical_id == canonical_events.c.id))
            ).scalar_one()
            if empty:
                problems.append(f"{empty} canonical events without mentions")
            if self.dialect == "sqlite":
                n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
                n_fts = conn.execute(text("SELECT count(*) FROM documents_fts")).scalar_one()
                if n_docs != n_fts:
                    problems.append(f"{n_docs} documents but {n_fts} full-text rows")
        return problems

    def _text_match(self, q: str) -> Any:
        """A selectable of documents.pk whose text matches the words of ``q`` (all of them)."""
        words = normalize_key(q).split()
        if not words:
            return select(documents.c.pk).where(literal_column("1") == 0)
        if self.dialect == "sqlite":
            match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
            return (
                select(literal_column("rowid"))
                .select_from(text("documents_fts"))
                .where(text("documents_fts MATCH :fts_q").bindparams(bindparam("fts_q", match)))
            )
        return select(documents.c.pk).where(
            literal_column("documents.tsv").op("@@")(func.plainto_tsquery("simple", " ".join(words)))
        )

    def _event_conditions(self, f: EventFilter) -> list[Any]:
        c = canonical_events.c
        cond: list[Any] = []
        if f.date_from:
            cond.append(c.event_date >= f.date_from)
        if f.date_to:
            cond.append(c.event_date <= f.date_to)
        if f.country:
            cond.append(c.country == self.countries.iso2(f.country))
        if f.admin1:
            cond.append(func.lower(c.admin1) == f.admin1.lower())
        if f.event_type:
            cond.append(c.event_type == f.event_type)
        if f.sub_event_type:
            cond.append(c.sub_event_type == f.sub_event_type)
        if f.actor:
            cond.append(
                exists().where(
                    canonical_actors.c.canonical_id == c.id,
                    canonical_actors.c.name.icontains(f.actor, autoescape=True),
                )
            )
        if f.q:
            cond.append(
                c.id.in_(
                    select(mentions.c.canonical_id).where(mentions.c.document_pk.in_(self._text_match(f.q)))
                )
            )
        if f.bbox:
            min_lon, min_lat, max_lon, max_lat = f.bbox
            cond.append(and_(c.lon.between(min_lon, max_lon), c.lat.between(min_lat, max_lat)))
        if f.min_confidence is not None:
            cond.append(c.confidence >= f.min_confidence)
        return cond

    def query_events(
        self, f: EventFilter | None = None, limit: int = 100, offset: int = 0, sort: str = "-date"
    ) -> Page[CanonicalEvent]:
        """Canonical events matching ``f``; ``sort`` is date, fatalities, n_reports or confidence,
        with a leading ``-`` for descending."""
        f = f or EventFilter()
        key = sort.lstrip("-")
        if key not in SORTS:
            raise ValueError(f"unknown sort {sort!r} (one of {', '.join(SORTS)}, optionally with '-')")
        col = SORTS[key]
        order = col.desc().nulls_last() if sort.startswith("-") else col.asc().nulls_last()
        cond = self._event_conditions(f)
        with self._engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(canonical_events).where(*cond)).scalar_one()
            rows = conn.execute(
                select(canonical_events.c.data)
                .where(*cond)
                .order_by(order, canonical_events.c.id)
                .limit(limit)
                .offset(offset)
            )
            items = [CanonicalEvent.model_validate(r.data) for r in rows]
        return Page[CanonicalEvent](items=items, total=total, limit=limit, offset=offset)

    def iter_events(
        self, f: EventFilter | None = None, sort: str = "date", batch: int = 500
    ) -> Iterator[CanonicalEvent]:
        """Every matching event, fetched a page at a time (for exports)."""
        offset = 0
        while True:
            page = self.query_events(f, limit=batch, offset=offset, sort=sort)
            yield from page.items
            offset += batch
            if offset >= page.total or not page.items:
                return

    def get_event(self, event_id: str) -> CanonicalEventDetail | None:
        with self._engine.connect() as conn:
            row = conn.execute(
                select(canonical_events.c.data).where(canonical_events.c.id == event_id)
            ).first()
            if row is None:
                return None
            q = (
                select(
                    mentions.c.key,
                    mentions.c.event,
                    documents.c.id,
                    documents.c.outlet,
                    documents.c.url,
                    documents.c.published,
                    documents.c.text,
                )
                .join(documents, documents.c.pk == mentions.c.document_pk)
                .where(mentions.c.canonical_id == event_id)
                .order_by(mentions.c.key)
            )
            reports = [
                Report(
                    document_id=r.id,
                    mention_key=r.key,
                    outlet=r.outlet,
                    url=r.url,
                    published=r.published,
                    text=r.text,
                    event=Event.model_validate(r.event),
                )
                for r in conn.execute(q)
            ]
        detail = CanonicalEventDetail.model_validate(row.data)
        detail.reports = reports
        return detail

    def list_documents(self, limit: int = 50, offset: int = 0, q: str | None = None) -> Page[DocumentSummary]:
        cond = [documents.c.pk.in_(self._text_match(q))] if q else []
        d = documents.c
        with self._engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(documents).where(*cond)).scalar_one()
            rows = conn.execute(
                select(
                    d.id,
                    d.content_hash,
                    d.published,
                    d.outlet,
                    d.url,
                    d.language,
                    d.ingested_at,
                    d.n_mentions,
                )
                .add_columns(func.substr(d.text, 1, 200).label("snippet"))
                .where(*cond)
                .order_by(d.pk.desc())
                .limit(limit)
                .offset(offset)
            )
            items = [DocumentSummary.model_validate(r._asdict()) for r in rows]
        return Page[DocumentSummary](items=items, total=total, limit=limit, offset=offset)

    def get_document(self, doc_id: str) -> StoredDocument | None:
        d = documents.c
        with self._engine.connect() as conn:
            row = conn.execute(select(documents).where(d.id == doc_id)).first()
            if row is None:
                return None
            ms = conn.execute(
                select(mentions.c.key, mentions.c.canonical_id, mentions.c.event)
                .where(mentions.c.document_pk == row.pk)
                .order_by(mentions.c.idx)
            )
            stored = [
                StoredMention(key=m.key, canonical_id=m.canonical_id, event=Event.model_validate(m.event))
                for m in ms
            ]
        data = row._asdict()
        return StoredDocument.model_validate({**data, "snippet": row.text[:200], "mentions": stored})

    def stats(self, f: EventFilter | None = None) -> dict[str, list[dict[str, Any]]]:
        """Counts of matching events by day, type, country and actor (top 50)."""
        f = f or EventFilter()
        c = canonical_events.c
        cond = self._event_conditions(f)
        fat = func.coalesce(func.sum(c.fatalities), 0)

        def rows(q: Select) -> list[dict[str, Any]]:
            with self._engine.connect() as conn:
                return [r._asdict() for r in conn.execute(q)]

        by_day = rows(
            select(c.event_date.label("date"), func.count().label("count"), fat.label("fatalities"))
            .where(*cond, c.event_date.is_not(None))
            .group_by(c.event_date)
            .order_by(c.event_date)
        )
        for r in by_day:
            r["date"] = r["date"].isoformat()
        by_type = rows(
            select(c.event_type, func.count().label("count"), fat.label("fatalities"))
            .where(*cond)
            .group_by(c.event_type)
            .order_by(func.count().desc(), c.event_type)
        )
        by_country = rows(
            select(c.country, func.count().label("count"), fat.label("fatalities"))
            .where(*cond)
            .group_by(c.country)
            .order_by(func.count().desc(), c.country)
        )
        a = canonical_actors.c
        n = func.count(func.distinct(a.canonical_id))
        by_actor = rows(
            select(a.name.label("actor"), n.label("count"))
            .join(canonical_events, c.id == a.canonical_id)
            .where(*cond)
            .group_by(a.name)
            .order_by(n.desc(), a.name)
            .limit(50)
        )
        return {"by_day": by_day, "by_type": by_type, "by_country": by_country, "by_actor": by_actor}

    def actors(self) -> list[dict[str, Any]]:
        """Every actor seen in a stored mention, with how many canonical events name it."""
        a = canonical_actors.c
        n = func.count(func.distinct(a.canonical_id))
        q = (
            select(actors.c.name, actors.c.type, actors.c.kb_id.label("id"), n.label("n_events"))
            .select_from(actors.outerjoin(canonical_actors, a.name == actors.c.name))
            .group_by(actors.c.pk, actors.c.name, actors.c.type, actors.c.kb_id)
            .order_by(n.desc(), actors.c.name)
        )
        with self._engine.connect() as conn:
            return [r._asdict() for r in conn.execute(q)]

    # -- feeds ---------------------------------------------------------------------------------

    def feed_item_seen(self, key: str) -> bool:
        with self._engine.connect() as conn:
            return conn.execute(select(feed_items.c.key).where(feed_items.c.key == key)).first() is not None

    def mark_feed_item(self, key: str) -> None:
        with self._write() as conn:
            conn.execute(
                self._insert(feed_items)
                .values(key=key, seen_at=_utcnow())
                .on_conflict_do_nothing(index_elements=["key"])
            )
