"""The ``rasd extract`` command: formats, stdin and files, streaming, per-document errors."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli.main import cli
from rasd.contract import check_result

DOC_A = {"id": "a", "text": "شنت طائرات حربية غارات على مدينة صعدة أمس.", "published": "2015-07-21"}
DOC_B = {"id": "b", "text": "تظاهر مئات الطلاب أمام الجامعة في القاهرة اليوم.", "published": "2015-07-22"}


def _jsonl(*docs) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def run(args, input=None):
    return CliRunner().invoke(cli, ["extract", *args], input=input)


def test_jsonl_stdin_gives_one_line_per_document_in_order():
    res = run(["--format", "jsonl"], _jsonl(DOC_A, DOC_B))
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    for line, doc in zip(lines, (DOC_A, DOC_B), strict=True):
        assert check_result(line, doc["text"]) == []


def test_json_format_prints_one_array():
    res = run(["--format", "json"], _jsonl(DOC_A, DOC_B))
    assert res.exit_code == 0
    arr = json.loads(res.stdout)
    assert isinstance(arr, list) and [x["id"] for x in arr] == ["a", "b"]


def test_pretty_format_names_each_document():
    res = run(["--format", "pretty"], _jsonl(DOC_A))
    assert res.exit_code == 0
    assert "a" in res.stdout and "event" in res.stdout


def test_bad_json_line_reports_and_continues():
    res = run(["--format", "jsonl"], _jsonl(DOC_A) + "{not json\n" + _jsonl(DOC_B))
    assert res.exit_code == 1
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", "<stdin>:2", "b"]
    assert "error" in lines[1] and lines[1]["events"] == []
    assert "<stdin>:2" in res.stderr and "bad JSON" in res.stderr


def test_empty_text_is_an_error_naming_the_document():
    res = run(["--format", "jsonl"], _jsonl({"id": "empty", "text": "   "}))
    assert res.exit_code == 1
    line = json.loads(res.stdout)
    assert line["id"] == "empty" and "empty" in line["error"]


def test_files_txt_json_and_undecodable_bytes(tmp_path: Path):
    (tmp_path / "one.txt").write_text(DOC_A["text"], encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([DOC_A, DOC_B], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken")
    res = run(
        [
            "--format",
            "jsonl",
            str(tmp_path / "one.txt"),
            str(tmp_path / "many.json"),
            str(tmp_path / "bad.txt"),
        ]
    )
    assert res.exit_code == 1
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["one.txt", "a", "b", "bad.txt"]
    assert "UTF-8" in lines[-1]["error"]


def test_html_file_main_text_is_extracted(tmp_path: Path):
    body = "<p>" + "أعلنت مصادر محلية أن اشتباكات اندلعت في مدينة تعز صباح اليوم بين الطرفين. " * 6 + "</p>"
    html = f"<html><head><title>اشتباكات في تعز</title></head><body><nav>الرئيسية | رياضة</nav><article>{body}</article></body></html>"
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    res = run(["--format", "json", str(tmp_path / "page.html")])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)[0]["id"] == "page.html"


def test_published_option_is_validated():
    res = run(["--published", "21/07/2015"], _jsonl(DOC_A))
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output


def test_output_streams_one_line_per_document():
    """The first result arrives before standard input is closed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "rasd.cli", "extract", "--format", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        proc.stdin.write(_jsonl(DOC_A).encode())
        proc.stdin.flush()
        start = time.monotonic()
        first = proc.stdout.readline()
        assert json.loads(first)["id"] == "a"
        assert time.monotonic() - start < 60
        proc.stdin.write(_jsonl(DOC_B).encode())
        proc.stdin.close()
        assert json.loads(proc.stdout.readline())["id"] == "b"
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.shared
def test_dev_documents_give_valid_lines(shared_dir):
    docs = []
    for path in sorted((shared_dir / "eval" / "dev" / "events").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        docs.append({k: d.get(k) for k in ("id", "text", "published", "outlet", "language")})
    res = run(["--format", "jsonl"], _jsonl(*docs))
    assert res.exit_code == 0, res.stderr
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["id"] for x in lines] == [d["id"] for d in docs]
    for line, doc in zip(lines, docs, strict=True):
        assert check_result(line, doc["text"]) == [], doc["id"]


def test_a_document_in_another_language_is_skipped_not_failed():
    french = {
        "id": "fr",
        "text": "Les manifestants se sont rassemblés devant la mairie de la ville pour protester.",
    }
    res = run(["--format", "jsonl"], _jsonl(DOC_A, french))
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert lines[1] == {"id": "fr", "events": []}
    assert "skipped" in res.stderr
