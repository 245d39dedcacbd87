"""Local files: JSON/JSONL/CSV with field mapping, text, HTML, directories, globs, bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from rasd.ingest import Failure, FieldMap, ReadOptions, read_inputs
from rasd.records import Document

from .pages import AR_PARAS, AR_TITLE, BOILERPLATE, EN_PARAS, EN_TITLE, news_page

AR_TEXT = " ".join(AR_PARAS)
EN_TEXT = " ".join(EN_PARAS)


def read(*sources, **opts) -> list[Document | Failure]:
    return list(read_inputs([str(s) for s in sources], options=ReadOptions(**opts)))


def test_jsonl_default_fields_read_content_and_prepend_title(tmp_path: Path):
    rows = [
        {
            "id": "a",
            "content": AR_TEXT,
            "title": AR_TITLE,
            "published": "2015-07-21T10:00:00Z",
            "outlet": "سبأ",
        },
        {
            "id": "b",
            "text": AR_TITLE + "\n" + AR_TEXT,
            "title": AR_TITLE,
        },  # title already leads: not repeated
        {"url": "https://news.example.org/x", "maintext": EN_TEXT, "date_publish": "2016-03-01 08:00:00"},
    ]
    (tmp_path / "docs.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    a, b, c = read(tmp_path / "docs.jsonl")
    assert a.id == "a" and a.text == f"{AR_TITLE}\n{AR_TEXT}"
    assert a.published == dt.date(2015, 7, 21) and a.outlet == "سبأ" and a.language == "ar"
    assert b.text.count(AR_TITLE) == 1
    assert c.id == "https://news.example.org/x" and c.published == dt.date(2016, 3, 1) and c.language == "en"


def test_field_map_overrides_read_other_keys(tmp_path: Path):
    row = {"url": "u1", "content": AR_TEXT, "date_extracted": "2019-01-02", "source": "الجزيرة", "text": "x"}
    (tmp_path / "d.json").write_text(json.dumps([row], ensure_ascii=False), "utf-8")
    fields = FieldMap().with_overrides(text="content", id="url", published="date_extracted", outlet="source")
    [doc] = read(tmp_path / "d.json", fields=fields)
    assert (doc.id, doc.text, doc.published, doc.outlet) == ("u1", AR_TEXT, dt.date(2019, 1, 2), "الجزيرة")


def test_csv_rows_with_field_mapping_and_a_bad_date(tmp_path: Path):
    csv_text = (
        "link,headline,body,day\n"
        f'https://e.org/1,{EN_TITLE},"{EN_TEXT}",2020-05-04\n'
        f'https://e.org/2,,"{AR_TEXT}",04/05/2020\n'
        'https://e.org/3,,"",2020-05-04\n'
    )
    (tmp_path / "d.csv").write_text(csv_text, "utf-8")
    fields = FieldMap().with_overrides(text="body", published="day")
    one, two, three = read(tmp_path / "d.csv", fields=fields)
    assert (
        one.id == "https://e.org/1"
        and one.text.startswith(EN_TITLE + "\n")
        and one.published == dt.date(2020, 5, 4)
    )
    assert isinstance(two, Failure) and "unreadable date" in two.message and two.where.endswith("row 2")
    assert isinstance(three, Failure) and "empty or missing 'body'" in three.message


def test_text_file_binary_and_invalid_utf8_are_clear_errors(tmp_path: Path):
    (tmp_path / "good.txt").write_text(AR_TEXT, "utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "legacy.txt").write_bytes(AR_TEXT.encode("cp1256"))
    good, image, legacy = read(tmp_path / "good.txt", tmp_path / "image.txt", tmp_path / "legacy.txt")
    assert good.id == "good.txt" and good.text == AR_TEXT
    assert isinstance(image, Failure) and "binary" in image.message
    assert (
        isinstance(legacy, Failure) and "not valid UTF-8" in legacy.message and "--encoding" in legacy.message
    )
    [decoded] = read(tmp_path / "legacy.txt", encoding="cp1256")
    assert decoded.text == AR_TEXT


def test_html_file_keeps_the_article_and_drops_the_furniture(tmp_path: Path):
    (tmp_path / "page.html").write_text(news_page(AR_TITLE, AR_PARAS), "utf-8")
    [doc] = read(tmp_path / "page.html")
    assert doc.text.startswith(AR_TITLE)
    assert all(p in doc.text for p in AR_PARAS)
    assert not any(b in doc.text for b in BOILERPLATE)
    assert doc.published == dt.date(2015, 7, 21) and doc.outlet == "شبكة الأنباء"


def test_html_page_in_windows_1256_without_a_declared_charset(tmp_path: Path):
    page = news_page(AR_TITLE, AR_PARAS, charset_meta=None).replace("٥٠٪", "50%").replace("٢٠١٥", "2015")
    (tmp_path / "old.html").write_bytes(page.encode("cp1256", errors="replace"))
    [doc] = read(tmp_path / "old.html")
    assert AR_PARAS[0] in doc.text


def test_a_50_mb_html_file_is_refused_by_the_size_cap(tmp_path: Path):
    (tmp_path / "a.html").write_text(news_page(AR_TITLE, AR_PARAS), "utf-8")
    with (tmp_path / "huge.html").open("wb") as fh:
        fh.write(b"<html><body>" + b"<p>x</p>" * (50_000_000 // 8) + b"</body></html>")
    (tmp_path / "z.txt").write_text(EN_TEXT, "utf-8")
    a, huge, z = read(tmp_path / "a.html", tmp_path / "huge.html", tmp_path / "z.txt")
    assert isinstance(a, Document) and isinstance(z, Document)
    assert isinstance(huge, Failure) and "too large" in huge.message and "10,000,000" in huge.message


def test_truncated_jsonl_gz_keeps_the_lines_before_the_damage(tmp_path: Path):
    lines = "".join(
        json.dumps({"id": f"d{i}", "text": AR_TEXT + f" ({i})"}, ensure_ascii=False) + "\n"
        for i in range(200)
    )
    data = gzip.compress(lines.encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    items = read(tmp_path / "cut.jsonl.gz")
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) > 10 and [d.id for d in docs] == [f"d{i}" for i in range(len(docs))]
    assert isinstance(items[-1], Failure) and "damaged" in items[-1].message


def test_directory_is_read_recursively_by_extension_in_a_stable_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(EN_TEXT, "utf-8")
    (tmp_path / "a.txt").write_text(AR_TEXT, "utf-8")
    (tmp_path / "notes.md").write_text("not read in a directory walk", "utf-8")
    (tmp_path / ".hidden.txt").write_text(AR_TEXT, "utf-8")
    docs = read(tmp_path)
    assert [d.id for d in docs] == ["a.txt", "2.txt"]


def test_glob_and_missing_inputs(tmp_path: Path):
    (tmp_path / "x1.txt").write_text(AR_TEXT, "utf-8")
    (tmp_path / "x2.txt").write_text(EN_TEXT, "utf-8")
    items = read(tmp_path / "x*.txt", tmp_path / "nope.txt", tmp_path / "none-*.txt")
    assert [getattr(i, "id", None) for i in items[:2]] == ["x1.txt", "x2.txt"]
    assert isinstance(items[2], Failure) and "cannot read" in items[2].message
    assert isinstance(items[3], Failure) and "no file matches" in items[3].message


def test_other_languages_are_skipped_with_a_reason_and_defaults_fill_gaps(tmp_path: Path):
    from .pages import FR_PARAS

    rows = [
        {"id": "fr", "text": " ".join(FR_PARAS)},
        {"id": "ar", "text": AR_TEXT},
        {"id": "de", "text": "x", "language": "de"},
    ]
    stdin = io.BytesIO("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode())
    opts = ReadOptions(published=dt.date(2020, 1, 1), outlet="Unknown desk")
    fr, ar, de = read_inputs([], stdin=stdin, options=opts)
    assert isinstance(fr, Failure) and fr.kind == "skipped" and fr.message == "skipped: language 'fr'"
    assert isinstance(de, Failure) and "'de'" in de.message
    assert ar.published == dt.date(2020, 1, 1) and ar.outlet == "Unknown desk" and ar.language == "ar"
    stdin.seek(0)
    kept = list(read_inputs([], stdin=stdin, options=ReadOptions(languages=None)))
    assert [d.id for d in kept] == ["fr", "ar", "de"] and kept[0].language == "fr"


@pytest.mark.shared
def test_saudinewsnet_subset_reads_with_its_own_field_names(shared_dir: Path):
    fields = FieldMap().with_overrides(text="content", id="url", published="date_extracted", outlet="source")
    items = list(
        read_inputs(
            [str(shared_dir / "data/saudinewsnet/conflict_subset.jsonl")], options=ReadOptions(fields=fields)
        )
    )
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == len(items) == 1846  # every article read, none taken for another language
    assert all(d.language == "ar" and d.published and d.outlet and d.id.startswith("http") for d in docs)
