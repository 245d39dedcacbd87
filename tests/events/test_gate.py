"""The learned gate keeps sentences that report an event and drops ones that only name a kind of event."""

from fakes import analysis_of

from rasd.events import extract_events
from rasd.events.gate import Gate, family_of, load_gate
from rasd.events.lexicon import load_lexicon

LEX = load_lexicon()


def test_shipped_gate_loads_with_a_threshold_per_family():
    gate = load_gate()
    assert gate is not None
    assert set(gate.thresholds) == {"ASSAULT", "PROTEST"}
    assert all(0 < t < 1 for t in gate.thresholds.values())


def test_report_with_actors_place_time_and_toll_passes():
    text = "شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء أمس ما أدى إلى مقتل 12 مسلحا."
    assert [e.sub_event_type for e in extract_events(analysis_of(text), LEX)] == ["Air/drone strike"]


def test_sentences_that_only_name_kinds_of_violence_are_dropped():
    for text in (
        "ناقش المؤتمر سبل مكافحة الاغتيالات والتفجيرات في المنطقة.",
        "تحدث الوزير عن مخاطر الهجمات الانتحارية على المجتمع.",
    ):
        assert extract_events(analysis_of(text), LEX) == [], text


def test_gate_scoring_is_logistic_and_unknown_families_pass():
    gate = Gate(weights={"ASSAULT": {"bias": 0.0, "verb": 2.0}}, thresholds={"ASSAULT": 0.6})
    assert gate.score("ASSAULT", {"bias"}) == 0.5
    assert gate.score("ASSAULT", {"bias", "verb"}) > 0.88
    assert not gate.passes("ASSAULT", 0.5) and gate.passes("ASSAULT", 0.7)
    assert gate.score("PROTEST", {"bias"}) == 1.0
    assert (
        family_of("Battles") == "ASSAULT"
        and family_of("Riots") == "PROTEST"
        and family_of("Displacement") is None
    )
