"""Counts by day, type, country and actor computed from the events themselves.

Adapter for a store bug: ``Store.stats`` fails with an actor filter (its actor ``EXISTS`` clause
is auto-correlated away inside the by-actor query). Until that is fixed the API falls back to this
for that one case; the result has the store's shape and order. Remove once ``Store.stats``
accepts ``EventFilter(actor=...)``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from rasd.store import CanonicalEvent


def stats_from_events(
    events: Iterable[CanonicalEvent], top_actors: int = 50
) -> dict[str, list[dict[str, Any]]]:
    n_day: Counter[str] = Counter()
    dead_day: Counter[str] = Counter()
    n_type: Counter[str] = Counter()
    dead_type: Counter[str] = Counter()
    n_country: Counter[str | None] = Counter()
    dead_country: Counter[str | None] = Counter()
    n_actor: Counter[str] = Counter()
    for ev in events:
        dead = ev.fatalities.value if ev.fatalities else 0
        country = ev.location.country.upper() if ev.location and ev.location.country else None
        if ev.event_date is not None:
            day = ev.event_date.isoformat()
            n_day[day] += 1
            dead_day[day] += dead
        n_type[ev.event_type] += 1
        dead_type[ev.event_type] += dead
        n_country[country] += 1
        dead_country[country] += dead
        for name in {a.name for a in (*ev.actors1_all, *ev.actors2_all)}:
            n_actor[name] += 1

    def by_count(counter: Counter) -> list:
        return sorted(counter, key=lambda k: (-counter[k], k is not None, k or ""))

    return {
        "by_day": [{"date": d, "count": n_day[d], "fatalities": dead_day[d]} for d in sorted(n_day)],
        "by_type": [
            {"event_type": t, "count": n_type[t], "fatalities": dead_type[t]} for t in by_count(n_type)
        ],
        "by_country": [
            {"country": c, "count": n_country[c], "fatalities": dead_country[c]} for c in by_count(n_country)
        ],
        "by_actor": [{"actor": a, "count": n_actor[a]} for a in by_count(n_actor)[:top_actors]],
    }
