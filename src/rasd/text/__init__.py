"""Stage 2 — reading Arabic: normalization with offsets, sentences, tokens, numbers, dates.

Interface used by the later stages::

    analyze(text, published) -> AnalyzedText
    normalize_key(s) -> str        # the lookup form every lexicon uses
    normalize(text) -> Normalized  # whole-text normalization with a map back to original offsets
    lemma_candidates(word) -> list[str]   # keys to look a word up under: base, ..., light stem

See docs/text.md.
"""

from rasd.text.analyze import TextAnalyzer, analyze, default_analyzer, lemma_candidates
from rasd.text.normalize import Normalized, normalize, normalize_key
from rasd.text.types import AnalyzedText, DateMention, Quantity, Sentence, Token

__all__ = [
    "AnalyzedText",
    "DateMention",
    "Normalized",
    "Quantity",
    "Sentence",
    "TextAnalyzer",
    "Token",
    "analyze",
    "default_analyzer",
    "lemma_candidates",
    "normalize",
    "normalize_key",
]
