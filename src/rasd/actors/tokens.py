"""Words of a text in the shared lookup form, with offsets into the original and clitic variants.

Lexicon phrases and document text are both cut by :func:`words`, so an alias and a passage meet
word by word in ``normalize_key`` form. Each document word also carries the forms it takes once a
proclitic is stripped (``وداعش`` → ``داعش``, ``للحوثيين`` → ``الحوثيين``), with how many original
characters the clitic covered, so a mention's span can start after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import NamedTuple, cast

from rasd.text import Token, normalize_key
from rasd.text.types import ActorRuns, WordType

# Word characters plus Arabic diacritics/tatweel, which are not \w but sit inside words ("مصدرٌ").
_WORD = re.compile("(?:[^\\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+")
# The same, captured: ``split`` keeps the words between the gaps.
_WORD_PARTS = re.compile(f"({_WORD.pattern})")
# The same on a text without "_" (where ``[^\W_]`` is ``\w``), as one character class: about
# three times faster in ``re`` than the alternation of two classes.
_WORD_PARTS_NO_UNDERSCORE = re.compile("([\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+)")
# What may sit between two words of one name: spaces, quotes, brackets, dots and dashes
# ("بي.كيه.كيه", 'قوات "قسد"', "تنظيم «داعش»"). Commas, full stops followed by a space and line
# breaks end a name.
_GAP = re.compile(r"[ \t\u00a0\"'«»“”„‘’()\[\].\-_/]{0,4}")
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


# A NamedTuple rather than a frozen dataclass: a document makes hundreds of these and a frozen
# dataclass's __init__ costs about three times a tuple's (immutable and hashable all the same).
class Word(NamedTuple):
    norm: str  # normalize_key form of the word
    start: int  # offsets into the original text
    end: int
    forms: tuple[tuple[str, int], ...]  # (form, original chars of stripped proclitics), own form first


_NORM_OF, _FORMS_OF = itemgetter(0), itemgetter(1)
_new_word = tuple.__new__  # Word(...) from a row, without the Python-level __new__ of a NamedTuple


def norm_words(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as a tuple of lookup-form words (no clitic stripping)."""
    return tuple(m.group() for m in _WORD.finditer(normalize_key(phrase)))


def _add_form(out: list[tuple[str, int]], seen: set[str], form: str, cut: int) -> None:
    if len(form) >= 2 and form not in seen:
        seen.add(form)
        out.append((form, cut))


def _clitic_forms(norm: str) -> list[tuple[str, int]]:
    """Forms of ``norm`` with proclitics stripped, and how many normalized chars were stripped."""
    # (A module-level helper, not a nested function: compiled with mypyc, a closure and its
    # environment point at each other, a reference cycle per call that only the cyclic garbage
    # collector frees; it was most of the cyclic garbage a document left.)
    out = [(norm, 0)]
    seen = {norm}
    stems = [(norm, 0)]
    if norm[:1] in _CONJ and len(norm) > 3:
        stems.append((norm[1:], 1))
    for stem, cut in list(stems):
        if stem.startswith("لل") and len(stem) > 3:
            # ل + ال is written لل; the preposition cannot be cut off the written word, so the
            # span keeps it ("للحوثيين") and only a conjunction before it is left out.
            _add_form(out, seen, "ال" + stem[2:], cut)
        if stem[:1] in _PREP and len(stem) > 3:
            _add_form(out, seen, stem[1:], cut + 1)
        if cut:
            _add_form(out, seen, stem, cut)
    return out


def bare_forms(norm: str) -> frozenset[str]:
    """A lookup-form word with its proclitics and then its article stripped ("بحزام" → "حزام",
    "والمفخخة" → "مفخخة"), with every form between, for tests against plain-word lists."""
    forms = {form for form, _ in _clitic_forms(norm)}
    return frozenset(forms | {f[2:] for f in forms if f.startswith("ال") and len(f) > 4})


# len(normalize_key(ch)) by character: ``_orig_offset`` asks it of the first letters of every
# word with a proclitic, and a regex substitution per letter was most of a new word's cost here
_KEY_LEN: dict[str, int] = {}


def _key_len(ch: str) -> int:
    k = _KEY_LEN.get(ch)
    if k is None:
        k = _KEY_LEN[ch] = len(normalize_key(ch))
    return k


def _orig_offset(raw: str, cut: int) -> int:
    """Original index in ``raw`` of normalized character ``cut`` (diacritics of the clitic skipped)."""
    n = 0
    for i, ch in enumerate(raw):
        k = _key_len(ch)
        if n >= cut and k:
            return i
        n += k
    return len(raw)


def _word_forms(raw: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """Lookup form and clitic-stripped forms of one written word (a pure function of the string)."""
    norm = normalize_key(raw)
    if not norm:
        return norm, ()
    return norm, tuple((form, _orig_offset(raw, cut) if cut else 0) for form, cut in _clitic_forms(norm))


# _word_forms by written word: news repeats its vocabulary. A plain dict (emptied when full),
# looked up for all the words of a text at once with ``map``.
_FORMS: dict[str, tuple[str, tuple[tuple[str, int], ...]]] = {}
_FORMS_MAX = 200_000


def _memo_forms(raw: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """``_word_forms(raw)``, through the memo."""
    wf = _FORMS.get(raw)
    if wf is None:
        if len(_FORMS) >= _FORMS_MAX:
            _FORMS.clear()
        wf = _FORMS[raw] = _word_forms(raw)
    return wf


def _shape(w: WordType) -> int:
    """Work out the words inside a token's surface, once per word type, and keep them on it
    (``WordType.actor_shape`` and the slots it names); returns the shape."""
    surface = w.surface
    if w.kind == "word" and surface.isalpha() and w.norm:
        # letters only (most types): one word, the whole surface (``_WORD``'s class holds every
        # letter). Its lookup form is the text stage's: for letters, ``normalize_key(s) ==
        # light_to_key(light_form(s))`` (same marks dropped, then the same mapping per character,
        # none of them to a space: checked over all of Unicode by tests/actors/test_token_words.py).
        # Not through the ``_FORMS`` memo: a type's surface is new here, and the memo serves
        # ``words()`` and the words joined across tokens.
        norm = w.norm
        forms = tuple([(form, _orig_offset(surface, cut) if cut else 0) for form, cut in _clitic_forms(norm)])
        w.actor_words = (((0, len(surface), norm, forms),), True, True)
        w.actor_norm, w.actor_forms = norm, forms
        w.actor_shape = 1
        return 1
    runs = tuple((m.start(), m.end(), *_memo_forms(m.group())) for m in _WORD.finditer(surface))
    w.actor_words = (runs, bool(runs) and runs[0][0] == 0, bool(runs) and runs[-1][1] == len(surface))
    if len(runs) == 1 and runs[0][1] - runs[0][0] == len(surface) and runs[0][2]:
        w.actor_norm, w.actor_forms = runs[0][2], runs[0][3]
        w.actor_shape = 1
    else:
        w.actor_shape = 2
    return w.actor_shape


def token_words(text: str, tokens: list[Token]) -> list[Word]:
    """``words(text)``, from the text stage's tokens of ``text``: the same words, without
    splitting the text again or looking each word up by its string.

    Every word character lies in some token (the tokenizer leaves out only whitespace and
    invisible controls), so a word is either a run of word characters inside one token, or
    such runs of adjacent tokens that meet with a word character on each side ("و12", "بـ5",
    where the tokenizer cuts letters from digits): those are joined here. The runs of each
    token come from its word type (``WordType.actor_shape``), worked out once per type."""
    rows: list[tuple[str, int, int, tuple[tuple[str, int], ...]]] = []
    open_end = -1  # end of the last word when it reaches the end of its token, else -1
    blank = False  # some word has no lookup form (marks only): left out at the end
    for t in tokens:
        w = t.word
        if w is None:  # tokens not made by the text stage: split the text
            return words(text)
        shape = w.actor_shape or _shape(w)
        start = t.start
        if shape == 1 and open_end != start:  # the token is one word (most tokens)
            rows.append((w.actor_norm, start, t.end, w.actor_forms))
            open_end = t.end
            continue
        runs, first, last = cast("ActorRuns", w.actor_words)  # made by _shape
        if not runs:
            open_end = -1
            continue
        k = 0
        if first and open_end == start:
            # the last word goes on into this token: one word of both
            s, e = rows[-1][1], start + runs[0][1]
            norm, forms = _memo_forms(text[s:e])
            rows[-1] = (norm, s, e, forms)
            blank = blank or not norm
            k = 1
        for j in range(k, len(runs)):
            rs, re_, norm, forms = runs[j]
            rows.append((norm, start + rs, start + re_, forms))
            blank = blank or not norm
        open_end = t.end if last else -1
    if blank:
        rows = [r for r in rows if r[0]]
    return list(map(_new_word, repeat(Word), rows))


def words(text: str) -> list[Word]:
    """The words of ``text`` with offsets into it and their clitic-stripped forms."""
    # Whole-list operations that run in C instead of one Python iteration per word: one split
    # gives the words and the text between them, alternating (gap, word, ..., gap), and the
    # running sum of their lengths gives each word's span; the forms come from the memo.
    parts = (_WORD_PARTS if "_" in text else _WORD_PARTS_NO_UNDERSCORE).split(text)
    raws = parts[1::2]
    if not raws:
        return []
    found = list(map(_FORMS.get, raws))
    if None in found:  # written words not seen before
        for k, wf in enumerate(found):
            if wf is None:
                found[k] = _memo_forms(raws[k])
    filled = cast("list[tuple[str, tuple[tuple[str, int], ...]]]", found)  # no None left
    bounds = list(accumulate(map(len, parts)))
    norms, forms = list(map(_NORM_OF, filled)), list(map(_FORMS_OF, filled))
    # word k is parts[2k + 1]: it spans [bounds[2k], bounds[2k + 1])
    rows: Iterable[tuple[str, int, int, tuple[tuple[str, int], ...]]]
    rows = zip(norms, bounds[0:-1:2], bounds[1::2], forms, strict=True)
    if "" in norms:  # a word of marks only has no lookup form: left out
        rows = compress(rows, norms)
    return list(map(_new_word, repeat(Word), rows))


def joinable(text: str, left: Word, right: Word) -> bool:
    """Whether ``left`` and ``right`` may belong to one name (only spaces/quotes/dots between)."""
    gap = text[left.end : right.start]
    if "\n" in gap or ". " in gap:
        return False
    return _GAP.fullmatch(gap) is not None


_PAIRS = (("«", "»"), ("“", "”"), ("(", ")"))


def close_quotes(text: str, start: int, end: int) -> int:
    """``end`` moved past a closing quote when the span opens one it does not close:
    'قوات "قسد' → 'قوات "قسد"', 'تنظيم «داعش' → 'تنظيم «داعش»'."""
    span = text[start:end]
    nxt = text[end : end + 1]
    if nxt == '"' and span.count('"') % 2 == 1:
        return end + 1
    for open_, close in _PAIRS:
        if nxt == close and span.count(open_) > span.count(close):
            return end + 1
    return end
