"""Numbers and counted quantities in news sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.text.numbers import parse_digits

PUB = dt.date(2015, 7, 21)


def _qs(analyzer, text):
    a = analyzer.analyze(text, PUB)
    for q in a.quantities:
        assert text[q.start : q.end] == q.text
        if q.unit is not None:
            assert q.start <= q.unit_start < q.unit_end <= q.end
    return [(q.text, q.value, q.qualifier, q.unit) for q in a.quantities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت السلطات نزوح نحو 1100 عائلة من الحي.", [("نحو 1100 عائلة", 1100, "approx", "عايله")]),
        ("أدى القصف إلى مقتل 43 مدنيا على الأقل.", [("43 مدنيا على الأقل", 43, "at_least", "مدني")]),
        ("قتل ما لا يقل عن 12 طفلا في الغارة.", [("ما لا يقل عن 12 طفلا", 12, "at_least", "طفل")]),
        ("أصيب أكثر من 200 شخص بجروح.", [("أكثر من 200 شخص", 200, "at_least", "شخص")]),
        ("نزح قرابة ٣٬٥٠٠ شخص من القرى.", [("قرابة ٣٬٥٠٠ شخص", 3500, "approx", "شخص")]),
        ("قتل حوالي 1,200 مسلح.", [("حوالي 1,200 مسلح", 1200, "approx", "مسلح")]),
        ("اعتقل أقل من 5 عناصر.", [("أقل من 5 عناصر", 5, "at_most", "عنصر")]),
        ("نزح ما يصل إلى 3 آلاف عائلة.", [("ما يصل إلى 3 آلاف عائلة", 3000, "at_most", "عايله")]),
        ("فر 1.5 مليون لاجئ من البلاد.", [("1.5 مليون لاجئ", 1500000, "exact", "لاجي")]),
    ],
)
def test_quantities_with_digits_qualifiers_and_units(analyzer, text, expected):
    assert _qs(analyzer, text) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("قتل خمسة جنود في الكمين.", 5, "جندي"),
        ("قتلت خمس نساء في القصف.", 5, "امراه"),
        ("قتل اثنان من المسلحين.", 2, "مسلح"),
        ("أصيب اثنين من الجنود.", 2, "جندي"),
        ("اعتقل ثلاثة عشر شخصا.", 13, "شخص"),
        ("نزح ثلاثة آلاف شخص.", 3000, "شخص"),
        ("هجرت ألف ومئة عائلة.", 1100, "عايله"),
        ("قتل خمسة وعشرون مسلحا.", 25, "مسلح"),
        ("قتل عشرين مدنيا.", 20, "مدني"),
        ("وصل مئتي مقاتل إلى الجبهة.", 200, "مقاتل"),
        ("عبر خمسمائة وعشرون لاجئا الحدود.", 520, "لاجي"),
        ("نزح ألفين شخص.", 2000, "شخص"),
        ("قتل بخمسة صواريخ ثلاثة أطفال.", 5, "صاروخ"),
    ],
)
def test_quantities_from_number_words(analyzer, text, value, unit):
    got = _qs(analyzer, text)
    assert got, text
    assert (got[0][1], got[0][3]) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("قتل جنديين في الهجوم.", 2, "جندي"),
        ("احترقت سيارتين قرب الحاجز.", 2, "سياره"),
        ("أصيب شخصين بجروح.", 2, "شخص"),
    ],
)
def test_dual_nouns_count_two(analyzer, text, value, unit):
    got = _qs(analyzer, text)
    assert [(v, u) for _, v, _, u in got] == [(value, unit)]


def test_plural_that_looks_like_a_dual_is_not_two(analyzer):
    assert _qs(analyzer, "قتل مدنيين في القصف.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل عشرات المدنيين.", ("عشرات المدنيين", 12, "at_least", "مدني")),
        ("فر مئات الأشخاص.", ("مئات الأشخاص", 100, "at_least", "شخص")),
        ("نزح آلاف السكان.", ("آلاف", 1000, "at_least", None)),
        ("اعتقل عدد من الشبان.", ("عدد من الشبان", 3, "at_least", "شاب")),
        ("أصيب عدة أشخاص.", ("عدة أشخاص", 3, "at_least", "شخص")),
        ("قتل العشرات في المعارك.", ("العشرات", 12, "at_least", None)),
        ("نزح عشرات الآلاف من المدنيين.", ("عشرات الآلاف من المدنيين", 12000, "at_least", "مدني")),
        ("اعتقل عدد غير محدد من المحتجين.", ("عدد غير محدد من المحتجين", None, "unknown", "محتج")),
    ],
)
def test_vague_quantities_follow_the_contract(analyzer, text, expected):
    assert _qs(analyzer, text) == [expected]


def test_conjunction_is_not_part_of_the_quantity_text(analyzer):
    got = _qs(analyzer, "قتل جندي ومئات المدنيين وأكثر من 40 مسلحا.")
    assert [g[0] for g in got] == ["مئات المدنيين", "أكثر من 40 مسلحا"]


@pytest.mark.parametrize(
    "text",
    [
        "وقع الهجوم عام 1100 هجري.",
        "وقع الهجوم في عام 2015.",
        "وصل المقاتلون إلى قصر 22 مايو في صنعاء.",
        "تقدمت قوات اللواء 35 مدرع نحو المدينة.",
        "طالب المجلس بتنفيذ القرار 2216 فورا.",
        "تظاهر أنصار حركة 6 أبريل أمام المحكمة.",
        "بدأ القصف عند الساعة 5 فجرا.",
        "ارتفعت نسبة البطالة إلى 30% هذا العام.",
        "ارتفعت نسبة البطالة إلى 30 في المئة هذا العام.",
        "وقع التفجير في 21/7/2015 في المدينة.",
        "أسقطت طائرة من طراز إف-16 فوق البحر.",
        "قتل يوم الاثنين جندي في الهجوم.",
    ],
)
def test_years_dates_times_percentages_and_names_are_not_counts(analyzer, text):
    assert [q for q in _qs(analyzer, text) if q[1] is not None] == []


def test_a_number_like_a_year_is_a_count_when_it_counts_something(analyzer):
    assert _qs(analyzer, "نزح نحو 1100 عائلة عام 2015.") == [("نحو 1100 عائلة", 1100, "approx", "عايله")]
    assert _qs(analyzer, "فر 2015 شخصا من المخيم.") == [("2015 شخصا", 2015, "exact", "شخص")]


@pytest.mark.parametrize(
    ("s", "multiplied", "value"),
    [
        ("1,100", False, 1100),
        ("١٬١٠٠", False, 1100),
        ("3.5", False, 3.5),
        ("٣٫٥", False, 3.5),
        ("1.100", False, 1100),
        ("1.5", True, 1.5),
    ],
)
def test_parse_digits_reads_arabic_separators(s, multiplied, value):
    assert parse_digits(s, multiplied) == value


def test_names_that_look_like_duals_are_not_counts(analyzer):
    assert _qs(analyzer, "هاجمت حركة طالبان المدينة.") == []


def test_years_after_the_dual_of_year_are_not_counts(analyzer):
    assert _qs(analyzer, "حكم الفاطميون المدينة بين عامي 1074 و1163م.") == []


def test_a_date_or_definite_noun_after_a_number_is_not_its_unit(analyzer):
    assert _qs(analyzer, "قتل 43 شخصا وأصيب 173 اليوم الأحد.") == [
        ("43 شخصا", 43, "exact", "شخص"),
        ("173", 173, "exact", None),
    ]


def test_nisba_plurals_are_counted_people(analyzer):
    a = analyzer.analyze("قتل أربعة فلسطينيين برصاص الجيش.", PUB)
    assert [(q.text, q.value, q.unit, q.unit_class) for q in a.quantities] == [
        ("أربعة فلسطينيين", 4, "فلسطيني", "persons")
    ]


def test_eleven_with_the_article_is_not_ten(analyzer):
    assert [q for q in _qs(analyzer, "قتل الأحد عشر جنديا.") if q[1] == 10] == []


def test_vague_words_behind_clitics_and_words_that_only_look_vague(analyzer):
    got = _qs(analyzer, "أدى القصف للعشرات من الضحايا، وأرسلت كميات من الأسلحة.")
    assert got == [("للعشرات من الضحايا", 12, "at_least", "ضحيه")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("اعتقلت الشرطة أكثر من ألف و500 مشتبه به خلال الشهر.", 1500),
        ("نزح مليون و200 ألف شخص من المدينة.", 1_200_000),
        ("قتل 3 آلاف و400 مدني منذ بدء الحملة.", 3400),
        ("أصيب ألفان و300 شخص في المواجهات.", 2300),
    ],
)
def test_a_smaller_part_in_digits_after_a_scale_word_is_added(analyzer, text, value):
    assert [q[1] for q in _qs(analyzer, text)] == [value]


def test_digits_after_and_that_are_no_smaller_part_stay_apart(analyzer):
    # "20 و30": two counts side by side, not twenty-thirty
    assert [q[1] for q in _qs(analyzer, "قتل 20 شخصا و30 جنديا أمس.")] == [20, 30]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وتوقع الوزير عودة نصف مليون نازح إلى منازلهم.", 500_000),
        ("نزح ربع مليون شخص من المدينة خلال أسبوع.", 250_000),
    ],
)
def test_a_fraction_of_a_scale_word(analyzer, text, value):
    assert [q[1] for q in _qs(analyzer, text)] == [value]


def test_half_of_a_group_is_not_a_count(analyzer):
    assert _qs(analyzer, "وقال إن نصف السكان غادروا المدينة.") == []


def test_a_scale_word_of_a_scale_word_multiplies(analyzer):
    assert [q[1] for q in _qs(analyzer, "وقال إن المسؤولين نهبوا ألف مليار دولار من الخزينة.")] == [10**12]


def test_a_superscript_digit_is_no_figure(analyzer):
    # "كم²": "²" is a digit to str.isdigit() but no number int() reads; the document must not fail
    qs = _qs(analyzer, "قصفت الطائرات منطقة مساحتها 5 كم² وقتل 3 مدنيين.")
    assert ("3 مدنيين", 3, "exact", "مدني") in qs
    assert parse_digits("²") is None
