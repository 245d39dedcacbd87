"""Write endpoints over a real server: the key, limits, validation, idempotent storing."""

from __future__ import annotations

import json

import pytest

from rasd.pipeline import default_pipeline

from .conftest import API_KEY, LiveServer

KEY = {"X-API-Key": API_KEY}
DOC = {
    "id": "w1",
    "text": "قتل مدنيان وأصيب ثلاثة آخرون في غارة جوية استهدفت سوقًا شعبية في مدينة إدلب أمس.",
    "published": "2026-11-25",
    "outlet": "Outlet W",
}


@pytest.fixture(scope="module")
def extractor_ready() -> None:
    # Storing goes through the real extractor, which is built concurrently; until its resources
    # (the trained tagger) exist, extraction cannot run at all.
    from rasd.errors import ResourceError

    try:
        default_pipeline().warm_up()
    except ResourceError as exc:
        pytest.skip(f"extractor resources not available: {exc}")


@pytest.mark.parametrize("path", ["/documents", "/extract"])
def test_writes_need_the_key(write_server: LiveServer, path: str) -> None:
    with write_server.client() as c:
        r = c.post(path, json=DOC)
        assert r.status_code == 401
        assert "X-API-Key" in r.json()["detail"]
        assert c.post(path, json=DOC, headers={"X-API-Key": "wrong"}).status_code == 401
        assert c.get("/documents").json()["total"] == 0


def test_extract_with_key_returns_contract_results(write_server: LiveServer, extractor_ready: None) -> None:
    with write_server.client(headers=KEY) as c:
        one = c.post("/extract", json=DOC)
        assert one.status_code == 200, one.text
        assert one.json()["id"] == "w1"
        assert isinstance(one.json()["events"], list)
        many = c.post("/extract", json=[DOC, {**DOC, "id": "w2"}])
        assert [r["id"] for r in many.json()] == ["w1", "w2"]
        # Extracting stores nothing.
        assert c.get("/documents").json()["total"] == 0


def test_post_documents_is_idempotent(fresh_server: LiveServer, extractor_ready: None) -> None:
    other = {**DOC, "id": "w2", "text": DOC["text"].replace("إدلب", "حلب")}
    with fresh_server.client(headers=KEY) as c:
        first = c.post("/documents", json=[DOC, other])
        assert first.status_code == 200, first.text
        body = first.json()
        assert (body["created"], body["existing"], body["failed"]) == (2, 0, 0)
        events_after_first = c.get("/events").json()["total"]
        again = c.post("/documents", json=DOC).json()
        assert (again["created"], again["existing"]) == (0, 1)
        assert again["results"][0]["document_id"] == body["results"][0]["document_id"]
        assert c.get("/documents").json()["total"] == 2
        assert c.get("/events").json()["total"] == events_after_first
        stored = c.get(f"/documents/{body['results'][0]['document_id']}").json()
        assert stored["text"] == DOC["text"]


@pytest.mark.parametrize(
    "payload",
    [
        {"text": ""},
        {"text": "   \n"},
        {"id": "x"},
        {"text": "نص", "published": "not a date"},
        {"text": "a\x00b"},
        [{"text": "ok"}, {"text": 5}],
        "just a string",
        [],
    ],
)
def test_invalid_documents_are_422_with_a_message(write_server: LiveServer, payload: object) -> None:
    with write_server.client(headers=KEY) as c:
        for path in ("/documents", "/extract"):
            r = c.post(path, json=payload)
            if payload == []:
                # An empty list is valid and does nothing.
                assert r.status_code == 200, r.text
                continue
            assert r.status_code == 422, (path, r.text)
            assert r.json()["message"]


def test_malformed_json_is_422(write_server: LiveServer) -> None:
    with write_server.client(headers=KEY) as c:
        r = c.post(
            "/documents", content=b'{"text": "unterminated', headers={"Content-Type": "application/json"}
        )
        assert r.status_code == 422
        assert r.json()["message"]


def test_too_many_documents_is_413(write_server: LiveServer) -> None:
    with write_server.client(headers=KEY) as c:
        r = c.post("/extract", json=[{"text": "نص قصير"}] * 1001)
        assert r.status_code == 413
        assert "1000" in r.json()["detail"]


def test_body_over_the_size_limit_is_413(write_server: LiveServer) -> None:
    big = json.dumps({"text": "ا" * 3_000_000}).encode()  # 6 MB of UTF-8
    with write_server.client(headers=KEY) as c:
        r = c.post("/documents", content=big, headers={"Content-Type": "application/json"})
        assert r.status_code == 413

        def chunks():  # no Content-Length: the limit is enforced while reading
            for i in range(0, len(big), 65536):
                yield big[i : i + 65536]

        r = c.post("/documents", content=chunks(), headers={"Content-Type": "application/json"})
        assert r.status_code == 413
        assert c.get("/documents").json()["total"] == 0


def test_key_accepted_even_when_extractor_is_missing(write_server: LiveServer) -> None:
    # With the right key the request gets past authentication: 200, or 503 while the
    # extractor's model files are not built, never 401.
    with write_server.client(headers=KEY) as c:
        assert c.post("/extract", json=DOC).status_code in (200, 503)


def test_reads_need_no_key(write_server: LiveServer) -> None:
    with write_server.client() as c:
        assert c.get("/events").status_code == 200
        assert c.get("/").status_code == 200
