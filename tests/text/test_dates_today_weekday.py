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
