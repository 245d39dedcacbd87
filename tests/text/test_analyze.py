"""The text stage as one call: invariants that every consumer relies on."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text import analyze, normalize_key
from rasd.text.analyze import TextAnalyzer
from rasd.text.segment import DATA

ARTICLE = (
    "مقتل 43 مدنيا في قصف على عدن.. والمقاومة تتقدم\n\n"
    " ارتكبت الميليشيات مجزرة في مدينة عدن، جنوب اليمن، مساء أمس، مما أدى إلى مقتل 43 مدنيا على الأقل "
    "وإصابة 173. وقال مصدر عسكري إن القوات «تتقدم باتجاه القصر. ولن تتوقف» حتى اليوم.\n\n"
    " وذكر مصدر آخر أن التحالف شن نحو 15 غارة يوم الخميس على مواقع في التواهي، ونزح قرابة 1100 عائلة."
)


def test_analyze_offsets_point_into_the_original():
    a = analyze(ARTICLE, dt.date(2015, 7, 21))
    for s in a.sentences:
        assert ARTICLE[s.start : s.end] == s.text
    for t in a.tokens:
        assert ARTICLE[t.start : t.end] == t.text
    for q in a.quantities:
        assert ARTICLE[q.start : q.end] == q.text
    for d in a.dates:
        assert ARTICLE[d.start : d.end] == d.text


def test_analyze_sentences_tokens_and_paragraphs_line_up():
    a = analyze(ARTICLE, dt.date(2015, 7, 21))
    assert [s.paragraph for s in a.sentences] == [0, 1, 1, 2]
    for i in range(len(a.sentences)):
        toks = a.sentence_tokens(i)
        assert toks and all(t.sentence == i for t in toks)
        assert a.sentence_of(toks[0].start) == i
    assert sum(len(a.sentence_tokens(i)) for i in range(len(a.sentences))) == len(a.tokens)


def test_analyze_finds_the_counts_and_dates_of_the_article():
    a = analyze(ARTICLE, dt.date(2015, 7, 21))
    assert [(q.text, q.value, q.qualifier, q.unit) for q in a.quantities] == [
        ("43 مدنيا", 43, "exact", "مدني"),
        ("43 مدنيا على الأقل", 43, "at_least", "مدني"),
        ("173", 173, "exact", None),
        ("نحو 15 غارة", 15, "approx", "غاره"),
        ("قرابة 1100 عائلة", 1100, "approx", "عايله"),
    ]
    assert [(d.text, d.value, d.kind) for d in a.dates] == [
        ("مساء أمس", dt.date(2015, 7, 20), "relative"),
        ("حتى اليوم", dt.date(2015, 7, 21), "to_date"),
        ("يوم الخميس", dt.date(2015, 7, 16), "weekday"),
    ]


def test_tokens_carry_segments_base_and_stem():
    a = analyze("وبالحسكة نزحت عائلات.")
    t = a.tokens[0]
    assert (t.text, t.norm, t.segments, t.base, t.kind) == (
        "وبالحسكة",
        "وبالحسكه",
        ("و", "ب", "ال", "حسكه"),
        "حسكه",
        "word",
    )
    assert a.tokens[-1].kind == "punct"


def test_tokens_in_returns_tokens_inside_a_span():
    a = analyze("قصفت الطائرات مدينة حلب اليوم.")
    start = a.text.index("مدينة")
    assert [t.text for t in a.tokens_in(start, start + len("مدينة حلب"))] == ["مدينة", "حلب"]


def test_normalized_text_travels_with_its_offset_map():
    text = "قُتِلَ جُنْدِيٌّ في حَلَب"
    a = analyze(text)
    i = a.normalized.text.index("حلب")
    s, e = a.normalized.span_to_original(i, i + 3)
    assert text[s:e] == "حَلَب"


def test_empty_and_whitespace_text():
    assert analyze("").tokens == []
    a = analyze("  \n\n ")
    assert a.sentences == [] and a.tokens == []


def _entries(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _entries(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _entries(v)


@pytest.mark.parametrize(
    "name", ["numbers.yaml", "counts.yaml", "dates.yaml", "clitics.yaml", "sentences.yaml"]
)
def test_every_lexicon_entry_survives_normalization(name):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    for entry in _entries(data):
        assert isinstance(entry, str)
        assert normalize_key(entry), (name, entry)


def test_every_month_and_weekday_name_is_found_as_written():
    an = TextAnalyzer()
    data = yaml.safe_load((DATA / "dates.yaml").read_text(encoding="utf-8"))
    for month, names in data["gregorian_months"].items():
        for name in names:
            got = an.analyze(f"وقع الهجوم في 3 {name} 2014 في المدينة", None).dates
            assert [d.value for d in got] == [dt.date(2014, int(month), 3)], name
    for names in data["weekdays"].values():
        for name in names:
            got = an.analyze(f"وقع الهجوم يوم {name} في المدينة", dt.date(2015, 7, 21)).dates
            assert len(got) == 1 and got[0].kind == "weekday", name


@pytest.mark.shared
def test_analyze_conflict_subset_offsets(shared_dir):
    an = TextAnalyzer()
    path = shared_dir / "data/saudinewsnet/conflict_subset.jsonl"
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= 60:
                break
            obj = json.loads(line)
            text = f"{obj['title']}\n{obj['content']}"
            a = an.analyze(text, dt.date.fromisoformat(obj["date_extracted"][:10]))
            for span in [*a.sentences, *a.tokens, *a.quantities, *a.dates]:
                assert text[span.start : span.end] == span.text


_PIECES = [
    "قتل",
    "وبالحسكة",
    "نحو",
    "1100",
    "عائلة",
    "أمس",
    "يوم",
    "الخميس",
    "الاثنين",
    "5",
    "ديسمبر",
    "/",
    "كانون الأول",
    "2015",
    "21/7/2015",
    "21.07.2015",
    "شوال",
    "1436",
    "هـ",
    "عشرات",
    "المدنيين",
    "على",
    "الأقل",
    "«",
    "»",
    '"',
    ".",
    "..",
    "؟",
    "،",
    "؛",
    "\n",
    "\n\n",
    " ",
    "قُتِلَ",
    "ـ",
    "\u200f",
    "٣٫٥",
    "١٬٢٠٠",
    "ألف",
    "ومئة",
    "جنديين",
    "حتى",
    "اليوم",
    "منذ",
    "يومين",
    "الشهر",
    "الماضي",
    "د.",
    "(",
    ")",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from([None, dt.date(2015, 7, 21)]))
def test_analyze_spans_are_exact_on_random_news_like_text(pieces, published):
    text = " ".join(pieces)
    a = analyze(text, published)
    for span in [*a.sentences, *a.tokens, *a.quantities, *a.dates]:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for t in a.tokens:
        assert 0 <= t.sentence < max(1, len(a.sentences))
    for q in a.quantities:
        if q.unit_start is not None:
            assert q.start <= q.unit_start < q.unit_end <= q.end
    starts = [s.start for s in a.sentences]
    assert starts == sorted(starts)
    assert all(a.sentences[i].end <= a.sentences[i + 1].start for i in range(len(a.sentences) - 1))
