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


def test_only_extracting_freezes_what_each_document_leaves_alive(monkeypatch):
    """In a process that only extracts, a document's survivors (new memo entries) are frozen at
    its end and no collection is due; a process that does other work keeps the collector as is."""
    import gc

    import rasd.pipeline as rp

    doc = Document(
        id="x", text="قصفت طائرات حربية مواقع للمسلحين في مدينة الرقة صباح اليوم.", published="2016-05-04"
    )
    monkeypatch.setattr(rp, "_settle_survivors", False)  # (an earlier test's batch may have set it)
    pipeline = rasd.Pipeline()
    pipeline.extract(doc)  # loads the resources (frozen as they are loaded) and fills the memos
    frozen = gc.get_freeze_count()
    try:
        # a default process: nothing more frozen after a document with new words
        pipeline.extract(doc.model_copy(update={"text": doc.text.replace("الرقة", "حمص")}))
        assert gc.get_freeze_count() <= frozen  # (a few frozen objects freed meanwhile)
        frozen = gc.get_freeze_count()
        rp.only_extracting()
        assert rp._settle_survivors
        pipeline.extract(doc.model_copy(update={"text": doc.text.replace("الرقة", "دير الزور")}))
        assert gc.get_freeze_count() > frozen  # the new words' memo entries
        assert gc.get_count()[0] < 100
        assert gc.isenabled()
    finally:
        gc.unfreeze()
