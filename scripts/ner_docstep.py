"""Measure the neural tagger's document step (``rasd.ner.document``; docs/ner.md).

    python scripts/ner_docstep.py --shared ../shared --key KEY    # CV table of the variants

Reads the out-of-fold parts that ``scripts/train_ner_neural.py --cv`` caches (``oof-KEY-i.pkl``:
first-pass emissions of sentences the network did not see) and scores, per variant, all the
held-out folds together: the first pass alone, the shipped rule at several strengths, and
biases fitted to the CRF likelihood over the fixed emissions (fold ``k`` rescored with biases
fitted on the other folds only). The test file is never read.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_ner import Sentence, load_train, score  # noqa: E402

from rasd.ner.document import MARKS, DocumentStep, document_marks, rule_bias  # noqa: E402
from rasd.ner.features import lookup_form, strip_clitics  # noqa: E402
from rasd.ner.neural import TAGS, viterbi  # noqa: E402

# One fold's data: emissions, marks, gold tag ids per sentence, and the fold network's CRF.
Fold = tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray], np.ndarray, np.ndarray]


def crf_nll(em: torch.Tensor, y: torch.Tensor, mask: torch.Tensor, trans, start) -> torch.Tensor:
    """Summed negative log-likelihood of gold paths ``y`` under a linear-chain CRF with
    emissions ``em [batch, time, tags]`` (``mask`` 1 on real tokens, sentences left-aligned)."""
    ar = torch.arange(em.shape[0], device=em.device)
    gold = start[y[:, 0]] + em[ar, 0, y[:, 0]]
    alpha = start + em[:, 0]
    for i in range(1, em.shape[1]):
        m = mask[:, i]
        gold = gold + m * (trans[y[:, i - 1], y[:, i]] + em[ar, i, y[:, i]])
        nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + em[:, i]
        alpha = torch.where(m.unsqueeze(1) > 0, nxt, alpha)
    return (torch.logsumexp(alpha, dim=1) - gold).sum()


def sentence_bases(tokens: list[str]) -> list[str]:
    """Clitic-stripped lookup forms, as the tagger's featurizer computes them."""
    return [strip_clitics(lookup_form(w) or w)[1] for w in tokens]


def decode(em: np.ndarray, trans: np.ndarray, start: np.ndarray) -> list[str]:
    return [TAGS[j] for j in viterbi(em, trans, start)]


def fold_data(part: dict, sents: list[Sentence], doc: int) -> Fold:
    """A cached out-of-fold part with the marks of its first-pass tags, read in documents of
    ``doc`` sentences (0: the whole fold, as ``rasd tag --conll`` reads up to 2,000)."""
    s, e = part["range"]
    toks = [t for t, _ in sents[s:e]]
    first = [decode(em, part["trans"], part["start"]) for em in part["em"]]
    size = doc or len(toks)
    marks: list[np.ndarray] = []
    for b in range(0, len(toks), size):
        marks += document_marks([sentence_bases(t) for t in toks[b : b + size]], first[b : b + size])
    gold = [np.array([TAGS.index(t) for t in repair_bio(y)]) for _, y in sents[s:e]]
    return part["em"], marks, gold, part["trans"], part["start"]


def repair_bio(tags: list[str]) -> list[str]:
    """An ``I-X`` that opens a span (39 in train.txt) as ``B-X``: the scorer reads it so, and the
    CRF's transitions forbid it."""
    out: list[str] = []
    for t in tags:
        if t.startswith("I-") and (not out or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


def label_mask() -> torch.Tensor:
    """``[marks, tags]``: 1 where an entity mark meets the ``B-``/``I-`` tags of its own label."""
    out = torch.zeros((len(MARKS), len(TAGS)))
    for i, m in enumerate(MARKS):
        if m.count(":") == 2:
            lab = m.split(":")[0]
            out[i, TAGS.index("B-" + lab)] = out[i, TAGS.index("I-" + lab)] = 1.0
    return out


def fit_bias(
    folds: list[Fold],
    l2: float,
    context: bool = False,
    tied: bool = False,
    iters: int = 60,
    chunk: int = 256,
) -> np.ndarray:
    """Biases per mark maximising the CRF likelihood of the gold tags over the folds' fixed
    emissions and transitions, with an L2 penalty; the "none" rows stay zero. With ``context``
    the neighbours' marks get biases of their own (``DocumentStep``'s ``[3, marks, tags]``).
    ``tied``: one weight per entity mark, on its own label's ``B-`` and ``I-`` tags alike (the
    rule's form with learned strengths); a free bias per tag also recalibrates the network, which
    did not carry over from one fold's network to another's (docs/ner.md)."""
    batches = []
    for em, marks, gold, trans, start in folds:
        order = sorted(range(len(em)), key=lambda i: len(em[i]))
        for b in range(0, len(order), chunk):
            g = order[b : b + chunk]
            t = max(len(em[i]) for i in g)
            e = np.zeros((len(g), t, len(TAGS)), dtype=np.float32)
            mk = np.zeros((len(g), t + 2), dtype=np.int64)  # a "none" mark on either side
            y = np.zeros((len(g), t), dtype=np.int64)
            m = np.zeros((len(g), t), dtype=np.float32)
            for r, i in enumerate(g):
                n = len(em[i])
                e[r, :n], mk[r, 1 : n + 1], y[r, :n], m[r, :n] = em[i], marks[i], gold[i], 1
            batches.append(tuple(map(torch.from_numpy, (e, mk, y, m, trans, start))))
    n_tok = sum(float(b[3].sum()) for b in batches)
    k = 3 if context else 1
    mask = label_mask()[1:] if tied else torch.ones((len(MARKS) - 1, len(TAGS)))
    w = torch.zeros((k, len(MARKS) - 1, 1 if tied else len(TAGS)), requires_grad=True)
    opt = torch.optim.LBFGS([w], lr=1, max_iter=iters, line_search_fn="strong_wolfe")

    def table() -> torch.Tensor:
        return torch.cat([torch.zeros((k, 1, len(TAGS))), w * mask], dim=1)

    def closure() -> torch.Tensor:
        opt.zero_grad()
        full = table()
        loss = torch.zeros(())
        for e, mk, y, m, tr, st in batches:
            t = e.shape[1]
            moved = e + full[0][mk[:, 1 : t + 1]]
            if context:
                moved = moved + full[1][mk[:, :t]] + full[2][mk[:, 2 : t + 2]]
            loss = loss + crf_nll(moved, y, m, tr, st)
        loss = loss / n_tok + l2 * (w**2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    with torch.no_grad():
        return table().numpy()


def rescored(f: Fold, step: DocumentStep | None) -> list[list[str]]:
    em, marks, _, trans, start = f
    out = []
    for e, mk in zip(em, marks, strict=True):
        new = step.rescore(e, mk) if step is not None else None
        out.append(decode(e if new is None else new, trans, start))
    return out


def cv_table(
    parts: list[dict],
    sents: list[Sentence],
    doc: int,
    l2s: list[float],
    rules: list[float],
    context: bool,
    fit_doc: int | None = None,
    tied: bool = False,
):
    """Pooled CV scores: first pass, the rule, and the learned biases (fold k's biases fitted on
    the other folds, read in documents of ``fit_doc`` sentences, by default ``doc``)."""
    folds = [fold_data(p, sents, doc) for p in parts]
    fit = folds if fit_doc is None or fit_doc == doc else [fold_data(p, sents, fit_doc) for p in parts]
    gold = [y for p in parts for _, y in sents[p["range"][0] : p["range"][1]]]
    rows = {"first pass": [t for f in folds for t in rescored(f, None)]}
    for s in rules:
        rows[f"rule {s:g}"] = [t for f in folds for t in rescored(f, DocumentStep(rule_bias(s)))]
    for l2 in l2s:
        pred = []
        for k, f in enumerate(folds):
            bias = fit_bias([g for j, g in enumerate(fit) if j != k], l2, context, tied)
            pred += rescored(f, DocumentStep(bias))
        rows[f"learned l2 {l2:g}{' context' if context else ''}{' tied' if tied else ''}"] = pred
    return {name: score(p, gold) for name, p in rows.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/rasd-ner-cache"))
    ap.add_argument("--key", required=True, help="settings key of the cached out-of-fold parts")
    ap.add_argument("--doc", type=int, nargs="+", default=[0, 25], help="sentences per document (0: fold)")
    ap.add_argument("--l2", type=float, nargs="*", default=[1e-4, 1e-3, 1e-2])
    ap.add_argument("--rule", type=float, nargs="*", default=[2.0, 5.0])
    ap.add_argument("--context", action="store_true", help="biases for the neighbours' marks too")
    ap.add_argument("--tied", action="store_true", help="one learned weight per entity mark")
    ap.add_argument("--fit-doc", type=int, help="document size the biases are fitted with (default: --doc)")
    a = ap.parse_args()
    torch.set_num_threads(1)
    sents = load_train(a.shared)
    parts = [pickle.loads(p.read_bytes()) for p in sorted(a.cache.glob(f"oof-{a.key}-*.pkl"))]
    for doc in a.doc:
        for name, res in cv_table(parts, sents, doc, a.l2, a.rule, a.context, a.fit_doc, a.tied).items():
            print(json.dumps({"doc": doc, "fit_doc": a.fit_doc, "row": name, **res}), flush=True)


if __name__ == "__main__":
    main()
