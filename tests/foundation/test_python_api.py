import rasd
from rasd.records import Document


def test_extract_returns_events_list():
    events = rasd.extract("شنت طائرات حربية غارات على مدينة صعدة أمس.", published="2015-07-21", id="x")
    assert isinstance(events, list)
    assert all(isinstance(e, rasd.Event) for e in events)


def test_extract_documents_keeps_order_and_reports_bad_input():
    docs = [
        {"id": "1", "text": "اشتباكات في مدينة تعز."},
        {"id": "2", "text": ""},
        Document(id="3", text="مظاهرة في القاهرة."),
        {"id": "4", "published": "not a date", "text": "نص"},
    ]
    results = list(rasd.extract_documents(docs))
    assert [r.id for r in results] == ["1", "2", "3", "4"]
    assert results[0].error is None and results[2].error is None
    assert results[1].error == "empty text"
    assert "invalid document" in results[3].error


def test_pipeline_analysis_offsets_point_into_the_text():
    text = "سوريا: اشتباكات في الحسكة\nقال مصدر إن الاشتباكات استمرت حتى المساء."
    analysis = rasd.Pipeline().analyze(Document(text=text))
    assert analysis.text.sentences
    for s in analysis.text.sentences:
        assert text[s.start : s.end] == s.text
    for t in analysis.text.tokens:
        assert text[t.start : t.end] == t.text


def test_extract_holds_the_collector_off_for_the_document_only(monkeypatch):
    import gc

    import rasd.pipeline as rp

    seen = []
    real = rp.extract_events

    def spy(analysis, lex):
        seen.append(gc.isenabled())
        return real(analysis, lex)

    monkeypatch.setattr(rp, "extract_events", spy)
    pipeline = rasd.Pipeline()
    doc = Document(id="g", text="قتل ثلاثة مدنيين في قصف على مدينة تعز أمس.", published="2015-07-21")
    assert gc.isenabled()
    pipeline.extract(doc)
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a caller that runs with the collector off keeps it off
    try:
        pipeline.extract(doc)
        assert seen == [False, False] and not gc.isenabled()
    finally:
        gc.enable()


def test_extract_leaves_no_cyclic_garbage():
    """A document's objects are freed by reference counting when it is done: a reference cycle
    made per document (a closure compiled by mypyc points at its environment and back) leaves
    work for the cyclic collector after every document (docs/batch.md, "Seventh round")."""
    import gc
    from pathlib import Path

    samples = sorted((Path(__file__).parents[2] / "samples").glob("*.txt"))
    docs = [Document(id=p.stem, text=p.read_text(encoding="utf-8"), published="2015-07-21") for p in samples]
    assert docs
    pipeline = rasd.Pipeline()
    for doc in docs:  # first sight: lazy tables and per-word memos fill
        pipeline.extract(doc)
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for doc in docs:
            pipeline.extract(doc)
        gc.collect()
        cyclic = [type(o).__qualname__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert cyclic == []


def test_fewer_full_collections_raises_only_the_full_threshold():
    import gc

    from rasd.pipeline import fewer_full_collections

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        fewer_full_collections()
        assert gc.get_threshold() == (700, 10, 100)
        gc.set_threshold(500, 5, 1000)  # set higher by someone else: kept
        fewer_full_collections()
        assert gc.get_threshold() == (500, 5, 1000)
    finally:
        gc.set_threshold(*before)
