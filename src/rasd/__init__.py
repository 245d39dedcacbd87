"""Rasd (رصد): Arabic-first extraction of verifiable, geocoded conflict events from news.

>>> import rasd
>>> events = rasd.extract("قصفت طائرات التحالف مواقع في مدينة صعدة أمس", published="2015-07-21")
"""

from rasd.pipeline import Pipeline, extract, extract_documents
from rasd.records import Actor, Count, Document, Event, EventDate, Location, Result, Source, Span

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Count",
    "Document",
    "Event",
    "EventDate",
    "Location",
    "Pipeline",
    "Result",
    "Source",
    "Span",
    "extract",
    "extract_documents",
]
