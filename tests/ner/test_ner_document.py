"""The neural tagger's document step: marks from first-pass tags, biases, rescoring."""

from __future__ import annotations

import gzip
import json

import numpy as np
import pytest

from rasd.ner import NeuralTagger, load_tagger
from rasd.ner.document import MARKS, DocumentStep, document_marks
from rasd.ner.neural import TAGS, VOCAB_FILE, viterbi, viterbi_batch
from rasd.ner.resources import MODEL_DIR


def names(ids: np.ndarray) -> list[str]:
    return [MARKS[i] for i in ids]


def test_marks_leave_the_token_own_tag_out():
    # "اوباما" is tagged a person in the first sentence and missed in the second
    bases = [["قال", "باراك", "اوباما", "امس"], ["اوباما", "قال", "كلمه"]]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"]]
    first, second = document_marks(bases, tags)
    assert names(second)[0] == "PERS:all:I"  # the other occurrence continues a name
    assert names(first)[2] == "O"  # its own PERS tag does not count, the other one was O
    assert names(first)[0] == "O" and names(second)[1] == "O"  # قال twice, never a name
    assert names(first)[1] == "none" and names(second)[2] == "none"  # met once


def test_marks_share_and_span_part():
    bases = [["حلب"], ["حلب"], ["حلب"], ["حلب"], ["حلب"], ["دمشق", "دمشق"]]
    tags = [["B-LOC"], ["B-LOC"], ["B-ORG"], ["O"], ["B-LOC"], ["B-LOC", "O"]]
    marks = [names(m) for m in document_marks(bases, tags)]
    assert marks[3][0] == "LOC:hi:B"  # of the four others, three LOC and one ORG
    assert marks[2][0] == "LOC:hi:B"  # three LOC and one O besides its own ORG
    assert marks[0][0] == "LOC:hi:B"  # LOC twice of four, ORG once (≥ half)
    assert marks[5] == ["O", "LOC:all:B"]  # within one sentence too: the other is all LOC


def test_one_letter_words_get_no_mark():
    assert names(document_marks([["و", "و"]], [["O", "B-PERS"]])[0]) == ["none", "none"]


def test_rescore_moves_only_sentences_with_a_biased_mark():
    bias = np.zeros((len(MARKS), len(TAGS)), dtype=np.float32)
    bias[MARKS.index("PERS:all:B"), TAGS.index("B-PERS")] = 3.0
    step = DocumentStep(bias)
    em = np.zeros((2, len(TAGS)), dtype=np.float32)
    assert step.rescore(em, np.array([0, MARKS.index("O")])) is None
    new = step.rescore(em, np.array([MARKS.index("PERS:all:B"), 0]))
    assert new is not None and new[0, TAGS.index("B-PERS")] == 3.0 and not new[1].any()


def test_document_step_rejects_a_bias_table_of_another_shape():
    with pytest.raises(ValueError):
        DocumentStep(np.zeros((3, len(TAGS))))


def test_batched_viterbi_matches_one_sentence_at_a_time():
    rng = np.random.default_rng(0)
    n = len(TAGS)
    trans, start = rng.normal(size=(n, n)), rng.normal(size=n)
    em = rng.normal(size=(5, 7, n)) * 3
    batched = viterbi_batch(em, trans, start)
    assert [list(p) for p in batched] == [viterbi(e, trans, start) for e in em]


DOC = [
    ["وقال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس", "أمس"],
    ["وأضاف", "ماكرون", "أن", "الحكومة", "ستعلن", "خطتها", "قريبا"],
    ["وكانت", "الأمطار", "قد", "هطلت", "بغزارة", "."],
]


def push(label: str, to: str) -> DocumentStep:
    """A step that makes any word the document tags ``label`` elsewhere a ``to`` (B or I)."""
    bias = np.zeros((len(MARKS), len(TAGS)), dtype=np.float32)
    for i, m in enumerate(MARKS):
        if m.startswith(label + ":"):
            bias[i, TAGS.index("B-" + to)] = bias[i, TAGS.index("I-" + to)] = 50.0
    return DocumentStep(bias)


def test_document_step_rescores_only_words_the_document_tags_elsewhere(tagger):
    step = NeuralTagger(tagger.featurizer, MODEL_DIR / "ner.onnx", tagger._trans, tagger._start, None)
    first = step.tag_document(DOC)
    assert first[0][3:5] == ["B-PERS", "I-PERS"] and first[1][1] == "B-PERS"
    step.document = push("PERS", "PERS")  # agrees with the first pass: nothing moves
    assert step.tag_document(DOC) == first
    # A step that turns people into organisations shows where the biases land: on ماكرون in
    # both sentences (each sees the other tagged PERS), not on إيمانويل (met once) or elsewhere.
    step.document = push("PERS", "ORG")
    second = step.tag_document(DOC)
    assert second[0][3:5] == ["B-PERS", "B-ORG"] and second[1][1] == "B-ORG"
    assert second[0][:3] == first[0][:3] and second[0][5:] == first[0][5:] and second[2] == first[2]
    assert tagger.tag(DOC[1]) == first[1]  # one sentence alone: ماكرون is met once


def test_model_files_carry_the_document_biases(tmp_path, tagger):
    for f in MODEL_DIR.iterdir():
        if f.name != VOCAB_FILE:
            (tmp_path / f.name).symlink_to(f)
    with gzip.open(MODEL_DIR / VOCAB_FILE, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    data["doc_bias"] = push("PERS", "ORG").bias.tolist()
    with gzip.open(tmp_path / VOCAB_FILE, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    loaded = load_tagger(tmp_path)
    assert isinstance(loaded, NeuralTagger) and loaded.document is not None
    assert loaded.tag_document(DOC)[1][1] == "B-ORG"
    data.pop("doc_bias")
    with gzip.open(tmp_path / VOCAB_FILE, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    assert load_tagger(tmp_path).document is None


def test_neighbour_biases_land_beside_the_marked_token():
    bias = np.zeros((3, len(MARKS), len(TAGS)), dtype=np.float32)
    surname = MARKS.index("PERS:all:I")
    bias[2, surname, TAGS.index("B-PERS")] = 4.0  # the word before a surname opens a name
    bias[1, surname, TAGS.index("O")] = 1.0  # the word after it is more likely outside
    em = np.zeros((4, len(TAGS)), dtype=np.float32)
    new = DocumentStep(bias).rescore(em, np.array([0, 0, surname, 0]))
    assert new is not None
    assert new[1, TAGS.index("B-PERS")] == 4.0 and new[3, TAGS.index("O")] == 1.0
    assert not new[0].any() and not new[2].any()


def test_the_shipped_rule_backs_the_document_label_when_it_holds_half_the_time():
    from rasd.ner.document import rule_bias

    bias = rule_bias(2.0)
    row = {m: bias[i] for i, m in enumerate(MARKS)}
    assert row["ORG:hi:I"][TAGS.index("B-ORG")] == 2.0 and row["ORG:hi:I"][TAGS.index("I-ORG")] == 2.0
    assert row["PERS:all:B"].sum() == 4.0  # only the label's own two tags
    assert not row["PERS:lo:B"].any() and not row["O"].any() and not row["none"].any()
