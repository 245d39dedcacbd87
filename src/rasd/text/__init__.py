"""Stage 2 — reading Arabic: normalization with offsets, sentences, tokens, numbers, dates.

Interface used by the later stages::

    analyze(text, published) -> AnalyzedText
    normalize_key(s) -> str        # the lookup form every lexicon uses
"""

from rasd.text.analyze import analyze
from rasd.text.normalize import normalize_key
from rasd.text.types import AnalyzedText, DateMention, Quantity, Sentence, Token

__all__ = ["AnalyzedText", "DateMention", "Quantity", "Sentence", "Token", "analyze", "normalize_key"]
