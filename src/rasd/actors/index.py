"""Longest-match lookup of lexicon phrases over the words of a text.

A :class:`PhraseIndex` maps phrases (tuples of lookup-form words) to targets. :meth:`matches`
finds every phrase that starts at a word — through that word's clitic-stripped forms — and runs
over the following words with only name-internal punctuation between them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from rasd.actors.tokens import Word, joinable, norm_words

T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    first: int  # index of the first word
    last: int  # index of the last word (inclusive)
    start: int  # original offsets; ``start`` is after any stripped proclitic
    end: int
    target: T


class PhraseIndex(Generic[T]):
    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}

    def add(self, phrase: str, target: T) -> None:
        key = norm_words(phrase)
        if not key:
            return
        bucket = self._by_first.setdefault(key[0], [])
        if (key, target) not in bucket:
            bucket.append((key, target))
            bucket.sort(key=lambda kt: -len(kt[0]))

    def add_words(self, key: tuple[str, ...], target: T) -> None:
        bucket = self._by_first.setdefault(key[0], [])
        if (key, target) not in bucket:
            bucket.append((key, target))
            bucket.sort(key=lambda kt: -len(kt[0]))

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def phrases(self) -> Iterator[tuple[tuple[str, ...], T]]:
        for bucket in self._by_first.values():
            yield from bucket

    def matches_at(self, text: str, ws: list[Word], i: int, strip: bool = True) -> list[Hit[T]]:
        """Every phrase starting at word ``i`` (longest first)."""
        forms = ws[i].forms if strip else ws[i].forms[:1]
        by_first = self._by_first
        if not any(form in by_first for form, _ in forms):
            return []  # most words start no phrase: skip the allocation and the sort
        out: list[Hit[T]] = []
        for form, cut in forms:
            for key, target in self._by_first.get(form, ()):
                n = len(key)
                if i + n > len(ws):
                    continue
                ok = True
                for k in range(1, n):
                    if ws[i + k].norm != key[k] or not joinable(text, ws[i + k - 1], ws[i + k]):
                        ok = False
                        break
                if ok:
                    out.append(Hit(i, i + n - 1, ws[i].start + cut, ws[i + n - 1].end, target))
        out.sort(key=lambda h: (-(h.last - h.first), h.start))
        return out

    def matches(self, text: str, ws: list[Word]) -> list[Hit[T]]:
        out: list[Hit[T]] = []
        by_first = self._by_first
        for i, w in enumerate(ws):
            if any(form in by_first for form, _ in w.forms):
                out.extend(self.matches_at(text, ws, i))
        return out


def word_has(ws: list[Word], i: int, vocab: set[str] | frozenset[str]) -> int | None:
    """The clitic cut at which word ``i`` is in ``vocab`` (None if it is not)."""
    if i < 0 or i >= len(ws):
        return None
    for form, cut in ws[i].forms:
        if form in vocab:
            return cut
    return None
