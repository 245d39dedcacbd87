"""A sentence seen by the event stage: its tokens with their lookup keys, and cue queries."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.lexicon import word_keys
from rasd.text import Sentence, Token, normalize_key


@dataclass
class SentenceView:
    index: int
    sentence: Sentence
    tokens: list[Token]
    keys: list[frozenset[str]]

    @classmethod
    def build(cls, index: int, sentence: Sentence, tokens: list[Token]) -> SentenceView:
        keys = []
        for t in tokens:
            norm = t.norm or normalize_key(t.text)
            k = set(word_keys(norm))
            if t.base:
                k.add(t.base)
            keys.append(frozenset(k))
        return cls(index, sentence, tokens, keys)

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @property
    def paragraph(self) -> int:
        return self.sentence.paragraph

    def has_any(self, words: frozenset[str], lo: int = 0, hi: int | None = None) -> bool:
        hi = len(self.tokens) if hi is None else hi
        return any(self.keys[i] & words for i in range(max(lo, 0), min(hi, len(self.tokens))))

    def first_index(self, words: frozenset[str], lo: int = 0, hi: int | None = None) -> int | None:
        hi = len(self.tokens) if hi is None else hi
        for i in range(max(lo, 0), min(hi, len(self.tokens))):
            if self.keys[i] & words:
                return i
        return None

    def token_at(self, offset: int) -> int:
        """Index of the token covering or following the character ``offset``."""
        for i, t in enumerate(self.tokens):
            if t.end > offset:
                return i
        return len(self.tokens)

    def phrase_in(self, phrase: str, lo: int = 0, hi: int | None = None) -> bool:
        words = normalize_key(phrase).split()
        hi = len(self.tokens) if hi is None else hi
        for i in range(max(lo, 0), min(hi, len(self.tokens)) - len(words) + 1):
            if all(words[j] in self.keys[i + j] for j in range(len(words))):
                return True
        return False
