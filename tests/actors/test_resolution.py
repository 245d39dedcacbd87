"""Named actors: aliases, clitics, quotes, head nouns, longest match, kb.resolve/get/search/guess."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("داعش", "Islamic State"),
        ("تنظيم الدولة الإسلامية", "Islamic State"),
        ("ISIS", "Islamic State"),
        ("الحوثيين", "Houthis"),
        ("أنصار الله", "Houthis"),
        ("ميليشيات الحوثي", "Houthis"),
        ("المتمردين الحوثيين", "Houthis"),
        ("قوات سوريا الديمقراطية", "Syrian Democratic Forces"),
        ("قسد", "Syrian Democratic Forces"),
        ("الأسايش", "Asayish"),
        ("حزب العمال الكردستاني", "Kurdistan Workers' Party"),
        ("بي كيه كيه", "Kurdistan Workers' Party"),
        ("المقاومة الشعبية", "Popular Resistance"),
        ("جبهة النصرة", "Al Nusra Front"),
        ("حزب الله", "Hezbollah"),
        ("كتائب القسام", "Al-Qassam Brigades"),
        ("حماس", "Hamas"),
        ("الجيش الإسرائيلي", "Israel Defense Forces"),
        ("بوكو حرام", "Boko Haram"),
        ("طالبان", "Taliban"),
        ("التحالف العربي", "Saudi-led Coalition"),
        ("التحالف الدولي", "International Coalition"),
        ("جيش الأسد", "Military Forces of Syria"),
        ("قوات بشار الأسد", "Military Forces of Syria"),
        ("طائرات نظام بشار الأسد", "Military Forces of Syria"),
        ("طيران الأسد", "Military Forces of Syria"),
        ("القذائف الحوثية", "Houthis"),
        ("قذائف الحوثيين", "Houthis"),
        ("Military Forces of Syria (2000-)", "Military Forces of Syria"),
        ("Kurdistan Workers' Party", "Kurdistan Workers' Party"),
    ],
)
def test_resolve_names(kb, phrase, name):
    actor = kb.resolve(phrase)
    assert actor is not None and actor.name == name
    assert actor.id and actor.type


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("وشن مقاتلو المقاومة وداعش هجوما", "داعش", "Islamic State"),
        ("وقعت اشتباكات بين الجيش ولداعش خلايا", "داعش", "Islamic State"),
        ("ألحقت الغارات خسائر بتنظيم الدولة أمس", "تنظيم الدولة", "Islamic State"),
        ("وتصدت المقاومة للحوثيين في لحج", "للحوثيين", "Houthis"),
        ("قصف مواقع وللحوثيين", "للحوثيين", "Houthis"),
        ("غارات على مواقع والحوثيين", "الحوثيين", "Houthis"),
    ],
)
def test_clitics_are_stripped_from_the_span(actors_in, text, surface, name):
    assert (surface, name) in actors_in(text)


def test_head_nouns_and_quotes_belong_to_the_phrase(actors_in):
    text = (
        'هاجمت خلايا داعش نقطة لـ قوات "قسد" بينما قصف طيران «التحالف الدولي» مواقع تنظيم «داعش» قرب الحسكة'
    )
    found = actors_in(text)
    assert ("خلايا داعش", "Islamic State") in found
    assert ('قوات "قسد"', "Syrian Democratic Forces") in found
    assert ("طيران «التحالف الدولي»", "International Coalition") in found
    assert ("تنظيم «داعش»", "Islamic State") in found


def test_connector_between_head_and_name(actors_in):
    found = actors_in("قتل عنصرين من الشرطة التركية في هجوم")
    assert found == [("عنصرين من الشرطة التركية", "Police Forces of Turkey")]


def test_longest_match_wins(actors_in):
    found = actors_in("أعلنت كتائب حزب الله العراقي مسؤوليتها")
    assert found == [("كتائب حزب الله العراقي", "Kataib Hezbollah")]


def test_a_name_does_not_run_across_a_comma(actors_in):
    names = [n for _, n in actors_in("قاتل حزب، الله أعلم")]
    assert "Hezbollah" not in names


def test_get_search_and_entry_fields(kb):
    sdf = kb.get("sdf")
    assert sdf.name == "Syrian Democratic Forces" and sdf.country == "SY" and "قسد" in sdf.aliases
    assert kb.get("islamic-state").wikidata == "Q2429253"
    assert kb.search("قسد")[0].id == "sdf"
    assert {a.id for a in kb.search("Houthi")} >= {"houthis"}
    assert kb.get("no-such-actor") is None
    assert kb.get("police.ly").name == "Police Forces of Libya"


def test_guess_keeps_unknown_organisations(kb):
    guess = kb.guess("جبهة تحرير الجنوب الغربي")
    assert guess.name == "جبهة تحرير الجنوب الغربي" and guess.type == "Rebel group" and guess.id is None
    assert kb.guess("لواء الفاتحين الجدد").type == "Rebel group"
    assert kb.guess("حزب الله").name == "Hezbollah"
    assert kb.resolve("كلمات لا تعني شيئا") is None


def test_foreign_forces_abroad_are_external(kb):
    assert kb.actor_type_for("mil-tr", "SY") == "External/Other forces"
    assert kb.actor_type_for("mil-tr", "TR") == "State forces"
    assert kb.actor_type_for("houthis", "YE") == "Rebel group"
    assert kb.actor_type_for(kb.resolve("الجيش العراقي"), "IQ") == "State forces"


def test_external_type_applied_with_the_document_country(actors_in, kb):
    from rasd.actors import find_actors
    from rasd.text import analyze

    text = "قصفت القوات التركية قرى في ريف الحسكة"
    (m,) = find_actors(analyze(text), kb, country="SY")
    assert (
        m.actor.name == "Turkish Armed Forces"
        and m.actor.type == "External/Other forces"
        and m.country == "TR"
    )


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Civilians (Syria)", "Civilians"),
        ("Protesters (Iran)", "Protesters"),
        ("Unidentified Armed Group (Iraq)", "Unidentified armed group"),
        ("Military Forces of Iraq (2020-) Popular Mobilization Forces", "Popular Mobilization Forces"),
        ("Allied Syrian and/or Russian Forces", "Syrian and/or Russian forces"),
        ("تركيا", "Turkish Armed Forces"),
    ],
)
def test_resolve_acled_style_names_and_countries(kb, phrase, name):
    assert kb.resolve(phrase).name == name


def test_a_country_inside_a_longer_phrase_is_not_its_army(kb):
    assert kb.resolve("Prisoners (Yemen)") is None
    assert kb.resolve("سافر الوفد إلى تركيا أمس") is None


def test_dual_head_joins_the_army(actors_in):
    assert actors_in("قتل جنديان من الجيش المالي قرب موبتي") == [
        ("جنديان من الجيش المالي", "Military Forces of Mali")
    ]


def test_diacritics_tatweel_and_hamza_variants(actors_in):
    text = "وهاجم مسلّحو داعـــش مواقعَ الحوثيّين، وقصفت الطائرات الاسرائيلية غزة"
    found = actors_in(text)
    assert ("مسلّحو داعـــش", "Islamic State") in found
    assert ("الحوثيّين", "Houthis") in found
    assert ("الطائرات الاسرائيلية", "Israel Defense Forces") in found


def test_the_regime_of_commentary_is_no_actor(kb):
    # "نظام الأسد" alone is the government talked about, not the forces that did something
    assert kb.resolve("نظام الأسد") is None
