"""`rasd serve`: refuses a public address without a key; serves the API as a real process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from rasd.cli.main import cli
from rasd.cli.serve import is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.5.0.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_refuses_public_address_without_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASD_API_KEY", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--db", "sqlite://"])
    assert result.exit_code == 2
    assert "RASD_API_KEY" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_as_a_process(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "RASD_API_KEY"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rasd.cli",
            "serve",
            "--db",
            f"sqlite:///{tmp_path / 's.db'}",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline, "rasd serve did not answer"
                time.sleep(0.1)
        assert r.json()["status"] == "ok"
        assert httpx.get(f"http://127.0.0.1:{port}/events").json()["total"] == 0
        assert "<title>" in httpx.get(f"http://127.0.0.1:{port}/").text
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_reports_a_bad_store_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASD_API_KEY", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", "nosuchdb://x"])
    assert result.exit_code == 1
    assert "cannot open the store" in result.output
