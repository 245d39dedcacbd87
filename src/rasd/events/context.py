"""A sentence seen by the event stage: its tokens with their lookup keys, and cue queries."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import attrgetter, or_

from rasd.events.lexicon import Lexicon
from rasd.events.marks import KeyMarks
from rasd.text import Sentence, Token

_END = attrgetter("end")


@dataclass(init=False)
class SentenceView:
    index: int
    sentence: Sentence
    tokens: list[Token]
    keys: Sequence[frozenset[str]]
    # each token's bit mask of the lexicon's word sets it meets and their OR over the sentence;
    # the bits by id of their set, and the first bit the masks do not cover (see events/marks.py)
    masks: Sequence[int] = ()
    mask: int = 0
    _bitmap: dict[int, int] = field(default_factory=dict)
    _limit: int = 1
    # a phrase index's (single, first, second) word sets, by id (KeyMarks.phrase_parts)
    _phrase_parts: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]] = field(
        default_factory=dict
    )
    _phrases: dict[str, list[int]] = field(default_factory=dict)
    _all_keys: frozenset[str] | None = None
    name_quotes: frozenset[int] | None = None  # offsets of quotes around short names (realis)
    breaks: list[int] | None = None  # offsets of its clause breaks (realis)
    facts: dict[str, object] = field(default_factory=dict)  # other facts of it the rules ask often

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        index: int,
        sentence: Sentence,
        tokens: list[Token],
        keys: Sequence[frozenset[str]],
        masks: Sequence[int] = (),
        mask: int = 0,
        _bitmap: dict[int, int] | None = None,
        _limit: int = 1,
        _phrase_parts: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]] | None = None,
        _phrases: dict[str, list[int]] | None = None,
        _all_keys: frozenset[str] | None = None,
        name_quotes: frozenset[int] | None = None,
        breaks: list[int] | None = None,
        facts: dict[str, object] | None = None,
    ) -> None:
        self.index = index
        self.sentence = sentence
        self.tokens = tokens
        self.keys = keys
        self.masks = masks
        self.mask = mask
        self._bitmap = {} if _bitmap is None else _bitmap
        self._limit = _limit
        self._phrase_parts = {} if _phrase_parts is None else _phrase_parts
        self._phrases = {} if _phrases is None else _phrases
        self._all_keys = _all_keys
        self.name_quotes = name_quotes
        self.breaks = breaks
        self.facts = {} if facts is None else facts

    @classmethod
    def build_all(
        cls, sentences: Sequence[Sentence], tokens: list[Token], ends: Sequence[int], marks: KeyMarks
    ) -> list[SentenceView]:
        """One view per sentence, numbered in order; sentence i's tokens are ``tokens`` from the
        previous end (0 first) to ``ends[i]``. The keys and masks of all the document's tokens
        are looked up at once (see ``KeyMarks.tokens``)."""
        limit = 1 << marks.count  # read first: a set registered meanwhile is not in the masks
        keys, masks = marks.tokens(tokens)
        bitmap, parts = marks.bitmap, marks.phrase_parts
        views = []
        lo = 0
        for i, (sentence, hi) in enumerate(zip(sentences, ends, strict=True)):
            m = masks[lo:hi]
            views.append(
                cls(i, sentence, tokens[lo:hi], keys[lo:hi], m, reduce(or_, m, 0), bitmap, limit, parts)
            )
            lo = hi
        return views

    def bit_of(self, owner: object) -> int:
        """The bit of a word set or phrase index in this view's masks (0: none, test the keys)."""
        bit = self._bitmap.get(id(owner), 0)
        return bit if bit < self._limit else 0

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
        bit = self._bitmap.get(id(words), 0)  # self.bit_of(words), inline: asked ~200 times a document
        if bit >= self._limit:
            bit = 0
        if lo <= 0 and (hi is None or hi >= n):
            # the whole sentence: one check against the union of its keys
            return bool(self.mask & bit) if bit else not self.all_keys.isdisjoint(words)
        hi = n if hi is None else hi
        if bit:
            # stops at the first hit (mypyc compiles any() over a generator as a loop); OR-ing
            # the masks first made a new long integer per token
            masks = self.masks
            return any(masks[i] & bit for i in range(max(lo, 0), min(hi, n)))
        keys = self.keys
        return any(not keys[i].isdisjoint(words) for i in range(max(lo, 0), min(hi, n)))

    def has_cue(self, lex: Lexicon, name: str, lo: int = 0, hi: int | None = None) -> bool:
        """Does the sentence (or its tokens [lo, hi)) hold a word or a multi-word phrase of the cue
        list ``name``?"""
        if self.has_any(lex.cue(name), lo, hi):
            return True
        hi = len(self.tokens) if hi is None else hi
        return any(lo <= i < hi for i in self.phrase_starts(name, lex.phrase_index(name)))

    def preceded_by(self, at: int, words: frozenset[str], links: frozenset[str]) -> bool:
        """Token ``at`` comes right after one of ``words``, or after one and then one of ``links``
        ("المتحالفة مع إيران", "احتجاجا على الغارات")."""
        before = at - 1
        if before >= 1 and self.keys[before] & links:
            before -= 1
        return before >= 0 and bool(self.keys[before] & words)

    @property
    def all_keys(self) -> frozenset[str]:
        if self._all_keys is None:
            self._all_keys = frozenset().union(*self.keys)
        return self._all_keys

    def positions(self, words: Collection[str]) -> list[int]:
        """Indexes of the tokens with a key in ``words`` (a word set or a phrase index by first
        word), in order."""
        bit = self.bit_of(words)
        if bit:
            return [i for i, m in enumerate(self.masks) if m & bit] if self.mask & bit else []
        return [i for i, keys in enumerate(self.keys) if not keys.isdisjoint(words)]

    def first_index(self, words: frozenset[str], lo: int = 0, hi: int | None = None) -> int | None:
        hi = len(self.tokens) if hi is None else hi
        bit = self.bit_of(words)
        if bit:
            if self.mask & bit:
                masks = self.masks
                for i in range(max(lo, 0), min(hi, len(masks))):
                    if masks[i] & bit:
                        return i
            return None
        for i in range(max(lo, 0), min(hi, len(self.tokens))):
            if not self.keys[i].isdisjoint(words):
                return i
        return None

    def surface(self, i: int) -> str:
        """Token i's normalized form, clitics included ("وسيطرته"); its text when it has none."""
        return self.tokens[i].norm or self.tokens[i].text

    def token_at(self, offset: int) -> int:
        """Index of the token covering or following the character ``offset``."""
        return bisect_right(self.tokens, offset, key=_END)  # the first token ending after it

    def _phrase_candidates(self, index: dict[str, list[tuple[str, ...]]]) -> list[int]:
        """The tokens a phrase of ``index`` may start at: a one-word phrase's word, or the first
        word of a longer one followed by a second word of one (their bits; a common first word
        like "في" starts phrases whose second word rarely follows it). Else its first words."""
        parts = self._phrase_parts.get(id(index))
        bits = [self.bit_of(words) for words in parts] if parts else [0]
        if not all(bits):
            return self.positions(index)  # type: ignore[arg-type]
        single, first, second = bits
        if not self.mask & (single | first):
            return []
        masks = self.masks
        n = len(masks)
        # one test per token of the two bits together first: a mask may be wider than a machine
        # word (hundreds of sets; the frequent ones have the low bits, see Lexicon.__post_init__),
        # then each ``&`` is a long-integer operation, and most tokens have neither bit
        either = single | first
        return [
            i
            for i, m in enumerate(masks)
            if m & either and (m & single or (i + 1 < n and masks[i + 1] & second))
        ]

    def phrase_at(self, index: dict[str, list[tuple[str, ...]]], i: int) -> bool:
        """Whether a phrase of ``index`` starts at token ``i``: ``i in phrase_starts(...)``
        without finding the sentence's other starts, for a question about one place only."""
        keys = self.keys
        n = len(keys)
        if not 0 <= i < n:
            return False
        for k in keys[i]:
            phrases = index.get(k)
            if phrases and any(
                i + len(w) <= n and all(w[j] in keys[i + j] for j in range(1, len(w))) for w in phrases
            ):
                return True
        return False

    def phrase_starts(self, name: str, index: dict[str, list[tuple[str, ...]]]) -> list[int]:
        """Token indexes where a phrase of ``index`` (first word → phrases) starts; one scan per
        sentence and phrase list, remembered under ``name``."""
        found = self._phrases.get(name)
        if found is None:
            found = [i for i in self._phrase_candidates(index) if self.phrase_at(index, i)]
            self._phrases[name] = found
        return found
