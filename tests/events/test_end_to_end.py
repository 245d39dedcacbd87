"""Whole articles through the real stages (text, places, actors, events), written for these tests."""

import rasd
from rasd.contract import check_event

ARTICLE = """قتلى بقصف على حلب ونزوح عائلات
حلب – قال المرصد السوري لحقوق الإنسان إن طائرات حربية شنت مساء أمس الاثنين غارات على أحياء في مدينة حلب، ما أسفر عن مقتل 9 مدنيين بينهم طفلان وإصابة 20 آخرين.
وأضاف المرصد أن نحو 300 عائلة نزحت من الأحياء الشرقية باتجاه ريف المدينة الغربي.
ولم تعلق السلطات على الغارات، فيما يتوقع ناشطون أن تتجدد الاشتباكات خلال الأيام المقبلة."""


def _events():
    evs = rasd.extract(ARTICLE, published="2016-05-03", id="aleppo")
    for e in evs:
        assert check_event(e.to_json(), ARTICLE) == []
    return evs


def test_article_yields_the_strike_and_the_displacement_only():
    kinds = sorted((e.event_type, e.sub_event_type) for e in _events())
    assert kinds == [("Displacement", "Displacement"), ("Explosions/Remote violence", "Air/drone strike")]


def test_strike_arguments_are_read_from_the_text():
    (strike,) = [e for e in _events() if e.event_type != "Displacement"]
    assert strike.location.name == "Aleppo" and strike.location.country == "SY"
    assert strike.date.value == "2016-05-02" and strike.date.precision == 1
    assert strike.fatalities.value == 9 and strike.injured.value == 20
    assert strike.actor2.name == "Civilians"
    assert any("Syrian Observatory" in s.name for s in strike.sources)
    spans = [sp.text for sp in strike.evidence]
    assert spans[0] == ARTICLE.splitlines()[0]  # the headline
    assert spans[1].startswith("حلب – قال المرصد")  # the body sentence
    assert not any("نزحت" in sp for sp in spans)  # the displacement is its own record


def test_displacement_counts_families_with_its_source():
    (disp,) = [e for e in _events() if e.event_type == "Displacement"]
    assert (
        disp.displaced.value == 300
        and disp.displaced.unit == "families"
        and disp.displaced.qualifier == "approx"
    )
    assert disp.location.name == "Aleppo"
    assert any("Syrian Observatory" in s.name for s in disp.sources)


def test_a_later_sentence_that_only_mentions_the_blast_does_not_lend_its_actors():
    text = (
        "انفجرت سيارة مفخخة صباح اليوم في سوق شعبي بحي الكرادة وسط بغداد، ما أدى إلى مقتل خمسة مدنيين.\n"
        "وأضافت الوزارة أن قوات الأمن اعتقلت ثلاثة مشتبه بهم قرب موقع الانفجار."
    )
    evs = rasd.extract(text, published="2026-11-25")
    (blast,) = [e for e in evs if e.event_type == "Explosions/Remote violence"]
    (arrest,) = [e for e in evs if e.sub_event_type == "Arrests"]
    assert blast.actor1 is None or blast.actor1.type != "State forces"
    assert arrest.actor1.type == "State forces" and arrest.arrested.value == 3


def test_a_street_with_no_town_found_is_no_location_and_the_record_stays_valid():
    text = "اعتقلت الشرطة خمسة أشخاص في شارع الجمهورية أمس."
    (e,) = rasd.extract(text, published="2015-07-21", id="street")
    assert check_event(e.to_json(), text) == []
    assert e.location is None


def test_a_street_takes_the_town_the_report_is_about():
    text = "اشتباكات في حلب\nاعتقلت الشرطة خمسة أشخاص في مدينة حلب أمس.\nوانفجرت عبوة ناسفة أمس قرب دورية للشرطة في شارع الجمهورية ما أدى إلى مقتل شرطي."
    evs = rasd.extract(text, published="2015-07-21", id="street2")
    for e in evs:
        assert check_event(e.to_json(), text) == []
    shooting = next(e for e in evs if e.event_type != "Strategic developments")
    assert shooting.location.name == "Aleppo"
