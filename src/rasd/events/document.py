"""Rules that read the whole report rather than one sentence: the two sides of a battle, the
weapon behind a report's deaths, the police intervention told after a protest."""

from __future__ import annotations

from collections import defaultdict

from rasd.events.context import SentenceView
from rasd.events.gate import UNARMED, family_of
from rasd.events.lexicon import Lexicon
from rasd.events.mentions import PLOVER, Mention
from rasd.events.merge import Cluster, plural, same_place
from rasd.records import Actor


def type_by_weapon(clusters: list[Cluster], doubted: list[Mention]) -> None:
    """A report whose only violent record is built on killing words ("عدد الشهداء وصل إلى 15")
    takes the type of the bombing or strike it keeps telling at that place (in two sentences or
    more), even in sentences the gate doubted alone: the weapon says what kind of event the
    deaths were (ACLED's sub-type rule)."""
    violent = [c for c in clusters if family_of(c.event_type) == "ASSAULT"]
    if len(violent) != 1:
        return
    (c,) = violent
    if c.event_type != "Violence against civilians" or any(m.family != "kill" for m in c.mentions):
        return
    weapons = [
        m
        for m in doubted
        if m.event_type == "Explosions/Remote violence"
        and c.location is not None
        and m.location is not None
        and same_place(c.location, m.location)
    ]
    by_kind: dict[str, list[Mention]] = defaultdict(list)
    for m in weapons:
        by_kind[m.sub_event_type].append(m)
    told = [ms for ms in by_kind.values() if len({m.view.index for m in ms}) >= 2]
    if told:
        ms = max(told, key=lambda ms: (len(ms), -ms[0].view.index))
        c.mentions[:0] = ms


def fold_tolls(clusters: list[Cluster]) -> None:
    """When every violent record of a report rests on killing words alone ("استشهاد 12 طالبا",
    "استشهاد عدد من منسوبي القوة"), those in one area are one toll told twice: they become one
    record, which type_by_weapon then types by the weapon the report tells."""
    violent = [c for c in clusters if family_of(c.event_type) == "ASSAULT"]
    if len(violent) < 2 or any(m.family != "kill" for c in violent for m in c.mentions):
        return
    main = next((c for c in violent if c.event_type == "Violence against civilians"), violent[0])
    for c in [c for c in violent if c is not main and _same_area(main, c)]:
        main.mentions.extend(c.mentions)
        main.support.extend(c.support)
        main.anaphors.extend(c.anaphors)
        clusters.remove(c)


def _same_area(a: Cluster, b: Cluster) -> bool:
    """One place, or a town and the province it lies in."""
    la, lb = a.location, b.location
    if same_place(la, lb) or la is None or lb is None:  # same_place: True when either is None
        return True
    if la.country != lb.country:
        return False
    return bool(la.admin1) and la.admin1 in (lb.admin1, lb.name) or bool(lb.admin1) and lb.admin1 == la.name


_BOMBINGS = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})


def _tolls(c: Cluster) -> set[int]:
    return {
        n.value for m in c.mentions if (n := m.counts.get("fatalities")) is not None and n.value is not None
    }


def _tolls_agree(a: Cluster, b: Cluster) -> bool:
    """No death toll told of both, or one they share: "16 قتلوا في هجوم" and "12 قتلوا بانفجار عبوة"
    in one city on one day are two happenings."""
    ta, tb = _tolls(a), _tolls(b)
    return not ta or not tb or bool(ta & tb)


def fold_generic_attacks(clusters: list[Cluster]) -> list[Cluster]:
    """An attack told only by the generic word ("والهجوم المزدوج في مروة أسفر عن مقتل 13") at the
    town and on the day where the report also tells a bombing ("فجرتا نفسيهما في السوق المركزي في
    مروة") is that bombing told twice: ACLED keeps one record, typed by the weapon. The generic
    telling adds its evidence, sources and counts to the bombing's record. Plural attack words
    ("قتل 21 شخصا في ثلاث هجمات") count several happenings and are left alone."""
    out = list(clusters)
    for g in clusters:
        where = g.explicit_location
        if (
            g.event_type not in ("Violence against civilians", "Battles")
            or g.sub_event_type not in ("Attack", "Armed clash")
            or any(m.family != "attack" or plural(m) for m in g.mentions)
            or where is None
            or where.geonames_id is None
        ):
            continue
        day = g.date_mention().date.value
        bombing = next(
            (
                c
                for c in out
                if c.event_type == "Explosions/Remote violence"
                # an attack typed a clash (its target armed) is a bombing told again, not an air
                # strike or a shelling: those come with fighting on the ground
                and (g.event_type != "Battles" or (c.sub_event_type in _BOMBINGS and _tolls_agree(g, c)))
                and c.explicit_location is not None
                and c.explicit_location.geonames_id == where.geonames_id
                and c.date_mention().date.value == day
            ),
            None,
        )
        if bombing is None:
            continue
        bombing.anaphors += g.mentions + g.anaphors
        bombing.support += g.support
        if g.event_type != "Battles":  # a clash's first side may as well be the one bombed
            bombing.lent_actor1 = bombing.lent_actor1 or g.actor("actor1") or g.lent_actor1
        out.remove(g)
    return out


def _same_party(a: str, b: str) -> bool:
    """ "United States" / "Police Forces of the United States": one state's forces, not foes."""
    return a == b or a in b or b in a


_STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def fill_battle_sides(
    mentions: list[Mention], lex: Lexicon, named_in_text: list[Actor] | None = None
) -> None:
    """A battle always has two sides. When the text leaves one out ("واستمرت الاشتباكات في دار
    سعد حيث يواصل مقاتلون محليون ..."), it is the foe the same report pairs the named side with
    elsewhere — never an ally read as a second side."""
    foes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    named: dict[str, Actor] = {}
    government_side = lex.government_side
    for m in mentions:
        a, b = m.actor1, m.actor2
        if a is None or b is None or a.type in UNARMED or b.type in UNARMED or a.name == b.name:
            continue
        if family_of(m.event_type) != "ASSAULT" or (government_side(a) and government_side(b)):
            continue  # allies read as two sides ("تلك القوات وقوات الجيش اليمني سيطرت")
        weight = 2 if m.event_type == "Battles" else 1
        foes[a.name][b.name] += weight
        foes[b.name][a.name] += weight
        named[a.name], named[b.name] = a, b
    # Failing a pair, the armed party the report names most often that is not on the same side.
    counts: dict[str, int] = defaultdict(int)
    for a in named_in_text or []:
        if a.type not in UNARMED and a.name != "Unidentified armed group":
            counts[a.name] += 1
            named.setdefault(a.name, a)
    for m in mentions:
        if m.actor1 is None or m.actor2 is not None:
            continue
        # a government's (or its coalition's) strikes and shelling are aimed at the same foe as its
        # battles ("قام طيران التحالف باستهداف عدة مواقع في كلية الاقتصاد" in a report on ISIS)
        strike = m.sub_event_type in _STRIKES and government_side(m.actor1)
        if m.event_type != "Battles" and not (strike and not m.view.has_any(lex.cue("civilian"))):
            continue  # (a strike that names civilians hit them: it has no armed foe to borrow)
        me = m.actor1
        paired = {name: n for name, n in foes.get(me.name, {}).items() if not lex.same_side(me, named[name])}
        if paired:
            foe = max(paired.items(), key=lambda kv: (kv[1], kv[0]))[0]
        else:
            others = [
                (n, name)
                for name, n in counts.items()
                if not _same_party(me.name, name)
                and not (government_side(me) and government_side(named[name]))
                and not lex.same_side(me, named[name])
            ]
            if not others:
                continue
            foe = max(others)[1]
        if _same_party(me.name, foe):
            continue
        m.actor2 = named[foe].model_copy(update={"text": None})
        m.explain.append(f"other side from the report: {foe}")


def protest_follow_up(c: Cluster, views: list[SentenceView], lex: Lexicon) -> None:
    """ "Police dispersed them" / "فرقتهم الشرطة" often comes in the sentence after the protest."""
    if c.event_type != "Protests" or c.sub_event_type != "Peaceful protest":
        return
    for m in list(c.mentions):
        nxt = m.view.index + 1
        if (
            nxt < len(views)
            and views[nxt].paragraph == m.view.paragraph
            and views[nxt].has_cue(lex, "intervention")
        ):
            m.sub_event_type = "Protest with intervention"
            m.plover = PLOVER.get(m.sub_event_type, m.plover)
            m.explain.append("intervention in the next sentence")
            return
