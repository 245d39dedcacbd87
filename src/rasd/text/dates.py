"""Date expressions resolved against the publication date (EVENTS.md, "Conventions: Dates").

Patterns run over the normalized text (key form: no diacritics, unified alef/ya/ta marbuta,
ASCII digits), built from the month/weekday/relative-day lexicon in ``data/dates.yaml``; each
match is mapped back to exact offsets in the original text through the normalization's offset
map. Resolution:

- ``أمس`` published − 1, ``أول من أمس`` − 2, ``اليوم`` published; a part of day (``مساء أمس``,
  ``فجر اليوم``) does not move the day; ``يوم أمس الخميس`` is one mention. Precision 1. A weekday
  named with them wins: ``أمس الأحد`` in a paper of Tuesday is Sunday (the latest Sunday on or
  before published − 1).
- A weekday (``يوم الخميس``) is the latest such weekday on or before published (``الخميس
  الماضي``: strictly before). Precision 1.
- ``منذ يومين`` published − 2 (precision 1), ``منذ أسبوع`` − 7 (precision 2), ``منذ أربعة أشهر``
  − 120 (precision 3); ``منذ أيام``, ``منذ أشهر`` are no date.
- ``الأسبوع الماضي`` published − 7, precision 2; ``الشهر الماضي`` the 1st of the previous
  month, precision 3; ``العام الماضي`` / ``السنة الماضية`` the 1st of the same month a year back,
  precision 3 (the contract has no year precision; what is dated so is background anyway).
- Day + month (+ year): that day, precision 1; without a year, the year that puts it on or
  before published (within a week after it). A month with no day (``في يوليو``): the 1st,
  precision 3. Numeric ``21/7/2015``, ``21.07.2015``, ``2015-07-21``. Hijri dates are converted
  with ``hijridate``.
- Relative expressions get ``value=None`` when ``published`` is None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
from hijridate import Gregorian, Hijri

from rasd.datafiles import read_yaml
from rasd.text.normalize import Normalized, normalize_key
from rasd.text.types import DateMention

DATA = Path(__file__).parent / "data"

_DIGIT = re.compile(r"\d")
_S = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))"  # word start, allowing one proclitic letter
_E = r"(?!\w)"
# where a word of the lexicon may stand in a date expression: every pattern names it so
_AT_WORD_START = re.compile(_S)
_WORD_GOES_ON = re.compile(r"\w")
# anchors that are a word of the lexicon (the others are منذ, which its pattern checks, and digits)
_WORD_ANCHORS = frozenset({"month", "hmonth", "wd", "rel", "period"})


def _alt(words: list[str]) -> str:
    keys = sorted({normalize_key(w) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in k.split()) for k in keys)


def _trie(words: list[str]) -> str:
    """The same alternation as :func:`_alt`, factored by common prefixes ("اب" "ابريل" →
    ``اب(?:ريل)?``). Keys are literal strings, so of two that match at one place one is a prefix
    of the other, and the greedy trie tries the longer first, as ``_alt``'s longest-first order
    does: the same match, with one branch per letter instead of one per word at each position."""
    root: dict[str, dict] = {}
    for key in sorted({normalize_key(w) for w in words}):
        node = root
        for piece in key:
            node = node.setdefault(r"\s+" if piece == " " else re.escape(piece), {})
        node[""] = {}  # a key ends here

    def emit(node: dict[str, dict]) -> str:
        alts = [tok + emit(child) for tok, child in node.items() if tok]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@dataclass(init=False, frozen=True, slots=True)
class _Found:
    start: int  # normalized offsets
    end: int
    value: dt.date | None
    precision: int
    kind: str
    calendar: str = "gregorian"

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        start: int,
        end: int,
        value: dt.date | None,
        precision: int,
        kind: str,
        calendar: str = "gregorian",
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "calendar", calendar)


class DateLexicon:
    def __init__(self, d: dict) -> None:
        def index(section: str) -> dict[str, int]:
            return {normalize_key(w): int(k) for k, ws in d[section].items() for w in ws}

        self.months = index("gregorian_months")
        self.hmonths = index("hijri_months")
        self.weekdays = index("weekdays")
        self.rel = index("relative_days")
        self.since_n = index("since_numbers")
        self.ordinals = index("ordinal_days")
        self.ambiguous_wd = frozenset(normalize_key(w) for w in d["ambiguous_weekdays"])
        self.not_wd_after = re.compile(rf"(?:^|\s)(?:{_alt(d['ambiguous_weekday_not_after'])})\s+$")
        self.not_wd_before = re.compile(rf"\s+(?:{_alt(d['ambiguous_weekday_not_before'])}){_E}")
        self.past = frozenset(normalize_key(w) for w in d["past_markers"])
        self.current = frozenset(normalize_key(w) for w in d["current_markers"])
        M, H, W, R = (_alt(list(x)) for x in (self.months, self.hmonths, self.weekdays, self.rel))
        POD = _alt(d["parts_of_day"])
        PAST = _alt(d["past_markers"])
        CUR = _alt(d["current_markers"])
        NEXT = _alt(d["next_markers"])
        OPEN = _alt(d["month_openers"])
        NOT_TODAY = _alt(d["today_not_before"])
        TO_DATE = _alt(d["to_date_before"])
        NAMES = _alt(d["date_name_heads"])
        SINCE = _alt(list(self.since_n))
        ORD = _alt(list(self.ordinals))
        year = r"(?:\s*[,،]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<y>\d{4})(?:\s*م" + _E + r")?)?"
        # One scan finds the words a date expression must contain (a month, a weekday, أمس...);
        # each pattern is then tried only at the few word starts just before such an anchor.
        # Running the eight patterns over every position of the text was the stage's hot spot.
        # The lookahead on the letters an anchor can start with lets the scan skip the other
        # positions with one set test instead of trying each alternative there.
        # The word lists are written as prefix tries here (_trie: the same matches), which
        # halves the scan: it runs over every position of the text.
        firsts = {k[0] for k in (*self.months, *self.hmonths, *self.weekdays, *self.rel)} | {"م", "ا"}
        tm, th, tw, tr = (_trie(list(x)) for x in (self.months, self.hmonths, self.weekdays, self.rel))
        self.anchor = re.compile(
            rf"(?=[{re.escape(''.join(sorted(firsts)))}\d])"
            rf"(?:(?P<month>{tm})|(?P<hmonth>{th})|(?P<wd>{tw})|(?P<rel>{tr})|(?P<since>منذ)"
            r"|(?P<period>الاسبوع|الشهر|العام|السنه)|(?P<num>\d{1,4}\s?[/.\-]\s?\d))"
        )
        # Every anchor starts with the first word of one of those keys or with a digit: an
        # Aho-Corasick automaton finds where those words occur, in C and in one pass, and the
        # anchor pattern is tried there only (see DateFinder._anchors). The period words are
        # the literal alternatives of the pattern above.
        heads = {k.split()[0] for k in (*self.months, *self.hmonths, *self.weekdays, *self.rel)}
        self.anchor_heads = ahocorasick.Automaton()
        for head in heads | {"منذ", "الاسبوع", "الشهر", "العام", "السنه"}:
            self.anchor_heads.add_word(head, len(head))
        self.anchor_heads.make_automaton()
        self.anchor_kinds: dict[str, tuple[str, ...]] = {
            "month": ("day_month", "ordinal", "month"),
            "hmonth": ("hijri",),
            "wd": ("day_month", "hijri", "relative", "weekday"),
            "rel": ("relative",),
            "since": ("since",),
            "period": ("period",),
            "num": ("numeric",),
        }
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            (
                "numeric",
                re.compile(
                    r"(?<![\d/.\-])(?:(?P<d>\d{1,2})(?P<s>[/.\-]|\s/\s)(?P<m>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
                    r"|(?P<y2>\d{4})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))(?![\d/]|\.\d)"
                    r"(?P<h>\s*ه(?!\w))?"
                ),
            ),
            (
                "day_month",
                re.compile(
                    # "الـ8 من يوليو": the day may carry the article
                    rf"(?:(?P<head>{NAMES})\s+)?(?:{_S}(?P<wd>{W}){_E}\s*[,،]?\s*)?(?<![\d.,/])(?:الـ?)?(?P<d>\d{{1,2}})"
                    rf"\s*(?:من\s+)?(?:شهر\s+)?{_S}(?P<m>{M}){_E}"
                    rf"(?:\s*[/(\-]\s*(?:{M})\s*\)?)?{year}(?:\s+(?P<next>{NEXT}){_E})?"
                ),
            ),
            (
                "ordinal",
                re.compile(
                    rf"(?:{_S}(?P<wd>{W}){_E}\s*[,،]?\s*)?(?:(?:يوم|في)\s+)?{_S}(?P<od>{ORD}){_E}\s+(?:من\s+)?"
                    rf"(?:شهر\s+)?{_S}(?P<m>{M}){_E}"
                    rf"(?:\s*[/(\-]\s*(?:{M})\s*\)?)?{year}(?:\s+(?P<next>{NEXT}){_E})?"
                ),
            ),
            (
                "hijri",
                re.compile(
                    rf"(?:{_S}(?P<wd>{W}){_E}\s*[,،]?\s*)?(?<![\d.,/])(?P<d>\d{{1,2}})?\s*(?:من\s+)?"
                    rf"(?P<shahr>شهر\s+)?{_S}(?P<m>{H}){_E}"
                    rf"(?:\s*(?:من\s+)?(?:عام|سنه)?\s*(?P<y>\d{{4}}))?(?P<h>\s*ه" + _E + r")?"
                ),
            ),
            (
                "month",
                re.compile(
                    rf"(?:{_S}(?P<open>{OPEN})\s+)?(?:{_S}(?P<shahr>شهر)\s+)?{_S}(?P<m>{M}){_E}"
                    rf"(?:\s*[/(\-]\s*(?:{M})\s*\)?)?{year}(?:\s+(?P<next>{NEXT}){_E})?"
                ),
            ),
            (
                "relative",
                re.compile(
                    rf"(?:{_S}(?P<todate>{TO_DATE})\s+)?(?:{_S}(?P<pod>{POD})\s+)?(?:(?P<yawm>يوم)\s+)?"
                    rf"{_S}(?P<rel>{R}){_E}(?:\s+(?P<wd>{W}){_E})?(?!\s+(?:{NOT_TODAY}){_E})"
                ),
            ),
            (
                "weekday",
                re.compile(
                    rf"(?:{_S}(?P<pod>{POD})\s+)?(?:{_S}(?P<yawm>يوم)\s+)?{_S}(?P<wd>{W}){_E}"
                    rf"(?:\s+(?P<past>{PAST}){_E}|\s+(?P<next>{NEXT}){_E})?"
                ),
            ),
            (
                "since",
                re.compile(
                    rf"{_S}منذ\s+(?:(?P<n>\d{{1,2}}|{SINCE})\s+)?(?P<u>يومين|ايام|يوما|اسبوعين|اسبوع|اسابيع|شهرين|شهر|اشهر|شهور){_E}"
                ),
            ),
            (
                "period",
                re.compile(
                    rf"(?:{_S}(?P<this>هذا|هذه)\s+)?{_S}(?P<per>الاسبوع|الشهر|العام|السنه)"
                    rf"(?:\s+(?P<past>{PAST})|\s+(?P<cur>{CUR}))?{_E}"
                ),
            ),
        ]

    @classmethod
    def load(cls, data_dir: Path = DATA) -> DateLexicon:
        return cls(read_yaml(data_dir / "dates.yaml", "date lexicon"))


class DateFinder:
    def __init__(self, lex: DateLexicon) -> None:
        self.lex = lex

    def find(
        self, norm: Normalized, published: dt.date | None
    ) -> tuple[list[DateMention], list[tuple[int, int]]]:
        """Date mentions, and the original spans of day-month names (``قصر 22 مايو``) that are
        neither dates nor counts."""
        found: list[_Found] = []
        names: list[tuple[int, int]] = []
        text = norm.text
        lex = self.lex
        patterns = dict(lex.patterns)
        # the starts each pattern has matched from (kind → offsets; few: most attempts fail)
        tried: dict[str, set[int]] = {kind: set() for kind in patterns}
        for am in self._anchors(text):
            a = am.start()
            group = am.lastgroup or "num"
            if group in _WORD_ANCHORS and not _whole_word(text, am):
                continue
            starts = _word_starts(text, a)
            for kind in lex.anchor_kinds[group]:
                pat = patterns[kind]
                done = tried[kind]
                for st in starts:
                    if done and st in done:
                        continue
                    m = pat.match(text, st)
                    if m is None or m.end() <= a or m.end() == m.start():
                        continue
                    done.add(st)
                    if kind == "day_month" and m.group("head"):
                        names.append(norm.span_to_original(m.start(), m.end()))
                    else:
                        f = getattr(self, f"_{kind}")(m, published)
                        if f is not None:
                            found.append(f)
                    break
        # longest match wins; earlier pattern wins a tie (numeric < day_month < ... < period)
        found.sort(key=lambda f: (f.start, -(f.end - f.start)))
        kept: list[_Found] = []
        for f in found:
            if kept and f.start < kept[-1].end:
                continue
            kept.append(f)
        out = []
        for f in kept:
            s, e = norm.span_to_original(f.start, f.end)
            out.append(DateMention(s, e, norm.original[s:e], f.value, f.precision, f.kind, f.calendar))
        return out, names

    def _anchors(self, text: str) -> Iterator[re.Match[str]]:
        """``lex.anchor.finditer(text)``, with the pattern tried only where an anchor can start:
        at a digit or an occurrence of a key's first word. Elsewhere the pattern cannot match, so
        these are the same matches (tried in order, the next one from where the last ended),
        without running the pattern's alternatives at every position of the text."""
        lex = self.lex
        starts = {end - n + 1 for end, n in lex.anchor_heads.iter(text)}
        starts.update(m.start() for m in _DIGIT.finditer(text))
        match = lex.anchor.match
        resume = 0
        for pos in sorted(starts):
            if pos >= resume and (m := match(text, pos)) is not None:
                resume = m.end()
                yield m

    # -- resolvers (each returns None for a match that is not a date) --------------------------

    def _numeric(self, m: re.Match[str], published: dt.date | None) -> _Found | None:
        if m.group("d"):
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
            if y < 100:
                y += 2000 if y < 50 else 1900
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if 1300 <= y <= 1500 or m.group("h"):  # 25 / 8 / 1436هـ
            value = _hijri_date(y, mo, d)
            return None if value is None else _Found(m.start(), m.end(), value, 1, "absolute", "hijri")
        value = _date(y, mo, d)
        if value is None:
            return None
        return _Found(m.start(), m.end(), value, 1, "absolute")

    def _day_month(self, m: re.Match[str], published: dt.date | None) -> _Found | None:
        d, mo = int(m.group("d")), self.lex.months[_key(m.group("m"))]
        if not 1 <= d <= 31:
            return None
        value = _with_year(m.group("y"), mo, d, published, bool(m.group("next")))
        start = m.start("wd") if m.group("wd") else m.start("d")
        return _Found(start, m.end(), value, 1, "absolute")

    def _ordinal(self, m: re.Match[str], published: dt.date | None) -> _Found | None:
        d, mo = self.lex.ordinals[_key(m.group("od"))], self.lex.months[_key(m.group("m"))]
        value = _with_year(m.group("y"), mo, d, published, bool(m.group("next")))
        start = m.start("wd") if m.group("wd") else m.start("od")
        return _Found(start, m.end(), value, 1, "absolute")

    def _hijri(self, m: re.Match[str], published: dt.date | None) -> _Found | None:
        mo = self.lex.hmonths[_key(m.group("m"))]
        has_day = m.group("d") is not None
        if not (has_day or m.group("shahr") or m.group("y") or m.group("h")):
            return None  # رمضان, رجب, صفر alone are names or words
        day = int(m.group("d")) if has_day else 1
        if not 1 <= day <= 30:
            return None
        hy: int | None = None
        if m.group("y"):
            hy = int(m.group("y"))
        elif published is not None:
            try:
                hy = Gregorian.fromdate(published).to_hijri().year
            except (ValueError, OverflowError):
                hy = None
        value = _hijri_date(hy, mo, day) if hy is not None else None
        if value is not None and not m.group("y") and published and value > published + dt.timedelta(days=7):
            value = _hijri_date(hy - 1, mo, day) if hy is not None else None
        if m.group("wd"):
            start = m.start("wd")
        elif has_day:
            start = m.start("d")
        else:
            start = m.start("shahr") if m.group("shahr") else m.start("m")
        return _Found(start, m.end(), value, 1 if has_day else 3, "absolute", "hijri")

    def _month(self, m: re.Match[str], published: dt.date | None) -> _Found | None:
        if not (m.group("open") or m.group("shahr") or m.group("y")):
            return None  # مارس is also a verb; a bare month name is not a date
        mo = self.lex.months[_key(m.group("m"))]
        value = _with_year(m.group("y"), mo, 1, published, bool(m.group("next")))
        start = m.start("shahr") if m.group("shahr") else m.start("m")
        return _Found(start, m.end(), value, 3, "absolute")

    def _relative(self, m: re.Match[str], published: dt.date | None) -> _Found | None:
        offset = self.lex.rel[_key(m.group("rel"))]
        kind = "to_date" if m.group("todate") and offset == 0 else "relative"
        if kind == "to_date":
            start = m.start()  # keep حتى/إلى in the text: the reader must see "up to today"
        else:
            start = min(m.start(g) for g in ("pod", "yawm", "rel") if m.group(g))
        value = published + dt.timedelta(days=offset) if published else None
        if value is not None and offset <= 0 and m.group("wd"):
            # "اليوم الأحد" / "أمس الأحد" in a paper dated Tuesday: written days before it was
            # printed (or crawled) — the named weekday is the day, the latest one on or before
            # the day the relative word gives (a quarter of such pairs disagree over SaudiNewsNet,
            # whose dates are when a page was collected, mostly by one to three days, up to six).
            back = (value.weekday() - self.lex.weekdays[_key(m.group("wd"))]) % 7
            value = value - dt.timedelta(days=back)
        return _Found(start, m.end(), value, 1, kind)

    def _weekday(self, m: re.Match[str], published: dt.date | None) -> _Found | None:
        w = _key(m.group("wd"))
        if w in self.lex.ambiguous_wd and not (
            m.group("pod") or m.group("yawm") or m.group("past") or m.group("next")
        ):
            text = m.string
            before = text[max(0, m.start() - 12) : m.start()]
            if self.lex.not_wd_after.search(before) or self.lex.not_wd_before.match(text, m.end()):
                return None  # بين الاثنين, الأحد عشر: "the two", "eleven"
        target = self.lex.weekdays[w]
        value = None
        if published is not None and m.group("next"):
            value = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
        elif published is not None:
            back = (published.weekday() - target) % 7
            if back == 0 and m.group("past"):
                back = 7
            value = published - dt.timedelta(days=back)
        return _Found(m.start(), m.end(), value, 1, "weekday")

    def _since(self, m: re.Match[str], published: dt.date | None) -> _Found | None:
        u, n = m.group("u"), m.group("n")
        if u == "يومين":
            days, prec = 2, 1
        elif u in ("اسبوع",):
            days, prec = 7, 2
        elif u == "اسبوعين":
            days, prec = 14, 2
        elif u == "شهر" and n is None:
            days, prec = 30, 3
        elif u == "شهرين":
            days, prec = 60, 3
        elif n is None:
            return None  # منذ أيام, منذ أسابيع: "for days", no date
        else:
            k = int(n) if n.isdecimal() else self.lex.since_n.get(n, 0)
            if not k:
                return None
            if u in ("ايام", "يوما"):
                days, prec = k, 1
            elif u in ("اشهر", "شهور", "شهر"):
                days, prec = 30 * k, 3
            else:
                days, prec = 7 * k, 2
        value = published - dt.timedelta(days=days) if published else None
        return _Found(m.start(), m.end(), value, prec, "since")

    def _period(self, m: re.Match[str], published: dt.date | None) -> _Found | None:
        if not (m.group("past") or m.group("cur") or m.group("this")):
            return None
        if m.group("per") in ("العام", "السنه"):
            # only "last year" is a date here: "هذا العام" spans the year up to the report
            if not m.group("past"):
                return None
            value = _year_before(published) if published is not None else None
            return _Found(m.start(), m.end(), value, 3, "relative")
        week = m.group("per") == "الاسبوع"
        value = None
        if published is not None:
            if week:
                value = published - dt.timedelta(days=7) if m.group("past") else published
            elif m.group("past"):
                value = (published.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            else:
                value = published.replace(day=1)
        return _Found(m.start(), m.end(), value, 2 if week else 3, "relative")


def _year_before(published: dt.date) -> dt.date:
    """``العام الماضي``: the same month a year back, 1st day (precision 3: ACLED has no year)."""
    return published.replace(year=published.year - 1, day=1)


def _whole_word(text: str, am: re.Match[str]) -> bool:
    """Whether the lexicon word an anchor found stands as a word (after at most one proclitic)
    where it is: the anchor scan finds "اب" (Ab, August) in "الارهاب" and "الان" in
    "الانتخابات", twenty times more often than the words, and each used to cost the three month
    patterns tried at a dozen starts. No pattern can match such a word as the lexicon's (each
    wants it at ``_S`` and, for one word, before ``_E``), so nothing is lost. A key of several
    words is checked at its start only: a shorter key may end before its space."""
    if _AT_WORD_START.match(text, am.start()) is None:
        return False
    found = am.group()
    return any(c.isspace() for c in found) or _WORD_GOES_ON.match(text, am.end()) is None


_WORD_START = re.compile(r"(?<!\w)\w")


def _word_starts(text: str, anchor: int, words: int = 6) -> list[int]:
    """Where a pattern around ``anchor`` may start: the starts of the few words before it (and
    one letter in, past a proclitic و/ف/ب/ل), then the anchor itself."""
    lo = max(0, anchor - 60)
    starts = [m.start() for m in _WORD_START.finditer(text, lo, anchor)][-words:]
    out: list[int] = []
    for st in starts:
        out.append(st)
        out.append(st + 1)
    out.append(anchor)
    return out


def _key(s: str) -> str:
    return " ".join(s.split())


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _hijri_date(y: int, m: int, d: int) -> dt.date | None:
    """Gregorian date of a Hijri date (hijridate covers 1343–1500 AH; outside that, None)."""
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def _with_year(
    year: str | None, month: int, day: int, published: dt.date | None, upcoming: bool = False
) -> dt.date | None:
    """The date with its written year, or the year that puts it on or before ``published``
    (allowing a week after it, for announced dates); with ``upcoming`` (المقبل) the first such
    date after ``published``."""
    if year:
        return _date(int(year), month, day)
    if published is None:
        return None
    value = _date(published.year, month, day)
    if value is None:
        return None
    if upcoming:
        return value if value > published else _date(published.year + 1, month, day)
    if value > published + dt.timedelta(days=7):
        value = _date(published.year - 1, month, day)
    return value
