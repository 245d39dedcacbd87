"""WARC archives written with warcio: mixed records, one gzip member per record, damage."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from rasd.ingest import Failure, ReadOptions, read_inputs
from rasd.records import Document

from .pages import (
    AR_PARAS,
    AR_TITLE,
    BOILERPLATE,
    EN_PARAS,
    EN_TITLE,
    gzip_members,
    news_page,
    warc_records,
    with_content_length,
)


def _archive() -> list[bytes]:
    return warc_records(
        [
            ("warcinfo", {}),
            ("request", {"url": "https://news.example.org/ar/1"}),
            (
                "response",
                {"url": "https://news.example.org/ar/1", "body": news_page(AR_TITLE, AR_PARAS).encode()},
            ),
            (
                "response",
                {"url": "https://news.example.org/logo.png", "body": b"\x89PNG\r\n", "type": "image/png"},
            ),
            (
                "response",
                {"url": "https://news.example.org/old", "body": b"", "status": "301 Moved Permanently"},
            ),
            (
                "response",
                {
                    "url": "https://www.levantwire.example/en/2",
                    "body": news_page(EN_TITLE, EN_PARAS, site=None, published=None, lang="en").encode(),
                    "warc_date": "2016-08-27T06:10:00Z",
                },
            ),
        ]
    )


def read(path: Path) -> list[Document | Failure]:
    return list(read_inputs([str(path)], options=ReadOptions()))


def _check_good(ar: Document, en: Document) -> None:
    assert ar.id == ar.url == "https://news.example.org/ar/1"
    assert ar.text.startswith(AR_TITLE) and all(p in ar.text for p in AR_PARAS)
    assert not any(b in ar.text for b in BOILERPLATE)
    assert ar.published == dt.date(2015, 7, 21)  # the page's meta tag, trusted before WARC-Date
    assert ar.outlet == "شبكة الأنباء"
    assert en.published == dt.date(2016, 8, 27)  # no meta date: WARC-Date
    assert en.outlet == "levantwire.example"  # no site name: the domain
    assert en.text.startswith(EN_TITLE)


def test_warc_gz_with_mixed_records_gives_the_html_pages(tmp_path: Path):
    (tmp_path / "news.warc.gz").write_bytes(gzip_members(_archive()))
    items = read(tmp_path / "news.warc.gz")
    assert [type(i) for i in items] == [Document, Document]
    _check_good(*items)


def test_uncompressed_warc(tmp_path: Path):
    (tmp_path / "news.warc").write_bytes(b"".join(_archive()))
    _check_good(*read(tmp_path / "news.warc"))


def test_truncated_gzip_keeps_the_records_before_and_says_where_it_stopped(tmp_path: Path):
    data = gzip_members(_archive())
    (tmp_path / "cut.warc.gz").write_bytes(data[:-150])  # the last page's member is cut
    (tmp_path / "next.warc.gz").write_bytes(data)
    items = read(tmp_path / "cut.warc.gz") + read(tmp_path / "next.warc.gz")
    assert [type(i) for i in items] == [Document, Failure, Document, Document]
    assert items[0].id == "https://news.example.org/ar/1"
    assert (
        items[1].id == "https://www.levantwire.example/en/2"
        and "shorter than its Content-Length" in items[1].message
    )


def test_a_record_with_a_wrong_content_length_is_reported_and_reading_resumes(tmp_path: Path):
    for bad in (b"40", b"9999999", b"twelve"):
        records = _archive()
        records[2] = with_content_length(records[2], bad)
        for name, data in (("bad.warc.gz", gzip_members(records)), ("bad.warc", b"".join(records))):
            (tmp_path / name).write_bytes(data)
            items = read(tmp_path / name)
            kinds = [type(i) for i in items]
            assert kinds == [Failure, Document], (bad, name, items)
            assert items[0].id == "https://news.example.org/ar/1", (bad, name)
            assert "Content-Length" in items[0].message, (bad, name)
            parts = [gzip.compress(r) for r in records] if name.endswith(".gz") else records
            assert f"@{sum(len(p) for p in parts[:2])} " in items[0].where  # the bad record's own offset
            assert items[1].id == "https://www.levantwire.example/en/2"


def test_an_oversized_page_record_is_refused(tmp_path: Path):
    big = news_page(AR_TITLE, AR_PARAS * 400).encode()
    records = warc_records([("response", {"url": "https://e.org/big", "body": big})]) + _archive()
    (tmp_path / "big.warc.gz").write_bytes(gzip_members(records))
    items = list(read_inputs([str(tmp_path / "big.warc.gz")], options=ReadOptions(max_bytes=len(big) - 1)))
    assert [type(i) for i in items] == [Failure, Document, Document]
    assert "too large" in items[0].message
