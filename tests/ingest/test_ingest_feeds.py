"""RSS and Atom feeds served from 127.0.0.1, linking to pages served there too."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from rasd.ingest import Failure, ReadOptions, read_inputs
from rasd.records import Document

from .conftest import FAST, Route, Server
from .pages import AR_PARAS, AR_TITLE, BOILERPLATE, EN_PARAS, EN_TITLE, atom_feed, news_page, rss_feed

OPTS = ReadOptions(fetch=dataclasses.replace(FAST, retries=0))


def _site(server: Server) -> None:
    # The page's own meta date (2015-07-21) is older than the item's: the item's date must win.
    server.routes["/ar/1"] = Route(news_page(AR_TITLE, AR_PARAS).encode())
    server.routes["/en/2"] = Route(
        news_page(EN_TITLE, EN_PARAS, site="Levant Wire", published=None, lang="en").encode()
    )
    server.routes["/broken/3"] = Route(b"server error", status=500)


def _items(server: Server) -> list[dict]:
    return [
        {"title": AR_TITLE, "link": server.url("/ar/1"), "date": "Wed, 22 Jul 2015 08:00:00 GMT"},
        {"title": EN_TITLE, "link": server.url("/en/2"), "date": "Mon, 07 Mar 2016 12:00:00 GMT"},
        {
            "title": "اشتباكات في صعدة",
            "link": server.url("/broken/3"),
            "date": "Tue, 08 Mar 2016 12:00:00 GMT",
            "summary": "<p>قال سكان إن اشتباكات اندلعت بين مسلحين قبليين وقوات الأمن في مدينة صعدة مساء الاثنين.</p>",
        },
        {
            "title": "No content anywhere",
            "link": server.url("/gone/4"),
            "date": "Tue, 08 Mar 2016 13:00:00 GMT",
        },
    ]


def _check(items: list, server: Server) -> None:
    ar, en, fallback, gone = items
    assert isinstance(ar, Document) and ar.id == server.url("/ar/1")
    assert ar.text.startswith(AR_TITLE) and all(p in ar.text for p in AR_PARAS)
    assert not any(b in ar.text for b in BOILERPLATE)
    assert ar.published == dt.date(2015, 7, 22)  # the item's date, trusted before the page's meta tag
    assert ar.outlet == "أخبار الاختبار"  # the feed's title names the outlet
    assert ar.language == "ar"
    assert isinstance(en, Document) and en.published == dt.date(2016, 3, 7) and en.language == "en"
    assert en.text.startswith(EN_TITLE) and EN_PARAS[1] in en.text
    # The page failed (HTTP 500): the item's own summary is used, headed by its title.
    assert isinstance(fallback, Document) and fallback.text.startswith("اشتباكات في صعدة\nقال سكان")
    assert isinstance(gone, Failure) and "HTTP 404" in gone.message and "no content" in gone.message


def test_rss_feed_from_a_url_fetches_each_items_page(server: Server):
    _site(server)
    server.routes["/rss.xml"] = Route(
        rss_feed("أخبار الاختبار", _items(server)), content_type="application/rss+xml"
    )
    items = list(read_inputs([server.url("/rss.xml")], options=OPTS))
    _check(items, server)


def test_atom_feed_served_as_plain_xml_is_recognised_by_sniffing(server: Server):
    _site(server)
    atom_items = [
        {**it, "date": d}
        for it, d in zip(
            _items(server),
            ["2015-07-22T08:00:00Z", "2016-03-07T12:00:00Z", "2016-03-08T12:00:00Z", "2016-03-08T13:00:00Z"],
            strict=True,
        )
    ]
    server.routes["/atom"] = Route(atom_feed("أخبار الاختبار", atom_items), content_type="text/xml")
    items = list(read_inputs([server.url("/atom")], options=OPTS))
    _check(items, server)


def test_feed_file_offline_uses_item_content_only(tmp_path: Path, server: Server):
    _site(server)
    (tmp_path / "feed.rss").write_bytes(rss_feed("أخبار الاختبار", _items(server)))
    items = list(
        read_inputs([str(tmp_path / "feed.rss")], options=dataclasses.replace(OPTS, fetch_pages=False))
    )
    assert server.requests == []  # offline: nothing fetched
    assert [type(i) for i in items] == [Failure, Failure, Document, Failure]
    assert "no page fetched and the item has no content" in items[0].message
    assert items[2].published == dt.date(2016, 3, 8) and items[2].outlet == "أخبار الاختبار"


def test_a_feed_that_is_not_xml_is_one_clear_error_and_the_run_goes_on(server: Server, tmp_path: Path):
    server.routes["/feed.json"] = Route(b'{"this": "is not a feed"}', content_type="application/rss+xml")
    (tmp_path / "feed.xml").write_bytes(b"\x00\x01 not xml at all")
    (tmp_path / "after.txt").write_text(" ".join(AR_PARAS), "utf-8")
    items = list(
        read_inputs(
            [server.url("/feed.json"), str(tmp_path / "feed.xml"), str(tmp_path / "after.txt")], options=OPTS
        )
    )
    assert [type(i) for i in items] == [Failure, Failure, Document]
    assert all("not an RSS/Atom feed" in i.message for i in items[:2])
