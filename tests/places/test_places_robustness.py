"""Edge cases and the offset invariant over real news text."""

from __future__ import annotations

import json

import pytest

from rasd.places import find_places
from rasd.text import analyze
from rasd.text.types import AnalyzedText


@pytest.mark.parametrize("text", ["", "   ", "!!! ... ؟؟", "12345 67", "و ب ل ف ك"])
def test_texts_without_words_give_no_places(places, text):
    assert places(text) == []


def test_works_without_sentences_from_the_text_stage(gazetteer):
    text = "قصف على حي الزهور في الحسكة"
    ms = find_places(AnalyzedText(text=text, published=None), gazetteer)
    assert {m.kind for m in ms} == {"sublocation", "town"}
    assert all(m.location.name == "Al Hasakah" for m in ms)


def test_mentions_are_ordered_and_do_not_overlap(places):
    ms = places("اشتباكات في ريف حلب وقرب جسر الشغور، وقصف على سجن حلب المركزي ومخيم اليرموك في دمشق.")
    spans = [(m.start, m.end) for m in ms]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.shared
def test_every_span_points_into_the_original_on_real_articles(shared_dir, gazetteer):
    path = shared_dir / "data" / "saudinewsnet" / "conflict_subset.jsonl"
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["content"] for _, line in zip(range(40), f, strict=False)]
    total = 0
    for text in texts:
        for m in find_places(analyze(text), gazetteer):
            total += 1
            assert text[m.start : m.end] == m.text
            assert m.location.country is not None
            assert (m.location.lat is None) == (m.location.lon is None)
            assert 0.0 <= m.score <= 1.0
    assert total > 100
