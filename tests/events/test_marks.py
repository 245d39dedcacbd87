"""Token bit masks (events/marks.py) answer the cue questions exactly as the key sets do."""

from __future__ import annotations

import dataclasses
import pickle
from concurrent.futures import ThreadPoolExecutor

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
            bit = v.bit_of(words)
            assert bit, name
            for i, keys in enumerate(v.keys):
                assert bool(v.masks[i] & bit) == (not keys.isdisjoint(words)), (name, i)


def test_cue_questions_agree_with_the_key_sets() -> None:
    for v in _views():
        n = len(v.tokens)
        for words in LEX.sets.values():
            plain = _unregistered(words)
            assert not v.bit_of(plain)
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
    assert all(v.bit_of(late) for v in _views())  # views built from now on carry its bit


def test_union_of_cue_sets_is_built_once_with_a_bit() -> None:
    u = LEX.union("attribution.verbs", "attribution.frames")
    assert u == LEX.cue("attribution.verbs") | LEX.cue("attribution.frames")
    assert LEX.union("attribution.verbs", "attribution.frames") is u
    assert all(v.bit_of(u) for v in _views())


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


def test_a_phrase_at_one_token_is_one_of_the_phrase_starts() -> None:
    found = 0
    for v in _views():
        for name in ("realis.period_phrases", "realis.since", "clause_joiners", "page_furniture"):
            index = LEX.phrase_index(name)
            starts = v.phrase_starts(name, index)
            assert [i for i in range(-1, len(v.tokens) + 1) if v.phrase_at(index, i)] == starts
            found += len(starts)
    assert found >= 3


def test_a_pickled_lexicon_answers_the_same() -> None:
    copy = pickle.loads(pickle.dumps(LEX))
    for v, w in zip(_views(), sentence_views(analysis_of(TEXT), copy), strict=True):
        assert w.masks == v.masks  # the same bits, renumbered by the copied sets' ids
        for name, words in LEX.sets.items():
            assert w.bit_of(copy.cue(name))
            assert w.positions(copy.cue(name)) == v.positions(words)
        index = copy.phrase_index("realis.period_phrases")
        assert w.phrase_starts("p", index) == v.phrase_starts("p", LEX.phrase_index("realis.period_phrases"))


def test_sets_registered_from_threads_at_once_get_distinct_bits() -> None:
    marks = load_lexicon().marks
    sets = [frozenset({f"w{k}", "shared"}) for k in range(400)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        bits = list(pool.map(lambda words: marks.register(words, words), sets))
    assert len(set(bits)) == len(sets)
    assert all(marks.register(words, words) == bit for words, bit in zip(sets, bits, strict=True))


def test_keys_kept_on_word_types_agree_with_tokens_made_by_hand() -> None:
    # tokens from ``tokenize`` carry their word type, where KeyMarks keeps a type's keys and mask;
    # the same tokens without it are looked up by their norm: both give the same answers, also
    # after a new set gets a bit (the kept masks then carry it too)
    tokens = analysis_of(TEXT).text.tokens
    assert all(t.word is not None for t in tokens)
    bare = [dataclasses.replace(t, word=None) for t in tokens]
    assert LEX.marks.tokens(tokens) == LEX.marks.tokens(bare)
    late = frozenset({"مسلحين", "نقطه"})
    bit = LEX.marks.register(late, late)
    keys, masks = LEX.marks.tokens(tokens)
    assert (keys, masks) == LEX.marks.tokens(bare)
    assert [bool(m & bit) for m in masks] == [not k.isdisjoint(late) for k in keys]
    assert any(m & bit for m in masks)


def test_tokens_of_one_surface_share_their_word_type() -> None:
    tokens = analysis_of(TEXT + " " + TEXT).text.tokens
    by_surface: dict[str, set[int]] = {}
    for t in tokens:
        assert t.word is not None and t.word.surface == t.text
        assert (t.word.norm, t.word.base, t.word.kind) == (t.norm, t.base, t.kind)
        by_surface.setdefault(t.text, set()).add(id(t.word))
    assert all(len(ids) == 1 for ids in by_surface.values())
    # a word type pickles without what the stages kept on it
    word = tokens[0].word
    copy = pickle.loads(pickle.dumps(word))
    assert (copy.surface, copy.norm, copy.segments, copy.base, copy.stem, copy.kind) == (
        word.surface,
        word.norm,
        word.segments,
        word.base,
        word.stem,
        word.kind,
    )
    assert copy.marks_stamp == 0 and copy.actor_shape == 0
