"""The Fetcher against a real server on 127.0.0.1: user agent, retries, timeouts, size cap, politeness."""

from __future__ import annotations

import dataclasses

import pytest

from rasd.ingest import Failure, Fetcher, FetchError, ReadOptions, read_inputs
from rasd.records import Document

from .conftest import FAST, Route, Server
from .pages import AR_PARAS, AR_TITLE, news_page


def test_user_agent_names_rasd(server: Server):
    server.routes["/p"] = Route(news_page(AR_TITLE, AR_PARAS).encode())
    with Fetcher(FAST) as f:
        resp = f.get(server.url("/p"))
    assert resp.status == 200 and resp.content_type == "text/html" and resp.charset == "utf-8"
    assert server.requests[0][1].startswith("Rasd/")


def test_http_500_is_retried_with_backoff_then_reported(server: Server):
    server.routes["/down"] = Route(b"oops", status=500)
    waits: list[float] = []
    settings = dataclasses.replace(FAST, retries=2, backoff=0.5)
    with (
        Fetcher(settings, sleep=waits.append) as f,
        pytest.raises(FetchError, match="HTTP 500.*after 3 tries"),
    ):
        f.get(server.url("/down"))
    assert server.hits("/down") == 3
    assert waits == [0.5, 1.0]  # exponential backoff


def test_retry_after_of_a_429_is_believed_up_to_a_cap(server: Server):
    server.routes["/busy"] = Route(b"slow down", status=429, headers={"Retry-After": "7"})
    server.routes["/busier"] = Route(b"slow down", status=503, headers={"Retry-After": "86400"})
    waits: list[float] = []
    with Fetcher(dataclasses.replace(FAST, retries=1, backoff=0.5), sleep=waits.append) as f:
        for path in ("/busy", "/busier"):
            with pytest.raises(FetchError, match="HTTP"):
                f.get(server.url(path))
    assert waits == [7.0, 60.0]


def test_conditional_get_with_an_etag(server: Server):
    server.routes["/feed"] = Route(b"<rss/>", content_type="application/rss+xml", etag='"v1"')
    with Fetcher(FAST) as f:
        first = f.get(server.url("/feed"))
        again = f.get(server.url("/feed"), etag=first.etag)
        server.routes["/feed"].etag = '"v2"'  # the feed changed
        changed = f.get(server.url("/feed"), etag=first.etag)
    assert first.etag == '"v1"' and not first.not_modified and first.body == b"<rss/>"
    assert again.not_modified and again.body == b""
    assert not changed.not_modified and changed.etag == '"v2"'


def test_http_404_is_not_retried(server: Server):
    with Fetcher(FAST) as f, pytest.raises(FetchError, match="HTTP 404"):
        f.get(server.url("/missing"))
    assert server.hits("/missing") == 1


def test_timeout_is_retried_then_reported(server: Server):
    server.routes["/slow"] = Route(b"late", delay=1.0)
    settings = dataclasses.replace(FAST, timeout=0.2, retries=1)
    with Fetcher(settings) as f, pytest.raises(FetchError, match="timed out"):
        f.get(server.url("/slow"))
    assert server.hits("/slow") == 2


def test_declared_50_mb_page_is_refused_before_reading(server: Server):
    server.routes["/big"] = Route(b"<html></html>", content_length=50_000_000)
    with Fetcher(FAST) as f, pytest.raises(FetchError, match="too large: 50,000,000 bytes"):
        f.get(server.url("/big"))


def test_undeclared_50_mb_page_is_cut_off_at_the_cap_while_streaming(server: Server):
    def endless() -> list[bytes]:
        return (b"<p>" + b"x" * 65_530 + b"</p>" for _ in range(50_000_000 // 65_536))

    server.routes["/stream"] = Route(endless, content_length=-1)
    with Fetcher(FAST) as f, pytest.raises(FetchError, match="more than the cap of 10,000,000 bytes"):
        f.get(server.url("/stream"))


def test_politeness_delay_is_per_host(server: Server):
    server.routes["/a"] = Route(b"a")
    waits: list[float] = []
    now = [100.0]
    settings = dataclasses.replace(FAST, delay=5.0)
    with Fetcher(settings, sleep=waits.append, clock=lambda: now[0]) as f:
        f.get(server.url("/a"))
        now[0] += 2.0
        f.get(server.url("/a"))  # same host 2 s later: waits the 3 s left
        f.get(server.url("/a").replace("127.0.0.1", "localhost"))  # another host: no wait
    assert waits == [3.0]


def test_urls_in_read_inputs_give_documents_and_per_url_errors(server: Server):
    server.routes["/ok"] = Route(news_page(AR_TITLE, AR_PARAS).encode())
    server.routes["/err"] = Route(b"no", status=500)
    server.routes["/img"] = Route(b"\x89PNG...", content_type="image/png")
    opts = ReadOptions(fetch=dataclasses.replace(FAST, retries=0))
    items = list(
        read_inputs(
            [server.url("/ok"), server.url("/err"), server.url("/img"), server.url("/ok")], options=opts
        )
    )
    assert [type(i) for i in items] == [Document, Failure, Failure, Document]
    assert (
        items[0].id == server.url("/ok")
        and items[0].url == server.url("/ok")
        and items[0].text.startswith(AR_TITLE)
    )
    assert "HTTP 500" in items[1].message
    assert "unsupported content type 'image/png'" in items[2].message
