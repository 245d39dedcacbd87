"""Matching: clitics, the article, multi-word names, English names, offsets into the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.places.match import normalize_text


def by_name(mentions):
    return {m.location.name: m for m in mentions}


def test_offsets_point_into_the_original_text(places):
    text = "قُتِلَ ثلاثةٌ في قصفٍ على مدينةِ الحسكةِ، وفرّ العشرات نحو القامشلي."
    for m in places(text):
        assert text[m.start : m.end] == m.text
        assert m.location.text in m.text


def test_normalized_text_keeps_an_offset_for_every_character():
    text = "بالحَسَكةِ   وحلب"
    nt = normalize_text(text)
    assert nt.norm == "بالحسكه وحلب"
    assert len(nt.offsets) == len(nt.norm)
    assert text[nt.offsets[nt.norm.index("و")]] == "و"


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("دارت اشتباكات عنيفة بالحسكة مساء أمس.", "الحسكة", "Al Hasakah"),
        ("وصلت تعزيزات إلى دمشق وحلب صباح اليوم.", "حلب", "Aleppo"),
        ("عاد النازحون لدمشق بعد توقف القصف.", "دمشق", "Damascus"),
        ("قصف الطيران مواقع في إدلب والرقة.", "الرقة", "Ar Raqqah"),
        ("سقطت قذائف على الحي الشرقي، فالموصل تحت الحصار.", "الموصل", "Mosul"),
        ("وصل الوفد للحسكة قادماً من دمشق.", "حسكة", "Al Hasakah"),
    ],
)
def test_proclitics_and_the_article_are_peeled(places, text, surface, name):
    found = by_name(places(text))
    assert name in found
    assert found[name].location.text == surface


def test_a_name_never_matches_inside_a_longer_word(places):
    # "السورية" and "العراقية" contain no place: nisba adjectives are not places.
    assert places("قالت الحكومة السورية والقوات العراقية إن الجيش اللبناني تقدم.") == []


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("سيطرت الفصائل على مدينة جسر الشغور بعد معارك.", "Jisr ash Shughur", "SY"),
        ("دخلت القوات التركية إلى رأس العين.", "Ra’s al ‘Ayn", "SY"),
        ("قصفت الطائرات أحياء في دير الزور.", "Deir ez-Zor", "SY"),
        ("أصيب جنديان في رام الله.", "Ramallah", "PS"),
    ],
)
def test_multi_word_names_match_as_one_place(places, text, name, country):
    mentions = places(text)
    assert [(m.location.name, m.location.country) for m in mentions] == [(name, country)]


def test_english_names_including_hyphenated_ones(places):
    found = by_name(places("Clashes erupted in Aleppo and near Deir ez-Zor, Syria, on Monday."))
    assert set(found) == {"Aleppo", "Deir ez-Zor", "Syria"}
    assert found["Deir ez-Zor"].location.precision == 2


def test_english_lowercase_words_are_not_places(places):
    assert places("the mobile police unit was reading the march report") == []


def _normalize_text_char_by_char(text):
    """What normalize_text computes, spelled out one character at a time: each character's
    normalize_key (the character itself when that is longer than one), dropped marks left out,
    one space for a run of whitespace between kept characters (at the offset of the run's last
    character)."""
    from rasd.text import normalize_key

    chars, offsets, space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            space = bool(chars)
            continue
        n = normalize_key(ch)
        if n == "":
            continue
        if space:
            chars.append(" ")
            offsets.append(i - 1)
            space = False
        chars.append(n if len(n) == 1 else ch)
        offsets.append(i)
    return "".join(chars), offsets


_PIECES = st.sampled_from(
    ["ب", "ال", "حسكة", "ـ", "\u064b", "\u0651", "\u200f", "\ufeff", " ", "  ", "\n", "\u00a0", "İ", "ß"]
    + ["١٢", "Deir", "ez-Zor", "«", "»", ".", "،", "\u2028", "\t", "\u200c"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_normalize_text_matches_its_character_by_character_definition(text):
    nt = normalize_text(text)
    norm, offsets = _normalize_text_char_by_char(text)
    assert (nt.norm, list(nt.offsets)) == (norm, offsets)
    assert [nt.offsets[i] for i in range(len(nt.offsets))] == offsets  # by index, as the stage reads it
    assert [nt.offsets[-i] for i in range(1, len(offsets) + 1)] == offsets[::-1]
    assert nt.strings == [nt.norm[s:e] for s, e in nt.words]
    assert nt.gaps == [""] + [nt.norm[nt.words[k - 1][1] : nt.words[k][0]] for k in range(1, len(nt.words))]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("قالحسكةأإآىؤئکی٣۴ Abİ\n\t.،«»_ΣσẞΣ")
            + ["\u064b", "\u0640", "\u0670", "\u200b", "\u200c", "\u202b", "\ufeff", "\u00a0", "\u2028"]
        ),
        max_size=30,
    )
)
def test_normalized_text_from_the_text_stage_form_is_the_same(text):
    # find_places passes the text stage's normalize(text).text instead of translating again
    from rasd.text.normalize import normalize

    assert normalize_text(text, normalize(text).text) == normalize_text(text)


def test_normalized_text_with_a_final_capital_sigma_is_read_one_character_at_a_time():
    from rasd.text.normalize import normalize

    text = "ΟΔΟΣ حلب"  # lower-cased as a whole string the last Σ would be "ς"
    assert normalize_text(text, normalize(text).text).norm == "οδοσ حلب"


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ب", "و", "x", "ال", " ", "\n", "_", "بلدة", "مدينة", "قرية", "ولاية", "منطقة", "تركية"]
        ),
        max_size=14,
    ).map("".join)
)
def test_unnamed_town_phrases_are_what_the_lookbehind_pattern_finds(text):
    import re

    from rasd.places.find import _unnamed_town_phrases

    pattern = re.compile(r"(?<!\w)(?:[وب]?)(?:بلدة|مدينة|قرية|منطقة|ولاية)\s+(\w+)")
    expected = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
    assert list(_unnamed_town_phrases(text)) == expected


def test_frame_spellings_are_the_words_a_frame_is_found_in(gazetteer):
    # the sublocation loop visits only the words in _frame_spellings: none with a frame may be left out
    from rasd.places.find import _find_frame_word, _frame_spellings

    lex = gazetteer.lexicon
    spellings = _frame_spellings(lex.sublocation_frames, lex.sublocation_frames_with_article)
    frames = sorted(lex.sublocation_frames | lex.sublocation_frames_with_article)
    prefixes = ["", "و", "ف", "ب", "ل", "وب", "ول", "فب", "ك", "ال", "وال", "بال", "لل", "فبال"]
    for word in {p + w for p in prefixes for w in [*frames, "حلب", "الحي", "ساحه", "سوق", "شارع"]}:
        assert (word in spellings) == (_find_frame_word(word, lex) is not None), word
