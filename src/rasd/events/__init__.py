"""Stage 4 — events: triggers, realis, arguments, merging into one record per happening.

Interface::

    extract_events(analysis: DocAnalysis) -> list[Event]
"""

from rasd.events.extract import extract_events

__all__ = ["extract_events"]
