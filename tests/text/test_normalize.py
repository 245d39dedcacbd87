"""Normalization and its offset map, with property tests over random Arabic/Latin/mixed text."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import rasd
from rasd.text.normalize import (
    _PRESENTATION,
    fold_presentation_forms,
    light_form,
    light_to_key,
    normalize,
    normalize_key,
)

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.one_of(
    ARABIC,
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(
        ["\u200f", "\u200e", "\u202b", "\ufeff", "\u0640", "ـ", "\n", " ", "İ", "ß", "٫", "٬", "«", "»"]
    ),
)
TEXTS = st.one_of(st.text(ARABIC, max_size=80), st.text(MIXED, max_size=120))


def test_normalize_key_unifies_arabic_spellings():
    assert normalize_key("إِسْرَائِيل") == "اسراييل"
    assert normalize_key("مُسْتَشْفَى  الشِّفَاء") == "مستشفي الشفاء"
    assert normalize_key("الحسكة") == "الحسكه"
    assert normalize_key("١٢٣ ۴۵") == "123 45"
    assert normalize_key("\u200fـحلـب\u200e") == "حلب"
    assert normalize_key("ISIS") == "isis"


def test_normalize_keeps_arabic_punctuation():
    assert normalize("قال، ثم؛ هل؟").text == "قال، ثم؛ هل؟"


def test_normalize_maps_spans_back_over_dropped_marks():
    text = "قُتِلَ جُنْدِيٌّ في حَلَب\u200f."
    n = normalize(text)
    assert n.text == "قتل جندي في حلب."
    i = n.text.index("جندي")
    s, e = n.span_to_original(i, i + len("جندي"))
    assert text[s:e] == "جُنْدِيٌّ"
    i = n.text.index("حلب")
    s, e = n.span_to_original(i, i + 3)
    assert text[s:e] == "حَلَب"


def test_light_form_keeps_what_tells_clitics_apart():
    assert light_form("عائلةٌ") == "عائلة"
    assert light_to_key(light_form("إلى")) == normalize_key("إلى")


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalize_text_equals_normalize_key_char_by_char(text):
    assume(all(len(c.lower()) == 1 for c in text))  # "İ" is kept as is (see the next test)
    n = normalize(text)
    # normalize_key also collapses whitespace; otherwise the two forms are the same
    assert " ".join(n.text.split()) == normalize_key(text)


def test_normalize_keeps_a_letter_whose_lower_case_is_longer():
    n = normalize("İstanbul قصف")
    assert n.text == "İstanbul قصف"
    assert n.span_to_original(9, 12) == (9, 12)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_normalized_spans_map_inside_the_original_and_round_trip(text, data):
    n = normalize(text)
    size = len(n.text)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    s, e = n.span_to_original(start, end)
    assert 0 <= s <= e <= len(text)
    # normalizing the original span gives back the normalized span
    assert normalize(text[s:e]).text == n.text[start:end]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_normalized_char_comes_from_its_original_char(text):
    n = normalize(text)
    prev = -1
    for i, c in enumerate(n.text):
        o = n.to_original(i)
        assert o > prev  # strictly increasing: the map is an alignment
        prev = o
        assert normalize(text[o]).text == c


def test_document_normalization_maps_every_character_as_the_lookup_form_does():
    # normalize() maps a whole document with a chain of str.replace, normalize_key with
    # translate: both must give each character the same form
    text = "أعلنت إدارة آل ٱلمدينة مقتل ۴٣ شخصاً في ضاحية «الشيخ مقصود» ی کرکوک ومسؤولي الهيئة"
    assert normalize(text).text == "".join(normalize_key(c) if c.strip() else c for c in text)


def _in_presentation_forms(text: str) -> str:
    """``text`` written with the positional glyphs some pages use (each letter's first form in
    the table), as a test input."""
    glyph: dict[str, str] = {}
    for code, letter in sorted(_PRESENTATION.items()):
        glyph.setdefault(letter, chr(code))
    return "".join(glyph.get(c, c) for c in text)


def test_presentation_forms_fold_to_letters_one_for_one():
    plain = "وقال مصدر مسؤول إن المقاومة سيطرت على الحي"
    shaped = _in_presentation_forms(plain)
    assert shaped != plain and fold_presentation_forms(shaped) == plain
    ligature = "\ufefb"  # lam-alef: two letters in one glyph, left as is so offsets hold
    assert fold_presentation_forms(shaped + ligature) == plain + ligature
    assert fold_presentation_forms(plain) is plain  # the usual case: no copy


def test_a_report_in_presentation_forms_gives_the_events_of_the_plain_report():
    plain = "قصفت طائرات التحالف أمس مواقع الحوثيين في صنعاء."
    shaped = _in_presentation_forms(plain)
    (a,) = rasd.extract(plain, published="2015-08-02")
    (b,) = rasd.extract(shaped, published="2015-08-02")
    assert (b.sub_event_type, b.actor1.name, b.location.name) == (
        a.sub_event_type,
        a.actor1.name,
        a.location.name,
    )
    assert [s.text for s in b.evidence] == [shaped[s.start : s.end] for s in b.evidence]  # quotes the input


def test_collapsed_is_the_documents_key_made_once():
    text = "  قصفت الطائرات\n\nمدينةَ   الرقة\tأمس  "
    n = normalize(text)
    first = n.collapsed()
    assert first == normalize_key(text) == "قصفت الطايرات مدينه الرقه امس"
    assert n.collapsed() is first  # kept, not made again
    assert normalize(text) == n  # equality is of the normal form, not of what was kept
