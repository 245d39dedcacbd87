"""Disambiguation: choose one reading per name using the whole document, then build the Location.

A name's readings are its towns, divisions and countries. Each reading gets a prior (a country
name is strong; a town by its population; the region Rasd reports on is preferred), then the
document votes: every name spreads one vote over the countries of its readings (an explicit
country name counts double), and a reading gains by its country's share of the vote — "الحسكة"
and "القامشلي" together make Syria the focus. A second pass rewards readings within
PROXIMITY_KM of the other names' choices. A town reading of a tiny village, unframed and
outside the document's focus, is dropped: that is the usual false friend.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

from rasd.places.gazetteer import ADMIN1, COUNTRY, PLACE, Candidate, Gazetteer
from rasd.places.match import NormText, RawMatch
from rasd.places.types import Division, Place, PlaceMention
from rasd.records import Location

PROXIMITY_KM = 150.0
CAPITAL_SAME_KM = 30.0  # a division whose seat is this close to a same-named town is that town
TINY_POP = 5000
BIG_CITY_POP = 500_000  # a city this big is read as itself even when nothing else points there
CONTRADICTED_MAX_POP = 100_000
ANCHOR_POP = 100_000
CONTRADICTING_SHARE = 0.5
WEAK_MIN_POP = 300_000  # an ordinary word is read unframed only as a city this big ("في غزة")
MIN_FOCUS_SHARE = 0.2
W_FOCUS, W_NEAR = 3.0, 1.0
W_BESIDE = 5.0  # more than the document's whole vote (W_FOCUS): the clause itself says which


@dataclass(init=False, frozen=True, slots=True)
class Reading:
    kind: str  # "town" | "admin1" | "country"
    code: str  # country of the reading
    prior: float
    place: Place | None = None  # the town, or the division's capital
    division: Division | None = None  # the division or the country

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self, kind: str, code: str, prior: float, place: Place | None = None, division: Division | None = None
    ) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "prior", prior)
        object.__setattr__(self, "place", place)
        object.__setattr__(self, "division", division)


def km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def _within(a: Place, b: Place, limit_km: float) -> bool:
    """``km(a, b) < limit_km``, without the trigonometry for places further apart in latitude
    alone (a degree of latitude is 111.2 km; the half degree keeps clear of rounding)."""
    if abs(a.lat - b.lat) > limit_km / 111.0 + 0.5:
        return False
    return km(a, b) < limit_km


def readings(m: RawMatch, gz: Gazetteer) -> list[Reading]:
    focus = gz.lexicon.focus_countries if gz.lexicon else frozenset()
    towns, divs, countries = [], [], []
    seen: set[object] = set()
    for c in m.candidates:
        if (c.kind, c.ref) in seen:
            continue
        seen.add((c.kind, c.ref))
        if c.kind == PLACE:
            p = gz.place(int(c.ref))
            prior = 0.5 * math.log10(p.pop + 10) + (0.3 if p.country in focus else 0.0)
            towns.append(Reading("town", p.country, prior, place=p))
        elif c.kind == ADMIN1 and c.ref in gz.admin1:
            d = gz.admin1[str(c.ref)]
            divs.append(Reading("admin1", d.code.split(".")[0], 4.0, place=gz.capital(d), division=d))
        elif c.kind == COUNTRY and c.ref in gz.countries:
            countries.append(Reading("country", str(c.ref), 4.0, division=gz.countries[str(c.ref)]))
    # A division whose seat shares its English name ("إب": Ibb governorate, seat Ibb; "غومبيه":
    # Gombe State, seat Gombe) also reads as that town, even where GeoNames lacks the town's
    # Arabic spelling.
    for r in divs:
        seat = r.place
        if (
            seat
            and r.division
            and _same_name(r.division.name, seat.name)
            and all(t.place is None or t.place.id != seat.id for t in towns)
        ):
            prior = 0.5 * math.log10(seat.pop + 10) + (0.3 if seat.country in focus else 0.0)
            towns.append(Reading("town", r.code, prior, place=seat))
    if m.frame == "province":
        return divs or towns
    if m.frame in ("town", "district"):
        return towns or divs
    # A bare division name that is also its seat's name ("حلب", "تعز") is the town.
    divs = [
        d
        for d in divs
        if not (d.place and any(t.place and km(t.place, d.place) < CAPITAL_SAME_KM for t in towns))
    ]
    return countries + divs + towns


def _same_name(division: str, town: str) -> bool:
    """ "Gombe" / "Gombe", "Al-Hasakah" / "Al Ḩasakah": the same name up to articles and marks."""

    def bare(s: str) -> str:
        s = ascii_name(s).lower().replace("-", " ").replace("'", "").replace("’", "")
        return re.sub(r"^(al|as|ar|ad|an|ash|at|az|el) ", "", s).strip()

    return bare(division) == bare(town)


def choose(matches: list[RawMatch], gz: Gazetteer) -> list[tuple[RawMatch, Reading, float]]:
    """One reading per match (dropping false friends), with a 0..1 confidence."""
    focus = gz.lexicon.focus_countries if gz.lexicon else frozenset()
    # A name's readings depend on its frame and candidates alone (and the gazetteer), so they
    # are worked out once per process and kept on the gazetteer (read-only: Reading is frozen and
    # the lists are never changed); with the same other names near it a repeated name also has
    # the same ranking, worked out once per document below.
    memo = gz.readings_memo
    options = []
    for m in matches:
        kind = (m.frame, tuple(m.candidates))
        rs = memo.get(kind)
        if rs is None:
            if len(memo) >= 100_000:
                memo.clear()
            rs = memo[kind] = readings(m, gz)
        if rs:
            options.append((m, rs))
    votes: dict[str, float] = defaultdict(float)
    own: list[dict[str, float]] = []  # each name's own vote, to measure the support of the others
    for _m, rs in options:
        per_country: dict[str, float] = {}
        for r in rs:
            w = math.exp(r.prior) * (2.0 if r.kind == "country" else 1.0)
            per_country[r.code] = max(per_country.get(r.code, 0.0), w)
        total = sum(per_country.values())
        weight = 2.0 if any(r.kind == "country" for r in rs) else 1.0
        own.append({cc: w / total * weight for cc, w in per_country.items()})
        for cc, v in own[-1].items():
            votes[cc] += v
    all_votes = sum(votes.values()) or 1.0
    named = {r.code for _m, rs in options for r in rs if r.kind == "country" and len(rs) == 1}
    share = {cc: v / all_votes for cc, v in votes.items()}
    first = [_scored(rs, share, [])[0][1] for _m, rs in options]
    # Anchors: names whose first choice is a country, a division or a city of ANCHOR_POP people;
    # only they may contradict another name's country (a village namesake may not).
    anchors = [
        (j, r.code)
        for j, r in enumerate(first)
        if r.kind != "town" or (r.place is not None and r.place.pop >= ANCHOR_POP)
    ]
    result = []
    # The other names' first choices a name may be near: those of other keys (a name repeated is
    # no evidence for itself), so the same for every mention of one key.
    near_by_key: dict[str, list[Place]] = {}
    ranked_by_key: dict[
        tuple[str, str, tuple[Candidate, ...], frozenset[str]], tuple[list[tuple[float, Reading]], float]
    ] = {}
    all_anchored = Counter(cc for _j, cc in anchors)
    anchor_of = dict(anchors)
    for k, (m, rs) in enumerate(options):
        near = near_by_key.get(m.key)
        if near is None:
            near = near_by_key[m.key] = [
                r.place for j, r in enumerate(first) if r.place is not None and options[j][0].key != m.key
            ]
        beside = m.beside
        # the country named beside chooses between readings, unless one is a country or a big city
        # ("إيران", "الرياض": itself, whatever is near)
        bonus = beside
        if len({r.code for r in rs}) < 2 or any(
            r.kind == "country" or (r.place is not None and r.place.pop >= BIG_CITY_POP) for r in rs
        ):
            bonus = frozenset()
        ranked_key = (m.key, m.frame, tuple(m.candidates), bonus)
        ranked_z = ranked_by_key.get(ranked_key)
        if ranked_z is None:
            ranked = _scored(rs, share, near, bonus)
            ranked_z = ranked_by_key[ranked_key] = (
                ranked,
                sum(math.exp(s - ranked[0][0]) for s, _ in ranked),
            )
        ranked, z = ranked_z
        best_score, best = ranked[0]
        if best.kind == "town" and best.place is not None:
            # the share of the other names' votes that goes to the town's country (the one
            # country the tests below ask about)
            others = all_votes - sum(own[k].values())
            support = (
                (votes[best.code] - own[k].get(best.code, 0.0)) / others
                if others > 1e-9 and best.code in votes
                else 0.0
            )
            if m.frame != "town" and _false_friend(m, best, share, support, focus, named):
                continue
            if _local_abroad(m, best, support, focus, named) or _bare_abroad(m, best, focus):
                continue
            # "بلدة الزبداني السورية": where the text says which country, no vote overrules it
            if best.code not in beside and _contradicted(
                best, support, partial(_anchor_share, all_anchored, anchor_of.get(k))
            ):
                continue
        result.append((m, best, 1.0 / z))
    return result


# (A module-level function, not one nested in choose: compiled with mypyc, a nested function and
# its parent's environment point at each other, a reference cycle per document left for the
# cyclic collector; the same for _bare_name below.)
def _scored(
    rs: list[Reading], share: dict[str, float], near: list[Place], beside: frozenset[str] = frozenset()
) -> list[tuple[float, Reading]]:
    """The readings ranked, best first: prior, the document's vote for their country (``share``),
    nearness to the other names' first choices, the country named beside the name."""
    out = []
    for r in rs:
        s = r.prior + W_FOCUS * share.get(r.code, 0.0)
        if near and r.place is not None and any(_within(r.place, q, PROXIMITY_KM) for q in near):
            s += W_NEAR
        if r.kind == "town" and r.code in beside:
            s += W_BESIDE  # "مدينة أريحا ... في شمال غرب سورية": its country named beside it
        out.append((s, r))
    return sorted(out, key=lambda x: -x[0])


_TOWN_HEADS = frozenset({"مدينه", "بلده", "قريه", "منطقه"})


def _bare_name(key: str, keys: set[str]) -> str:
    """The town a key names: "مدينه زنجبار" is a gazetteer name of its own (Zanzibar City), but
    the same town as "زنجبار" where the document also names that."""
    head, _, rest = key.partition(" ")
    return rest if head in _TOWN_HEADS and rest in keys else key


def one_sense_per_name(
    chosen: list[tuple[RawMatch, Reading, float]], gz: Gazetteer | None = None
) -> list[tuple[RawMatch, Reading, float]]:
    """A name read as towns in two countries within one report is one town: "مدينة زنجبار" taken
    for Zanzibar (a framed big city) beside "زنجبار" read as Zinjibar in a report from Yemen. All its
    mentions take the reading whose country the document's names point to most."""
    keys = {m.key for m, r, _conf in chosen if r.kind == "town"}
    towns: dict[str, list[int]] = defaultdict(list)
    for i, (m, r, _conf) in enumerate(chosen):
        if r.kind == "town":
            towns[_bare_name(m.key, keys)].append(i)
    split = [ix for ix in towns.values() if len({chosen[i][1].code for i in ix}) > 1]
    votes = Counter(r.code for _m, r, _conf in chosen)
    if gz is not None:
        chosen = _framed_name_at_home(chosen, gz, votes)
    if not split:
        return chosen
    out = list(chosen)
    for ix in split:
        best = max((chosen[i][1] for i in ix), key=lambda r: votes[r.code])
        for i in ix:
            m, r, conf = chosen[i]
            if r.code != best.code:
                out[i] = (m, best, conf)
    return out


def _framed_name_at_home(
    chosen: list[tuple[RawMatch, Reading, float]], gz: Gazetteer, votes: Counter[str]
) -> list[tuple[RawMatch, Reading, float]]:
    """ "مدينة زنجبار، عاصمة محافظة أبين" alone: the whole phrase is Zanzibar City's own name, but
    in a report whose names point to another country the town there named by the rest (Zinjibar)
    is meant."""
    out = list(chosen)
    for i, (m, r, conf) in enumerate(chosen):
        head, _, rest = m.key.partition(" ")
        if r.kind != "town" or head not in _TOWN_HEADS or not rest:
            continue
        others = votes.copy()
        others[r.code] -= 1
        home, n = max(others.items(), key=lambda kv: kv[1], default=(None, 0))
        if home is None or home == r.code or n < 1:
            continue
        places = [gz.place(int(c.ref)) for c in gz.lookup(rest) if c.kind == PLACE]
        places = [p for p in places if p.country == home]
        if places:
            p = max(places, key=lambda p: p.pop)
            out[i] = (m, Reading("town", p.country, r.prior, place=p), conf)
    return out


def _anchor_share(all_anchored: Counter[str], own: str | None) -> dict[str, float]:
    """Each country's share of the anchors other than this name (``own``: the country it anchors,
    if it is an anchor)."""
    anchored = all_anchored.copy()
    if own is not None:
        anchored[own] -= 1  # (a count left at 0 weighs nothing)
    total = sum(anchored.values())
    return {cc: n / total for cc, n in anchored.items()} if total else {}


# heads of a district, a village or a quarter: a place named with one is a small one of the
# report's own country
_LOCAL_HEADS = frozenset({"منطقه", "قريه", "حي", "مديريه", "عزله", "ناحيه"})


def _local_abroad(m: RawMatch, r: Reading, support: float, focus: frozenset[str], named: set[str]) -> bool:
    """ "منطقة بوسان بالمديرية" in a report from Yemen: a name framed as a district, village or
    quarter is not a city abroad that nothing else in the report points to, however big."""
    return (
        m.frame_word in _LOCAL_HEADS
        and r.code not in focus
        and r.code not in named
        and support < MIN_FOCUS_SHARE
    )


def _bare_abroad(m: RawMatch, r: Reading, focus: frozenset[str]) -> bool:
    """ "مدينا الهجمات" (condemning), "جيف دايفيس", "(كونا)": a town outside the region, not a
    big city, named with no frame and no locative preposition before it is a word or a person,
    not Medina, Davis or Kuna in the United States — even where the text names that country.
    Abroad, a text says where with "في", "بـ" or "مدينة" ("في تشاتانوغا")."""
    assert r.place is not None
    return r.code not in focus and not m.frame and not m.located and r.place.pop < BIG_CITY_POP


def _false_friend(
    m: RawMatch,
    r: Reading,
    share: dict[str, float],
    support: float,
    focus: frozenset[str],
    named: set[str],
) -> bool:
    """An unframed town reading the document does not support. ``share`` is its country's share
    of all the names' votes, ``support`` the share among the other names only.

    - an ordinary word (weak name) unless a big city of a focus-region or named country;
    - a short name (≤ 3 letters) reached through a proclitic ("لسان" is not ل + Ulsan) outside
      the document's focus;
    - a town abroad (outside the focus region, country not named in the document) that the other
      names do not point to, unless it is a big city;
    - a tiny village outside the document's focus."""
    assert r.place is not None
    pop, s = r.place.pop, share.get(r.code, 0.0)
    home = r.code in focus or r.code in named
    clitic_short = m.prefix not in ("", "ال") and len(m.key) <= 3
    if m.weak:
        if m.key.isascii():  # "in Paris", "near Milford": a capitalised name after a preposition
            return False
        return pop < WEAK_MIN_POP or s < MIN_FOCUS_SHARE or not home
    if not home:
        if m.key.isascii():  # a capitalised English name is rarely an ordinary word
            return pop < TINY_POP and support < MIN_FOCUS_SHARE
        # ("لسان" is no big city either: a tongue, not ل + Ulsan)
        return clitic_short or (pop < BIG_CITY_POP and support < MIN_FOCUS_SHARE)
    if s >= MIN_FOCUS_SHARE and pop >= TINY_POP:
        return False
    if clitic_short:
        return s < MIN_FOCUS_SHARE
    return pop < TINY_POP and s < MIN_FOCUS_SHARE


def _contradicted(r: Reading, support: float, anchor_share: Callable[[], dict[str, float]]) -> bool:
    """A town (under CONTRADICTED_MAX_POP people) in a country the other names do not point to
    (``support``: the other names' share of votes for it), while the document's anchors
    (countries, divisions, cities) clearly point to another: "Qatra village in southern Idleb" is
    not the Israeli Qatra. A wrong point hundreds of km away is worse for an event than no point.
    ``anchor_share`` is asked for only when the first two tests leave the question open."""
    assert r.place is not None
    if r.place.pop >= CONTRADICTED_MAX_POP or support >= MIN_FOCUS_SHARE:
        return False
    return any(cc != r.code and v >= CONTRADICTING_SHARE for cc, v in anchor_share().items())


@lru_cache(maxsize=65_536)
def ascii_name(name: str) -> str:
    """GeoNames' name without diacritics ("Al Ḩasakah" → "Al Hasakah")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def location_of(m: RawMatch, r: Reading, nt: NormText, gz: Gazetteer) -> Location:
    s, e = nt.orig_span(m.nstart, m.nend)
    surface = nt.text[s:e]
    if r.kind == "country":
        assert r.division is not None
        return Location(name=r.division.name, text=surface, country=r.code, lat=None, lon=None, precision=3)
    p = r.place
    if r.kind == "admin1":
        assert r.division is not None
        return Location(
            name=ascii_name(r.division.name),
            text=surface,
            geonames_id=p.id if p else None,
            lat=p.lat if p else None,
            lon=p.lon if p else None,
            admin1=ascii_name(r.division.name),
            country=r.code,
            precision=3,
        )
    assert p is not None
    return Location(
        name=ascii_name(p.name),
        text=surface,
        geonames_id=p.id,
        lat=p.lat,
        lon=p.lon,
        admin1=ascii_name(gz.admin1_name(p.admin1) or "") or None,
        country=p.country,
        precision=2 if (m.vicinity or m.frame == "district") else 1,
    )


def mention_of(m: RawMatch, r: Reading, conf: float, nt: NormText, gz: Gazetteer) -> PlaceMention:
    nstart = m.frame_nstart if m.frame_nstart >= 0 else m.nstart
    s, e = nt.orig_span(nstart, m.nend)
    return PlaceMention(s, e, nt.text[s:e], location_of(m, r, nt, gz), r.kind, round(conf, 3))
