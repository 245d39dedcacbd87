"""Numbers and counted quantities: ``نحو 1100 عائلة``, ``ثلاثة آلاف``, ``عشرات المدنيين``, ``جنديين``.

Works on the token list (so clitics and normalization are already handled) and reports each
quantity phrase with offsets into the original text: qualifier + number + counted noun (+ a
trailing ``على الأقل``). Numbers that are years, times, percentages, dates or parts of names
(``عام 1100``, ``الساعة 5``, ``قصر 22 مايو``, ``اللواء 35``, ``القرار 2216``) are not counts.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from rasd.datafiles import read_yaml
from rasd.text.normalize import normalize_key
from rasd.text.types import Quantity, Token

DATA = Path(__file__).parent / "data"
Phrase = tuple[str, ...]


def _phrase(s: str) -> Phrase:
    return tuple(normalize_key(s).split())


@dataclass(frozen=True, slots=True)
class Unit:
    key: str  # normalized singular
    cls: str  # persons | families | objects | measures


class QuantityLexicon:
    """Number words, vague quantities, qualifiers and counted nouns, in key form."""

    def __init__(self, numbers: dict, counts: dict) -> None:
        self.units: dict[str, int] = {}
        for v, words in numbers["units"].items():
            for w in words:
                self.units[normalize_key(w)] = int(v)
        self.eleven = frozenset(normalize_key(w) for w in numbers["eleven_heads"])
        self.teen = frozenset(normalize_key(w) for w in numbers["teen"])
        self.tens = {normalize_key(w): int(v) for v, ws in numbers["tens"].items() for w in ws}
        self.hundreds = {normalize_key(w): int(v) for v, ws in numbers["hundreds"].items() for w in ws}
        self.mult: dict[str, int] = {}
        self.mult_dual: dict[str, int] = {}
        self.mult_plural: set[str] = set()
        for v, forms in numbers["multipliers"].items():
            self.mult_plural.update(normalize_key(w) for w in forms["plural"])
            for w in forms["singular"] + forms["plural"]:
                self.mult[normalize_key(w)] = int(v)
            for w in forms["dual"]:
                self.mult_dual[normalize_key(w)] = 2 * int(v)
        self.fractions = {normalize_key(w): float(v) for v, ws in numbers["fractions"].items() for w in ws}
        self.vague: dict[Phrase, int | None] = {}
        for v, ws in numbers["vague"].items():
            for w in ws:
                self.vague[_phrase(w)] = int(v)
        for v, ws in numbers["vague_with_article"].items():
            for w in ws:
                self.vague[_phrase(w)] = int(v)
        for w in numbers["unknown"]:
            self.vague[_phrase(w)] = None
        self.before: dict[Phrase, str] = {
            _phrase(w): q for q, ws in numbers["qualifiers_before"].items() for w in ws
        }
        self.after: dict[Phrase, str] = {
            _phrase(w): q for q, ws in numbers["qualifiers_after"].items() for w in ws
        }
        self.nouns: dict[str, Unit] = {}
        self.plural_forms: set[str] = set()
        for cls in ("persons", "families", "objects", "measures"):
            for entry in counts[cls]:
                u = Unit(normalize_key(entry["singular"]), cls)
                self.nouns.setdefault(u.key, u)
                for p in entry["plural"]:
                    self.nouns.setdefault(normalize_key(p), u)
                    self.plural_forms.add(normalize_key(p))
        self.not_duals = frozenset(normalize_key(w) for w in counts["not_duals"])
        self.name_heads = frozenset(normalize_key(w) for w in counts["name_heads"])
        self.year_heads = frozenset(_phrase(w) for w in counts["year_heads"])
        self.time_heads = frozenset(normalize_key(w) for w in counts["time_heads"])
        self.time_after = frozenset(normalize_key(w) for w in counts["time_after"])
        self.percent_after = frozenset(_phrase(w) for w in counts["percent_after"])
        self.year_after = frozenset(normalize_key(w) for w in counts["year_after"])
        self.vague_first = frozenset(p[0] for p in self.vague)
        # key forms a word token must have to start a quantity (number words with a leading
        # و/ب/ل/ف, vague words, dual nouns): the finder skips every other word at once
        heads = set(self.units) | set(self.tens) | set(self.hundreds) | set(self.mult) | set(self.mult_dual)
        heads |= self.eleven | self.teen | self.vague_first | set(self.fractions)
        starters = {p + w for w in heads for p in ("", "و", "ب", "ل", "ف", "وب", "ول", "فب")}
        starters |= {p + "لل" + w[2:] for w in heads if w.startswith("ال") for p in ("", "و")}
        for w, u in self.nouns.items():
            if w == u.key:  # duals: جنديين, سيارتين
                starters |= {
                    p + d for d in (w + "ين", w + "ان", w[:-1] + "تين", w[:-1] + "تان") for p in ("", "و")
                }
        self.starters = frozenset(starters)
        self.max_before = max(len(p) for p in self.before)
        # a phrase before a number ends with its last word (its first may carry و/ف: for a
        # one-word phrase that is the last word too); a phrase after one starts with its first
        self.before_last = frozenset(p[-1] for p in self.before)
        self.after_first = frozenset(p[0] for p in self.after)
        self.max_vague = max(len(p) for p in self.vague)

    @classmethod
    def load(cls, data_dir: Path = DATA) -> QuantityLexicon:
        numbers = read_yaml(data_dir / "numbers.yaml", "quantity lexicons")
        counts = read_yaml(data_dir / "counts.yaml", "quantity lexicons")
        return cls(numbers, counts)

    def number_word(self, w: str) -> bool:
        return (
            w in self.units or w in self.tens or w in self.hundreds or w in self.mult or w in self.mult_dual
        )

    def unit_of(self, tok: Token) -> Unit | None:
        """The counted noun a token is, by its base (``مدنيا`` → مدني, ``المدنيين`` → مدني)."""
        if tok.kind != "word":
            return None
        for w in (tok.base, tok.norm):
            u = self.nouns.get(w)
            if u is None and w.endswith("ا"):
                u = self.nouns.get(w[:-1])
            if u is not None:
                return u
        b = tok.base
        if len(b) >= 6 and b[-3:] in ("يين", "يون"):
            return Unit(b[:-2], "persons")  # nisba plurals: أربعة فلسطينيين, 5 سوريين
        return None

    def singular_of(self, tok: Token) -> Unit | None:
        """A person named in the singular (``جندي``, ``جنديا``, ``الجندي``) → its counted noun; not a
        plural, a dual or a thing."""
        if tok.kind != "word":
            return None
        for w in (tok.base, tok.base[:-1] if tok.base.endswith("ا") else ""):
            u = self.nouns.get(w)
            if u is not None and u.key == w and u.cls == "persons":
                return u
        return None

    def dual_of(self, tok: Token) -> Unit | None:
        """``جنديين`` → جندي, ``سيارتين`` → سياره: a dual noun counts 2 (not ``مدنيين``, a plural)."""
        b = tok.norm
        if len(b) < 5 or b[-2:] not in ("ين", "ان") or tok.kind != "word" or tok.base != b:
            return None
        if b in self.plural_forms or b in self.not_duals:
            return None
        stem = b[:-2]
        u = self.nouns.get(stem)
        if u is None and stem.endswith("ت"):
            u = self.nouns.get(stem[:-1] + "ه")
        if u is None or u.key != (stem if stem in self.nouns else stem[:-1] + "ه"):
            return None  # only the singular takes the dual ending
        return u


def parse_digits(s: str, multiplied: bool = False) -> float | None:
    """``1,100``/``1٬100`` → 1100, ``3.5``/``3٫5`` → 3.5, ``1.100`` → 1100 unless a multiplier
    follows (``1.5 مليون``)."""
    s = normalize_key(s)
    groups = re.split(r"([.,٫٬])", s)
    nums, seps = groups[::2], groups[1::2]
    if not all(g.isdecimal() for g in nums):
        return None  # "²", a lone separator: no figure
    if not seps:
        return float(int(s))
    if all(sp in ",٬" for sp in seps) and all(len(g) == 3 for g in nums[1:]):
        return float(int("".join(nums)))
    if len(seps) == 1 and seps[0] in ".٫":
        if seps[0] == "." and len(nums[1]) == 3 and not multiplied:
            return float(int("".join(nums)))
        return float(f"{nums[0]}.{nums[1]}")
    if len(seps) == 1 and seps[0] == "," and multiplied:
        return float(f"{nums[0]}.{nums[1]}")
    return None


class QuantityFinder:
    def __init__(self, lex: QuantityLexicon) -> None:
        self.lex = lex

    def find(self, text: str, tokens: list[Token], blocked: list[tuple[int, int]]) -> list[Quantity]:
        """Quantities in ``tokens``; tokens inside ``blocked`` spans (dates) are never counted."""
        out: list[Quantity] = []
        skip = _indices_inside(tokens, blocked)
        lex = self.lex
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            # cheap test first: most tokens cannot start a quantity
            if i in skip or tok.kind == "punct" or (tok.kind == "word" and tok.norm not in lex.starters):
                i += 1
                continue
            q = self._at(text, tokens, i, skip)
            if q is None:
                i += 1
                continue
            quantity, nxt = q
            out.append(quantity)
            i = max(nxt, i + 1)
        return out

    # -- one position -------------------------------------------------------------------------

    def _at(self, text: str, toks: list[Token], i: int, skip: set[int]) -> tuple[Quantity, int] | None:
        num = self._number(toks, i)
        if num is not None:
            value, j = num
            if value is None or self._not_a_count(toks, i, j, value):
                return None
            return self._phrase(text, toks, i, j, value, "exact", False, skip)
        vague = self._vague(toks, i)
        if vague is not None:
            value, j = vague
            qualifier = "at_least" if value is not None else "unknown"
            return self._phrase(text, toks, i, j, value, qualifier, True, skip)
        if toks[i].kind == "word":
            u = self.lex.dual_of(toks[i])
            if u is not None:
                t = toks[i]
                q = Quantity(t.start, t.end, t.text, 2, "exact", u.key, t.start, t.end, unit_class=u.cls)
                return self._qualified(text, toks, i, i + 1, q), i + 1
        return None

    def _phrase(
        self,
        text: str,
        toks: list[Token],
        i: int,
        j: int,
        value: int | None,
        qualifier: str,
        vague: bool,
        skip: set[int],
    ) -> tuple[Quantity, int]:
        start, end = _after_conj(text, toks[i]), toks[j - 1].end
        unit: tuple[str, int, int] | None = None
        cls: str | None = None
        k = j
        if k < len(toks) and toks[k].sentence == toks[i].sentence and k not in skip:
            # a digit or number word counts an indefinite noun (43 مدنيا); a vague word may take
            # the article (عشرات المدنيين); after من any may (43 من المدنيين). "173 اليوم" has no unit.
            nxt = toks[k]
            u = self.lex.unit_of(nxt) if vague or "ال" not in nxt.segments else None
            if u is None and nxt.norm == "من" and k + 1 < len(toks):
                u = self.lex.unit_of(toks[k + 1])
                if u is not None:
                    k += 1
            if u is not None:
                unit = (u.key, toks[k].start, toks[k].end)
                cls = u.cls
                end = toks[k].end
                k += 1
        unit_key, unit_start, unit_end = unit or (None, None, None)
        q = Quantity(
            start,
            end,
            text[start:end],
            value,
            qualifier,
            unit_key,
            unit_start,
            unit_end,
            vague=vague,
            unit_class=cls,
        )
        q = self._qualified(text, toks, i, k, q)
        return q, k

    def _qualified(self, text: str, toks: list[Token], i: int, k: int, q: Quantity) -> Quantity:
        """Add a qualifier written before (نحو, أكثر من) or after (على الأقل) the phrase."""
        start, end, qualifier = q.start, q.end, q.qualifier
        before = self._qualifier_before(text, toks, i)
        if before is not None:
            qualifier, start = before
        # (most numbers have no qualifier after them: one set test tells)
        after = (
            self._match(toks, k, self.lex.after, 3)
            if k < len(toks) and toks[k].norm in self.lex.after_first
            else None
        )
        if after is not None and after[1] < len(toks) and toks[after[1]].norm == "من":
            after = None  # "وأكثر من 40": the next quantity's qualifier, not "or more"
        if after is not None:
            qual, m = after
            qualifier = qual if qualifier in ("exact", "approx") or qual == "at_least" else qualifier
            end = toks[m - 1].end
        if (start, end, qualifier) == (q.start, q.end, q.qualifier):
            return q
        return dataclasses.replace(q, start=start, end=end, text=text[start:end], qualifier=qualifier)

    def _qualifier_before(self, text: str, toks: list[Token], i: int) -> tuple[str, int] | None:
        sent = toks[i].sentence
        j = i
        if j > 0 and toks[j - 1].norm in ("ال", "الـ"):  # قرابة الـ 100
            j -= 1
        if j == 0 or (
            toks[j - 1].norm not in self.lex.before_last and toks[j - 1].norm[1:] not in self.lex.before_last
        ):
            return None  # the word before ends no qualifier phrase (most numbers)
        for n in range(min(self.lex.max_before, j), 0, -1):
            seg = toks[j - n : j]
            if seg[0].sentence != sent:
                continue
            words = tuple(t.norm for t in seg)
            q = self.lex.before.get(words)
            if q is None and words[0][:1] in ("و", "ف") and len(words[0]) > 2:
                q = self.lex.before.get((words[0][1:], *words[1:]))
            if q is not None:
                return q, _after_conj(text, seg[0])
        return None

    def _match(
        self, toks: list[Token], i: int, table: dict[Phrase, str], longest: int
    ) -> tuple[str, int] | None:
        for n in range(min(longest, len(toks) - i), 0, -1):
            words = tuple(t.norm for t in toks[i : i + n])
            if words in table:
                return table[words], i + n
        return None

    # -- numbers ------------------------------------------------------------------------------

    def _number(self, toks: list[Token], i: int) -> tuple[int | None, int] | None:
        """(value, end) of a number written with digits or words starting at token ``i``, with
        the smaller part news adds in digits after a scale word ("ألف و500", "مليون و200 ألف")."""
        found = self._plain_number(toks, i)
        if found is None or found[0] is None:
            return found
        value, j = found[0], found[1]  # value: not None (checked above)
        scale = self._scale(toks[j - 1])
        if (
            scale
            and j + 1 < len(toks)
            and toks[j].norm == "و"
            and toks[j + 1].kind == "num"
            and toks[j + 1].sentence == toks[i].sentence
        ):
            rest = self._plain_number(toks, j + 1)
            if rest is not None and rest[0] is not None and rest[0] < scale:
                return value + rest[0], rest[1]
        return value, j

    def _scale(self, tok: Token) -> int | None:
        """The multiplier a scale word stands for (ألف, آلاف, ألفان, مليون ...), else None."""
        if tok.kind != "word":
            return None
        lex = self.lex
        for w in (tok.base, tok.norm):
            if w in lex.mult:
                return lex.mult[w]
            if w in lex.mult_dual:
                return lex.mult_dual[w] // 2
        return None

    def _plain_number(self, toks: list[Token], i: int) -> tuple[int | None, int] | None:
        tok = toks[i]
        lex = self.lex
        if tok.kind == "num":
            j = i + 1
            mult = lex.mult.get(toks[j].base) if j < len(toks) and toks[j].kind == "word" else None
            v = parse_digits(tok.text, multiplied=mult is not None)
            if v is None:
                return None, i + 1
            if mult:
                return round(v * mult), j + 1
            if v != int(v):
                return None, i + 1  # a bare decimal (3.5) is a measure, not a count
            return int(v), j
        if tok.kind != "word":
            return None
        w = self._word(tok, first=True)
        if w in lex.fractions and i + 1 < len(toks):
            scale = lex.mult.get(toks[i + 1].norm)
            if scale is not None and toks[i + 1].norm not in lex.mult_plural:
                return round(lex.fractions[w] * scale), i + 2  # "نصف مليون"
        if w is None or not (lex.number_word(w) or w in lex.eleven):
            return None
        if "ال" in tok.segments:
            return None  # الخمسة, الاثنين (Monday): not a bare count
        if w in lex.mult_plural:
            return None  # آلاف alone is the vague "thousands" (see _vague)
        if w in lex.teen and i > 0 and ((b := toks[i - 1].base) in lex.eleven or b in lex.units):
            return None  # the عشر of الأحد عشر: the head word was not a bare number
        total, cur, j = 0, 0, i
        first = True
        while j < len(toks):
            t = toks[j]
            w = self._word(t, first=first)
            if w is None:
                break
            nxt = self._word(toks[j + 1], first=True) if j + 1 < len(toks) else None
            if (w in lex.units or w in lex.eleven) and nxt in lex.teen:
                cur += (lex.units.get(w, 1) if w not in lex.eleven else 1) + 10
                j += 2
            elif w in lex.units:
                cur += lex.units[w]
                j += 1
            elif w in lex.tens:
                cur += lex.tens[w]
                j += 1
            elif w in lex.hundreds:
                v = lex.hundreds[w]
                cur = cur * 100 if v == 100 and 0 < cur < 10 else cur + v
                j += 1
            elif w in lex.mult:
                if cur == 0 and 0 < total < lex.mult[w]:
                    total *= lex.mult[w]  # "ألف مليار": a scale word of a scale word
                else:
                    total += (cur or 1) * lex.mult[w]
                cur = 0
                j += 1
            elif w in lex.mult_dual:
                total += lex.mult_dual[w]
                j += 1
            else:
                break
            first = False
            # go on with "و" + number word, or a hundred/multiplier word right after
            if j < len(toks):
                n2 = toks[j]
                joined = n2.norm[:1] == "و" and lex.number_word(n2.norm[1:])
                direct = n2.norm in lex.hundreds or n2.norm in lex.mult or n2.norm in lex.mult_dual
                if not (joined or direct) or n2.sentence != tok.sentence:
                    break
        value = total + cur
        if j == i or value == 0:
            return None
        return value, j

    def _word(self, tok: Token, first: bool) -> str | None:
        """The number-word form of a token: its norm, or its norm without a leading و (ب/ل/ف too
        on the first word: بخمسة, وعشرين)."""
        if tok.kind != "word":
            return None
        w = tok.norm
        lex = self.lex
        if lex.number_word(w) or w in lex.eleven or w in lex.teen:
            return w
        if len(w) > 2 and (w[0] == "و" or (first and w[0] in "بلف")):
            r = w[1:]
            if lex.number_word(r) or r in lex.eleven or (not first and r in lex.teen):
                return r
        return w

    def _vague(self, toks: list[Token], i: int) -> tuple[int | None, int] | None:
        lex = self.lex
        t0 = toks[i]
        if (
            t0.norm not in lex.vague_first
            and t0.base not in lex.vague_first
            and t0.norm[1:] not in lex.vague_first
        ):
            return None
        for n in range(min(lex.max_vague, len(toks) - i), 0, -1):
            seg = toks[i : i + n]
            words = tuple(t.norm for t in seg)
            if words not in lex.vague and seg[0].norm[:1] in ("و", "ب", "ل", "ف"):
                words = (seg[0].base if n == 1 else seg[0].norm[1:], *words[1:])
            if words in lex.vague and all(t.sentence == seg[0].sentence for t in seg):
                v = lex.vague[words]
                j = i + n
                # عشرات الآلاف, مئات الآلاف: the vague word multiplies the next one
                if v is not None and j < len(toks) and toks[j].base in lex.mult:
                    return v * lex.mult[toks[j].base], j + 1
                return v, j
        return None

    def _not_a_count(self, toks: list[Token], i: int, j: int, value: int) -> bool:
        """Years, times, percentages, references inside names."""
        lex = self.lex
        prev = toks[i - 1] if i > 0 else None
        prev2 = toks[i - 2] if i > 1 else None
        nxt = toks[j] if j < len(toks) else None
        if prev is not None:
            pn = prev.norm
            if (
                pn in lex.name_heads
                or prev.base in lex.name_heads
                or pn in lex.time_heads
                or pn in ("-", "/", ":")
            ):
                return True
            heads: set[tuple[str, ...]] = {(pn,), (prev.base,)}
            if prev2 is not None:
                heads.add((prev2.norm, pn))
            if heads & lex.year_heads:
                return True
        if nxt is not None:
            nn = nxt.norm
            if nn in lex.year_after or nn in lex.time_after or nn in ("/", ":", "-"):
                return True
            if (nn,) in lex.percent_after:
                return True
            if j + 1 < len(toks) and (nn, toks[j + 1].norm) in lex.percent_after:
                return True
        # a bare four-digit number that looks like a year, with nothing counted after it
        if toks[i].kind == "num" and 1900 <= value <= 2100 and j - i == 1:
            return not (nxt is not None and (lex.unit_of(nxt) or (nxt.norm == "من")))
        return False


_CONJ_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]*")


def _after_conj(text: str, tok: Token) -> int:
    """Start of a phrase's first token without its conjunction (ومئات → مئات, وأقل → أقل): the
    conjunction belongs to the clause, not to the quantity."""
    if tok.kind == "word" and tok.norm[:1] in ("و", "ف") and len(tok.norm) > 3 and tok.text[:1] in ("و", "ف"):
        return _CONJ_MARKS.match(text, tok.start + 1).end()  # type: ignore[union-attr]  # ``*``: always matches
    return tok.start


def _indices_inside(tokens: list[Token], spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that start inside one of ``spans`` (one pass, tokens in order)."""
    out: set[int] = set()
    if not spans:
        return out
    spans = sorted(spans)
    starts = [t.start for t in tokens]
    for s, e in spans:
        k = bisect.bisect_left(starts, s)
        while k < len(starts) and starts[k] < e:
            out.add(k)
            k += 1
    return out
