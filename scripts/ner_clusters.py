"""Word clusters for the NER features, learned from the unlabeled news corpus.

word2vec (gensim, skip-gram) is trained on the tokenised corpus with one worker and a fixed seed
(gensim is deterministic only with one worker), then the vectors of every word seen at least
``min_count`` times are clustered with k-means at several granularities. The tagger uses the
cluster ids as features: a coarse id generalises across many words, a fine one separates names
of people from names of places. Only the id maps ship, never the vectors.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

SEED = 13


class _Lines:
    """Restartable iterator over the corpus file (gensim makes several passes)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self):
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                yield line.split()


def train_vectors(corpus: Path, out: Path, dim: int = 100, epochs: int = 5, min_count: int = 5):
    from gensim.models import Word2Vec

    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.INFO)
    model = Word2Vec(
        _Lines(corpus),
        vector_size=dim,
        window=5,
        min_count=min_count,
        sg=1,
        negative=5,
        sample=1e-4,
        workers=1,
        seed=SEED,
        epochs=epochs,
    )
    model.wv.save(str(out))
    return model.wv


def cluster_vectors(wv, k: int) -> dict[str, int]:
    """k-means cluster id of every word (unit-normalised vectors; mini-batch k-means, seeded)."""
    from sklearn.cluster import MiniBatchKMeans

    words = list(wv.index_to_key)
    x = wv.vectors / np.linalg.norm(wv.vectors, axis=1, keepdims=True).clip(1e-8)
    km = MiniBatchKMeans(n_clusters=k, random_state=SEED, batch_size=2048, n_init=1, max_iter=10)
    labels = km.fit_predict(x)
    return dict(zip(words, labels.tolist(), strict=True))


# Reduced vectors are stored as int8 steps of this size (per unit of standard deviation): ±4 σ.
QUANT_RANGE = 4.0


def reduce_vectors(wv, dim: int) -> np.ndarray:
    """The word vectors (rows in ``wv.index_to_key`` order) reduced for the ``embed`` features:
    unit-normalised, centred, projected on their ``dim`` first principal components, each
    component scaled to standard deviation 1 and quantised to int8 (the value is ``q * QUANT_RANGE
    / 127``). PCA by an eigendecomposition in float64 with fixed signs, so it is deterministic."""
    x = wv.vectors / np.linalg.norm(wv.vectors, axis=1, keepdims=True).clip(1e-8)
    x = (x - x.mean(axis=0)).astype(np.float64)
    vals, vecs = np.linalg.eigh(x.T @ x / len(x))
    comp = vecs[:, np.argsort(vals)[::-1][:dim]]
    comp *= np.sign(comp[np.abs(comp).argmax(axis=0), np.arange(comp.shape[1])])
    y = x @ comp
    y /= y.std(axis=0)
    return np.clip(np.round(y * 127 / QUANT_RANGE), -127, 127).astype(np.int8)
