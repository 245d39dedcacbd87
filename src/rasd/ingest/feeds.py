"""RSS and Atom feeds → documents: each item's page, or the item's own content when that fails.

feedparser reads every RSS/Atom/RDF dialect and its many date formats. For each item the linked
page is fetched and its main text extracted; when the page cannot be fetched or read (HTTP error,
timeout, too large, no main text) or pages are not fetched at all (offline, ``fetch_pages=False``),
the item's ``content`` or ``summary`` is used instead, which for many feeds is only the lede.
The item's date is trusted before the page's; the feed's title names the outlet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from rasd.errors import InputError
from rasd.ingest.fetch import Fetcher, FetchError
from rasd.ingest.html import html_to_document, outlet_from_url, with_headline
from rasd.ingest.types import Failure
from rasd.records import Document

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+xml",
    }
)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")


def looks_like_feed(body: bytes, media_type: str = "") -> bool:
    """A feed by its media type, or by an <rss>, <feed> or <rdf:RDF> root near the start."""
    if media_type in FEED_TYPES and media_type not in ("application/xml", "text/xml"):
        return True
    return bool(_FEED_ROOT.search(body[:2048]))


@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str  # the item's guid, else its link: what "seen" means for `rasd watch`
    link: str | None
    title: str | None
    content: str | None  # HTML of the item's content, else its summary
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class Feed:
    url: str | None
    title: str | None
    entries: tuple[FeedEntry, ...]


def _entry_date(entry: dict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def parse_feed(data: bytes, url: str | None = None) -> Feed:
    """Parse feed bytes; raises :class:`~rasd.errors.InputError` when they are not a feed."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"not an RSS/Atom feed{f' ({reason})' if reason else ''}")
    entries = []
    for e in parsed.entries:
        link = e.get("link") or None
        content = None
        if e.get("content"):
            content = e.content[0].get("value")
        content = content or e.get("summary") or None
        key = e.get("id") or link or e.get("title")
        if not key:
            continue  # an item with neither id, link nor title cannot be told apart from the next
        entries.append(FeedEntry(key, link, e.get("title") or None, content, _entry_date(e)))
    return Feed(url, parsed.feed.get("title") or None, tuple(entries))


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed item's content), one paragraph per line."""
    import lxml.html

    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, TypeError):  # lxml's ParserError is a ValueError
        return re.sub(r"<[^>]+>", " ", html).strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def entry_document(
    entry: FeedEntry, feed: Feed, fetcher: Fetcher | None, *, encoding: str | None = None
) -> Document | Failure:
    """One feed item as a document: its page when ``fetcher`` is given and the page reads, else its content."""
    doc_id = entry.link or entry.key
    where = entry.link or f"{feed.url or 'feed'}#{entry.key}"
    outlet = feed.title or outlet_from_url(entry.link or feed.url)
    page_error = None
    if fetcher is not None and entry.link:
        try:
            resp = fetcher.get(entry.link)
            page = html_to_document(
                resp.body, doc_id=doc_id, url=resp.url, charset=resp.charset, encoding=encoding
            )
            return page.model_copy(
                update={
                    "published": entry.published or page.published,
                    "outlet": feed.title or page.outlet,
                }
            )
        except (FetchError, InputError) as exc:
            page_error = str(exc)
    text = fragment_text(entry.content) if entry.content else ""
    if not text:
        why = f"page failed ({page_error})" if page_error else "no page fetched"
        return Failure(doc_id, where, f"{why} and the item has no content")
    return Document(
        id=doc_id,
        text=with_headline(entry.title, text),
        published=entry.published,
        outlet=outlet,
        url=entry.link,
    )


def read_feed(
    data: bytes, where: str, fetcher: Fetcher | None, *, url: str | None = None, encoding: str | None = None
) -> Iterator[Document | Failure]:
    try:
        feed = parse_feed(data, url)
    except InputError as exc:
        yield Failure(where, where, str(exc))
        return
    for entry in feed.entries:
        yield entry_document(entry, feed, fetcher, encoding=encoding)
