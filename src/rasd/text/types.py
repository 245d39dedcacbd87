"""Records of the text stage. Every offset is a character offset into the ORIGINAL text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0  # index of the paragraph (line block) the sentence belongs to


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # surface form as in the original
    start: int
    end: int
    norm: str  # normalized surface (see rasd.text.normalize)
    segments: tuple[str, ...] = ()  # clitic segmentation of ``norm``, e.g. ("و", "ب", "ال", "حسكه")
    base: str = ""  # ``norm`` without proclitics/article/enclitics: the lexicon lookup key
    stem: str = ""  # light stem for lexicon lookup across derived forms
    sentence: int = 0  # index into AnalyzedText.sentences


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: int | None
    qualifier: str = "exact"  # exact | approx | at_least | at_most | unknown
    unit: str | None = None  # the counted noun as written (normalized), e.g. "عائله", "مدني"
    unit_start: int | None = None
    unit_end: int | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: dt.date | None
    precision: int = 1  # 1 day, 2 within a week, 3 month


@dataclass(slots=True)
class AnalyzedText:
    text: str
    published: dt.date | None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

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
        return [t for t in self.tokens if t.start >= start and t.end <= end]
