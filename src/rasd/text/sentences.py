"""Sentence splitting for news text, with offsets into the original.

Rules (why, in docs/text.md):

- A line break always ends a sentence; each non-empty line is a paragraph (headlines, datelines
  and paragraphs of scraped news all come one per line).
- ``.`` ``!`` ``?`` ``؟`` ``…`` end a sentence, a run of them (``..``, ``...``, ``؟!``) counts
  once, and closing quotes/brackets right after stay with the sentence.
- A ``.`` between digits (``3.5``, ``21.07.2015``) or after an abbreviation (``د.``) does not;
  one glued to the next word does not either (``U.S.A``), unless both sides are Arabic letters
  (``أمس.وقال``: scraped text drops the space).
- Inside a quotation (``«»``, ``“”``, ``"..."``, ``(...)``) nothing splits unless the quotation is
  itself long (> ``max_quote_words``): a short quoted statement stays in the sentence that
  reports it, which is the evidence span an event wants. A quotation closing on a sentence end
  ends the sentence.
- Commas never split; ``؛`` and clause openers (``كما``, ``فيما``, ``وقال``…) split only a sentence
  longer than ``max_words`` words (run-on paragraphs with no full stop).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count
from pathlib import Path
from typing import cast

from rasd.datafiles import read_yaml
from rasd.text.normalize import normalize_key
from rasd.text.types import Sentence

DATA = Path(__file__).parent / "data"

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
_END = re.compile(r"[.!?؟…]+")
_CLOSERS = "\"'»”’)]}›"
_PAIRS = {"«": "»", "“": "”", "(": ")", "‹": "›", "„": "“"}
_WORDS = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_HAS_WORD = re.compile(r"\w")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_MIN_GLUED_WORDS = 3  # a glued full stop ends a sentence only before this many words
_QUOTE_MARK = re.compile('[«»“”"()‹›„]')
_WORD_PARTS = re.compile(r"(\S+)")  # _WORDS, captured: split keeps the words between the gaps
_STRIP = '،,؛;:«»"“”()'  # what a word may carry around it that is not the word
_BREAK_TAILS = frozenset("؛;.…،,")  # a word ending so: the next one may start a clause (_score)
_OPENS, _ENDS = 1, 2  # word codes (SentenceSplitter._code)
# the words a run-on piece may be cut before (indexes into its words, in order) and their scores
_Places = tuple[list[int], list[float]]
# A run-on sentence is cut recursively and each level keys every word of its part again: keys
# of words are remembered (news repeats its vocabulary).
_word_key = lru_cache(maxsize=65_536)(normalize_key)


@dataclass(frozen=True, slots=True)
class SentenceRules:
    abbreviations: frozenset[str]
    openers: frozenset[str]
    opener_phrases: frozenset[str]  # asked of every word of a run-on sentence: a set, not a tuple
    max_words: int
    min_words: int
    max_quote_words: int

    @classmethod
    def load(cls, data_dir: Path = DATA) -> SentenceRules:
        d = read_yaml(data_dir / "sentences.yaml", "sentence rules")
        openers = [normalize_key(w) for w in d["clause_openers"]]
        return cls(
            abbreviations=frozenset(normalize_key(a) for a in d["abbreviations"]),
            openers=frozenset(w for w in openers if " " not in w),
            opener_phrases=frozenset(w for w in openers if " " in w),
            max_words=int(d["max_words"]),
            min_words=int(d["min_words"]),
            max_quote_words=int(d["max_quote_words"]),
        )


class SentenceSplitter:
    def __init__(self, rules: SentenceRules) -> None:
        self.rules = rules
        self._phrase_heads = frozenset(p.split()[0] for p in rules.opener_phrases)
        self._codes: dict[str, int] = {}  # word as written → _OPENS | _ENDS (see _code)

    def split(self, text: str) -> list[Sentence]:
        out: list[Sentence] = []
        for para, m in enumerate(_nonblank_lines(text)):
            s0, e0 = m
            for s, e in self._split_line(text, s0, e0):
                for ps, pe in self._split_long(text, s, e):
                    ps, pe = _trim(text, ps, pe)
                    if pe > ps:
                        out.append(Sentence(ps, pe, text[ps:pe], para))
        return out

    # -- one line -----------------------------------------------------------------------------

    def _split_line(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        quotes = self._quotes(text, start, end)
        cuts: list[int] = []
        for m in _END.finditer(text, start, end):
            if self._inside_short_quote(text, m, quotes):
                continue
            if m.group() == "." and not self._dot_ends(text, m.start(), start, end):
                continue
            if _is_pause(m.group()):
                if cuts and not text[cuts[-1] : m.start()].strip():
                    cuts[-1] = m.end()  # "مستمرة. .." : a stray run after an end stays with it
                continue  # ".." / "…" mid-line is a pause (a dash), cut only in a run-on sentence
            e = m.end()
            while e < end and text[e] in _CLOSERS:
                e += 1
            cuts.append(e)
        # a quotation that closes on a sentence end is handled above (closers are swallowed);
        # a long quotation that closes without one is left alone.
        pieces: list[tuple[int, int]] = []
        s = start
        for c in [*cuts, end]:
            if c <= s:
                continue
            if pieces and not _HAS_WORD.search(text, s, c):
                pieces[-1] = (pieces[-1][0], c)  # "اليمن .." : stray marks stay with the sentence
            else:
                pieces.append((s, c))
            s = c
        return pieces

    def _dot_ends(self, text: str, i: int, line_start: int, line_end: int) -> bool:
        """Whether the single ``.`` at ``i`` ends a sentence."""
        prev = text[i - 1] if i > line_start else ""
        nxt = text[i + 1] if i + 1 < line_end else ""
        if prev and nxt and _DIGIT.match(prev) and _DIGIT.match(nxt):
            return False  # 3.5, 21.07.2015
        j = i
        while j > line_start and not text[j - 1].isspace():
            j -= 1
        if i - j <= 5 and normalize_key(text[j:i]) in self.rules.abbreviations:
            return False
        if _ARABIC_LETTER.match(prev) and _ARABIC_LETTER.match(nxt):
            # "أمس.وقال": scraped Arabic drops the space; Arabic has no "U.S.A". Not before a
            # fragment of a word or two ("الحوثيين.أمس الخميس."): that belongs to this sentence
            m = _END.search(text, i + 1, line_end)
            return _count_words(text, i + 1, m.start() if m else line_end) >= _MIN_GLUED_WORDS
        # U.S.A, www.site.com, a.m: a dot glued to the next word does not end a sentence
        return not nxt or nxt.isspace() or nxt in _CLOSERS

    def _quotes(self, text: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """Outermost balanced quotations on the line: (start, end, words). Unbalanced marks are
        ignored, so a stray « never swallows the rest of a paragraph."""
        spans: list[tuple[int, int]] = []
        stack: list[tuple[str, int]] = []
        ascii_open: int | None = None
        for m in _QUOTE_MARK.finditer(text, start, end):
            i, c = m.start(), m.group()
            if c in _PAIRS:
                stack.append((_PAIRS[c], i))
            elif stack and c == stack[-1][0]:
                _, o = stack.pop()
                spans.append((o, i + 1))
            elif c != '"' and any(c == closer for closer, _ in stack):
                while stack and stack[-1][0] != c:  # close what was left open inside
                    stack.pop()
                _, o = stack.pop()
                spans.append((o, i + 1))
            elif c == '"':
                # an ASCII quote opens before a word and closes after one; pair by that when it
                # is clear, so one stray mark (قال "هذه المعلومات "لا اساس لها") does not
                # swallow the next sentence
                prev = text[i - 1] if i > start else " "
                nxt = text[i + 1] if i + 1 < end else " "
                opens = (prev.isspace() or prev in "(«:") and not nxt.isspace()
                closes = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
                if ascii_open is not None and (closes or not opens):
                    spans.append((ascii_open, i + 1))
                    ascii_open = None
                elif opens or (ascii_open is None and not closes):
                    ascii_open = i  # a new quotation (the one left open, if any, was stray)
        if not spans:
            return []
        spans.sort()
        outer: list[tuple[int, int, int]] = []
        for s, e in spans:
            if outer and s < outer[-1][1]:
                if e > outer[-1][1]:
                    ps = outer[-1][0]
                    outer[-1] = (ps, e, _count_words(text, ps, e))
                continue
            outer.append((s, e, _count_words(text, s, e)))
        return outer

    def _inside_short_quote(self, text: str, m: re.Match[str], quotes: list[tuple[int, int, int]]) -> bool:
        """Whether the end mark ``m`` sits inside a short quotation and must not split. An end
        mark that closes a quotation of three words or more (``«قتلنا خمسة.»``) still splits,
        after the closing mark."""
        i = m.start()
        for s, e, n in quotes:
            if s < i < e - 1:
                if n > self.rules.max_quote_words:
                    return False
                tail = text[m.end() : e]
                return not (n >= 3 and all(c in _CLOSERS for c in tail))
        return False

    # -- run-on sentences ---------------------------------------------------------------------

    def _split_long(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        if _count_words(text, start, end) <= self.rules.max_words:
            return [(start, end)]
        # the words' spans from one split (words and the gaps between them, alternating)
        parts = _WORD_PARTS.split(text[start:end])
        bounds = list(accumulate(map(len, parts), initial=start))
        words = list(zip(bounds[1:-1:2], bounds[2::2], strict=True))
        places = self._break_candidates(text, words, parts[1::2])
        return self._split_words(text, start, end, words, 0, len(words), places)

    def _break_candidates(self, text: str, words: list[tuple[int, int]], strings: list[str]) -> _Places:
        """The words (by index) a piece may be cut before, with their scores. ``_score`` is asked
        only of the words that pass a test run in C over the whole piece: after a word ending
        in ``؛ ; . … ، ,``, or a word that is a clause opener or the first word of an opener
        phrase (each word type's code is remembered, see ``_code``). Every word ``_score``
        gives a score passes it, so the others need not be asked."""
        found = list(map(self._codes.get, strings))
        if None in found:  # word types not seen before
            found = [c if c is not None else self._code(w) for c, w in zip(found, strings, strict=True)]
        codes = cast("list[int]", found)  # no None left
        picked = set(compress(count(), map(_OPENS.__and__, codes)))
        picked.update(compress(count(1), map(_ENDS.__and__, codes[:-1])))
        picked.discard(0)  # a piece is never cut before its first word
        at, scores = [], []
        for g in sorted(picked):
            score = self._score(text, words, g, True)
            if score is not None:
                at.append(g)
                scores.append(score)
        return at, scores

    def _code(self, word: str) -> int:
        """What ``word`` (as written, punctuation included) may say about a break: _OPENS when,
        stripped, it is a clause opener or the first word of an opener phrase; _ENDS when it
        ends with a mark the next word may start a clause after."""
        codes = self._codes
        if len(codes) >= 200_000:
            codes.clear()
        key = _word_key(word.strip(_STRIP))
        opens = key in self.rules.openers or key in self._phrase_heads
        code = codes[word] = (_OPENS if opens else 0) | (_ENDS if word[-1] in _BREAK_TAILS else 0)
        return code

    def _split_words(
        self,
        text: str,
        start: int,
        end: int,
        words: list[tuple[int, int]],
        a: int,
        b: int,
        places: _Places,
    ) -> list[tuple[int, int]]:
        """``text[start:end]`` (more than ``max_words`` words: ``words[a:b]``) cut at its best
        clause break, and each half again while it is too long. A word's score depends on the
        words around it only, so the scores are worked out once for the whole run-on piece
        (``places``: the scored word indexes in order, their scores), not at every level of the
        recursion; a half's words are a run of its whole's."""
        n = b - a
        lo, hi = self.rules.min_words, n - self.rules.min_words
        best: tuple[float, int, int] | None = None
        mid = n / 2
        at, scores = places
        first, last = a + max(lo, 1), a + hi  # the words g = a + k the piece may be cut before
        if last >= a + n - 1:  # the last word of the piece: no next word to open a phrase with
            last = a + n - 2
            score = self._score(text, words, a + n - 1, False)
            if score is not None:
                best = (score + abs(n - 1 - mid) / n, words[a + n - 1][0], a + n - 1)
        for j in range(bisect_left(at, first), bisect_right(at, last)):
            g = at[j]
            key = (scores[j] + abs(g - a - mid) / n, words[g][0], g)
            if best is None or key < best:
                best = key
        if best is None:
            return [(start, end)]
        _, cut, g = best
        out: list[tuple[int, int]] = []
        for s, e, wa, wb in ((start, cut, a, g), (cut, end, g, b)):
            if _count_words(text, s, e) <= self.rules.max_words:
                out.append((s, e))
            else:
                out += self._split_words(text, s, e, words, wa, wb, places)
        return out

    def _score(self, text: str, words: list[tuple[int, int]], g: int, has_next: bool) -> float | None:
        """How good a place word ``g`` is to start a new sentence at (lower is better; None: no
        place): after ``؛``, after a ".." pause, at a clause opener, at ``و`` after a comma."""
        ws, we = words[g]
        prev_tail = text[words[g - 1][1] - 1]
        w = _word_key(text[ws:we].strip(_STRIP))
        if prev_tail in "؛;":
            return 0.0
        if prev_tail in ".…":  # after a ".." pause
            return 0.5
        if w in self.rules.openers or (has_next and self._opens_phrase(text, w, words, g)):
            return 1.0 if prev_tail in "،," else 2.0
        if w.startswith("و") and prev_tail in "،,":
            return 3.0
        return None

    def _opens_phrase(self, text: str, w: str, words: list[tuple[int, int]], k: int) -> bool:
        if k + 1 >= len(words):
            return False
        nxt = _word_key(text[words[k + 1][0] : words[k + 1][1]])
        return f"{w} {nxt}" in self.rules.opener_phrases


def _is_pause(mark: str) -> bool:
    """``..``, ``...``, ``…`` (possibly with ``!``/``?``-less runs of dots only)."""
    return mark == "…" or (len(mark) >= 2 and set(mark) == {"."})


def _count_words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _nonblank_lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if not m.group().isspace()]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
