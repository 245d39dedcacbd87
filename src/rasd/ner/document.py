"""Document step of the neural tagger: a name tagged right once is tagged right again.

The BiLSTM tags each sentence on its own, so a surname met bare in one sentence can be missed
although the same document names the person in full elsewhere. After the first pass, every
token gets a *document mark*: how the first pass tagged the other occurrences of the same
clitic-stripped word in the document (its own tag left out, so the mark is evidence the token's
sentence did not already give). A mark adds a bias to the token's emission scores (``bias[mark]``,
one score per tag) and the sentences whose scores moved are decoded again. The shipped biases
are a rule (``rule_bias``): a word the rest of the document tags X at least half the times gets
a fixed bonus on ``B-X`` and ``I-X``. ``scripts/ner_docstep.py`` measures it, and biases fitted
to the likelihood, by cross-validation over ``train.txt``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

LABELS = ("PERS", "LOC", "ORG", "MISC")
# The tagger's tag set (``rasd.ner.neural.TAGS``, which imports this module).
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
SHARES = ("all", "hi", "lo")  # of the word's other occurrences tagged with the label: 1, ≥ 1/2, less


def _mark_names() -> tuple[str, ...]:
    names = ["none", "O"]
    for lab in LABELS:
        for share in SHARES:
            names += [f"{lab}:{share}:B", f"{lab}:{share}:I"]
    return tuple(names)


# Mark 0 ("none") is a word met once in the document (or a one-letter one): no evidence, no
# bias. "O": met elsewhere, never inside an entity. Else the label most often given to the other
# occurrences, its share of them, and whether they mostly open a span (B) or continue one (I).
MARKS = _mark_names()
_INDEX = {m: i for i, m in enumerate(MARKS)}


def document_marks(bases: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """Mark ids (into ``MARKS``) of every token of a document from its first-pass ``tags``;
    ``bases`` are the tokens' clitic-stripped lookup forms."""
    seen: dict[str, dict[str, int]] = {}
    for sb, st in zip(bases, tags, strict=True):
        for b, t in zip(sb, st, strict=True):
            c = seen.setdefault(b, {})
            c[t] = c.get(t, 0) + 1
    memo: dict[tuple[str, str], int] = {}  # a word's mark depends only on its own tag
    out = []
    for sb, st in zip(bases, tags, strict=True):
        ids = [0] * len(sb)  # a list, made an array once: numpy is slow at one item at a time
        for i, (b, t) in enumerate(zip(sb, st, strict=True)):
            if len(b) > 1:
                m = memo.get((b, t))
                if m is None:
                    m = memo[b, t] = _INDEX[_mark(seen[b], t)]
                ids[i] = m
        out.append(np.array(ids, dtype=np.int64))
    return out


def _mark(counts: dict[str, int], own: str) -> str:
    """The mark of a token whose word was tagged ``counts`` in the document, its own tag aside."""
    others = {t: k - (t == own) for t, k in counts.items()}
    n = sum(others.values())
    if n == 0:
        return "none"
    by_label = dict.fromkeys(LABELS, 0)
    for t, k in others.items():
        if t != "O":
            by_label[t[2:]] += k
    # The most frequent label; ties go to the first in LABELS, so the mark is deterministic.
    lab = max(LABELS, key=lambda x: (by_label[x], -LABELS.index(x)))
    k = by_label[lab]
    if k == 0:
        return "O"
    share = "all" if k == n else "hi" if 2 * k >= n else "lo"
    part = "B" if others.get("B-" + lab, 0) >= others.get("I-" + lab, 0) else "I"
    return f"{lab}:{share}:{part}"


def rule_bias(strength: float, shares: tuple[str, ...] = ("all", "hi")) -> np.ndarray:
    """The shipped biases: a word the rest of the document tags X at least half the times gets
    ``strength`` on ``B-X`` and ``I-X`` (the transitions and its neighbours decide which). Biases
    fitted to the likelihood on cross-validation folds scored lower (docs/ner.md)."""
    bias = np.zeros((len(MARKS), len(TAGS)), dtype=np.float32)
    for i, m in enumerate(MARKS):
        parts = m.split(":")
        if len(parts) == 3 and parts[1] in shares:
            bias[i, TAGS.index("B-" + parts[0])] = bias[i, TAGS.index("I-" + parts[0])] = strength
    return bias


class DocumentStep:
    """Emission biases per document mark: ``bias[mark id] → one score per tag`` for the token's
    own mark, or ``[3, marks, tags]``: the token's own mark, then its left and right neighbour's
    (a first name before a word the document tags as a surname)."""

    def __init__(self, bias: np.ndarray) -> None:
        bias = np.asarray(bias, dtype=np.float32)
        if bias.ndim == 2:
            bias = bias[None]
        if bias.ndim != 3 or bias.shape[0] not in (1, 3) or bias.shape[1] != len(MARKS):
            raise ValueError(f"document biases of shape {bias.shape} for {len(MARKS)} marks")
        self.bias = bias
        # Marks whose biases are all zero (e.g. "none") leave a sentence as it was.
        self._moves = np.abs(bias).sum(axis=(0, 2)) > 0

    def may_move(self, bases: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> bool:
        """False when no mark of the document can move a score: the biases of the "none" and
        "O" marks are zero and no word tagged as an entity occurs twice (most single sentences,
        so ``tag`` skips the marks)."""
        if self._moves[: _INDEX["O"] + 1].any():
            return True
        counts = Counter(b for sb in bases for b in sb)
        return any(
            t != "O" and counts[b] > 1
            for sb, st in zip(bases, tags, strict=True)
            for b, t in zip(sb, st, strict=True)
        )

    def rescore(self, em: np.ndarray, marks: np.ndarray) -> np.ndarray | None:
        """Emissions plus the biases of the marks, or None when no mark moves them."""
        if not self._moves[marks].any():
            return None
        out = em + self.bias[0][marks]
        if len(self.bias) == 3:
            none = np.zeros(1, dtype=marks.dtype)
            out += self.bias[1][np.concatenate([none, marks[:-1]])]
            out += self.bias[2][np.concatenate([marks[1:], none])]
        return out
