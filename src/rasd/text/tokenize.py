"""Tokens with offsets into the original text, each with its clitic segmentation.

A token is a word (letters with their diacritics/tatweel), a number (digits with thousands and
decimal separators: ``1,100``, ``٣٫٥``; ``21/7/2015`` is three numbers and two ``/``), or one
punctuation mark (a run of dots is one token). Whitespace is not a token.
"""

from __future__ import annotations

import re

from rasd.text.segment import Segmenter
from rasd.text.types import Sentence, Token

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
TOKEN_RE = re.compile(
    rf"(?P<num>\d+(?:[.,٫٬]\d+)*)"
    rf"|(?P<word>[{_MARKS}]*[^\W\d_](?:[^\W\d_]|[{_MARKS}])*)"
    r"|(?P<punct>\.{2,}|[^\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff])"
)


def tokenize(text: str, segmenter: Segmenter, sentences: list[Sentence]) -> list[Token]:
    """All tokens of ``text`` in order, each with the index of its sentence."""
    seg = segmenter.segment
    key = segmenter.key
    starts = [s.start for s in sentences]
    si, n = 0, len(starts)
    tokens: list[Token] = []
    append = tokens.append
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        # tokens come in order: advance the sentence pointer instead of a search per token
        while si + 1 < n and starts[si + 1] <= s:
            si += 1
        surface = m.group()
        kind = m.lastgroup or "punct"
        if kind == "word":
            g = seg(surface)
            append(Token(surface, s, e, g.norm, g.segments, g.base, g.stem, si, kind))
        else:
            k = key(surface)
            append(Token(surface, s, e, k, (k,), k, k, si, kind))
    return tokens
