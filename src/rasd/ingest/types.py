"""Records of the ingestion stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Failure:
    """An input item that could not become a document, with where it came from and why."""

    id: str | None
    where: str  # "docs.jsonl:17", "page.html", "<stdin>:3"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
