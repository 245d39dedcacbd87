"""Foreign towns GeoNames spells only in Latin letters, read through their apposition."""

from __future__ import annotations

import pytest

from rasd.places.transliterated import arabic_skeleton, latin_skeleton


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("غاروا", "Garoua"), ("ميدوغوري", "Maiduguri"), ("انجامينا", "N'Djamena"), ("خرطوم", "Khartoum")],
)
def test_both_spellings_reduce_to_one_consonant_skeleton(arabic, latin):
    assert arabic_skeleton(arabic) == latin_skeleton(latin)


def test_different_names_keep_different_skeletons():
    assert arabic_skeleton("غاروا") != latin_skeleton("Maroua")


def towns(mentions):
    return [(m.text, m.location.name, m.location.country) for m in mentions if m.kind == "town"]


def test_a_town_in_the_named_part_of_a_named_country_is_found(places):
    ms = places("لقي خمسة أشخاص مصرعهم في تفجير انتحاري في غيدر بشمال الكاميرون مساء الأحد.")
    (found,) = [m for m in ms if m.text == "غيدر"]
    assert (found.location.name, found.location.country, found.location.precision) == ("Guider", "CM", 1)
    assert 9.5 < found.location.lat < 10.5 and found.score < 1.0


def test_a_compound_direction_is_checked_on_both_axes(places):
    found = towns(places("قتل تسعة أشخاص في هجوم على مركز للشرطة في ميدوغوري بشمال شرق نيجيريا."))
    assert ("ميدوغوري", "Maiduguri", "NG") in found
    assert not towns(places("وقع انفجار في ميدوغوري بجنوب غرب نيجيريا."))


def test_the_same_word_after_a_preposition_later_in_the_report_is_the_same_town(places):
    text = (
        "قتل جنديان في هجوم على ثكنة في غيدر، شمالي الكاميرون. "
        "وقال مسؤول محلي إن السكان في غيدر يخشون هجمات جديدة، وإن غيدر تعيش حالة ترقب."
    )
    # the third "غيدر" has no preposition before it: a word standing alone is not read as the town
    assert [t for t in towns(places(text)) if t[0] == "غيدر"] == [("غيدر", "Guider", "CM")] * 2


def test_a_town_in_the_other_part_of_the_country_is_not_taken(places):
    # Guider lies in the north of Cameroon: "in the south" does not describe it.
    assert not [t for t in towns(places("وقع انفجار في غيدر بجنوب الكاميرون.")) if t[0] == "غيدر"]


@pytest.mark.parametrize(
    "text",
    [
        "اندلعت اشتباكات في وسط اليمن أمس.",  # a region noun, not a name
        "شارك المنتخب في مونديال جنوب إفريقيا.",  # the direction belongs to the country's name
        "انتشرت القوات في غيدر والكاميرون.",  # no apposition: nothing says غيدر is a place
    ],
)
def test_without_the_apposition_no_town_is_read_by_sound(places, text):
    assert towns(places(text)) == []


def test_the_latin_alternates_geonames_lists_are_read_too(places):
    # GeoNames' main name is "Şanlıurfa"; "Urfa" is one of its Latin alternates
    found = towns(places("اعتقلت الشرطة ناشطين في أورفا جنوب تركيا أمس."))
    assert [(t[0], t[2]) for t in found] == [("أورفا", "TR")]
    assert "urfa" in found[0][1].lower()
