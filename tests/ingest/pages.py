"""Test material written for these tests: news texts, pages around them, feeds, WARC archives."""

from __future__ import annotations

import gzip
import io

# Arabic and English news texts written for these tests.
AR_TITLE = "مقتل ثلاثة مدنيين في قصف على حي سكني بمدينة تعز"
AR_PARAS = [
    "قالت مصادر طبية في مدينة تعز إن ثلاثة مدنيين قتلوا وأصيب خمسة آخرون جراء قصف مدفعي استهدف حيا سكنيا صباح الثلاثاء.",
    "وأضافت المصادر أن القذائف سقطت على منازل المواطنين في حي الروضة شرقي المدينة، وأن فرق الإسعاف نقلت الجرحى إلى مستشفى الثورة.",
    "ولم تعلن أي جهة مسؤوليتها عن القصف حتى الآن، فيما تبادل الطرفان الاتهامات بخرق الهدنة المعلنة منذ أسبوعين.",
]
EN_TITLE = "Protesters rally outside parliament in Beirut over fuel prices"
EN_PARAS = [
    "Hundreds of protesters gathered outside the parliament building in Beirut on Monday to denounce a sharp rise in fuel prices, witnesses said.",
    "The demonstrators blocked the main road for two hours and chanted slogans against the government before police dispersed them without arrests.",
    "Organisers said they would return to the square on Friday if the cabinet did not reverse its decision.",
]
FR_PARAS = [
    "Des centaines de manifestants se sont rassemblés devant le parlement à Beyrouth lundi pour dénoncer la hausse des prix du carburant.",
    "Les manifestants ont bloqué la route principale pendant deux heures avant que la police ne les disperse sans arrestations.",
]

# Words of the page furniture that must not reach the extracted text.
BOILERPLATE = [
    "الأكثر قراءة",
    "اشترك الآن",
    "جميع الحقوق محفوظة",
    "Subscribe now",
    "Most read",
    "All rights reserved",
]


def news_page(
    title: str,
    paras: list[str],
    *,
    site: str | None = "شبكة الأنباء",
    published: str | None = "2015-07-21T09:30:00+03:00",
    lang: str = "ar",
    charset_meta: str | None = "utf-8",
) -> str:
    """A news page with navigation, ads, a "most read" box and a footer around the article."""
    meta = []
    if charset_meta:
        meta.append(f'<meta charset="{charset_meta}">')
    if site:
        meta.append(f'<meta property="og:site_name" content="{site}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    meta.append(f'<meta property="og:title" content="{title}">')
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"""<!DOCTYPE html><html lang="{lang}"><head>{"".join(meta)}<title>{title} | {site or "site"}</title></head>
<body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">Home</a></li><li><a href="/sport">رياضة</a></li>
<li><a href="/eco">اقتصاد</a></li><li><a href="/tech">تكنولوجيا</a></li></ul></nav></header>
<div class="ad banner">إعلان: اشترك الآن واحصل على خصم ٥٠٪ — Subscribe now and save 50%</div>
<main><article><h1>{title}</h1><div class="byline">Staff</div>{body}</article></main>
<aside class="sidebar"><h3>الأكثر قراءة</h3><h3>Most read</h3><ul>
<li><a href="/a">فوز الفريق الوطني في المباراة النهائية</a></li><li><a href="/b">Markets close higher</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة ٢٠١٥ — All rights reserved</p></footer>
</body></html>"""


def rss_feed(title: str, items: list[dict]) -> bytes:
    parts = []
    for it in items:
        parts.append(
            "<item>"
            f"<title>{it['title']}</title><link>{it['link']}</link><guid>{it.get('guid', it['link'])}</guid>"
            + (f"<pubDate>{it['date']}</pubDate>" if it.get("date") else "")
            + (f"<description><![CDATA[{it['summary']}]]></description>" if it.get("summary") else "")
            + "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.org/</link><description>news</description>"
        + "".join(parts)
        + "</channel></rss>"
    ).encode()


def atom_feed(title: str, items: list[dict]) -> bytes:
    parts = []
    for it in items:
        parts.append(
            "<entry>"
            f'<title>{it["title"]}</title><link href="{it["link"]}"/><id>{it.get("guid", it["link"])}</id>'
            f"<updated>{it['date']}</updated>"
            + (f'<content type="html"><![CDATA[{it["summary"]}]]></content>' if it.get("summary") else "")
            + "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:test:feed</id><updated>2016-01-01T00:00:00Z</updated>"
        + "".join(parts)
        + "</feed>"
    ).encode()


def warc_records(records: list[tuple[str, dict]]) -> list[bytes]:
    """Each record serialized on its own, uncompressed. Kinds: warcinfo, request, response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = []
    for kind, spec in records:
        buf = io.BytesIO()
        w = WARCWriter(buf, gzip=False)
        if kind == "warcinfo":
            rec = w.create_warcinfo_record("test.warc.gz", {"software": "rasd-tests", "format": "WARC/1.1"})
        elif kind == "request":
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            rec = w.create_warc_record(spec["url"], "request", http_headers=http)
        else:
            http = StatusAndHeaders(
                spec.get("status", "200 OK"),
                [("Content-Type", spec.get("type", "text/html; charset=utf-8"))],
                protocol="HTTP/1.1",
            )
            rec = w.create_warc_record(
                spec["url"],
                "response",
                payload=io.BytesIO(spec["body"]),
                http_headers=http,
                warc_headers_dict={"WARC-Date": spec.get("warc_date", "2016-08-26T10:00:00Z")},
            )
        w.write_record(rec)
        out.append(buf.getvalue())
    return out


def gzip_members(records: list[bytes]) -> bytes:
    """One gzip member per record, as CC-NEWS and every crawler write them."""
    return b"".join(gzip.compress(r) for r in records)


def with_content_length(record: bytes, value: bytes) -> bytes:
    """The record with its WARC Content-Length header replaced (a lying length)."""
    i = record.index(b"Content-Length: ")
    j = record.index(b"\r\n", i)
    return record[:i] + b"Content-Length: " + value + record[j:]
