"""The shipped tagger: ``rasd tag --conll``, entities with offsets, obvious names found."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rasd.cli.main import cli
from rasd.ner import Entity, find_entities, load_tagger
from rasd.text import analyze


@pytest.fixture(scope="module")
def tagger():
    return load_tagger()


def tag_cli(text: str, args: tuple[str, ...] = ("--conll",)):
    return CliRunner().invoke(cli, ["tag", *args], input=text)


SENTS = [
    ["قال", "وزير", "الخارجية", "الفرنسي", "لوران", "فابيوس", "في", "باريس", "أمس"],
    ["وصلت", "قوات", "الجيش", "إلى", "مدينة", "حلب", "."],
]


def test_cli_round_trip_keeps_tokens_and_sentence_breaks():
    text = "\n\n".join("\n".join(s) for s in SENTS) + "\n"
    res = tag_cli(text)
    assert res.exit_code == 0, res.output
    blocks = res.stdout.strip("\n").split("\n\n")
    assert len(blocks) == 2
    for block, sent in zip(blocks, SENTS, strict=True):
        rows = [line.split() for line in block.split("\n")]
        assert [r[0] for r in rows] == sent
        assert all(len(r) == 2 and (r[1] == "O" or r[1][:2] in ("B-", "I-")) for r in rows)


def test_cli_reads_first_column_and_files(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text("دمشق B-LOC extra\nعاصمة O\n\n\n\nسوريا O\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["tag", "--conll", str(path)])
    assert res.exit_code == 0, res.output
    assert [b.split("\n")[0].split()[0] for b in res.stdout.strip().split("\n\n")] == ["دمشق", "سوريا"]
    assert res.stdout.count("\n\n") == 1  # several blank lines are one break


def test_cli_stdin_dash_and_empty_input():
    res = CliRunner().invoke(cli, ["tag", "--conll", "-"], input="")
    assert res.exit_code == 0 and res.stdout == ""
    res = CliRunner().invoke(cli, ["tag", "--conll", "-"], input="\n\n")
    assert res.exit_code == 0 and res.stdout == ""


def test_tagger_finds_a_city_a_person_and_an_organisation(tagger):
    tags = tagger.tag(["وصل", "الرئيس", "الأمريكي", "باراك", "أوباما", "إلى", "القاهرة", "أمس"])
    assert tags[3:5] == ["B-PERS", "I-PERS"]
    assert tags[6] == "B-LOC"
    tags = tagger.tag(["وأعلنت", "منظمة", "الأمم", "المتحدة", "عن", "خطة", "جديدة"])
    assert tags[1] == "B-ORG" and tags[2:4] == ["I-ORG", "I-ORG"]
    assert tagger.tag([]) == []


def test_find_entities_offsets_point_into_the_text(tagger):
    text = "قال الرئيس الأمريكي باراك أوباما في واشنطن أمس.\nوأعلنت منظمة الأمم المتحدة خطة جديدة في دمشق."
    ents = find_entities(analyze(text), tagger)
    assert ents and all(isinstance(e, Entity) for e in ents)
    for e in ents:
        assert text[e.start : e.end] == e.text
        assert e.label in {"PERS", "LOC", "ORG", "MISC"}
    found = {(e.label, e.text) for e in ents}
    assert ("PERS", "باراك أوباما") in found
    assert ("LOC", "واشنطن") in found
    assert any(lab == "LOC" and "دمشق" in t for lab, t in found)
