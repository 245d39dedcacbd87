"""The event stage: sentences → triggers → realis → typed mentions → arguments → one record per happening."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from operator import attrgetter
from typing import TYPE_CHECKING

from rasd.events.arguments import (
    DocIndex,
    added_counts,
    assign_actors,
    assign_counts,
    assign_date,
    assign_location,
    assign_sources,
    drop_combined_tolls,
    listed_places,
    lone_persons,
    settle_scene,
    too_old,
)
from rasd.events.context import SentenceView
from rasd.events.document import (
    fill_battle_sides,
    fold_generic_attacks,
    fold_tolls,
    protest_follow_up,
    type_by_weapon,
)
from rasd.events.gate import UNARMED, family_of, gate_features, strong_evidence
from rasd.events.lexicon import ATTRIBUTION, Lexicon, load_lexicon
from rasd.events.mentions import PLOVER, VIOLENT, Mention, sentence_mentions
from rasd.events.merge import Cluster, anaphoric, merge_mentions
from rasd.events.realis import anchored, irrealis_reason, is_total
from rasd.events.triggers import find_triggers
from rasd.records import Actor, Count, Event, Plover, Source, Span
from rasd.text import normalize_key
from rasd.text.normalize import Normalized

if TYPE_CHECKING:
    from rasd.pipeline import DocAnalysis

_COUNT_FIELDS = ("fatalities", "injured", "displaced", "arrested")
_SENTENCE = attrgetter("sentence")


def sentence_views(analysis: DocAnalysis, lex: Lexicon) -> list[SentenceView]:
    """One view per sentence with its tokens. The tokenizer numbers tokens in text order, so
    each sentence's tokens are one run of the list, found by bisection rather than by a pass
    over every token."""
    tokens = analysis.text.tokens
    numbers = list(map(_SENTENCE, tokens))  # plain ints: bisect without a key call per step
    ends = []
    hi = 0
    for i in range(len(analysis.text.sentences)):
        hi = bisect_right(numbers, i, hi)
        ends.append(hi)
    return SentenceView.build_all(analysis.text.sentences, tokens[:hi], ends, lex.marks)


def find_mentions(analysis: DocAnalysis, lex: Lexicon) -> tuple[list[Mention], DocIndex]:
    text = analysis.document.text
    views = sentence_views(analysis, lex)
    idx = DocIndex.build(analysis, views, lex)
    mentions: list[Mention] = []
    headline = _headline_key(views)
    if headline and not _may_repeat(headline, analysis.text.normalized):
        headline = None  # no sentence after the first can hold it: spare the test per sentence
    retrospective: set[str] = set()  # families whose lead is about an earlier happening
    old: list[Mention] = []  # happenings dated more than a month back (too_old)
    for v in views:
        if (
            headline
            and v.index > 0
            and len(v.sentence.text) >= len(headline)
            and headline in normalize_key(v.sentence.text)
        ):
            continue  # "رابط الخبر: <headline>" — the headline repeated as boilerplate
        if v.phrase_at(lex.phrase_index("page_furniture"), 0):
            continue  # "سمات: تركيا داعش قصف", "اقرأ أيضا: ..." — tags and links, not the report
        hits = []
        for h in find_triggers(v, lex, text):
            reason = irrealis_reason(h, v, lex, text)
            if reason is None:
                hits.append(h)
            elif reason == "background" and v.index <= 1:
                retrospective.add(family_of(h.entry.event_type) or h.entry.event_type)
        if not hits:
            continue
        if is_total(v, lex):
            hits = [h for h in hits if h.entry.family not in ("kill", "attack")]
        sentence = sentence_mentions(v, hits, lex)
        fresh = v.has_cue(lex, "separate_incident", 0, 3)
        for m in sentence:
            m.sentences = [v.index]
            m.fresh = fresh
            m.explain.append(f"trigger «{m.trigger.text}» ({m.trigger.entry.id}, {m.family})")
            assign_actors(m, idx)
            assign_location(m, idx, mentions)
            assign_date(m, idx)
            assign_sources(m, idx)
            _refine_takeover(m, lex)
            _shelling_by_militia(m, lex)
        assign_counts(sentence, idx)
        _apply_gate(v, sentence, idx, lex)
        for m in sentence:  # after the gate, which was trained on first-trigger actors
            settle_scene(m, idx, mentions)
            drop_combined_tolls(m, idx)
            if m.actor1 is None and len(m.hits) > 1:
                _assign_actors_any_trigger(m, idx)
                _refine_takeover(m, lex)
                _shelling_by_militia(m, lex)
        # an earlier happening used as a landmark in time, told with no toll of its own
        sentence = [m for m in sentence if m.counts or not all(anchored(h, v, lex) for h in m.hits)]
        sentence = [m for m in sentence if not _tally(m, lex)]
        lone_persons(sentence, idx)
        for m in sentence:
            for x in (m, *listed_places(m, idx)):
                (old if too_old(x, analysis.document.published, lex) else mentions).append(x)
    if retrospective:
        mentions = [m for m in mentions if not _retold(m, retrospective, lex)]
    return _drop_old_references(mentions, old), idx


def _drop_old_references(mentions: list[Mention], old: list[Mention]) -> list[Mention]:
    """A definite reference with no date of its own ("الهجوم على المتحف الذي خلف 22 قتيلا مرتبط
    بهجوم سوسة") points back to the latest happening of its kind told before it; when that one
    is months old, so is the reference. A headline about such happenings ("صلة بين هجومي تونس")
    is background too when the body tells none of its kind that is recent."""
    # only happenings a date expression places months back: a year named elsewhere in the
    # sentence ("تحتله تركيا منذ 1974") is too weak to make what refers back to it old
    old = [m for m in old if m.date_explicit and m.date.text]
    if not old:
        return mentions

    past = list(old)
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.view.index):
        before = [x for x in past + kept if _kind(x) == _kind(m) and x.view.index < m.view.index]
        latest = max(before, key=lambda x: x.view.index) if before else None
        if latest is not None and any(x is latest for x in past) and not m.date_explicit and _definite(m):
            past.append(m)
        else:
            kept.append(m)
    recent = {_kind(m) for m in kept if not m.headline}
    olds = {_kind(m) for m in past}
    kept_ids = {id(m) for m in kept}
    return [m for m in mentions if id(m) in kept_ids and not (m.headline and _kind(m) in olds - recent)]


def _kind(m: Mention) -> str:
    """The gate family of the mention's type (ASSAULT, PROTEST), else the type itself."""
    return family_of(m.event_type) or m.event_type


def _definite(m: Mention) -> bool:
    """Told with a definite event noun ("الهجوم", "الهجومين"), as a reference is."""
    h = m.trigger
    return not m.headline and h.first == h.last and "ال" in m.view.tokens[h.first].segments


def _retold(m: Mention, retrospective: set[str], lex: Lexicon) -> bool:
    """A report whose lead is a trial or an anniversary ("في أول جلسة لمحاكمة المتهمين بتفجير
    مسجد...") keeps retelling that earlier happening: its mentions of the same kind are background
    too, unless pinned to yesterday or today."""
    if _kind(m) not in retrospective:
        return False
    said = normalize_key(m.date.text or "") if m.date_explicit else ""
    return not any(w in said.split() for w in lex.cue("realis.recent_days"))


def _actor1(m: Mention) -> Actor | None:
    """``m.actor1`` read after a call that may set it: the type checker keeps the None it was
    given before the call, and mypyc (setup.py) would check the value against that."""
    return m.actor1


def _assign_actors_any_trigger(m: Mention, idx: DocIndex) -> None:
    """Actors read around the first trigger; when that finds no doer, around the sentence's other
    words for the same happening ("التوقيفات جرت ... شنت قوات الدرك خمس عمليات أمنية")."""
    hits, explain = list(m.hits), list(m.explain)
    for i in range(1, len(hits)):
        m.hits = [hits[i]] + hits[:i] + hits[i + 1 :]
        m.actor1 = m.actor2 = None
        m.explain = list(explain)
        assign_actors(m, idx)
        if _actor1(m) is not None:
            break
    else:
        m.hits, m.explain = hits, explain
        assign_actors(m, idx)  # none found: back to the first trigger's reading
        return
    m.hits = hits


def _headline_key(views: list[SentenceView]) -> str | None:
    if not views or len(views[0].tokens) < 4:
        return None
    return normalize_key(views[0].sentence.text)


def _may_repeat(headline: str, normalized: Normalized | None) -> bool:
    """Whether the headline's key occurs in the document's key past its start, as it must when
    a later sentence repeats it (a sentence's key is a piece of the document's). The text
    stage's normalized text is the document's key up to runs of whitespace, except for "İ",
    which it keeps as one character where ``normalize_key`` lower-cases it to two: with one in
    the text, say yes and leave it to the test per sentence."""
    if normalized is None or "İ" in normalized.text:
        return True
    return normalized.collapsed().find(headline, 1) >= 0


def _apply_gate(v: SentenceView, sentence: list[Mention], idx: DocIndex, lex: Lexicon) -> None:
    """Score each family's mentions in the sentence with the learned gate (see events/gate.py)."""
    by_family: dict[str, list[Mention]] = defaultdict(list)
    for m in sentence:
        fam = family_of(m.event_type)
        if fam is not None:
            by_family[fam].append(m)
    for fam, ms in by_family.items():
        feats = gate_features(v, ms, idx, lex)
        p = lex.gate.score(fam, feats) if lex.gate is not None else 1.0
        for m in ms:
            m.gate = p
            m.gate_features = feats
            m.explain.append(f"gate {fam} p={p:.2f}")


def _refine_takeover(m: Mention, lex: Lexicon) -> None:
    if m.event_type != "Battles" or not any(h.entry.family == "takeover" for h in m.hits):
        return
    regain = lex.cue("regain")
    by_state = m.actor1 is not None and lex.government_side(m.actor1)
    takeover_tokens = [i for h in m.hits if h.entry.family == "takeover" for i in range(h.first, h.last + 1)]
    regained = any(m.view.keys[i] & regain for i in takeover_tokens)
    if by_state or regained:
        m.sub_event_type = "Government regains territory"
    a1 = m.actor1
    alone = a1 is not None and (m.actor2 is None or m.actor2.name == a1.name)
    if regained and not by_state and alone and a1 is not None and a1.type in _ARMED_NON_STATE:
        # "تحرير الموصل من داعش": the group named is the one driven out, not the liberator
        # a1, not the attribute: mypyc (setup.py) mis-types ``x.a, x.b = None, x.a``
        m.actor1, m.actor2 = None, a1
        m.explain.append("the group named is the one driven out")
    elif (
        regained
        and not by_state
        and m.actor1 is not None
        and m.actor2 is not None
        and m.actor1.type in _ARMED_NON_STATE
        and lex.government_side(m.actor2)
    ):
        if _subject_right_before(m, m.actor1):
            # "المعارضة السورية المسلحة استعادت السيطرة على تل": rebels took ground back
            m.sub_event_type = "Non-state actor overtakes territory"
            m.explain.append("rebels regain ground: a non-state takeover")
        else:
            # "نجاح قوات المقاومة ... في تحرير عدن من ميليشيات الحوثيين": regaining is the
            # government side's; the rebels named beside it lost the ground
            m.actor1, m.actor2 = m.actor2, m.actor1
            m.explain.append("the government side regains; the rebel group named lost the ground")
    m.plover = PLOVER.get(m.sub_event_type, m.plover)


def _tally(m: Mention, lex: Lexicon) -> bool:
    toll = m.counts.get("fatalities")
    return toll is not None and toll.value is not None and toll.value >= int(lex.cues["counts"]["tally_min"])


def _subject_right_before(m: Mention, actor: Actor) -> bool:
    """The actor is named in the few words right before the trigger ("الثوار ... تمكنوا من
    استعادة"), as a verb's subject stands."""
    if not actor.text:
        return False
    start = m.trigger.start
    return actor.text in m.view.sentence.text[: max(0, start - m.view.start)][-45:]


def _shelling_by_militia(m: Mention, lex: Lexicon) -> None:
    """ "قصف ميليشيات الحوثي على منطقة سكنية" beside a word of aircraft elsewhere in the sentence: a
    bombardment a militia does is shelling, not an air strike (unless the report says drones)."""
    a1 = m.actor1
    if m.sub_event_type != "Air/drone strike" or a1 is None or a1.type not in _NON_STATE:
        return
    if _says_drones(m.view.sentence.text, lex):
        return
    if all(h.entry.family == "bombard" for h in m.hits):
        m.sub_event_type = "Shelling/artillery/missile attack"
        m.plover = PLOVER.get(m.sub_event_type, m.plover)
        m.explain.append("a militia's bombardment: shelling")
    else:  # "الغارات استهدفت مواقع للحوثيين وقوات صالح": the militia named is the one struck
        # a1, not the attribute: mypyc (setup.py) mis-types ``x.a, x.b = None, x.a``
        m.actor1, m.actor2 = None, m.actor2 or a1
        m.explain.append("no air force: the militia named is the one struck")


def _confidence(c: Cluster) -> float:
    strength = max(m.strength for m in c.mentions)
    score = strength
    if c.actor("actor1") is not None:
        score += 0.05
    if c.explicit_location is not None:
        score += 0.05
    if c.date_mention().date_explicit:
        score += 0.03
    score += min(0.1, 0.05 * (len({m.view.index for m in c.mentions}) - 1))
    if all(m.family in ("kill", "attack") for m in c.mentions):
        score -= 0.15
    # Rescaled so that 0.5 sits where the dev articles' precision starts to climb (a rule score
    # of 0.75): records built on a weak trigger with few arguments fall below it.
    return round(max(0.05, min(0.99, (score - 0.5) / 0.5)), 3)


def _kept(m: Mention, lex: Lexicon) -> bool:
    fam = family_of(m.event_type)
    if fam is None or lex.gate is None:
        return True
    if all(h.entry.id.endswith("_en") for h in m.hits):
        return True  # the gate is trained on Arabic sentences; English mentions rest on the rules
    return lex.gate.passes(fam, m.gate) or strong_evidence(m.gate_features, fam)


_UNNAMED = Actor(name="Unidentified armed group", type="Political militia")
_COVERT = frozenset(
    {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Attack", "Abduction/forced disappearance"}
)


def _unnamed_perpetrator(event_type: str, sub: str) -> Actor | None:
    """Bombings, killings and kidnappings with no one named: ACLED's "Unidentified armed group"."""
    return _UNNAMED if sub in _COVERT and event_type != "Strategic developments" else None


def _vague(c: Count) -> bool:
    return c.value is None or c.qualifier in ("at_least", "unknown") and c.value in (3, 12, 100, 1000)


def _both_sides(mentions: list[Mention], first: Count, kind: str) -> Count:
    """ "قتل 17 حوثيا في اشتباكات مع المقاومة، فيما قتل ثلاثة من مقاتليها": a battle's toll is
    both sides' dead (ACLED), and its wounded both sides' wounded. Tolls of ``kind`` told in other
    parts of the sentence that states ``first`` (split at "فيما", "بينما") are added to it;
    retellings in later sentences are not."""
    owner = next((m for m in mentions if m.counts.get(kind) is first), None)
    if owner is None or first.value is None:
        return first
    total = first
    seen = {owner.span}
    for m in mentions:
        other = m.counts.get(kind)
        if m.view.index != owner.view.index or m.span in seen or other is None or other.value is None:
            continue
        seen.add(m.span)
        total = added_counts(total, other)
    return total


def to_event(c: Cluster, text: str) -> Event:
    dm = c.date_mention()
    body_first = sorted(c.mentions, key=lambda m: (m.headline, m.view.index))
    counts: dict[str, Count] = {}
    weak: set[str] = set()
    for m in body_first + c.anaphors:
        for k, v in m.counts.items():
            # An exact or approximate figure beats a vague one ("عشرات") or a lone person
            # ("مقتل جندي") stated elsewhere.
            if k not in counts or (k in weak and not (_vague(v) or k in m.lone)):
                counts[k] = v
                if _vague(v) or k in m.lone:
                    weak.add(k)
                else:
                    weak.discard(k)
    if c.event_type == "Battles":
        for kind in ("fatalities", "injured"):
            if kind in counts:
                counts[kind] = _both_sides(body_first, counts[kind], kind)
    sources: list[Source] = []
    for m in sorted(c.evidence_mentions, key=lambda m: m.view.index):
        for s in m.sources:
            if s.name not in {x.name for x in sources}:
                sources.append(s)
    sentences = sorted({m.view.index: m.view for m in c.evidence_mentions}.items())
    evidence = [Span.of(text, v.start, v.end) for _, v in sentences]
    sub = c.sub_event_type
    best = min(c.mentions, key=lambda m: 0 if m.sub_event_type == sub else 1)
    ev = Event(
        event_type=c.event_type,
        sub_event_type=sub,
        plover=Plover.model_validate(best.plover) if best.plover is not None else None,  # a lexicon dict
        date=dm.date,
        actor1=c.claimed_by or c.actor("actor1") or c.lent_actor1 or _unnamed_perpetrator(c.event_type, sub),
        actor2=c.actor("actor2"),
        location=c.location,
        fatalities=counts.get("fatalities"),
        injured=counts.get("injured"),
        displaced=counts.get("displaced"),
        arrested=counts.get("arrested"),
        sources=sources,
        evidence=evidence,
        confidence=_confidence(c),
    )
    for m in c.mentions:
        ev.explain.append(f"sentence {m.view.index}: " + "; ".join(m.explain))
    for m in c.support:
        ev.explain.append(f"sentence {m.view.index} (supporting evidence only): " + "; ".join(m.explain))
    for m in c.anaphors:
        ev.explain.append(
            f"sentence {m.view.index} (refers back to it: evidence and counts): " + "; ".join(m.explain)
        )
    if c.claimed_by is not None:
        ev.explain.append(f"doer: {c.claimed_by.name}, by the claim told after it")
    return ev


def extract_events(analysis: DocAnalysis, lexicon: Lexicon | None = None) -> list[Event]:
    lex = lexicon or load_lexicon()
    mentions, idx = find_mentions(analysis, lex)
    kept = [m for m in mentions if _kept(m, lex)]
    fill_battle_sides(kept, lex, [a.actor for a in analysis.actors])
    clusters = merge_mentions(kept)
    for c in clusters:
        protest_follow_up(c, idx.views, lex)
    doubted = [m for m in mentions if not _among(m, kept)]
    fold_tolls(clusters)
    type_by_weapon(clusters, doubted)
    clusters = fold_generic_attacks(clusters)
    # A mention the gate doubts still supports a record it is compatible with (more evidence,
    # more sources), but never makes a record of its own.
    for m in doubted:
        if any(_among(m, c.mentions) for c in clusters):
            continue
        fits = [c for c in clusters if c.accepts(m)]
        if fits:  # the record told nearest to it ("وقال شهود عيان إنهم سمعوا دوي الانفجارين")
            min(fits, key=lambda c: min(abs(x.view.index - m.view.index) for x in c.mentions)).support.append(
                m
            )
    clusters = _lend_claimants(clusters, mentions, lex)
    if _commentary(idx, lex):
        clusters = [c for c in clusters if c.date_mention().date_explicit]
    text = analysis.document.text
    pairs = [(_doer_by_weapon(to_event(c, text), c, lex), c) for c in clusters]
    pairs = [(e, c) for e, c in pairs if e.event_type != "Displacement" or e.displaced is not None]
    for e, c in pairs:
        if e.actor1 is not None and e.actor2 is not None and lex.same_side(e.actor1, e.actor2):
            # a side lent or voted in from another sentence may be the other one's ally
            e.actor2 = None
        _without_air_force(e, lex)
        _sides_fit_the_type(e, fired_upon=all(m.family in ("attack", "kill") for m in c.mentions))
    return [e for e, _ in pairs]


# an article of at least this many sentences (of five words or more), at most this share of which
# tell a time or who said it, is commentary (_commentary)
_COMMENTARY_MIN_SENTENCES = 10
_COMMENTARY_MAX_TOLD = 0.1


def _commentary(idx: DocIndex, lex: Lexicon) -> bool:
    """An opinion column or an analysis, not a report: hardly a sentence of it dates anything
    ("أمس", "الخميس", "في 20 يوليو") or says who tells it ("قال", "بحسب"). The happenings it names
    are its arguments' background ("تفجير مسجد قوات الطوارئ في عسير"): only one it dates itself
    is kept."""
    views = [v for v in idx.views if len(v.tokens) >= 5]
    if len(views) < _COMMENTARY_MIN_SENTENCES:
        return False
    saying = lex.union(*ATTRIBUTION)
    # a date the text stage read, not a bare time word ("فجر" is also "blew up")
    told = sum(1 for v in views if idx.dates.get(v.index) or v.has_any(saying))
    return told <= _COMMENTARY_MAX_TOLD * len(views)


def _among(m: Mention, ms: list[Mention]) -> bool:
    """``m in ms``, with the dataclass equality (a Python call that compares every field, views
    and hits included) asked only of a mention in the same sentence: an equal one is."""
    index = m.view.index
    return any(k is m or (k.view.index == index and k == m) for k in ms)


def _lend_claimants(clusters: list[Cluster], mentions: list[Mention], lex: Lexicon) -> list[Cluster]:
    """ "وتبنى تنظيم داعش التفجير", "وأعلن حزب العمال مسؤوليته عن الهجوم": a claim of responsibility
    told in one of the two sentences after a violent event names its doer when the record names
    none (a claim the gate doubted as well as one it kept; not for an air strike). A record of the
    claim's own, a reference back and nothing more, is folded into it."""
    out = list(clusters)
    for m in mentions:
        if (
            m.actor1 is None
            or m.actor1.type not in _ARMED_NON_STATE
            or m.actor1.name == _UNNAMED.name
            or not (m.view.has_cue(lex, "claims") or m.view.has_cue(lex, "perpetration"))
        ):
            continue
        told = [
            (max(x.view.index for x in c.mentions), c)
            for c in out
            if c.event_type in VIOLENT
            and c.sub_event_type != "Air/drone strike"  # an armed group has no air force
            and m not in c.mentions
            and _unnamed_doer(c.actor("actor1"))
        ]
        told = [
            (i, c)
            for i, c in told
            if 0 < m.view.index - i <= 2 and c.lent_actor1 is None and c.claimed_by is None
        ]
        if not told:
            continue
        c = max(told, key=lambda t: t[0])[1]
        c.claimed_by = m.actor1
        c.support.append(m)
        own = next((d for d in out if d.mentions == [m]), None)
        if own is not None and anaphoric(m):
            out.remove(own)
    return out


def _doer_by_weapon(e: Event, c: Cluster, lex: Lexicon) -> Event:
    """An air strike naming no doer, in a country where only one force drops what the text says
    fell (cues: sole_weapon_users — barrel bombs and helicopters in Syria), is that force's."""
    if e.actor1 is not None or e.sub_event_type != "Air/drone strike" or e.location is None:
        return e
    country = e.location.country
    spec = lex.cues.get("sole_weapon_users", {}).get(country) if country else None
    if spec and any(m.view.has_any(lex.cue(f"sole_weapon_users.{country}.words")) for m in c.mentions):
        e.actor1 = Actor(**spec["actor"])
        e.explain.append(f"doer by weapon: only {e.actor1.name} drops these in {country}")
    return e


def _unnamed_doer(a: Actor | None) -> bool:
    """No doer, or only "unidentified" ("انتحاري", "مسلحون مجهولون"): a claim may name it."""
    return a is None or a.name == _UNNAMED.name


def _sides_fit_the_type(e: Event, fired_upon: bool = False) -> None:
    """Sides a kind of event cannot have: fighters killed are a battle's toll, not violence
    against civilians ("لقي أكثر من 200 حوثيا مصرعهم"); a state's forces do not blow themselves
    up (named with a suicide bombing they are its target: "تفجيران انتحاريان استهدفا نقطة للجيش
    والشرطة"); civilians are never a side of a battle; and protesters fired at are not one either
    ("أطلقت قوات الأمن النار على المتظاهرين": ACLED codes violence against them, never a clash).
    ``fired_upon``: the record's words all say an attack or a killing, not a clash
    ("المواجهات بين قوات الأمن والمتظاهرين" stays what it was)."""
    if e.sub_event_type == "Attack" and e.actor2 is not None and e.actor2.type in _ARMED_NON_STATE:
        # (a state's forces killed may be off duty: ACLED codes two policemen shot at home as
        # violence against civilians)
        e.event_type, e.sub_event_type = "Battles", "Armed clash"
        e.plover = e.plover.model_copy(update={"mode": "firearms"}) if e.plover else e.plover
    elif (
        fired_upon
        and e.sub_event_type == "Armed clash"
        and e.actor2 is not None
        and e.actor2.type == "Protesters"
    ):
        e.event_type, e.sub_event_type = "Violence against civilians", "Attack"  # PLOVER: ASSAULT either way
    a1 = e.actor1
    if a1 is None:
        return
    if e.sub_event_type == "Suicide bomb" and a1.type in _STATE:
        if e.actor2 is not None and e.actor2.type in UNARMED:
            e.actor1 = _UNNAMED  # "... وسط حشد من الشباب": the crowd stays the target
        elif e.actor2 is not None and e.actor2.type not in _STATE:
            e.actor1, e.actor2 = e.actor2, a1  # the group named beside the target did it
        else:
            e.actor1, e.actor2 = _UNNAMED, a1
    elif e.event_type == "Battles" and a1.type == "Civilians":
        e.actor1 = None


def _says_drones(text: str, lex: Lexicon) -> bool:
    key = normalize_key(text)
    return any(normalize_key(w) in key for w in lex.cues["drone_words"])


_STATE = ("State forces", "External/Other forces")
_ARMED_NON_STATE = ("Rebel group", "Political militia", "Identity militia")
_NON_STATE = (*_ARMED_NON_STATE, *UNARMED)


def _without_air_force(e: Event, lex: Lexicon) -> None:
    """An air strike is not a militia's doing unless the report says drones ("طائرة مسيرة"): a
    non-state group named as its doer is the one struck ("غارة جوية بشمال سوريا قتلت قادة داعش")."""
    a1 = e.actor1
    if e.sub_event_type != "Air/drone strike" or a1 is None or a1.type not in _NON_STATE:
        return
    if any(_says_drones(span.text, lex) for span in e.evidence):
        return
    if e.actor2 is not None and e.actor2.type in _STATE:
        e.actor1, e.actor2 = e.actor2, a1  # "غارات ... لداعش ... التركية": the sides swapped
    elif e.actor2 is None:
        # a1, not the attribute: mypyc (setup.py) mis-types ``x.a, x.b = None, x.a``
        e.actor1, e.actor2 = None, a1
    else:
        e.actor1 = None
