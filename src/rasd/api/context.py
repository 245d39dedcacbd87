"""What every request handler needs: the store, the pipeline (loaded on first write), the key."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from rasd.api.limits import Limits

if TYPE_CHECKING:
    from rasd.pipeline import Pipeline
    from rasd.store import Store


@dataclass
class ApiContext:
    store: Store
    api_key: str | None
    limits: Limits = field(default_factory=Limits)
    owns_store: bool = False
    _pipeline: Pipeline | None = None
    # Extraction loads shared resources and SQLite allows one writer: writes go one at a time.
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from rasd.pipeline import default_pipeline

            self._pipeline = default_pipeline()
        return self._pipeline


def get_ctx(request: Request) -> ApiContext:
    return request.app.state.rasd


_key_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="Required on write endpoints when the server was started with RASD_API_KEY set.",
)


def require_key(request: Request, key: str | None = Security(_key_header)) -> None:
    """Refuse a write without the right key (401) when the server has one configured."""
    expected = get_ctx(request).api_key
    if expected is None:
        return
    if key is None or not secrets.compare_digest(key.encode(), expected.encode()):
        raise HTTPException(
            status_code=401, detail="missing or wrong X-API-Key", headers={"WWW-Authenticate": "X-API-Key"}
        )
