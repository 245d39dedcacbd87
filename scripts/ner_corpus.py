"""Unlabeled news corpus for the NER word representations (run by ``scripts/train_ner.py``).

Reads the SaudiNewsNet daily zips (JSON arrays, ``content``) and the syria-news articles
(``articles.jsonl``, ``text``) under ``--shared``/data, de-duplicates articles by content, and
writes one sentence per line of tokens in the NER lookup form (``rasd.ner.features.lookup_form``),
split the way ANERcorp is tokenised (words, numbers and punctuation marks apart).
The ANERcorp test file is never read.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rasd.ner.features import lookup_form

_SENT_END = re.compile(r"(?<=[.!?؟\n])\s+")
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]", re.UNICODE)


def iter_articles(shared: Path) -> Iterator[str]:
    """Every unlabeled article body, in a fixed order (sorted zip names, file order)."""
    for zpath in sorted((shared / "data" / "saudinewsnet" / "zips").glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                for art in json.loads(z.read(name)):
                    yield (art.get("title") or "") + "\n" + (art.get("content") or "")
    with open(shared / "data" / "syria-news" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line).get("text") or ""


def tokenize(sentence: str) -> list[str]:
    return [lookup_form(t) for t in _TOKEN.findall(sentence)]


def build_corpus(shared: Path, out: Path) -> int:
    """Write the tokenised corpus to ``out``; returns the number of tokens written."""
    seen: set[bytes] = set()
    n = 0
    tmp = out.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as f:
        for text in iter_articles(shared):
            key = hashlib.md5(text.strip().encode()).digest()
            if not text.strip() or key in seen:
                continue
            seen.add(key)
            for sent in _SENT_END.split(text):
                toks = tokenize(sent)
                if len(toks) >= 3:
                    f.write(" ".join(toks) + "\n")
                    n += len(toks)
    tmp.rename(out)
    return n


def corpus_counts(corpus: Path) -> Counter:
    """How often each token of the tokenised corpus occurs."""
    counts: Counter = Counter()
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            counts.update(line.split())
    return counts


def context_profiles(
    corpus: Path, left: dict[str, str], right: dict[str, str], min_count: int = 5
) -> dict[str, dict[str, float]]:
    """For every corpus word seen ≥ ``min_count`` times, the share of its occurrences right
    after a left trigger (a word that usually precedes a name of the trigger's label: titles,
    ``نادي``, ``شركه`` …) or right before a right trigger, per label: ``{"PERS": 0.31, …}``.

    The unlabeled news sees far more names than the training set, each in many contexts, so a
    name met bare in a sentence still carries the evidence of the titles it stands behind elsewhere.
    """
    total: Counter = Counter()
    hits: dict[str, Counter] = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            toks = line.split()
            total.update(toks)
            for a, b in zip(toks, toks[1:], strict=False):
                lab = left.get(a)
                if lab is not None:
                    hits.setdefault(b, Counter())[lab] += 1
                lab = right.get(b)
                if lab is not None:
                    hits.setdefault(a, Counter())[lab] += 1
    return {
        w: {lab: n / total[w] for lab, n in sorted(c.items())}
        for w, c in hits.items()
        if total[w] >= min_count
    }
