"""Request bodies and the API's own response shapes (stored records come from ``rasd.store``)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rasd.records import Document


def no_nul(value: str | None) -> str | None:
    # PostgreSQL text cannot hold NUL, and no news text needs it: refuse it at the edge (422)
    # instead of letting the database fail with a 500.
    if value is not None and "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


class DocumentIn(BaseModel):
    """A document to extract (and store). Only ``text`` is required; unknown keys are ignored."""

    model_config = ConfigDict(extra="ignore")

    id: str | None = Field(default=None, max_length=500)
    text: str = Field(min_length=1, max_length=2_000_000)
    published: dt.date | None = None
    outlet: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=4000)
    language: str | None = Field(default=None, max_length=20)

    @field_validator("id", "text", "outlet", "url", "language")
    @classmethod
    def _no_nul(cls, v: str | None) -> str | None:
        return no_nul(v)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v

    @field_validator("published", mode="before")
    @classmethod
    def _date(cls, v: object) -> object:
        # Same leniency as the contract's Document: timestamps keep their date part, "" is None.
        if isinstance(v, str):
            v = v.strip()
            return v[:10] or None
        return v

    def to_document(self) -> Document:
        return Document(**self.model_dump())


class StoredOne(BaseModel):
    """What POST /documents did with one document."""

    id: str | None = Field(description="The id given in the request, if any.")
    document_id: str | None = Field(description="The store's id for the document (null on error).")
    created: bool = Field(description="False when the same content was already stored (idempotent).")
    n_mentions: int = Field(description="Event mentions stored for this document.")
    error: str | None = None


class StoredMany(BaseModel):
    results: list[StoredOne]
    created: int
    existing: int
    failed: int


class Health(BaseModel):
    status: str
    version: str
