"""Polling feeds for new items: the loop behind ``rasd watch``.

"Seen" is kept in the database (``Store.feed_item_seen`` / ``mark_feed_item``) under the key
``<feed> <item guid or link>``, so a restarted watcher, or two watchers on one database, do not
ingest an item twice. An item is marked seen only once it is stored (or skipped on purpose: a
language Rasd does not read); an item whose page and content both failed is tried again at the
next poll. Each item is stored in its own call, so stopping the loop loses nothing already read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from rasd.errors import InputError
from rasd.ingest.feeds import entry_document, parse_feed
from rasd.ingest.fetch import Fetcher, FetchError
from rasd.ingest.language import LanguageGuesser
from rasd.ingest.sources import is_url
from rasd.ingest.types import Failure, ReadOptions

if TYPE_CHECKING:
    from rasd.pipeline import Pipeline
    from rasd.records import Document


class FeedStore(Protocol):
    """What the watcher needs from :class:`rasd.store.Store`."""

    def feed_item_seen(self, key: str) -> bool: ...
    def mark_feed_item(self, key: str) -> None: ...
    def ingest(self, items: list[Document | Failure], pipeline: Pipeline) -> object: ...


@dataclass(slots=True)
class PollReport:
    """What one poll over all feeds did."""

    feeds: int = 0
    unchanged: int = 0  # feeds that answered 304 Not Modified to a conditional GET
    new: int = 0  # items not seen before
    stored: int = 0
    duplicates: int = 0  # new items whose text was already stored (another feed, a re-post)
    skipped: int = 0  # other languages
    failed: list[str] = field(default_factory=list)  # one line per failed feed or item

    def line(self, when: dt.datetime) -> str:
        return (
            f"{when:%Y-%m-%d %H:%M:%S} polled {self.feeds} feeds ({self.unchanged} unchanged): "
            f"{self.new} new items, {self.stored} stored, "
            f"{self.duplicates} duplicates, {self.skipped} skipped, {len(self.failed)} failed"
        )


Validators = dict[str, tuple[str | None, str | None]]  # feed URL → (ETag, Last-Modified)


def _feed_bytes(feed: str, fetcher: Fetcher, validators: Validators) -> tuple[bytes | None, str | None]:
    """The feed's bytes and final URL; None when a conditional GET says it has not changed."""
    if is_url(feed):
        etag, modified = validators.get(feed, (None, None))
        resp = fetcher.get(feed, etag=etag, last_modified=modified)
        if resp.not_modified:
            return None, resp.url
        validators[feed] = (resp.etag, resp.last_modified)
        return resp.body, resp.url
    try:
        return Path(feed).read_bytes(), None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def poll_once(
    feeds: Sequence[str],
    store: FeedStore,
    pipeline: Pipeline,
    fetcher: Fetcher,
    options: ReadOptions | None = None,
    guesser: LanguageGuesser | None = None,
    validators: Validators | None = None,
) -> PollReport:
    """Fetch each feed, ingest its unseen items through ``store``, mark them seen.

    ``validators`` (kept by the caller from one poll to the next) makes feed requests
    conditional, so an unchanged feed costs a 304 and no parsing.
    """
    from rasd.ingest import finish_document

    options = options or ReadOptions()
    guesser = guesser or LanguageGuesser.load()
    report = PollReport(feeds=len(feeds))
    for feed_src in feeds:
        try:
            data, final_url = _feed_bytes(feed_src, fetcher, validators if validators is not None else {})
            if data is None:
                report.unchanged += 1
                continue
            feed = parse_feed(data, final_url or (feed_src if is_url(feed_src) else None))
        except (FetchError, InputError) as exc:
            report.failed.append(f"{feed_src}: {exc}")
            continue
        for entry in feed.entries:
            key = f"{feed_src} {entry.key}"
            if store.feed_item_seen(key):
                continue
            report.new += 1
            item = entry_document(
                entry, feed, fetcher if options.fetch_pages else None, encoding=options.encoding
            )
            item = finish_document(item, options, guesser)
            if isinstance(item, Failure):
                if item.kind == "skipped":
                    report.skipped += 1
                    store.mark_feed_item(key)
                else:
                    report.failed.append(str(item))
                continue
            summary = store.ingest([item], pipeline)
            failed = list(getattr(summary, "failed", []))
            if failed:
                report.failed += [f"{where}: {reason}" for where, reason in failed]
                continue
            if getattr(summary, "stored", 0):
                report.stored += 1
            else:
                report.duplicates += 1
            store.mark_feed_item(key)
    return report
