"""The pipeline: document → text → entities / places / actors → events.

Each stage is a function over typed records; the :class:`Pipeline` only loads the shared
resources once (tagger, gazetteer, actor knowledge base) and threads a :class:`DocAnalysis`
through the stages. ``Pipeline.pipe`` is the one path the CLI, the API and the batch engines use.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from rasd.actors import (
    ActorKB,
    ActorMention,
    SourceMention,
    country_forces,
    find_actors,
    find_sources,
    load_kb,
    national_forces,
)
from rasd.errors import InputError
from rasd.events import extract_events
from rasd.events.lexicon import Lexicon, load_lexicon
from rasd.ingest.types import Failure
from rasd.ner.types import Entity
from rasd.places import Gazetteer, PlaceMention, document_country, find_places, load_gazetteer
from rasd.records import Document, Event, Result
from rasd.text import AnalyzedText, analyze
from rasd.text.normalize import fold_presentation_forms

if TYPE_CHECKING:  # the tagger's modules load on first use (Pipeline.tagger)
    from rasd.ner.tagger import EntityTagger


@dataclass(slots=True)
class DocAnalysis:
    """Everything the stages found in one document, all offsets into ``document.text``."""

    document: Document
    text: AnalyzedText
    entities: list[Entity] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    sources: list[SourceMention] = field(default_factory=list)
    # bare country names read as their state's forces; the event stage takes one as a doer only
    # in a subject slot ("قصفت تركيا", "الولايات المتحدة قصفت")
    country_forces: list[ActorMention] = field(default_factory=list)
    # nationality adjectives read as their state's forces; the event stage takes one as a doer
    # only right after an attack noun ("الغارات الجوية التركية")
    national_forces: list[ActorMention] = field(default_factory=list)


R = TypeVar("R")


def _settled(resource: R) -> R:
    """A freshly loaded resource, moved with everything else alive now out of the collector's
    reach (``gc.freeze``): the gazetteer, the knowledge base and the lexicons are hundreds of
    thousands of objects that live as long as the process, and each full collection used to walk
    them all again, about a sixth of extraction time."""
    gc.freeze()
    return resource


def _entities(analyzed: AnalyzedText, tagger: EntityTagger) -> list[Entity]:
    from rasd.ner import find_entities  # see Pipeline.tagger

    return find_entities(analyzed, tagger)


def _country_forces(
    text: str, places: list[PlaceMention], kb: ActorKB, country: str | None
) -> list[ActorMention]:
    names = [
        (p.start, p.end, p.location.country)
        for p in places
        if p.kind == "country" and p.location.country and p.text == p.location.text
    ]
    return country_forces(text, names, kb, country=country) if names else []


def _quoting(text: str, events: list[Event]) -> list[Event]:
    """The evidence spans as the input writes them, when the stages read a copy with presentation
    forms folded (``fold_presentation_forms``; the caller knows it did): a span quotes the input
    itself."""
    for e in events:
        e.evidence = [span.model_copy(update={"text": text[span.start : span.end]}) for span in e.evidence]
    return events


# set by ``only_extracting``: what a document leaves alive is moved out of the collector's reach
_settle_survivors = False


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while one document is extracted.

    A document's stages allocate tens of thousands of containers (tokens, words, matches, views)
    that all live until the document is done, and are then freed by reference counting: the
    collector's passes during the document walk them again and again for nothing (with the
    per-word caches in the old generation, about a tenth of extraction time). The few cycles
    a document makes are collected at the first collection after it. Left as it is when the
    caller has the collector off; threads extracting at once just shorten each other's pause.

    In a process that only extracts (``only_extracting``), what is still alive at the end is
    frozen (``gc.freeze``) before the collector resumes: see there."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if _settle_survivors:
            gc.freeze()
        gc.enable()


def only_extracting() -> None:
    """Tell the collector this process does nothing but extract (``rasd extract``, a local batch
    worker): the objects a document leaves alive are frozen at its end (``gc.freeze``), so no
    collection ever walks them.

    They are the new entries of the stages' per-word memos (a document's own objects are freed by
    reference counting as it ends, and documents make no reference cycles: a test checks it).
    Over a first pass of the 1,846 subset articles Python's collector otherwise made some 550
    young and 50 middle collections walking them, 0.4 s, 3-4 % of ``rasd extract``. Freezing
    moves the generations' lists onto the permanent one in constant time and restarts the young
    count, so no collection is due after a document. A frozen object is still freed as usual
    when its last reference goes (a memo emptied); only cyclic garbage left by a document would
    stay, and there is none. Not done by ``Pipeline`` itself, the API or the Dask workers: a
    process that does other work keeps Python's collector as it is."""
    global _settle_survivors
    _settle_survivors = True


class Pipeline:
    """Loads each resource on first use and keeps it; one instance per process/worker."""

    def __init__(
        self,
        tagger: EntityTagger | None = None,
        gazetteer: Gazetteer | None = None,
        kb: ActorKB | None = None,
    ) -> None:
        if tagger is not None:
            self.__dict__["tagger"] = tagger
        if gazetteer is not None:
            self.__dict__["gazetteer"] = gazetteer
        if kb is not None:
            self.__dict__["kb"] = kb

    @cached_property
    def tagger(self) -> EntityTagger:
        # imported here: the tagger's modules bring numpy and crfsuite, which extraction does not
        # use (``analyze(..., entities=False)``), and importing them was a sixth of its start-up
        from rasd.ner import load_tagger

        return _settled(load_tagger())

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return _settled(load_gazetteer())

    @cached_property
    def kb(self) -> ActorKB:
        return _settled(load_kb())

    @cached_property
    def lexicon(self) -> Lexicon:
        return _settled(load_lexicon())

    def warm_up(self, entities: bool = False) -> Pipeline:
        """Load what extraction needs now (for workers and cold-start measurement); the tagger
        too when ``entities`` is set."""
        if entities:
            _ = self.tagger
        _ = self.gazetteer, self.kb, self.lexicon
        return self

    def analyze(self, doc: Document, entities: bool = True) -> DocAnalysis:
        """Run the text, NER, place and actor stages. ``entities=False`` skips the tagger: the
        event stage reads places and actors, not raw entities, so extraction does not pay for it."""
        if not doc.text or not doc.text.strip():
            raise InputError("empty text")
        folded = fold_presentation_forms(doc.text)  # same length: every offset still holds
        if folded is not doc.text:
            doc = doc.model_copy(update={"text": folded})
        analyzed = analyze(doc.text, doc.published)
        places = find_places(analyzed, self.gazetteer)
        actors = find_actors(analyzed, self.kb)
        country = document_country(places)
        return DocAnalysis(
            document=doc,
            text=analyzed,
            entities=_entities(analyzed, self.tagger) if entities else [],
            places=places,
            actors=actors,
            sources=find_sources(analyzed, self.kb, outlet=doc.outlet),
            country_forces=_country_forces(analyzed.text, places, self.kb, country),
            national_forces=national_forces(
                analyzed.text,
                self.kb,
                [(a.start, a.end) for a in actors] + [(p.start, p.end) for p in places],
                country=country,
            ),
        )

    def extract(self, doc: Document) -> list[Event]:
        with _collector_paused():
            analysis = self.analyze(doc, entities=False)
            # ``analyze`` reads a copy only when it folded presentation forms: otherwise the
            # evidence already quotes the input, and ``_quoting`` need not scan the text again
            folded = analysis.document is not doc
            events = extract_events(analysis, self.lexicon)
            del analysis  # freed here, with the collector still held off
        return _quoting(doc.text, events) if folded else events

    def process(self, doc: Document) -> Result:
        """Extract one document; a failure becomes a Result with ``error`` set, never an exception."""
        try:
            return Result(id=doc.id, events=self.extract(doc))
        except InputError as exc:
            return Result(id=doc.id, error=str(exc))

    def result_for(self, item: Document | Failure, published: dt.date | None = None) -> Result:
        """The output line for one input item — the one rule ``rasd extract`` and ``rasd batch``
        share, so both print the same bytes. A skipped item (a language left out) gives no events
        and no error; an unreadable one, or a document that fails, gives ``error`` naming it; a bug
        in a stage costs that document only. ``published`` fills a missing publication date."""
        if isinstance(item, Failure):
            return Result(id=item.id) if item.kind == "skipped" else Result(id=item.id, error=str(item))
        if published is not None and item.published is None:
            item = item.model_copy(update={"published": published})
        try:
            result = self.process(item)
        except Exception as exc:  # noqa: BLE001 — one document must not stop a corpus
            result = Result(id=item.id, error=f"internal error: {type(exc).__name__}: {exc}")
        if result.error is not None:
            return Result(id=item.id, error=f"{item.id}: {result.error}")
        return result

    def pipe(self, docs: Iterable[Document]) -> Iterator[Result]:
        """Results in input order, one per document."""
        for doc in docs:
            yield self.process(doc)


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline used by :func:`rasd.extract` (resources load on first use)."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: str, published: dt.date | str | None = None, **meta: object) -> list[Event]:
    doc = Document(text=text, published=published, **meta)
    return default_pipeline().extract(doc)


def extract_documents(docs: Iterable[Document | dict]) -> Iterator[Result]:
    pipeline = default_pipeline()
    for d in docs:
        try:
            doc = d if isinstance(d, Document) else Document.model_validate(d)
        except ValueError as exc:
            yield Result(id=(d.get("id") if isinstance(d, dict) else None), error=f"invalid document: {exc}")
            continue
        yield pipeline.process(doc)
