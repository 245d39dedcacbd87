"""Stage 1 — ingestion: files, stdin, web pages, feeds and archives → :class:`~rasd.records.Document`.

Interface::

    read_inputs(sources, stdin=None, options=ReadOptions(), fetcher=None) -> Iterator[Document | Failure]

Items come in input order, one per document or per item that could not become one; a bad item
never stops the run, and a damaged file ends with a Failure after everything read before it.
See ``docs/ingest.md``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from rasd.ingest.fetch import Fetcher, FetchError, Response
from rasd.ingest.files import read_stream
from rasd.ingest.language import LanguageGuesser
from rasd.ingest.sources import expand, is_url, read_file, read_url
from rasd.ingest.types import Failure, FetchSettings, FieldMap, ReadOptions
from rasd.records import Document

__all__ = [
    "Failure",
    "FetchError",
    "FetchSettings",
    "Fetcher",
    "FieldMap",
    "LanguageGuesser",
    "ReadOptions",
    "Response",
    "finish_document",
    "read_inputs",
]

# Language values seen in exports besides ISO 639-1 codes.
_LANGUAGE_NAMES = {"arabic": "ar", "ara": "ar", "arb": "ar", "english": "en", "eng": "en"}


def finish_document(
    item: Document | Failure, options: ReadOptions, guesser: LanguageGuesser | None
) -> Document | Failure:
    """Fill defaults (``--published``, outlet), detect the language and skip unwanted ones."""
    if isinstance(item, Failure):
        return item
    update: dict[str, object] = {}
    if item.published is None and options.published is not None:
        update["published"] = options.published
    if item.outlet is None and options.outlet is not None:
        update["outlet"] = options.outlet
    language = item.language
    if language is None and guesser is not None:
        language = guesser.guess(item.text)
        if language is not None:
            update["language"] = language
    if options.languages is not None and language is not None:
        base = language.lower().replace("_", "-").split("-")[0]
        base = _LANGUAGE_NAMES.get(base, base)
        if base not in options.languages:
            return Failure(
                item.id, item.url or str(item.id), f"skipped: language {language!r}", kind="skipped"
            )
    return item.model_copy(update=update) if update else item


def read_inputs(
    sources: Sequence[str],
    stdin: BinaryIO | None = None,
    options: ReadOptions | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Document | Failure]:
    """Documents from each source in order; no source (or ``-``) means standard input.

    A source is a file (by extension: .jsonl[.gz] .json .csv[.gz] .txt .html .xml/.rss/.atom
    .warc[.gz]), a directory (recursive), a glob, or an http(s) URL (a page or a feed). A
    ``fetcher`` given by the caller is used and left open; otherwise one is made when first
    needed and closed at the end.
    """
    options = options or ReadOptions()
    guesser = LanguageGuesser.load()  # also fills `language` when nothing is filtered
    own: list[Fetcher] = []

    def get_fetcher() -> Fetcher:
        if fetcher is not None:
            return fetcher
        if not own:
            own.append(Fetcher(options.fetch))
        return own[0]

    def raw() -> Iterator[Document | Failure]:
        if not sources:
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, fields=options.fields)
            return
        for src in sources:
            if src == "-":
                yield from read_stream(
                    stdin if stdin is not None else sys.stdin.buffer, fields=options.fields
                )
                continue
            for target in expand(src):
                if isinstance(target, Failure):
                    yield target
                elif is_url(target):
                    yield from read_url(target, options, get_fetcher)
                else:
                    yield from read_file(Path(target), options, get_fetcher)

    try:
        for item in raw():
            yield finish_document(item, options, guesser)
    finally:
        for f in own:
            f.close()
