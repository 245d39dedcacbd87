"""Arguments of an event mention: actors by role, place, date, counts and sources."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, Literal, cast

from rasd.actors import ActorMention, SourceMention
from rasd.events.context import SentenceView
from rasd.events.gate import UNARMED
from rasd.events.lexicon import (
    ALL_TOLLS,
    ATTRIBUTION,
    CLAIMS_OR_PERPETRATION,
    SAYING,
    SINGULAR_TOLLS,
    TOLLS,
    Lexicon,
)
from rasd.events.mentions import VIOLENT, Mention
from rasd.events.merge import same_place
from rasd.events.realis import compared
from rasd.events.triggers import TriggerHit
from rasd.places import PlaceMention
from rasd.records import Actor, Count, EventDate, Location, Qualifier, Source, SourceKind
from rasd.text import DateMention, Quantity, Token, normalize_key
from rasd.text.analyze import default_analyzer

if TYPE_CHECKING:
    from rasd.pipeline import DocAnalysis
    from rasd.text.numbers import QuantityLexicon

CIVILIANS = Actor(name="Civilians", type="Civilians")
PROTESTERS = Actor(name="Protesters", type="Protesters")
RIOTERS = Actor(name="Rioters", type="Rioters")
UNIDENTIFIED = Actor(name="Unidentified armed group", type="Political militia")
_COUNT_KINDS = ("fatalities", "injured", "arrested", "displaced")


def _precision(d: DateMention) -> Literal[1, 2, 3]:
    """A date mention's precision as EventDate types it (dates.py gives 1, 2 or 3; EventDate checks it)."""
    return cast("Literal[1, 2, 3]", d.precision)


class DocIndex:
    """The analysis of one document, indexed by sentence for the argument finders.

    A plain class, not a dataclass: compiled with mypyc (setup.py), a dataclass needs its field
    types at run time, and ``DocAnalysis`` is imported for the type checker only (a cycle)."""

    def __init__(self, analysis: DocAnalysis, views: list[SentenceView], lex: Lexicon) -> None:
        self.analysis = analysis
        self.views = views
        self.lex = lex
        # by sentence index
        self.actors: dict[int, list[ActorMention]] = defaultdict(list)
        self.places: dict[int, list[PlaceMention]] = defaultdict(list)
        self.sources: dict[int, list[SourceMention]] = defaultdict(list)
        self.quantities: dict[int, list[Quantity]] = defaultdict(list)
        self.dates: dict[int, list[DateMention]] = defaultdict(list)
        self.speakers: dict[int, list[Source]] = {}
        self.country_forces: dict[int, list[ActorMention]] = defaultdict(list)
        self.national_forces: dict[int, list[ActorMention]] = defaultdict(list)

    @classmethod
    def build(cls, analysis: DocAnalysis, views: list[SentenceView], lex: Lexicon) -> DocIndex:
        idx = cls(analysis, views, lex)
        sentence_starts = [s.start for s in analysis.text.sentences]

        def at(offset: int) -> int:  # AnalyzedText.sentence_of, by bisect in C
            return max(bisect_right(sentence_starts, offset) - 1, 0)

        for a in analysis.actors:
            idx.actors[at(a.start)].append(a)
        for s in analysis.sources:
            idx.sources[at(s.start)].append(s)
        for a in analysis.country_forces:
            idx.country_forces[at(a.start)].append(a)
        for a in analysis.national_forces:
            idx.national_forces[at(a.start)].append(a)
        blocked = sorted(
            [(a.start, a.end) for a in analysis.actors] + [(s.start, s.end) for s in analysis.sources]
        )
        starts = [s for s, _ in blocked]
        longest = max((e - s for s, e in blocked), default=0)
        for p in analysis.places:
            # "قوات سوريا الديمقراطية", "مصادر الميادين": a place name inside an actor or source name.
            # Only spans starting at most `longest` before the place can hold it (sorted, so bisect).
            lo, hi = bisect_left(starts, p.start - longest), bisect_right(starts, p.start)
            if not any(p.end <= e and (e - s) > (p.end - p.start) for s, e in blocked[lo:hi]):
                idx.places[at(p.start)].append(p)
        for q in analysis.text.quantities:
            idx.quantities[at(q.start)].append(q)
        for d in analysis.text.dates:
            idx.dates[at(d.start)].append(d)
        idx._resolve_speakers()
        return idx

    def _resolve_speakers(self) -> None:
        """Sources that each sentence attributes its content to, with speaker continuity:
        "وأضاف ..." and "المصادر" refer back to the last named speaker of that kind."""
        verbs = self.lex.union(*ATTRIBUTION)
        anaphora = self.lex.cue("attribution.anaphora")
        named_so_far: list[Source] = []
        last: list[Source] = []
        saying = self.lex.union(*SAYING)
        frames = self.lex.cue("attribution.frames")
        # "قال الجيش" or "الجيش قال", but not "الحوثيين، بحسب مصادر": a frame word after an actor
        # tells whose account the sentence is, which is not the actor's (_speaking_actors)
        speech = verbs - frames
        for v in self.views:
            attributing = v.has_any(verbs)
            # a source body named where nobody says anything is a participant or a place, not a
            # speaker ("استهدف مبنى وزارة الداخلية", "طائرة تابعة للصليب الأحمر")
            # nor is one named as whom a party sides with ("القوات الموالية للحكومة اليمنية")
            named = (
                [
                    s.source
                    for s in self.sources.get(v.index, [])
                    if not in_relation(v, v.token_at(s.start), self.lex)
                ]
                if v.has_any(saying)
                else []
            )
            named += self._speaking_actors(v, verbs, speech)
            if named:
                self.speakers[v.index] = _unique(named)
                last = self.speakers[v.index]
                named_so_far.extend(last)
                if v.index > 0 and len(v.tokens) <= _TRAILER_MAX and v.first_index(frames, 0, 1) is not None:
                    # "وفقا لرويترز." alone after the report: it tells who told the one before
                    before = self.speakers.setdefault(v.index - 1, [])
                    before.extend(s for s in last if s not in before)
                continue
            if not attributing:
                continue
            back = [
                s
                for i in v.positions(anaphora)
                for t in (v.tokens[i],)
                for s in reversed(named_so_far)
                if (t.base or t.norm).removeprefix("ال") in normalize_key(s.text or s.name)
            ]
            if back:
                self.speakers[v.index] = [back[0]]
            elif last and v.first_index(verbs, 0, 3) is not None:
                self.speakers[v.index] = list(last)

    def _speaking_actors(
        self, v: SentenceView, verbs: frozenset[str], speech: frozenset[str]
    ) -> list[Source]:
        """An army, ministry or group named as the subject of a speech verb speaks as a source,
        unless the source stage already names those words ("الجيش الأمريكي": US army, not also
        "United States" under another name)."""
        out = []
        spoken = [(s.start, s.end) for s in self.sources.get(v.index, [])]
        for a in self.actors.get(v.index, []):
            if any(s < a.end and a.start < e for s, e in spoken):
                continue
            first, last = _tok_span(v, a.start, a.end)
            after_verb = first > 0 and bool(v.keys[first - 1] & verbs)
            before_verb = last + 1 < len(v.tokens) and bool(v.keys[last + 1] & speech)
            if (after_verb or before_verb) and a.actor.type not in ("Civilians", "Protesters", "Rioters"):
                kind: SourceKind = "official" if a.actor.type == "State forces" else "armed group"
                out.append(Source(name=a.actor.name, text=a.text, kind=kind))
        return out


def _unique(sources: list[Source]) -> list[Source]:
    seen, out = set(), []
    for s in sources:
        if s.name not in seen:
            seen.add(s.name)
            out.append(s)
    return out


def _tok_span(view: SentenceView, start: int, end: int) -> tuple[int, int]:
    first = view.token_at(start)
    last = first
    while last + 1 < len(view.tokens) and view.tokens[last + 1].start < end:
        last += 1
    return first, last


# --- actors -----------------------------------------------------------------------------------


def _actor_candidates(m: Mention, idx: DocIndex) -> list[tuple[int, int, ActorMention]]:
    v = m.view
    verbs = idx.lex.union(*ATTRIBUTION)
    src_spans = [(s.start, s.end) for s in idx.sources.get(v.index, [])]
    out = []
    for a in idx.actors.get(v.index, []):
        first, last = _tok_span(v, a.start, a.end)
        overlaps_source = any(s < a.end and a.start < e for s, e in src_spans)
        speaking = v.has_any(verbs, first - 5, first) or v.has_any(verbs, last + 1, last + 3)
        reports = _reports_content(v, last, m.trigger.first, idx)
        resumed = v.has_any(idx.lex.cue("resumptive_complementizers"), last + 1, m.trigger.first)
        if overlaps_source and not resumed and (reports or (speaking and first > m.trigger.last)):
            # the speaker of the sentence, not a participant ("قال مسؤول ومصادر بالشرطة إن ...");
            # a speaking force that is not reporting acts ("أعلنت القوات حظر التجول")
            continue
        if (
            speaking
            and first < m.trigger.first
            and not resumed
            and v.has_any(idx.lex.cue("complementizers"), last + 1, m.trigger.first)
        ):
            continue  # "قال الجيش إن ..." — the army speaks; the content follows
        out.append((first, last, a))
    if m.span is not None:
        # the doer and the target of a happening told in one part of a joined sentence are named
        # in that part ("... استهداف مناطق في الفوعة، بينما نفذ الطيران الحربي غارات")
        lo, hi = m.span
        return [c for c in out if lo <= c[0] < hi]
    return out


def _reports_content(v: SentenceView, last: int, trigger_first: int, idx: DocIndex) -> bool:
    """Between the speaker and the trigger stands "أن/إن" or a quote: the trigger is reported speech."""
    if trigger_first <= last:
        return False
    if v.has_any(idx.lex.cue("complementizers"), last + 1, trigger_first):
        return True
    gap = idx.analysis.document.text[v.tokens[last].end : v.tokens[trigger_first].start]
    return any(q in gap for q in '"«“')  # the slice spans the tokens in between, quote tokens included


def _with_text(a: ActorMention) -> Actor:
    return a.actor if a.actor.text else a.actor.model_copy(update={"text": a.text})


def assign_actors(m: Mention, idx: DocIndex) -> None:
    lex = idx.lex
    v = m.view
    h = m.trigger
    if m.event_type == "Protests":
        m.actor1 = _generic_of_type(m, idx, "Protesters") or PROTESTERS
        return
    if m.event_type == "Riots":
        m.actor1 = _generic_of_type(m, idx, "Rioters") or _generic_of_type(m, idx, "Protesters") or RIOTERS
        return
    if m.event_type == "Displacement":
        m.actor1 = CIVILIANS
        return
    cands = [c for c in _actor_candidates(m, idx) if not _destination(v, c, lex)]
    # "بدعم من طائرات التحالف": a backer of the doer is neither the doer nor the other side
    support = lex.cue("support_markers")
    cands = [
        c
        for c in cands
        if (c[0] <= h.last + 1 and c[1] >= h.first)  # named in or right after the trigger: its doer
        or not v.has_any(support, c[0] - 3, c[0])
    ]
    agentive = lex.cue("agentive")
    targets = lex.cue("target_markers")
    held = lex.cue("held_ground")
    owner = lex.cue("owner_markers")
    patient_trigger = bool(v.keys[h.first] & lex.cue("patient_nouns"))
    lam_target = bool(v.keys[h.last] & lex.cue("lam_target_nouns"))  # "كمينا لمسلحي الحوثي"
    a1 = a2 = None
    # Ordinary people are victims, never the perpetrator of a violent event or an arrest; so is
    # anyone a killing/wounding word or a toll points at ("أصيب ثلاثة جنود", "مقتل عنصرين من الشرطة").
    harmed = lex.cue("victim_markers")
    victims = [c for c in cands if any(v.keys[i] & harmed for i in range(max(0, c[0] - 2), c[0]))]
    victims += [c for c in cands if c not in victims and _counted(v, c, idx)]
    victims += [c for c in cands if c not in victims and _partitive_victim(v, c, lex)]
    # "كما اختطفت رئيس فرع حزب الإصلاح": a titled person after the verb is its object, and the
    # group named in the title is that person's
    victims += [c for c in cands if c not in victims and c[0] > h.last and _titled(v, c[0], lex)]
    # ... and protesters never arrest anyone ("هددت الشرطة المحتجين ثم اعتقلت عشرة منهم")
    passive = ("Civilians", "Protesters") if m.sub_event_type == "Arrests" else ("Civilians",)
    agents = [c for c in cands if c[2].actor.type not in passive and c not in victims]
    # "اشتباكات بين X و Y": the two sides, in the order given
    between = [c for c in agents if c[0] > h.last and c[0] > 0 and "بين" in v.keys[c[0] - 1]]
    if between and m.event_type == "Battles":
        first_side = between[0]
        rest_sides = [
            c for c in agents if c[0] > first_side[1] and not lex.same_side(c[2].actor, first_side[2].actor)
        ]
        m.actor1 = _with_text(first_side[2])
        m.actor2 = _with_text(rest_sides[0][2]) if rest_sides else None
        m.explain.append(f"sides «{first_side[2].text}» / «{rest_sides[0][2].text if rest_sides else ''}»")
        return
    # 00. a verb in a relative clause: its subject is the noun the clause hangs on
    #     ("المسلحين الذين فرّوا من السجن"), never an actor further back in the sentence
    if h.first > 0 and v.keys[h.first - 1] & lex.cue("realis.relative"):
        head = [c for c in agents if c[1] in (h.first - 2, h.first - 3)]
        if head:
            a1 = head[-1]
        agents = [c for c in agents if c[0] > h.last or c in head]
    # 0. the trigger phrase names the attacker ("طيران التحالف", "سلاح الجو التركي")
    for first, last, a in agents if a1 is None else []:
        if first <= h.last and last >= h.first:
            a1 = (first, last, a)
            break
    # 0b. a subject right before the trigger ("طيران التحالف استهدف", "الشرطة اوقفت")
    for first, last, a in agents if a1 is None else []:
        if last < h.first and h.first - last <= 2 and not _preposition_before(v, first, lex):
            a1 = (first, last, a)
    # 0c. the subject of a light verb carrying the event noun ("نفذت قوات التحالف 18 غارة",
    #     "قوات التحالف ... شنت غارات")
    if a1 is None:
        light = lex.cue("light_verbs")
        lv = next((i for i in range(h.first - 1, max(-1, h.first - 13), -1) if v.keys[i] & light), None)
        if lv is not None:
            near = [c for c in agents if c[0] in (lv + 1, lv + 2) or c[1] in (lv - 1, lv - 2)]
            near = [c for c in near if not _preposition_before(v, c[0], lex)]
            if near:
                a1 = min(near, key=lambda c: abs(c[0] - lv))
    # 1. explicit agent: "على يد X", "برصاص X", "غارات التحالف", "هجمات لداعش"
    for first, last, a in agents if a1 is None else []:
        prev_keys = v.keys[first - 1] if first > 0 else frozenset()
        construct = first == h.last + 1 and not patient_trigger
        # "هجمات مفترضة لحركة بوكو حرام": an adjective may stand between the event and its doer
        described = (
            first == h.last + 2
            and _has_lam(v, first)
            and bool(v.keys[h.last + 1] & lex.cue("event_adjectives"))
        )
        # "بغارات مكثفة من التحالف", "هجوم من داعش": the event noun's "من" names its doer
        from_doer = (
            not patient_trigger
            and m.event_type in VIOLENT  # "استسلام أعداد من الميليشيات": who surrenders is actor2
            and first - 1 > h.last
            and "من" in v.keys[first - 1]
            and all(v.keys[i] & lex.cue("event_adjectives") for i in range(h.last + 1, first - 1))
        )
        if (
            (prev_keys & agentive and first != h.last + 1)
            or construct
            or (first == h.last + 1 and _has_lam(v, first) and not lam_target)
            or described
            or from_doer
        ):
            a1 = (first, last, a)
            break
    # 1b. a country name in the doer's slot stands for its forces ("قصفت تركيا مواقع ...",
    #     "الولايات المتحدة وحلفاؤها قصفوا", "شنت إسرائيل غارات")
    if a1 is None and not patient_trigger:
        a1 = _country_doer(m, idx)
    if a1 is None and not patient_trigger:
        a1 = _national_doer(m, idx)
    # 1c. where the fire came from: "قذائف مصدرها مواقع قوات الأسد", "أطلقت من مواقع الحوثيين"
    if a1 is None and m.event_type == "Explosions/Remote violence":
        origin = lex.cue("origin_markers")
        a1 = next((c for c in agents if v.has_any(origin, c[0] - 3, c[0])), None)
    # 2. the patient right after a patient noun ("مقتل عناصر داعش")
    if patient_trigger:
        for first, last, a in cands:
            if h.last < first <= h.last + 3 and (a1 is None or a is not a1[2]):
                a2 = (first, last, a)
                break
        if a1 is None and a2 is not None and _active_subject(v, h, a2, idx, lex):
            a1, a2 = a2, None
        if a1 is None and a2 is not None and not _counted(v, a2, idx):
            # "قتل مسلحون ثمانية أشخاص": a verb with its subject, then the counted victims
            end = a2[1]
            counted_after = next((c for c in cands if end < c[0] <= end + 3 and _counted(v, c, idx)), None)
            if counted_after is not None:
                a1, a2 = a2, counted_after
        if m.sub_event_type == "Arrests" and a2 is not None and a2[2].actor.type == "Civilians":
            # "القبض على 17 شخصا يشتبه في انتمائهم لتنظيم داعش": the group they belong to
            group = [c for c in cands if c[0] > a2[1] and c[2].actor.type not in ("Civilians",)]
            if group:
                a2 = group[0]
    # 3. subject: first actor after the trigger (VSO), else the nearest before it (SVO)
    if a1 is None:
        others = [c for c in agents if a2 is None or c[2] is not a2[2]]
        after = [
            c
            for c in others
            if h.last < c[0] <= h.last + 6
            and not _preposition_before(v, c[0], lex)
            and not v.keys[c[0] - 1] & held  # "السيطرة على كل مواقع الحوثيين": the loser
            and not _owner(v, c[0], owner, lex)
            and not (
                (c[0] > h.last + 1 or lam_target) and _has_lam(v, c[0])
            )  # "استهدفت معسكرا لميليشيات ...": the target's owner
        ]
        before = [
            c
            for c in others
            if c[1] < h.first
            and not _preposition_before(v, c[0], lex)
            # "دبابات تابعة للتنظيم، ... فضلا عن قصف": whose the targets were — unless the owned
            # thing is the subject right before the verb ("النقطة التابعة للحوثيين أطلقت الرصاص")
            and (c[1] >= h.first - 1 or _verb_after(v, c[1], lex) or not _owner(v, c[0], owner, lex))
        ]
        if after and not patient_trigger:
            a1 = after[0]
        elif before:
            a1 = before[-1]
        elif after and a2 is None:
            # "اعتقال 41 عنصرا من داعش": after a patient noun the group named is the one it
            # happens to, never its doer
            a2 = after[0]
    partners: list = []
    if a1 is not None and a1[1] < h.first:
        # "تلك القوات وقوات الجيش اليمني ... سيطرت": a subject of two conjuncts is one side; the
        # first conjunct leads, and neither is the other side.
        first_conjunct, partners = _conjuncts(v, a1, agents)
        a1 = first_conjunct
    if a2 is None:
        rest = [
            c
            for c in cands
            if a1 is None or (c[2] is not a1[2] and not lex.same_side(c[2].actor, a1[2].actor))
        ]
        rest = [c for c in rest if c not in partners]
        if m.sub_event_type == "Arrests":
            # the arrested people's group ("يشتبه في انتمائهم لتنظيم داعش"), not "17 شخصا"
            rest = [c for c in rest if c[2].actor.type != "Civilians"] or rest
        hurt = [c for c in rest if c in victims]
        marked = [c for c in rest if c[0] > 0 and v.keys[c[0] - 1] & targets]
        later = [c for c in rest if c[0] > h.last]
        a2 = (hurt or marked or later or rest)[0] if rest else None  # the first three: parts of rest
    claimed = _claimed_by(v, cands, lex, m.event_type in VIOLENT)
    if claimed is not None and (
        a1 is None
        or a1[2].actor.type in ("Civilians",)
        or a1[2].generic
        or a1[2].actor.name == UNIDENTIFIED.name  # "انتحاري": the bomber, whose group is claimed
        or (a1[0] > 0 and bool(v.keys[a1[0] - 1] & lex.cue("claims")))  # "نسبته قوات الأمن إلى"
    ):
        a1 = claimed  # "نسبت إلى تنظيم داعش", "تبنى حزب العمال الهجوم": the claimant did it
        if a2 is not None and a2[2] is claimed[2]:
            a2 = None
    if (
        m.event_type == "Battles"
        and a1 is None
        and a2 is not None
        and a2 not in victims
        and not (a2[0] > 0 and v.keys[a2[0] - 1] & held)
    ):
        # one side named alone in a battle is its actor1 — unless it is named as the target
        # ("السيطرة على كل مواقع الحوثيين": the side that lost them)
        a1, a2 = a2, None
    if m.event_type == "Battles" and a1 is None and a2 is not None:
        # "قتل 30 من مسلحي الحوثي في مواجهات مع المقاومة": the side they fought did it
        a1 = next(
            (
                c
                for c in agents
                if c[0] > h.last
                and "مع" in v.keys[c[0] - 1]
                and c[2] is not a2[2]
                and not lex.same_side(c[2].actor, a2[2].actor)
            ),
            None,
        )
    a1 = _whose_men(v, a1, cands)
    men = _whose_men(v, a2, cands)
    if a1 is None or men is None or men[2].actor.name != a1[2].actor.name:
        a2 = men
    m.actor1 = _with_text(a1[2]) if a1 else None
    m.actor2 = _with_text(a2[2]) if a2 else None
    if m.actor1 is None and m.event_type in VIOLENT:
        # "فلسطيني يدهس 3 جنود", "هاجم مسلحون ...": a person named as the doer is an unidentified attacker
        doer = next((c for c in cands if c[1] == h.first - 1 and c not in victims), None)
        if doer is not None and doer[2].actor.type in UNARMED:
            m.actor1 = UNIDENTIFIED.model_copy(update={"text": doer[2].text})
        elif doer is not None:
            # "ردّ عليه الجيش الإسرائيلي بغارة": a force right before the event noun did it
            m.actor1 = _with_text(doer[2])
            m.explain.append(f"actor1 «{doer[2].text}» (right before the event)")
    civilian_victims = m.event_type in VIOLENT and v.has_any(lex.cue("civilian"))
    if m.actor2 is None and civilian_victims and (m.actor1 is None or m.actor1.name != "Civilians"):
        m.actor2 = CIVILIANS
    if m.event_type == "Battles" and m.actor2 is not None and m.actor2.type == "Civilians":
        # civilians caught in a battle are its toll, never one of its sides (ACLED)
        m.actor2 = None
    if m.actor1 is not None and m.actor2 is not None and lex.same_side(m.actor1, m.actor2):
        m.actor2 = None  # "مقتل تسعة من الحوثيين وقوات صالح": allies are one side
    if a1:
        m.explain.append(f"actor1 «{a1[2].text}»")


def _country_doer(m: Mention, idx: DocIndex) -> tuple[int, int, ActorMention] | None:
    """A bare country name as the doer: the subject opening its clause right before the trigger
    ("إن الولايات المتحدة وحلفاءها قصفوا"), right after a trigger that is a verb ("قصفت تركيا"), or
    right after a verb of doing that carries the event noun ("شنت إسرائيل غارات")."""
    v, h, lex = m.view, m.trigger, idx.lex
    countries = idx.country_forces.get(v.index)
    if not countries:
        return None
    verb = bool(v.keys[h.first] & lex.cue("verbs"))
    doers = lex.cue("doing_verbs")
    doing = next((i for i in range(h.first - 1, max(-1, h.first - 13), -1) if v.keys[i] & doers), None)
    opens = lex.cue("complementizers")
    for a in countries:
        first, last = _tok_span(v, a.start, a.end)
        if _preposition_before(v, first, lex):
            continue
        opening = first == 0 or bool(v.keys[first - 1] & opens) or not v.tokens[first - 1].text.isalnum()
        # the preverbal subject of the trigger verb, or of the verb of doing that carries the event
        # noun ("إن الولايات المتحدة وحلفاءها شنوا 18 غارة"); between them nothing, or its conjunct
        for verb_at in (h.first, doing):
            if verb_at is not None and opening and last < verb_at and _subject_before(v, last, verb_at):
                return first, last, a
        if (verb and first == h.last + 1) or (doing is not None and first == doing + 1):
            return first, last, a
    return None


def _national_doer(m: Mention, idx: DocIndex) -> tuple[int, int, ActorMention] | None:
    """ "الغارات الجوية التركية", "القصف الروسي", "غارة أمريكية": a nationality adjective right after
    a word of bombardment (a word of its kind between them at most) names the state whose forces
    did it. Not after a clash or an attack: "اشتباكات فلسطينية" are fought by Palestinians, not
    by a state's forces."""
    v, h, lex = m.view, m.trigger, idx.lex
    forces = idx.national_forces.get(v.index)
    if not forces or m.event_type != "Explosions/Remote violence" or v.keys[h.first] & lex.cue("verbs"):
        return None
    slots = {h.last + 1}
    if h.last + 1 < len(v.tokens) and v.keys[h.last + 1] & lex.cue("national_doer_between"):
        slots.add(h.last + 2)
    for a in forces:
        first, last = _tok_span(v, a.start, a.end)
        if first in slots:
            return first, last, a
    return None


def _subject_before(v: SentenceView, last: int, verb_at: int) -> bool:
    """Nothing stands between a subject ending at ``last`` and its verb, or only its conjunct
    ("الولايات المتحدة وحلفاؤها شنوا")."""
    between = [v.tokens[i].norm or "" for i in range(last + 1, verb_at)]
    return len(between) <= 1 and all(w.startswith("و") for w in between)


def _conjuncts(v: SentenceView, a1: tuple, agents: list) -> tuple[tuple, list]:
    """The first conjunct of a coordinated subject ending in ``a1`` and the others."""
    chain = [a1]
    while True:
        head = chain[0]
        joined = "و" in v.tokens[head[0]].segments[:1] or (head[0] > 0 and v.tokens[head[0] - 1].norm == "و")
        # the conjuncts stand next to each other, or the first carries where it is from ("المقاومة
        # الشعبية في محافظة لحج وقوات الجيش")
        prev = [
            c
            for c in agents
            if c[1] < head[0]
            and (head[0] - c[1] <= 2 or (head[0] - c[1] <= 5 and v.tokens[c[1] + 1].norm == "في"))
            and c not in chain
        ]
        if not joined or not prev:
            break
        chain.insert(0, prev[-1])
    return chain[0], chain[1:]


def _claimed_by(
    v: SentenceView, cands: list[tuple[int, int, ActorMention]], lex: Lexicon, violent: bool = False
) -> tuple[int, int, ActorMention] | None:
    """The armed group a responsibility claim or attribution names, if the sentence has one; for a
    violent event also the one said to be behind it ("يقف وراءه"; for an arrest that is the
    arrested people's group, not the arresting force)."""
    cue = lex.union(*CLAIMS_OR_PERPETRATION) if violent else lex.cue("claims")
    at = v.positions(cue)
    if violent:  # and the phrases: "من تنفيذ تنظيم داعش"
        at = sorted(at + v.phrase_starts("perpetration", lex.phrase_index("perpetration")))
    for i in at:
        near = [c for c in cands if i < c[0] <= i + 4 or 0 < i - c[1] <= 2 or _laid_to(v, i, c)]
        near = [c for c in near if c[2].actor.type not in ("Civilians", "Protesters") and not c[2].generic]
        # "نسبته الحكومة التركية إلى تنظيم داعش": the party it is laid to, not who lays it
        near = [c for c in near if _laid_to(v, i, c)] or near
        if near:
            return min(near, key=lambda c: abs(c[0] - i))
    return None


def _laid_to(v: SentenceView, i: int, c: tuple[int, int, ActorMention]) -> bool:
    """The actor comes after "إلى" (and maybe its head noun) a few words after the claim word at
    ``i`` ("نسبته الحكومة الإسلامية المحافظة التركية إلى تنظيم داعش")."""
    return i < c[0] <= i + 8 and any(v.keys[j] & _TO for j in (c[0] - 1, c[0] - 2) if j > i)


_TO = frozenset({normalize_key("إلى")})  # as the text stage keys it


def _partitive_victim(v: SentenceView, c: tuple[int, int, ActorMention], lex: Lexicon) -> bool:
    """The force a toll is taken from: "استشهاد عشرة من منسوبي قوات الطوارئ", "مقتل 12 من
    قوات النظام" — a killing word, a "من" right before the force (or before its members'
    noun), but not the agentive "من قبل"."""
    i = c[0] - 1
    if i >= 0 and v.keys[i] & lex.cue("member_nouns"):
        i -= 1
    if i < 1 or "من" not in v.keys[i] or "قبل" in v.keys[i + 1]:
        return False
    harmed = lex.cue("victim_markers")
    # "... عشرة من منسوبي القوة" after the killing word, or "اثنين من أفراد قوات الأمن قتلا" before it
    return v.has_any(harmed, i - 4, i) or v.has_any(harmed, c[1] + 1, c[1] + 3)


def _counted(v: SentenceView, c: tuple[int, int, ActorMention], idx: DocIndex) -> bool:
    """The actor phrase is the counted noun of a quantity ("ثلاثة جنود إسرائيليين")."""
    a = c[2]
    return any(
        q.start <= a.start <= q.end or a.start <= q.start < a.end for q in idx.quantities.get(v.index, [])
    )


def _titled(v: SentenceView, first: int, lex: Lexicon) -> bool:
    """A person's title stands right before the actor phrase, or one word before it ("رئيس فرع
    حزب الإصلاح", "القيادي في داعش")."""
    titles = lex.cue("person_titles")
    return v.has_any(titles, first - 2, first) or (
        first >= 3 and "في" in v.keys[first - 1] and v.has_any(titles, first - 3, first - 1)
    )


def _destination(v: SentenceView, c: tuple[int, int, ActorMention], lex: Lexicon) -> bool:
    """ "واقتادوه إلى جهة مجهولة", "لجهة مجهولة": where the person was taken, not who did it."""
    if c[2].actor.name != UNIDENTIFIED.name or c[0] < 1:
        return False
    return bool(v.keys[c[0] - 1] & lex.cue("destination_prepositions")) or v.surface(c[0]).startswith("ل")


def _whose_men(v: SentenceView, c: tuple | None, cands: list) -> tuple | None:
    """ "115 مسلحا من جبهة النصرة", "مسلحون من داعش": generic fighters named with their group are
    that group."""
    if c is None or not c[2].generic or c[1] + 2 >= len(v.tokens) or "من" not in v.keys[c[1] + 1]:
        return c
    group = next((x for x in cands if x[0] == c[1] + 2 and not x[2].generic), None)
    return group or c


def _owner(v: SentenceView, first: int, owner: frozenset[str], lex: Lexicon) -> bool:
    """The actor at ``first`` owns the things before it ("دبابات تابعة للتنظيم"), unless those are
    its fighters or aircraft ("مسلحين تابعين للمقاومة", "طائرات تابعة للتحالف"): they are its own."""
    if first < 1 or not v.keys[first - 1] & owner:
        return False
    # the owned noun, or the noun adjectives follow ("الفرقة الأولى الساحلية التابعة للجيش الحر")
    return not v.has_any(lex.cue("fighters"), first - 4, first - 1)


def _verb_after(v: SentenceView, last: int, lex: Lexicon) -> bool:
    return last + 1 < len(v.tokens) and bool(v.keys[last + 1] & (lex.cue("verbs") | lex.cue("light_verbs")))


def _active_subject(
    v: SentenceView, h: TriggerHit, c: tuple[int, int, ActorMention], idx: DocIndex, lex: Lexicon
) -> bool:
    """ "قتل المتمردون جنديين": a bare killing verb, a plural in the nominative (-ون) right after it,
    then whom it was done to — the plural is the verb's subject. A passive reading ("قُتل
    المتمردون") has no victim after the plural, and a noun ("مقتل المتمردين") takes the genitive."""
    if c[0] != h.last + 1 or not v.keys[h.first] & lex.cue("verbs") or c[1] + 1 >= len(v.tokens):
        return False
    if not v.surface(c[1]).endswith("ون"):
        return False
    after = c[1] + 1
    start = v.tokens[after].start
    return any(q.start == start for q in idx.quantities.get(v.index, [])) or bool(
        v.keys[after] & (lex.cue("civilian") | lex.cue("military"))
    )


_PREPOSITIONS = frozenset(
    {"في", "من", "على", "الى", "عن", "مع", "ضد", "بين", "لدى", "عند", "حول", "بعد", "قبل"}
)


def _preposition_before(v: SentenceView, first: int, lex: Lexicon) -> bool:
    return first > 0 and bool(v.keys[first - 1] & (_PREPOSITIONS | lex.cue("target_markers")))


def _has_lam(v: SentenceView, i: int) -> bool:
    norm = v.surface(i)
    return norm.startswith(("ل", "لل", "ول"))


def _generic_of_type(m: Mention, idx: DocIndex, actor_type: str) -> Actor | None:
    for a in idx.actors.get(m.view.index, []):
        if a.actor.type == actor_type:
            return _with_text(a)
    return None


# --- location ---------------------------------------------------------------------------------

_KIND_RANK = {"sublocation": 0, "town": 0, "admin2": 1, "admin1": 2, "country": 3}


def _place_rank(p: PlaceMention) -> tuple[int, int]:
    loc = p.location
    specific = 0 if (loc.lat is not None and loc.precision == 1) else (1 if loc.precision == 2 else 2)
    if loc.lat is None:
        specific = 3
    return specific, _KIND_RANK.get(p.kind, 2)


def choose_place(m: Mention, idx: DocIndex, places: list[PlaceMention]) -> PlaceMention | None:
    """The place nearest the trigger (after it preferred: "قصفت ... في X"); a country only when
    nothing finer is named, and a province loses to a town unless it is much closer."""
    if not places:
        return None
    h = m.trigger
    v = m.view
    lex, text = idx.lex, idx.analysis.document.text
    border = lex.cue("border_words")

    def key(p: PlaceMention) -> tuple:
        dist = p.start - h.end if p.start >= h.end else (h.start - p.end) * 1.5 + 40
        loc = p.location
        country_only = loc.lat is None
        coarse = 60 if loc.precision == 3 or p.kind in ("admin1", "admin2") else 0
        # "في إقليم شرناخ الحدودي مع العراق": the country across the border is not where it was
        at = v.token_at(p.start)
        across = at >= 2 and "مع" in v.keys[at - 1] and bool(v.keys[at - 2] & border)
        return (
            across or _reference_point(v, at, text, lex) or in_relation(v, at, lex),
            country_only,
            dist + coarse,
        )

    return min(places, key=key)


_RELATION_LINKS = frozenset({"من", "مع"})
# words of a sentence that is only an attribution ("وفقا لوكالة رويترز.", with its full stop)
_TRAILER_MAX = 6


def in_relation(v: SentenceView, at: int, lex: Lexicon) -> bool:
    """The place at token ``at`` names who leads, backs or sides with a party, or where something
    came from ("تحالف تقوده الولايات المتحدة", "المتحالفة مع إيران", "قادمة من إيران"): not the
    scene of the happening."""
    if "ب" in v.tokens[at].segments[:-1]:
        return False  # "القرى الموالية بريف حماة": where the loyal villages are
    return v.preceded_by(at, lex.cue("relation_before"), _RELATION_LINKS)


def settle_scene(m: Mention, idx: DocIndex, previous: list[Mention]) -> None:
    """After the gate (whose "place" feature is the sentence's own place): a record whose only
    place in its sentence is named in a relation to a party (``in_relation``), or is the country
    named as its doer ("شنت الولايات المتحدة غارات"), takes the place the text is about instead,
    as one naming no place does; it keeps that place when the text names no other."""
    if m.location is None or m.location_inherited:
        return
    v = m.view
    chosen = next((p for p in idx.places.get(v.index, []) if p.location == m.location), None)
    if chosen is None:
        return
    doer = chosen.kind == "country" and m.actor1 is not None and m.actor1.text == chosen.text
    if not (doer or in_relation(v, v.token_at(chosen.start), idx.lex)):
        return
    scene = _inherited(m, idx, previous)
    if scene is not None:
        m.location, m.location_inherited = scene, True
        role = "the doer" if doer else "a party's ally or origin"
        m.explain.append(f"«{chosen.text}» named as {role}, not the scene")


def _reference_point(v: SentenceView, at: int, text: str, lex: Lexicon) -> bool:
    """The place only locates another one: "في تعز (جنوب صنعاء)", "بعقوبة (60 كلم شمال شرقي
    بغداد)" — a compass word right before it, in parentheses or after a distance of more than
    25 km (ACLED's "near" radius)."""
    directions = lex.cue("directions")
    d = at if v.keys[at] & directions else at - 1  # the compass word may open the place's own span
    if d < 0 or not v.keys[d] & directions:
        return False
    while d >= 0 and v.keys[d] & directions:
        d -= 1  # "شمال شرقي": back to the first compass word
    first = d + 1
    before = text[max(0, v.tokens[first].start - 12) : v.tokens[first].start]
    if before.rfind("(") > before.rfind(")"):  # inside an open parenthesis
        return True
    # "50 كلم شرق الرمادي" — but a short way ("على بعد كيلومترات جنوبي الرمادي", "5 كلم") is near it
    unit = v.first_index(lex.cue("distance_units"), max(0, first - 2), first)
    if unit is None or unit == 0:
        return False
    number = v.surface(unit - 1)
    return number.isdigit() and int(number) > 25


def assign_location(m: Mention, idx: DocIndex, previous: list[Mention]) -> None:
    here = idx.places.get(m.view.index, [])
    if m.span is not None:
        # a place named in the mention's own part of the sentence, if its part names one
        lo, hi = m.span
        own = [p for p in here if lo <= m.view.token_at(p.start) < hi]
        here = own or here
    best = choose_place(m, idx, here)
    if best is not None and best.location.country:
        m.location = best.location
        m.explain.append(f"place «{best.text}»")
        return
    _inherit_location(m, idx, previous)
    if best is not None and m.location is not None and m.location.lat is not None:
        # "شارع ..." with no town of its own: the town the text is about, with this sublocation
        m.location = m.location.model_copy(update={"sublocation": best.location.sublocation or best.text})
        m.explain.append(f"place «{best.text}» in {m.location.name}")


def listed_places(m: Mention, idx: DocIndex) -> list[Mention]:
    """ "خرجت تظاهرات في البصرة وذي قار والحلة", "غارات على الموصل ومخمور": a happening told of a
    list of towns or provinces is one happening per place (ACLED codes one event per location).
    Returns a copy of ``m`` for each place listed with its own; the counts stay with ``m``, since
    the text does not say how they split. Not for a way somewhere ("باتجاه بلدات صدد وفيروزة") or
    two ends ("بين حلب وإدلب")."""
    if m.location is None or m.location_inherited or not _listable(m):
        return []
    places = sorted(idx.places.get(m.view.index, []), key=attrgetter("start"))
    at = next((i for i, p in enumerate(places) if p.location == m.location), None)
    if at is None:
        return []
    lo = hi = at
    while lo > 0 and _joined(places[lo - 1], places[lo], idx):
        lo -= 1
    while hi + 1 < len(places) and _joined(places[hi], places[hi + 1], idx):
        hi += 1
    if lo == hi or _not_the_scene(m.view, places[lo], idx):
        return []
    copies = []
    for p in places[lo : hi + 1]:
        if (
            p.kind in ("town", "admin1")
            and p.location.lat is not None
            and not same_place(p.location, m.location)
        ):
            c = replace(
                m,
                location=p.location,
                counts={},
                lone=set(),
                explain=[*m.explain, f"also at «{p.text}» (listed)"],
            )
            copies.append(c)
    return copies


def _listable(m: Mention) -> bool:
    return m.event_type in VIOLENT or m.event_type in ("Protests", "Riots")


def _joined(a: PlaceMention, b: PlaceMention, idx: DocIndex) -> bool:
    """ "و" or "،", and maybe a frame word ("ومدينة"), stand between the two place names: not a
    locator ("رفح جنوب قطاع غزة") nor an address ("بيحان محافظة شبوة")."""
    gap = idx.analysis.document.text[a.end : b.start].strip()
    joined = gap.startswith(("،", ","))
    gap = gap.lstrip("،,").strip()
    if gap.startswith("و"):
        joined, gap = True, gap[1:]
    if not joined:
        return False  # "موقس منطقة بيحان محافظة شبوة": an address, each name inside the next
    return gap == "" or normalize_key(gap) in idx.lex.cue("list_frames")


def _not_the_scene(v: SentenceView, first: PlaceMention, idx: DocIndex) -> bool:
    i = v.token_at(first.start)
    return v.has_any(idx.lex.cue("not_scene_before_list"), i - 2, i)


def _inherit_location(m: Mention, idx: DocIndex, previous: list[Mention]) -> None:
    loc = _inherited(m, idx, previous)
    if loc is not None:
        m.location, m.location_inherited = loc, True


def _inherited(m: Mention, idx: DocIndex, previous: list[Mention]) -> Location | None:
    """The place a mention naming none inherits: the last event place in the same paragraph, then
    the last place named before, then the first named after. A bare sublocation ("شارع ...", no
    town found) is no place to inherit: it has no country."""
    for p in reversed(previous):
        if p.view.paragraph == m.view.paragraph and p.location is not None and p.location.country:
            return p.location
    for i in range(m.view.index - 1, -1, -1):
        cands = [c for c in idx.places.get(i, []) if c.location.country]
        if cands:
            return min(cands, key=_place_rank).location
    for i in range(m.view.index + 1, len(idx.views)):
        cands = [c for c in idx.places.get(i, []) if c.location.country]
        if cands:
            return min(cands, key=_place_rank).location
    return None


# --- date -------------------------------------------------------------------------------------


def _usable(d: DateMention, published: dt.date | None = None) -> bool:
    """A date an event can have: not a span, and not after the report ("بحلول 30 يوليو")."""
    if getattr(d, "kind", None) in ("to_date", "duration"):
        return False
    return not (published and d.value and d.precision == 1 and d.value > published)


def assign_date(m: Mention, idx: DocIndex) -> None:
    published = idx.analysis.document.published
    here = [
        d
        for d in idx.dates.get(m.view.index, [])
        if _usable(d, published) and not (d.kind == "since" and _compares(d, m.view, idx.lex))
    ]
    if len(here) > 1:
        # "أكدت الشرطة اليوم وجود صلة بين الهجوم على المتحف في 18 مارس ...": the day after a
        # verb of saying dates the saying; the happening takes the sentence's other date
        of_event = [d for d in here if not _dates_saying(d, m, idx)]
        here = of_event or here
    if here:
        h = m.trigger
        d = min(here, key=lambda d: abs(d.start - h.start))
        m.date = EventDate(
            value=d.value.isoformat() if d.value else None, precision=_precision(d), text=d.text
        )
        m.date_explicit = True
        return
    for i in range(m.view.index - 1, -1, -1):
        if idx.views[i].paragraph != m.view.paragraph:
            break
        prior = [d for d in idx.dates.get(i, []) if _usable(d, published)]
        if prior:
            d = prior[-1]
            m.date = EventDate(
                value=d.value.isoformat() if d.value else None, precision=_precision(d), text=None
            )
            m.date_explicit = True
            return
    m.date = EventDate(value=published.isoformat() if published else None, precision=2, text=None)


def _compares(d: DateMention, v: SentenceView, lex: Lexicon) -> bool:
    """ "أعنف هجوم منذ شهرين": a "since" that measures a superlative dates nothing."""
    at = next((i for i, t in enumerate(v.tokens) if t.start >= d.start), None)
    return at is not None and compared(v, at, lex)


def _dates_saying(d: DateMention, m: Mention, idx: DocIndex) -> bool:
    """The date stands within six words after a verb of saying ("أكدت الشرطة البريطانية اليوم
    (الأربعاء)"), with the trigger not between."""
    v = m.view
    at = next((i for i, t in enumerate(v.tokens) if t.start >= d.start), None)
    if at is None:
        return False
    verbs = idx.lex.cue("attribution.verbs")
    return any(v.keys[i] & verbs and not (i < m.trigger.first < at) for i in range(max(0, at - 6), at))


# A Gregorian year of history ("عام 1869", "بين 1596 و1608م"), outside the Hijri years 1300–1499
# that Saudi papers date the present with ("عام 1436هـ")
_HISTORIC_YEAR = re.compile(
    r"(?:(?:عام|سنة|سنه|العام|عامي|بين)\s+(1[0-2]\d\d|1[5-8]\d\d)(?!\d)(?!\s*ه))"
    r"|(?<!\d)(1[0-2]\d\d|1[5-8]\d\d)\s*م(?!\w)"
    # a chronology's line: "1943- فرار أكثر من 600 أسير من معسكر"
    r"|^\s*(1[0-9]\d\d)\s*[-–]"
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def _years_told(v: SentenceView) -> tuple[int | None, bool]:
    """The latest year the sentence names (None: none) and whether it names a year of history;
    facts of the sentence, asked for each of its mentions: found once."""
    found = v.facts.get("years")
    if found is None:
        text = v.sentence.text
        years = [int(y) for y in _YEAR.findall(text)]
        # every historic year has a "1": most sentences are spared the pattern
        historic = "1" in text and _HISTORIC_YEAR.search(text) is not None
        found = v.facts["years"] = (max(years) if years else None, historic)
    return found  # type: ignore[return-value]


def too_old(m: Mention, published: dt.date | None, lex: Lexicon | None = None, days: int = 30) -> bool:
    """Background more than about a month before publication is not coded: an explicit date that
    old, or — with no usable date in the sentence — a year named that is before publication's
    ("عام 2003 هاجم إرهابيون ...", "منذ 2004") or said to be past ("الذي قتل العام الماضي")."""
    if published is None:
        return False
    if lex is not None and _dated_back_at_trigger(m, published, lex):
        return True
    if m.date.value and m.date_explicit and m.date.text:
        return (published - dt.date.fromisoformat(m.date.value)).days > days
    latest, historic = _years_told(m.view)
    if latest is not None and latest < published.year:
        return True
    if historic:
        return True
    if lex is not None and m.view.has_cue(lex, "realis.past_years"):
        return True
    if m.date.value and m.date_explicit:
        return (published - dt.date.fromisoformat(m.date.value)).days > days
    return False


def _dated_back_at_trigger(m: Mention, published: dt.date, lex: Lexicon) -> bool:
    """The trigger itself is dated years or months back, whatever other date the sentence has:
    "بعد سيطرة حماس في عام 2007، والآن ..." (a past year right after it; one before it may date
    another clause: "التي دعمتها واشنطن عام 2013، وتستهدفها الطائرات الآن"), "قبل عامين تم القبض
    على ..." (an interval back right before it). "منذ عام 2007" compares ("أسوأ هجوم منذ عام
    2007") and is left to the other rules."""
    v, h = m.view, m.trigger
    year_heads = lex.cue("realis.year_heads")
    for i in range(h.last + 1, min(len(v.tokens), h.last + 8)):
        year = v.surface(i)
        if not (len(year) == 4 and year.isdigit() and 1900 < int(year) < published.year):
            continue
        if i > 0 and v.keys[i - 1] & year_heads and not v.has_cue(lex, "realis.since", i - 3, i):
            return True
    ago = v.first_index(lex.cue("realis.ago"), max(0, h.first - 10), h.first)
    if ago is None:  # "أوقفته الجهات الأمنية قبل عامين"
        ago = v.first_index(lex.cue("realis.ago"), h.last + 1, h.last + 5)
    return ago is not None and v.has_cue(lex, "realis.long_ago_units", ago + 1, ago + 3)


# --- counts -----------------------------------------------------------------------------------


_POST_NOMINAL = frozenset({"اثنين", "اثنان", "اثنتين", "اثنتان", "واثنين", "واثنان"})


def count_kind(
    q: Quantity, v: SentenceView, lex: Lexicon, others: Sequence[Quantity] = ()
) -> tuple[str, str | None] | None:
    """What a quantity counts (fatalities/injured/arrested/displaced) and its unit, if anything.
    A word of a toll that is another figure's own noun (``others``: the sentence's quantities)
    says what that figure counts, not this one: "أودى بحياة 32 شخصا ومائة جريح"."""
    if q.unit_class in ("objects", "measures"):
        return None  # "10 سيارات", "ألف مليار دولار": things and sums, never people
    unit = (q.unit or "").strip()
    kind_of_unit = _unit_kind(unit, lex)
    if kind_of_unit is not None:
        return kind_of_unit, None
    fam_unit = (
        "families" if unit and any(unit.startswith(u) for u in lex.cue("counts.units.families")) else None
    )
    window = int(lex.cues["counts"]["window"])
    first, last = _tok_span(v, q.start, q.end)
    if first > 0 and v.keys[first - 1] & lex.cue("counts.breakdown"):
        return None
    if v.has_any(lex.cue("counts.age"), first - 2, first):
        return None  # an age ("البالغ من العمر 53 عاما")
    best: tuple[float, str] | None = None
    # "مقتل عسكريين تركيين اثنين وجرح أربعة": a dual's number follows its noun, whose word came before
    hi = last + 1 if v.surface(first) in _POST_NOMINAL else min(len(v.tokens), last + 1 + window)
    # "سبعة من مليشيا الحشد الشعبي قتلوا": after "من" a named group may stand between the figure
    # and a verb agreeing with it, further than the window
    far = hi
    if hi > last + 1 and last + 1 < len(v.tokens) and v.surface(last + 1) == "من":
        far = min(len(v.tokens), last + 1 + 2 * window)
    elif hi == last + 1:
        far = min(len(v.tokens), hi + 1)  # "شرطيين اثنين قتلا": the verb right after the number
    partitive = lex.cue("counts.partitive_verbs")
    nouns = {v.token_at(o.unit_start) for o in others if o is not q and o.unit_start is not None}
    for kind in _COUNT_KINDS:
        words = lex.cue(f"counts.{kind}")
        for i in range(max(0, first - window), far):
            if first <= i <= last or (i >= hi and not v.keys[i] & partitive) or i in nouns:
                continue
            if v.keys[i] & words:
                dist = first - i if i < first else (i - last) + 0.5
                if best is None or dist < best[0]:
                    best = (dist, kind)
    if best is None:
        return None
    kind = best[1]
    if kind == "displaced":
        return kind, fam_unit or "persons"
    return kind, None


def _unit_kind(unit: str, lex: Lexicon) -> str | None:
    """The toll a figure's own noun names ("قتيل", "جريح", "نازح", "معتقل"), if it names one."""
    if not unit:
        return None
    for kind in ("fatalities", "injured", "displaced", "arrested"):
        if any(unit.startswith(u) for u in lex.cue(f"counts.units.{kind}")):
            return kind
    return None


def _harmed(m: Mention) -> bool:
    return m.event_type in VIOLENT or m.event_type in ("Protests", "Riots")


# the mentions a count of each kind can belong to
_COUNT_FITS: dict[str, Callable[[Mention], bool]] = {
    "fatalities": _harmed,
    "injured": _harmed,
    "arrested": lambda m: m.sub_event_type == "Arrests",
    "displaced": lambda m: m.event_type == "Displacement",
}


def assign_counts(mentions: list[Mention], idx: DocIndex) -> None:
    """Counts belong to the event whose sentence states them (nearest fitting trigger)."""
    if not mentions:
        return
    v = mentions[0].view
    fits = _COUNT_FITS
    last: dict[str, tuple[Mention, Quantity]] = {}  # the figure each kind of count last went to
    figures = idx.quantities.get(v.index, [])
    for q in figures:
        found = count_kind(q, v, idx.lex, figures)
        if found is None:
            continue
        kind, unit = found
        if kind in ("fatalities", "injured") and q.qualifier == "at_least" and (q.value or 0) >= 1000:
            continue  # "مقتل مئات الآلاف": a war's toll, not this event's
        owners = [m for m in mentions if fits[kind](m)]
        if not owners:
            continue
        owner = _caused_by(owners, v, q.start, idx.lex) or min(
            owners, key=lambda m: abs(m.trigger.start - q.start)
        )
        qualifier = cast("Qualifier", q.qualifier or "exact")  # one of numbers.py's (Count checks it)
        before = last.get(kind)
        if kind in owner.counts:
            if before is not None and before[0] is owner and _joined_figures(before[1], q, v, idx):
                part = Count(value=q.value, qualifier=qualifier, text=q.text)
                owner.counts[kind] = added_counts(owner.counts[kind], part)
                last[kind] = (owner, q)
            continue
        owner.counts[kind] = Count(value=q.value, qualifier=qualifier, unit=unit, text=q.text)
        last[kind] = (owner, q)


def _joined_figures(a: Quantity, b: Quantity, v: SentenceView, idx: DocIndex) -> bool:
    """ "أربعة من قادة الحزب ونحو 30 متمردا قتلوا", "مقتل 42 حوثيا و9 من المقاومة": two figures of
    one kind joined by "و", with nothing between but the first one's noun phrase (no verb of
    another count, no place, no comma), are one toll in parts."""
    text = idx.analysis.document.text
    gap = text[a.end : b.start]
    if "،" in gap or "," in gap or len(gap.split()) > 6:
        return False
    # "و" is the second figure's own clitic ("ونحو 30", "و9"), not a letter of it ("واحدة")
    tok = v.tokens[v.token_at(b.start - 1)] if b.start > 0 else None
    if tok is None or not tok.segments or tok.segments[0] != "و" or not gap.rstrip().endswith("و"):
        return False
    if any(a.end <= p.start < b.start for p in idx.places.get(v.index, [])):
        return False  # "7 في دوما و5 في حرستا": a toll per place
    lo, hi = v.token_at(a.end), v.token_at(b.start)
    tolls = idx.lex.union(*ALL_TOLLS)
    if v.has_any(tolls, lo, hi):
        return False
    # "أودى بحياة 32 شخصا ومائة جريح": the second figure's own noun says which toll it is, and
    # the first one's does not say the same
    kind_b = _unit_kind((b.unit or "").strip(), idx.lex)
    return kind_b is None or kind_b == _unit_kind(a.unit or "", idx.lex)


def added_counts(total: Count, part: Count) -> Count:
    """One toll told in parts ("42 حوثيا و9 من المقاومة"): the sum, as sure as its least sure part."""
    if part.value is None:
        return total
    qualifiers = {total.qualifier, part.qualifier}
    return Count(
        value=(total.value or 0) + part.value,
        qualifier=next((x for x in ("at_least", "approx") if x in qualifiers), "exact"),
        unit=total.unit,
        text=f"{total.text}، {part.text}",
    )


def drop_combined_tolls(m: Mention, idx: DocIndex) -> None:
    """ "مقتل وإصابة 35 مدنيا", "250 شخصا بين قتيل وجريح": the dead and the wounded counted
    together say neither how many died nor how many were hurt, so the figure is neither toll. A
    vague one ("عدد من القتلى والجرحى", "مقتل وإصابة العشرات") still says people died: it is the
    contract's conservative death toll for that word (3, 12 … at least), and no wounded count.
    Run after the gate, which was fitted with such figures as counts."""
    v = m.view
    figures = idx.quantities.get(v.index, [])
    for kind in ("fatalities", "injured"):
        count = m.counts.get(kind)
        if count is None:
            continue
        q = next((q for q in figures if q.text == count.text), None)
        if q is None or not _dead_and_wounded(v, q, figures, idx.lex):
            continue
        del m.counts[kind]
        if q.vague and "fatalities" not in m.counts:
            m.counts["fatalities"] = count
            m.explain.append(f"«{q.text}»: dead and wounded together, vague: a death toll")
        else:
            m.explain.append(f"«{q.text}»: dead and wounded together, no toll")


def _dead_and_wounded(v: SentenceView, q: Quantity, figures: list[Quantity], lex: Lexicon) -> bool:
    """A word of death and a word of injury joined by "و" right before the figure ("مقتل وإصابة
    35"), or right after it with no toll of its own after them ("القتلى والجرحى", "بين قتيل
    وجريح", "قتلوا وجرحوا"); but "43 شخصا قتلوا وأصيب 173", "قتلوا وأصيب آخرون" and "قتلوا
    وأصيب العشرات" are two tolls, and so is the 173 there. ``figures``: the sentence's quantities."""
    first, last = _tok_span(v, q.start, q.end)
    n = len(v.tokens)
    starts = {v.token_at(o.start) for o in figures if o is not q}
    if _dead_then_wounded(v, first - 2, lex):
        # "مقتل وإصابة 35", "قتل وجرح نحو 50"; not the second toll of "43 شخصا قتلوا وأصيب 173"
        # or "لقي 24 مسلحا مصرعهم وأصيب 42"
        return bool(v.keys[first - 2] & lex.cue("counts.dead_and_wounded_heads"))
    at = last + 2 if last + 1 < n and "بين" in v.keys[last + 1] else last
    for i in (at, at + 1):
        if _dead_then_wounded(v, i, lex):
            after = i + 2
            return after >= n or not (after in starts or v.keys[after] & lex.cue("counts.others"))
    return False


def _dead_then_wounded(v: SentenceView, i: int, lex: Lexicon) -> bool:
    """Token ``i`` is a word of death and the next one "و" + a word of injury ("مقتل وإصابة")."""
    return (
        0 <= i < len(v.tokens) - 1
        and bool(v.keys[i] & lex.cue("counts.fatalities"))
        and bool(v.keys[i + 1] & lex.cue("counts.injured"))
        and v.tokens[i + 1].segments[:1] == ("و",)
    )


def lone_persons(mentions: list[Mention], idx: DocIndex) -> None:
    """ "مقتل جندي", "إصابة شرطي", "اعتقال شاب": one person named in the singular right after a
    word of death, injury or arrest is a count of 1 (as ACLED counts a lone victim), for the event
    a figure would go to, unless a figure gave it that count. A verb takes only an indefinite
    person, and none with a figure after it: "قتل انتحاري 32 شخصا" is active, the bomber killed.
    Run after the gate, which was fitted on figures only; a figure anywhere else in the record's
    sentences beats it (``Mention.lone``)."""
    if not mentions:
        return
    v = mentions[0].view
    lex = idx.lex
    nouns = default_analyzer().quantities.lex
    # each figure's token, and how far after the person it may stand as the verb's object
    figures = [
        (v.token_at(q.start), 8 if q.unit_class == "persons" else 4) for q in idx.quantities.get(v.index, [])
    ]
    another = lex.cue("counts.another")
    for kind in ("fatalities", "injured", "arrested"):
        nouns_heads = lex.cue(f"counts.singular_heads.{kind}")
        heads = lex.union(*SINGULAR_TOLLS[kind])
        owners = [m for m in mentions if _COUNT_FITS[kind](m)]
        if not owners:
            continue
        for i in v.positions(heads):
            if i + 1 < len(v.tokens) and v.tokens[i + 1].norm in another:
                # "قتل شرطي وأصيب آخر", "مقتل جندي وإصابة آخر": one more of the persons named
                _count_one(owners, v, v.tokens[i + 1], kind, lex)
                continue
            if i + 1 >= len(v.tokens) or nouns.singular_of(v.tokens[i + 1]) is None:
                continue
            person = v.tokens[i + 1]
            if not v.keys[i] & nouns_heads and (
                "ال" in person.segments or _object_figure(v, i + 1, figures, lex)
            ):
                continue
            _count_one(owners, v, person, kind, lex)
        if kind in ("fatalities", "arrested"):
            for person in _lone_objects(v, lex.cue(f"counts.singular_objects.{kind}"), figures, nouns, lex):
                _count_one(owners, v, person, kind, lex)
        for person in _lone_subjects(v, lex.cue(f"counts.singular_verbs.{kind}"), nouns, lex):
            _count_one(owners, v, person, kind, lex)


def _count_one(owners: list[Mention], v: SentenceView, person: Token, kind: str, lex: Lexicon) -> None:
    owner = _caused_by(owners, v, person.start, lex) or min(
        owners, key=lambda m: abs(m.trigger.start - person.start)
    )
    if kind not in owner.counts:
        owner.counts[kind] = Count(value=1, qualifier="exact", text=person.text)
        owner.lone.add(kind)


def _lone_objects(
    v: SentenceView,
    verbs: frozenset[str],
    figures: list[tuple[int, int]],
    nouns: QuantityLexicon,
    lex: Lexicon,
) -> list[Token]:
    """ "قتلت الغارة قياديا", "اغتال مسلحون ضابطا": an indefinite person in the accusative (its
    alif) within a few words after an active verb is its one victim — not one of several ("جنديا
    ومدنيا"), and not one a figure follows ("قتل انتحاري 32 شخصا")."""
    out: list[Token] = []
    for i in v.positions(verbs):
        for j in range(i + 1, min(i + 4, len(v.tokens))):
            t = v.tokens[j]
            if nouns.singular_of(t) is None:
                continue
            if "ال" in t.segments or not t.text.endswith("ا") or _object_figure(v, j, figures, lex):
                break
            if any(i < f < j for f, _ in figures):
                break  # "قتل واعتقل 16 شخصا": the person is what the figure counts
            after = v.tokens[j + 1] if j + 1 < len(v.tokens) else None
            if after is not None and "و" in after.segments and nouns.singular_of(after) is not None:
                break
            out.append(t)
            break
    return out


def _lone_subjects(
    v: SentenceView, verbs: frozenset[str], nouns: QuantityLexicon, lex: Lexicon
) -> list[Token]:
    """ "إن جنديا تركيا قتل وأصيب آخر": an indefinite person right after "إن/أن" (a nationality
    adjective may follow it), then a passive verb of death, injury or arrest with no person or
    figure after it, is one victim ("إن مسلحا قتل شرطيا" is active: the policeman is its object)."""
    complementizers = lex.cue("complementizers")
    out: list[Token] = []
    n = len(v.tokens)
    for i in v.positions(verbs):
        for p in (i - 1, i - 2):
            if p < 1 or not v.keys[p - 1] & complementizers:
                continue
            t = v.tokens[p]
            if nouns.singular_of(t) is None or "ال" in t.segments:
                continue
            after = v.tokens[i + 1] if i + 1 < n else None
            if after is not None and (nouns.singular_of(after) is not None or after.norm.isdigit()):
                break
            out.append(t)
            break
    return out


def _object_figure(v: SentenceView, person: int, figures: list[tuple[int, int]], lex: Lexicon) -> bool:
    """A figure a few words after "قتل انتحاري" is the verb's object (the bomber killed 32), unless
    a word of another toll comes first ("قتل مدني وأصيب ثلاثة"); a count of people may stand
    further, past a clause about the bomber ("قتل انتحاري يشتبه بانتمائه لداعش 32 شخصا").
    ``figures``: (token, reach) of each figure of the sentence."""
    tolls = lex.union(*TOLLS)
    return any(
        person < f <= person + reach and not any(v.keys[k] & tolls for k in range(person + 1, f))
        for f, reach in figures
    )


def _caused_by(owners: list[Mention], v: SentenceView, offset: int, lex: Lexicon) -> Mention | None:
    """ "الاشتباكات أسفرت عن مقتل 12": the toll after a verb of result belongs to the event told
    just before that verb, even when another trigger stands nearer after the figure."""
    q = v.token_at(offset)
    result = lex.cue("result_verbs")
    verb = next((i for i in range(q - 1, max(-1, q - 5), -1) if v.keys[i] & result), None)
    if verb is None:
        return None
    before = [m for m in owners if m.trigger.last < verb]
    return max(before, key=lambda m: m.trigger.last) if before else None


def assign_sources(m: Mention, idx: DocIndex) -> None:
    m.sources = list(idx.speakers.get(m.view.index, []))
