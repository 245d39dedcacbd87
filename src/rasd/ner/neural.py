"""The neural tagger: integer features per token → onnxruntime BiLSTM emissions → Viterbi.

The network (trained by ``scripts/train_ner_neural.py``, exported to ``ner.onnx``) reads, per
token, ids of the word and of its clitic-stripped base (words of the training data), the word's and
the base's k-means cluster ids at the four granularities of ``clusters.tsv.gz``, its shape, its
proclitics, its gazetteer span mark, the letters of the word (a char CNN) and its reduced word2vec
vector (``vectors.npy``, fixed). Tag transitions are a linear-chain CRF's, decoded here in numpy
with the BIO constraint built into them. torch is needed for training only.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import numpy as np

from rasd.errors import ResourceError
from rasd.ner.document import TAGS, DocumentStep, document_marks
from rasd.ner.features import Resources, TypeFeatures, lookup_form, phrase_tags, strip_clitics, word_shape
from rasd.ner.resources import VectorTable

MAX_CHARS = 16  # the char CNN reads a word's first letters (longer words are rare and clitic-heavy)
ONNX_FILE = "ner.onnx"
VOCAB_FILE = "neural.json.gz"
_BATCH = 64  # sentences per onnxruntime call (sorted by length, so little padding)
_CACHE_LIMIT = 200_000
SHAPES = ("digit", "hasdigit", "punct", "latin", "word")
GAZ_MARKS = tuple(f"{lab}:{p}" for lab in ("LOC", "PERS", "ORG", "MISC", "MIX") for p in "BI")


class Vocab:
    """String → id: 0 is padding, 1 unknown, then the strings in the stored order."""

    def __init__(self, strings: Iterable[str]) -> None:
        self.strings = list(strings)
        self.ids = {s: i + 2 for i, s in enumerate(self.strings)}

    @classmethod
    def counted(cls, items: Iterable[str], min_count: int = 1) -> Vocab:
        counts: dict[str, int] = {}
        for s in items:
            counts[s] = counts.get(s, 0) + 1
        return cls(sorted(s for s, c in counts.items() if c >= min_count))

    def __len__(self) -> int:
        return len(self.strings) + 2

    def get(self, s: str) -> int:
        return self.ids.get(s, 1)


def vector_row(position: Callable[[str], int | None], norm: str, base: str) -> int | None:
    """The row of a word's fixed vector: its own, else its clitic-stripped base's (the featurizer,
    and the language models' corpus in ``scripts/ner_lm.py``, find it the same way)."""
    i = position(norm)
    if i is None and base != norm:
        i = position(base)
    return i


class Featurizer:
    """Integer columns, letters and vector of each token, the same at training and at tagging.

    ``res`` gives the cluster ids, the gazetteer phrases (``phrase_tags``) and, when the model uses
    them, the training-list labels of words (``token_lists``).
    """

    def __init__(
        self,
        res: Resources,
        words: Vocab,
        bases: Vocab,
        pres: Vocab,
        chars: Vocab,
        vectors: VectorTable | None = None,
    ) -> None:
        self.res = res
        self.words, self.bases, self.pres, self.chars = words, bases, pres, chars
        self.shapes = Vocab(SHAPES)
        self.gaz = Vocab(GAZ_MARKS)
        self.lists = Vocab(f"{lab}:{h}" for lab in ("PERS", "LOC", "ORG", "MISC") for h in ("hi", "lo"))
        self.vectors = vectors  # fixed word2vec inputs (int8 rows times a step), when the model reads them
        self.vdim = int(vectors.rows.shape[1]) if vectors is not None else 1
        # The rows with one of zeros at the end (a word with no vector, nor its base): a sentence's
        # vectors are then one gather and one product, not a small array per word type.
        rows = vectors.rows if vectors is not None else np.zeros((0, 1), dtype=np.int8)
        self._rows = np.concatenate([rows, np.zeros((1, self.vdim), dtype=rows.dtype)])
        self._step = np.float32(vectors.step if vectors is not None else 0.0)
        self.columns = (
            "word",
            "base",
            *(f"c{k}" for k in res.ks),
            *(f"bc{k}" for k in res.ks),
            "shape",
            "pre",
            "gaz",
            "tl",
        )
        self._gcol = self.columns.index("gaz")
        self._cache: dict[str, tuple[list[int], list[int], TypeFeatures, int]] = {}

    def sizes(self) -> dict[str, int]:
        """Number of ids of each column (embedding table sizes)."""
        k = {f"c{k}": k + 2 for k in self.res.ks} | {f"bc{k}": k + 2 for k in self.res.ks}
        return {
            "word": len(self.words),
            "base": len(self.bases),
            **k,
            "shape": len(self.shapes),
            "pre": len(self.pres),
            "gaz": len(self.gaz),
            "tl": len(self.lists),
        }

    def _type(self, w: str) -> tuple[list[int], list[int], TypeFeatures, int]:
        hit = self._cache.get(w)
        if hit is not None:
            return hit
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        norm = lookup_form(w) or w
        pre, base = strip_clitics(norm)
        res = self.res
        ids = res.clusters.get(norm)
        bids = res.clusters.get(base) if base != norm else ids
        none = [1] * len(res.ks)  # 0 pads, 1 is "no cluster", ids start at 2
        lab = res.token_lists.get(norm) or res.token_lists.get(base)
        row = [
            self.words.get(norm),
            self.bases.get(base),
            *([int(c) + 2 for c in ids] if ids else none),
            *([int(c) + 2 for c in bids] if bids else none),
            self.shapes.get(word_shape(norm)),
            self.pres.get(pre),
            0,  # gazetteer mark: a property of the sentence, set in ``sentence``
            self.lists.get(lab) if lab else 0,
        ]
        vrow = vector_row(self.vectors.position, norm, base) if self.vectors is not None else None
        if vrow is None:
            vrow = len(self._rows) - 1  # the row of zeros
        chars = [self.chars.get(ch) for ch in norm[:MAX_CHARS]]
        chars += [0] * (MAX_CHARS - len(chars))  # padded here, once per type
        # Only what ``phrase_tags`` reads (the first word of a phrase matches by its base), not the
        # CRF's feature strings.
        tf = TypeFeatures((), {}, base, norm, base)
        hit = self._cache[w] = (row, chars, tf, vrow)
        return hit

    def clear(self) -> None:
        self._cache.clear()

    def bases_of(self, tokens: list[str]) -> list[str]:
        """The clitic-stripped lookup forms of the tokens (what the document step matches)."""
        return [self._type(w)[2].base for w in tokens]

    def sentence(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(columns [n, C] int64, letters [n, MAX_CHARS] int64, vectors [n, D] float32)``."""
        rows, chars, types, vecs = zip(*(self._type(w) for w in tokens), strict=True)
        x = np.array(rows, dtype=np.int64)
        for i, g in enumerate(phrase_tags(list(types), self.res)):
            if g:
                lab, part = g.rsplit(":", 1)
                x[i, self._gcol] = self.gaz.get(("MIX" if "/" in lab else lab) + ":" + part)
        return x, np.array(chars, dtype=np.int64), self._rows[list(vecs)].astype(np.float32) * self._step


def pad(parts: list[tuple[np.ndarray, ...]]) -> tuple[np.ndarray, ...]:
    """Sentences' arrays stacked into zero-padded ``[batch, time, …]`` arrays."""
    t = max(len(p[0]) for p in parts)
    out = []
    for j in range(len(parts[0])):
        a = np.zeros((len(parts), t, *parts[0][j].shape[1:]), dtype=parts[0][j].dtype)
        for r, p in enumerate(parts):
            a[r, : len(p[j])] = p[j]
        out.append(a)
    return tuple(out)


def viterbi(em: np.ndarray, trans: np.ndarray, start: np.ndarray) -> list[int]:
    """Best tag ids of one sentence from its emissions ``[n, tags]`` (``viterbi_batch`` for one,
    without its batch indexing, which costs more than it saves on a single sentence)."""
    score = start + em[0]
    back = []
    for i in range(1, len(em)):
        s = score[:, None] + trans
        back.append(s.argmax(axis=0))
        score = s.max(axis=0) + em[i]
    best = [int(score.argmax())]
    for b in reversed(back):
        best.append(int(b[best[-1]]))
    return best[::-1]


def viterbi_batch(em: np.ndarray, trans: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Best tag ids ``[batch, n]`` of sentences of one length from emissions ``[batch, n, tags]``
    (numpy over the batch: the per-token loop is paid once per length, not per sentence)."""
    score = start + em[:, 0]
    back = []
    for i in range(1, em.shape[1]):
        s = score[:, :, None] + trans
        back.append(s.argmax(axis=1))
        score = s.max(axis=1) + em[:, i]
    best = [score.argmax(axis=1)]
    rows = np.arange(em.shape[0])
    for b in reversed(back):
        best.append(b[rows, best[-1]])
    return np.stack(best[::-1], axis=1)


class NeuralTagger:
    """BIO tagger for PERS, LOC, ORG, MISC over pre-split tokens (onnxruntime, one thread)."""

    def __init__(
        self,
        featurizer: Featurizer,
        onnx_path: Path,
        trans: np.ndarray,
        start: np.ndarray,
        document: DocumentStep | None = None,
    ) -> None:
        import onnxruntime as ort

        so = ort.SessionOptions()
        # One core per tagger: the pipeline parallelises over documents, not inside a sentence.
        so.intra_op_num_threads = 1
        so.inter_op_num_threads = 1
        try:
            self._sess = ort.InferenceSession(str(onnx_path), so, providers=["CPUExecutionProvider"])
        except Exception as e:  # onnxruntime raises its own exception types
            raise ResourceError(f"cannot open the NER model {onnx_path}: {e}") from e
        self._inputs = {i.name for i in self._sess.get_inputs()}
        self.featurizer = featurizer
        self.resources = featurizer.res
        self._trans, self._start = trans, start
        self.document = document

    def tag(self, tokens: list[str]) -> list[str]:
        """One BIO tag per token (``B-LOC``, ``I-PERS``, ``O`` …)."""
        return self.tag_document([tokens])[0] if tokens else []

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tags of the sentences of one document (or batch): each sentence is first tagged on its
        own; with a document step, the sentences whose words the document tags otherwise are
        decoded again (``rasd.ner.document``)."""
        em = self.emissions(sentences)
        paths = self._decode(em)
        out = [[TAGS[j] for j in p] for p in paths]
        if self.document is None:
            return out
        bases = [self.featurizer.bases_of(s) for s in sentences]
        if not self.document.may_move(bases, out):
            return out
        moved: dict[int, np.ndarray] = {}
        for i, marks in enumerate(document_marks(bases, out)):
            new = self.document.rescore(em[i], marks) if len(marks) else None
            if new is not None:
                moved[i] = new
        ids = list(moved)
        for i, path in zip(ids, self._decode([moved[i] for i in ids]), strict=True):
            out[i] = [TAGS[j] for j in path]
        return out

    def emissions(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """The network's per-tag scores ``[n, tags]`` of each sentence (empty ones: ``[0, tags]``)."""
        out = [np.zeros((0, len(TAGS)), dtype=np.float32) for _ in sentences]
        by_len: dict[int, list[int]] = {}
        for i, s in enumerate(sentences):
            if s:
                by_len.setdefault(len(s), []).append(i)
        # Sentences of one length per call: the graph has no padding mask, and padding would leak
        # into the backward LSTM (a sentence's tags would depend on its batch).
        groups = [
            ids[b : b + _BATCH] for _, ids in sorted(by_len.items()) for b in range(0, len(ids), _BATCH)
        ]
        for group in groups:
            x, c, v = pad([self.featurizer.sentence(sentences[i]) for i in group])
            feed = {"x": x, "chars": c, "vec": v}
            em = self._sess.run(None, {k: a for k, a in feed.items() if k in self._inputs})[0]
            for r, i in enumerate(group):
                out[i] = em[r]
        return out

    def _decode(self, em: list[np.ndarray]) -> list[np.ndarray]:
        """Viterbi paths, sentences of one length decoded together."""
        out: list[np.ndarray] = [np.zeros(0, dtype=np.int64) for _ in em]
        by_len: dict[int, list[int]] = {}
        for i, e in enumerate(em):
            if len(e):
                by_len.setdefault(len(e), []).append(i)
        for ids in by_len.values():
            if len(ids) == 1:
                out[ids[0]] = np.array(viterbi(em[ids[0]], self._trans, self._start))
                continue
            paths = viterbi_batch(np.stack([em[i] for i in ids]), self._trans, self._start)
            for i, path in zip(ids, paths, strict=True):
                out[i] = path
        return out


def save_vocab(
    path: Path,
    f: Featurizer,
    trans: np.ndarray,
    start: np.ndarray,
    meta: Mapping,
    document: DocumentStep | None = None,
) -> None:
    doc = {"doc_bias": np.round(document.bias.astype(np.float64), 6).tolist()} if document else {}
    data = {
        **doc,
        "words": f.words.strings,
        "bases": f.bases.strings,
        "pres": f.pres.strings,
        "chars": f.chars.strings,
        "tags": list(TAGS),
        "trans": np.round(trans.astype(np.float64), 6).tolist(),
        "start": np.round(start.astype(np.float64), 6).tolist(),
        **meta,
    }
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(json.dumps(data, ensure_ascii=False, sort_keys=True).encode())


def load_neural(model_dir: Path, res: Resources) -> NeuralTagger:
    try:
        with gzip.open(model_dir / VOCAB_FILE, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        if tuple(data["tags"]) != TAGS:
            raise ValueError(f"tag set {data['tags']} is not {TAGS}")
        trans = np.array(data["trans"], dtype=np.float32)
        start = np.array(data["start"], dtype=np.float32)
        # Models trained before the document step have no biases: sentences tagged on their own.
        bias = data.get("doc_bias")
        document = DocumentStep(np.array(bias, dtype=np.float32)) if bias is not None else None
    except (OSError, KeyError, ValueError) as e:
        raise ResourceError(f"cannot load the NER model from {model_dir}: {e}") from e
    vectors = res.vectors if isinstance(res.vectors, VectorTable) else None
    feat = Featurizer(
        res, Vocab(data["words"]), Vocab(data["bases"]), Vocab(data["pres"]), Vocab(data["chars"]), vectors
    )
    return NeuralTagger(feat, model_dir / ONNX_FILE, trans, start, document)
