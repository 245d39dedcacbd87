"""Arabic normalization. ``normalize_key`` is the one normal form every lexicon is looked up in.

All stages (places, actors, triggers, NER features) must compare strings through this function,
so a lexicon entry and a text token meet in the same form.

:func:`normalize` applies the same character rules to a whole document but keeps an alignment
back to the original string, so a span found on the normalized text can be reported with exact
offsets into the input (``text[start:end]``). Every rule is either "drop this character" or
"replace one character by one character", which is what makes the alignment a short list of
breakpoints instead of a per-character array.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from rasd.frozen import Reduced, by_fields

# Diacritics (harakat, Quranic marks, superscript alef), tatweel, zero-width and bidi controls.
DROP_CHARS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
)
_DROP = re.compile(f"[{DROP_CHARS}]")
# Marks that belong to the letter before them: a span ending on that letter also covers them.
_ATTACHED = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
# _MAP as (character, replacement) pairs, for whole documents: a chain of ``str.replace`` scans
# the text in C a few times, where ``translate`` looks every character up in the dict (and
# raises and clears a KeyError for each one it leaves alone, i.e. most Arabic letters). One
# after the other gives what ``translate`` gives at once because no replacement is itself a
# character that gets replaced.
_MAP_PAIRS = tuple((chr(k), v) for k, v in _MAP.items())
assert not {v for _, v in _MAP_PAIRS} & {k for k, _ in _MAP_PAIRS}


def _map_text(s: str) -> str:
    """``s.translate(_MAP)``, for long strings."""
    for ch, to in _MAP_PAIRS:
        s = s.replace(ch, to)
    return s


# The "light" form used by the segmenter: marks dropped, Persian letters and digits unified, but
# hamza seats, ta marbuta and alef maqsura kept, because they tell clitics from word letters
# (``ة`` is never the pronoun ``ه``; ``ألمانيا`` does not start with the article).
_LIGHT_MAP = str.maketrans(
    {
        "ک": "ك",
        "ی": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
# light form -> key form (what is left of _MAP once the light map has been applied)
_LIGHT_TO_KEY = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)


def _as_sequence(table: dict[int, str]) -> list[int | str]:
    """A ``str.translate`` table as a list indexed by code point (a character maps to itself
    unless ``table`` says otherwise; one past the list's end is left alone too): the same
    result, but ``translate`` indexes a list where it looked every character up in a dict and
    raised and cleared a KeyError for each one it leaves alone. About 40 % off the short strings
    of lexicon keys, which are made for every new word type and many lookups."""
    out: list[int | str] = list(range(max(table) + 1))
    for code, to in table.items():
        out[code] = to
    return out


_MAP_TABLE = _as_sequence(_MAP)
_LIGHT_MAP_TABLE = _as_sequence(_LIGHT_MAP)
_LIGHT_TO_KEY_TABLE = _as_sequence(_LIGHT_TO_KEY)


def _presentation_table() -> dict[int, str]:
    """Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC: the positional glyphs some
    outlets' pages are written in) to the letter each stands for, where that is one character.
    Ligatures of two letters or more (ﻻ, ﷲ) are left alone: folding them would move offsets."""
    table = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)):
        letter = unicodedata.normalize("NFKC", chr(code))
        if len(letter) == 1 and "\u0600" <= letter <= "\u06ff":
            table[code] = letter
    return table


_PRESENTATION = _presentation_table()
_ANY_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")


def fold_presentation_forms(text: str) -> str:
    """``text`` with Arabic presentation-form glyphs written as the letters they stand for, one
    character for one, so every offset into the result is an offset into ``text``."""
    if _ANY_PRESENTATION.search(text) is None:
        return text  # nearly every document: one scan, no copy
    return text.translate(_PRESENTATION)


def normalize_key(s: str) -> str:
    """Lookup form: no diacritics/tatweel/bidi marks, unified alef/ya/ta marbuta/hamza seats,
    ASCII digits, lower-cased Latin, single spaces."""
    s = _DROP.sub("", s).translate(_MAP_TABLE).lower()
    return " ".join(s.split())


def light_form(s: str) -> str:
    """Marks dropped, Persian letters and digits unified; hamza seats, ة and ى kept."""
    return _DROP.sub("", s).translate(_LIGHT_MAP_TABLE)


def light_to_key(s: str) -> str:
    """The key form of a light-form word (``normalize_key(w) == light_to_key(light_form(w))``
    for a single word)."""
    return s.translate(_LIGHT_TO_KEY_TABLE).lower()


@dataclass(init=False, frozen=True, slots=True)
class Normalized:
    """A normalized document and its alignment to the original.

    ``text`` has the characters of ``normalize_key`` applied one by one (whitespace is kept as is,
    so it is not collapsed). ``_norm_at``/``_orig_at`` are breakpoints: from normalized offset
    ``_norm_at[i]`` on, normalized and original offsets differ by ``_orig_at[i] - _norm_at[i]``
    until the next breakpoint.
    """

    original: str
    text: str
    _norm_at: tuple[int, ...]
    _orig_at: tuple[int, ...]
    # ``text`` with its whitespace collapsed (see ``collapsed``), made on first need
    _collapsed: str | None = field(default=None, compare=False, repr=False)

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        original: str,
        text: str,
        _norm_at: tuple[int, ...],
        _orig_at: tuple[int, ...],
        _collapsed: str | None = None,
    ) -> None:
        object.__setattr__(self, "original", original)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "_norm_at", _norm_at)
        object.__setattr__(self, "_orig_at", _orig_at)
        object.__setattr__(self, "_collapsed", _collapsed)

    def collapsed(self) -> str:
        """``text`` with each run of whitespace one space and none at either end: the document's
        ``normalize_key`` (but for the rare character whose lower case is longer, "İ"). Made once
        and shared: the place stage words it, the event stage looks for a repeated headline in
        it, and each split and joined the whole document again."""
        found = self._collapsed
        if found is None:
            found = " ".join(self.text.split())
            object.__setattr__(self, "_collapsed", found)
        return found

    def to_original(self, offset: int) -> int:
        """Original offset of the normalized character at ``offset`` (``len(text)`` maps to
        ``len(original)``)."""
        if offset >= len(self.text):
            return len(self.original)
        i = bisect.bisect_right(self._norm_at, offset) - 1
        if i < 0:
            return offset
        return offset + self._orig_at[i] - self._norm_at[i]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalized span ``text[start:end]``; the end takes in
        the diacritics and tatweel attached to the span's last letter."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        s = self.to_original(start)
        e = self.to_original(end - 1) + 1
        n = len(self.original)
        while e < n and _ATTACHED.match(self.original, e):
            e += 1
        return s, e

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


def normalize(text: str) -> Normalized:
    """Normalize ``text`` character by character, keeping the alignment to the original."""
    norm_at: list[int] = []
    orig_at: list[int] = []
    kept: list[str] = []
    pos = 0
    for dropped, m in enumerate(_DROP.finditer(text), start=1):
        if m.start() > pos:
            kept.append(text[pos : m.start()])
        pos = m.end()
        # after this dropped char, normalized offset (m.end() - dropped) maps to m.end()
        norm_at.append(m.end() - dropped)
        orig_at.append(m.end())
    kept.append(text[pos:])
    body = _map_text("".join(kept))
    lowered = body.lower()
    if len(lowered) != len(body):  # a few characters (e.g. "İ") grow when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in body)
    # consecutive dropped chars give several breakpoints at one normalized offset: keep the last
    na: list[int] = []
    oa: list[int] = []
    for n, o in zip(norm_at, orig_at, strict=True):
        if na and na[-1] == n:
            oa[-1] = o
        else:
            na.append(n)
            oa.append(o)
    return Normalized(text, lowered, tuple(na), tuple(oa))
