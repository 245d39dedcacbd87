"""Tokens with offsets into the original text, each with its clitic segmentation.

A token is a word (letters with their diacritics/tatweel), a number (digits with thousands and
decimal separators: ``1,100``, ``٣٫٥``; ``21/7/2015`` is three numbers and two ``/``), or one
punctuation mark (a run of dots is one token). Whitespace is not a token.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import cast

from rasd.text.segment import Segmenter
from rasd.text.types import Sentence, Token, WordType

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
# The same, captured: ``split`` keeps the tokens between the gaps.
_TOKEN_PARTS = re.compile(f"({TOKEN_RE.pattern})")


def tokenize(text: str, segmenter: Segmenter, sentences: list[Sentence]) -> list[Token]:
    """All tokens of ``text`` in order, each with the index of its sentence.

    The hot loop of the text stage, written as whole-list operations that run in C (``split``,
    ``accumulate``, ``map``, ``zip``) rather than one Python iteration per token: everything
    about a word type (normal form, segments, base, stem, kind) is computed once and kept in the
    segmenter's per-type cache as a :class:`WordType`, so a document costs one dict lookup and one
    ``Token`` per token, and each token refers to its type for the later stages."""
    # One split gives the tokens and the text between them, alternating (gap, token, ..., gap);
    # the running sum of their lengths gives each token's span.
    parts = _TOKEN_PARTS.split(text)
    surfaces = parts[1::2]
    if not surfaces:
        return []
    bounds = list(accumulate(map(len, parts)))
    cache = segmenter.info_cache
    found = list(map(cache.get, surfaces))
    if None in found:  # word types not seen before
        info = segmenter.token_info
        # (asked again of the cache: a new type seen twice in the document gets one WordType)
        found = [w or cache.get(s) or info(s) for w, s in zip(found, surfaces, strict=True)]
    types = cast("list[WordType]", found)  # no None left
    # token k is parts[2k + 1]: it spans [bounds[2k], bounds[2k + 1])
    starts = bounds[0:-1:2]
    ends = bounds[1::2]
    of = _sentence_of(starts, sentences)
    # A plain loop: compiled (setup.py), each Token(...) is a direct call of its compiled
    # __init__ and each word type's fields are read in C, where ``map(Token, ...)`` over
    # transposed tuples went through a Python-level call per token (tokenize 1.3-1.4x faster
    # compiled); in pure Python the two are within the noise of each other.
    out: list[Token] = []
    for k, w in enumerate(types):
        out.append(
            Token(surfaces[k], starts[k], ends[k], w.norm, w.segments, w.base, w.stem, of[k], w.kind, w)
        )
    return out


def _sentence_of(starts: list[int], sentences: list[Sentence]) -> list[int]:
    """The sentence index of each token start: that of the last sentence starting at or before
    it (0 before the first), built as runs, one per sentence."""
    out: list[int] = []
    done = 0
    for k, s in enumerate(sentences[1:], start=1):
        upto = bisect_left(starts, s.start, done)
        out += [k - 1] * (upto - done)
        done = upto
    out += [max(len(sentences) - 1, 0)] * (len(starts) - done)
    return out
