"""Write endpoints: POST /documents (extract and store) and POST /extract (extract only)."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from rasd.api.context import ApiContext, get_ctx, require_key
from rasd.api.schemas import DocumentIn, StoredMany, StoredOne
from rasd.errors import ResourceError
from rasd.records import Result
from rasd.store import content_hash

log = logging.getLogger("rasd.api")
router = APIRouter(
    dependencies=[Depends(require_key)],
    responses={
        401: {"description": "Missing or wrong X-API-Key (only when the server has a key)"},
        413: {"description": "Body over the size limit, or more than 1000 documents"},
        503: {"description": "The extractor's resources (models, gazetteer) could not be loaded"},
    },
)

Ctx = Annotated[ApiContext, Depends(get_ctx)]
Docs = Annotated[
    DocumentIn | list[DocumentIn],
    Body(
        description="One document, or a list of them (at most 1000).",
        examples=[{"id": "d1", "text": "قتل مدنيان في قصف على بلدة كفرنبل أمس", "published": "2026-11-25"}],
    ),
]


def _as_list(ctx: ApiContext, docs: DocumentIn | list[DocumentIn]) -> list[DocumentIn]:
    items = docs if isinstance(docs, list) else [docs]
    if len(items) > ctx.limits.max_documents:
        raise HTTPException(
            status_code=413, detail=f"at most {ctx.limits.max_documents} documents per request"
        )
    return items


def _extract(ctx: ApiContext, doc: DocumentIn) -> Result:
    # A failure inside the extractor is this document's recorded reason, not a failed request:
    # the other documents of the batch still go through (as in `rasd ingest`). Missing model
    # files are the server's fault for every document alike: 503.
    try:
        return ctx.pipeline.process(doc.to_document())
    except ResourceError as exc:
        log.error("extractor resources unavailable: %s", exc)
        raise HTTPException(status_code=503, detail=f"the extractor is not available: {exc}") from exc
    except Exception as exc:
        log.exception("extraction failed for document %r", doc.id)
        return Result(id=doc.id, error=f"extraction failed: {type(exc).__name__}: {exc}")


def _store_all(ctx: ApiContext, items: list[DocumentIn]) -> StoredMany:
    results: list[StoredOne] = []
    with ctx.write_lock:
        for item in items:
            doc = item.to_document()
            if ctx.store.has_document(content_hash(doc.text)):
                # Already stored: no need to extract again; add_document only reports what is there.
                added = ctx.store.add_document(doc, [])
                results.append(
                    StoredOne(
                        id=item.id, document_id=added.document_id, created=False, n_mentions=added.n_mentions
                    )
                )
                continue
            result = _extract(ctx, item)
            if result.error is not None:
                results.append(
                    StoredOne(id=item.id, document_id=None, created=False, n_mentions=0, error=result.error)
                )
                continue
            added = ctx.store.add_document(doc, result.events)
            results.append(
                StoredOne(
                    id=item.id,
                    document_id=added.document_id,
                    created=added.created,
                    n_mentions=added.n_mentions,
                )
            )
    return StoredMany(
        results=results,
        created=sum(r.created for r in results),
        existing=sum(not r.created and r.error is None for r in results),
        failed=sum(r.error is not None for r in results),
    )


def _extract_all(ctx: ApiContext, items: list[DocumentIn]) -> list[Result]:
    with ctx.write_lock:
        return [_extract(ctx, item) for item in items]


@router.post(
    "/documents", response_model=StoredMany, tags=["documents"], summary="Extract and store documents"
)
async def post_documents(ctx: Ctx, docs: Docs) -> StoredMany:
    """Extract events from each document and store both. Posting the same text again stores
    nothing new (`created: false`). Per-document failures are reported, the rest still stored."""
    items = _as_list(ctx, docs)
    return await run_in_threadpool(_store_all, ctx, items)


@router.post(
    "/extract",
    response_model=Result | list[Result],
    tags=["documents"],
    summary="Extract events without storing",
)
async def post_extract(ctx: Ctx, docs: Docs) -> JSONResponse:
    """The contract's `{"id", "events"}` result for one document (with `error` when it failed),
    or a list of them, in input order, for a list."""
    items = _as_list(ctx, docs)
    results = [r.to_json() for r in await run_in_threadpool(_extract_all, ctx, items)]
    return JSONResponse(results if isinstance(docs, list) else results[0])
