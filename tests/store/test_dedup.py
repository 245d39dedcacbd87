"""De-duplication rules as pure functions (no database)."""

from __future__ import annotations

import datetime as dt

from rasd.records import Actor, Count, Event, EventDate, Location
from rasd.store import dedup

SAADA = Location(name="Sa'dah", lat=16.94021, lon=43.76393, admin1="Sa'dah", country="YE", precision=1)


def ev(
    date: str | None = "2015-07-20",
    precision: int = 1,
    location: Location | None = SAADA,
    actor1: str | None = "Saudi-led Coalition",
    actor2: str | None = None,
    event_type: str = "Explosions/Remote violence",
    sub: str = "Air/drone strike",
    fatalities: int | None = None,
) -> Event:
    return Event(
        event_type=event_type,
        sub_event_type=sub,
        date=EventDate(value=date, precision=precision),
        location=location,
        actor1=Actor(name=actor1) if actor1 else None,
        actor2=Actor(name=actor2) if actor2 else None,
        fatalities=Count(value=fatalities) if fatalities is not None else None,
    )


def facts(e: Event, doc: str = "d1", i: int = 0) -> dedup.Facts:
    return dedup.facts_of(e, dedup.mention_key(doc, i), doc)


def test_dedup_dates_within_precision() -> None:
    base = facts(ev("2015-07-20"))
    assert dedup.compatible(base, facts(ev("2015-07-21"), "d2"))
    assert not dedup.compatible(base, facts(ev("2015-07-22"), "d2"))
    # precision 2 (within a week) on either side widens the window to 7 days
    assert dedup.compatible(base, facts(ev("2015-07-27", precision=2), "d2"))
    assert not dedup.compatible(base, facts(ev("2015-07-28", precision=2), "d2"))
    # precision 3: the same calendar month, whatever the distance in days
    assert dedup.compatible(base, facts(ev("2015-07-01", precision=3), "d2"))
    assert not dedup.compatible(facts(ev("2015-07-31")), facts(ev("2015-08-01", precision=3), "d2"))
    # no date value matches nothing
    assert not dedup.compatible(base, facts(ev(None), "d2"))


def test_dedup_places_distance_admin1_and_country() -> None:
    base = facts(ev())
    dahyan = Location(name="Dahyan", lat=17.04, lon=43.63, admin1="Sa'dah", country="YE")
    assert dedup.haversine_km(16.94021, 43.76393, 17.04, 43.63) < 25
    assert dedup.compatible(base, facts(ev(location=dahyan), "d2"))
    sanaa = Location(name="Sanaa", lat=15.35472, lon=44.20667, admin1="Sanaa", country="YE")
    assert not dedup.compatible(base, facts(ev(location=sanaa), "d2"))
    province = Location(
        name="Sa'dah Governorate", lat=16.9, lon=43.7, admin1="Sa'dah", country="YE", precision=3
    )
    assert dedup.compatible(base, facts(ev(location=province), "d2"))
    other_province = Location(name="Hajjah", lat=15.7, lon=43.6, admin1="Hajjah", country="YE", precision=3)
    assert not dedup.compatible(base, facts(ev(location=other_province), "d2"))
    # the same coordinates in another country never match (bad geocoding on one side)
    assert not dedup.compatible(base, facts(ev(location=SAADA.model_copy(update={"country": "SA"})), "d2"))
    # without coordinates, the same normalized place name matches
    bare = Location(name="صعدة")
    assert dedup.compatible(facts(ev(location=bare)), facts(ev(location=Location(name="صَعْدة")), "d2"))
    # no location matches nothing
    assert not dedup.compatible(base, facts(ev(location=None), "d2"))


def test_dedup_actors_same_or_missing_and_battles_undirected() -> None:
    base = facts(ev(actor1="Saudi-led Coalition"))
    assert dedup.compatible(base, facts(ev(actor1=None), "d2"))
    assert not dedup.compatible(base, facts(ev(actor1="Houthis"), "d2"))
    battle = {"event_type": "Battles", "sub": "Armed clash"}
    a = facts(ev(actor1="Islamic State", actor2="Syrian Democratic Forces", **battle))
    b = facts(ev(actor1="Syrian Democratic Forces", actor2="Islamic State", **battle), "d2")
    assert dedup.compatible(a, b) and dedup.compatible(b, a)


def test_dedup_never_merges_mentions_of_one_document() -> None:
    assert not dedup.compatible(facts(ev(), "d1", 0), facts(ev(), "d1", 1))
    clusters = dedup.cluster([facts(ev(), "d1", 0), facts(ev(), "d1", 1), facts(ev(), "d2", 0)])
    assert sorted(len(c) for c in clusters) == [1, 2]


def test_dedup_cluster_is_complete_link_and_order_independent() -> None:
    # d1 and d3 are 2 days apart (not compatible); d2 sits between them. Single-link would chain
    # all three into one event; complete-link keeps d3 apart.
    ms = [facts(ev("2015-07-20"), "d1"), facts(ev("2015-07-21"), "d2"), facts(ev("2015-07-22"), "d3")]
    clusters = dedup.cluster(ms)
    assert [[f.doc for f in c] for c in clusters] == [["d1", "d2"], ["d3"]]
    assert [[f.key for f in c] for c in dedup.cluster(list(reversed(ms)))] == [
        [f.key for f in c] for c in clusters
    ]


def test_dedup_merge_keeps_disagreement() -> None:
    members = [
        dedup.Member(facts(ev(fatalities=10), "d1"), ev(fatalities=10), "doc-1", "Al Masirah"),
        dedup.Member(
            facts(ev(fatalities=12, actor1=None), "d2"), ev(fatalities=12, actor1=None), "doc-2", "Saba"
        ),
        dedup.Member(
            facts(ev("2015-07-22", precision=2, fatalities=8), "d3"),
            ev("2015-07-22", precision=2, fatalities=8),
            "doc-3",
            "Reuters",
        ),
    ]
    merged = dedup.merge(members)
    assert merged.fatalities is not None
    assert (merged.fatalities.min, merged.fatalities.max, merged.fatalities.value) == (8, 12, 8)
    assert merged.event_date == dt.date(2015, 7, 20) and merged.date_precision == 1
    assert merged.n_reports == 3 and merged.outlets == ["Al Masirah", "Reuters", "Saba"]
    assert merged.actor1 is not None and merged.actor1.name == "Saudi-led Coalition"
    assert merged.id == dedup.canonical_id(m.facts for m in members)
    assert "8 killed (reports: 8-12)" in merged.notes
    # the id depends only on the members, not on their order
    assert dedup.merge(list(reversed(members))) == merged
