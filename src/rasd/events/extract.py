"""Event extraction seam (filled in by the events issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.records import Event

if TYPE_CHECKING:
    from rasd.pipeline import DocAnalysis


def extract_events(analysis: DocAnalysis) -> list[Event]:
    return []
