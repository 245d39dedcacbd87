"""Records of the text stage. Every offset is a character offset into the ORIGINAL text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rasd.frozen import Reduced, by_fields
from rasd.text.normalize import Normalized

# The actor stage's words in a surface (``rasd.actors.tokens``): each run of word characters as
# (start, end, lookup form, clitic forms with the original chars they cut), and whether the
# surface begins and ends with a word character (a word may go on into the next token).
ActorRuns = tuple[tuple[tuple[int, int, str, tuple[tuple[str, int], ...]], ...], bool, bool]


class WordType:
    """A word type (a token's surface as written) as the text stage reads it: made once per type
    (``Segmenter.token_info``, kept in its ``info_cache``) and shared by every token of that type
    (``Token.word``).

    The later stages keep here what they work out about a type, in slots filled on first need:
    a token then leads to it by a reference, where each stage used to hash the token's string
    again into a memo of its own (one dict lookup per token and stage, on fresh strings: see
    docs/batch.md, "Eighth round"). A slot is a cache, never pickled; the stage that fills it
    stamps it so it can tell a value made with an older state of its own tables.
    """

    __slots__ = (
        "surface",
        "norm",
        "segments",
        "base",
        "stem",
        "kind",
        "marks_stamp",
        "keys",
        "mask",
        "actor_shape",
        "actor_norm",
        "actor_forms",
        "actor_words",
    )

    def __init__(
        self, surface: str, norm: str, segments: tuple[str, ...], base: str, stem: str, kind: str
    ) -> None:
        self.surface = surface
        self.norm = norm
        self.segments = segments
        self.base = base
        self.stem = stem
        self.kind = kind
        # the event stage's lookup keys and word-set mask of the type (events/marks.py:
        # ``KeyMarks.tokens``), made with the registry state ``marks_stamp`` (0: not yet); kept
        # in slots of their own, not a tuple: one object fewer to reach per token
        self.marks_stamp = 0
        self.keys: frozenset[str] = frozenset()
        self.mask = 0
        # the actor stage's words in the surface (actors/tokens.py: ``token_words``): not made
        # yet (shape 0); the whole surface is one word (1: its lookup and clitic forms are
        # ``actor_norm`` and ``actor_forms``, the common case, read without a tuple between); or
        # any other case (2: ``actor_words``)
        self.actor_shape = 0
        self.actor_norm = ""
        self.actor_forms: tuple[tuple[str, int], ...] = ()
        self.actor_words: ActorRuns | None = None

    # Pickled without the stages' slots (caches), as a call to the constructor: the same in
    # Python and compiled with mypyc (setup.py), whose classes have no ``__dict__``.
    def __reduce__(self) -> tuple[type[WordType], tuple[str, str, tuple[str, ...], str, str, str]]:
        return (WordType, (self.surface, self.norm, self.segments, self.base, self.stem, self.kind))

    def __repr__(self) -> str:
        return f"WordType({self.surface!r}, {self.norm!r}, {self.segments!r}, {self.kind!r})"


# Sentence and Token are created by the hundred thousand: a frozen dataclass's __init__ costs
# ~6x a plain one, so they are plain (hashable, compared by value); treat them as read-only.
@dataclass(init=False, slots=True, unsafe_hash=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0  # index of the paragraph (line block) the sentence belongs to

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(self, start: int, end: int, text: str, paragraph: int = 0) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.paragraph = paragraph


@dataclass(init=False, slots=True, unsafe_hash=True)
class Token:
    text: str  # surface form as in the original
    start: int
    end: int
    norm: str  # normalized surface (see rasd.text.normalize)
    segments: tuple[str, ...] = ()  # clitic segmentation of ``norm``, e.g. ("و", "ب", "ال", "حسكه")
    base: str = ""  # ``norm`` without proclitics/article/enclitics: the lexicon lookup key
    stem: str = ""  # light stem for lexicon lookup across derived forms
    sentence: int = 0  # index into AnalyzedText.sentences
    kind: str = "word"  # word | num | punct (a run of dots is one punct token)
    # the token's word type, shared by all tokens of one surface (see WordType; None for a token
    # not made by ``tokenize``): not compared, it only says again what the fields above say
    word: WordType | None = field(default=None, compare=False, repr=False)

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        norm: str,
        segments: tuple[str, ...] = (),
        base: str = "",
        stem: str = "",
        sentence: int = 0,
        kind: str = "word",
        word: WordType | None = None,
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.norm = norm
        self.segments = segments
        self.base = base
        self.stem = stem
        self.sentence = sentence
        self.kind = kind
        self.word = word


@dataclass(init=False, frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: int | None
    qualifier: str = "exact"  # exact | approx | at_least | at_most | unknown
    unit: str | None = None  # the counted noun as written (normalized), e.g. "عائله", "مدني"
    unit_start: int | None = None
    unit_end: int | None = None
    vague: bool = False  # from a vague word (عشرات, مئات, عدد من) rather than a number
    unit_class: str | None = None  # persons | families | objects | measures (data/counts.yaml)

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        value: int | None,
        qualifier: str = "exact",
        unit: str | None = None,
        unit_start: int | None = None,
        unit_end: int | None = None,
        vague: bool = False,
        unit_class: str | None = None,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "qualifier", qualifier)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "unit_start", unit_start)
        object.__setattr__(self, "unit_end", unit_end)
        object.__setattr__(self, "vague", vague)
        object.__setattr__(self, "unit_class", unit_class)

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(init=False, frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: dt.date | None
    precision: int = 1  # 1 day, 2 within a week, 3 month
    # absolute (a calendar date) | relative (أمس, اليوم, الأسبوع الماضي) | weekday (يوم الخميس)
    # | since (منذ يومين) | to_date (حتى اليوم / إلى اليوم: "up to now", not the day of a happening)
    kind: str = "absolute"
    calendar: str = "gregorian"  # gregorian | hijri (as written; ``value`` is always Gregorian)

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        value: dt.date | None,
        precision: int = 1,
        kind: str = "absolute",
        calendar: str = "gregorian",
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "calendar", calendar)

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(init=False, slots=True)
class AnalyzedText:
    text: str
    published: dt.date | None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    normalized: Normalized | None = None  # the whole text normalized, with its offset map

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        text: str,
        published: dt.date | None,
        sentences: list[Sentence] | None = None,
        tokens: list[Token] | None = None,
        quantities: list[Quantity] | None = None,
        dates: list[DateMention] | None = None,
        normalized: Normalized | None = None,
    ) -> None:
        self.text = text
        self.published = published
        self.sentences = [] if sentences is None else sentences
        self.tokens = [] if tokens is None else tokens
        self.quantities = [] if quantities is None else quantities
        self.dates = [] if dates is None else dates
        self.normalized = normalized

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that contains ``offset`` (the last one starting before it)."""
        lo, hi = 0, len(self.sentences) - 1
        ans = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                ans, lo = mid, mid + 1
            else:
                hi = mid - 1
        return ans

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens lying wholly inside ``[start, end)`` (binary search over token starts)."""
        toks = self.tokens
        lo, hi = 0, len(toks)
        while lo < hi:
            mid = (lo + hi) // 2
            if toks[mid].start < start:
                lo = mid + 1
            else:
                hi = mid
        out = []
        for t in toks[lo:]:
            if t.start >= end:
                break
            if t.end <= end:
                out.append(t)
        return out

    def sentence_tokens(self, index: int) -> list[Token]:
        """Tokens of sentence ``index``."""
        s = self.sentences[index]
        return self.tokens_in(s.start, s.end)
