"""The YAML knowledge base is well-formed, and the validator catches broken data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rasd.actors.kb import DATA_DIR, build_kb
from rasd.actors.schema import ISO2, alias_key
from rasd.errors import ResourceError
from rasd.records import ACTOR_TYPES

REGION = {"SY", "IQ", "YE", "LY", "PS", "IL", "LB", "TR", "EG", "SD", "SO", "AF", "ML", "BF", "NE", "NG"}


def test_shipped_base_is_valid_and_large(kb):
    named = [a for a in kb.actors.values() if not a.generic]
    assert len(named) >= 300
    assert len({a.id for a in named}) == len(named)
    for a in named:
        assert a.type in ACTOR_TYPES
        assert a.country is None or a.country in ISO2
        assert all(c in ISO2 for c in a.theatre)
        assert a.wikidata is None or a.wikidata.startswith("Q")


def test_every_region_country_has_actors_and_state_forces(kb):
    by_country = {a.country for a in kb.actors.values()}
    assert by_country >= REGION
    for iso in REGION:
        assert kb.role_actor("military", iso).type == "State forces"


def test_no_alias_is_claimed_twice_unless_ambiguous(kb):
    from rasd.actors.kb import Context

    ambiguous = {" ".join(words) for words, target in kb.names.phrases() if isinstance(target, Context)}
    assert {"التحالف", "التنظيم", "النظام"} <= ambiguous
    owner: dict[str, str] = {}
    for a in kb.actors.values():
        for alias in {alias_key(x) for x in (a.name, *a.aliases)}:
            if alias in owner and owner[alias] != a.id:
                assert alias in ambiguous, alias
            owner[alias] = a.id


def _copy_data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA_DIR, d)
    return d


def test_validator_rejects_a_duplicate_alias(tmp_path):
    d = _copy_data(tmp_path)
    extra = d / "actors" / "zz_broken.yaml"
    extra.write_text(
        "- {id: fake-group, name: Fake Group, type: Rebel group, country: SY, aliases: [قسد]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ResourceError, match="claimed by"):
        build_kb(d)


def test_validator_rejects_bad_country_and_duplicate_id(tmp_path):
    d = _copy_data(tmp_path)
    extra = d / "actors" / "zz_broken.yaml"
    extra.write_text(
        "- {id: sdf, name: Other SDF, type: Rebel group, country: XQ, aliases: [Something Else]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ResourceError) as err:
        build_kb(d)
    assert "XQ" in str(err.value) and "id used 2 times" in str(err.value)


def test_validator_rejects_an_unknown_category(tmp_path):
    d = _copy_data(tmp_path)
    extra = d / "actors" / "zz_broken.yaml"
    extra.write_text("- {id: odd, name: Odd, type: Pirates, country: SO}\n", encoding="utf-8")
    with pytest.raises(ValueError):
        build_kb(d)


def test_cache_round_trip(tmp_path, monkeypatch):
    from rasd.actors.kb import load_kb

    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path / "cache"))
    first = load_kb()
    assert list((tmp_path / "cache").glob("actors-*.pickle"))
    second = load_kb()  # from the cache
    assert second.resolve("قسد").name == first.resolve("قسد").name == "Syrian Democratic Forces"
