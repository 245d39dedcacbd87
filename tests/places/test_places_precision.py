"""Location conventions: town, vicinity, province only, country only, sublocation."""

from __future__ import annotations

import pytest


def only(mentions, kind=None):
    ms = [m for m in mentions if kind is None or m.kind == kind]
    assert len(ms) == 1, [(m.text, m.kind) for m in mentions]
    return ms[0]


def test_a_town_is_precision_1_with_its_coordinates_and_division(places):
    m = only(places("شنت طائرات حربية غارات على مدينة صعدة أمس."))
    loc = m.location
    assert m.kind == "town" and m.text == "مدينة صعدة"
    assert loc.name == "Sa'dah" and loc.country == "YE" and loc.precision == 1
    assert loc.geonames_id is not None and loc.lat == pytest.approx(16.94, abs=0.1)
    assert loc.admin1 == "Sa'dah"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("تواصلت الاشتباكات في ريف حلب الشمالي.", "ريف حلب"),
        ("انفجرت عبوة ناسفة قرب حمص.", "قرب حمص"),
        ("قتل مدنيان بالقرب من درعا.", "بالقرب من درعا"),
        ("تتمركز القوات على أطراف الرقة.", "على أطراف الرقة"),
        ("قصف مدفعي شمال مدينة حماة.", "شمال مدينة حماة"),
        ("سقطت قذائف في محيط إدلب.", "محيط إدلب"),
    ],
)
def test_near_a_town_is_the_towns_coordinates_at_precision_2(places, text, phrase):
    m = only(places(text))
    assert m.text == phrase
    assert m.kind == "town" and m.location.precision == 2 and m.location.lat is not None


@pytest.mark.parametrize(
    ("text", "province", "capital_lat"),
    [
        ("سيطرت المقاومة على مواقع في محافظة تعز.", "Ta'izz", 13.58),
        ("نزحت مئات العائلات في محافظة الحسكة.", "Al-Hasakah", 36.50),
        ("قتل مسلحون ثمانية أشخاص في ولاية بورنو.", "Borno", 11.85),
        ("اعتقلت الشرطة خمسة أشخاص في إقليم ديار بكر.", "Diyarbakir", 37.91),
    ],
)
def test_a_province_only_is_its_capital_at_precision_3(places, text, province, capital_lat):
    m = only(places(text))
    assert m.kind == "admin1"
    assert m.location.name == province and m.location.admin1 == province
    assert m.location.precision == 3
    assert m.location.lat == pytest.approx(capital_lat, abs=0.1)


def test_a_bare_province_name_that_is_its_capital_is_the_town(places):
    m = only(places("قتل ثلاثة مدنيين في الحسكة أمس."))
    assert m.kind == "town" and m.location.precision == 1 and m.location.name == "Al Hasakah"


def test_a_province_that_is_not_a_town_name_is_the_province(places):
    m = only(places("قتل مسلحون ثمانية أشخاص في بورنو."))
    assert m.kind == "admin1" and m.location.name == "Borno" and m.location.precision == 3


@pytest.mark.parametrize(
    ("text", "iso", "name"),
    [("تستمر الحرب في سوريا.", "SY", "Syria"), ("وصلت المساعدات إلى اليمن.", "YE", "Yemen")],
)
def test_a_country_only_has_no_coordinates(places, text, iso, name):
    m = only(places(text))
    assert m.kind == "country"
    loc = m.location
    assert (loc.name, loc.country, loc.lat, loc.lon, loc.precision) == (name, iso, None, None, 3)


def test_a_sublocation_takes_the_town_named_in_its_sentence(places):
    text = "هاجم مسلحون سجن الصناعة في مدينة الحسكة فجر اليوم."
    sub = only(places(text), "sublocation")
    assert sub.text == "سجن الصناعة"
    assert sub.location.sublocation == "سجن الصناعة"
    assert sub.location.name == "Al Hasakah" and sub.location.precision == 1


def test_a_sublocation_takes_the_town_of_an_earlier_sentence(places):
    text = "تدور معارك في مدينة الحسكة منذ أيام. وقصف الطيران حي الزهور صباح اليوم."
    sub = only(places(text), "sublocation")
    assert sub.text == "حي الزهور"
    assert sub.location.name == "Al Hasakah" and sub.location.lat is not None


def test_a_frame_before_a_town_names_a_place_in_that_town(places):
    mentions = places("قصفت الطائرات مطار عدن الدولي.")
    sub = only(mentions, "sublocation")
    assert sub.text.startswith("مطار عدن")
    assert sub.location.name == "Aden" and sub.location.sublocation == sub.text


def test_a_junction_named_for_a_province_is_not_in_that_province(places):
    # "مفرق الجوف" is a road junction in Ma'rib named for where the road leads
    ms = places("قتل خمسة مسلحين في مواجهات قرب مفرق الجوف في محافظة مأرب.")
    assert [m.location.name for m in ms if m.kind == "admin1"] == ["Ma'rib"]
    sub = only(ms, "sublocation")
    assert sub.text == "مفرق الجوف"
    assert (sub.location.name, sub.location.sublocation) == ("Ma'rib", "مفرق الجوف")


def test_a_camp_with_no_town_nearby_is_unresolved(places):
    sub = only(places("نفذت القوات مداهمات في مخيم الأمل."), "sublocation")
    assert sub.text == "مخيم الأمل"
    assert sub.location.lat is None and sub.location.sublocation == "مخيم الأمل"
    assert not sub.resolved


def test_an_unresolved_sublocation_takes_the_documents_country(places):
    ms = places("تواصل القتال في سوريا. ونفذت القوات مداهمات في مخيم الأمل.")
    sub = only(ms, "sublocation")
    loc = sub.location
    assert (loc.name, loc.country, loc.lat, loc.precision, loc.sublocation) == (
        "Syria",
        "SY",
        None,
        3,
        "مخيم الأمل",
    )


def test_a_sublocation_name_stops_at_prepositions_and_verbs(places):
    text = "أطلق مسلحون النار قرب دوار الباسل في حي غويران بمدينة الحسكة."
    subs = [m.text for m in places(text) if m.kind == "sublocation"]
    assert subs == ["دوار الباسل", "حي غويران"]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("اشتبك المسلحون في منطقة دار سعد شمال عدن.", "منطقة دار سعد"),
        ("سقطت قذائف على حي الشيخ عثمان في عدن.", "حي الشيخ عثمان"),
        ("فجر انتحاري نفسه في مسجد الإمام الصادق بمدينة الكويت.", "مسجد الإمام الصادق"),
    ],
)
def test_compound_proper_names_stay_whole(places, text, sub):
    subs = [m for m in places(text) if m.kind == "sublocation"]
    assert [m.text for m in subs] == [sub]
    assert subs[0].location.lat is not None


@pytest.mark.parametrize(
    "text", ["يتقدم الجيش في ساحة القتال.", "تباع الأسلحة في السوق السوداء.", "سقطت قذيفة على حي شعبي."]
)
def test_idioms_and_descriptions_are_not_sublocations(places, text):
    assert [m for m in places(text) if m.kind == "sublocation"] == []


def test_english_province_names(places):
    ms = places("Islamic State fighters attacked a checkpoint near Ramadi, in Anbar province, Iraq.")
    got = [(m.text, m.kind, m.location.precision) for m in ms]
    assert got == [("near Ramadi", "town", 2), ("Anbar", "admin1", 3), ("Iraq", "country", 3)]
    assert ms[1].location.name == "Al Anbar" and ms[1].location.country == "IQ"


def test_a_bare_division_named_like_its_seat_is_the_seat(places):
    # Ibb's and Khartoum's seats share their names: the name is the town even though GeoNames has
    # no Arabic spelling for these towns ("إب" alone is also the month آب, so it needs its frame).
    # Yobe State's seat is Damaturu, so "يوبي" stays the state.
    ibb = only(places("قصفت الطائرات مدينة إب."))
    assert (ibb.kind, ibb.location.name, ibb.location.precision) == ("town", "Ibb", 1)
    assert only(places("سيطر المسلحون على محافظة إب.")).kind == "admin1"
    khartoum = only(places("تظاهر الآلاف في الخرطوم."))
    assert (khartoum.kind, khartoum.location.name, khartoum.location.precision) == ("town", "Khartoum", 1)
    katsina = only(places("هاجم مسلحون قرية في كاتسينا."))
    assert (katsina.kind, katsina.location.name, katsina.location.precision) == ("town", "Katsina", 1)
    yobe = only(places("هاجم مسلحون قرية في يوبي."))
    assert (yobe.kind, yobe.location.name, yobe.location.precision) == ("admin1", "Yobe", 3)


def test_the_whole_country_is_the_country_the_report_is_about(places):
    text = "شنت الشرطة التركية حملة في إسطنبول وأنقرة، وجرت المداهمات في كل أنحاء البلاد."
    whole = next(p for p in places(text) if "أنحاء" in p.text)
    assert whole.kind == "country" and whole.location.country == "TR" and whole.location.lat is None


def test_an_unnamed_town_of_a_named_country_is_that_country(places):
    text = "قتل 30 شخصا في تفجير انتحاري في بلدة تركية على الحدود السورية."
    town = next(p for p in places(text) if p.text.startswith("بلدة"))
    assert (town.kind, town.location.country, town.location.precision) == ("country", "TR", 3)
    # a frame before a real town name stays that town
    assert not [p for p in places("وصلت تعزيزات إلى مدينة حلب.") if p.kind == "country"]


def test_a_weekday_after_a_definite_frame_dates_the_event(places):
    text = "وردت الفصائل بإطلاق قذائف على العاصمة الجمعة ما أسفر عن مقتل ثلاثة أشخاص."
    assert [p.text for p in places(text)] == []


def test_a_sublocation_takes_the_province_of_its_sentence_before_a_town_told_earlier(places):
    text = (
        "تواصلت المعارك قرب مدينة تعز أمس. "
        "وسيطرت المقاومة الشعبية في محافظة لحج على قاعدة العند الجوية بعد معارك عنيفة."
    )
    (base,) = [m for m in places(text) if m.kind == "sublocation"]
    assert base.location.sublocation == "قاعدة العند الجوية"
    assert base.location.admin1 == "Lahij" and base.location.precision == 3
