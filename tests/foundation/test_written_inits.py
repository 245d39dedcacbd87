"""The dataclasses whose ``__init__`` is written out (``init=False``, see rasd/frozen.py) take
their fields as the generated one would: every field, in order, by position or by name, with the
same defaults (a fresh object from each ``default_factory``). Runs on the build installed, pure
Python or compiled."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rasd.actors import find as actor_find
from rasd.actors import sources as actor_sources
from rasd.actors.kb import Named
from rasd.actors.types import ActorMention, SourceMention
from rasd.events.context import SentenceView
from rasd.events.lexicon import TriggerEntry
from rasd.events.mentions import Mention
from rasd.events.triggers import TriggerHit
from rasd.places.gazetteer import Candidate
from rasd.places.match import NormText, Offsets, RawMatch
from rasd.places.resolve import Reading
from rasd.places.types import Division, Place, PlaceMention
from rasd.records import Actor, Count, EventDate, Location, Source
from rasd.text.dates import _Found
from rasd.text.normalize import Normalized
from rasd.text.segment import Segmentation
from rasd.text.types import AnalyzedText, DateMention, Quantity, Sentence, Token, WordType

_SENTENCE = Sentence(0, 5, "قتل 3")
_ENTRY = TriggerEntry("kill", "kill", "Battles", "Armed clash", None, 1.0)
_HIT = TriggerHit(_ENTRY, 0, 0, 0, 3, "قتل")
_VIEW = SentenceView(0, _SENTENCE, [], [])
_PLACE = Place(7, 70, "Taiz", 13.5, 44.0, 600_000, "YE", "YE.25")

# Each class with a value for every field, in field order: values of one type differ, so that
# two fields taken in each other's place would show.
SAMPLES: dict[type, dict[str, object]] = {
    Sentence: {"start": 1, "end": 9, "text": "s", "paragraph": 2},
    Token: {
        "text": "وقتل",
        "start": 3,
        "end": 7,
        "norm": "وقتل",
        "segments": ("و", "قتل"),
        "base": "قتل",
        "stem": "قت",
        "sentence": 4,
        "kind": "num",
        "word": WordType("وقتل", "وقتل", ("و", "قتل"), "قتل", "قت", "num"),
    },
    Quantity: {
        "start": 1,
        "end": 2,
        "text": "t",
        "value": 3,
        "qualifier": "approx",
        "unit": "u",
        "unit_start": 4,
        "unit_end": 5,
        "vague": True,
        "unit_class": "persons",
    },
    DateMention: {
        "start": 1,
        "end": 2,
        "text": "t",
        "value": dt.date(2015, 7, 21),
        "precision": 3,
        "kind": "weekday",
        "calendar": "hijri",
    },
    AnalyzedText: {
        "text": "t",
        "published": dt.date(2015, 7, 21),
        "sentences": [_SENTENCE],
        "tokens": [Token("a", 0, 1, "a")],
        "quantities": [Quantity(0, 1, "3", 3)],
        "dates": [DateMention(0, 1, "d", None)],
        "normalized": Normalized("a", "a", (0,), (0,)),
    },
    Normalized: {"original": "o", "text": "t", "_norm_at": (1,), "_orig_at": (2,), "_collapsed": "c"},
    Segmentation: {
        "norm": "n",
        "segments": ("s",),
        "base": "b",
        "stem": "st",
        "prefix": ("p",),
        "suffix": "x",
    },
    _Found: {"start": 1, "end": 2, "value": None, "precision": 3, "kind": "k", "calendar": "hijri"},
    TriggerHit: {"entry": _ENTRY, "first": 1, "last": 2, "start": 3, "end": 4, "text": "t"},
    SentenceView: {
        "index": 1,
        "sentence": _SENTENCE,
        "tokens": [Token("a", 0, 1, "a")],
        "keys": [frozenset({"a"})],
        "masks": [5],
        "mask": 5,
        "_bitmap": {1: 2},
        "_limit": 8,
        "_phrase_parts": {3: (frozenset(), frozenset(), frozenset())},
        "_phrases": {"p": [0]},
        "_all_keys": frozenset({"a"}),
        "name_quotes": frozenset({4}),
        "breaks": [6],
        "facts": {"f": 1},
    },
    Mention: {
        "view": _VIEW,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "plover": {"type": "FIGHT"},
        "hits": [_HIT],
        "strength": 0.5,
        "family": "kill",
        "actor1": Actor(name="a1"),
        "actor2": Actor(name="a2"),
        "location": Location(name="l"),
        "location_inherited": True,
        "date": EventDate(value="2015-07-21"),
        "date_explicit": True,
        "counts": {"fatalities": Count(value=3)},
        "lone": {"fatalities"},
        "sources": [Source(name="s")],
        "sentences": [1],
        "gate": 0.25,
        "gate_features": {"g"},
        "span": (1, 2),
        "explain": ["e"],
        "fresh": True,
    },
    PlaceMention: {
        "start": 1,
        "end": 2,
        "text": "t",
        "location": Location(name="l"),
        "kind": "country",
        "score": 0.5,
    },
    NormText: {
        "text": "t",
        "norm": "n",
        "offsets": Offsets([0], [0], 1),
        "words": [(0, 1)],
        "strings": ["n"],
        "gaps": [""],
    },
    RawMatch: {
        "first": 1,
        "last": 2,
        "nstart": 3,
        "nend": 4,
        "key": "k",
        "candidates": [Candidate("PLACE", 7)],
        "frame": "town",
        "vicinity": True,
        "frame_first": 5,
        "frame_nstart": 6,
        "frame_word": "w",
        "stripped": True,
        "prefix": "p",
        "weak": True,
        "beside": frozenset({"YE"}),
        "located": True,
    },
    Reading: {
        "kind": "town",
        "code": "YE",
        "prior": 0.5,
        "place": _PLACE,
        "division": Division("YE.25", "Taizz", 7),
    },
    ActorMention: {
        "start": 1,
        "end": 2,
        "text": "t",
        "actor": Actor(name="a"),
        "generic": True,
        "via": "context",
        "country": "YE",
    },
    SourceMention: {"start": 1, "end": 2, "text": "t", "source": Source(name="s")},
    actor_find._Cand: {
        "start": 1,
        "end": 2,
        "first": 3,
        "last": 4,
        "kind": "alias",
        "target": Named("houthis"),
        "country": "YE",
    },
    actor_sources._Cand: {"start": 1, "end": 2, "source": Source(name="s")},
}


def _same(obj: object, values: dict[str, object]) -> None:
    for name, value in values.items():
        got = getattr(obj, name)
        assert got == value and type(got) is type(value), name


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_written_init_takes_the_fields(cls: type) -> None:
    values = SAMPLES[cls]
    fields = dataclasses.fields(cls)
    assert not cls.__dataclass_params__.init  # written out, not generated
    assert [f.name for f in fields] == list(values)  # the sample names every field, in order

    _same(cls(*values.values()), values)
    _same(cls(**values), values)
    with pytest.raises(TypeError):
        cls(**values, unknown=1)

    required = {
        f.name: values[f.name]
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    with pytest.raises(TypeError):
        cls(*list(required.values())[:-1])
    bare, again = cls(**required), cls(**required)
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert getattr(bare, f.name) == f.default and type(getattr(bare, f.name)) is type(f.default), (
                f.name
            )
        elif f.default_factory is not dataclasses.MISSING:
            assert getattr(bare, f.name) == f.default_factory(), f.name
            assert getattr(bare, f.name) is not getattr(again, f.name), f.name  # not shared


def test_frozen_classes_stay_frozen() -> None:
    for cls, values in SAMPLES.items():
        if cls.__dataclass_params__.frozen:
            obj = cls(**values)
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(obj, next(iter(values)), values[next(iter(values))])
