"""The actor stage's words made from the text stage's tokens (``token_words``) are the words
the text splits into (``words``): the same spans, lookup forms and clitic forms."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from rasd.actors.tokens import token_words, words
from rasd.text import analyze

SAMPLES = sorted((Path(__file__).parents[2] / "samples").glob("*.txt"))

TRICKY = [
    # a conjunction or a preposition on a number, cut apart by the tokenizer: one word here
    "قتل و12 شخصا بـ5 قذائف في الـ20 من يوليو، و١٢٣ جريحا",
    # underscores, Latin letters on digits, marks and tatweel alone or inside words
    "abc_def abc123 x__y _و_ __ a_1_b ـ ً ب ـــ مصدرٌ الحوثيـــين",
    # joiners inside a word (word characters for the tokenizer, not for the actor words)
    "\u200cو\u200dب قال\u200cت",
    # separators inside numbers, ligatures, other scripts
    "داعش٣ ١٢٣و 3.5 1,100و ﻻ ﷲ 中文abc Ελλάδα Россия",
    "",
    "   ",
]


@pytest.mark.parametrize("text", [*TRICKY, *(p.read_text(encoding="utf-8") for p in SAMPLES)])
def test_words_from_tokens_are_the_words_of_the_text(text: str) -> None:
    tokens = analyze(text).tokens if text.strip() else []
    assert token_words(text, tokens) == words(text)
    assert token_words(text, tokens) == words(text)  # again, from the runs kept on the word types


def test_tokens_without_word_types_fall_back_to_the_text() -> None:
    text = TRICKY[0]
    bare = [dataclasses.replace(t, word=None) for t in analyze(text).tokens]
    assert token_words(text, bare) == words(text)


def test_letters_key_form_is_the_text_stages() -> None:
    # actors/tokens.py `_shape` takes a letters-only type's lookup form from the text stage
    # (light_to_key(light_form(s))) instead of normalize_key(s): the same for every letter,
    # and never a space (in context too: the mapping is per character)
    from rasd.text.normalize import light_form, light_to_key, normalize_key

    for cp in range(0x110000):
        c = chr(cp)
        if c.isalpha():
            assert normalize_key(c) == light_to_key(light_form(c)), hex(cp)
            assert normalize_key("a" + c + "a") == light_to_key(light_form("a" + c + "a")), hex(cp)
