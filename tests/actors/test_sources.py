"""Source phrases and their kinds."""

from __future__ import annotations

import pytest

from rasd.actors import find_sources
from rasd.text import analyze


def sources_in(kb, text: str) -> list[tuple[str, str, str]]:
    out = []
    for m in find_sources(analyze(text), kb):
        assert text[m.start : m.end] == m.text == m.source.text
        out.append((m.text, m.source.name, m.source.kind))
    return out


@pytest.mark.parametrize(
    ("phrase", "name", "kind"),
    [
        ("المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights", "monitor"),
        ("رويترز", "Reuters", "media"),
        ("وكالة الأناضول", "Anadolu Agency", "media"),
        ("سانا", "SANA", "media"),
        ("واس", "Saudi Press Agency", "media"),
        ("فرانس برس", "Agence France-Presse", "media"),
        ("الميادين", "Al Mayadeen", "media"),
        ("الجزيرة", "Al Jazeera", "media"),
        ("العربية", "Al Arabiya", "media"),
        ("سكاي نيوز", "Sky News Arabia", "media"),
        ("مصادر محلية", "local sources", "local"),
        ("مصادر أمنية", "security sources", "official"),
        ("مصدر عسكري", "military source", "official"),
        ("شهود عيان", "eyewitnesses", "local"),
        ("مصادر الميادين", "Al Mayadeen sources", "media"),
        ("مصدر مقرب من قسد", "source close to SDF", "anonymous"),
        ("مركز المصالحة الروسي", "Russian Reconciliation Center", "official"),
        ("المتحدث باسم التحالف العربي", "Saudi-led Coalition spokesman", "official"),
        ("حزب العمال الكردستاني", "Kurdistan Workers' Party", "armed group"),
    ],
)
def test_resolve_source(kb, phrase, name, kind):
    source = kb.resolve_source(phrase)
    assert source is not None and (source.name, source.kind) == (name, kind)


def test_sources_in_a_report(kb):
    text = (
        "وقال المرصد السوري لحقوق الإنسان إن 12 شخصا قتلوا، فيما ذكرت وكالة رويترز نقلا عن مصادر طبية "
        "أن العدد أكبر. وأفادت مصادر أمنية مطلعة بأن الهجوم نفذه مسلحون."
    )
    found = sources_in(kb, text)
    assert ("المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights", "monitor") in found
    assert ("وكالة رويترز", "Reuters", "media") in found
    assert ("مصادر طبية", "medical sources", "official") in found
    assert ("مصادر أمنية مطلعة", "informed security sources", "official") in found


def test_spokesman_and_statement_frames(kb):
    found = sources_in(kb, "وقال الناطق باسم حزب العمال الكردستاني إن مقاتليه نفذوا الهجوم")
    assert ("الناطق باسم حزب العمال الكردستاني", "Kurdistan Workers' Party", "armed group") in found
    found = sources_in(kb, "وجاء في بيان وزارة الداخلية السعودية أن الانتحاري فجر نفسه")
    assert ("بيان وزارة الداخلية السعودية", "Saudi Interior Ministry", "official") in found


def test_titles_take_the_country(kb):
    found = sources_in(kb, "وأعلن مكتب رئيس الحكومة التركية أن وزير الداخلية العراقي وصل")
    assert ("مكتب رئيس الحكومة التركية", "Turkish Prime Minister's Office", "official") in found
    assert ("وزير الداخلية العراقي", "Iraqi Interior Minister", "official") in found
    found = sources_in(kb, "وأشارت وزارة الصحة التابعة للحكومة اليمنية إلى سقوط قتلى")
    assert ("وزارة الصحة التابعة للحكومة اليمنية", "Yemeni Ministry of Health", "official") in found


def test_claim_verb_is_not_part_of_the_source(kb):
    found = sources_in(kb, "وتبنى حزب العمال الكردستاني التفجير بحسب وكالة دوغان")
    assert ("حزب العمال الكردستاني", "Kurdistan Workers' Party", "armed group") in found
    assert ("وكالة دوغان", "Dogan News Agency", "media") in found


def test_outlet_names_that_are_common_words_need_a_frame(kb):
    text = "قدمت نسخة للدول الأعضاء في لجنة مبادرة السلام العربية بعد الحدث في الجزيرة العربية"
    assert sources_in(kb, text) == []
    found = sources_in(kb, 'وقالت العربية إن القصف استمر، وأكد مراسل الجزيرة ذلك، وصرح مسؤول لـ"الحدث"')
    assert [name for _, name, _ in found] == ["Al Arabiya", "Al Jazeera", "officials", "Al Arabiya"]


def test_sources_told_to_an_outlet_are_not_its_sources(kb):
    found = sources_in(kb, "وقالت المصادر لوكالة الأنباء الألمانية إن الهجوم فشل")
    assert ("وكالة الأنباء الألمانية", "Deutsche Presse-Agentur", "media") in found
    assert all("sources" not in name for _, name, _ in found)


def test_government_needs_a_country(kb):
    assert sources_in(kb, "وقالت الحكومة إنها ستحقق") == []
    assert sources_in(kb, "وقالت الحكومة اليمنية إنها ستحقق") == [
        ("الحكومة اليمنية", "Yemeni government", "official")
    ]


def test_spokesman_of_a_state_force_and_of_a_generic_army(kb):
    found = sources_in(kb, "حسب ما قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري")
    assert ("المتحدث باسم الجيش الوطني الليبي", "Libyan National Army", "armed group") in found
    found = sources_in(kb, "وقال الناطق باسم الجيش العراقي إن القوات تقدمت")
    assert ("الناطق باسم الجيش العراقي", "Iraqi army", "official") in found


def test_coordinated_state_forces_as_one_source(kb):
    assert kb.resolve_source("الجيش والشرطة الإسرائيلية").name == "Israeli army and police"


def test_coalition_spokesman_follows_the_document(kb):
    yemen = sources_in(kb, "وقال المتحدث باسم التحالف إن الغارات استهدفت مواقع الحوثيين في صعدة")
    assert ("المتحدث باسم التحالف", "Saudi-led Coalition", "official") in yemen
    syria = sources_in(kb, "وقال المتحدث باسم التحالف إن الغارات استهدفت مواقع داعش في الرقة")
    assert ("المتحدث باسم التحالف", "International Coalition", "official") in syria


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقالت مصادر امنية عراقية إن", ("مصادر امنية عراقية", "Iraqi security sources", "official")),
        ("وقالت مصادر في الجيش العراقي إن", ("مصادر في الجيش العراقي", "Iraqi army sources", "official")),
        ("وقال مصدر في حزب الله إن", ("مصدر في حزب الله", "Hezbollah source", "armed group")),
        ("وقال الجيش الأمريكي إن", ("الجيش الأمريكي", "US army", "official")),
    ],
)
def test_source_names_are_composed(kb, text, expected):
    assert expected in sources_in(kb, text)


def test_region_name_is_not_the_newspaper(kb):
    assert sources_in(kb, "تتصاعد التوترات في منطقة الشرق الأوسط") == []
    assert sources_in(kb, "وقالت صحيفة الشرق الأوسط إن")[0][1] == "Asharq Al-Awsat"


def test_actor_pass_is_reused_only_for_the_same_text(kb):
    from rasd.actors import find_actors

    a = analyze("وقال الناطق باسم حزب الله إن المقاتلين تقدموا")
    b = analyze("وقال الناطق باسم حركة حماس إن المقاتلين تقدموا")
    find_actors(a, kb)
    assert [s.source.name for s in find_sources(b, kb)] == ["Hamas"]
    find_actors(b, kb)
    assert [s.source.name for s in find_sources(a, kb)] == ["Hezbollah"]


def test_a_press_conference_is_no_journalist_speaking(kb):
    # "صحفي" in "مؤتمر صحفي" / "تصريح صحافي" / "بيان صحفي" is the adjective "press"
    for text in (
        "وقال وزير الداخلية العراقي في مؤتمر صحفي إن القوات اعتقلت خمسة مسلحين",
        "وأكد قائد شرطة الأنبار في تصريح صحافي أن القصف أوقع قتلى",
        "وذكرت الوزارة في بيان صحفي أن الهجوم استهدف حاجزا",
    ):
        assert all(name != "a journalist" for _text, name, _kind in sources_in(kb, text)), text
    # a reporter who speaks is one
    found = sources_in(kb, "وقال أحد الصحفيين إن الاشتباكات استمرت حتى الفجر")
    assert any(name == "a journalist" for _text, name, _kind in found)


def test_a_publication_is_no_source_in_its_own_article(kb):
    text = "وقالت مصادر محلية لـ«الشرق الأوسط» إن الاشتباكات استمرت حتى الفجر"
    elsewhere = [m.source.name for m in find_sources(analyze(text), kb, outlet="alriyadh")]
    own = [m.source.name for m in find_sources(analyze(text), kb, outlet="aawsat")]
    assert "Asharq Al-Awsat" in elsewhere and "local sources" in elsewhere
    assert "Asharq Al-Awsat" not in own and "local sources" in own


def test_a_surname_is_no_news_agency(kb):
    # "دوغان" alone is also a surname: the agency only after a word of attribution or by its name
    found = sources_in(kb, "وقال بختيار دوغان الناطق باسم الجناح العسكري للحزب إن الطائرات قصفت مواقعه")
    assert all(name != "Dogan News Agency" for _t, name, _k in found)
    for text in (
        "قتل جنديان في الهجوم، حسب دوغان.",
        "وقتل شرطي وفق ما نقلت وكالتا الأناضول ودوغان للأنباء.",
    ):
        assert any(name == "Dogan News Agency" for _t, name, _k in sources_in(kb, text)), text


def test_a_commander_in_a_group_speaks_for_it(kb):
    for text in (
        "وقال قائد عسكري في المقاومة الشعبية إن المعارك مستمرة",
        "وأشار القيادي في صفوف المقاومة الشعبية إلى أن الثوار تقدموا",
    ):
        assert any(name == "Popular Resistance" for _t, name, _k in sources_in(kb, text)), text
