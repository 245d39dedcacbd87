"""Date expressions resolved against the publication date, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

PUB = dt.date(2015, 7, 21)  # a Tuesday
D = dt.date


def _ds(analyzer, text, published=PUB):
    a = analyzer.analyze(text, published)
    for d in a.dates:
        assert text[d.start : d.end] == d.text
    return [(d.text, d.value, d.precision) for d in a.dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل جنديان أمس في الهجوم.", [("أمس", D(2015, 7, 20), 1)]),
        ("وقع الانفجار أول من أمس.", [("أول من أمس", D(2015, 7, 19), 1)]),
        ("وقع الانفجار أول أمس.", [("أول أمس", D(2015, 7, 19), 1)]),
        ("قصفت الطائرات المدينة اليوم.", [("اليوم", D(2015, 7, 21), 1)]),
        ("وتدور الآن اشتباكات عنيفة وسط المدينة.", [("الآن", D(2015, 7, 21), 1)]),
        ("قصفت الطائرات المدينة مساء أمس.", [("مساء أمس", D(2015, 7, 20), 1)]),
        ("قصفت الطائرات المدينة ليل أمس.", [("ليل أمس", D(2015, 7, 20), 1)]),
        ("اندلعت الاشتباكات فجر اليوم.", [("فجر اليوم", D(2015, 7, 21), 1)]),
        ("اندلعت الاشتباكات صباح اليوم الثلاثاء.", [("صباح اليوم الثلاثاء", D(2015, 7, 21), 1)]),
        # the named weekday wins over أمس (a story written days before its date): Thursday before
        ("قتل يوم أمس الخميس خمسة أشخاص.", [("يوم أمس الخميس", D(2015, 7, 16), 1)]),
        ("قتل يوم أمس الاثنين خمسة أشخاص.", [("يوم أمس الاثنين", D(2015, 7, 20), 1)]),
        ("وسقطت القذائف منذ يومين.", [("منذ يومين", D(2015, 7, 19), 1)]),
        ("وسقطت القذائف منذ ثلاثة أيام.", [("منذ ثلاثة أيام", D(2015, 7, 18), 1)]),
        ("وسقطت القذائف الأسبوع الماضي.", [("الأسبوع الماضي", D(2015, 7, 14), 2)]),
        ("وسقطت القذائف الشهر الماضي.", [("الشهر الماضي", D(2015, 6, 1), 3)]),
        ("الیوم قصف الجيش المدينة.", [("الیوم", D(2015, 7, 21), 1)]),
    ],
)
def test_relative_days_resolve_against_published(analyzer, text, expected):
    assert _ds(analyzer, text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("هاجم المسلحون الحاجز يوم الخميس.", D(2015, 7, 16)),
        ("هاجم المسلحون الحاجز الخميس.", D(2015, 7, 16)),
        ("هاجم المسلحون الحاجز يوم الثلاثاء.", D(2015, 7, 21)),  # published day itself
        ("هاجم المسلحون الحاجز الثلاثاء الماضي.", D(2015, 7, 14)),
        ("هاجم المسلحون الحاجز يوم الاثنين.", D(2015, 7, 20)),
        ("هاجم المسلحون الحاجز مساء السبت.", D(2015, 7, 18)),
    ],
)
def test_weekday_is_the_latest_on_or_before_published(analyzer, text, value):
    got = _ds(analyzer, text)
    assert [(v, p) for _, v, p in got] == [(value, 1)]


def test_a_day_with_the_article_is_a_date_not_a_count(analyzer):
    a = analyzer.analyze("وقال المتحدث إن القيادي قتل في الـ8 من يوليو الجاري قرب الحدود.", PUB)
    assert [(d.text, d.value, d.precision) for d in a.dates] == [("8 من يوليو", D(2015, 7, 8), 1)]
    assert a.quantities == []


def test_ambiguous_weekday_words_are_weekdays_unless_the_context_says_otherwise(analyzer):
    assert _ds(analyzer, "قتل 32 شخصا في تفجير انتحاري الاثنين في بلدة حدودية.") == [
        ("الاثنين", D(2015, 7, 20), 1)
    ]
    assert _ds(analyzer, "وقعت مشادة بين الاثنين قبل الحادث.") == []
    assert _ds(analyzer, "أصيب كلا الاثنين بجروح.") == []
    assert _ds(analyzer, "قتل الأحد عشر جنديا.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقعت المعارك في 5 ديسمبر / كانون الأول 2014.", ("5 ديسمبر / كانون الأول 2014", D(2014, 12, 5), 1)),
        ("وقعت المعارك في 12 كانون الثاني 2015.", ("12 كانون الثاني 2015", D(2015, 1, 12), 1)),
        ("وقعت المعارك في 3 يناير الماضي.", ("3 يناير", D(2015, 1, 3), 1)),
        ("وقعت المعارك في 18 تموز.", ("18 تموز", D(2015, 7, 18), 1)),
        ("وقعت المعارك في 25 ديسمبر.", ("25 ديسمبر", D(2014, 12, 25), 1)),  # no year: on or before published
        ("وقعت المعارك في 21/7/2015.", ("21/7/2015", D(2015, 7, 21), 1)),
        ("وقعت المعارك في 21.07.2015.", ("21.07.2015", D(2015, 7, 21), 1)),
        ("وقعت المعارك في 2015-07-19.", ("2015-07-19", D(2015, 7, 19), 1)),
        ("وقعت المعارك في ٢١/٧/٢٠١٥.", ("٢١/٧/٢٠١٥", D(2015, 7, 21), 1)),
        ("وقعت المعارك الأحد 19 يوليو 2015.", ("الأحد 19 يوليو 2015", D(2015, 7, 19), 1)),
        ("وقعت المعارك في 7 جويلية 2015.", ("7 جويلية 2015", D(2015, 7, 7), 1)),
        ("بدأت المعارك في يوليو.", ("يوليو", D(2015, 7, 1), 3)),
        ("بدأت المعارك في شهر حزيران.", ("شهر حزيران", D(2015, 6, 1), 3)),
        ("بدأت المعارك مطلع آذار 2014.", ("آذار 2014", D(2014, 3, 1), 3)),
        ("وقع الهجوم في 5 شوال 1436 هـ.", ("5 شوال 1436 هـ", D(2015, 7, 21), 1)),
        ("وقع الهجوم في 2 شوال.", ("2 شوال", D(2015, 7, 18), 1)),
    ],
)
def test_calendar_dates(analyzer, text, expected):
    assert _ds(analyzer, text) == [expected]


def test_hijri_mention_says_its_calendar(analyzer):
    a = analyzer.analyze("الموافق 5 شوال 1436 هـ", PUB)
    assert [d.calendar for d in a.dates] == ["hijri"]


@pytest.mark.parametrize(
    "text",
    [
        "تجمع المتظاهرون أمام قصر 22 مايو.",
        "نظمت حركة 6 أبريل مسيرة.",
        "مارس الجيش ضغوطا على المسلحين.",
        "رمضان عبد الله قائد ميداني.",
        "في اليوم التالي عاد النازحون.",
    ],
)
def test_names_and_words_that_are_not_dates(analyzer, text):
    assert _ds(analyzer, text) == []


def test_to_date_today_is_marked(analyzer):
    a = analyzer.analyze("لم يعد النازحون إلى منازلهم حتى اليوم.", PUB)
    assert [(d.text, d.kind, d.value) for d in a.dates] == [("حتى اليوم", "to_date", PUB)]


def test_relative_dates_have_no_value_without_published(analyzer):
    a = analyzer.analyze("قتل جنديان أمس وأصيب ثلاثة يوم الخميس في 5 ديسمبر 2014 وفي 7 يناير.", None)
    got = [(d.text, d.value, d.kind) for d in a.dates]
    assert got == [
        ("أمس", None, "relative"),
        ("يوم الخميس", None, "weekday"),
        ("5 ديسمبر 2014", D(2014, 12, 5), "absolute"),
        ("7 يناير", None, "absolute"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تجري الانتخابات في 21 أكتوبر (تشرين الأول) المقبل.",
            ("21 أكتوبر (تشرين الأول) المقبل", D(2015, 10, 21), 1),
        ),
        ("يبدأ الحوار الاثنين المقبل.", ("الاثنين المقبل", D(2015, 7, 27), 1)),
        ("سقطت القذائف الليلة الماضية.", ("الليلة الماضية", D(2015, 7, 20), 1)),
        # the night before last, not tonight
        ("سقطت القذائف الليلة قبل الماضية.", ("الليلة قبل الماضية", D(2015, 7, 19), 1)),
        ("نفذ الهجوم في 4 / 8 / 1436هـ في المدينة.", ("4 / 8 / 1436هـ", D(2015, 5, 22), 1)),
    ],
)
def test_upcoming_dates_last_night_and_numeric_hijri(analyzer, text, expected):
    assert _ds(analyzer, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع الهجوم في الخامس من ديسمبر الماضي.", ("الخامس من ديسمبر", D(2014, 12, 5), 1)),
        (
            "وقع الهجوم يوم الحادي والعشرين من شهر يوليو 2015.",
            ("الحادي والعشرين من شهر يوليو 2015", D(2015, 7, 21), 1),
        ),
        (
            "وقع الهجوم في الثالث عشر من يونيو (حزيران) 2014.",
            ("الثالث عشر من يونيو (حزيران) 2014", D(2014, 6, 13), 1),
        ),
    ],
)
def test_ordinal_days(analyzer, text, expected):
    assert _ds(analyzer, text) == [expected]


def test_the_anchor_trie_matches_what_the_word_alternation_matches():
    import re

    from rasd.text.dates import _alt, _trie
    from rasd.text.normalize import normalize_key

    words = ["آب", "أبريل", "أول من أمس", "أمس", "اليوم", "الأحد", "الأربعاء"]
    alt, trie = re.compile(_alt(words)), re.compile(_trie(words))
    text = normalize_key("منذ أول من أمس والأربعاءالأحد ابريل آب أبريلاب اليومين") + " اول  من\nامس"
    found = [m.group() for m in trie.finditer(text)]
    assert found == [m.group() for m in alt.finditer(text)]
    # the longest word wins where a shorter one is its prefix, and "\s+" joins a phrase's words
    assert found == ["اول من امس", "الاربعاء", "الاحد", "ابريل", "اب", "ابريل", "اب", "اليوم", "اول  من\nامس"]


@pytest.mark.parametrize("text", ["قتل القيادي العام الماضي في غارة.", "وقع التفجير في السنة الماضية."])
def test_last_year_is_a_past_date_a_year_back(analyzer, text):
    (d,) = analyzer.analyze(text, dt.date(2015, 7, 21)).dates
    assert (d.value, d.precision) == (dt.date(2014, 7, 1), 3)


def test_this_year_is_no_date_of_a_happening(analyzer):
    assert analyzer.analyze("قتل مئات المدنيين هذا العام.", dt.date(2015, 7, 21)).dates == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("نشر الفيديو منذ أربعة أشهر.", dt.date(2015, 3, 23)), ("وقع الهجوم منذ شهرين.", dt.date(2015, 5, 22))],
)
def test_since_months_is_a_date_months_back(analyzer, text, value):
    (d,) = analyzer.analyze(text, dt.date(2015, 7, 21)).dates
    assert (d.value, d.precision) == (value, 3)


def test_since_months_without_a_number_is_no_date(analyzer):
    assert analyzer.analyze("يحاصر المسلحون المدينة منذ أشهر.", dt.date(2015, 7, 21)).dates == []


@pytest.mark.parametrize(
    "text",
    [
        "قال الإرهابي إن الانتخابات جرت أمس، وأول من أمس سقطت قذائف منذ يومين في 5 آب 2015.",
        "الأسبوع الماضي والشهر الماضي والعام الماضي: 21/7/2015 و2015-07-21 و١٢/٣/٢٠١٥ يوم الخميس.",
        "رمضان وشوال، مارس 2015، مايوكا ابريلي 3 . 4 الاثنينات",
        "",
    ],
)
def test_anchor_scan_finds_what_the_pattern_finds_everywhere(analyzer, text):
    # the anchors come from an Aho-Corasick pass over the keys' first words and the digits; they
    # must be exactly the matches of the anchor pattern run over every position
    from rasd.text.normalize import normalize

    finder = analyzer.dates
    norm = normalize(text).text
    every = [(m.span(), m.lastgroup) for m in finder.lex.anchor.finditer(norm)]
    assert [(m.span(), m.lastgroup) for m in finder._anchors(norm)] == every
    assert text == "" or every  # the sentences do hold anchors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "آب" (August) inside الإرهاب, "الآن" inside الانتخابات, "العام" inside العامة: words,
        # not dates; the real month, weekday and relative day beside them still are
        ("اعتقلت قوات مكافحة الإرهاب أبو خالد في الانتخابات العامة.", []),
        # no year: the August on or before publication (a week's grace), 2014
        ("هاجم مسلحون مركزا لمكافحة الإرهاب في 3 آب الماضي.", [("3 آب", D(2014, 8, 3), 1)]),
        ("وقالت الأمانة العامة للانتخابات إن الاقتراع جرى الأحد.", [("الأحد", D(2015, 7, 19), 1)]),
        ("وفي آب قتل العشرات في هجمات الإرهاب.", [("آب", D(2014, 8, 1), 3)]),
    ],
)
def test_lexicon_words_inside_other_words_are_no_dates(analyzer, text, expected):
    assert _ds(analyzer, text) == expected
