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


def test_profile_marks_reach_the_word_and_its_neighbours():
    res = Resources(profiles={normalize_key("ماتيوس"): "PERS:hi ORG:lo"}, families=frozenset({"profile"}))
    words = ["قال", "ماتيوس", "للصحفيين"]
    items = sentence_features([type_features(w, res) for w in words], res)
    assert "cx=PERS:hi" in items[1] and "cx=ORG:lo" in items[1]
    assert "-1:cx=PERS:hi" in items[2] and "+1:cx=PERS:hi" in items[0]
    # a clitic-stripped word finds the base's profile
    assert "cx=PERS:hi" in type_features("وماتيوس", res).own


def test_embed_items_carry_real_values_of_the_word():
    vec = {normalize_key("حلب"): [0.5, -1.25], normalize_key("مدينه"): [2.0, 0.0]}
    res = Resources(vectors=vec, families=frozenset({"clitic", "embed"}))
    words = ["وصل", "الى", "مدينة", "حلب"]
    items = sentence_features([type_features(w, res) for w in words], res)
    assert isinstance(items[3], dict)
    assert items[3]["e"] == {"0": 0.5, "1": -1.25} and items[2]["e"] == {"0": 2.0, "1": 0.0}
    assert set(items[3]) == {"x", "e"}
    assert items[0]["e"] == {"oov": 1.0}  # no vector: one indicator instead
    assert "w=" + normalize_key("حلب") in items[3]["x"]
    # a word without its own vector borrows its clitic-stripped base's (وبحلب → حلب)
    assert type_features("وبحلب", res).emb == {"0": 0.5, "1": -1.25}


def test_extend_item_adds_names_to_lists_and_dict_items_alike():
    from rasd.ner.features import extend_item

    assert extend_item(["a"], ["b"]) == ["a", "b"]
    item = {"x": ["a"], "e": {"0": 1.0}}
    assert extend_item(item, ["b"]) == {"x": ["a", "b"], "e": {"0": 1.0}}
    assert item["x"] == ["a"]  # the first-pass item is left as it was


def test_vector_table_round_trips_through_the_model_files(tmp_path):
    import numpy as np

    from rasd.ner.resources import VectorTable, load_resources, save_resources

    words = ["حلب", "دمشق", "حمص"]
    rows = np.array([[1, -2], [3, 4], [-5, 6]], dtype=np.int8)
    index = {w: i for i, w in enumerate(words)}
    res = Resources(
        ks=(2,),
        clusters={w: (i,) for i, w in enumerate(words)},
        vectors=VectorTable(index.get, rows, 0.5),
        families=frozenset({"clusters", "embed"}),
    )
    save_resources(res, tmp_path, {})
    back = load_resources(tmp_path)
    for w in words:
        assert back.vectors[w] == res.vectors[w]
    assert back.vectors["حمص"] == [-2.5, 3.0]
    assert back.vectors.get("حماه") is None
