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
# Letters of the scripts news comes in, spelled out as ranges: one character class runs about
# twice as fast in ``re`` as "a letter or a mark" written as an alternation. Other scripts fall
# through to the generic ``[^\W\d_]+``.
_LETTERS = (
    "a-zA-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0620-\u063f\u0641-\u064a\u066e-\u066f"
    "\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
)
TOKEN_RE = re.compile(
    rf"[{_LETTERS}][{_LETTERS}{_MARKS}]*"  # most tokens: a word starting with a letter
    rf"|\d+(?:[.,٫٬]\d+)*"  # a number with its separators
    rf"|[{_MARKS}]*[{_LETTERS}][{_LETTERS}{_MARKS}]*"  # a word after stray marks/tatweel
    r"|[^\W\d_]+"  # a word in another script
    r"|\.{2,}|[^\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"  # punctuation
)


def tokenize(text: str, segmenter: Segmenter, sentences: list[Sentence]) -> list[Token]:
    """All tokens of ``text`` in order, each with the index of its sentence.

    The hot loop of the text stage: everything about a word type (normal form, segments, base,
    stem, kind) is computed once and kept in the segmenter's per-type cache."""
    info = segmenter.token_info
    cache = segmenter.info_cache
    starts = [s.start for s in sentences]
    starts.append(len(text) + 1)
    si, nxt = 0, starts[1] if len(starts) > 1 else len(text) + 1
    last = len(starts) - 2
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    s = 0
    # findall + find instead of finditer's match objects: find lands on the token, since no
    # token matches anywhere between the end of the last one and the start of this one (a token
    # is matched from its first character on, with no lookaround).
    for surface in TOKEN_RE.findall(text):
        s = find(surface, s)
        # tokens come in order: advance the sentence pointer instead of a search per token
        while s >= nxt and si < last:
            si += 1
            nxt = starts[si + 1]
        t = cache.get(surface)
        if t is None:
            t = info(surface)
        e = s + len(surface)
        append(Token(surface, s, e, t[0], t[1], t[2], t[3], si, t[4]))
        s = e
    return tokens
