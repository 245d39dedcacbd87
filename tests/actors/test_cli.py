"""``rasd actors``: list, search, JSON, sources, resolve."""

from __future__ import annotations

import json

from click.testing import CliRunner

from rasd.cli.main import cli


def test_search_json():
    res = CliRunner().invoke(cli, ["actors", "قسد", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows[0]["id"] == "sdf" and rows[0]["name"] == "Syrian Democratic Forces"
    assert set(rows[0]) >= {"id", "name", "type", "country", "aliases", "wikidata"}


def test_list_everything_as_table():
    res = CliRunner().invoke(cli, ["actors"])
    assert res.exit_code == 0
    assert "Hezbollah" in res.output and "actors" in res.output


def test_sources_and_no_match():
    res = CliRunner().invoke(cli, ["actors", "--sources", "--json", "رويترز"])
    assert json.loads(res.output)[0]["name"] == "Reuters"
    res = CliRunner().invoke(cli, ["actors", "zzzz-nothing"])
    assert res.exit_code == 1


def test_resolve_with_country():
    res = CliRunner().invoke(cli, ["actors", "--resolve", "--json", "--country", "YE", "طائرات التحالف"])
    out = json.loads(res.output)
    assert out["actor"]["name"] == "Saudi-led Coalition"
