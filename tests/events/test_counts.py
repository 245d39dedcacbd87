"""Tolls read off the sentence: figures before agreeing verbs, lone persons, dual verbs."""

from __future__ import annotations

from fakes import analysis_of

from rasd.contract import check_event
from rasd.events import extract_events
from rasd.events.lexicon import load_lexicon

RULES = load_lexicon()
RULES.gate = None  # the rules alone


def events(text: str):
    out = extract_events(analysis_of(text), RULES)
    for e in out:
        assert check_event(e.to_json(), text) == []
    return out


def value(count):
    return None if count is None else count.value


def test_a_figure_with_a_named_group_before_its_verb_is_the_toll():
    (e,) = events("وقال مصدر أمني إن سبعة من مسلحي قوات الحشد الشعبي قتلوا بانفجار عبوة ناسفة في بغداد أمس.")
    assert value(e.fatalities) == 7


def test_the_long_reach_after_min_is_for_agreeing_verbs_only():
    # "قتلى" five words on is a noun of another clause, not the verb the figure goes with
    (e,) = events("فجر مسلحون عبوة ناسفة في بغداد أمس أصابت سبعة من سكان الحي القديم وسط قتلى الحرب.")
    assert value(e.fatalities) is None


def test_dual_verbs_take_the_dual_noun_before_them():
    (e,) = events(
        "وأعلنت وزارة الداخلية أن شرطيين اثنين قتلا وأصيب أربعة آخرون في هجوم على حاجز في بغداد أمس."
    )
    assert (value(e.fatalities), value(e.injured)) == (2, 4)


def test_a_lone_person_after_a_word_of_death_or_injury_counts_one():
    (e,) = events("أسفر انفجار عبوة ناسفة في بغداد أمس عن مقتل جندي وإصابة شرطي.")
    assert (value(e.fatalities), value(e.injured)) == (1, 1)
    assert e.fatalities.text == "جندي"
    (e,) = events("قتل مدني وأصيب ثلاثة آخرون بقصف على حي سكني في حلب أمس.")
    assert (value(e.fatalities), value(e.injured)) == (1, 3)


def test_a_named_lone_victim_after_a_verbal_noun_counts_one():
    (e,) = events("أسفر هجوم مسلحين مجهولين في الموصل أمس عن مقتل الضابط أحمد حسن.")
    assert value(e.fatalities) == 1


def test_a_verb_before_a_lone_noun_and_a_figure_is_active():
    # the bomber killed 32 people: not one dead plus a figure
    (e,) = events("قتل انتحاري 32 شخصا في تفجير استهدف تجمعا في بغداد أمس.")
    assert value(e.fatalities) == 32


def test_a_lone_person_the_doer_killed_or_took_counts_one():
    # the object of an active verb, in the accusative after its doer, is one victim
    (e,) = events("وقتلت غارة جوية قياديا في تنظيم داعش في الموصل أمس.")
    assert value(e.fatalities) == 1
    (e,) = events("واعتقلت قوات الأمن شابا في بغداد أمس.")
    assert value(e.arrested) == 1
    # two persons, or a person a figure counts, are not one
    (e,) = events("وقتل مسلحون جنديا ومدنيا في بغداد أمس.")
    assert value(e.fatalities) != 1
    (e,) = events("واعتقلت قوات الأمن 16 شخصا في بغداد أمس.")
    assert value(e.arrested) == 16


def test_another_after_a_lone_person_counts_one_more():
    # "قتل شرطي وأصيب آخر": one dead, one more hurt; "وأصيب آخرون" (others) gives no figure
    (e,) = events("وقتل شرطي وأصيب آخر بانفجار عبوة ناسفة في بغداد أمس.")
    assert (value(e.fatalities), value(e.injured)) == (1, 1)
    (e,) = events("وقتل شرطي وأصيب آخرون بانفجار عبوة ناسفة في بغداد أمس.")
    assert value(e.injured) is None


def test_a_lone_person_before_a_passive_verb_counts_one():
    # "إن جنديا قتل": one soldier killed; "إن مسلحا قتل شرطيا" is active: the policeman died
    (e,) = events("وقال مصدر أمني إن جنديا قتل بانفجار عبوة ناسفة في بغداد أمس.")
    assert value(e.fatalities) == 1
    (e,) = events("وقال مصدر أمني إن مسلحا قتل شرطيا في بغداد أمس.")
    assert value(e.fatalities) == 1 and e.fatalities.text == "شرطيا"


def test_a_verb_takes_no_definite_lone_noun():
    # "قتل المواطن" here is the act spoken of, not a count
    evs = events("وحمل البيان الجيش مسؤولية قتل المواطن في بغداد أمس برصاص قناص.")
    assert all(value(e.fatalities) is None for e in evs)


def test_a_figure_elsewhere_in_the_record_beats_a_lone_person():
    (e,) = events(
        "قصفت طائرات التحالف مواقع الحوثيين في صنعاء أمس، ما أدى إلى مقتل مدني. "
        "وقالت مصادر محلية إن القصف أسفر عن مقتل 12 شخصا في صنعاء."
    )
    assert value(e.fatalities) == 12


def test_figures_joined_by_wa_are_one_toll_in_parts():
    (e,) = events("قتل 42 حوثيا و9 من مسلحي قوات الحشد الشعبي في اشتباكات في بغداد أمس.")
    assert value(e.fatalities) == 51
    (e,) = events("وقال مصدر إن أربعة من القادة ونحو 30 مسلحا قتلوا في قصف على الموصل أمس.")
    assert value(e.fatalities) == 34 and e.fatalities.qualifier == "approx"


def test_a_toll_per_place_or_another_kind_is_not_added():
    (e,) = events("قتل 5 أشخاص وأصيب 7 آخرون في تفجير في بغداد أمس.")
    assert (value(e.fatalities), value(e.injured)) == (5, 7)
    evs = events("قتل 7 أشخاص في بغداد و5 في الموصل في تفجيرين أمس.")
    assert all(value(e.fatalities) in (7, 5, None) for e in evs)
    # the second figure's own noun names its toll, not the first figure's: the six are not wounded
    (e,) = events("انفجرت سيارة مفخخة في بغداد أمس وأودت بحياة 6 أشخاص و20 جريحا.")
    assert value(e.injured) == 20


def test_a_wa_that_is_a_letter_of_the_word_joins_nothing():
    # "واحدة" starts with the letter و: "عائلة واحدة" is no second figure
    (e,) = events("لقي 8 أشخاص من عائلة واحدة مصرعهم بقصف على حي سكني في حلب أمس.")
    assert value(e.fatalities) == 8


def test_a_battles_wounded_told_side_by_side_add_up():
    # both sides' wounded, as both sides' dead (ACLED): 42 + 19
    (e,) = events(
        "لقي 24 مسلحا من الحوثيين مصرعهم وأصيب 42 آخرون بجروح، بينما قتل 2 من المقاومة "
        "وأصيب 19 آخرون في المعارك العنيفة في تعز أمس."
    )
    assert e.event_type == "Battles" and value(e.injured) == 61


def test_the_dead_and_the_wounded_counted_together_are_neither_toll():
    for text in (
        "أسفر القصف على حي سكني في بغداد أمس عن مقتل وإصابة 35 مدنيا.",
        "سقط أكثر من 250 شخصا بين قتيل وجريح في اشتباكات في تعز أمس.",
    ):
        (e,) = events(text)
        assert (value(e.fatalities), value(e.injured)) == (None, None), text
    # a vague word still says people died: its conservative reading is the death toll, no wounded
    for text, dead in (
        ("سقط عشرات القتلى والجرحى في اشتباكات في تعز أمس.", 12),
        ("أسفر القصف على أحياء تعز أمس عن مقتل وإصابة عدد من المدنيين.", 3),
    ):
        (e,) = events(text)
        assert (value(e.fatalities), e.fatalities.qualifier, value(e.injured)) == (dead, "at_least", None), (
            text
        )


def test_the_dead_then_the_wounded_are_two_tolls():
    for text, tolls in (
        ("قالت الوزارة إن 43 شخصا قتلوا وأصيب 173 أمس عندما قصف الحوثيون عدن.", (43, 173)),
        ("قتل 16 مدنيا وأصيب 19 آخرون في قصف على حي في بغداد أمس.", (16, 19)),
        ("قالت مصادر إن 17 مدنيا قتلوا وأصيب العشرات في انفجار لغم في تعز أمس.", (17, 12)),
    ):
        (e,) = events(text)
        assert (value(e.fatalities), value(e.injured)) == tolls, text


def test_a_bomber_who_killed_is_not_a_lone_dead():
    # "قتل انتحاري ... 32 شخصا": active, past a clause about the bomber; he is not a toll of one
    (e,) = events("وقتل انتحاري يشتبه بانتمائه لتنظيم داعش، 32 شخصا على الأقل في تفجير في بغداد أمس.")
    assert value(e.fatalities) != 1
