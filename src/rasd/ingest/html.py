"""HTML pages → documents: main text by trafilatura, metadata from the page's meta tags.

trafilatura is built and benchmarked for pulling the article out of a news page (menus, ads,
"most read" boxes and footers dropped); it also reads the page's metadata (``og:title``,
``og:site_name``, ``article:published_time``, JSON-LD) through htmldate. One parse gives both.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from rasd.errors import InputError
from rasd.records import Document

# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# Only structured date markers (meta tags, JSON-LD, <time>, the URL): no guessing from the prose,
# where the first date found is as likely an event date as the publication date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def decode_html(data: bytes, declared: str | None = None, forced: str | None = None) -> str:
    """Decode a page: forced encoding, else declared charset (HTTP, then <meta>), UTF-8, windows-1256.

    windows-1256 is the last resort because Arabic pages that are not UTF-8 and do not say what
    they are were almost always written in that legacy code page; every byte decodes in it.
    """
    if forced:
        try:
            return data.decode(forced)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {forced}: {exc}") from exc
    candidates = [declared]
    found = _META_CHARSET.search(data[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii", "replace"))
    candidates += ["utf-8", "cp1256"]
    for enc in candidates:
        if not enc:
            continue
        try:
            return data.decode("utf-8-sig" if enc.lower() in ("utf-8", "utf8") else enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1256", errors="replace")  # unreachable in practice: cp1256 maps nearly all bytes


def with_headline(title: str | None, text: str) -> str:
    """Put the headline first, unless the text already starts with it."""
    title = (title or "").strip()
    if not title or text.lstrip().startswith(title):
        return text
    return f"{title}\n{text}"


def outlet_from_url(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def html_to_document(
    data: bytes,
    doc_id: str,
    url: str | None = None,
    *,
    charset: str | None = None,
    encoding: str | None = None,
) -> Document:
    """The article in ``data``: headline + main text, date and outlet from the page's metadata.

    Raises :class:`~rasd.errors.InputError` when the bytes are not a page with a main text.
    """
    import trafilatura

    if b"\x00" in data[:65536]:
        raise InputError("binary data, not an HTML page")
    html = decode_html(data, charset, encoding)
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (result.text if result is not None else None) or ""
    if not text.strip():
        raise InputError("no main text found in the HTML page")
    return Document(
        id=doc_id,
        text=with_headline(result.title, text),
        published=result.date or None,
        outlet=result.sitename or outlet_from_url(url),
        url=url or result.url or None,
    )
