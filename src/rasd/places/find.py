"""find_places: names → readings → mentions, then sublocations attached to their town."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress, count

from rasd.datafiles import read_yaml
from rasd.places.gazetteer import COUNTRY, Gazetteer, Lexicon
from rasd.places.match import NormText, RawMatch, add_context, normalize_text, prev_word_in, scan
from rasd.places.resolve import Reading, choose, mention_of, one_sense_per_name
from rasd.places.transliterated import transliterated_towns
from rasd.places.types import PlaceMention
from rasd.records import Location
from rasd.text import normalize_key
from rasd.text.types import AnalyzedText

MAX_NAME_WORDS = 3  # words of a sublocation name after its frame ("دوار الباسل", "السوق المركزي")
SENTENCES_BACK = 3  # how far back a sublocation looks for its town when its sentence names none


def find_places(analyzed: AnalyzedText, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place phrase of the document, resolved, in text order (offsets into ``analyzed.text``)."""
    if not analyzed.text or gazetteer.lexicon is None:
        return []
    lex = gazetteer.lexicon
    shared = analyzed.normalized  # the text stage's normal form, when it is of this text
    if shared is not None and shared.original == analyzed.text:
        nt = normalize_text(analyzed.text, shared.text, shared.collapsed())
    else:
        nt = normalize_text(analyzed.text)
    raw = [c for m in scan(nt, gazetteer) if (c := add_context(m, nt, lex)) is not None]
    _countries_beside(raw, nt, lex)
    chosen = one_sense_per_name(choose(raw, gazetteer), gazetteer)
    places = {m.first: (m, r, mention_of(m, r, conf, nt, gazetteer)) for m, r, conf in chosen}
    subs = _sublocations(nt, lex, places)
    for first in subs.consumed:
        places.pop(first, None)
    mentions = [pm for _m, _r, pm in places.values()]
    sub_spans = [(p.start, p.end) for p in subs.with_town] + subs.free
    mentions += [
        t
        for t in transliterated_towns(nt.text, mentions, gazetteer)
        if not any(s < t.end and t.start < e for s, e in sub_spans)
    ]
    sentence_of = _sentence_index(analyzed)
    towns = [pm for pm in mentions if pm.kind == "town"] + subs.with_town
    resolved = list(subs.with_town)
    for s, e in subs.free:
        resolved.append(_attach(nt.text, s, e, towns, mentions, sentence_of, gazetteer))
    resolved += _whole_country(analyzed.text, mentions, gazetteer)
    taken = [(p.start, p.end) for p in mentions + resolved]
    resolved += [
        p
        for p in _unnamed_towns(analyzed.text, gazetteer)
        if not any(s < p.end and p.start < e for s, e in taken)
    ]
    return sorted(mentions + resolved, key=lambda p: (p.start, p.end))


# "في كل أنحاء البلاد", "في مختلف أنحاء البلاد": the whole of the country the report is about
_WHOLE_COUNTRY = re.compile(r"(?:كل|كافة|جميع|مختلف|سائر)\s+[أاإ]نحاء\s+(?:البلاد|المملكة|الدولة)")


# "في بلدة تركية على الحدود السورية": a town the text leaves unnamed, in a named country. The
# phrase is ``(?<!\w)[وب]?`` + this; the pattern starts at the frame word so that ``re`` can skip
# to the letters one starts with (with the lookbehind first it tried every position).
_UNNAMED_TOWN = re.compile(r"(?:بلدة|مدينة|قرية|منطقة|ولاية)\s+(\w+)")
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=1)
def _adjective_countries() -> dict[str, str]:
    """Nationality adjective (normalized, masculine and feminine) → ISO2. The facts live with the
    actor stage's country table (one table for both stages)."""
    table = read_yaml(resources.files("rasd.actors") / "data" / "countries.yaml", "country adjectives") or {}
    out: dict[str, str] = {}
    for iso, entry in table.items():
        for adj in entry.get("adjectives", []):
            base = normalize_key(adj)
            for form in (base, base + "ه", "ال" + base, "ال" + base + "ه"):
                out[form] = iso
    return out


def _unnamed_town_phrases(text: str) -> Iterator[tuple[int, int, str]]:
    r"""(start, end, the word after the frame) of each unnamed-town phrase: what
    ``finditer(r"(?<!\w)[وب]?(?:بلدة|...)\s+(\w+)")`` finds (a test compares them). A frame word
    glued to a word that is not one proclitic letter is no phrase; the search then goes on from
    the next character, as ``finditer`` would."""
    pos, search, word_char = 0, _UNNAMED_TOWN.search, _WORD_CHAR.match
    while (m := search(text, pos)) is not None:
        start = m.start()
        if start > 0 and word_char(text, start - 1):
            if text[start - 1] in "وب" and (start == 1 or not word_char(text, start - 2)):
                start -= 1
            else:
                pos = m.start() + 1
                continue
        yield start, m.end(), m.group(1)
        pos = m.end()


def _unnamed_towns(text: str, gz: Gazetteer) -> list[PlaceMention]:
    out = []
    for start, end, word in _unnamed_town_phrases(text):
        cc = _adjective_countries().get(normalize_key(word))
        if cc:
            phrase = text[start:end]
            loc = Location(name=gz.country_name(cc) or cc, text=phrase, country=cc, precision=3)
            out.append(PlaceMention(start, end, phrase, loc, "country", 0.5))
    return out


BESIDE_CHARS = 120  # about a clause
_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _countries_beside(raw: list[RawMatch], nt: NormText, lex: Lexicon) -> None:
    """Each name's ``beside``: the countries its own sentence names as a place within BESIDE_CHARS
    ("مدينة أريحا ... في شمال غرب سورية"), and the one a nationality adjective right after it
    names ("بلدة الزبداني السورية"). resolve.choose takes them over the document's vote. A country
    counts only where the text places something in it (after "في", "ب", a compass word), not as an
    adjective ("قوات كردية سورية") or a neighbour ("على الحدود مع مصر")."""
    named = [
        (m.nstart, m.candidates[0].ref)
        for m in raw
        if len(m.candidates) == 1
        and m.candidates[0].kind == COUNTRY
        and (m.vicinity or "ب" in m.prefix or prev_word_in(nt, m.first, lex.locative_prepositions))
        and "حدود" not in nt.norm[max(0, m.nstart - 12) : m.nstart]
    ]
    for m in raw:
        near = {
            str(cc)
            for at, cc in named
            if at != m.nstart
            and abs(at - m.nstart) <= BESIDE_CHARS
            and not _SENTENCE_END.search(nt.norm, min(at, m.nstart), max(at, m.nstart))
        }
        if m.last + 1 < len(nt.strings) and (cc := _adjective_countries().get(nt.strings[m.last + 1])):
            near.add(cc)
        m.beside = frozenset(near)


def document_country(mentions: list[PlaceMention]) -> str | None:
    """The country the document names most often (ISO2), if it names any."""
    countries = Counter(m.location.country for m in mentions if m.location.country)
    return countries.most_common(1)[0][0] if countries else None


def _whole_country(text: str, mentions: list[PlaceMention], gz: Gazetteer) -> list[PlaceMention]:
    if "نحاء" not in text:
        return []  # every phrase holds it ("أنحاء"): one substring search instead of the pattern's
    cc = document_country(mentions)
    if cc is None:
        return []
    name = gz.country_name(cc) or cc
    return [
        PlaceMention(
            m.start(),
            m.end(),
            m.group(),
            Location(name=name, text=m.group(), country=cc, precision=3),
            "country",
            0.5,
        )
        for m in _WHOLE_COUNTRY.finditer(text)
    ]


@dataclass(slots=True)
class _Subs:
    with_town: list[PlaceMention]  # "<frame> <town>": the town itself, phrase as sublocation
    free: list[tuple[int, int]]  # original spans of sublocations still to attach to a town
    consumed: set[int]  # first words of place matches absorbed into a sublocation phrase


_FRAME_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب")


def _frame_word(word: str, lex: Lexicon) -> tuple[str, int] | None:
    """The sublocation frame a word is (without proclitics) and the length of those proclitics."""
    memo = lex.frame_memo
    if word in memo:
        return memo[word]
    if len(memo) >= 200_000:
        memo.clear()
    found = memo[word] = _find_frame_word(word, lex)
    return found


def _find_frame_word(word: str, lex: Lexicon) -> tuple[str, int] | None:
    for p in _FRAME_PROCLITICS:
        if not word.startswith(p):
            continue
        form = word[len(p) :]
        if form in lex.sublocation_frames:
            return form, len(p)
        if form.startswith("ال") and form[2:] in lex.sublocation_frames_with_article:
            return form[2:], len(p)
    return None


@lru_cache(maxsize=4)
def _frame_spellings(frames: frozenset[str], frames_with_article: frozenset[str]) -> frozenset[str]:
    """Every word _find_frame_word finds a frame in: a frame after each proclitic sequence it
    tries, with the article too for the frames written so."""
    return frozenset(
        p + form for p in _FRAME_PROCLITICS for form in (*frames, *("ال" + f for f in frames_with_article))
    )


def _sublocations(
    nt: NormText, lex: Lexicon, places: dict[int, tuple[RawMatch, Reading, PlaceMention]]
) -> _Subs:
    covered = {
        k
        for m, _r, _p in places.values()
        for k in range(min(m.first, m.frame_first if m.frame_first >= 0 else m.first), m.last + 1)
    }
    out = _Subs([], [], set())
    # The words that are a frame with proclitics form a small set (_frame_spellings); one C-level
    # map over the words tests them all against it, compress keeps the few that are, and the
    # loop runs at those only.
    strings = nt.strings
    spellings = _frame_spellings(lex.sublocation_frames, lex.sublocation_frames_with_article)
    n = len(strings)
    i = 0  # the first word a phrase may start at (words before it are taken)
    for j in compress(count(), map(spellings.__contains__, strings)):
        if j < i or j in covered:
            continue
        i = j
        if i + 1 >= n or not _joined(nt, i + 1):
            i += 1
            continue
        frame, skip = _frame_word(strings[i], lex) or ("", 0)  # (a spelling always has a frame)
        fstart = nt.words[i][0] + skip
        if frame == "طريق" and i > 0 and nt.word(i - 1) == "عن":
            i += 1  # "عن طريق" is "by means of"
            continue
        nxt = places.get(i + 1)
        if nxt is not None and frame in lex.junction_frames:
            m = nxt[0]  # "مفرق الجوف": the junction's name; where it lies is told elsewhere
            out.free.append(nt.orig_span(fstart, m.nend))
            out.consumed.add(m.first)
            i = m.last + 1
            continue
        if nxt is not None:
            m, r, pm = nxt
            if r.kind == "town" and (frame in lex.town_named_frames or not _other_town_near(places, m)):
                s = nt.orig_span(fstart, m.nend)[0]
                phrase = nt.text[s : pm.end]
                loc = pm.location.model_copy(update={"sublocation": phrase})
                out.with_town.append(PlaceMention(s, pm.end, phrase, loc, "sublocation", pm.score))
                out.consumed.add(m.first)
                i = m.last + 1
                continue
            if r.kind != "town":
                i += 1
                continue
        last = _name_end(nt, lex, i, places, out)
        if last > i:
            out.free.append(nt.orig_span(fstart, nt.words[last][1]))
            i = last + 1
        else:
            i += 1
    return out


def _joined(nt: NormText, j: int) -> bool:
    gap = nt.gap(j).strip()
    return all(c in "«»\"'“”" for c in gap)


def _name_end(nt: NormText, lex: Lexicon, i: int, places: dict, out: _Subs) -> int:
    """Index of the last word of the name after frame word i (i itself when there is none).

    A name is one to MAX_NAME_WORDS words: the first may be a proper noun ("حي غويران") or
    definite ("سجن الصناعة"); after a definite frame ("السوق") and after the first word, only
    definite words follow (adjectives and idafa: "السوق المركزي", "دوار الباسل"), or any word
    after a compound-name head ("دار سعد", "الشيخ عثمان"). A preposition, a conjunction, a verb,
    punctuation or a descriptive word ("حي شعبي") ends it."""
    last = i
    definite_frame = nt.word(i).startswith("ال") or "ال" in nt.word(i)[:4]
    for j in range(i + 1, min(len(nt.words), i + 1 + MAX_NAME_WORDS)):
        w = nt.word(j)
        if not _joined(nt, j) or w in lex.sublocation_stops or w.isdigit():
            break
        if w in lex.sublocation_non_names:
            if j == i + 1:
                return i  # "ساحة القتال", "حي شعبي": an idiom or a description, no named place
            break
        definite = w.startswith("ال")
        after_head = j > i + 1 and nt.word(j - 1) in lex.compound_name_heads
        if (j > i + 1 or definite_frame) and not definite and not after_head:
            break
        if not definite and (w[0] in "وفلبيتن" or _is_frame(w, lex)):
            break  # "لمعتقلي", "والمواقع", "يستوعب", "مدينة"
        if j in places:
            m, r, _pm = places[j]
            if r.kind != "town" or j > i + 1:
                break
            out.consumed.add(m.first)  # "حي الزهور": a village namesake read as the quarter's name
            last = m.last
            break
        last = j
    return last


def _is_frame(w: str, lex: Lexicon) -> bool:
    return any((w,) in f for f in (lex.town_frames, lex.province_frames, lex.district_frames))


def _other_town_near(places: dict, m: RawMatch) -> bool:
    return any(
        r.kind == "town" and om is not m and abs(om.first - m.first) < 40 for om, r, _p in places.values()
    )


def _sentence_index(analyzed: AnalyzedText):
    if not analyzed.sentences:
        return lambda offset: 0
    return analyzed.sentence_of


def _attach(
    text: str,
    s: int,
    e: int,
    towns: list[PlaceMention],
    mentions: list[PlaceMention],
    sentence_of,
    gz: Gazetteer,
) -> PlaceMention:
    """The sublocation at [s, e) located at the nearest town named in its sentence, else in the
    sentences before it (up to SENTENCES_BACK), else in the next one; unresolved otherwise."""
    phrase = text[s:e]
    here = sentence_of(s)
    by_sentence: dict[int, list[PlaceMention]] = {}
    for t in towns:
        if t.location.lat is not None:
            by_sentence.setdefault(sentence_of(t.start), []).append(t)
    # a province named in the same sentence places it better than a town told sentences before
    # ("المقاومة في محافظة لحج ... سيطرت على قاعدة العند")
    provinces = [p for p in mentions if p.kind == "admin1" and sentence_of(p.start) == here]
    for k in [here, *range(here - 1, here - 1 - SENTENCES_BACK, -1), here + 1]:
        cands = by_sentence.get(k)
        if not cands and k == here and provinces:
            cands = provinces
        if cands:
            t = min(cands, key=lambda t: abs(t.start - s) if t.start >= e else abs(s - t.end) + 1)
            loc = t.location.model_copy(update={"sublocation": phrase})
            return PlaceMention(
                s, e, phrase, loc, "sublocation", round(t.score * (0.9 if k == here else 0.7), 3)
            )
    cc = document_country(mentions)
    # No town: the document's country at country precision, keeping the phrase as sublocation.
    name = (gz.country_name(cc) if cc else None) or phrase
    loc = Location(name=name, text=phrase, lat=None, lon=None, country=cc, precision=3, sublocation=phrase)
    return PlaceMention(s, e, phrase, loc, "sublocation", 0.2)
