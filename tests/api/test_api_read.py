"""Read endpoints over a real server: filters, pagination, sorting, details, GeoJSON, stats."""

from __future__ import annotations

import httpx
import pytest

from .corpus import D1, D1_S1, N_DOCUMENTS, N_EVENTS


def events(api: httpx.Client, **params: object) -> dict:
    r = api.get("/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def types(page: dict) -> list[str]:
    return sorted(e["sub_event_type"] for e in page["items"])


def test_health_and_openapi(api: httpx.Client) -> None:
    assert api.get("/health").json()["status"] == "ok"
    spec = api.get("/openapi.json").json()
    assert {"/events", "/events.geojson", "/events/{event_id}", "/documents", "/stats", "/actors"} <= set(
        spec["paths"]
    )
    assert "X-API-Key" in str(spec["components"]["securitySchemes"])
    docs = api.get("/docs")
    assert docs.status_code == 200
    # Swagger UI comes from the vendored copy, not a CDN: the docs work offline.
    assert "/static/vendor/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text
    assert api.get("/static/vendor/swagger-ui-bundle.js").status_code == 200


def test_events_all_merged_across_reports(api: httpx.Client) -> None:
    page = events(api)
    assert page["total"] == N_EVENTS
    shelling = [e for e in page["items"] if e["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert len(shelling) == 1
    assert shelling[0]["n_reports"] == 2
    # The conservative figure is the lowest reported; the disagreement is kept.
    assert shelling[0]["fatalities"]["value"] == 3
    assert shelling[0]["fatalities"]["max"] == 4


def test_events_default_sort_is_newest_first(api: httpx.Client) -> None:
    dates = [e["event_date"] for e in events(api)["items"]]
    assert dates == sorted(dates, reverse=True)
    dates = [e["event_date"] for e in events(api, sort="date")["items"]]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "SY"}, ["Armed clash", "Shelling/artillery/missile attack"]),
        ({"admin1": "Idlib"}, ["Shelling/artillery/missile attack"]),
        (
            {"event_type": "Explosions/Remote violence"},
            ["Air/drone strike", "Shelling/artillery/missile attack"],
        ),
        ({"sub_event_type": "Peaceful protest"}, ["Peaceful protest"]),
        ({"actor": "coalition"}, ["Air/drone strike"]),
        ({"actor": "Islamic State"}, ["Armed clash"]),
        (
            {"date_from": "2026-11-22", "date_to": "2026-11-23"},
            ["Air/drone strike", "Armed clash", "Peaceful protest"],
        ),
        ({"date_to": "2026-11-19"}, ["Shelling/artillery/missile attack"]),
        ({"bbox": "35,32,42,37.5"}, ["Armed clash", "Shelling/artillery/missile attack"]),
        ({"bbox": "5,30,20,40"}, ["Arrests"]),
        ({"min_confidence": 0.8}, ["Air/drone strike", "Shelling/artillery/missile attack"]),
        ({"q": "بغداد"}, ["Peaceful protest"]),
        ({"q": "rioting"}, ["Arrests"]),
        ({"country": "SY", "event_type": "Battles"}, ["Armed clash"]),
        ({"country": "YE", "event_type": "Battles"}, []),
        ({"country": ""}, None),  # an empty field means no filter
    ],
)
def test_events_filters(api: httpx.Client, params: dict, expected: list[str] | None) -> None:
    page = events(api, **params)
    if expected is None:
        assert page["total"] == N_EVENTS
    else:
        assert types(page) == expected
        assert page["total"] == len(expected)


def test_events_pagination_covers_everything_once(api: httpx.Client) -> None:
    seen: list[str] = []
    for offset in range(0, N_EVENTS + 2, 2):
        page = events(api, limit=2, offset=offset)
        assert page["total"] == N_EVENTS
        assert page["limit"] == 2 and page["offset"] == offset
        assert len(page["items"]) == max(0, min(2, N_EVENTS - offset))
        seen += [e["id"] for e in page["items"]]
    assert len(seen) == len(set(seen)) == N_EVENTS
    assert seen == [e["id"] for e in events(api)["items"]]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 5000},
        {"offset": -1},
        {"limit": "ten"},
        {"sort": "colour"},
        {"date_from": "2026-13-01"},
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "40,10,30,20"},
        {"bbox": "0,-95,10,10"},
        {"min_confidence": 2},
        {"q": "x" * 500},
        {"actor": "a\x00b"},
    ],
)
def test_events_bad_parameters_are_4xx_with_a_message(api: httpx.Client, params: dict) -> None:
    r = api.get("/events", params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body.get("message") or body.get("detail")


def test_event_detail_has_reports_text_and_evidence(api: httpx.Client) -> None:
    page = events(api, sub_event_type="Shelling/artillery/missile attack")
    detail = api.get(f"/events/{page['items'][0]['id']}").json()
    assert len(detail["reports"]) == 2
    by_doc = {r["document_id"]: r for r in detail["reports"]}
    report = next(r for r in detail["reports"] if r["text"] == D1)
    assert report["outlet"] == "Outlet A"
    spans = report["event"]["evidence"]
    assert [s["text"] for s in spans][0] == D1_S1
    for r in by_doc.values():
        for s in r["event"]["evidence"]:
            assert r["text"][s["start"] : s["end"]] == s["text"]
    claimed = sorted(r["event"]["fatalities"]["value"] for r in detail["reports"])
    assert claimed == [3, 4]


def test_event_detail_unknown_is_404(api: httpx.Client) -> None:
    r = api.get("/events/no-such-event")
    assert r.status_code == 404
    assert "no-such-event" in r.json()["detail"]


def test_geojson_points_for_located_events_only(api: httpx.Client) -> None:
    r = api.get("/events.geojson")
    assert r.status_code == 200
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    # The Sudan event is country-level (no coordinates), so it is not a point.
    assert len(fc["features"]) == N_EVENTS - 1
    by_type = {f["properties"]["sub_event_type"]: f for f in fc["features"]}
    assert by_type["Arrests"]["geometry"] == {"type": "Point", "coordinates": [10.16579, 36.81897]}
    assert by_type["Arrests"]["properties"]["country"] == "TN"
    assert len(api.get("/events.geojson", params={"country": "IQ"}).json()["features"]) == 1


def test_documents_list_search_and_detail(api: httpx.Client) -> None:
    page = api.get("/documents", params={"limit": 3}).json()
    assert page["total"] == N_DOCUMENTS
    assert len(page["items"]) == 3
    found = api.get("/documents", params={"q": "صعدة"}).json()
    assert found["total"] == 1
    doc_id = found["items"][0]["id"]
    doc = api.get(f"/documents/{doc_id}").json()
    assert "صعدة" in doc["text"]
    assert [m["event"]["sub_event_type"] for m in doc["mentions"]] == ["Air/drone strike"]
    assert api.get("/documents/nope").status_code == 404


def test_stats_count_by_type_and_country(api: httpx.Client) -> None:
    stats = api.get("/stats").json()
    assert {"by_day", "by_type", "by_country", "by_actor"} <= set(stats)
    flat = str(stats["by_type"])
    assert "Explosions/Remote violence" in flat and "Protests" in flat
    only_sy = api.get("/stats", params={"country": "SY"}).json()
    assert "Protests" not in str(only_sy["by_type"])


def test_actors_lists_stored_actors(api: httpx.Client) -> None:
    names = str(api.get("/actors").json())
    assert "Saudi-led Coalition" in names and "Islamic State" in names


def test_stats_with_actor_filter(api: httpx.Client) -> None:
    stats = api.get("/stats", params={"actor": "Islamic State"}).json()
    assert [(r["event_type"], r["count"], r["fatalities"]) for r in stats["by_type"]] == [("Battles", 1, 7)]
    assert {r["actor"] for r in stats["by_actor"]} == {"Islamic State", "Syrian Democratic Forces"}
    assert stats["by_day"] == [{"date": "2026-11-23", "count": 1, "fatalities": 7}]


def test_stats_adapter_matches_the_store(backend_server) -> None:  # noqa: ANN001
    from rasd.api.stats_adapter import stats_from_events
    from rasd.store import EventFilter

    for f in (EventFilter(), EventFilter(country="SY"), EventFilter(event_type="Explosions/Remote violence")):
        store = backend_server.store
        assert stats_from_events(store.iter_events(f)) == store.stats(f)
