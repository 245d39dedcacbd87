"""A sentence seen by the event stage: its tokens with their lookup keys, and cue queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rasd.events.lexicon import Lexicon, word_keys
from rasd.text import Sentence, Token, normalize_key


@lru_cache(maxsize=200_000)
def _token_keys(norm: str, base: str) -> frozenset[str]:
    keys = word_keys(norm)
    return keys | {base} if base and base not in keys else keys


@dataclass
class SentenceView:
    index: int
    sentence: Sentence
    tokens: list[Token]
    keys: list[frozenset[str]]
    _phrases: dict[str, list[int]] = field(default_factory=dict)
    _all_keys: frozenset[str] | None = None
    name_quotes: frozenset[int] | None = None  # offsets of quotes around short names (realis)

    @classmethod
    def build(cls, index: int, sentence: Sentence, tokens: list[Token]) -> SentenceView:
        keys = [_token_keys(t.norm or normalize_key(t.text), t.base) for t in tokens]
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
        n = len(self.tokens)
        if lo <= 0 and (hi is None or hi >= n):
            # the whole sentence: one check against the union of its keys
            return not self.all_keys.isdisjoint(words)
        hi = n if hi is None else hi
        keys = self.keys
        return any(not keys[i].isdisjoint(words) for i in range(max(lo, 0), min(hi, n)))

    def has_cue(self, lex: Lexicon, name: str, lo: int = 0, hi: int | None = None) -> bool:
        """Does the sentence (or its tokens [lo, hi)) hold a word or a multi-word phrase of the cue
        list ``name``?"""
        if self.has_any(lex.cue(name), lo, hi):
            return True
        hi = len(self.tokens) if hi is None else hi
        return any(lo <= i < hi for i in self.phrase_starts(name, lex.phrase_index(name)))

    @property
    def all_keys(self) -> frozenset[str]:
        if self._all_keys is None:
            self._all_keys = frozenset().union(*self.keys)
        return self._all_keys

    def first_index(self, words: frozenset[str], lo: int = 0, hi: int | None = None) -> int | None:
        hi = len(self.tokens) if hi is None else hi
        for i in range(max(lo, 0), min(hi, len(self.tokens))):
            if not self.keys[i].isdisjoint(words):
                return i
        return None

    def surface(self, i: int) -> str:
        """Token i's normalized form, clitics included ("وسيطرته"); its text when it has none."""
        return self.tokens[i].norm or self.tokens[i].text

    def token_at(self, offset: int) -> int:
        """Index of the token covering or following the character ``offset``."""
        for i, t in enumerate(self.tokens):
            if t.end > offset:
                return i
        return len(self.tokens)

    def phrase_starts(self, name: str, index: dict[str, list[tuple[str, ...]]]) -> list[int]:
        """Token indexes where a phrase of ``index`` (first word → phrases) starts; one scan per
        sentence and phrase list, remembered under ``name``."""
        found = self._phrases.get(name)
        if found is None:
            found = []
            n = len(self.tokens)
            # most sentences hold no first word of the list at all: one set test says so
            firsts = self.all_keys.intersection(index) if n else frozenset()
            for i, keys in enumerate(self.keys if firsts else ()):
                for k in keys & firsts:
                    if any(
                        i + len(w) <= n and all(w[j] in self.keys[i + j] for j in range(1, len(w)))
                        for w in index[k]
                    ):
                        found.append(i)
                        break
            self._phrases[name] = found
        return found
