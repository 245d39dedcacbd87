"""The neural tagger: token ids, Viterbi with the BIO constraint, the shipped onnx model."""

from __future__ import annotations

import numpy as np

from rasd.ner.features import Resources, strip_clitics
from rasd.ner.neural import MAX_CHARS, TAGS, Featurizer, Vocab, viterbi
from rasd.text import normalize_key


def small_featurizer() -> Featurizer:
    res = Resources(
        ks=(2, 4),
        clusters={normalize_key("دمشق"): (1, 3), normalize_key("الجيش"): (0, 2)},
        # a phrase's first word is stored clitic-stripped, as the training script stores it
        phrases={
            ("دمشق",): "LOC",
            (strip_clitics(normalize_key("الأمم"))[1], normalize_key("المتحدة")): "ORG",
        },
        max_phrase=2,
        families=frozenset({"clitic", "geo"}),
    )
    words = Vocab.counted([normalize_key(w) for w in ("دمشق", "الجيش", "دخل")])
    return Featurizer(res, words, Vocab(["دمشق", "جيش"]), Vocab(["", "ب", "ال"]), Vocab.counted("دمشقالجيش"))


def test_vocab_reserves_padding_and_unknown():
    v = Vocab.counted(["ب", "أ", "ب", "ج"], min_count=2)
    assert v.get("ب") == 2 and v.get("أ") == 1 and len(v) == 3


def test_featurizer_columns_clusters_and_gazetteer_through_a_clitic():
    f = small_featurizer()
    x, chars, vec = f.sentence(["دخل", "الجيش", "بدمشق", "ومنظمة", "الأمم", "المتحدة"])
    col = {c: i for i, c in enumerate(f.columns)}
    assert x.shape == (6, len(f.columns)) and chars.shape == (6, MAX_CHARS) and vec.shape == (6, 1)
    assert x[0, col["word"]] > 1 and x[3, col["word"]] == 1  # known word, unknown word
    assert list(x[1, [col["c2"], col["c4"]]]) == [2, 4]  # cluster ids shifted past pad/none
    assert list(x[2, [col["c2"], col["c4"]]]) == [1, 1]  # بدمشق has no cluster of its own …
    assert list(x[2, [col["bc2"], col["bc4"]]]) == [3, 5]  # … its base دمشق has
    gaz = [f.gaz.strings[i - 2] if i > 1 else None for i in x[:, col["gaz"]]]
    assert gaz == [None, None, "LOC:B", None, "ORG:B", "ORG:I"]
    assert chars[0, 3] == 0 and chars[0, 0] > 0  # letters, zero-padded


def test_featurizer_truncates_long_words():
    _, chars, _ = small_featurizer().sentence(["ا" * 40])
    assert chars.shape == (1, MAX_CHARS) and (chars > 0).all()


def test_viterbi_never_opens_a_span_with_inside_tag():
    n = len(TAGS)
    trans = np.zeros((n, n), dtype=np.float32)
    start = np.zeros(n, dtype=np.float32)
    ip, bp, o = TAGS.index("I-PERS"), TAGS.index("B-PERS"), TAGS.index("O")
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            start[j] = -1e4
            for i, s in enumerate(TAGS):
                if s == "O" or s[2:] != t[2:]:
                    trans[i, j] = -1e4
    em = np.zeros((3, n), dtype=np.float32)
    em[0, ip], em[0, bp] = 5.0, 4.0  # I-PERS scores best at the start, B-PERS next
    em[1, o] = 10.0  # an O in between, strong enough to break the span
    em[2, ip] = 5.0  # and after an O
    path = [TAGS[j] for j in viterbi(em, trans, start)]
    assert path[0] == "B-PERS" and path[2] != "I-PERS"


SENTENCES = [
    ["أعلن", "المتحدث", "باسم", "وزارة", "الداخلية", "العراقية", "في", "بغداد", "أمس"],
    ["وقال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "إن", "باريس", "لن", "تتراجع"],
    ["التقى", "وفد", "من", "صندوق", "النقد", "الدولي", "بمسؤولين", "في", "عمان"],
    ["."],
]


def test_sentences_score_the_same_alone_and_in_a_batch(tagger):
    # The network sees each sentence on its own (only the document step reads the others).
    together = tagger.emissions([*SENTENCES, [], SENTENCES[0]])
    assert together[4].shape == (0, len(TAGS)) and np.array_equal(together[5], together[0])
    for sent, em in zip(SENTENCES, together, strict=False):
        assert em.shape == (len(sent), len(TAGS))
        assert np.allclose(tagger.emissions([sent])[0], em, atol=1e-5)
    tags = tagger.tag_document([*SENTENCES, [], SENTENCES[0]])
    assert tags[4] == [] and all(
        len(t) == len(s) and set(t) <= set(TAGS) for t, s in zip(tags, SENTENCES, strict=False)
    )


def test_tagger_reads_cities_and_a_foreign_name(tagger):
    tags = tagger.tag(SENTENCES[1])
    assert tags[3:5] == ["B-PERS", "I-PERS"]
    assert tags[6] == "B-LOC"
    assert tagger.tag(SENTENCES[0])[7] == "B-LOC"
