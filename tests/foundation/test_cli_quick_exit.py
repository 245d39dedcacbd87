"""``rasd extract`` leaves without the interpreter's teardown, its output complete and its status
kept (rasd.cli.quick_exit)."""

import json
import subprocess
import sys

import pytest

from rasd.cli import quick_exit

DOCS = [
    {
        "id": "raid",
        "text": "قصفت طائرات حربية مواقع للمسلحين في ريف إدلب مساء أمس.",
        "published": "2016-03-02",
    },
    {
        "id": "march",
        "text": "خرج آلاف المتظاهرين في شوارع الخرطوم للمطالبة بالإفراج عن المعتقلين.",
        "published": "2019-01-10",
    },
]
EMPTY = {"id": "blank", "text": "  "}

# an atexit hook shows whether the interpreter's teardown ran
PROGRAM = """
import atexit, sys
atexit.register(lambda: print("teardown ran", file=sys.stderr))
from rasd.cli.main import main
sys.argv = ["rasd", *sys.argv[1:]]
main()
"""


def _rasd(args: list[str], docs: list[dict]) -> subprocess.CompletedProcess:
    stdin = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_json_array_written_at_the_end_arrives_whole_and_teardown_is_skipped():
    done = _rasd(["extract", "--format", "json"], DOCS)
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in json.loads(done.stdout)] == ["raid", "march"]
    assert "teardown ran" not in done.stderr


def test_failed_document_keeps_exit_status_one_and_every_line():
    done = _rasd(["extract", "--format", "jsonl"], [DOCS[0], EMPTY, DOCS[1]])
    assert done.returncode == 1
    assert [json.loads(x)["id"] for x in done.stdout.splitlines()] == ["raid", "blank", "march"]
    assert "<stdin>:2" in done.stderr and "teardown ran" not in done.stderr


def test_other_commands_exit_the_usual_way():
    done = _rasd(["--version"], [])
    assert done.returncode == 0 and "teardown ran" in done.stderr


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (3, 3), ("no input", 1)])
def test_exit_code_follows_sys_exit(code, status, capsys):
    assert quick_exit.exit_code(code) == status
    assert ("no input" in capsys.readouterr().err) == (code == "no input")
