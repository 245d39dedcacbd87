"""Stage 2 — reading Arabic: normalization with offsets, sentences, tokens, numbers, dates.

Interface used by the later stages::

    analyze(text, published) -> AnalyzedText
"""

from rasd.text.analyze import analyze
from rasd.text.types import AnalyzedText, DateMention, Quantity, Sentence, Token

__all__ = ["AnalyzedText", "DateMention", "Quantity", "Sentence", "Token", "analyze"]
