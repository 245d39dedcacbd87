"""Find trigger words and phrases in a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.context import SentenceView
from rasd.events.lexicon import Lexicon, TriggerEntry


@dataclass(init=False, frozen=True)
class TriggerHit:
    entry: TriggerEntry
    first: int  # token index in the sentence
    last: int  # inclusive
    start: int  # character offsets in the document
    end: int
    text: str

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(self, entry: TriggerEntry, first: int, last: int, start: int, end: int, text: str) -> None:
        object.__setattr__(self, "entry", entry)
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)


def find_triggers(view: SentenceView, lex: Lexicon, doc_text: str) -> list[TriggerHit]:
    hits: list[TriggerHit] = []
    covered_until = -1
    for i in view.positions(lex.trigger_starts):  # the tokens a trigger can start at
        matched = False
        for key in view.keys[i]:
            for words, entry in lex.phrases.get(key, ()):
                last = _phrase_end(view, words, i)
                if last is not None:
                    hits.append(_hit(view, entry, i, last, doc_text))
                    covered_until = max(covered_until, last)
                    matched = True
            if matched:
                break
        if matched or i <= covered_until:
            continue
        seen: set[str] = set()
        for key in view.keys[i]:
            for entry in lex.words.get(key, ()):
                if entry.id not in seen:
                    seen.add(entry.id)
                    hits.append(_hit(view, entry, i, i, doc_text))
    return [h for h in hits if _allowed(h, view)]


GAP = "*"  # in a trigger phrase: one to three words of any kind ("فجر * نفسه": its doer between)
_GAP_MAX = 3


def _phrase_end(view: SentenceView, words: tuple[str, ...], i: int) -> int | None:
    """The last token of ``words`` matched from token ``i`` (whose key is ``words[0]``), or None."""
    n = len(view.tokens)
    if GAP not in words:
        m = len(words)
        if i + m <= n and all(words[j] in view.keys[i + j] for j in range(1, m)):
            return i + m - 1
        return None
    at = i
    k = 1
    while k < len(words):
        if words[k] == GAP:
            nxt = words[k + 1]
            found = next((t for t in range(at + 2, min(n, at + 2 + _GAP_MAX)) if nxt in view.keys[t]), None)
            if found is None:
                return None
            at, k = found, k + 2
        elif at + 1 < n and words[k] in view.keys[at + 1]:
            at, k = at + 1, k + 1
        else:
            return None
    return at


def _hit(view: SentenceView, entry: TriggerEntry, first: int, last: int, doc_text: str) -> TriggerHit:
    s, e = view.tokens[first].start, view.tokens[last].end
    return TriggerHit(entry, first, last, s, e, doc_text[s:e])


def _allowed(hit: TriggerHit, view: SentenceView) -> bool:
    if hit.entry.requires_any and not view.has_any(hit.entry.requires_any):
        return False
    return not (hit.entry.excludes_any and view.has_any(hit.entry.excludes_any))
