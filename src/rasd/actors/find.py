"""Actor mentions in a text: named aliases (with head nouns and clitics), generic parties built
from head nouns + country adjectives, and ambiguous aliases resolved by the document.

Steps: collect candidate spans from each index → keep the longest non-overlapping ones (named
before generic at equal length) → resolve the ambiguous ones left to right, with the actors named
so far and the document's country as context.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import cast

from rasd.actors.index import Hit, word_has
from rasd.actors.kb import ActorKB, Context, CountryName, Named, People, RoleHead
from rasd.actors.tokens import Word, close_quotes, joinable, words
from rasd.actors.types import ActorMention, KBActor

_RANK = {"named": 0, "context": 1, "generic": 2, "people": 3, "nationals": 4, "country": 5}
_PLURAL = ("ين", "ون")


# what a candidate stands for: a name, an alias read in context, a role head as (role, iso or
# None, bare), people of a nationality, a country name
_Target = Named | Context | tuple[str, str | None, bool] | People | CountryName


@dataclass(init=False, slots=True)
class _Cand:
    start: int
    end: int
    first: int  # word indexes (inclusive)
    last: int
    kind: str  # see _RANK
    target: _Target
    country: str | None = None  # from a nationality adjective inside the span

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        start: int,
        end: int,
        first: int,
        last: int,
        kind: str,
        target: _Target,
        country: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.first = first
        self.last = last
        self.kind = kind
        self.target = target
        self.country = country


def _extend_heads(text: str, ws: list[Word], first: int, start: int, kb: ActorKB) -> tuple[int, int]:
    """Move a name's start left over head nouns: عناصر "قسد"، مسلحي جماعة الحوثي، عنصرين من الشرطة."""
    i = first
    while i > 0:
        if start > ws[i].start:
            break  # a head or name with a proclitic ("وقوات") opens the phrase
        j = i - 1
        if word_has(ws, j, kb.connectors) is not None and j > 0 and joinable(text, ws[j - 1], ws[j]):
            cut = word_has(ws, j - 1, kb.named_heads)
            if cut is None or not joinable(text, ws[j], ws[i]):
                break
            i, start = j - 1, ws[j - 1].start + cut
            continue
        cut = word_has(ws, j, kb.named_heads)
        if cut is None or not joinable(text, ws[j], ws[i]):
            break
        i, start = j, ws[j].start + cut
    return i, start


def _adjective_after(text: str, ws: list[Word], last: int, kb: ActorKB) -> str | None:
    j = last + 1
    if j < len(ws) and joinable(text, ws[last], ws[j]):
        return kb.adjective_country(ws[j].norm)
    return None


def _descriptive_after(text: str, ws: list[Word], last: int, kb: ActorKB) -> bool:
    j = last + 1
    if j < len(ws) and joinable(text, ws[last], ws[j]):
        w = ws[j].norm
        w = w[2:] if w.startswith("ال") and len(w) > 4 else w
        return w in kb.descriptive_forms  # some d of kb.descriptive: w == d or w == d + "ه"
    return False


def _candidates(text: str, ws: list[Word], kb: ActorKB, countries: bool) -> list[_Cand]:
    out: list[_Cand] = []
    marks = kb.word_marks(ws)
    for hit in kb.names.matches(text, ws, marks["names"]):
        first, start = _extend_heads(text, ws, hit.first, hit.start, kb)
        kind = "named" if isinstance(hit.target, Named) else "context"
        c = _Cand(start, hit.end, first, hit.last, kind, hit.target)
        iso = _adjective_after(text, ws, hit.last, kb)
        if iso or _descriptive_after(text, ws, hit.last, kb):  # حزب الله اللبناني، الأسايش الكردية
            c.last, c.end, c.country = hit.last + 1, ws[hit.last + 1].end, iso
        out.append(c)

    # Role heads ("قوات الأمن", "طائرات حربية") with the country adjective that follows them.
    role_hits: dict[int, tuple[Hit[RoleHead], str | None]] = {}
    for i in marks["heads"]:
        for role in kb.heads.matches_at(text, ws, i):
            assert isinstance(role.target, RoleHead)
            iso = _adjective_after(text, ws, role.last, kb)
            role_hits[i] = (role, iso)
            break
    for i, (role, iso) in sorted(role_hits.items()):
        last, end = (role.last + 1, ws[role.last + 1].end) if iso else (role.last, role.end)
        if iso is None and role.target.bare and role.last + 1 in role_hits:
            # "الجيش والشرطة الإسرائيلية": the adjective of the second head covers both.
            nxt, nxt_iso = role_hits[role.last + 1]
            conj = ws[nxt.first].norm.startswith("و") and nxt.start > ws[nxt.first].start
            if nxt_iso and conj and joinable(text, ws[role.last], ws[nxt.first]):
                iso = nxt_iso
        if iso or role.target.bare:
            out.append(
                _Cand(role.start, end, i, last, "generic", (role.target.role, iso, role.target.bare), iso)
            )

    for person in kb.people.matches(text, ws, marks["people"]):
        last, end = person.last, person.end
        iso = _adjective_after(text, ws, person.last, kb)
        if iso:
            last, end = person.last + 1, ws[person.last + 1].end
        out.append(_Cand(person.start, end, person.first, last, "people", person.target, iso))

    # A plural nationality noun on its own is people: "مقتل أربعة فلسطينيين"; so is the indefinite
    # accusative singular, which is a noun, not an adjective: "قتل الجنود فلسطينيا".
    adjective_country = kb.adjective_country
    for i in marks["nationality"]:
        w = ws[i]
        for form, cut in w.forms:
            iso = adjective_country(form)
            if not iso:
                continue
            # (not a country name "تركيا", nor an adjective after an accusative noun "دعما إيرانيا")
            noun = form.endswith(_PLURAL) or (
                form.endswith("يا")
                and not form.startswith("ال")
                and form not in kb.country_names
                and not (i > 0 and ws[i - 1].norm.endswith("ا"))
            )
            if noun:
                out.append(_Cand(w.start + cut, w.end, i, i, "nationals", People(kb.nationals_id), iso))
                break

    if countries:
        for named in kb.country_names.matches(text, ws, marks["country_names"]):
            out.append(_Cand(named.start, named.end, named.first, named.last, "country", named.target))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest spans first; at equal length a named actor beats a generic party."""
    taken: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), _RANK[c.kind], c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


# (A module-level helper, not a function nested in infer_country, nor doc_iso one nested in
# find_in_text: compiled with mypyc, a nested function and its parent's environment point at each
# other, a reference cycle per document left for the cyclic collector.)
def _vote(votes: Counter[str], first_seen: dict[str, int], iso: str, pos: int, weight: int) -> None:
    votes[iso] += weight
    first_seen.setdefault(iso, pos)


def infer_country(text: str, ws: list[Word], kb: ActorKB, named: list[KBActor]) -> str | None:
    """The document's country: the most mentioned by country names, nationality adjectives,
    cities, and the home countries of the domestic actors it names (ties: first mentioned)."""
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    marks = kb.word_marks(ws)
    for hit in kb.country_names.matches(text, ws, marks["country_names"]):
        assert isinstance(hit.target, CountryName)
        _vote(votes, first_seen, hit.target.iso, hit.start, 1)
    for hit in kb.signals.matches(text, ws, marks["signals"]):
        assert isinstance(hit.target, CountryName)
        _vote(votes, first_seen, hit.target.iso, hit.start, 2)
    for i in marks["adjective"]:
        w = ws[i]
        iso = kb.adjective_country(w.norm)
        if iso:
            _vote(votes, first_seen, iso, w.start, 1)
    for a in named:
        if a.country and a.type != "External/Other forces":
            _vote(votes, first_seen, a.country, len(text), 2)
    if not votes:
        return None
    return max(votes, key=lambda iso: (votes[iso], -first_seen[iso]))


class _DocCountry:
    """The document's country: the one the caller gave, or else inferred from the text
    (``infer_country``) when first asked, at most once. (An object, not a function nested in
    find_in_text: compiled with mypyc, a nested function and its parent's environment point at
    each other, a reference cycle per document.)"""

    def __init__(
        self, given: str | None, text: str, ws: list[Word], kb: ActorKB, named: list[KBActor]
    ) -> None:
        self.iso = given
        self.asked = given is not None
        self.text, self.ws, self.kb, self.named = text, ws, kb, named

    def get(self) -> str | None:
        if not self.asked:
            self.asked = True
            self.iso = infer_country(self.text, self.ws, self.kb, self.named)
        return self.iso


def find_in_text(
    text: str, kb: ActorKB, country: str | None = None, countries: bool = False, ws: list[Word] | None = None
) -> list[ActorMention]:
    ws = words(text) if ws is None else ws
    cands = _candidates(text, ws, kb, countries)
    # A named alias the head-noun grammar also builds ("الجيش العراقي") is still a generic mention.
    grammar_spans = {(c.start, c.end) for c in cands if c.kind in ("generic", "people", "nationals")}
    chosen = _select(cands)
    named = [kb.actors[c.target.actor_id] for c in chosen if isinstance(c.target, Named)]
    doc_country = _DocCountry(country.upper() if country else None, text, ws, kb, named)

    out: list[ActorMention] = []
    recent: list[KBActor] = []
    for c in chosen:
        actor: KBActor | None = None
        via = "alias"
        if isinstance(c.target, Named):
            actor = kb.actors[c.target.actor_id]
            recent.append(actor)
        elif c.kind == "context":
            amb = kb.ambiguities[cast(Context, c.target).index]
            via = "context"
            for prev in reversed(recent):
                if prev.id in amb.recent or prev.type in amb.recent_types:
                    actor = prev
                    break
            if actor is None:  # named only later ("الإرهابيين" in a headline): the most named one
                fits = [a for a in named if a.id in amb.recent or a.type in amb.recent_types]
                if fits:
                    counts = Counter(a.id for a in fits)
                    actor = kb.actors[max(counts, key=lambda i: (counts[i], -fits.index(kb.actors[i])))]
            if actor is None and amb.by_country:
                iso = doc_country.get()
                if iso in amb.by_country:
                    actor = kb.get(amb.by_country[iso])
            if actor is None and amb.default:
                actor = kb.get(amb.default)
            if actor is not None and not actor.generic:
                recent.append(actor)
        elif c.kind == "generic":
            role, iso, _bare = cast("tuple[str, str | None, bool]", c.target)
            via = "generic"
            iso = iso or doc_country.get()
            if iso:
                actor = kb.role_actor(role, iso)
            elif kb.roles[role].bare_name:
                actor = kb.bare_actor(role)
        elif c.kind in ("people", "nationals"):
            actor = kb.actors[cast(People, c.target).actor_id]
            via = "generic"
        elif c.kind == "country":
            actor = kb.role_actor("military", cast(CountryName, c.target).iso)
            via = "country"
        if actor is None:
            continue
        c.end = close_quotes(text, c.start, c.end)
        surface = text[c.start : c.end]
        generic = (
            actor.generic or c.kind in ("generic", "people", "nationals") or (c.start, c.end) in grammar_spans
        )
        # the country known so far (given, or inferred for an earlier mention): not inferred here
        known = doc_country.iso
        type_ = kb.actor_type_for(actor, known) if known else actor.type
        out.append(
            ActorMention(
                start=c.start,
                end=c.end,
                text=surface,
                actor=actor.record(text=surface, type_=type_),
                generic=generic,
                via=via,
                country=actor.country or c.country,
            )
        )
    return out
