"""The word sets' bits are numbered by how often tokens meet them (events/lexicon.py, issue 11):
the sets of common words get the low bits, so most token masks fit in a machine word; the answers
are the same as with the sets numbered in the order they are built."""

from __future__ import annotations

from fakes import analysis_of

from rasd.events import extract_events
from rasd.events.extract import sentence_views
from rasd.events.lexicon import EAGER_PHRASE_LISTS, EAGER_UNIONS, load_lexicon
from rasd.text.analyze import default_analyzer

BY_FREQUENCY = load_lexicon()
AS_BUILT = load_lexicon(bits_by_frequency=False)
WORD = 1 << 62  # mypyc's ints below this are machine words

TEXTS = [
    "قال مصدر أمني إن طائرات التحالف شنت غارات على مواقع الحوثيين في صنعاء منذ ثلاثة أيام، "
    "ما أسفر عن مقتل 12 شخصا وإصابة 20 آخرين، فيما لم تعلق الجماعة على الهجوم.",
    "وأعلن تنظيم داعش مسؤوليته عن تفجير سيارة مفخخة في بغداد صباح اليوم، وأضاف المصدر أن "
    "قوات الأمن اعتقلت خمسة مشتبه بهم في وقت لاحق.",
    "تظاهر مئات المواطنين في القاهرة احتجاجا على ارتفاع الأسعار، وقالت وزارة الداخلية إنها "
    "لن تسمح بأي أعمال شغب خلال الأسبوع المقبل.",
    "وكانت قوات سوريا الديمقراطية قد سيطرت على عدة قرى في ريف الحسكة الشهر الماضي بعد معارك "
    "عنيفة مع مسلحين، بينما يهدد التنظيم بشن هجمات جديدة.",
]


def _named(lex):
    """Every set the lexicon numbers at load, by a name that is the same in both lexicons."""
    out = {f"cue {name}": words for name, words in lex.sets.items()}
    out |= {f"union {'+'.join(names)}": lex.union(*names) for names in EAGER_UNIONS}
    for name in EAGER_PHRASE_LISTS:
        index = lex.phrase_index(name)
        out[f"phrases {name}"] = index
        for k, part in enumerate(lex.marks.phrase_parts[id(index)]):
            out[f"phrase part {k} {name}"] = part
    return out


def test_every_set_the_rules_ask_for_is_numbered_at_load() -> None:
    lex = load_lexicon()
    numbered = lex.marks.count
    for text in TEXTS:
        extract_events(analysis_of(text, "2016-03-02"), lex)
    # no union or phrase list was built on first use (with a bit above the others)
    assert lex.marks.count == numbered
    assert set(lex._unions) == set(EAGER_UNIONS)
    assert set(lex._phrase_indexes) == set(EAGER_PHRASE_LISTS)


def test_bits_follow_the_estimated_frequency_of_their_sets() -> None:
    vocab = default_analyzer().segmenter.vocab
    bits = BY_FREQUENCY.marks.bitmap
    by_bit = sorted(
        (bits[id(words)], sum(vocab.get(w, 0) for w in words)) for words in _named(BY_FREQUENCY).values()
    )
    counts = [c for _, c in by_bit]
    assert counts == sorted(counts, reverse=True)
    # the phrase lists' common first words ("في الفترة", "منذ") were numbered last, past 2**180
    first_words = BY_FREQUENCY.marks.phrase_parts[id(BY_FREQUENCY.phrase_index("realis.period_phrases"))][1]
    assert bits[id(first_words)] < 1 << 8
    late = AS_BUILT.phrase_index("realis.period_phrases")
    assert AS_BUILT.marks.bitmap[id(AS_BUILT.marks.phrase_parts[id(late)][1])] >= WORD


def test_most_token_masks_fit_in_a_machine_word() -> None:
    def masks(lex):
        return [m for text in TEXTS for v in sentence_views(analysis_of(text), lex) for m in v.masks if m]

    _named(AS_BUILT)  # every set built (the same ones as at load in BY_FREQUENCY), then numbered
    new, old = masks(BY_FREQUENCY), masks(AS_BUILT)
    assert len(new) == len(old) > 20
    # (these sentences are dense in cue words: over the subset's articles, two thirds of the
    # non-zero masks fit, 8% as built; here 37 of 77, 11 as built)
    fit_new, fit_old = sum(m < WORD for m in new), sum(m < WORD for m in old)
    assert fit_new >= 0.4 * len(new)
    assert fit_new > 2 * fit_old


def test_the_answers_do_not_depend_on_the_numbering() -> None:
    new_sets, old_sets = _named(BY_FREQUENCY), _named(AS_BUILT)
    assert new_sets.keys() == old_sets.keys()
    differ = 0
    for text in TEXTS:
        a = analysis_of(text, "2016-03-02")
        for v, w in zip(sentence_views(a, BY_FREQUENCY), sentence_views(a, AS_BUILT), strict=True):
            differ += v.masks != w.masks
            n = len(v.tokens)
            for name, words in new_sets.items():
                other = old_sets[name]
                assert v.bit_of(words) and w.bit_of(other), name
                assert v.positions(words) == w.positions(other), name
                if name.startswith("phrases "):
                    assert v.phrase_starts(name, words) == w.phrase_starts(name, other), name
                    continue
                for lo in range(-1, n + 1, 4):
                    for hi in (lo + 2, lo + 6, None):
                        assert v.has_any(words, lo, hi) == w.has_any(other, lo, hi), (name, lo, hi)
                        assert v.first_index(words, lo, hi) == w.first_index(other, lo, hi), (name, lo, hi)
        events = [e.to_json() for e in extract_events(a, BY_FREQUENCY)]
        assert events == [e.to_json() for e in extract_events(a, AS_BUILT)]
    assert differ  # the two numberings do differ on these sentences
