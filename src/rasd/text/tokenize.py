"""Tokens with offsets into the original text, each with its clitic segmentation.

A token is a word (letters with their diacritics/tatweel), a number (digits with thousands and
decimal separators: ``1,100``, ``٣٫٥``; ``21/7/2015`` is three numbers and two ``/``), or one
punctuation mark (a run of dots is one token). Whitespace is not a token.
"""

from __future__ import annotations

import re
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
    ``map``, ``zip``) and one compiled loop rather than Python iterations per token: everything
    about a word type (normal form, segments, base, stem, kind) is computed once and kept in the
    segmenter's per-type cache as a :class:`WordType`, so a document costs one dict lookup and one
    ``Token`` per token, and each token refers to its type for the later stages."""
    # One split gives the tokens and the text between them, alternating (gap, token, ..., gap):
    # token k is parts[2k + 1], after the gap parts[2k].
    parts = _TOKEN_PARTS.split(text)
    surfaces = parts[1::2]
    if not surfaces:
        return []
    cache = segmenter.info_cache
    found = list(map(cache.get, surfaces))
    if None in found:  # word types not seen before
        info = segmenter.token_info
        # (asked again of the cache: a new type seen twice in the document gets one WordType)
        found = [w or cache.get(s) or info(s) for w, s in zip(found, surfaces, strict=True)]
    types = cast("list[WordType]", found)  # no None left
    # A plain loop: compiled (setup.py), each Token(...) is a direct call of its compiled
    # __init__, each word type's fields are read in C, and the running offset and the sentence
    # index are machine integers: a running sum over ``map(len, parts)`` made an int object per
    # token and gap (offsets pass 256) and ``_sentence_of`` a list, to be freed again. Token k
    # belongs to the last sentence starting at or before it (0 before the first).
    out: list[Token] = []
    n_sentences = len(sentences)
    following = 1  # the next sentence whose start the tokens have not reached
    sentence = 0
    pos = 0
    for k, w in enumerate(types):
        pos += len(parts[2 * k])
        start = pos
        surface = surfaces[k]
        pos += len(surface)
        while following < n_sentences and sentences[following].start <= start:
            sentence = following
            following += 1
        out.append(Token(surface, start, pos, w.norm, w.segments, w.base, w.stem, sentence, w.kind, w))
    return out
