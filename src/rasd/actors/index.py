"""Longest-match lookup of lexicon phrases over the words of a text.

A :class:`PhraseIndex` maps phrases (tuples of lookup-form words) to targets. :meth:`matches`
finds every phrase that starts at a word — through that word's clitic-stripped forms — and runs
over the following words with only name-internal punctuation between them.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Hashable, Iterable, Iterator
from typing import Generic, NamedTuple, TypeVar

from rasd.actors.tokens import Word, joinable, norm_words

T = TypeVar("T", bound=Hashable)

_MEMO_MAX = 100_000  # word types remembered per filter before the memo is emptied


class FormFilter:
    """Whether some clitic form of a word is in ``vocab``, remembered by the word's lookup form.

    The forms of a word are a function of its ``norm`` (only their original offsets depend on the
    written word), so one dict lookup per word replaces a scan of its forms on every pass. The
    memo is not pickled: a cached knowledge base stays small and starts empty.
    """

    __slots__ = ("vocab", "_memo")

    def __init__(self, vocab: Container[str]) -> None:
        self.vocab = vocab
        self._memo: dict[str, bool] = {}

    def __call__(self, w: Word) -> bool:
        hit = self._memo.get(w.norm)
        if hit is None:
            if len(self._memo) >= _MEMO_MAX:
                self._memo.clear()
            vocab = self.vocab
            hit = self._memo[w.norm] = any(form in vocab for form, _ in w.forms)
        return hit

    def forget(self) -> None:
        """Empty the memo (the vocabulary changed)."""
        self._memo = {}

    # Pickled as a call to the constructor: the same in Python and compiled with mypyc (setup.py),
    # whose classes have no ``__dict__`` and whose ``__new__`` runs ``__init__``.
    def __reduce__(self) -> tuple[type[FormFilter], tuple[Container[str]]]:
        return (FormFilter, (self.vocab,))


class WordMarks:
    """Which of several word tests each word of a text passes, found in one pass over the words.

    A test is a vocabulary (the word passes when one of its clitic forms is in it) or a
    predicate on the word; both must depend on the word's ``norm`` alone. Their answers are kept
    as one bit mask per word type; the vocabularies are merged into one table from form to bits,
    so a new word costs one lookup per form, not one scan per test. ``positions(ws)`` gives, for
    each test, the indexes of the words that pass it, in order: the matchers then visit those
    words only, instead of each scanning every word. The vocabularies are read once, here.
    """

    __slots__ = ("names", "_by_form", "_tests", "_memo")

    def __init__(self, vocabs: dict[str, Iterable[str]], tests: dict[str, Callable[[Word], bool]]) -> None:
        self.names = (*vocabs, *tests)
        self._by_form: dict[str, int] = {}
        for k, vocab in enumerate(vocabs.values()):
            for form in vocab:
                self._by_form[form] = self._by_form.get(form, 0) | 1 << k
        self._tests = tuple((1 << k, test) for k, test in enumerate(tests.values(), start=len(vocabs)))
        self._memo: dict[str, int] = {}

    def _mask(self, w: Word) -> int:
        if len(self._memo) >= _MEMO_MAX:
            self._memo.clear()
        get = self._by_form.get
        mask = 0
        for form, _ in w.forms:
            mask |= get(form, 0)
        for bit, test in self._tests:
            if test(w):
                mask |= bit
        self._memo[w.norm] = mask
        return mask

    def positions(self, ws: list[Word]) -> dict[str, list[int]]:
        found: list[list[int]] = [[] for _ in self.names]
        # the dict itself, not its bound ``get``: compiled, ``memo.get(...)`` is a C call, a bound
        # method kept in a local a Python-level call per word
        memo = self._memo
        for i, w in enumerate(ws):
            mask = memo.get(w.norm)
            if mask is None:
                mask = self._mask(w)
            k = 0
            while mask:
                if mask & 1:
                    found[k].append(i)
                mask >>= 1
                k += 1
        return dict(zip(self.names, found, strict=True))


# A NamedTuple: a document makes hundreds, and a frozen dataclass's __init__ costs several times
# a tuple's (immutable and hashable all the same).
class Hit(NamedTuple, Generic[T]):
    first: int  # index of the first word
    last: int  # index of the last word (inclusive)
    start: int  # original offsets; ``start`` is after any stripped proclitic
    end: int
    target: T


# Hit(...) from a tuple, without the Python-level ``__new__`` of a NamedTuple (compiled, a call of
# the class runs that Python function: several times tuple.__new__ for each hit)
_new_hit = tuple.__new__


# first word → the phrases starting with it (word tuples) and their targets, longest first
_ByFirst = dict[str, list[tuple[tuple[str, ...], T]]]
# first word → positions in its bucket of the one-word phrases, and of the others by second word
_BySecond = dict[str, tuple[tuple[int, ...], dict[str, tuple[int, ...]]]]


class PhraseIndex(Generic[T]):
    def __init__(self) -> None:
        self._by_first: _ByFirst[T] = {}
        # per first word, built on first use: the bucket positions of its one-word phrases, and
        # of its longer phrases by their second word (see _entries)
        self._by_second: _BySecond = {}
        # _entries by first word, then next word: the same pairs recur in every document (two
        # lookups of shared strings cost less than building and hashing a pair per word)
        self._entry_memo: dict[str, dict[str | None, list[tuple[tuple[str, ...], T]]]] = {}
        self._entry_count = 0  # pairs in _entry_memo
        self.starts = FormFilter(self._by_first)  # some phrase may start at this word

    # The state is spelled out, not taken from ``__dict__``: compiled with mypyc (see setup.py),
    # the class has none. The memo is not part of a cached base.
    def __getstate__(self) -> tuple[_ByFirst[T], _BySecond, FormFilter]:
        return (self._by_first, self._by_second, self.starts)

    def __setstate__(self, state: tuple[_ByFirst[T], _BySecond, FormFilter]) -> None:
        self._by_first, self._by_second, self.starts = state
        self._entry_memo = {}
        self._entry_count = 0

    def add(self, phrase: str, target: T) -> None:
        key = norm_words(phrase)
        if not key:
            return
        self.add_words(key, target)

    def add_words(self, key: tuple[str, ...], target: T) -> None:
        bucket = self._by_first.setdefault(key[0], [])
        if (key, target) not in bucket:
            bucket.append((key, target))
            bucket.sort(key=lambda kt: -len(kt[0]))
            self.starts.forget()
            self._by_second.pop(key[0], None)
            self._entry_memo = {}
            self._entry_count = 0

    def first_words(self) -> Iterator[str]:
        """The words phrases start with."""
        return iter(self._by_first)

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def phrases(self) -> Iterator[tuple[tuple[str, ...], T]]:
        for bucket in self._by_first.values():
            yield from bucket

    def _entries(self, form: str, nxt: str | None) -> list[tuple[tuple[str, ...], T]]:
        """The phrases starting with ``form`` that can match when the next word is ``nxt``: the
        one-word ones and those whose second word is ``nxt``, in the bucket's order. A first word
        like "قوات" or "الجيش" starts dozens of phrases, and most words after it start none of
        their tails: the second word picks the few worth comparing."""
        bucket = self._by_first.get(form)
        if not bucket:
            return []
        by_next = self._entry_memo.get(form)
        if by_next is None:
            by_next = self._entry_memo[form] = {}
        found = by_next.get(nxt)
        if found is None:
            if self._entry_count >= _MEMO_MAX:
                self._entry_memo.clear()
                self._entry_count = 0
                by_next = self._entry_memo[form] = {}
            found = by_next[nxt] = self._pick_entries(bucket, form, nxt)
            self._entry_count += 1
        return found

    def _pick_entries(
        self, bucket: list[tuple[tuple[str, ...], T]], form: str, nxt: str | None
    ) -> list[tuple[tuple[str, ...], T]]:
        split = self._by_second.get(form)
        if split is None:
            seconds: dict[str, list[int]] = {}
            for j, (key, _target) in enumerate(bucket):
                if len(key) > 1:
                    seconds.setdefault(key[1], []).append(j)
            singles = tuple(j for j, (key, _target) in enumerate(bucket) if len(key) == 1)
            split = self._by_second[form] = (singles, {k: tuple(v) for k, v in seconds.items()})
        singles, by_second = split
        more = by_second.get(nxt, ()) if nxt is not None else ()
        return [bucket[j] for j in (sorted((*singles, *more)) if more else singles)]

    def matches_at(self, text: str, ws: list[Word], i: int, strip: bool = True) -> list[Hit[T]]:
        """Every phrase starting at word ``i`` (longest first)."""
        w = ws[i]
        if not (self.starts(w) if strip else w.norm in self._by_first):
            return []  # most words start no phrase: skip the allocation and the sort
        return self._hits_at(text, ws, i, w.forms if strip else w.forms[:1])

    def _hits_at(self, text: str, ws: list[Word], i: int, forms: tuple[tuple[str, int], ...]) -> list[Hit[T]]:
        """``matches_at`` once word ``i`` is known to start some phrase through ``forms``."""
        nxt = ws[i + 1].norm if i + 1 < len(ws) else None
        out: list[Hit[T]] = []
        for form, cut in forms:
            for key, target in self._entries(form, nxt):
                n = len(key)
                if i + n > len(ws):
                    continue
                ok = True
                for k in range(1, n):
                    if ws[i + k].norm != key[k] or not joinable(text, ws[i + k - 1], ws[i + k]):
                        ok = False
                        break
                if ok:
                    out.append(_new_hit(Hit, (i, i + n - 1, ws[i].start + cut, ws[i + n - 1].end, target)))
        if len(out) > 1:
            out.sort(key=lambda h: (-(h.last - h.first), h.start))
        return out

    def matches(self, text: str, ws: list[Word], at: Iterable[int] | None = None) -> list[Hit[T]]:
        """Every phrase of the text, by first word; ``at``: the indexes of the words that may start
        one (``self.starts``), when already known (see :class:`WordMarks`)."""
        out: list[Hit[T]] = []
        if at is None:
            starts = self.starts
            at = [i for i, w in enumerate(ws) if starts(w)]
        # each word of ``at`` passes ``self.starts`` (the marker's test for this index is the
        # same vocabulary, the index's first words): not asked again word by word
        for i in at:
            out.extend(self._hits_at(text, ws, i, ws[i].forms))
        return out


def word_has(ws: list[Word], i: int, vocab: set[str] | frozenset[str]) -> int | None:
    """The clitic cut at which word ``i`` is in ``vocab`` (None if it is not)."""
    if i < 0 or i >= len(ws):
        return None
    for form, cut in ws[i].forms:
        if form in vocab:
            return cut
    return None
