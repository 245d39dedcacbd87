"""Source phrases: who a text says reports or claims something.

The same machinery as actors, with the SOURCE kinds of the contract: entries of
``data/sources.yaml`` (agencies, outlets, monitors, bodies), "مصادر" + qualifiers ("مصادر أمنية
مطلعة" → informed security sources), "مصادر" + an outlet ("مصادر الميادين" → Al Mayadeen sources),
"مصدر مقرب من X" (source close to X), frames that make an organisation a source ("الناطق باسم X",
"بيان X", "تقارير لـX"), and official titles with their country ("مكتب رئيس الحكومة التركية").
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.actors.find import find_in_text
from rasd.actors.index import word_has
from rasd.actors.kb import ActorKB, source_kind_of
from rasd.actors.tokens import Word, close_quotes, joinable, words
from rasd.actors.types import ActorMention, SourceMention
from rasd.records import Actor, Source, SourceKind
from rasd.text import normalize_key

_PEOPLE = ("Civilians", "Protesters", "Rioters")


@dataclass(init=False, slots=True)
class _Cand:
    start: int
    end: int
    source: Source

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(self, start: int, end: int, source: Source) -> None:
        self.start = start
        self.end = end
        self.source = source


def _short(kb: ActorKB, actor: Actor) -> str:
    entry = kb.get(actor.id) if actor.id else None
    return (entry.short if entry and entry.short else None) or actor.name


def source_from_actor(kb: ActorKB, actor: Actor, text: str | None) -> Source:
    """An actor as its own source: PKK claiming an attack (armed group), an army (official)."""
    name = actor.name
    entry = kb.get(actor.id) if actor.id else None
    role = kb.role_of.get(actor.id or "")
    if entry is not None and role and entry.country in kb.countries:
        name = f"{kb.countries[entry.country].adj_en} {kb.roles[role].source_word}"
    elif actor.id and actor.id.endswith(".unknown"):  # "مصدر في الشرطة", no country known
        name = kb.roles[actor.id.split(".")[0]].source_word
    return Source(name=name, text=text, kind=source_kind_of(actor.type))


def _mention_at(mentions: list[ActorMention], w: Word) -> ActorMention | None:
    for m in mentions:
        if w.start <= m.start < w.end:
            return m
    return None


def _adjective(text: str, ws: list[Word], j: int, kb: ActorKB) -> str | None:
    if 0 < j < len(ws) and joinable(text, ws[j - 1], ws[j]):
        return kb.adjective_country(ws[j].norm)
    return None


# (Module-level helpers, not functions nested in find_sources_in_text: compiled with mypyc, the
# nested functions and their shared environment point at each other, a reference cycle per
# document that kept its words alive until the cyclic garbage collector ran.)
def _frame_start(text: str, ws: list[Word], kb: ActorKB, first: int, start: int) -> int:
    """Take in a frame word just before (بيان وزارة الداخلية)."""
    for k in (1, 2):
        j = first - k
        if j < 0:
            break
        for hit in kb.via_frames.matches_at(text, ws, j):
            if hit.target == "frame" and hit.last == first - 1 and joinable(text, ws[hit.last], ws[first]):
                return hit.start
    return start


def _framed_ok(text: str, ws: list[Word], kb: ActorKB, first: int, start: int) -> bool:
    """A framed alias ("العربية", "الجزيرة") counts after an attribution word, after ل/ب, or in quotes."""
    w = ws[first]
    if "ل" in normalize_key(text[w.start : start]):
        return True  # "للعربية" (told Al Arabiya); not ب: "بالعربية" is "in Arabic"
    before = text[:start].rstrip()
    if before.endswith(('"', "«", "“", "(")):
        return True
    return word_has(ws, first - 1, kb.frame_words) is not None and joinable(text, ws[first - 1], w)


def find_sources_in_text(
    text: str, kb: ActorKB, country: str | None = None, phrase: bool = False
) -> list[SourceMention]:
    """Source mentions of ``text``; ``phrase``: the text is itself a source phrase (framed
    aliases such as "العربية" count without an attribution word)."""
    memo = kb._last_actors
    if memo is not None and memo[1] == country and memo[0] == text:
        actors, ws = memo[2], memo[3]
    else:
        ws = words(text)
        actors = find_in_text(text, kb, country=country, ws=ws)
    cands: list[_Cand] = []
    marks = kb.word_marks(ws)
    entries = kb.source_names.matches(text, ws, marks["source_names"])
    entry_at = {h.first: h for h in reversed(entries)}  # longest hit per first word

    for h in entries:
        source_id, framed = h.target
        if framed and not phrase and not _framed_ok(text, ws, kb, h.first, h.start):
            continue
        cands.append(
            _Cand(_frame_start(text, ws, kb, h.first, h.start), h.end, kb.sources[source_id].record())
        )

    for i in marks["source_noun"]:
        w = ws[i]
        number = None
        cut = None
        for num, nouns in kb.source_nouns.items():
            cut = word_has(ws, i, nouns)
            if cut is not None:
                number = num
                break
        if number is None or cut is None:
            continue
        start = w.start + cut
        word = "source" if number == "source" else "sources"
        nxt = i + 1
        if nxt >= len(ws) or not joinable(text, ws[i], ws[nxt]):
            continue
        # مصادر الميادين → Al Mayadeen sources
        hit = entry_at.get(nxt)
        if hit is not None and hit.start == ws[nxt].start and kb.sources[hit.target[0]].kind == "media":
            # (not "قالت المصادر لوكالة الأنباء": the outlet with ل is who was told)
            outlet = kb.sources[hit.target[0]].name
            cands.append(_Cand(start, hit.end, Source(name=f"{outlet} {word}", kind="media")))
            continue
        # مصادر أمنية مطلعة → informed security sources
        quals = []
        j = nxt
        while j < len(ws) and joinable(text, ws[j - 1], ws[j]):
            q = None
            for form, _ in ws[j].forms:
                q = kb.qualifiers.get(form) or kb.qualifiers.get(form[2:] if form.startswith("ال") else "")
                if q:
                    break
            if q is None:
                break
            quals.append(q)
            j += 1
        if quals:
            en = [q.en for q in quals if q.first] + [q.en for q in quals if not q.first]
            # the kind of the main qualifier (security, local...), not of "informed" or a nationality
            kind: SourceKind = next((q.kind for q in quals if not q.first), quals[0].kind)
            cands.append(_Cand(start, ws[j - 1].end, Source(name=" ".join([*en, word]), kind=kind)))
            continue
        # مصدر مقرب من "قسد" → source close to SDF
        for close in kb.close_to.matches_at(text, ws, nxt, strip=False):
            k = close.last + 1
            if k >= len(ws) or not joinable(text, ws[close.last], ws[k]):
                continue
            target = None
            m = _mention_at(actors, ws[k])
            if m is not None:
                target, end = _short(kb, m.actor), m.end
            elif k in entry_at:
                target, end = kb.sources[entry_at[k].target[0]].name, entry_at[k].end
            if target:
                cands.append(_Cand(start, end, Source(name=f"{word} close to {target}", kind="anonymous")))
            break

    # الناطق باسم X، بيان X، تقارير لحركة حماس → X as its own source
    for frame in kb.via_frames.matches(text, ws, marks["via_frames"]):
        k = frame.last + 1
        if k >= len(ws) or not joinable(text, ws[frame.last], ws[k]):
            continue
        m = _mention_at(actors, ws[k])
        if m is not None and m.actor.type not in _PEOPLE:  # "قال سكان" is a people source, not an actor
            start = frame.start if frame.target == "frame" else m.start
            source = source_from_actor(kb, m.actor, None)
            first = ws[frame.first].forms
            for number, nouns in kb.source_nouns.items():  # "مصادر في الجيش العراقي" → Iraqi army sources
                if any(f in nouns for f, _ in first):
                    source = source.model_copy(update={"name": f"{source.name} {number}"})
                    break
            cands.append(_Cand(start, m.end, source))

    # Titles: رئيس الوزراء التركي، مكتب رئيس الحكومة التركية، وزارة الداخلية التابعة لحماس
    for title in kb.titles.matches(text, ws, marks["titles"]):
        name, start, end = title.target, title.start, title.end
        office = word_has(ws, title.first - 1, frozenset({"مكتب"}))
        if office is not None and joinable(text, ws[title.first - 1], ws[title.first]):
            start, name = ws[title.first - 1].start + office, f"{name}'s Office"
        qualifier = None
        iso = _adjective(text, ws, title.last + 1, kb)
        if iso:
            qualifier, end = kb.countries[iso].adj_en, ws[title.last + 1].end
        elif word_has(ws, title.last + 1, frozenset({"التابعه"})) is not None:
            k = title.last + 2
            m = _mention_at(actors, ws[k]) if k < len(ws) else None
            if m is not None and not m.generic:
                qualifier, end = f"{_short(kb, m.actor)}-run", m.end
            elif k < len(ws) and word_has(ws, k, frozenset({"الحكومه", "حكومه"})) is not None:
                iso = _adjective(text, ws, k + 1, kb)
                if iso:
                    qualifier, end = kb.countries[iso].adj_en, ws[k + 1].end
        if qualifier:
            name = f"{qualifier} {name}"
        elif name in kb.titles_need_country:
            continue
        cands.append(
            _Cand(_frame_start(text, ws, kb, title.first, start), end, Source(name=name, kind="official"))
        )

    taken: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    for c in taken:
        c.end = close_quotes(text, c.start, c.end)
    return [
        SourceMention(
            c.start, c.end, text[c.start : c.end], c.source.model_copy(update={"text": text[c.start : c.end]})
        )
        for c in taken
    ]
