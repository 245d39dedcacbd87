"""Context for the NER tagger: a forward and a backward LSTM language model pretrained on the
unlabeled news (docs/ner.md, issue #4, fifth round).

    python scripts/ner_lm.py prepare --shared ../shared     # the tokenised corpus as word-type ids
    python scripts/ner_lm.py pretrain --device cuda         # → lm.pt in the cache (a GPU: minutes)

Each language model reads, per word, only what the tagger already reads: its fixed word2vec
vector (``vectors.npy``: the word's, else its clitic-stripped base's) and the cluster ids of the
word at four granularities (``clusters.tsv.gz``). So the tagger's exported graph runs both models
on its own inputs, and tagging needs no new vocabulary or file. The forward model predicts the next
word of a sentence, the backward one the previous word (the 40k most frequent words, an unknown
class and the sentence boundary); their states, read together at each word, tell the tagger what
the whole sentence says around it, learned from 14M words of news rather than from ANERcorp's 130k.
The prediction layers are only for pretraining; the tagger keeps the models fixed
(``scripts/train_ner_neural.py --lm``).

``prepare`` needs the project (the NER lookup form and clitic stripping); ``pretrain`` needs only
torch and numpy, and reads the model directory and the prepared ids, so it runs on a GPU machine
that has nothing else of the project installed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = ROOT / "src" / "rasd" / "ner" / "model"
KS_DIMS = (8, 16, 32, 32)  # embedding sizes of the cluster ids, as the tagger's (c64 … c2048)
VOCAB = 40_000  # predicted words; the rest is one unknown class
MAX_LEN = 100  # longer corpus sentences are cut for pretraining (the models read any length)
IDS_FILE = "lm-ids.npz"
LM_FILE = "lm.pt"


def log(*a: object) -> None:
    print(time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


# --- the models ----------------------------------------------------------------------------------


def flip_padded(h: torch.Tensor, lengths: torch.Tensor | None) -> torch.Tensor:
    """Each sentence of a left-aligned batch reversed within its length (the padding stays at the
    end), so the backward model reads a padded batch as it reads one sentence alone."""
    if lengths is None:
        return torch.flip(h, dims=[1])
    t = torch.arange(h.shape[1], device=h.device).unsqueeze(0)
    n = lengths.to(h.device).unsqueeze(1)
    idx = torch.where(t < n, n - 1 - t, t)
    return h.gather(1, idx.unsqueeze(2).expand(-1, -1, h.shape[2]))


class ContextLM(nn.Module):
    """Two one-layer LSTM language models over (cluster ids, fixed vector) per word."""

    def __init__(self, ks: tuple[int, ...], vdim: int, hidden: int, n_out: int = VOCAB + 2) -> None:
        super().__init__()
        self.config = {"ks": list(ks), "vdim": vdim, "hidden": hidden, "n_out": n_out}
        self.emb = nn.ModuleList(
            nn.Embedding(k + 2, d, padding_idx=0) for k, d in zip(ks, KS_DIMS, strict=True)
        )
        dim = vdim + sum(KS_DIMS)
        self.fwd = nn.LSTM(dim, hidden, batch_first=True)
        self.bwd = nn.LSTM(dim, hidden, batch_first=True)
        self.head_f = nn.Linear(hidden, n_out)  # pretraining only
        self.head_b = nn.Linear(hidden, n_out)
        self.hidden = hidden

    def directions(
        self, clusters: torch.Tensor, vec: torch.Tensor, lengths: torch.Tensor | None = None
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Forward states (word t and what precedes it) and backward states (word t and what
        follows it), ``[batch, time, hidden]`` each. ``clusters`` are the tagger's ids (0 pad,
        1 none, then id + 2), ``[batch, time, len(ks)]``."""
        parts = [e(clusters[:, :, i]) for i, e in enumerate(self.emb)]
        h = torch.cat([*parts, vec], dim=2)
        f, _ = self.fwd(h)
        b, _ = self.bwd(flip_padded(h, lengths))
        return f, flip_padded(b, lengths)

    def states(
        self, clusters: torch.Tensor, vec: torch.Tensor, lengths: torch.Tensor | None = None
    ) -> torch.Tensor:
        return torch.cat(self.directions(clusters, vec, lengths), dim=2)


def save_lm(model: ContextLM, path: Path, meta: dict) -> None:
    """The models without their prediction layers (20M numbers, for pretraining only)."""
    state = {k: t for k, t in model.state_dict().items() if not k.startswith("head_")}
    torch.save({"config": model.config, "state": state, "meta": meta}, path)


def load_lm(path: Path) -> ContextLM:
    """The pretrained models, fixed (no gradients), without prediction layers."""
    saved = torch.load(path, map_location="cpu")
    c = saved["config"]
    model = ContextLM(tuple(c["ks"]), c["vdim"], c["hidden"], c["n_out"])
    model.head_f = model.head_b = None  # type: ignore[assignment]
    model.load_state_dict(saved["state"])
    for p in model.parameters():
        p.requires_grad_(False)
    return model.eval()


# --- the corpus as ids (needs the project) ---------------------------------------------------------


def prepare(shared: Path, cache: Path, model_dir: Path) -> Path:
    """The tokenised corpus (``scripts/ner_corpus.py``) as word-type ids, types numbered by
    frequency (so the first ``VOCAB`` are the predicted words), with each type's row in the
    shipped cluster table (its own) and in the vectors (its own, else its base's), as the tagger's
    featurizer finds them."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from ner_corpus import build_corpus, corpus_counts

    from rasd.ner.features import lookup_form, strip_clitics
    from rasd.ner.neural import vector_row
    from rasd.ner.resources import load_resources

    cache.mkdir(parents=True, exist_ok=True)
    corpus = cache / "corpus.txt"
    if not corpus.exists():
        log("tokenising the unlabeled corpus")
        log("tokens:", build_corpus(shared, corpus))
    counts = corpus_counts(corpus)
    types = sorted(counts, key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(types)}
    position = load_resources(model_dir).clusters.position
    word_row = np.full(len(types), -1, dtype=np.int32)
    vec_row = np.full(len(types), -1, dtype=np.int32)
    for i, w in enumerate(types):
        norm = lookup_form(w) or w
        base = strip_clitics(norm)[1]
        r, v = position(norm), vector_row(position, norm, base)
        word_row[i] = -1 if r is None else r
        vec_row[i] = -1 if v is None else v
    ids: list[int] = []
    lengths: list[int] = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            toks = line.split()[:MAX_LEN]
            ids += [index[w] for w in toks]
            lengths.append(len(toks))
    out = cache / IDS_FILE
    np.savez_compressed(
        out,
        ids=np.array(ids, dtype=np.int32),
        lengths=np.array(lengths, dtype=np.int16),
        word_row=word_row,
        vec_row=vec_row,
    )
    log(f"{len(ids)} tokens, {len(lengths)} sentences, {len(types)} types → {out}")
    return out


# --- pretraining (torch and numpy only) ---------------------------------------------------------------


def model_tables(model_dir: Path) -> tuple[tuple[int, ...], np.ndarray, np.ndarray]:
    """Granularities, cluster ids per row ``[rows, len(ks)]`` (the tagger's numbering: id + 2),
    and the fixed vectors per row as float32, from the shipped files."""
    config = json.loads((model_dir / "config.json").read_text())
    with gzip.open(model_dir / "clusters.tsv.gz", "rt", encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    clusters = np.array([[int(c) + 2 for c in line.split("\t")[1:]] for line in lines], dtype=np.int64)
    vectors = np.load(model_dir / "vectors.npy").astype(np.float32) * np.float32(config["embed_step"])
    return tuple(config["ks"]), clusters, vectors


def type_inputs(
    data, clusters: np.ndarray, vectors: np.ndarray
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Per word type: cluster ids ``[types, K]`` (1 where the word has none), vector ``[types, D]``
    (zeros where neither word nor base has one), and the predicted class (type id, or the unknown
    class ``VOCAB``)."""
    word_row, vec_row = data["word_row"], data["vec_row"]
    c = np.ones((len(word_row), clusters.shape[1]), dtype=np.int64)
    c[word_row >= 0] = clusters[word_row[word_row >= 0]]
    v = np.zeros((len(vec_row), vectors.shape[1]), dtype=np.float32)
    v[vec_row >= 0] = vectors[vec_row[vec_row >= 0]]
    target = np.minimum(np.arange(len(word_row)), VOCAB)
    return torch.from_numpy(c), torch.from_numpy(v), torch.from_numpy(target)


def sentence_batches(lengths: np.ndarray, tokens: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Sentence indices in batches of about ``tokens`` words, of similar lengths, shuffled."""
    order = np.argsort(lengths, kind="stable")
    out, cur, width = [], [], 0
    for i in order:
        width = max(width, int(lengths[i]))
        if cur and width * (len(cur) + 1) > tokens:
            out.append(np.array(cur))
            cur, width = [], int(lengths[i])
        cur.append(i)
    if cur:
        out.append(np.array(cur))
    rng.shuffle(out)
    return out


def lm_loss(
    model: ContextLM, c: torch.Tensor, v: torch.Tensor, y: torch.Tensor, n: torch.Tensor
) -> torch.Tensor:
    """Mean cross-entropy of both directions: the forward state at t predicts word t+1 (the
    boundary after the last), the backward one word t-1 (the boundary before the first)."""
    f, b = model.directions(c, v, n)
    t = torch.arange(y.shape[1], device=y.device).unsqueeze(0)
    n1 = n.unsqueeze(1)
    boundary = torch.full_like(y, VOCAB + 1)
    nxt = torch.where(t + 1 < n1, torch.roll(y, -1, dims=1), boundary)
    prv = torch.where(t > 0, torch.roll(y, 1, dims=1), boundary)
    nxt = torch.where(t < n1, nxt, -100)
    prv = torch.where(t < n1, prv, -100)
    lf = nn.functional.cross_entropy(model.head_f(f).flatten(0, 1), nxt.flatten(), ignore_index=-100)
    lb = nn.functional.cross_entropy(model.head_b(b).flatten(0, 1), prv.flatten(), ignore_index=-100)
    return (lf + lb) / 2


def pretrain(a: argparse.Namespace) -> None:
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    dev = torch.device(a.device)
    torch.backends.cuda.matmul.allow_tf32 = True  # the prediction layers' products: TF32 on a GPU
    data = np.load(a.cache / IDS_FILE)
    ks, clusters, vectors = model_tables(a.model_dir)
    tc, tv, ttarget = (t.to(dev) for t in type_inputs(data, clusters, vectors))
    ids = torch.from_numpy(data["ids"].astype(np.int64)).to(dev)
    lengths = data["lengths"].astype(np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    keep = lengths >= 2
    held = np.flatnonzero(keep)[-a.held_out :]  # the corpus's last sentences: a perplexity check
    train_idx = np.flatnonzero(keep)[: -a.held_out]
    model = ContextLM(ks, vectors.shape[1], a.hidden).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    log(f"{int(lengths[train_idx].sum())} training tokens in {len(train_idx)} sentences; device {dev}")

    def batch(sel: np.ndarray):
        n = lengths[sel]
        width = int(n.max())
        pos = starts[sel][:, None] + np.minimum(np.arange(width)[None, :], n[:, None] - 1)
        tid = ids[torch.from_numpy(pos).to(dev)]
        mask = torch.from_numpy(np.arange(width)[None, :] < n[:, None]).to(dev)
        return (
            tc[tid] * mask.unsqueeze(2),
            tv[tid] * mask.unsqueeze(2),
            ttarget[tid],
            torch.from_numpy(n).to(dev),
        )

    def held_loss() -> float:
        model.eval()
        total, count = 0.0, 0
        with torch.no_grad():
            for sel in sentence_batches(lengths[held], a.batch_tokens, np.random.default_rng(0)):
                c, v, y, n = batch(held[sel])
                total += float(lm_loss(model, c, v, y, n)) * int(n.sum())
                count += int(n.sum())
        model.train()
        return total / count

    t0 = time.time()
    step = 0
    stop = False
    for ep in range(a.epochs):
        groups = sentence_batches(lengths[train_idx], a.batch_tokens, rng)
        for sel in groups:
            c, v, y, n = batch(train_idx[sel])
            loss = lm_loss(model, c, v, y, n)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            if step % 200 == 0:
                log(
                    json.dumps(
                        {
                            "epoch": ep + 1,
                            "step": step,
                            "loss": round(float(loss), 3),
                            "s": round(time.time() - t0),
                        }
                    )
                )
            if a.minutes and time.time() - t0 > 60 * a.minutes:
                stop = True
                break
        h = held_loss()
        log(
            json.dumps(
                {"epoch": ep + 1, "held_out_loss": round(h, 4), "perplexity": round(float(np.exp(h)), 1)}
            )
        )
        if stop:
            break
    meta = {"steps": step, "seconds": round(time.time() - t0), "held_out_loss": round(h, 4), **vars(a)}
    meta = {k: str(v) if isinstance(v, Path) else v for k, v in meta.items()}
    save_lm(model.cpu(), a.out or a.cache / LM_FILE, meta)
    log("wrote", a.out or a.cache / LM_FILE)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=("prepare", "pretrain"))
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/rasd-ner-cache"))
    ap.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    ap.add_argument(
        "--out", type=Path, default=None, help=f"where pretrain writes (default: CACHE/{LM_FILE})"
    )
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--minutes", type=float, default=0, help="stop pretraining after this long (0: no limit)")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch-tokens", type=int, default=16_384)
    ap.add_argument("--held-out", type=int, default=5_000, help="sentences kept for the perplexity check")
    a = ap.parse_args()
    if a.step == "prepare":
        prepare(a.shared, a.cache, a.model_dir)
    else:
        torch.use_deterministic_algorithms(True, warn_only=True)
        pretrain(a)


if __name__ == "__main__":
    main()
