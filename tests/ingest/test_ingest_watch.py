"""``rasd watch``: polls a feed served from 127.0.0.1 and stores new items once, in a real store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from rasd.cli.main import cli

from .conftest import Route, Server
from .pages import AR_PARAS, AR_TITLE, EN_PARAS, EN_TITLE, FR_PARAS, news_page, rss_feed


def _serve(server: Server, n_items: int) -> None:
    server.routes["/ar/1"] = Route(news_page(AR_TITLE, AR_PARAS).encode())
    server.routes["/fr/2"] = Route(news_page("Manifestation à Beyrouth", FR_PARAS, lang="fr").encode())
    server.routes["/en/3"] = Route(news_page(EN_TITLE, EN_PARAS, site="Levant Wire", lang="en").encode())
    items = [
        {"title": AR_TITLE, "link": server.url("/ar/1"), "date": "Wed, 22 Jul 2015 08:00:00 GMT"},
        {"title": "Manifestation", "link": server.url("/fr/2"), "date": "Wed, 22 Jul 2015 09:00:00 GMT"},
        {"title": "Lost", "link": server.url("/gone"), "date": "Wed, 22 Jul 2015 10:00:00 GMT"},
        {"title": EN_TITLE, "link": server.url("/en/3"), "date": "Thu, 23 Jul 2015 10:00:00 GMT"},
    ]
    server.routes["/feed"] = Route(
        rss_feed("أخبار الاختبار", items[:n_items]), content_type="application/rss+xml"
    )


def _watch(server: Server, db: str):
    return CliRunner().invoke(
        cli, ["watch", server.url("/feed"), "--once", "--db", db, "--delay", "0s", "--timeout", "2s"]
    )


def test_watch_once_stores_new_items_and_remembers_them(server: Server, tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'rasd.db'}"
    _serve(server, 3)
    first = _watch(server, db)
    assert first.exit_code == 1, first.output  # the item whose page is gone failed
    assert "3 new items, 1 stored, 0 duplicates, 1 skipped, 1 failed" in first.stdout
    assert "HTTP 404" in first.stderr

    _serve(server, 4)  # one more item appears
    second = _watch(server, db)
    # Only the new item and the failed one (tried again) are new; the stored and skipped are not.
    assert "2 new items, 1 stored, 0 duplicates, 0 skipped, 1 failed" in second.stdout
    assert server.hits("/ar/1") == 1 and server.hits("/fr/2") == 1 and server.hits("/gone") == 2

    from rasd.store import Store

    with Store(db) as store:
        docs = store.list_documents(limit=10)
        assert docs.total == 2
        stored = {d.url: d for d in docs.items}
    ar = stored[server.url("/ar/1")]
    assert str(ar.published) == "2015-07-22" and ar.outlet == "أخبار الاختبار"


def test_watch_stops_cleanly_on_ctrl_c(server: Server, tmp_path: Path):
    _serve(server, 1)
    proc = subprocess.Popen(
        [sys.executable, "-m", "rasd.cli", "watch", server.url("/feed"), "--every", "1h", "--delay", "0s"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "RASD_DB": f"sqlite:///{tmp_path / 'w.db'}", "PYTHONUNBUFFERED": "1"},
        text=True,
    )
    try:
        line = proc.stdout.readline()  # the first poll is done: now sleeping for an hour
        assert "1 new items, 1 stored" in line
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "stopped" in err and "Traceback" not in err


def test_an_unchanged_feed_costs_a_304_and_no_parsing(server: Server, tmp_path: Path):
    from rasd.ingest import Fetcher
    from rasd.ingest.watch import poll_once
    from rasd.pipeline import Pipeline
    from rasd.store import Store

    from .conftest import FAST

    server.routes["/feed"] = Route(
        rss_feed("أخبار الاختبار", []), content_type="application/rss+xml", etag='"a"'
    )
    validators: dict = {}
    with Store(f"sqlite:///{tmp_path / 'v.db'}") as store, Fetcher(FAST) as fetcher:
        first = poll_once([server.url("/feed")], store, Pipeline(), fetcher, validators=validators)
        second = poll_once([server.url("/feed")], store, Pipeline(), fetcher, validators=validators)
    assert (first.feeds, first.unchanged, first.new, first.failed) == (1, 0, 0, [])
    assert (second.unchanged, second.new, second.failed) == (1, 0, [])
    assert validators == {server.url("/feed"): ('"a"', None)}
