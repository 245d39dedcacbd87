"""One record per happening: merge the mentions of a document that report the same event."""

from __future__ import annotations

import math

from rasd.events.mentions import SEPARATE_SUBTYPES, VIOLENT, Mention, rank
from rasd.records import Actor, Location


def _km(a: Location, b: Location) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def same_place(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if a.lat is None or b.lat is None:
        return (a.country or "") == (b.country or "") and (a.lat is None or b.lat is None)
    if a.country and b.country and a.country != b.country:
        return False  # Suruc and Kobani, ten kilometres apart across a border: two scenes
    return _km(a, b) <= 25


def _finest(told: list[Mention]) -> Location | None:
    """The first place told of the happening, unless it names only a country and another telling
    names a town of that country ("قصفت الطائرات التركية مواقع في سوريا" then "في بلدة حوار"):
    then that town, the first such. Records compare with it, so a third telling at another town
    is another happening."""
    first = told[0].location
    if first is None or first.lat is not None:
        return first
    for m in told:
        loc = m.location
        if loc is not None and loc.lat is not None and loc.country == first.country:
            return loc
    return first


class Cluster:
    """Mentions of one happening; the best-supported value of each field wins."""

    def __init__(self, m: Mention) -> None:
        self.mentions = [m]
        # Mentions the gate doubted that fit this record: they add evidence and sources only,
        # never its type, place, date, actors or counts.
        self.support: list[Mention] = []
        # Definite references back to this happening told within another's sentence ("المعارك في
        # هذا الحي أسفرت عن 28 قتيلا"): evidence, sources and the counts they add, nothing else.
        self.anaphors: list[Mention] = []
        # the doer named by a lead that sums this event up with others (see fold_summaries)
        self.lent_actor1: Actor | None = None
        # the group a claim of responsibility told next names, over an unnamed doer ("انتحاري")
        self.claimed_by: Actor | None = None

    @property
    def evidence_mentions(self) -> list[Mention]:
        return self.mentions + self.support + self.anaphors

    @property
    def event_type(self) -> str:
        return self.mentions[0].event_type

    @property
    def sub_event_type(self) -> str:
        return min((m.sub_event_type for m in self.mentions), key=lambda s: rank(self.event_type, s))

    def _body(self) -> list[Mention]:
        body = [m for m in self.mentions if not m.headline]
        return body or self.mentions

    @property
    def location(self) -> Location | None:
        explicit = [m for m in self._body() if m.location is not None and not m.location_inherited]
        explicit += [m for m in self.mentions if m.location is not None and not m.location_inherited]
        if explicit:
            return _finest(explicit)
        anyloc = [m for m in self.mentions if m.location is not None]
        return anyloc[0].location if anyloc else None

    @property
    def explicit_location(self) -> Location | None:
        explicit = [m for m in self.mentions if m.location is not None and not m.location_inherited]
        return _finest(explicit) if explicit else None

    def date_mention(self) -> Mention:
        for m in self._body():
            if m.date_explicit:
                return m
        for m in self.mentions:
            if m.date_explicit:
                return m
        return self.mentions[0]

    def actor(self, which: str):
        for pool in (self._body(), self.mentions):
            for m in pool:
                a = getattr(m, which)
                if a is not None:
                    return a
        return None

    def same_kind(self, m: Mention) -> bool:
        """Same event type; for Strategic developments the same sub-type too, and under "Other"
        the same trigger (a curfew and a prison break are both "Other", and two happenings;
        under Arrests "اعتقل" and "أوقف" are words for the same kind)."""
        if m.event_type != self.event_type:
            return False
        if self.event_type not in SEPARATE_SUBTYPES:
            return True
        first = self.mentions[0]
        if m.sub_event_type != self.sub_event_type:
            return False
        return m.sub_event_type != "Other" or m.trigger.entry.id == first.trigger.entry.id

    def accepts(self, m: Mention) -> bool:
        if not self.same_kind(m):
            return False
        if m.sub_event_type not in {x.sub_event_type for x in self.mentions} and not m.headline:
            # Different kinds of the same type (a car bomb, an air strike) are one record only
            # when the same known actor did both (ACLED's sub-type priority rule).
            a1 = self.actor("actor1")
            if a1 is None or m.actor1 is None or a1.name != m.actor1.name:
                return False
        mine = self.explicit_location
        theirs = m.location if not m.location_inherited else None
        if not same_place(mine, theirs):
            return False
        other = self.date_mention()
        if m.date_explicit and other.date_explicit and m.date.value != other.date.value:
            # Two dates both inherited from other sentences are defaults, not the text's claims:
            # they do not keep apart two tellings at the very same town.
            inherited = m.date.text is None and other.date.text is None
            where = m.location  # told here or carried over from the sentence before
            same_town = (
                mine is not None
                and where is not None
                and mine.geonames_id is not None
                and mine.geonames_id == where.geonames_id
                and mine.precision == 1
            )
            if not (inherited and same_town):
                return False
        a1 = self.actor("actor1")
        if a1 is not None and m.actor1 is not None and a1.name != m.actor1.name:
            # the same happening seen from the other side ("X clashed with Y" / "Y repelled X")
            a2 = self.actor("actor2")
            if not (
                m.actor2 is not None
                and a2 is not None
                and m.actor1.name == a2.name
                and m.actor2.name == a1.name
            ):
                return False
        return True

    def absorbs_toll(self, m: Mention) -> bool:
        """A bare killing ("مقتل 17 حوثيا") right after a violent event reports its toll."""
        if m.family != "kill" or self.event_type not in VIOLENT:
            return False
        last = self.mentions[-1].view
        if last.paragraph != m.view.paragraph and m.view.index - last.index > 1:
            return False
        mine = self.explicit_location
        theirs = m.location if not m.location_inherited else None
        if theirs is not None and theirs.lat is not None and (mine is None or mine.lat is None):
            return False  # "وفي بورنو قتل مسلحون ثمانية": a town of its own, a new scene
        return same_place(mine, theirs)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)

    def tells_sentence(self, index: int) -> bool:
        return any(m.view.index == index for m in self.mentions)


def anaphoric(m: Mention) -> bool:
    """A definite event noun ("المداهمات", "الهجوم", "الفارين"): the text may be referring back to
    a happening it has already told, usually while telling something else."""
    if m.headline:
        return False
    for h in m.hits:
        segments = m.view.tokens[h.first].segments
        # "بالقذائف" after a verb is the weapon of a new happening, not a reference back
        if h.first != h.last or "ال" not in segments or "ب" in segments:
            return False
    return True


_DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هذان", "هاتان", "هؤلاء"})


def pointed_at(m: Mention) -> bool:
    """ "هذه التعزيزات", "هذا الهجوم": a demonstrative always points back."""
    h = m.trigger
    return (
        h.first > 0
        and "ال" in m.view.tokens[h.first].segments
        and bool(m.view.keys[h.first - 1] & _DEMONSTRATIVES)
    )


def _antecedent(clusters: list[Cluster], m: Mention, busy: bool) -> Cluster | None:
    """The record a definite mention refers back to: the latest of its kind. With a place of its
    own it is a new happening ("وفي حلب، أسفر القصف عن ...") unless its sentence is busy telling
    another event and the place is the antecedent's ("عناصر داعش الفارين من السجن" in a sentence
    about their surrender)."""
    own_place = m.location if m.location is not None and not m.location_inherited else None
    if pointed_at(m):
        own_place = None  # the place in its sentence may belong to something else
    if own_place is not None and not busy:
        return None
    for c in reversed(clusters):
        if not c.same_kind(m):
            continue
        if own_place is not None and not same_place(c.location, own_place):
            return None
        return c
    return None


def merge_mentions(mentions: list[Mention]) -> list[Cluster]:
    """Body mentions in order, then headline mentions folded into a compatible body record."""
    clusters: list[Cluster] = []
    summaries = [m for m in mentions if is_summary(m)]
    mentions = [m for m in mentions if m not in summaries]
    kinds: dict[int, set[tuple[str, str]]] = {}
    for m in mentions:
        kinds.setdefault(m.view.index, set()).add((m.event_type, m.sub_event_type))
    subtitles = [m for m in mentions if not m.headline and _subtitle(m)]
    body = [m for m in mentions if not m.headline and m not in subtitles]
    heads = [m for m in mentions if m.headline]
    for m in body + heads + subtitles:
        below = next((c for c in clusters if m in subtitles and c.tells_sentence(m.view.index + 1)), None)
        if (
            below is not None
            and below.event_type in VIOLENT
            and m.event_type in VIOLENT
            and _same_country(below.location, m.location)
        ):
            below.support.append(m)  # "مقتل 4 في غزة" over the paragraph that tells the blast
            continue
        if m.fresh:  # "وفي حادث منفصل": another incident joins no record told before it
            clusters.append(Cluster(m))
            continue
        for c in clusters:
            if c.accepts(m):
                c.add(m)
                break
        else:
            toll = [c for c in clusters if c.absorbs_toll(m)]
            if toll:
                toll[-1].add(m)
            elif anaphoric(m) and (earlier := _antecedent(clusters, m, len(kinds[m.view.index]) > 1)):
                earlier.anaphors.append(m)
            else:
                clusters.append(Cluster(m))
    return fold_summaries(summaries, clusters)


def _same_country(a: Location | None, b: Location | None) -> bool:
    return a is None or b is None or not a.country or not b.country or a.country == b.country


def _subtitle(m: Mention) -> bool:
    """A short line of its own inside the body ("مقتل 4 في غزة"): a title over what follows."""
    v = m.view
    return (
        len(v.tokens) <= 7
        and not v.sentence.text.rstrip().endswith((".", "،"))
        and m.family
        in (
            "kill",
            "attack",
        )
    )


def plural(m: Mention) -> bool:
    """Told with a plural event noun ("هجمات", "غارات"): several happenings at once."""
    return any((m.view.tokens[h.last].norm or "").endswith("ات") for h in m.hits)


def is_summary(m: Mention) -> bool:
    """A lead that sums up several attacks ("قتل 60 شخصا في هجمات لبوكو حرام في الكاميرون ونيجيريا"):
    a plural attack word in the first sentences, placed no closer than a country."""
    if m.event_type not in VIOLENT or m.view.index > 1 or m.family not in ("attack", "kill"):
        return False
    if not plural(m):
        return False
    loc = m.location if not m.location_inherited else None
    return loc is None or loc.lat is None or loc.precision == 3


def fold_summaries(summaries: list[Mention], clusters: list[Cluster]) -> list[Cluster]:
    """A summarising lead is not a happening of its own when the report goes on to tell its events
    town by town on the same day: its evidence and sources join the first of them, and the doer it
    names is lent to those that name none. Otherwise it is a record like any other."""
    out = list(clusters)
    for m in summaries:
        day = m.date.value
        details = [
            d
            for d in clusters
            if d.event_type in VIOLENT
            and d.explicit_location is not None
            and d.explicit_location.lat is not None
            and d.date_mention().date.value == day
        ]
        if not details:
            home = next((c for c in out if c.accepts(m)), None)
            if home is not None:
                home.add(m)
            else:
                out.append(Cluster(m))
            continue
        details[0].support.append(m)
        doer = m.actor1
        if doer is not None and doer.type != "Civilians" and doer.name != "Unidentified armed group":
            for d in details:
                if d.actor("actor1") is None:
                    d.lent_actor1 = doer
    return out
