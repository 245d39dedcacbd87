"""The text stage as one call: sentences, tokens, quantities and dates of a document."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from rasd.text.dates import DateFinder, DateLexicon
from rasd.text.normalize import normalize
from rasd.text.numbers import QuantityFinder, QuantityLexicon
from rasd.text.segment import DATA, Segmenter
from rasd.text.sentences import SentenceRules, SentenceSplitter
from rasd.text.tokenize import tokenize
from rasd.text.types import AnalyzedText


class TextAnalyzer:
    """Holds the text stage's lexicons (loaded once) and analyzes documents with them."""

    def __init__(self, data_dir: Path = DATA) -> None:
        self.segmenter = Segmenter.load(data_dir)
        self.splitter = SentenceSplitter(SentenceRules.load(data_dir))
        self.dates = DateFinder(DateLexicon.load(data_dir))
        self.quantities = QuantityFinder(QuantityLexicon.load(data_dir))

    def analyze(self, text: str, published: dt.date | None = None) -> AnalyzedText:
        out = AnalyzedText(text=text, published=published, sentences=self.splitter.split(text))
        out.normalized = normalize(text)
        out.tokens = tokenize(text, self.segmenter, out.sentences)
        out.dates, names = self.dates.find(out.normalized, published)
        blocked = [(d.start, d.end) for d in out.dates] + names
        out.quantities = self.quantities.find(text, out.tokens, blocked)
        return out

    def lemma_candidates(self, word: str) -> list[str]:
        """Keys to look ``word`` up under in a lexicon, most specific first (see Segmenter)."""
        return self.segmenter.lemma_candidates(word)


@cache
def default_analyzer() -> TextAnalyzer:
    """The process-wide analyzer used by :func:`analyze` (lexicons load on first call)."""
    return TextAnalyzer()


def analyze(text: str, published: dt.date | None = None) -> AnalyzedText:
    """Sentences, tokens, quantities and dates of ``text``; every offset is into ``text``."""
    return default_analyzer().analyze(text, published)


def lemma_candidates(word: str) -> list[str]:
    """Keys to look ``word`` up under in a lexicon, most specific first: its base (no clitics),
    the base without a plural/feminine ending, its light stem."""
    return default_analyzer().lemma_candidates(word)
