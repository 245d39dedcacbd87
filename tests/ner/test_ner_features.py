"""Feature functions of the NER tagger: clitic stripping, gazetteer spans, CoNLL spans."""

from rasd.ner.conll import read_conll, spans
from rasd.ner.features import Resources, phrase_tags, sentence_features, strip_clitics, type_features
from rasd.text import normalize_key


def test_strip_clitics_splits_conjunction_preposition_and_article():
    assert strip_clitics("وبالمدينه") == ("وبال", "مدينه")
    assert strip_clitics("للجيش") == ("لل", "جيش")
    assert strip_clitics("فالحكومه") == ("فال", "حكومه")


def test_strip_clitics_keeps_short_words_whole():
    assert strip_clitics("ولي") == ("", "ولي")
    assert strip_clitics("بلد") == ("", "بلد")


def test_phrase_tags_matches_longest_entry_through_a_clitic():
    res = Resources(phrases={("نيو", "يورك"): "LOC", ("نيو",): "MISC"}, max_phrase=2)
    words = ["وصل", "الوفد", "الى", "نيو", "يورك", "امس"]
    types = [type_features(w, res) for w in words]
    assert phrase_tags(types, res) == [None, None, None, "LOC:B", "LOC:I", None]
    res2 = Resources(phrases={("دمشق",): "LOC"}, max_phrase=1)
    types2 = [type_features(w, res2) for w in ["وفي", "بدمشق"]]
    assert phrase_tags(types2, res2) == [None, "LOC:B"]


def test_sentence_features_have_window_and_bounds():
    res = Resources()
    types = [type_features(w, res) for w in ["زار", "الرئيس", "القاهرة"]]
    items = sentence_features(types, res)
    assert len(items) == 3
    assert "BOS" in items[0] and "EOS" in items[2]
    assert "-1:w=" + normalize_key("الرئيس") in items[2]  # neighbours in the lookup form
    assert "+2:w=" + normalize_key("القاهرة") in items[0]
    assert any(f.startswith("+1:w=") for f in items[0])


def test_read_conll_keeps_sentence_breaks_and_first_column():
    text = ["محمد B-PERS\n", "في O\n", "\n", "\n", "بغداد x y\n"]
    assert list(read_conll(text)) == [[["محمد", "B-PERS"], ["في", "O"]], [["بغداد", "x", "y"]]]


def test_spans_reads_bio_and_stray_inside_tags():
    assert spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC"]) == {
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
    }


def test_cluster_table_finds_words_by_binary_search_including_prefixes():
    from rasd.ner.resources import ClusterTable

    rows = sorted(["دمشق\t1\t2", "دمش\t3\t4", "حلب\t5\t6", "ab\t7\t8"])
    table = ClusterTable("\n".join(rows) + "\n")
    assert table.get("دمشق") == ("1", "2")
    assert table.get("دمش") == ("3", "4")
    assert table.get("حلب") == ("5", "6") and table.get("ab") == ("7", "8")
    assert table.get("دم") is None and table.get("zz") is None
    assert len(table) == 4 and set(table) == {"دمشق", "دمش", "حلب", "ab"}
