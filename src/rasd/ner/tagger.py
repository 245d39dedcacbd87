"""The shipped CRF tagger, and entities of an analysed text.

``load_tagger()`` reads the model files once (a fraction of a second); the ``Tagger`` keeps a
bounded cache of per-word features, so a long run pays the feature cost of each distinct word
once. Nothing is loaded at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pycrfsuite

from rasd.errors import ResourceError
from rasd.ner.features import (
    Resources,
    TypeFeatures,
    document_features,
    extend_item,
    sentence_features,
    type_features,
)
from rasd.ner.neural import ONNX_FILE, load_neural
from rasd.ner.resources import CRF2_FILE, CRF_FILE, MODEL_DIR, load_resources
from rasd.ner.types import Entity
from rasd.text.types import AnalyzedText

_CACHE_LIMIT = 200_000  # distinct words whose features are kept (a few hundred MB at most)


class EntityTagger(Protocol):
    """What the pipeline needs of a tagger: the CRF ``Tagger`` and the ``NeuralTagger`` both do."""

    def tag(self, tokens: list[str]) -> list[str]: ...

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]: ...


class Tagger:
    """BIO tagger for PERS, LOC, ORG, MISC over pre-split tokens."""

    def __init__(self, resources: Resources, crf_path: Path, crf2_path: Path | None = None) -> None:
        self.resources = resources
        self._crf = _open_crf(crf_path)
        # Optional second pass that also sees how the first pass tagged the same words elsewhere.
        self._crf2 = _open_crf(crf2_path) if crf2_path is not None else None
        self._types: dict[str, TypeFeatures] = {}

    def _type(self, word: str) -> TypeFeatures:
        t = self._types.get(word)
        if t is None:
            if len(self._types) >= _CACHE_LIMIT:
                self._types.clear()
            t = self._types[word] = type_features(word, self.resources)
        return t

    def tag(self, tokens: list[str]) -> list[str]:
        """One BIO tag per token (``B-LOC``, ``I-PERS``, ``O`` …)."""
        return self.tag_document([tokens])[0] if tokens else []

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tags of the sentences of one document (or batch), which the second pass reads together."""
        types = [[self._type(w) for w in s] for s in sentences]
        items = [sentence_features(t, self.resources) for t in types]
        first = [list(self._crf.tag(x)) if x else [] for x in items]
        if self._crf2 is None:
            return first
        extra = document_features(types, first)
        return [
            list(self._crf2.tag([extend_item(a, b) for a, b in zip(x, e, strict=True)])) if x else []
            for x, e in zip(items, extra, strict=True)
        ]


def _open_crf(path: Path) -> pycrfsuite.Tagger:
    crf = pycrfsuite.Tagger()
    try:
        crf.open(str(path))
    except (OSError, ValueError) as e:
        raise ResourceError(f"cannot open the NER model {path}: {e}") from e
    return crf


def load_tagger(model_dir: Path = MODEL_DIR) -> EntityTagger:
    """The shipped tagger (model files under ``rasd/ner/model/``): the neural one when the
    directory holds ``ner.onnx``, else the CRF."""
    if (model_dir / ONNX_FILE).exists():
        return load_neural(model_dir, load_resources(model_dir))
    second = model_dir / CRF2_FILE
    return Tagger(load_resources(model_dir), model_dir / CRF_FILE, second if second.exists() else None)


def find_entities(analyzed: AnalyzedText, tagger: EntityTagger) -> list[Entity]:
    """Entities of the text, tagged sentence by sentence, with offsets into the original text."""
    by_sentence: dict[int, list] = {}
    for tok in analyzed.tokens:
        by_sentence.setdefault(tok.sentence, []).append(tok)
    sentences = [toks for _, toks in sorted(by_sentence.items())]
    out: list[Entity] = []
    for toks, tags in zip(
        sentences, tagger.tag_document([[t.text for t in s] for s in sentences]), strict=True
    ):
        start = label = None
        for i, tag in enumerate([*tags, "O"]):
            lab = tag[2:] if tag != "O" else None
            if start is not None and (lab != label or tag.startswith("B-")):
                s, e = toks[start].start, toks[i - 1].end
                out.append(Entity(label, s, e, analyzed.text[s:e]))
                start = label = None
            if lab and start is None:
                start, label = i, lab
    return out
