"""The FastAPI application factory: REST endpoints, the dashboard at ``/``, limits and errors."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

import rasd
from rasd.api import routes_read, routes_write
from rasd.api.context import ApiContext
from rasd.api.limits import BodySizeLimit, Limits
from rasd.errors import InputError
from rasd.store import Store

if TYPE_CHECKING:
    from rasd.pipeline import Pipeline

STATIC = Path(__file__).with_name("static")
log = logging.getLogger("rasd.api")

# The dashboard loads nothing from elsewhere: the policy makes any stray CDN/tile request fail
# loudly in the browser instead of silently needing the network.
DASHBOARD_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class _FromEnv:
    """Default of ``create_app(api_key=...)``: read ``$RASD_API_KEY``."""


FROM_ENV = _FromEnv()


def create_app(
    store: Store | None = None,
    db_url: str | None = None,
    *,
    api_key: str | None | _FromEnv = FROM_ENV,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
) -> FastAPI:
    """Build the app over ``store`` (kept open; the caller closes it) or a store opened on ``db_url``
    (``None``: ``$RASD_DB`` or the default SQLite file; closed on shutdown).

    ``api_key`` defaults to ``$RASD_API_KEY``; when it is set, write endpoints need it in the
    ``X-API-Key`` header. ``pipeline`` defaults to :func:`rasd.pipeline.default_pipeline`, loaded on
    the first write.
    """
    if isinstance(api_key, _FromEnv):
        api_key = os.environ.get("RASD_API_KEY") or None
    owns = store is None
    ctx = ApiContext(
        store=Store(db_url) if store is None else store,
        api_key=api_key,
        limits=limits or Limits(),
        owns_store=owns,
        _pipeline=pipeline,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if ctx.owns_store:
            ctx.store.close()

    app = FastAPI(
        title="Rasd",
        version=rasd.__version__,
        description=(
            "Geocoded, de-duplicated conflict events extracted from Arabic and English news. "
            "Read endpoints are open; write endpoints need `X-API-Key` when the server has a key. "
            "The analyst's dashboard is at `/`."
        ),
        lifespan=lifespan,
        docs_url=None,  # served below from the vendored Swagger UI instead of a CDN
        redoc_url=None,
    )
    app.state.rasd = ctx
    app.add_middleware(BodySizeLimit, max_bytes=ctx.limits.max_body_bytes)
    _add_error_handlers(app)
    app.include_router(routes_read.router)
    app.include_router(routes_write.router)
    _add_dashboard(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # One readable line first ("body.0.text: String should have at least 1 character"),
        # then FastAPI's usual list for programs.
        errors = exc.errors()
        message = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in errors[:5]
        )
        return JSONResponse(
            status_code=422,
            content={"message": message or "invalid request", "detail": _safe_errors(errors)},
        )

    @app.exception_handler(InputError)
    async def _bad_input(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})


def _safe_errors(errors: object) -> list[dict]:
    # Pydantic error dicts may hold the offending input (bytes, exceptions): keep what JSON can carry.
    out = []
    for e in errors if isinstance(errors, (list, tuple)) else []:
        out.append(
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg")), "type": str(e.get("type"))}
        )
    return out


def _add_dashboard(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": DASHBOARD_CSP})
