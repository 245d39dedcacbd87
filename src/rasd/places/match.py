"""Finding place names in text: offset-preserving normalization, clitic-aware n-gram lookup, frames.

The text is normalized character by character with ``rasd.text.normalize_key`` (so names and text
meet in the lexicon form) while keeping, for every normalized character, its offset in the
original. Words are looked up as n-grams (longest first) after peeling Arabic proclitics
(و ف ب ل ك, and ل+ال → لل), which gives the word-boundary guarantee: "سوريا" never matches inside
"السورية". Each raw match carries the frame words before it ("مدينة", "ريف", "محافظة"...) and is
dropped when its context says it is not a place (an outlet, a person, a stop word).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from typing import cast

from rasd.places.gazetteer import (
    ADMIN1,
    BARE_OK,
    BLOCKER,
    COUNTRY,
    PLACE,
    STRIPPED,
    Candidate,
    Gazetteer,
    Lexicon,
)
from rasd.text import normalize_key
from rasd.text.normalize import DROP_CHARS

# Proclitic sequences allowed before a name written with (or without) its own article.
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
# Before a name indexed without its article: the article itself, possibly after proclitics.
ARTICLE_PREFIXES = ("ال", "وال", "فال", "بال", "وبال", "فبال", "كال", "وكال", "لل", "ولل", "فلل")
# A word, captured: split keeps the words between the gaps.
_WORD_PARTS = re.compile(r"([^\W_]+)")
_QUOTES = "«»\"'“”„‘’"
# What may separate the words of one name: "دير الزور", "Deir ez-Zor", "Ma'rib" (keys use spaces).
_NAME_GAPS = (" ", "-", "'", "’")


class Offsets(Sequence[int]):
    """The original offset of each normalized character, kept as runs: from normalized offset
    ``starts[k]`` on, one character for one, beginning at original offset ``origins[k]``.

    A document has a handful of runs (its dropped marks and paragraph breaks) against thousands
    of characters, and the stage reads a few offsets per place name: an int per character was
    a third of ``normalize_text``."""

    __slots__ = ("_starts", "_origins", "_len")

    def __init__(self, starts: list[int], origins: list[int], length: int) -> None:
        self._starts, self._origins, self._len = starts, origins, length

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> int:  # type: ignore[override]  # no slices: not needed
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("normalized offset out of range")
        k = bisect_right(self._starts, i) - 1
        return self._origins[k] + i - self._starts[k]

    def __iter__(self) -> Iterator[int]:
        starts, origins = self._starts, self._origins
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else self._len
            yield from range(origins[k], origins[k] + end - start)

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, compared by value


@dataclass(init=False, frozen=True, slots=True)
class NormText:
    """Normalized text with, for each of its characters, the offset of its source character."""

    text: str  # the original
    norm: str
    offsets: Offsets
    words: list[tuple[int, int]]  # (start, end) of each word in ``norm``
    strings: list[str]  # each word's text
    gaps: list[str]  # the characters between word i-1 and word i ("" for the first)

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        text: str,
        norm: str,
        offsets: Offsets,
        words: list[tuple[int, int]],
        strings: list[str],
        gaps: list[str],
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "norm", norm)
        object.__setattr__(self, "offsets", offsets)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "strings", strings)
        object.__setattr__(self, "gaps", gaps)

    def orig_span(self, nstart: int, nend: int) -> tuple[int, int]:
        start, end = self.offsets[nstart], self.offsets[nend - 1] + 1
        # Keep trailing marks (diacritics, tatweel) that normalization dropped with the word.
        while end < len(self.text) and self.text[end].isalpha() is False and _is_mark(self.text[end]):
            end += 1
        return start, end

    def word(self, i: int) -> str:
        return self.strings[i]

    def gap(self, i: int) -> str:
        """The normalized characters between word i-1 and word i."""
        return self.gaps[i]


def _is_mark(ch: str) -> bool:
    return not ch.isspace() and normalize_key(ch) == ""


# normalize_text, with the work done by str and re rather than per character: a character that
# is kept or a lone whitespace between kept ones maps one to one, so only the spots where the
# offsets shift are visited: a dropped mark, a run of two or more whitespace/marks (a paragraph
# break), and what precedes the first and follows the last kept character.
_GAP = f"\\s{DROP_CHARS}"
_FIRST_KEPT = re.compile(f"[^{_GAP}]")
# ``[gap]{2,}|[drop]``, written to start with one character class: then ``re`` skips ahead to
# the next gap character instead of trying both alternatives at every letter (1.6x faster).
_SHIFT = re.compile(f"[{_GAP}](?:[{_GAP}]+|(?<=[{DROP_CHARS}]))")


class _CharKeys(dict[int, str]):
    """Each character as normalize_text writes it: "" (a dropped mark), " " (whitespace), its key
    when that is one character, else itself ("İ", whose lower case is longer). ``str.translate``
    fills it in as new characters turn up."""

    def __missing__(self, o: int) -> str:
        ch = chr(o)
        n = " " if ch.isspace() else normalize_key(ch)
        n = self[o] = n if len(n) <= 1 else ch
        return n


_CHAR_KEY = _CharKeys()


def normalize_text(text: str, normalized: str | None = None, collapsed: str | None = None) -> NormText:
    """``normalize_key`` character by character: marks dropped, each run of whitespace between
    two kept characters one space, and the original offset of every normalized character (a
    space: the last character of its run).

    ``normalized``: the text stage's ``normalize(text).text``, when at hand. It applies the same
    character rules (marks dropped, one character for one, whitespace kept as it is), so
    collapsing its whitespace gives this normal form without translating the text again. Not
    when the text holds a capital sigma: lower-casing a whole string writes it "ς" at the end of
    a word, one character at a time always "σ".

    ``collapsed``: ``normalized`` with its whitespace collapsed, when the text stage made it
    already (``Normalized.collapsed``)."""
    table = _CHAR_KEY
    if normalized is None or "Σ" in text:
        normalized, collapsed = text.translate(table), None
    norm = collapsed if collapsed is not None else " ".join(normalized.split())
    # runs of the offset map: (normalized start, original start); ``size`` counts what is mapped
    starts: list[int] = []
    origins: list[int] = []
    size = 0
    first = _FIRST_KEPT.search(text)
    if first is not None:
        pos, end = first.start(), len(text.rstrip())
        while table[ord(text[end - 1])] in ("", " "):  # trailing marks
            end -= 1
        for m in _SHIFT.finditer(text, pos, end):
            s, e = m.span()
            if s > pos:
                starts.append(size)
                origins.append(pos)
                size += s - pos
            if m.group().translate(table):  # the run holds whitespace: one space
                starts.append(size)
                origins.append(e - 1)
                size += 1
            pos = e
        if end > pos:
            starts.append(size)
            origins.append(pos)
            size += end - pos
    offsets = Offsets(starts, origins, size)
    # One split gives the words and the gaps around them, alternating (gap, word, ..., gap); the
    # running sum of their lengths gives each word's span (three regex passes did it before).
    parts = _WORD_PARTS.split(norm)
    bounds = list(accumulate(map(len, parts)))
    strings = parts[1::2]
    # word i is parts[2i + 1]: it spans [bounds[2i], bounds[2i + 1])
    words = list(zip(bounds[0:-1:2], bounds[1::2], strict=True))
    gaps = parts[0::2]  # before the first word, between words, after the last
    gaps[0] = ""
    return NormText(text, norm, offsets, words, strings, gaps[:-1] if strings else gaps)


@dataclass(init=False, slots=True)
class RawMatch:
    """A name found in the text, with what the words around it say."""

    first: int  # index of its first word
    last: int  # index of its last word (inclusive)
    nstart: int  # name span in normalized text (without proclitics)
    nend: int
    key: str
    candidates: list[Candidate]
    frame: str = ""  # "town" | "province" | "district" | "" — the frame right before the name
    vicinity: bool = False  # "ريف/قرب/شمال X": precision 2
    frame_first: int = -1  # first word of the frame phrase (-1: none)
    frame_nstart: int = -1  # normalized start of the frame phrase
    frame_word: str = ""  # the town/province/district frame word, without proclitics
    stripped: bool = False
    prefix: str = ""  # the proclitics peeled off the first word ("ب" in "بالحسكة")
    weak: bool = False  # an ordinary word that is also a name, read as a place after a preposition
    # countries its own clause names ("أريحا في شمال غرب سورية", "الزبداني السورية"); see find.py
    beside: frozenset[str] = frozenset()
    located: bool = False  # a locative preposition before it ("في", "بـ"): named as where

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        first: int,
        last: int,
        nstart: int,
        nend: int,
        key: str,
        candidates: list[Candidate],
        frame: str = "",
        vicinity: bool = False,
        frame_first: int = -1,
        frame_nstart: int = -1,
        frame_word: str = "",
        stripped: bool = False,
        prefix: str = "",
        weak: bool = False,
        beside: frozenset[str] = frozenset(),
        located: bool = False,
    ) -> None:
        self.first = first
        self.last = last
        self.nstart = nstart
        self.nend = nend
        self.key = key
        self.candidates = candidates
        self.frame = frame
        self.vicinity = vicinity
        self.frame_first = frame_first
        self.frame_nstart = frame_nstart
        self.frame_word = frame_word
        self.stripped = stripped
        self.prefix = prefix
        self.weak = weak
        self.beside = beside
        self.located = located


@lru_cache(maxsize=65_536)
def _decliticize(word: str) -> tuple[str, ...]:
    """The word and its forms without one or two proclitics (for frame words: "بمدينة" → "مدينه")."""
    out = [word]
    for p in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"):
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append(word[len(p) :])
    return tuple(out)


@lru_cache(maxsize=64)
def _last_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The words phrases end with (a phrase ending before word i ends with a form of word i-1)."""
    return frozenset(p[-1] for p in phrases if p)


def _phrase_before(
    nt: NormText, i: int, phrases: frozenset[tuple[str, ...]], max_len: int = 3
) -> tuple[int, int]:
    """(first word, length of its proclitics) of the longest phrase in ``phrases`` that ends right
    before word i, joined by spaces only; (-1, 0) when none."""
    if i == 0 or _last_words(phrases).isdisjoint(_decliticize(nt.strings[i - 1])):
        return -1, 0  # most words follow no frame: skip the n-gram loop
    for n in range(max_len, 0, -1):
        j = i - n
        if j < 0 or any(nt.gap(k) != " " for k in range(j + 1, i + 1)):
            continue
        rest = tuple(nt.word(k) for k in range(j + 1, i))
        first = nt.word(j)
        for w in _decliticize(first):
            if (w, *rest) in phrases:
                return j, len(first) - len(w)
    return -1, 0


def prev_word_in(nt: NormText, i: int, words: frozenset[str]) -> bool:
    """Word i-1 (without proclitics) is in ``words``, separated from word i by a space or quotes."""
    if i == 0:
        return False
    gap = nt.gap(i).strip()
    if gap and not all(c in _QUOTES for c in gap):
        return False
    return any(w in words for w in _decliticize(nt.word(i - 1)))


def _accept(cand: Candidate, prefix: str) -> bool:
    if cand.flags & STRIPPED:
        return prefix in ARTICLE_PREFIXES or (bool(cand.flags & BARE_OK) and prefix in PROCLITICS)
    return prefix in PROCLITICS


def scan(nt: NormText, gz: Gazetteer) -> list[RawMatch]:
    """Leftmost-longest name matches over the words of ``nt``.

    Each word's start (its readings as a name start) comes from the per-type memo in one C-level
    ``map``; most are empty, and ``compress`` keeps the indexes of the others, so Python code
    runs only at the words that may start a name (about one in four), not at every word. The
    most frequent of those ("في", "على", "ان") only head longer names: one look at the next word
    tells whether any can start there before the n-gram loop is entered."""
    out: list[RawMatch] = []
    strings, memo = nt.strings, gz.start_memo
    found = list(map(memo.get, strings))
    if None in found:  # word types not seen before
        found = [p if p is not None else _start(w, gz) for p, w in zip(found, strings, strict=True)]
    # no None left: each word's _Start, () (no name starts there) or (plan, bare), typed as a
    # plain tuple so that the non-empty ones ``compress`` keeps unpack in two
    starts = cast("list[tuple]", found)
    names, heads, gaps = gz.names, gz.heads, nt.gaps
    n_words = len(strings)
    last = -1
    for i, (plan, bare) in compress(enumerate(starts), starts):
        if i <= last:
            continue  # inside the name matched before
        if bare:  # no reading is a name by itself: the next word must continue one
            if i + 1 >= n_words or gaps[i + 1] not in _NAME_GAPS:
                continue
            nxt = strings[i + 1]
            for stem in bare:
                if (key := stem + nxt) in names or key in heads:
                    break
            else:
                continue
        m = _match_at(nt, gz, i, n_words, plan)
        if m is not None:
            out.append(m)
            last = m.last
    return out


_PREFIX_SET = frozenset(PROCLITICS + ARTICLE_PREFIXES)
_MAX_PREFIX = max(map(len, _PREFIX_SET))


def _prefixes(word: str) -> list[str]:
    """The proclitic sequences ``word`` may start with, shortest first ("" included)."""
    return [word[:n] for n in range(min(_MAX_PREFIX, len(word) - 2) + 1) if word[:n] in _PREFIX_SET]


# A word's readings as the start of a name: (proclitics, stem, the stem's own candidates under
# those proclitics, whether the stem also begins longer names).
_Plan = tuple[tuple[str, str, tuple[Candidate, ...], bool], ...]
# What the memo keeps for a word: () when no name starts at it, else its plan and, when no
# reading has candidates of its own (the word only heads longer names), each reading's stem and
# a space, the start of the two-word key a name would need (None otherwise).
_Start = tuple[()] | tuple[_Plan, tuple[str, ...] | None]


def _start(word: str, gz: Gazetteer) -> _Start:
    """The readings under which a name, or the head of a longer one, starts at ``word`` (none for
    most words): remembered per word type on the gazetteer, so the proclitics, the lookups and
    the candidate decoding are done once per word type, not once per occurrence."""
    memo = gz.start_memo
    start = memo.get(word)
    if start is None:
        if len(memo) >= 200_000:
            memo.clear()
        names, heads = gz.names, gz.heads
        readings = (
            (p, stem, tuple(c for c in gz.lookup(stem) if _accept(c, p)), stem in heads)
            for p in ([""] if word.isascii() else _prefixes(word))
            if len(stem := word[len(p) :]) >= 2 and (stem in names or stem in heads)
        )
        # a reading with no candidate of its own that begins no longer name can match nothing
        plan = tuple(r for r in readings if r[2] or r[3])
        bare = None if any(r[2] for r in plan) else tuple(r[1] + " " for r in plan)
        start = memo[word] = (plan, bare) if plan else ()
    return start


def _match_at(nt: NormText, gz: Gazetteer, i: int, n_words: int, plan: _Plan) -> RawMatch | None:
    """The name starting at word i under the first of its readings (``plan``) that gives one."""
    names, heads, gaps, strings = gz.names, gz.heads, nt.gaps, nt.strings
    latin = strings[i].isascii()
    for prefix, stem, own, head in plan:
        best: tuple[int, str, list[Candidate]] | None = (i, stem, list(own)) if own else None
        key, last = stem, i
        while head:  # grow the n-gram only while it begins some longer name
            last += 1
            if last >= n_words or gaps[last] not in _NAME_GAPS:
                break
            key = key + " " + strings[last]
            if key in names:
                cands = [c for c in gz.lookup(key) if _accept(c, prefix)]
                if cands:
                    best = (last, key, cands)
            head = key in heads
        if best is not None:
            last, key, cands = best
            s, e = nt.words[i][0] + len(prefix), nt.words[last][1]
            if latin and not nt.text[nt.offsets[s]].isupper():
                return None  # English names are capitalised; "mobile", "reading" are words
            stripped = all(c.flags & STRIPPED for c in cands)
            return RawMatch(i, last, s, e, key, cands, stripped=stripped, prefix=prefix)
    return None


def add_context(m: RawMatch, nt: NormText, lex: Lexicon) -> RawMatch | None:
    """Attach the frame before ``m``; None when the context says it is not a place."""
    i = m.first
    prefix = nt.norm[nt.words[i][0] : m.nstart]
    framed = prefix in ("", "ال") or (m.stripped and prefix in ARTICLE_PREFIXES)
    # Every frame phrase ends with a form of the word before the name: when that word ends none
    # (most names), no frame is there and the four phrase searches below would all find nothing.
    if framed and i > 0 and not lex.frame_tails.isdisjoint(_decliticize(nt.strings[i - 1])):
        skip = 0
        for kind, phrases in (
            ("town", lex.town_frames),
            ("province", lex.province_frames),
            ("district", lex.district_frames),
        ):
            j, skip = _phrase_before(nt, i, phrases)
            if j >= 0:
                m.frame, m.frame_first = kind, j
                m.frame_word = nt.strings[j][skip:]
                break
        v, vskip = _phrase_before(nt, m.frame_first if m.frame_first >= 0 else i, lex.vicinity_frames)
        if v >= 0:
            m.vicinity, m.frame_first, skip = True, v, vskip
        if m.frame_first >= 0:
            m.frame_nstart = nt.words[m.frame_first][0] + skip
    if m.key.isascii() and not m.frame and _english_province_after(m, nt, lex):
        m.frame = "province"  # "Anbar province": the span stays the name
    if any(c.kind == BLOCKER for c in m.candidates):
        return None  # "واشنطن بوست", "الشرق الأوسط": a longer name that is not a place
    if m.key in lex.frame_words or (m.stripped and "ال" + m.key in lex.frame_words):
        return None  # "مدينة" is also Medina without its article, but never that in a text
    if m.frame == "town" and m.frame_word.startswith("ال") and m.key in lex.weekdays:
        return None  # "على العاصمة الجمعة": a definite frame, then the day it happened
    if m.frame == "town":
        return m  # "قرية الخميس", "مدينة الرياض": the frame says it is a town
    if (
        m.frame == "province"
        and m.frame_word not in lex.loose_frames
        and any(c.kind == ADMIN1 for c in m.candidates)
    ):
        return m  # "محافظة إب", "ولاية الخرطوم": frame and division name agree ("منطقة" is looser)
    if m.key in lex.stoplist or (m.stripped and "ال" + m.key in lex.stoplist):
        return None  # "منطقة/مديرية X" does not lift this: those frame areas, not towns
    m.located = prefix.endswith("ب") or (
        prefix in ("", "ال") and prev_word_in(nt, i, lex.locative_prepositions)
    )
    is_country = any(c.kind == COUNTRY for c in m.candidates)
    if not is_country and (m.key in lex.weak_names or (m.stripped and "ال" + m.key in lex.weak_names)):
        # Unframed, an ordinary word is a place only after a locative preposition ("في غزة",
        # "بغزة"); resolve.py further asks for a big city in the document's country.
        if not m.located:
            return None
        m.weak = True
    if (
        m.key.isascii()
        and nt.text[nt.offsets[m.nstart] : nt.offsets[m.nend - 1] + 1].split()[0] in lex.english_stoplist
    ):
        return None  # "State", "Army": capitalised words that GeoNames also has as places
    if not m.vicinity and prefix in ("", "ال"):
        if prev_word_in(nt, i, lex.media_nouns) or prev_word_in(nt, i, lex.person_titles):
            return None
        if (
            i > 0
            and nt.gaps[i] == " "
            and (nt.strings[i - 1] in lex.given_names or _is_abd_name(nt.strings[i - 1]))
        ):
            return None  # "عبدالحميد دشتي", "محمد حلب": a family name
        if m.key in lex.outlets and (prev_word_in(nt, i, lex.saying_verbs) or _quoted(nt, m)):
            return None
        if (
            not m.frame
            and all(c.kind == PLACE for c in m.candidates)
            and prev_word_in(nt, i, lex.saying_verbs)
        ):
            return None  # "وقال ديفيس", "ولم يوضح ديفيس": the speaker, a person named by surname
    if m.key in lex.outlets and prefix == "ل" and _quoted(nt, m):
        return None  # "قال لـ«الرياض»"
    return m


def _is_abd_name(word: str) -> bool:
    return word.startswith("عبد") and len(word) > 4


def _english_province_after(m: RawMatch, nt: NormText, lex: Lexicon) -> bool:
    j = m.last + 1
    return j < len(nt.strings) and nt.gaps[j] == " " and nt.strings[j] in lex.english_province_suffixes


def _quoted(nt: NormText, m: RawMatch) -> bool:
    before = nt.norm[max(0, m.nstart - 2) : m.nstart]
    after = nt.norm[m.nend : m.nend + 1]
    return any(q in before for q in _QUOTES) and after in _QUOTES and after != ""


def only(cands: list[Candidate], kind: str) -> list[Candidate]:
    return [c for c in cands if c.kind == kind]


__all__ = [
    "ADMIN1",
    "COUNTRY",
    "NormText",
    "RawMatch",
    "add_context",
    "normalize_text",
    "only",
    "prev_word_in",
    "scan",
]
