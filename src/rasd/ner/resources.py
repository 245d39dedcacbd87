"""The shipped model files under ``rasd/ner/model/``: reading and writing them.

- ``ner.crfsuite`` — the CRF weights (python-crfsuite); ``ner-pass2.crfsuite`` — the second pass;
- ``clusters.tsv.gz`` — ``word<TAB>id<TAB>id…``: k-means cluster ids of word2vec vectors;
- ``lexicon.tsv.gz`` — ``kind<TAB>label<TAB>entry``: gazetteer phrases (kind ``phrase``) and
  training-set entity words (kind ``token``);
- ``config.json`` — cluster granularities, feature families, provenance and measured figures.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from rasd.errors import ResourceError
from rasd.ner.features import Resources

MODEL_DIR = Path(__file__).resolve().parent / "model"
CRF_FILE = "ner.crfsuite"
CRF2_FILE = "ner-pass2.crfsuite"  # optional second pass (document features)


def merge_label(old: str | None, new: str) -> str:
    """Labels of an entry found in several lists, in a stable order (``LOC/PERS``)."""
    if not old or old == new:
        return new
    return "/".join(sorted(set(old.split("/")) | {new}))


def save_resources(res: Resources, model_dir: Path, meta: dict) -> None:
    model_dir.mkdir(parents=True, exist_ok=True)
    # mtime=0 so that rebuilding from the same data gives byte-identical files.
    with (
        open(model_dir / "clusters.tsv.gz", "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz,
    ):
        lines = ("\t".join([w, *map(str, ids)]) for w, ids in sorted(res.clusters.items()))
        gz.write(("\n".join(lines) + "\n").encode())
    with (
        open(model_dir / "lexicon.tsv.gz", "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz,
    ):
        rows = [f"phrase\t{lab}\t{' '.join(k)}" for k, lab in sorted(res.phrases.items())]
        rows += [f"token\t{lab}\t{w}" for w, lab in sorted(res.token_lists.items())]
        gz.write(("\n".join(rows) + "\n").encode())
    config = {"ks": list(res.ks), "families": sorted(res.families), "max_phrase": res.max_phrase, **meta}
    (model_dir / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n")


def load_resources(model_dir: Path = MODEL_DIR) -> Resources:
    try:
        config = json.loads((model_dir / "config.json").read_text())
        ks = tuple(config["ks"])
        clusters: dict[str, tuple[int, ...]] = {}
        with gzip.open(model_dir / "clusters.tsv.gz", "rt", encoding="utf-8") as f:
            for line in f:
                w, *ids = line.rstrip("\n").split("\t")
                clusters[w] = tuple(map(int, ids))
        phrases: dict[tuple[str, ...], str] = {}
        tokens: dict[str, str] = {}
        with gzip.open(model_dir / "lexicon.tsv.gz", "rt", encoding="utf-8") as f:
            for line in f:
                kind, lab, entry = line.rstrip("\n").split("\t")
                if kind == "phrase":
                    phrases[tuple(entry.split(" "))] = lab
                else:
                    tokens[entry] = lab
    except (OSError, KeyError, ValueError) as e:
        raise ResourceError(f"cannot load the NER model from {model_dir}: {e}") from e
    return Resources(
        ks=ks,
        clusters=clusters,
        phrases=phrases,
        max_phrase=int(config["max_phrase"]),
        token_lists=tokens,
        families=frozenset(config["families"]),
    )
