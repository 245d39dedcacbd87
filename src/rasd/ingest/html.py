"""HTML pages → documents: main text by trafilatura, metadata from the page's meta tags."""

from __future__ import annotations

from rasd.records import Document


def html_to_document(data: bytes, doc_id: str, url: str | None = None) -> Document:
    import trafilatura

    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError:
        html = data.decode("cp1256", errors="replace")
    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not text.strip():
        raise ValueError("no main text found in the HTML page")
    meta = trafilatura.extract_metadata(html, default_url=url)
    title = (meta.title if meta else None) or ""
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return Document(
        id=doc_id,
        text=text,
        published=(meta.date if meta else None),
        outlet=(meta.sitename if meta else None),
        url=url or (meta.url if meta else None),
    )
