"""The dashboard in real headless Chromium over the corpus: map, markers, timeline, event view."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .conftest import LiveServer
from .corpus import D1_S1, N_EVENTS

CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).resolve().parents[2] / "test-output"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"{CHROMIUM} is not installed"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright  # imported here: only browser tests need it

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, read_server: LiveServer):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(15000)
    origin = urlparse(read_server.url).netloc
    pg.foreign_requests = []
    pg.console_errors = []
    pg.on("request", lambda r: urlparse(r.url).netloc != origin and pg.foreign_requests.append(r.url))
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("response", lambda r: r.status >= 400 and pg.console_errors.append(f"{r.status} {r.url}"))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    yield pg
    context.close()


def _marker_total(pg) -> int:  # noqa: ANN001
    # Markers may be grouped into clusters; a cluster's label is how many markers it holds.
    singles = pg.locator(".rasd-marker").count()
    clustered = sum(int(t) for t in pg.locator(".marker-cluster span").all_inner_texts())
    return singles + clustered


def test_dashboard_map_timeline_and_event_view(page, read_server: LiveServer) -> None:  # noqa: ANN001
    page.goto(read_server.url + "/")
    page.wait_for_selector("body[data-loaded='true']")
    page.wait_for_selector("#map[data-base-layer='ready']")

    # Country boundaries are drawn from the bundled TopoJSON (SVG paths), not from a tile server.
    assert page.locator("#map path.leaflet-interactive, #map svg path").count() > 100
    # One marker per event with coordinates (the Sudan event is country-level).
    assert page.locator("#map").get_attribute("data-markers") == str(N_EVENTS - 1)
    assert _marker_total(page) == N_EVENTS - 1
    # Markers are coloured by event type (the legend's colours).
    protest = page.locator(".rasd-marker[data-event-type='Protests'] .dot")
    assert "#2ca02c" in (protest.get_attribute("style") or "")
    battle = page.locator(".rasd-marker[data-event-type='Battles'] .dot")
    assert "#d62728" in (battle.get_attribute("style") or "")
    # The timeline has a bar per (day, type) present: 2026-11-19 shelling, 11-20 arrests,
    # 11-22 air strike, 11-23 protest + clash, 11-24 Sudan.
    assert page.locator("#timeline-chart rect.bar").count() == 6
    assert page.locator("#event-list .event-item").count() == N_EVENTS
    assert "6 of 6" in page.locator("#status").inner_text()

    # Open the shelling reported by two outlets: both texts, right-to-left, evidence highlighted.
    page.locator(".event-item", has_text="Explosions/Remote violence").filter(has_text="Kafr Nabl").click()
    detail = page.locator("#detail")
    detail.wait_for(state="visible")
    reports = detail.locator("article.report")
    assert reports.count() == 2
    assert detail.locator(".doc-text[dir='rtl']").count() == 2
    marks = detail.locator("mark.evidence").all_inner_texts()
    assert D1_S1 in "".join(marks)
    # Argument words inside the evidence are marked too.
    args = detail.locator("mark.evidence .arg").all_inner_texts()
    assert "كفرنبل" in args and "قوات النظام" in args and "ثلاثة مدنيين" in args
    # Claims per source: the monitor's and the local sources' differing tolls.
    claims = detail.locator("table.claims").inner_text()
    assert "Syrian Observatory for Human Rights" in claims and "Local sources" in claims
    assert "Fatalities: 3" in claims and "Fatalities: 4" in claims
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "dashboard-event.png"))

    # Filtering redraws everything from the API.
    detail.locator("#detail-close").click()
    page.locator("select[name=event_type]").select_option("Protests")
    page.locator("#filters button[type=submit]").click()
    expect(page.locator("#event-list .event-item")).to_have_count(1)
    assert page.locator("#map").get_attribute("data-markers") == "1"
    assert page.locator("#timeline-chart rect.bar").count() == 1
    assert "event_type=Protests" in page.url

    # A click on a day's bar narrows the view to that day.
    page.locator("#filters button[type=reset]").click()
    expect(page.locator("#event-list .event-item")).to_have_count(N_EVENTS)
    page.locator("#timeline-chart rect.bar[data-day='2026-11-23']").first.click()
    expect(page.locator("#event-list .event-item")).to_have_count(2)
    assert page.locator("input[name=date_from]").input_value() == "2026-11-23"
    # The actor field suggests stored actors.
    assert "Islamic State" in page.locator("#actor-options").inner_html()

    assert page.foreign_requests == []
    assert page.console_errors == []


def test_dashboard_arabic_interface(page, read_server: LiveServer) -> None:  # noqa: ANN001
    page.goto(read_server.url + "/")
    page.wait_for_selector("body[data-loaded='true']")
    page.locator("#lang-toggle").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("#filters h2").inner_text() == "التصفية"
    assert "معارك" in page.locator("#legend").inner_text()
    page.locator(".event-item", has_text="Baghdad").click()
    page.locator("#detail").wait_for(state="visible")
    assert page.locator("#detail h2").inner_text() == "احتجاجات — احتجاج سلمي"
    page.wait_for_selector("#map[data-base-layer='ready']")
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "dashboard-arabic.png"))
    # The choice is remembered.
    page.reload()
    page.wait_for_selector("body[data-loaded='true']")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.foreign_requests == []
    assert page.console_errors == []


def test_api_docs_render_offline(page, read_server: LiveServer) -> None:  # noqa: ANN001
    page.goto(read_server.url + "/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    assert page.locator(".swagger-ui .opblock").count() >= 10
    assert page.foreign_requests == []
