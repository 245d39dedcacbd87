"""Rasd (رصد): Arabic-first extraction of verifiable, geocoded conflict events from news.

>>> import rasd
>>> events = rasd.extract("قصفت طائرات التحالف مواقع في مدينة صعدة أمس", published="2015-07-21")
"""

from pathlib import Path


def stale_compiled_module(package: Path) -> Path | None:
    """A stage module of ``package`` whose source is newer than its compiled build (setup.py's
    mypyc build puts ``<module>.*.so`` beside ``<module>.py``, and Python imports the ``.so``
    first): an edit the process would silently not run."""
    for so in package.glob("*/*.so"):
        source = so.with_name(so.name.split(".", 1)[0] + ".py")
        if source.is_file() and source.stat().st_mtime > so.stat().st_mtime:
            return source
    return None


if (_stale := stale_compiled_module(Path(__file__).parent)) is not None:
    raise ImportError(
        f"{_stale} is newer than its compiled module: rebuild with `make setup` "
        "(or run the sources with `make pure`)"
    )

from rasd.pipeline import Pipeline, extract, extract_documents  # noqa: E402
from rasd.records import Actor, Count, Document, Event, EventDate, Location, Result, Source, Span  # noqa: E402

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
