"""Train the shipped neural NER tagger (``make train-ner``; docs/ner.md).

    python scripts/train_ner_neural.py --shared ../shared            # rebuild src/rasd/ner/model/
    python scripts/train_ner_neural.py --shared ../shared --dev      # train on 90% of train, score the rest
    python scripts/train_ner_neural.py --shared ../shared --dev --no-char ...   # ablations
    python scripts/train_ner_neural.py --shared ../shared --dev --speed         # + onnxruntime tokens/s
    python scripts/train_ner_neural.py --shared ../shared --trainlist --cv      # block CV over train

Data: ANERcorp ``train.txt`` only (the test file is never opened here); word2vec vectors, k-means
clusters and the place gazetteer are those of ``scripts/train_ner.py`` (same cache, same seeds).
The network: per token, learned embeddings of the word and its clitic-stripped base (words of the
training data), of the word's and the base's cluster ids at four granularities, of its shape,
proclitics and gazetteer span mark; a char CNN over its letters; its reduced word2vec vector as a
fixed input; one BiLSTM layer; a linear-chain CRF over BIO tags. Everything is seeded and runs on
one thread, so a rebuild gives the same weights on the same machine and torch version. The model
also carries the document step's bias table (``rasd.ner.document.rule_bias``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_corpus import corpus_counts  # noqa: E402
from ner_docstep import crf_nll, repair_bio  # noqa: E402
from ner_lm import load_lm  # noqa: E402
from train_ner import (  # noqa: E402
    FOLDS,
    KS,
    Sentence,
    folds,
    geo_phrases,
    load_train,
    score,
    train_lists,
    word_clusters,
    word_vectors,
)

from rasd.ner.document import DocumentStep, rule_bias  # noqa: E402
from rasd.ner.features import Resources, lookup_form, strip_clitics  # noqa: E402
from rasd.ner.neural import (  # noqa: E402
    MAX_CHARS,
    ONNX_FILE,
    TAGS,
    VOCAB_FILE,
    Featurizer,
    Vocab,
    pad,
    save_vocab,
    viterbi,
)
from rasd.ner.resources import CRF2_FILE, CRF_FILE, MODEL_DIR, merge_label, save_resources  # noqa: E402

# Embedding sizes per column (a base's cluster columns ``bcK`` share the size of ``cK``).
DIMS = {
    "word": 64,
    "base": 32,
    "c64": 8,
    "c256": 16,
    "c1024": 32,
    "c2048": 32,
    "shape": 4,
    "pre": 8,
    "gaz": 8,
    "tl": 8,
}
VECTOR_DIM = 50  # PCA dimensions of the fixed word2vec inputs
# Document step (rasd.ner.document.rule_bias): the bonus for a word the rest of the document tags
# X; chosen on two CV folds of train (scripts/ner_docstep.py), 3 and 5 scored lower.
DOC_STRENGTH = 2.0


def log(*a: object) -> None:
    print(time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


# --- the network ---------------------------------------------------------------------------------


def column_on(col: str, a: argparse.Namespace) -> bool:
    """Whether the network reads a column (the ablation switches)."""
    if col in ("word", "base"):
        return not a.no_words
    if col.startswith(("c", "bc")):
        return not a.no_clusters
    if col == "gaz":
        return not a.no_gaz
    if col == "tl":
        return a.trainlist
    return not a.no_cats


class Emissions(nn.Module):
    """Token columns, letters and vectors → per-tag scores: what onnxruntime runs when tagging."""

    def __init__(self, feat: Featurizer, a: argparse.Namespace) -> None:
        super().__init__()
        sizes = feat.sizes()
        use = [c for c in feat.columns if column_on(c, a)]
        self.cols = [feat.columns.index(c) for c in use]
        self.emb = nn.ModuleList(
            nn.Embedding(sizes[c], DIMS[c.removeprefix("b") if c.startswith("bc") else c], padding_idx=0)
            for c in use
        )
        dim = sum(e.embedding_dim for e in self.emb)
        self.vec = a.vectors > 0
        dim += a.vectors
        self.char = a.char
        if a.char:
            self.cemb = nn.Embedding(len(feat.chars), 24, padding_idx=0)
            self.conv = nn.Conv1d(24, a.char, 3, padding=1)
            dim += a.char
        self.lm = None
        if a.lm:
            # the pretrained language models (scripts/ner_lm.py), fixed: they read the word's
            # cluster ids and its vector, and a trained layer brings their states down to size
            self.lm = load_lm(Path(a.lm))
            ks = tuple(self.lm.config["ks"])
            if ks != tuple(feat.res.ks) or self.lm.config["vdim"] != feat.vdim:
                raise SystemExit(f"{a.lm} was pretrained on other clusters or vectors than these")
            if a.lm_tune:  # trained further with the tagger, at the tagger's learning rate
                for p in self.lm.parameters():
                    p.requires_grad_(True)
            self.lm_cols = [feat.columns.index(f"c{k}") for k in ks]
            self.lm_proj = nn.Linear(2 * self.lm.hidden, a.lm_proj)
            dim += a.lm_proj
        self.drop = nn.Dropout(a.dropout)
        self.lstm = nn.LSTM(dim, a.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * a.hidden, len(TAGS))

    def forward(
        self, x: torch.Tensor, chars: torch.Tensor, vec: torch.Tensor, lengths: torch.Tensor | None = None
    ) -> torch.Tensor:
        """Scores ``[batch, time, tags]``. With ``lengths`` the padding is packed away, so a
        sentence's scores do not depend on the batch it is in; the exported graph has none and is
        run on sentences of one length at a time (``NeuralTagger``)."""
        parts = [e(x[:, :, c]) for e, c in zip(self.emb, self.cols, strict=True)]
        if self.vec:
            parts.append(vec)
        if self.char:
            b, t, m = chars.shape
            ce = self.cemb(chars.reshape(b * t, m)).transpose(1, 2)
            parts.append(torch.relu(self.conv(ce)).amax(dim=2).reshape(b, t, -1))
        if self.lm is not None:
            parts.append(self.lm_proj(self.lm.states(x[:, :, self.lm_cols], vec, lengths)))
        h = self.drop(torch.cat(parts, dim=2))
        if lengths is None:
            h, _ = self.lstm(h)
        else:
            packed = nn.utils.rnn.pack_padded_sequence(h, lengths, batch_first=True, enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(
                self.lstm(packed)[0], batch_first=True, total_length=x.shape[1]
            )
        return self.out(self.drop(h))


def allowed_transitions() -> np.ndarray:
    """BIO: ``I-X`` only after ``B-X`` or ``I-X``."""
    ok = np.ones((len(TAGS), len(TAGS)), dtype=bool)
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            for i, s in enumerate(TAGS):
                ok[i, j] = s != "O" and s[2:] == t[2:]
    return ok


class CRF(nn.Module):
    """Linear-chain CRF log-likelihood over emissions (transitions learned, BIO built in)."""

    def __init__(self) -> None:
        super().__init__()
        n = len(TAGS)
        self.trans = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.register_buffer(
            "mask_t", torch.tensor(np.where(allowed_transitions(), 0.0, -1e4), dtype=torch.float32)
        )
        self.register_buffer("mask_s", torch.tensor([-1e4 if t.startswith("I-") else 0.0 for t in TAGS]))

    def nll(self, em: torch.Tensor, y: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return crf_nll(em, y, mask, self.trans + self.mask_t, self.start + self.mask_s)

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        with torch.no_grad():
            return (
                (self.trans + self.mask_t).cpu().numpy().copy(),
                (self.start + self.mask_s).cpu().numpy().copy(),
            )


def greedy_bio(em: np.ndarray) -> list[int]:
    """Softmax decoding (the ``--softmax`` ablation): an ``I-X`` that cannot continue is ``B-X``."""
    out: list[int] = []
    for j in em.argmax(axis=1):
        t = TAGS[j]
        if t.startswith("I-") and (not out or TAGS[out[-1]][2:] != t[2:]):
            j = TAGS.index("B-" + t[2:])
        out.append(int(j))
    return out


# --- data -------------------------------------------------------------------------------------------

Encoded = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # columns, letters, vectors, tag ids


def resources(lex, lists=None, families=frozenset({"clitic", "geo"})) -> Resources:
    """Clusters, gazetteer phrases (plus training-list phrases and words when given), vectors."""
    phrases = dict(lex["geo"])
    tokens: dict[str, str] = {}
    if lists is not None:
        tphr, tokens = lists
        for k, lab in tphr.items():
            phrases[k] = merge_label(phrases.get(k), lab)
    return Resources(
        ks=KS,
        clusters=lex["clusters"],
        phrases=phrases,
        max_phrase=max((len(k) for k in phrases), default=1),
        token_lists=tokens,
        families=frozenset(families),
        vectors=lex["vectors"] if lex["vectors"] is not None else {},
    )


def featurizer(train: list[Sentence], res: Resources, vectors) -> Featurizer:
    """Vocabularies of the training sentences (letters seen at least twice)."""
    norms = [lookup_form(w) or w for toks, _ in train for w in toks]
    split = [strip_clitics(n) for n in norms]
    return Featurizer(
        res,
        Vocab.counted(norms),
        Vocab.counted(b for _, b in split),
        Vocab.counted(p for p, _ in split),
        Vocab.counted((c for n in norms for c in n), min_count=2),
        vectors,
    )


def encode(sents: list[Sentence], feat: Featurizer) -> list[Encoded]:
    out = []
    for toks, tags in sents:
        out.append(
            (*feat.sentence(toks), np.array([TAGS.index(t) for t in repair_bio(tags)], dtype=np.int64))
        )
    return out


def use_lists(feat: Featurizer, lex, lists) -> None:
    """Point the featurizer at other training lists (jackknifing); its cache is cleared."""
    fam = {"clitic", "geo"} | ({"trainlist"} if lists is not None else set())
    feat.res = resources(lex, lists, frozenset(fam))
    feat.clear()


def jackknifed(sents: list[Sentence], feat: Featurizer, lex, trainlist: bool) -> list[Encoded]:
    """Training sentences encoded; with ``trainlist``, each fold's list features come from the
    other folds, so the network learns to trust a list hit as much as it deserves on new text."""
    if not trainlist:
        return encode(sents, feat)
    out: list[Encoded] = []
    for s, e in folds(len(sents)):
        use_lists(feat, lex, train_lists(sents[:s] + sents[e:]))
        out += encode(sents[s:e], feat)
    use_lists(feat, lex, train_lists(sents))
    return out


def batches(data: list[Encoded], size: int, rng: np.random.Generator | None):
    """Padded batches of sentences of similar length (the batches shuffled when ``rng``)."""
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(groups)
    for g in groups:
        x, c, v, y = pad([data[i] for i in g])
        m = pad([(np.ones(len(data[i][0]), dtype=np.float32),) for i in g])[0]
        yield g, *(torch.from_numpy(a) for a in (x, c, v, y, m))


def word_dropout(
    x: torch.Tensor, p: float, singles: list[torch.Tensor], gen: torch.Generator
) -> torch.Tensor:
    """Words and bases of the training data hidden now and then (those seen once half the time),
    so the network also learns to tag from clusters, vectors, letters and context."""
    x = x.clone()
    for col in (0, 1):
        ids = x[:, :, col]
        hide = (torch.rand(ids.shape, generator=gen) < torch.where(singles[col][ids], 0.5, p)) & (ids > 1)
        x[:, :, col] = torch.where(hide, torch.ones_like(ids), ids)
    return x


# --- training -----------------------------------------------------------------------------------------


def emissions(model: Emissions, data: list[Encoded]) -> list[np.ndarray]:
    """Per-tag scores ``[n, tags]`` of each sentence (padding packed away)."""
    model.eval()
    dev = next(model.parameters()).device
    out: dict[int, np.ndarray] = {}
    with torch.no_grad():
        for g, x, c, v, _, m in batches(data, 64, None):
            em = model(x.to(dev), c.to(dev), v.to(dev), m.sum(dim=1).long()).cpu().numpy()
            for r, i in enumerate(g):
                out[i] = em[r, : int(m[r].sum())].copy()
    return [out[i] for i in range(len(data))]


def predict(model: Emissions, crf: CRF | None, data: list[Encoded]) -> list[list[str]]:
    trans, start = crf.arrays() if crf is not None else (None, None)
    return [
        [TAGS[j] for j in (viterbi(em, trans, start) if crf is not None else greedy_bio(em))]
        for em in emissions(model, data)
    ]


def train(a, data: list[Encoded], feat: Featurizer, dev=None) -> tuple[Emissions, CRF | None, list[dict]]:
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    gen = torch.Generator().manual_seed(a.seed)
    singles = []
    for col, n in ((0, len(feat.words)), (1, len(feat.bases))):
        counts = Counter(int(i) for x, *_ in data for i in x[:, col])
        once = torch.zeros(n, dtype=torch.bool)
        once[[i for i, k in counts.items() if k == 1]] = True
        singles.append(once)
    device = torch.device(a.device)
    model = Emissions(feat, a).to(device)
    crf = None if a.softmax else CRF().to(device)
    params = [p for p in model.parameters() if p.requires_grad] + (list(crf.parameters()) if crf else [])
    opt = torch.optim.Adam(params, lr=a.lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda ep: 1 / (1 + 0.05 * ep))
    history: list[dict] = []
    avg: dict[str, torch.Tensor] = {}
    for ep in range(a.epochs):
        model.train()
        t0, w0 = time.process_time(), time.time()
        total = 0.0
        for _, x, c, v, y, m in batches(data, a.batch, rng):
            n = m.sum(dim=1).long()  # lengths stay on the CPU (pack_padded_sequence)
            x, c, v, y, m = (
                t.to(device) for t in (word_dropout(x, a.word_dropout, singles, gen), c, v, y, m)
            )
            em = model(x, c, v, n)
            if crf is not None:
                loss = crf.nll(em, y, m)
            else:
                loss = (nn.functional.cross_entropy(em.transpose(1, 2), y, reduction="none") * m).sum()
            opt.zero_grad()
            (loss / x.shape[0]).backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total += float(loss.detach())
        sched.step()
        line: dict = {"epoch": ep + 1, "loss": round(total, 1), "cpu_s": round(time.process_time() - t0, 1)}
        line["wall_s"] = round(time.time() - w0, 1)
        if dev is not None and (ep + 1) % a.eval_every == 0:
            line.update(score(predict(model, crf, dev[0]), dev[1]))
        history.append(line)
        log(json.dumps(line))
        if ep >= a.epochs - a.avg:
            # The weights of the last epochs averaged: the held-out score swings by about a point
            # from one epoch to the next, the average does not hang on where training stops.
            for k, t in _state(model, crf).items():
                avg[k] = avg.get(k, 0) + t.detach().clone() / a.avg
    if a.avg > 1:
        model.load_state_dict({k[2:]: t for k, t in avg.items() if k.startswith("m.")})
        if crf is not None:
            crf.load_state_dict({k[2:]: t for k, t in avg.items() if k.startswith("c.")})
    return model.cpu(), crf.cpu() if crf is not None else None, history


def _state(model: nn.Module, crf: nn.Module | None) -> dict[str, torch.Tensor]:
    out = {"m." + k: t for k, t in model.state_dict().items()}
    if crf is not None:
        out.update({"c." + k: t for k, t in crf.state_dict().items()})
    return out


def export_onnx(model: Emissions, feat: Featurizer, path: Path) -> None:
    model.eval()
    x = torch.ones((2, 5, len(feat.columns)), dtype=torch.int64)
    c = torch.ones((2, 5, MAX_CHARS), dtype=torch.int64)
    v = torch.zeros((2, 5, feat.vdim), dtype=torch.float32)
    axes = {0: "batch", 1: "time"}
    torch.onnx.export(
        model,
        (x, c, v),
        str(path),
        input_names=["x", "chars", "vec"],
        output_names=["em"],
        dynamic_axes={"x": axes, "chars": axes, "vec": axes, "em": axes},
        opset_version=17,
        dynamo=False,  # the TorchScript exporter handles the LSTM without onnxscript
    )


def speed(path: Path, feat: Featurizer, crf: CRF, sents: list[list[str]]) -> dict:
    """Tokens/s of the exported model on one thread (features from a cold cache, onnxruntime,
    Viterbi), median of three process-CPU-time runs."""
    from rasd.ner.neural import NeuralTagger

    tagger = NeuralTagger(feat, path, *crf.arrays())
    n = sum(map(len, sents))
    rates = []
    for _ in range(3):
        feat.clear()
        t0 = time.process_time()
        tagger.tag_document(sents)
        rates.append(n / (time.process_time() - t0))
    return {"tokens": n, "tokens_per_s_cold": round(sorted(rates)[1]), "onnx_bytes": path.stat().st_size}


def out_of_fold(a, sents: list[Sentence], lex, count: int = FOLDS, only: int | None = None) -> list[dict]:
    """Document-level cross-validation over ``train.txt``: the five contiguous blocks of
    ``folds`` (ANERcorp marks no document boundaries, and a block keeps its articles whole but
    for the two at its edges), each scored by a network trained on the other four. Returns, per
    fold, its sentence range, the held-out emissions and the CRF transitions, cached per setting
    (``scripts/ner_docstep.py`` measures the document step on them). Only the first ``count``
    folds are trained (a network costs ~25 minutes of a shared core); ``only`` trains fold
    ``only`` alone (several processes can train the folds side by side, then a run without it
    reads them all from the cache)."""
    key = settings_key(a)
    parts = []
    for i, (s, e) in enumerate(folds(len(sents))[:count]):
        if only is not None and i != only:
            continue
        path = a.cache / f"oof-{key}-{i}.pkl"
        if path.exists():
            parts.append(pickle.loads(path.read_bytes()))
            continue
        log(f"fold {i + 1}/{FOLDS}: sentences {s}-{e} held out")
        tr, held = sents[:s] + sents[e:], sents[s:e]
        feat = featurizer(tr, resources(lex), lex["vectors"])
        model, crf, _ = train(a, jackknifed(tr, feat, lex, a.trainlist), feat)
        trans, start = crf.arrays()
        part = {"range": (s, e), "em": emissions(model, encode(held, feat)), "trans": trans, "start": start}
        path.write_bytes(pickle.dumps(part))
        parts.append(part)
    return parts


def settings_key(a) -> str:
    return hashlib.md5(json.dumps(train_settings(a, True), sort_keys=True).encode()).hexdigest()[:10]


def full_network(a, data: list[Encoded], feat: Featurizer) -> tuple[Emissions, CRF | None]:
    """The network trained on all of train, cached per setting (so a rerun that changes only
    the document step does not train it again; from an empty cache it is trained the same)."""
    path = a.cache / f"full-{settings_key(a)}.pt"
    model, crf = Emissions(feat, a), None if a.softmax else CRF()
    if path.exists():
        state = torch.load(path)
        model.load_state_dict(state["m"])
        if crf is not None:
            crf.load_state_dict(state["c"])
        log("network from", path)
        return model, crf
    model, crf, _ = train(a, data, feat)
    torch.save({"m": model.state_dict(), "c": crf.state_dict() if crf else None}, path)
    return model, crf


def cv_scores(parts: list[dict], sents: list[Sentence]) -> dict:
    """Pooled and per-fold scores of the first pass (Viterbi over the held-out emissions), over
    the sentences of the folds given (all five, the first ``--cv-folds``, or ``--cv-only``'s)."""
    pred: list[list[str]] = []
    gold: list[list[str]] = []
    per_fold = []
    for p in parts:
        s, e = p["range"]
        tags = [[TAGS[j] for j in viterbi(em, p["trans"], p["start"])] for em in p["em"]]
        per_fold.append(score(tags, [y for _, y in sents[s:e]])["micro"])
        pred += tags
        gold += [y for _, y in sents[s:e]]
    return {**score(pred, gold), "folds": per_fold}


def train_settings(a, network_only: bool = False) -> dict:
    """The options that change the trained model (what ``config.json`` records), or only those
    that change the network (the key of the cached out-of-fold parts)."""
    skip = ("shared", "cache", "out", "dev", "cv", "speed", "tag", "eval_every", "lm")
    skip += ("lexica", "save_lexica", "cv_only")
    skip += ("doc_strength", "no_doc", "cv_folds") if network_only else ("cv_folds",)
    return {k: v for k, v in vars(a).items() if k not in skip}


def lexica(a) -> dict:
    """Cluster ids, reduced word vectors and the place gazetteer: from a ``--lexica`` file, from
    the model directory (``--shipped-vectors``: what the shipped tagger and a pretrained language
    model were built on), or from word2vec in the cache (rebuilt from the corpus when missing)."""
    if a.lexica:
        return pickle.loads(a.lexica.read_bytes())
    if a.shipped_vectors:
        from rasd.ner.resources import load_resources

        shipped = load_resources(MODEL_DIR)
        counts = corpus_counts(a.cache / "corpus.txt")
        return {"clusters": shipped.clusters, "geo": geo_phrases(counts), "vectors": shipped.vectors}
    clusters, counts = word_clusters(a.shared, a.cache)
    vectors = word_vectors(a.cache, a.vectors, 1.0) if a.vectors else None
    return {"clusters": clusters, "geo": geo_phrases(counts), "vectors": vectors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/rasd-ner-cache"))
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--dev", action="store_true", help="train on the first 90%% of train, score the rest")
    ap.add_argument("--cv", action="store_true", help="five-fold cross-validation over train (blocks)")
    ap.add_argument("--cv-folds", type=int, default=FOLDS, help="score only the first N of the five folds")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--avg", type=int, default=5, help="average the weights of the last N epochs")
    ap.add_argument("--eval-every", type=int, default=25, help="held-out score every N epochs (--dev)")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--char", type=int, default=50, help="char CNN filters (0: none)")
    ap.add_argument("--vectors", type=int, default=VECTOR_DIM, help="word2vec PCA dims (0: none)")
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--word-dropout", type=float, default=0.05)
    ap.add_argument("--softmax", action="store_true", help="softmax instead of CRF decoding")
    ap.add_argument("--trainlist", action="store_true", help="jackknifed training-list features")
    ap.add_argument("--no-words", action="store_true", help="no word/base embeddings")
    ap.add_argument("--no-clusters", action="store_true", help="no cluster-id embeddings")
    ap.add_argument("--no-gaz", action="store_true", help="no gazetteer span marks")
    ap.add_argument("--no-cats", action="store_true", help="no shape / proclitic columns")
    ap.add_argument("--speed", action="store_true", help="tokens/s of the exported model (--dev)")
    ap.add_argument("--no-doc", action="store_true", help="no document step (sentences on their own)")
    ap.add_argument("--doc-strength", type=float, default=DOC_STRENGTH, help="document step's bonus")
    ap.add_argument("--tag", default="run", help="name of the result line")
    ap.add_argument("--lm", default="", help="pretrained language models (scripts/ner_lm.py) as an input")
    ap.add_argument(
        "--lm-tune", action="store_true", help="train the language models further with the tagger"
    )
    ap.add_argument(
        "--lm-proj", type=int, default=128, help="size the language models' states are brought to"
    )
    ap.add_argument(
        "--shipped-vectors",
        action="store_true",
        help="the clusters and vectors of the model directory instead of the cache's word2vec",
    )
    ap.add_argument(
        "--save-lexica", type=Path, help="write clusters, vectors and gazetteer to a file, and stop"
    )
    ap.add_argument("--lexica", type=Path, help="read them from such a file (scripts/ner_device.py)")
    ap.add_argument("--cv-only", type=int, help="with --cv: train this fold alone (0-4)")
    ap.add_argument(
        "--device", default="cpu", help="torch device of training (cuda: not bit-for-bit repeatable)"
    )
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True, warn_only=a.device != "cpu")
    if a.lm:
        a.lm_md5 = hashlib.md5(Path(a.lm).read_bytes()).hexdigest()  # the cache key follows the file
    sents = load_train(a.shared)
    lex = lexica(a)
    vectors = lex["vectors"] if a.vectors else None
    if a.save_lexica:
        a.save_lexica.write_bytes(pickle.dumps(lex))
        log("wrote", a.save_lexica)
        return
    a.cache.mkdir(parents=True, exist_ok=True)
    if a.cv:
        parts = out_of_fold(a, sents, lex, a.cv_folds, a.cv_only)
        res = {"tag": a.tag, "args": train_settings(a), "cv": cv_scores(parts, sents)}
        print(json.dumps(res))
        return
    if a.dev:
        cut = int(len(sents) * 0.9)
        tr, dev = sents[:cut], sents[cut:]
    else:
        tr, dev = sents, []
    feat = featurizer(tr, resources(lex), vectors)
    log(f"{len(tr)} training sentences, {len(feat.words)} words, {len(lex['geo'])} place names")
    data = jackknifed(tr, feat, lex, a.trainlist)
    dev_data = (encode(dev, feat), [y for _, y in dev]) if dev else None
    if dev_data is None:
        model, crf = full_network(a, data, feat)
    else:
        model, crf, _ = train(a, data, feat, dev_data)
    settings = train_settings(a)
    if dev_data is not None:
        res = {
            "tag": a.tag,
            "args": settings,
            "heldout": score(predict(model, crf, dev_data[0]), dev_data[1]),
        }
        if a.speed and crf is not None:
            path = a.cache / f"{a.tag}.onnx"
            export_onnx(model, feat, path)
            res["speed"] = speed(path, feat, crf, [t for t, _ in sents[:2000]])
        print(json.dumps(res))
        return
    if crf is None:
        sys.exit("the shipped model decodes with the CRF transitions: drop --softmax")
    document = None if a.no_doc else DocumentStep(rule_bias(a.doc_strength))
    a.out.mkdir(parents=True, exist_ok=True)
    export_onnx(model, feat, a.out / ONNX_FILE)
    meta = {"settings": settings, "train": "ANERcorp train.txt (CAMeL split)", "tagger": "neural"}
    save_vocab(a.out / VOCAB_FILE, feat, *crf.arrays(), {"settings": settings}, document)
    meta["clusters"] = "word2vec skip-gram 100d on SaudiNewsNet + syria-news, k-means"
    save_resources(feat.res, a.out, meta)
    for old in (CRF_FILE, CRF2_FILE):  # the CRF is not shipped next to it (scripts/train_ner.py)
        (a.out / old).unlink(missing_ok=True)
    log("wrote", a.out)


if __name__ == "__main__":
    main()
