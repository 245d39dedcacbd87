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
