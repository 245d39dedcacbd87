import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest

from rasd.contract import check_event
from rasd.records import Count, Document, Event, Result, Span

ROOT = Path(__file__).resolve().parents[2]

EVENT = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "plover": {"type": "ASSAULT", "mode": "aerial"},
    "date": {"value": "2015-07-20", "precision": 1, "text": "أمس"},
    "actor1": {
        "name": "Saudi-led Coalition",
        "text": "التحالف",
        "type": "External/Other forces",
        "id": "saudi-coalition",
    },
    "actor2": None,
    "location": {
        "name": "Sanaa",
        "text": "صنعاء",
        "geonames_id": 71137,
        "lat": 15.35472,
        "lon": 44.20667,
        "admin1": "Amanat al Asimah",
        "country": "YE",
        "precision": 1,
        "sublocation": None,
    },
    "fatalities": {"value": 12, "qualifier": "at_least", "unit": None, "text": "12 مسلحاً على الأقل"},
    "injured": None,
    "displaced": None,
    "arrested": None,
    "sources": [{"name": "Local sources", "text": "مصادر محلية", "kind": "local"}],
    "evidence": [{"start": 0, "end": 5, "text": "غارات"}],
    "confidence": 0.8,
}


def test_event_round_trip_is_exact():
    ev = Event.model_validate(EVENT)
    assert ev.to_json() == EVENT
    assert json.loads(json.dumps(ev.to_json(), ensure_ascii=False)) == EVENT


def test_sub_event_type_must_belong_to_event_type():
    with pytest.raises(ValueError, match="not a sub-event type"):
        Event.model_validate({**EVENT, "sub_event_type": "Armed clash"})


def test_unknown_event_type_rejected():
    with pytest.raises(ValueError):
        Event.model_validate({**EVENT, "event_type": "Skirmish"})


def test_bad_actor_type_and_qualifier_rejected():
    with pytest.raises(ValueError):
        Event.model_validate({**EVENT, "actor1": {"name": "X", "type": "Militants"}})
    with pytest.raises(ValueError):
        Count.model_validate({"value": 3, "qualifier": "roughly"})


def test_span_of_slices_the_text():
    text = "غارات على صنعاء"
    sp = Span.of(text, 10, 15)
    assert sp.text == "صنعاء"
    with pytest.raises(ValueError):
        Span(start=5, end=2, text="")


def test_document_accepts_timestamps_and_blank_dates():
    assert str(Document(text="x", published="2015-07-21T10:00:00Z").published) == "2015-07-21"
    assert Document(text="x", published="").published is None


def test_result_json_has_error_only_when_failed():
    assert Result(id="a").to_json() == {"id": "a", "events": []}
    assert Result(id="a", error="bad").to_json() == {"id": "a", "events": [], "error": "bad"}


def test_check_event_catches_offsets_that_do_not_match():
    text = "غارات على صنعاء"
    assert check_event(EVENT, text) == []
    bad = {**EVENT, "evidence": [{"start": 1, "end": 5, "text": "غارات"}]}
    assert any("does not equal" in p for p in check_event(bad, text))


def _gen_schema_module():
    spec = importlib.util.spec_from_file_location("gen_schema", ROOT / "scripts" / "gen_schema.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_checked_in_schema_is_current():
    for name, schema in _gen_schema_module().schemas().items():
        shipped = json.loads((ROOT / "docs" / "schema" / name).read_text(encoding="utf-8"))
        assert shipped == schema, f"docs/schema/{name} is stale: run scripts/gen_schema.py"


@pytest.mark.shared
def test_dev_gold_validates_against_schema_and_models(shared_dir):
    schema = json.loads((ROOT / "docs" / "schema" / "event.schema.json").read_text(encoding="utf-8"))
    gold_dir = shared_dir / "eval" / "dev" / "events"
    n = 0
    for path in sorted(gold_dir.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for ev in doc["events"]:
            jsonschema.validate(ev, schema)
            assert Event.model_validate(ev).event_type == ev["event_type"]
            assert check_event(ev, doc["text"]) == [], path.name
            n += 1
    assert n >= 20
