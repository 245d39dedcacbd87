"""Token bit masks (events/marks.py) answer the cue questions exactly as the key sets do."""

from __future__ import annotations

from fakes import analysis_of

from rasd.events.extract import sentence_views
from rasd.events.lexicon import load_lexicon

LEX = load_lexicon()
TEXT = (
    "قال مصدر أمني إن مسلحين لم يهاجموا نقطة تفتيش، فيما شنت طائرات التحالف غارات على مواقع "
    "الحوثيين منذ ثلاثة أشهر. وأضاف أن الجيش سيطر على المدينة في الفترة نفسها ولا يزال يلاحق "
    "المسلحين في ريفها."
)


def _views():
    return sentence_views(analysis_of(TEXT), LEX)


def _unregistered(words: frozenset[str]) -> frozenset[str]:
    """An equal set the lexicon gave no bit: the view answers it from the keys."""
    return frozenset(set(words))


def test_a_token_mask_has_the_bit_of_every_cue_set_its_keys_meet() -> None:
    for v in _views():
        for name, words in LEX.sets.items():
            bit = v._bit(words)
            assert bit, name
            for i, keys in enumerate(v.keys):
                assert bool(v.masks[i] & bit) == (not keys.isdisjoint(words)), (name, i)


def test_cue_questions_agree_with_the_key_sets() -> None:
    for v in _views():
        n = len(v.tokens)
        for words in LEX.sets.values():
            plain = _unregistered(words)
            assert not v._bit(plain)
            assert v.positions(words) == v.positions(plain)
            assert v.has_any(words) == v.has_any(plain)
            for lo in range(-2, n + 1, 3):
                for hi in (lo + 1, lo + 3, lo + 7, None):
                    assert v.has_any(words, lo, hi) == v.has_any(plain, lo, hi)
                    assert v.first_index(words, lo, hi) == v.first_index(plain, lo, hi)


def test_some_cue_is_found_in_the_text() -> None:
    # the sentences hold a negation, a since-frame and a speech verb: the check above is not vacuous
    found = {name for v in _views() for name, words in LEX.sets.items() if v.has_any(words)}
    assert {"realis.negation", "attribution.verbs"} <= found


def test_a_set_registered_after_the_views_were_built_is_read_from_the_keys() -> None:
    views = _views()
    late = frozenset({"غارات", "الجيش"})
    LEX.marks.register(late, late)
    assert [v.has_any(late) for v in views] == [True, True]
    assert [v.positions(late) for v in views] == [v.positions(_unregistered(late)) for v in views]
    assert all(v._bit(late) for v in _views())  # views built from now on carry its bit


def test_union_of_cue_sets_is_built_once_with_a_bit() -> None:
    u = LEX.union("attribution.verbs", "attribution.frames")
    assert u == LEX.cue("attribution.verbs") | LEX.cue("attribution.frames")
    assert LEX.union("attribution.verbs", "attribution.frames") is u
    assert all(v._bit(u) for v in _views())


def test_phrase_starts_agree_with_a_scan_of_every_first_word() -> None:
    names = [
        "realis.sentence_phrases",
        "realis.period_phrases",
        "realis.since",
        "realis.totals",
        "clause_joiners",
    ]
    found = 0
    for v in _views():
        for name in names:
            index = LEX.phrase_index(name)
            plain = dict(index)  # a copy has no bits: every token with a first word is tried
            assert v.phrase_starts(name, index) == v.phrase_starts("copy of " + name, plain)
            found += len(v.phrase_starts(name, index))
    assert found >= 3  # "منذ", "فيما" and "في الفترة" (not "في ريفها") are in the text
