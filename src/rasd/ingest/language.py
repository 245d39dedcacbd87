"""A cheap, honest language check: the dominant script, then function words within it.

Rasd reads Arabic and English; the check only has to tell those apart from everything else, and
say what the rest is when it can. Counting letters per script settles most cases (Arabic vs
Latin vs Cyrillic ...); within the Arabic and Latin scripts the share of tokens that are common
function words of each language (``data/languages.yaml``) separates Arabic from Persian/Urdu and
English from French, Spanish and the like. Scripts without a profile give ``und-<Script>`` (BCP 47
"undetermined language in this script") rather than a guessed code.

No extra dependency: a statistical detector would also be right on these easy cases and has no
advantage on the hard ones (very short texts), which this check leaves undetermined (``None``),
so they are kept rather than skipped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from rasd.datafiles import parse_yaml

MIN_LETTERS = 20  # below this the text is too short to judge: undetermined, kept
MIN_SHARE = 0.04  # a language must cover this share of the tokens to be named
SHORT_TOKENS = 30  # below this, a Latin-script text with no function words is left undetermined

_TOKEN = re.compile(r"\w+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]")
# the letters of each script the profiles read, as code point ranges (inclusive)
_ARABIC_RANGES = (
    (0x0620, 0x064A),
    (0x066E, 0x06D3),
    (0x06FA, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFC),
)
_LATIN_RANGES = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xFF), (0x100, 0x24F))


def _class(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]")


_ARABIC = _class(_ARABIC_RANGES)
_LATIN = _class(_LATIN_RANGES)
# ``str.translate`` table counting both scripts in one pass: an Arabic letter becomes "a", a
# Latin one "l", everything else of the Basic Multilingual Plane is deleted (a character past the
# table is kept as it is, and counts for neither)
_ARABIC_MARK, _LATIN_MARK = "a", "l"
_SCRIPT_TABLE: list[str | None] = [None] * 0x10000
for _ranges, _mark in ((_ARABIC_RANGES, _ARABIC_MARK), (_LATIN_RANGES, _LATIN_MARK)):
    for _a, _b in _ranges:
        _SCRIPT_TABLE[_a : _b + 1] = [_mark] * (_b + 1 - _a)
_NOT_LETTERS = " \n\t0123456789.,،:;؛\"'()-«»"  # common in news and never letters (_LETTER)
_SCRIPT_KEYS = {"ARABIC": "arabic_script", "LATIN": "latin_script"}
_SCRIPT_TAGS = {
    "ARABIC": "Arab",
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "HEBREW": "Hebr",
    "GREEK": "Grek",
    "CJK": "Hani",
    "HIRAGANA": "Jpan",
    "KATAKANA": "Jpan",
    "HANGUL": "Kore",
    "DEVANAGARI": "Deva",
    "THAI": "Thai",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "ETHIOPIC": "Ethi",
}


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    head = name.split(" ", 1)[0]
    return head if head in _SCRIPT_TAGS else ("OTHER" if name else None)


@dataclass(frozen=True, slots=True)
class LanguageGuesser:
    """Function-word profiles per script, loaded once and handed to whoever reads documents."""

    profiles: dict[str, dict[str, frozenset[str]]]  # script key → language → function words
    non_arabic_letters: frozenset[str]  # Arabic-script letters of Persian, Urdu ... not of Arabic

    @classmethod
    def load(cls) -> LanguageGuesser:
        raw = parse_yaml(resources.files("rasd.ingest").joinpath("data/languages.yaml").read_text("utf-8"))
        letters = frozenset(raw.pop("non_arabic_letters"))
        profiles = {
            script: {lang: frozenset(words) for lang, words in langs.items()} for script, langs in raw.items()
        }
        return cls(profiles, letters)

    def guess(self, text: str, sample: int = 3000) -> str | None:
        """An ISO 639-1 code ("ar", "en", "fr" ...), ``und-<Script>``, or None when too short to say."""
        head = text[:sample]
        # Both scripts counted in one ``translate`` through a table, in C: a list of matches (a
        # string object per letter) made the check 8 % of `rasd extract`, a pattern per script
        # twice the time of the table.
        marks = head.translate(_SCRIPT_TABLE)
        arabic = marks.count(_ARABIC_MARK)
        latin = marks.count(_LATIN_MARK)
        counts = {"ARABIC": arabic, "LATIN": latin}
        # Letters are counted only when the two scripts fall short of what they could be: the
        # characters less the spaces, digits and punctuation counted by ``str.count`` (none is a
        # letter) bound the letters from above, and the class pattern is the slow count.
        bound = len(head) - sum(map(head.count, _NOT_LETTERS))
        if arabic + latin < bound * 0.9 and arabic + latin < _count(_LETTER, head) * 0.9:
            # another script may lead: name it
            for ch in _LETTER.findall(head):
                if not (_ARABIC.match(ch) or _LATIN.match(ch)):
                    s = _script(ch)
                    if s:
                        counts[s] = counts.get(s, 0) + 1
        if sum(counts.values()) < MIN_LETTERS:
            return None
        script = max(counts, key=counts.__getitem__)
        tag = f"und-{_SCRIPT_TAGS.get(script, 'Zyyy')}"
        profile = self.profiles.get(_SCRIPT_KEYS.get(script, ""))
        if not profile:
            return tag
        tokens = list(map(str.lower, _TOKEN.findall(head)))
        scores = {lang: sum(map(words.__contains__, tokens)) / len(tokens) for lang, words in profile.items()}
        best = max(scores, key=scores.__getitem__)
        if scores[best] >= MIN_SHARE:
            return best
        if script == "ARABIC":
            # Few function words (a list of headlines, a caption): letters used only by Persian, Urdu
            # and the like are rare in Arabic, so without them the text is taken as Arabic.
            foreign = sum(map(head.count, self.non_arabic_letters))
            return "ar" if foreign < 0.01 * arabic else tag
        # A short Latin-script text without function words (a headline, a caption) could be
        # English: undetermined, so kept. Longer prose in a profiled language always has them.
        return None if len(tokens) < SHORT_TOKENS else tag


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the one-character ``pattern`` matches."""
    return len(text) - len(pattern.sub("", text))
