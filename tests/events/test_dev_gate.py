"""Quality gate on the open dev set: the Hasakah prison report yields each of its happenings."""

import json

import pytest

import rasd


@pytest.mark.shared
def test_seed_report_yields_every_kind_of_happening(shared_dir):
    doc = json.loads(
        (shared_dir / "eval" / "dev" / "events" / "seed-hasakah.json").read_text(encoding="utf-8")
    )
    events = rasd.extract(doc["text"], published=doc["published"], id=doc["id"])
    kinds = {(e.event_type, e.sub_event_type) for e in events}
    for wanted in (
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),  # the car bombs
        ("Battles", "Non-state actor overtakes territory"),  # IS takes the prison
        ("Explosions/Remote violence", "Air/drone strike"),  # coalition strikes
        ("Violence against civilians", "Attack"),  # the executions
        ("Displacement", "Displacement"),  # ~1100 families
        ("Strategic developments", "Arrests"),  # the surrender to the SDF
        ("Strategic developments", "Other"),  # curfew and prison break
        ("Strategic developments", "Change to group/activity"),  # reinforcements
    ):
        assert wanted in kinds, wanted
    displaced = next(e for e in events if e.event_type == "Displacement")
    assert displaced.displaced.value == 1100 and displaced.displaced.unit == "families"
    assert sum(e.sub_event_type == "Other" for e in events) >= 2  # the curfew and the escape are two records
    assert all(e.location and e.location.name == "Al Hasakah" for e in events)
