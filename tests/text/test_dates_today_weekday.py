""" "اليوم" next to a weekday: the named weekday wins (stories written days before they are printed)."""

import datetime as dt

from rasd.text import analyze


def _dates(text: str, published: dt.date):
    return [(d.text, d.value) for d in analyze(text, published).dates]


def test_today_with_a_weekday_resolves_to_that_weekday():
    # published on a Tuesday; "اليوم الأحد" is the Sunday before
    assert _dates("قتل 43 شخصا اليوم الأحد في عدن.", dt.date(2015, 7, 21)) == [
        ("اليوم الأحد", dt.date(2015, 7, 19))
    ]
    # published on a Saturday; "فجر اليوم الجمعة" is the Friday before
    assert _dates("داهمت القوات فجر اليوم الجمعة عدة منازل.", dt.date(2015, 8, 8)) == [
        ("فجر اليوم الجمعة", dt.date(2015, 8, 7))
    ]


def test_today_alone_is_the_publication_day():
    assert _dates("وقع انفجار اليوم في صنعاء.", dt.date(2015, 8, 8)) == [("اليوم", dt.date(2015, 8, 8))]


def test_yesterday_with_another_weekday_resolves_to_that_weekday():
    # published on a Tuesday; the story was written on Monday, so "أمس الأحد" is Sunday
    assert _dates("أصيب عنصران من البيشمركة بجروح أمس الأحد قرب كركوك.", dt.date(2015, 7, 21)) == [
        ("أمس الأحد", dt.date(2015, 7, 19))
    ]
    # "مساء أمس الأربعاء" in a paper of Friday: Wednesday evening
    assert _dates("قتل 8 مسلحين مساء أمس الأربعاء في عدن.", dt.date(2015, 7, 24)) == [
        ("مساء أمس الأربعاء", dt.date(2015, 7, 22))
    ]


def test_yesterday_with_the_matching_weekday_is_the_day_before():
    assert _dates("قتل 8 مسلحين أمس الخميس في عدن.", dt.date(2015, 7, 24)) == [
        ("أمس الخميس", dt.date(2015, 7, 23))
    ]
    assert _dates("قتل 8 مسلحين أمس في عدن.", dt.date(2015, 7, 24)) == [("أمس", dt.date(2015, 7, 23))]


def test_a_weekday_days_back_still_wins():
    # published on a Saturday: "اليوم الاثنين" was written five days earlier (a collection date)
    assert _dates("هز انفجار بلدة سروج اليوم الاثنين.", dt.date(2015, 7, 25)) == [
        ("اليوم الاثنين", dt.date(2015, 7, 20))
    ]
