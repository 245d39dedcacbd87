"""Clitic segmentation, bases and light stems on words written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.text.normalize import light_form


@pytest.mark.parametrize(
    ("word", "segments"),
    [
        ("وبالحسكة", ("و", "ب", "ال", "حسكه")),
        ("بالحسكة", ("ب", "ال", "حسكه")),
        ("وقال", ("و", "قال")),
        ("للجيش", ("ل", "ال", "جيش")),
        ("وللجيش", ("و", "ل", "ال", "جيش")),
        ("قواتهم", ("قوات", "هم")),
        ("منازلهم", ("منازل", "هم")),
        ("سيتم", ("س", "يتم")),
        ("وسيتم", ("و", "س", "يتم")),
        ("وكما", ("و", "كما")),
        ("والذي", ("و", "الذي")),
        ("المدنيين", ("ال", "مدنيين")),
        # letters that belong to the word stay
        ("الله", ("الله",)),
        ("وزارة", ("وزاره",)),
        ("بغداد", ("بغداد",)),
        ("ليبيا", ("ليبيا",)),
        ("فرنسا", ("فرنسا",)),
        ("كما", ("كما",)),
        ("مدني", ("مدني",)),
        ("ذلك", ("ذلك",)),
        ("هذه", ("هذه",)),
        ("بين", ("بين",)),
        ("فرار", ("فرار",)),
        ("ألمانيا", ("المانيا",)),
        ("كتيبة", ("كتيبه",)),
    ],
)
def test_segment_splits_clitics_and_keeps_word_letters(analyzer, word, segments):
    assert analyzer.segmenter.segment(word).segments == segments


def test_segment_base_is_the_key_form_without_clitics(analyzer):
    seg = analyzer.segmenter.segment("وبالحَسَكَةِ")
    assert seg.base == "حسكه"
    assert seg.norm == "وبالحسكه"
    assert seg.prefix == ("و", "ب", "ال")


@pytest.mark.parametrize(
    "family",
    [
        ["فرّوا", "الفارين", "فرار"],
        ["نزحت", "نزوح", "نازحين", "النازحون"],
        ["قُتل", "مقتل", "قتلى", "مقتولين"],
        ["اعتقل", "اعتقال", "معتقلين", "واعتقلت"],
        ["اشتباكات", "اشتبك", "الاشتباكات"],
        ["تفجير", "انفجار", "تفجيرات"],
    ],
)
def test_stem_meets_across_derived_forms(analyzer, family):
    stems = {analyzer.segmenter.segment(w).stem for w in family}
    assert len(stems) == 1, stems


def test_lemma_candidates_start_with_base_and_end_with_stem(analyzer):
    cands = analyzer.segmenter.lemma_candidates("المعتقلين")
    assert cands[0] == "معتقلين"
    assert "معتقل" in cands
    assert cands[-1] == analyzer.segmenter.stem(light_form("معتقلين"))


def test_segmenter_agrees_with_the_hand_checked_list(analyzer):
    """The hand-checked list (tests/text/data/segmentation_gold.tsv) is the segmenter's quality
    gate: clitics split where they are clitics, word letters kept where they are not."""
    path = Path(__file__).parent / "data" / "segmentation_gold.tsv"
    rows = [
        line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
    ]
    misses = [
        (w, "+".join(analyzer.segmenter.segment(w).segments), g)
        for w, g in rows
        if "+".join(analyzer.segmenter.segment(w).segments) != g
    ]
    assert len(rows) > 120
    assert len(misses) <= len(rows) // 50, misses


def test_ta_marbuta_comes_back_before_a_pronoun(analyzer):
    assert analyzer.segmenter.segment("قيادتها").segments == ("قياده", "ها")
    assert analyzer.segmenter.segment("قواتها").segments == ("قوات", "ها")


def test_module_level_lemma_candidates():
    from rasd.text import lemma_candidates

    assert lemma_candidates("والنازحين")[:2] == ["نازحين", "نازح"]
    assert lemma_candidates("والنازحين")[-1] == lemma_candidates("نزوح")[-1]
