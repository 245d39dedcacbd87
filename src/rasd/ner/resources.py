"""The shipped model files under ``rasd/ner/model/``: reading and writing them.

- ``ner.crfsuite`` — the CRF weights (python-crfsuite); ``ner-pass2.crfsuite`` — the second pass;
- ``clusters.tsv.gz`` — ``word<TAB>id<TAB>id…``: k-means cluster ids of word2vec vectors;
- ``lexicon.tsv.gz`` — ``kind<TAB>label<TAB>entry``: gazetteer phrases (kind ``phrase``),
  training-set entity words (kind ``token``) and trigger profiles of corpus words (kind
  ``profile``, the label column holding ``PERS:hi ORG:lo`` …);
- ``vectors.npy`` — optional (``embed`` family): int8 reduced word2vec vectors, one row per line of
  ``clusters.tsv.gz`` in the same order; the value is the int times ``config["embed_step"]``;
- ``config.json`` — cluster granularities, feature families, provenance and measured figures.
"""

from __future__ import annotations

import gzip
import json
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import numpy as np

from rasd.errors import ResourceError
from rasd.ner.features import Resources

MODEL_DIR = Path(__file__).resolve().parent / "model"
CRF_FILE = "ner.crfsuite"
CRF2_FILE = "ner-pass2.crfsuite"  # optional second pass (document features)
VECTORS_FILE = "vectors.npy"  # optional reduced word vectors (``embed`` family)


def merge_label(old: str | None, new: str) -> str:
    """Labels of an entry found in several lists, in a stable order (``LOC/PERS``)."""
    if not old or old == new:
        return new
    return "/".join(sorted(set(old.split("/")) | {new}))


class ClusterTable(Mapping[str, tuple[str, ...]]):
    """Word → cluster ids, read from the sorted TSV without building a dict (fast to load).

    Lines sort as their words do (TAB sorts below every letter), so a word is found by binary
    search for ``word + TAB``; the tagger caches per-word features, so each word is looked up once.
    """

    def __init__(self, tsv: str) -> None:
        self._lines = tsv.rstrip("\n").split("\n") if tsv.strip() else []

    def position(self, word: str) -> int | None:
        """Line number of the word (its row in ``vectors.npy``), None when it has no line."""
        key = word + "\t"
        i = bisect_left(self._lines, key)
        return i if i < len(self._lines) and self._lines[i].startswith(key) else None

    def __getitem__(self, word: str) -> tuple[str, ...]:
        ids = self.get(word)
        if ids is None:
            raise KeyError(word)
        return ids

    def get(self, word: str, default: tuple[str, ...] | None = None) -> tuple[str, ...] | None:  # type: ignore[override]
        # Mapping.get would raise and catch a KeyError for each word without clusters
        i = self.position(word)
        return default if i is None else tuple(self._lines[i][len(word) + 1 :].split("\t"))

    def __iter__(self) -> Iterator[str]:
        return (line.partition("\t")[0] for line in self._lines)

    def __len__(self) -> int:
        return len(self._lines)


class VectorTable(Mapping[str, list[float]]):
    """Word → reduced vector, from int8 rows and the step one int stands for.

    ``position`` finds a word's row (a dict's ``get`` when training, the cluster table's binary
    search when tagging), so the shipped vectors need no word list of their own.
    """

    def __init__(self, position: Callable[[str], int | None], rows: np.ndarray, step: float) -> None:
        self._position = position
        self.rows = rows
        self.step = step

    def __getitem__(self, word: str) -> list[float]:
        i = self._position(word)
        if i is None:
            raise KeyError(word)
        return (self.rows[i].astype(np.float64) * self.step).tolist()

    def position(self, word: str) -> int | None:
        return self._position(word)

    def __iter__(self) -> Iterator[str]:
        raise TypeError("a VectorTable is looked up, not iterated")

    def __len__(self) -> int:
        return len(self.rows)


def save_resources(res: Resources, model_dir: Path, meta: dict) -> None:
    model_dir.mkdir(parents=True, exist_ok=True)
    # mtime=0 so that rebuilding from the same data gives byte-identical files.
    with (
        open(model_dir / "clusters.tsv.gz", "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz,
    ):
        # Sorted by the whole line: the order ClusterTable's binary search relies on.
        lines = sorted("\t".join([w, *map(str, ids)]) for w, ids in res.clusters.items())
        gz.write(("\n".join(lines) + "\n").encode())
    extra: dict = {}
    if isinstance(res.vectors, VectorTable) and len(res.vectors):
        order = [res.vectors.position(line.partition("\t")[0]) for line in lines]
        np.save(model_dir / VECTORS_FILE, res.vectors.rows[order])
        extra = {"embed_step": res.vectors.step, "embed_dim": int(res.vectors.rows.shape[1])}
    elif (model_dir / VECTORS_FILE).exists():
        (model_dir / VECTORS_FILE).unlink()
    with (
        open(model_dir / "lexicon.tsv.gz", "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz,
    ):
        rows = [f"phrase\t{lab}\t{' '.join(k)}" for k, lab in sorted(res.phrases.items())]
        rows += [f"token\t{lab}\t{w}" for w, lab in sorted(res.token_lists.items())]
        rows += [f"profile\t{prof}\t{w}" for w, prof in sorted(res.profiles.items())]
        gz.write(("\n".join(rows) + "\n").encode())
    config = {
        "ks": list(res.ks),
        "families": sorted(res.families),
        "max_phrase": res.max_phrase,
        **extra,
        **meta,
    }
    (model_dir / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n")


def load_resources(model_dir: Path = MODEL_DIR) -> Resources:
    try:
        config = json.loads((model_dir / "config.json").read_text())
        ks = tuple(config["ks"])
        with gzip.open(model_dir / "clusters.tsv.gz", "rt", encoding="utf-8") as f:
            clusters = ClusterTable(f.read())
        phrases: dict[tuple[str, ...], str] = {}
        tokens: dict[str, str] = {}
        profiles: dict[str, str] = {}
        with gzip.open(model_dir / "lexicon.tsv.gz", "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                kind, lab, entry = line.rstrip("\n").split("\t")
                if kind == "phrase":
                    phrases[tuple(entry.split(" "))] = lab
                elif kind == "profile":
                    profiles[entry] = lab
                else:
                    tokens[entry] = lab
        vectors: Mapping = {}
        if "embed_step" in config:
            rows = np.load(model_dir / VECTORS_FILE)
            if len(rows) != len(clusters):
                raise ValueError(f"{VECTORS_FILE} has {len(rows)} rows for {len(clusters)} words")
            vectors = VectorTable(clusters.position, rows, float(config["embed_step"]))
    except (OSError, KeyError, ValueError) as e:
        raise ResourceError(f"cannot load the NER model from {model_dir}: {e}") from e
    return Resources(
        ks=ks,
        clusters=clusters,
        phrases=phrases,
        max_phrase=int(config["max_phrase"]),
        token_lists=tokens,
        families=frozenset(config["families"]),
        vectors=vectors,
        profiles=profiles,
    )
