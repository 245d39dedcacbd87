"""The store on SQLite and PostgreSQL: idempotency, cross-report merging, queries."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable

import pytest

from rasd.records import Document
from rasd.store import EventFilter, Store, content_hash
from rasd.store.dedup import mention_key


def add_all(store: Store, corpus, order: list[int] | None = None) -> None:
    for i in order if order is not None else range(len(corpus)):
        doc, events, _ = corpus[i]
        store.add_document(doc, events)


def expected_groups(corpus) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for doc, _, happenings in corpus:
        h = content_hash(doc.text)
        for i, happening in enumerate(happenings):
            groups[happening].add(mention_key(h, i))
    return {frozenset(g) for g in groups.values()}


def snapshot(store: Store) -> list[tuple]:
    page = store.query_events(EventFilter(), limit=1000, sort="date")
    return sorted(
        (e.id, tuple(sorted(e.mention_keys)), e.fatalities.value if e.fatalities else None, e.sub_event_type)
        for e in page.items
    )


def test_store_merges_reports_of_the_same_happening(store: Store, corpus) -> None:
    add_all(store, corpus)
    page = store.query_events(EventFilter(), limit=1000)
    assert {frozenset(e.mention_keys) for e in page.items} == expected_groups(corpus)
    assert store.counts() == {"documents": 13, "mentions": 16, "canonical_events": 10}
    assert store.check() == []
    saada = next(e for e in page.items if e.n_reports == 3)
    assert saada.outlets == ["Al Masirah", "Reuters Arabic", "Saba"]
    assert (saada.fatalities.min, saada.fatalities.max, saada.fatalities.value) == (8, 12, 8)
    assert saada.event_date == dt.date(2015, 7, 20) and saada.date_precision == 1
    assert {s.name for s in saada.sources} == {"Medical source", "Residents"}
    assert sorted(saada.report_ids) == ["masirah-1", "reuters-1", "saba-1"]
    clash = next(e for e in page.items if e.event_type == "Battles" and e.n_reports == 2)
    assert (clash.fatalities.min, clash.fatalities.max) == (7, 20)
    assert {a.name for a in clash.actors1_all} == {"Islamic State", "Syrian Democratic Forces"}


def test_store_same_document_twice_is_stored_once(store: Store, corpus) -> None:
    add_all(store, corpus)
    before = snapshot(store), store.counts()
    doc, events, _ = corpus[0]
    # same text with other whitespace and diacritics, another id: the same document
    again = doc.model_copy(update={"id": "copy", "text": "  " + doc.text.replace(" ", "  ") + "\n"})
    result = store.add_document(again, events)
    assert result.created is False and result.document_id == "masirah-1"
    add_all(store, corpus)
    assert (snapshot(store), store.counts()) == before


def test_store_ingest_order_does_not_change_events(fresh_db: Callable[[], str], corpus) -> None:
    results = []
    for seed in (None, 7):  # reversed, then shuffled
        order = list(range(len(corpus)))[::-1]
        if seed is not None:
            random.Random(seed).shuffle(order)
        with Store(fresh_db()) as s:
            add_all(s, corpus, order)
            results.append(snapshot(s))
            assert s.check() == []
    assert results[0] == results[1]
    assert len(results[0]) == 10
    with Store(fresh_db()) as s:
        add_all(s, corpus)  # input order
        assert snapshot(s) == results[0]


def test_store_same_id_different_text_keeps_both(store: Store) -> None:
    a = store.add_document(Document(id="1", text="قصف على حلب"), [])
    b = store.add_document(Document(id="1", text="قصف على إدلب"), [])
    assert a.created and b.created and a.document_id == "1" and b.document_id.startswith("1~")
    assert store.get_document(b.document_id).text == "قصف على إدلب"


def test_store_filters(store: Store, corpus) -> None:
    add_all(store, corpus)

    def ids(**kw) -> int:
        return store.query_events(EventFilter(**kw), limit=100).total

    assert ids(country="YE") == ids(country="YEM") == ids(country="Yemen") == 4
    assert ids(country="SY") == 4 and ids(country="EG") == 2
    assert ids(event_type="Battles") == 2
    assert ids(sub_event_type="Arrests") == 2
    assert ids(date_from=dt.date(2022, 1, 1)) == 4
    assert ids(date_from=dt.date(2015, 7, 20), date_to=dt.date(2015, 7, 20)) == 3
    assert ids(actor="houthi") == 1
    assert ids(actor="Islamic") == 2
    assert ids(bbox=(29.0, 29.0, 32.0, 32.0)) == 2  # Cairo and Alexandria
    assert ids(admin1="idlib") == 1
    assert ids(min_confidence=0.85) == 1  # only the Aden shelling has 0.9
    # full text over the reports' documents, through normalize_key (hamza/ta marbuta folded)
    assert ids(q="الاسكندريه") == 2  # masrawy-1 reports Cairo and Alexandria
    assert ids(q="ضحيان") == 1
    assert ids(q="ضحيان عدن") == 0
    page = store.query_events(EventFilter(), limit=3, offset=0, sort="-fatalities")
    assert page.total == 10 and [e.fatalities.value for e in page.items] == [40, 8, 7]
    assert store.query_events(EventFilter(), limit=3, offset=9).items.__len__() == 1
    with pytest.raises(ValueError):
        store.query_events(EventFilter(), sort="colour")


def test_store_event_detail_documents_stats(store: Store, corpus) -> None:
    add_all(store, corpus)
    shelling = store.query_events(EventFilter(actor="Houthis")).items[0]
    detail = store.get_event(shelling.id)
    assert detail is not None and len(detail.reports) == 2
    assert {r.document_id for r in detail.reports} == {"adenghad-1", "saba-2"}
    for r in detail.reports:
        for span in r.event.evidence:
            assert r.text[span.start : span.end] == span.text
    assert store.get_event("ev_missing") is None

    docs = store.list_documents(limit=5)
    assert docs.total == 13 and len(docs.items) == 5
    assert store.list_documents(q="سراقب").items[0].id == "syriatv-1"
    stored = store.get_document("masrawy-1")
    assert stored is not None and [m.event.location.name for m in stored.mentions] == ["Cairo", "Alexandria"]
    assert store.get_document("nope") is None

    stats = store.stats(EventFilter(country="SY"))
    assert sum(r["count"] for r in stats["by_day"]) == 4
    assert {r["event_type"]: r["count"] for r in stats["by_type"]} == {
        "Battles": 2,
        "Strategic developments": 2,
    }
    assert stats["by_country"] == [{"country": "SY", "count": 4, "fatalities": 7}]
    assert stats["by_actor"][0] == {"actor": "Hayat Tahrir al-Sham", "count": 2}
    actors = {a["name"]: a for a in store.actors()}
    assert actors["Houthis"]["n_events"] == 1 and actors["Houthis"]["type"] == "Rebel group"
    assert actors["Civilians"]["n_events"] == 3


def test_store_feed_items(store: Store) -> None:
    assert not store.feed_item_seen("https://example.org/feed#1")
    store.mark_feed_item("https://example.org/feed#1")
    store.mark_feed_item("https://example.org/feed#1")
    assert store.feed_item_seen("https://example.org/feed#1")


def test_store_reopen_keeps_data_and_schema(db_url: str, corpus) -> None:
    with Store(db_url) as s:
        add_all(s, corpus[:3])
    with Store(db_url) as s:  # migrations are a no-op the second time
        assert s.counts()["documents"] == 3


def test_store_concurrent_writers_give_the_same_events(fresh_db: Callable[[], str], corpus) -> None:
    from concurrent.futures import ThreadPoolExecutor

    url = fresh_db()
    with Store(url) as s:
        pass  # migrate once, before the writers start

    def write(part: list[int]) -> None:
        with Store(url) as s:
            add_all(s, corpus, part)

    halves = [list(range(0, len(corpus), 2)), list(range(1, len(corpus), 2))]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(write, halves))
    with Store(url) as s:
        concurrent = snapshot(s)
        assert s.check() == []
    with Store(fresh_db()) as s:
        add_all(s, corpus)
        assert snapshot(s) == concurrent
