"""From the trigger hits of one sentence to typed event mentions (one per happening it reports)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.events.context import SentenceView
from rasd.events.gate import VIOLENT  # noqa: E402  (one definition of the violent types)
from rasd.events.lexicon import Lexicon
from rasd.events.triggers import TriggerHit
from rasd.records import Actor, Count, EventDate, Location, Source

# ACLED: within one event type, the same actors/place/day make one record with the
# highest-priority sub-type. Lower index = higher priority.
PRIORITY: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Suicide bomb",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Grenade",
        "Remote explosive/landmine/IED",
    ),
    "Violence against civilians": ("Sexual violence", "Abduction/forced disappearance", "Attack"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Mob violence", "Violent demonstration"),
}
# Event types whose sub-types are distinct happenings, never collapsed (a curfew is not an arrest).
SEPARATE_SUBTYPES = frozenset({"Strategic developments"})

PLOVER = {
    "Air/drone strike": {"type": "ASSAULT", "mode": "aerial"},
    "Shelling/artillery/missile attack": {"type": "ASSAULT", "mode": "artillery"},
    "Remote explosive/landmine/IED": {"type": "ASSAULT", "mode": "explosives"},
    "Suicide bomb": {"type": "ASSAULT", "mode": "explosives"},
    "Armed clash": {"type": "ASSAULT", "mode": "firearms"},
    "Attack": {"type": "ASSAULT", "mode": "targeted"},
    "Government regains territory": {"type": "ASSAULT", "mode": "firearms"},
    "Non-state actor overtakes territory": {"type": "ASSAULT", "mode": "firearms"},
    "Peaceful protest": {"type": "PROTEST", "mode": "demonstrate"},
    "Protest with intervention": {"type": "PROTEST", "mode": "demonstrate"},
    "Excessive force against protesters": {"type": "ASSAULT", "mode": "firearms"},
    "Violent demonstration": {"type": "PROTEST", "mode": "riot"},
}


def _aerial(view: SentenceView, lex: Lexicon, lo: int, hi: int) -> bool:
    """An aircraft word in [lo, hi), other than the one of an anti-aircraft gun ("قصفت الميليشيات
    الأحياء بمضادات الطيران")."""
    if not view.has_cue(lex, "aerial", lo, hi):
        return False
    guns = view.phrase_starts("anti_aircraft", lex.phrase_index("anti_aircraft"))
    if not guns:
        return True
    gun_words = {g + 1 for g in guns}  # "مضادات الطيران": its second word is the aircraft word
    aircraft = view.positions(lex.cue("aerial")) + view.phrase_starts("aerial", lex.phrase_index("aerial"))
    return any(lo <= i < hi and i not in gun_words for i in aircraft)


def rank(event_type: str, sub: str) -> int:
    order = PRIORITY.get(event_type, ())
    return order.index(sub) if sub in order else len(order)


@dataclass(init=False)
class Mention:
    view: SentenceView
    event_type: str
    sub_event_type: str
    plover: dict | None
    hits: list[TriggerHit]
    strength: float
    family: str = "typed"
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    location_inherited: bool = False
    date: EventDate = field(default_factory=EventDate)
    date_explicit: bool = False
    counts: dict[str, Count] = field(default_factory=dict)
    lone: set[str] = field(default_factory=set)  # counts of one person named alone (arguments.lone_persons)
    sources: list[Source] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    gate: float = 1.0  # the learned gate's probability that the sentence reports this family
    gate_features: set[str] = field(default_factory=set)
    span: tuple[int, int] | None = None  # token range of its part of the sentence (mentions._parts)
    explain: list[str] = field(default_factory=list)
    # told as another incident ("وفي حادث منفصل"): joins no record told before it
    fresh: bool = False

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        view: SentenceView,
        event_type: str,
        sub_event_type: str,
        plover: dict | None,
        hits: list[TriggerHit],
        strength: float,
        family: str = "typed",
        actor1: Actor | None = None,
        actor2: Actor | None = None,
        location: Location | None = None,
        location_inherited: bool = False,
        date: EventDate | None = None,
        date_explicit: bool = False,
        counts: dict[str, Count] | None = None,
        lone: set[str] | None = None,
        sources: list[Source] | None = None,
        sentences: list[int] | None = None,
        gate: float = 1.0,
        gate_features: set[str] | None = None,
        span: tuple[int, int] | None = None,
        explain: list[str] | None = None,
        fresh: bool = False,
    ) -> None:
        self.view = view
        self.event_type = event_type
        self.sub_event_type = sub_event_type
        self.plover = plover
        self.hits = hits
        self.strength = strength
        self.family = family
        self.actor1 = actor1
        self.actor2 = actor2
        self.location = location
        self.location_inherited = location_inherited
        self.date = EventDate() if date is None else date
        self.date_explicit = date_explicit
        self.counts = {} if counts is None else counts
        self.lone = set() if lone is None else lone
        self.sources = [] if sources is None else sources
        self.sentences = [] if sentences is None else sentences
        self.gate = gate
        self.gate_features = set() if gate_features is None else gate_features
        self.span = span
        self.explain = [] if explain is None else explain
        self.fresh = fresh

    @property
    def trigger(self) -> TriggerHit:
        return self.hits[0]

    @property
    def headline(self) -> bool:
        return self.view.index == 0 and self.view.paragraph == 0


def _typed(
    hit: TriggerHit,
    view: SentenceView,
    lex: Lexicon,
    all_hits: list[TriggerHit],
    span: tuple[int, int] | None = None,
) -> tuple[str, str] | None:
    """(event_type, sub_event_type) this hit stands for in this sentence, or None when absorbed."""
    e = hit.entry
    fam = e.family
    others = [h for h in all_hits if h is not hit]
    other_violent = [
        h for h in others if h.entry.event_type in VIOLENT and h.entry.family not in ("attack", "kill")
    ]
    # who was hit and by what is read in the hit's own part of the sentence ("استأنفت الفصائل
    # استهداف مناطق ...، بينما نفذ الطيران الحربي غارات": the aircraft are the other part's)
    lo, hi = span if span is not None else (0, len(view.tokens))
    if fam == "typed":
        if e.weak and any(h.entry.event_type in VIOLENT for h in others):
            return None
        if e.id == "looting" and _no_property(hit, view, lex):
            return None
        return e.event_type, e.sub_event_type
    if fam == "bombard":
        if view.has_any(lex.cue("artillery"), hit.last + 1, hit.last + 3):
            # "قصفت المدفعية التركية ... غداة غارات نفذها الطيران": the guns named with the verb
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if _aerial(view, lex, lo, hi):
            return "Explosions/Remote violence", "Air/drone strike"
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if fam == "explosion":
        if any(h.entry.id == "suicide" for h in others):
            return "Explosions/Remote violence", "Suicide bomb"
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if fam == "takeover":
        return "Battles", "Non-state actor overtakes territory"  # refined once actors are known
    civ = _civilians_named(view, lex, lo, hi)
    mil = view.has_any(lex.cue("military"), lo, hi)
    if fam == "attack":
        # "حملة استهدفت أفرادا يشتبه..." — the targeting is the arrest campaign itself
        if other_violent or any(h.entry.sub_event_type == "Arrests" for h in others):
            return None
        if _attacking_aircraft(view, lex, lo, hi):
            return "Explosions/Remote violence", "Air/drone strike"  # "هاجمت طائرات ..."
        if civ and not mil:
            return "Violence against civilians", "Attack"
        return "Battles", "Armed clash"
    if fam == "kill":
        if other_violent or any(h.entry.family == "attack" for h in others):
            return None
        if view.phrase_starts("accident", lex.phrase_index("accident")):
            return None  # "لقي 11 صيادا مصرعهم غرقا": deaths by drowning, a crash, a flood
        if mil and not civ:
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    return e.event_type, e.sub_event_type


def _civilians_named(view: SentenceView, lex: Lexicon, lo: int, hi: int) -> bool:
    """A word for ordinary people in tokens [lo, hi), other than one in a party's name ("حزب
    العمال الكردستاني": the Workers' Party, not workers)."""
    civilian = lex.cue("civilian")
    if not view.has_any(civilian, lo, hi):
        return False
    parties = lex.cue("party_heads")
    return any(
        view.keys[i] & civilian and not (i > 0 and view.keys[i - 1] & parties)
        for i in range(max(lo, 0), min(hi, len(view.tokens)))
    )


def _no_property(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """Burnt, swept or destroyed, but no one's property: "جرفتهم سيول الأمطار" (a flood), "إحراق
    إطارات" (tyres in a riot), "أحرقوا الحرث والنسل" (an idiom)."""
    return bool(view.phrase_starts("accident", lex.phrase_index("accident"))) or view.has_any(
        lex.cue("not_property"), hit.last + 1, hit.last + 3
    )


def _attacking_aircraft(view: SentenceView, lex: Lexicon, lo: int, hi: int) -> bool:
    """Aircraft named in tokens [lo, hi), other than the helicopter that took the wounded away."""
    aircraft, transport = lex.cue("aircraft"), lex.cue("transport")
    return any(view.keys[i] & aircraft and not view.has_any(transport, i - 2, i) for i in range(lo, hi))


def _parts(
    view: SentenceView, hits: list[TriggerHit], lex: Lexicon
) -> list[tuple[tuple[int, int], list[TriggerHit]]]:
    """A long news sentence often joins two happenings with "فيما" / "بينما" / "في حين"
    ("والهجوم في مروة أسفر عن مقتل 13، فيما لقي 37 مصرعهم في تفجيرين في غومبيه"): each part
    (its token range and its hits) is read on its own."""
    cuts = view.phrase_starts("clause_joiners", lex.phrase_index("clause_joiners"))
    bounds = list(zip([0, *cuts], [*cuts, len(view.tokens)], strict=True))
    parts: dict[int, list[TriggerHit]] = {}
    for h in hits:
        parts.setdefault(sum(1 for c in cuts if c <= h.first), []).append(h)
    return [(bounds[k], parts[k]) for k in sorted(parts)]


def sentence_mentions(view: SentenceView, hits: list[TriggerHit], lex: Lexicon) -> list[Mention]:
    """One mention per event type in each part of the sentence (per sub-type for Strategic
    developments)."""
    out: list[Mention] = []
    for span, part in _parts(view, hits, lex):
        for m in _part_mentions(view, part, lex, span):
            m.span = span
            out.append(m)
    return out


def _part_mentions(
    view: SentenceView, hits: list[TriggerHit], lex: Lexicon, span: tuple[int, int]
) -> list[Mention]:
    groups: dict[tuple[str, str], Mention] = {}
    for hit in hits:
        typed = _typed(hit, view, lex, hits, span)
        if typed is None:
            continue
        etype, sub = typed
        key = (etype, sub if etype in SEPARATE_SUBTYPES else "")
        m = groups.get(key)
        plover = PLOVER.get(sub, hit.entry.plover)
        if m is None:
            groups[key] = Mention(view, etype, sub, plover, [hit], hit.entry.strength, hit.entry.family)
            continue
        m.hits.append(hit)
        m.strength = max(m.strength, hit.entry.strength)
        if rank(etype, sub) < rank(etype, m.sub_event_type):
            m.sub_event_type, m.plover, m.family = sub, plover, hit.entry.family
    # A riot is a protest that turned violent: one record, typed Riots.
    if ("Riots", "") in groups and ("Protests", "") in groups:
        groups[("Riots", "")].hits.extend(groups.pop(("Protests", "")).hits)
    if ("Protests", "") in groups:
        _protest_subtype(groups[("Protests", "")], view, lex)
    return list(groups.values())


def _protest_subtype(m: Mention, view: SentenceView, lex: Lexicon) -> None:
    if view.has_any(lex.cue("counts.fatalities")) and view.has_any(lex.cue("protester_words")):
        m.sub_event_type = "Excessive force against protesters"
    elif view.has_cue(lex, "intervention"):
        m.sub_event_type = "Protest with intervention"
    m.plover = PLOVER.get(m.sub_event_type, m.plover)
