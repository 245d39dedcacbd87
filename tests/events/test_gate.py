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


def _doubting_gate_lexicon():
    """The shipped rules behind a gate that rejects every sentence on its score alone, so only
    strong evidence (gate.strong_evidence) lets a mention through."""
    lex = load_lexicon()
    lex.gate = Gate(weights={"ASSAULT": {"bias": -6.0}}, thresholds={"ASSAULT": 0.5})
    return lex


def test_an_event_noun_carried_by_a_past_light_verb_is_strong_evidence():
    # "شنّ الجيش هجوما" with its doer, place and day: as sure as "هاجم الجيش"
    text = "وشن الجيش العراقي أمس هجوما واسعا على مواقع داعش في الموصل."
    evs = extract_events(analysis_of(text, "2015-08-02"), _doubting_gate_lexicon())
    assert [(e.sub_event_type, e.actor1.name, e.location.name) for e in evs] == [
        ("Armed clash", "Military Forces of Iraq", "Mosul")
    ]


def test_managing_to_do_it_is_doing_it():
    # "تمكنت القوات من تحرير": the deed is done, as with "حررت القوات"
    text = "وتمكن الجيش العراقي أمس من تحرير حي في الموصل من قبضة داعش."
    evs = extract_events(analysis_of(text, "2015-08-02"), _doubting_gate_lexicon())
    assert [(e.event_type, e.actor1.name, e.location.name, str(e.date.value)) for e in evs] == [
        ("Battles", "Military Forces of Iraq", "Mosul", "2015-08-01")
    ]


def test_a_present_or_future_light_verb_is_no_strong_evidence():
    for text in (
        # a habit ("the group that carries out attacks"), and a plan
        "ويقول مسؤولون إن داعش الذي يشن أمس هجمات على الجيش العراقي في الموصل بات أضعف.",
        "وقال المتحدث إن الجيش العراقي سيشن أمس هجوما على مواقع داعش في الموصل.",
    ):
        assert extract_events(analysis_of(text, "2015-08-02"), _doubting_gate_lexicon()) == [], text


def test_a_past_event_verb_with_its_doer_and_place_is_strong_evidence_without_a_date():
    text = "وقالت مصادر محلية إن مسلحي داعش اختطفوا خمسة مدنيين في الموصل."
    evs = extract_events(analysis_of(text, "2015-08-02"), _doubting_gate_lexicon())
    assert [(e.sub_event_type, e.actor1.name, e.location.name) for e in evs] == [
        ("Abduction/forced disappearance", "Islamic State", "Mosul")
    ]


def test_a_verbal_noun_spelled_like_the_verb_or_a_present_habit_is_no_strong_evidence():
    for text in (
        # "خطف" here is the noun (the abduction), named as a cause
        "وتصاعد التوتر في الموصل بسبب خطف داعش خمسة مدنيين.",
        # the present: what the group does, not what it did
        "ويقول محللون إن داعش يستهدف المدنيين في الموصل.",
    ):
        assert extract_events(analysis_of(text, "2015-08-02"), _doubting_gate_lexicon()) == [], text


def test_fighting_that_goes_on_is_told_with_a_verb_of_occurrence():
    # "تدور اشتباكات" (clashes are under way) reports the fighting as "دارت" does
    from rasd.events.extract import find_mentions

    rules = load_lexicon()
    rules.gate = None
    for text in (
        "وتدور اشتباكات عنيفة بين قسد وداعش في الحسكة.",
        "ودارت اشتباكات عنيفة بين قسد وداعش في الحسكة.",
        "وتصدت قسد لهجوم شنه داعش في الحسكة.",  # repelled: a fight that happened
    ):
        (m,) = find_mentions(analysis_of(text), rules)[0]
        assert "light" in m.gate_features, text
    (m,) = find_mentions(analysis_of("اشتباكات عنيفة بين قسد وداعش في الحسكة."), rules)[0]
    assert "light" not in m.gate_features
    # "تصدى" is spelled as the noun "التصدي" (confronting, a policy): only its other forms count
    assert "تصدي" not in rules.cue("light_verbs")
