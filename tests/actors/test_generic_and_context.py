"""Generic parties (head noun + country adjective) and ambiguous aliases resolved by the document."""

from __future__ import annotations

import pytest

from rasd.actors import find_actors
from rasd.text import analyze


@pytest.mark.parametrize(
    ("phrase", "name", "type_"),
    [
        ("مسلحون مجهولون", "Unidentified armed group", "Political militia"),
        ("مجهولون", "Unidentified armed group", "Political militia"),
        ("قوات الأمن التركية", "Police Forces of Turkey", "State forces"),
        ("الجيش العراقي", "Military Forces of Iraq", "State forces"),
        ("الشرطة المصرية", "Police Forces of Egypt", "State forces"),
        ("الشرطة الليبية", "Police Forces of Libya", "State forces"),
        ("الشرطة الإيطالية", "Police Forces of Italy", "State forces"),
        ("الشرطة البلجيكية", "Police Forces of Belgium", "State forces"),
        ("طائرات حربية روسية", "Military Forces of Russia", "External/Other forces"),
        ("طيران حربي تركي", "Turkish Armed Forces", "State forces"),
        ("سلاح الجو التركي", "Turkish Armed Forces", "State forces"),
        ("القوات الأميركية", "United States", "External/Other forces"),
        ("جنود إسرائيليين", "Israel Defense Forces", "State forces"),
        ("قوات الدرك التركية", "Turkish Gendarmerie", "State forces"),
        ("الجيش الموريتاني", "Military Forces of Mauritania", "State forces"),
        ("المدنيين", "Civilians", "Civilians"),
        ("أهالي", "Civilians", "Civilians"),
        ("سكان", "Civilians", "Civilians"),
        ("عائلات", "Civilians", "Civilians"),
        # the place where ordinary people gather, named as the target of a blast
        ("محطة حافلات", "Civilians", "Civilians"),
        ("السوق الشعبي", "Civilians", "Civilians"),
        ("متظاهرين", "Protesters", "Protesters"),
        ("المحتجين", "Protesters", "Protesters"),
        ("انتحاريتان", "Unidentified armed group", "Political militia"),
    ],
)
def test_generic_phrases(kb, phrase, name, type_):
    actor = kb.resolve(phrase)
    assert actor is not None and (actor.name, actor.type) == (name, type_)


def test_generic_mentions_are_marked(kb):
    text = "أطلق مسلحون مجهولون النار على مدنيين في الموصل، واعتقلت القوات العراقية ثلاثة من داعش"
    mentions = find_actors(analyze(text), kb)
    flags = {m.text: (m.actor.name, m.generic) for m in mentions}
    assert flags["مسلحون مجهولون"] == ("Unidentified armed group", True)
    assert flags["مدنيين"] == ("Civilians", True)
    assert flags["القوات العراقية"] == ("Military Forces of Iraq", True)
    assert flags["داعش"] == ("Islamic State", False)


def test_adjective_inflections_and_nationals(actors_in):
    found = dict(actors_in("قتل جنديان سوريان وأصيب ثلاثة فلسطينيين برصاص الشرطة الإسرائيلية"))
    assert found["فلسطينيين"] == "Civilians"
    assert found["الشرطة الإسرائيلية"] == "Police Forces of Israel"


def test_broken_plural_nationality_adjectives(actors_in):
    # "أتراك" is the plural of "تركي" without its suffixes
    found = dict(actors_in("رد الجنود الأتراك على النيران بعد مقتل ثلاثة جنود أتراك"))
    assert found["الجنود الأتراك"] == "Turkish Armed Forces"
    assert found["جنود أتراك"] == "Turkish Armed Forces"


def test_bare_security_forces_take_the_document_country(kb):
    text = "داهمت قوات الأمن منزلا في إسطنبول واعتقلت الشرطة مشتبها به"
    by_country = find_actors(analyze(text), kb, country="TR")
    assert [m.actor.name for m in by_country] == ["Police Forces of Turkey", "Police Forces of Turkey"]
    inferred = find_actors(analyze(text), kb)  # Istanbul marks a Turkish document
    assert [m.actor.name for m in inferred] == ["Police Forces of Turkey", "Police Forces of Turkey"]
    unknown = kb.resolve("قوات الأمن")
    assert unknown.name == "Security forces" and unknown.type == "State forces"


def test_coordinated_heads_share_the_adjective(actors_in):
    found = actors_in("وذكر الجيش والشرطة الإسرائيلية أن الحادث وقع ليلا")
    assert ("الجيش", "Israel Defense Forces") in found
    assert ("الشرطة الإسرائيلية", "Police Forces of Israel") in found


def test_coalition_depends_on_the_country(actors_in):
    yemen = "شنت طائرات التحالف غارات على مواقع في صعدة وصنعاء"
    syria = "شنت طائرات التحالف غارات على مواقع في الرقة ودير الزور"
    assert ("طائرات التحالف", "Saudi-led Coalition") in actors_in(yemen)
    assert ("طائرات التحالف", "International Coalition") in actors_in(syria)
    assert ("طائرات التحالف", "International Coalition") in actors_in(yemen, country="IQ")


def test_coalition_named_earlier_wins_over_country(actors_in):
    text = "قال التحالف الدولي إن طائراته قصفت صنعاء. وأضاف التحالف أن الغارات مستمرة"
    found = actors_in(text)
    assert found[-1] == ("التحالف", "International Coalition")


def test_the_organisation_is_the_one_last_named(actors_in):
    text = "سيطر تنظيم داعش على القرية. وقال سكان إن عناصر التنظيم أعدموا شابين"
    assert ("عناصر التنظيم", "Islamic State") in actors_in(text)
    text = "أعلنت حركة الشباب مسؤوليتها عن التفجير في مقديشو، وقال التنظيم إنه استهدف فندقا"
    assert ("التنظيم", "Al Shabaab") in actors_in(text)
    assert ("التنظيم", "Islamic State") not in actors_in("قال التنظيم إنه سيرد")


def test_definite_epithet_points_back_indefinite_does_not(actors_in):
    text = "هاجم مقاتلو بوكو حرام قرية في بورنو. وقتل المسلحون عشرة أشخاص، فيما هاجم مسلحون آخرون سوقا"
    found = actors_in(text)
    assert ("المسلحون", "Boko Haram") in found
    assert ("مسلحون", "Unidentified armed group") in found


def test_regime_and_putschists(actors_in):
    assert ("قوات النظام", "Military Forces of Syria") in actors_in("قصفت قوات النظام بلدات في ريف إدلب وحلب")
    assert ("الانقلابيين", "Houthi-Saleh forces") in actors_in("تصدت المقاومة لهجوم الانقلابيين في تعز وعدن")


def test_country_names_only_on_request(kb):
    text = "أعلنت تركيا أنها قصفت مواقع في العراق"
    assert not find_actors(analyze(text), kb)
    names = [m.actor.name for m in find_actors(analyze(text), kb, countries=True)]
    assert names == ["Turkish Armed Forces", "Military Forces of Iraq"]


def test_common_words_that_are_also_names_need_context(actors_in):
    assert actors_in("هاجم مسلحون القاعدة الجوية") == [("مسلحون", "Unidentified armed group")]
    found = actors_in("هاجم تنظيم القاعدة في جزيرة العرب مواقع ثم انسحبت القاعدة")
    assert found[-1] == ("القاعدة", "Al Qaeda in the Arabian Peninsula")
    assert ("تنظيم القاعدة", "Al Qaeda in the Arabian Peninsula") in actors_in(
        "هاجم تنظيم القاعدة مواقع في أبين ومأرب"
    )


@pytest.mark.parametrize(
    ("country", "name"),
    [("SY", "Syrian National Army"), ("LY", "Libyan National Army"), ("YE", "Military Forces of Yemen")],
)
def test_the_national_army_depends_on_the_country(actors_in, country, name):
    assert actors_in("تقدمت قوات الجيش الوطني نحو المدينة", country=country) == [("قوات الجيش الوطني", name)]


def test_the_youth_is_al_shabaab_only_in_somalia(actors_in):
    assert actors_in("هاجم مسلحو الشباب قاعدة في مقديشو") == [("مسلحو الشباب", "Al Shabaab")]
    assert actors_in("شارك الشباب في مهرجان بالقاهرة") == []


def test_nationality_noun_and_perpetrator(kb, actors_in):
    text = "ذكر الجيش أن فلسطينيا هاجم الجنود بسيارته، وقتل الجنود شابا فلسطينيا آخر"
    found = actors_in(text, country="IL")
    # right before a verb of attack, a person is the attacker; the one killed stays a civilian
    assert ("فلسطينيا", "Unidentified armed group") in found
    assert ("شابا فلسطينيا", "Civilians") in found
    from rasd.records import Actor

    attacker = kb.as_perpetrator(Actor(name="Civilians", type="Civilians", text="مدنيا"))
    assert (attacker.name, attacker.type, attacker.text) == (
        "Unidentified armed group",
        "Political militia",
        "مدنيا",
    )
    hamas = kb.resolve("حماس")
    assert kb.as_perpetrator(hamas) is hamas


def test_accusative_adjective_is_not_a_person(actors_in):
    assert actors_in("قدمت طهران دعما إيرانيا كبيرا للحكومة") == []


def test_a_person_described_by_the_bomb_they_carried_is_an_unidentified_attacker(kb):
    actor = kb.guess("الرجل الذي ارتدى حزاما ناسفا")
    assert (actor.name, actor.type) == ("Unidentified armed group", "Political militia")
    # an unknown organisation keeps its own name and a guessed category
    assert kb.guess("كتائب الفجر الجديد").name == "كتائب الفجر الجديد"
