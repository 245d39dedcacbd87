"""Speed of the ingestion stage (one core): JSONL with field mapping, HTML pages, a WARC.gz archive.

    python bench/bench_ingest.py --shared ../shared [--runs 3] [--limit N]

Uses the SaudiNewsNet conflict subset: read as JSONL (its own field names, language check
included), and wrapped into news pages (navigation, ads, footer around the article) to measure
trafilatura's main-text extraction, first from HTML bytes and then from a WARC.gz with one gzip
member per record written to a temporary file. Prints documents/s, the median of the runs.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rasd.ingest import Failure, FieldMap, ReadOptions, read_inputs
from rasd.ingest.html import html_to_document

FIELDS = FieldMap().with_overrides(text="content", id="url", published="date_extracted", outlet="source")

PAGE = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="{site}"><meta property="article:published_time" content="{date}"></head>
<body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">رياضة</a></li><li><a href="/e">اقتصاد</a></li></ul></nav></header>
<div class="ad">إعلان: اشترك الآن</div><main><article><h1>{title}</h1>{body}</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/x">خبر آخر</a></li></ul></aside><footer>جميع الحقوق محفوظة</footer></body></html>"""


def pages(src: Path, limit: int | None) -> list[tuple[str, bytes]]:
    out = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            body = "".join(
                f"<p>{html.escape(p)}</p>" for p in (obj.get("content") or "").split("\n") if p.strip()
            )
            page = PAGE.format(
                title=html.escape(obj.get("title") or ""),
                site=obj.get("source") or "",
                date=(obj.get("date_extracted") or "")[:10],
                body=body,
            )
            out.append((obj["url"], page.encode()))
            if limit and len(out) >= limit:
                break
    return out


def write_warc(path: Path, docs: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        for url, body in docs:
            buf = io.BytesIO()
            w = WARCWriter(buf, gzip=False)
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
            fh.write(gzip.compress(buf.getvalue()))


def timed(fn) -> tuple[float, int]:
    start = time.process_time()
    n = fn()
    return time.process_time() - start, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=400, help="articles for the HTML and WARC figures")
    args = ap.parse_args()
    src = args.shared / "data/saudinewsnet/conflict_subset.jsonl"
    if not src.exists():
        print(f"bench_ingest: {src} not found", file=sys.stderr)
        return 1
    opts = ReadOptions(fields=FIELDS)

    def jsonl() -> int:
        return sum(not isinstance(i, Failure) for i in read_inputs([str(src)], options=opts))

    docs = pages(src, args.limit)

    def html_pages() -> int:
        return sum(bool(html_to_document(body, doc_id=url, url=url).text) for url, body in docs)

    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "news.warc.gz"
        write_warc(warc, docs)
        warc_mb = warc.stat().st_size / 1e6

        def warc_read() -> int:
            return sum(not isinstance(i, Failure) for i in read_inputs([str(warc)], options=ReadOptions()))

        results = {}
        for name, fn in (
            ("jsonl (mapped fields + language)", jsonl),
            ("html pages", html_pages),
            ("warc.gz", warc_read),
        ):
            runs = [timed(fn) for _ in range(args.runs)]
            secs = statistics.median(r[0] for r in runs)
            results[name] = (runs[0][1], secs)
    print(f"bench_ingest: one core, CPU time, median of {args.runs} runs")
    for name, (n, secs) in results.items():
        print(f"  {name:<34} {n:6d} docs  {secs:7.2f} s  {n / secs:8.1f} docs/s")
    print(f"  (warc.gz of {len(docs)} pages: {warc_mb:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
