"""Which of the lexicon's word sets each token meets, as one bit mask per word type.

The event rules ask, again and again, whether a token (or any token of a range, or of the
whole sentence) has a lookup key in some cue set: "is there a negation in the three tokens
before the trigger", "does the sentence hold an attribution verb". Asked with frozensets, each
question costs a set operation per token. Here every set the lexicon owns gets a bit, each word
type the union of the bits of the sets its keys meet (one dict lookup per key, on first sight),
and a question becomes an ``&`` of ints: per token, or once per sentence on the OR of its masks.

A set is known by its identity (``id``): the registry keeps a reference to every set it numbers,
so no other object can take its id. A set it does not know (built on the fly by a caller) has no
bit, and the caller falls back to the set operations; the answers are the same either way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from itertools import count
from typing import TYPE_CHECKING

from rasd.text import normalize_key

if TYPE_CHECKING:
    from rasd.text import Token

_MEMO_MAX = 200_000  # word types remembered before the memo is emptied
# stamps of the registries' states (see ``WordType.marks_stamp``); ``next`` on it is atomic
_STAMPS = count(1)

# (base, keys, mask) of a token, remembered by its ``norm``
_Info = tuple[str, frozenset[str], int]
# a phrase index's words of one-word phrases, first words and second words of the others
_Parts = tuple[frozenset[str], frozenset[str], frozenset[str]]
# what a pickle keeps besides keys_of: the registered objects, the key table, the phrase indexes
_State = tuple[list[object], dict[str, int], list[tuple[object, _Parts]]]


def phrase_parts(index: dict[str, list[tuple[str, ...]]]) -> _Parts:
    """The words of a phrase index's one-word phrases, the first and the second words of its
    longer ones (the sets ``KeyMarks.register_phrases`` gives bits to)."""
    phrases = [w for ws in index.values() for w in ws]
    return (
        frozenset(w[0] for w in phrases if len(w) == 1),
        frozenset(w[0] for w in phrases if len(w) > 1),
        frozenset(w[1] for w in phrases if len(w) > 1),
    )


class KeyMarks:
    """Bits for word sets, and the keys and mask of each token (see the module's docstring)."""

    def __init__(self, keys_of: Callable[[str, str], frozenset[str]]) -> None:
        # keys_of(norm, base): the lookup keys of a token (context._token_keys)
        self._keys_of = keys_of
        self._held: list[object] = []  # the registered objects, kept alive (their ids are keys)
        self._bit: dict[int, int] = {}  # id(registered object) → its bit
        self._by_key: dict[str, int] = {}  # lookup key → the bits of the sets holding it
        self._memo: dict[str, _Info] = {}
        # what the keys and masks kept on word types (``WordType.marks_stamp``) were made with: taken
        # afresh when a bit is added (as the memo is emptied), unique across instances
        self._stamp = next(_STAMPS)
        # id(phrase index) → (words of its one-word phrases, first words and second words of
        # the others), each a registered set (see ``register_phrases``)
        self.phrase_parts: dict[int, _Parts] = {}
        self._phrase_lists: list[tuple[object, _Parts]] = []  # for pickling
        # threads extracting with one lexicon may register at once: a bit is numbered once
        self._lock = threading.Lock()

    # Pickled as a call to the constructor and the state, spelled out: the same in Python and
    # compiled with mypyc (setup.py), whose classes have no ``__dict__`` and whose ``__new__``
    # runs ``__init__``. ids do not survive pickling: the id-keyed tables are rebuilt from the
    # objects, and the memo starts empty (as ``__init__`` leaves it).
    def __reduce__(self) -> tuple[type[KeyMarks], tuple[Callable[[str, str], frozenset[str]]], _State]:
        return (KeyMarks, (self._keys_of,), (self._held, self._by_key, self._phrase_lists))

    def __setstate__(self, state: _State) -> None:
        self._held, self._by_key, self._phrase_lists = state
        self._bit = {id(owner): 1 << k for k, owner in enumerate(self._held)}
        self.phrase_parts = {id(index): parts for index, parts in self._phrase_lists}

    @property
    def count(self) -> int:
        """How many sets have a bit; a mask computed now covers bits below ``1 << count``."""
        return len(self._held)

    def register(self, owner: object, words: Iterable[str]) -> int:
        """The bit of ``owner`` (a word set, or a phrase index keyed by first words) whose words
        are ``words``; numbered on first sight. A new bit empties the memo: masks computed before
        it do not carry it (views built before then fall back, see ``bitmap``)."""
        bit = self._bit.get(id(owner))
        if bit is not None:
            return bit
        with self._lock:
            bit = self._bit.get(id(owner))
            if bit is not None:
                return bit
            bit = 1 << len(self._held)
            by_key = self._by_key
            for w in words:
                by_key[w] = by_key.get(w, 0) | bit
            self._memo = {}
            self._stamp = next(_STAMPS)
            self._bit[id(owner)] = bit
            # counted last: masks computed after ``count`` shows it (the views read ``count``
            # before their masks) carry it
            self._held.append(owner)
        return bit

    def register_phrases(self, index: dict[str, list[tuple[str, ...]]], parts: _Parts | None = None) -> None:
        """Bits for a phrase list indexed by first word: the index itself (a token is a first
        word) and, for ``SentenceView._phrase_candidates``, the first words of its one-word
        phrases, the first and the second words of its longer ones (``parts``: those sets, as
        ``phrase_parts`` made them, when the caller registered them already, in its own order)."""
        self.register(index, index)
        if parts is None:
            parts = phrase_parts(index)
        for words in parts:
            self.register(words, words)
        with self._lock:
            if id(index) not in self.phrase_parts:
                self._phrase_lists.append((index, parts))
                self.phrase_parts[id(index)] = parts

    @property
    def bitmap(self) -> dict[int, int]:
        """The bit of each registered object by its ``id`` (the registry's own dict, which grows:
        a bit at or above ``1 << count`` of the masks in hand is one they do not carry)."""
        return self._bit

    def _info(self, norm: str, base: str) -> _Info:
        keys = self._keys_of(norm, base)
        get = self._by_key.get
        mask = 0
        for k in keys:
            mask |= get(k, 0)
        return base, keys, mask

    def tokens(self, tokens: Sequence[Token]) -> tuple[list[frozenset[str]], list[int]]:
        """Lookup keys and mask of each token, in order.

        The keys are a function of a token's ``norm`` and ``base``, the mask of the keys and the
        registry: both are kept on the token's word type (``Token.word``, shared by every token
        of one surface), with the stamp of the registry's state, so a token costs a reference
        followed and a stamp compared, not a dict lookup by its ``norm``. Tokens with no word
        type (made by hand) go through the memo by ``norm``, as before."""
        stamp = self._stamp
        keys: list[frozenset[str]] = []
        masks: list[int] = []
        for t in tokens:
            w = t.word
            if w is None:
                _, k, m = self._looked_up(t)
            elif w.marks_stamp == stamp:
                k, m = w.keys, w.mask
            else:
                # a token without ``norm`` is keyed by its text's ``normalize_key``
                _, k, m = self._info(w.norm or normalize_key(w.surface), w.base)
                w.keys, w.mask, w.marks_stamp = k, m, stamp
            keys.append(k)
            masks.append(m)
        return keys, masks

    def _looked_up(self, t: Token) -> _Info:
        """Keys and mask of a token with no word type, remembered by its ``norm`` with the
        ``base`` they were made with."""
        norm, base = t.norm, t.base
        if not norm:
            return self._info(normalize_key(t.text), base)
        got = self._memo.get(norm)
        if got is None or got[0] != base:
            if len(self._memo) >= _MEMO_MAX:
                self._memo.clear()
            got = self._memo[norm] = self._info(norm, base)
        return got
