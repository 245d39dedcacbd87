"""Foreign towns that GeoNames knows only in Latin letters, found through their apposition.

Arabic news spells towns of the Sahel, Nigeria or Cameroon as it hears them ("مروة" for Maroua,
"فوتوكول" for Fotokol); GeoNames carries an Arabic name for one place in six, and few of those
are in Africa. A word the gazetteer does not know is read as such a town only where the sentence
itself says it is a place in a named country: a locative preposition before it and the country or
province right after it ("في مروة بشمال الكاميرون"). It then takes the most populous place of
that country whose Latin name has the same consonant skeleton (``transliteration.yaml``). Other
occurrences of the same word after a locative preposition in the document are the same town.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasd.datafiles import read_yaml
from rasd.places.gazetteer import Gazetteer
from rasd.places.resolve import ascii_name
from rasd.places.types import Place, PlaceMention
from rasd.records import Location
from rasd.text import normalize_key

MIN_SKELETON = 2  # consonant classes; one consonant matches far too many places
# A reading by sound alone is taken for a town that news would name, not for a hamlet: two or three
# consonants match dozens of villages in a country.
MIN_POPULATION = 20_000
SCORE = 0.5  # a reading by sound alone is less sure than a gazetteer name

# The apposition that says "X is a town in that country": "في مروة بشمال الكاميرون", "في مروة، شمالي
# الكاميرون". Without the direction word the pair is usually a construct phrase ("في احتلال مصر")
# or two separate complements ("في محاولة في جنوب سورية"). A foreign town's name is not definite.
_DIRECTION = r"(?:شمال|جنوب|شرق|غرب|وسط)ي?"
_BEFORE_ANCHOR = re.compile(
    rf"(?<!\w)[وف]?في\s+(?!ال)(\w{{3,}})\s*[،,]?\s*ب?(?:{_DIRECTION}(?:\s+{_DIRECTION})?\s+)?$"
)
_DIRECTED = re.compile(rf"{_DIRECTION}(?!\w)")
_LOCATIVE = re.compile(r"(?<!\w)[وف]?(?:في|من|إلى|الى|قرب)\s+$")


@dataclass(frozen=True)
class _Rules:
    arabic: dict[str, str]
    digraphs: dict[str, str]
    latin: dict[str, str]
    region_heads: frozenset[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    y = read_yaml(resources.files("rasd.places") / "data" / "transliteration.yaml", "transliteration")
    return _Rules(
        arabic={k: str(v) for k, v in y["arabic"].items()},
        digraphs={k: str(v) for k, v in y["latin_digraphs"].items()},
        latin={k: str(v) for k, v in y["latin"].items()},
        region_heads=frozenset(normalize_key(w) for w in y["region_heads"]),
    )


def _collapse(classes: list[str]) -> str:
    """Doubled consonants are one sound ("Fotokoll", shadda-less Arabic)."""
    out: list[str] = []
    for c in "".join(classes):
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def arabic_skeleton(word: str) -> str:
    """Consonant classes of an Arabic word: ``arabic_skeleton("فوتوكول") == "ftkl"``."""
    table = _rules().arabic
    return _collapse([table.get(ch, "") for ch in normalize_key(word)])


def latin_skeleton(name: str) -> str:
    """Consonant classes of a Latin name: ``latin_skeleton("Maroua") == "mr"``."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    rules = _rules()
    out: list[str] = []
    i = 0
    while i < len(folded):
        sub = rules.digraphs.get(folded[i : i + 2])
        if sub is not None:
            out.append(sub)
            i += 2
            continue
        out.append(rules.latin.get(folded[i], ""))
        i += 1
    return _collapse(out)


@dataclass
class _Country:
    towns: dict[str, Place]  # consonant skeleton → the most populous town that has it
    centre: tuple[float, float]  # mean lat, lon of the country's places


def _country(gz: Gazetteer, cc: str) -> _Country:
    """One country's towns by skeleton, built on first need and kept on the gazetteer. Towns that
    GeoNames also names in Arabic stay in: its Arabic spelling is often not the one the newspaper
    uses ("ماروا" / "مروة"). Rows are read raw, not through ``gz.place()``, so that the country's
    villages are not parsed and cached for the few towns big enough to be read by sound."""
    if cc in gz.skeletons:
        return gz.skeletons[cc]
    towns: dict[str, Place] = {}
    big: dict[int, int] = {}  # row → population, the towns big enough
    lat_sum = lon_sum = 0.0
    n = 0
    tab_cc = f"\t{cc}\t"
    for row, line in enumerate(gz._rows):
        if tab_cc not in line:
            continue
        _id, name, lat, lon, pop, _cc, _admin1 = line.split("\t")
        lat_sum += float(lat)
        lon_sum += float(lon)
        n += 1
        if int(pop) < MIN_POPULATION:
            continue
        big[row] = int(pop)
        _keep(towns, latin_skeleton(name), row, int(pop), gz)
    # the Latin alternates GeoNames lists ("Kobani" for Ayn al Arab) are in the name table
    for key, enc in _latin_names(gz):
        for ref in enc:
            if ref in big:
                _keep(towns, latin_skeleton(key), ref, big[ref], gz)
    gz.skeletons[cc] = country = _Country(towns, (lat_sum / max(n, 1), lon_sum / max(n, 1)))
    return country


def _keep(towns: dict[str, Place], skeleton: str, row: int, pop: int, gz: Gazetteer) -> None:
    if len(skeleton) >= MIN_SKELETON and (skeleton not in towns or pop > towns[skeleton].pop):
        towns[skeleton] = gz.place(row)


def _latin_names(gz: Gazetteer) -> list[tuple[str, list[int]]]:
    """The name table's Latin keys with the place rows they name (built once per gazetteer)."""
    latin = gz.skeletons.get("latin names")
    if latin is None:
        latin = []
        for key, enc in gz.names.items():
            if key[:1].isascii() and key[:1].isalpha():
                rows = [int(c[1:]) for c in enc.split(",") if c[:1] in ("p", "s", "b")]
                if rows:
                    latin.append((key, rows))
        gz.skeletons["latin names"] = latin
    return latin


def _lies(direction: str, p: Place, centre: tuple[float, float]) -> bool:
    """Whether the town lies in the part of its country the sentence says ("بشمال" → north of the
    country's centre). "وسط" says nothing checkable."""
    lat, lon = centre
    return all(
        test
        for word, test in (
            ("شمال", p.lat > lat),
            ("جنوب", p.lat < lat),
            ("شرق", p.lon > lon),
            ("غرب", p.lon < lon),
        )
        if word in direction
    )


def transliterated_towns(text: str, mentions: list[PlaceMention], gz: Gazetteer) -> list[PlaceMention]:
    """Towns named in Arabic letters that GeoNames spells only in Latin ones (see the module)."""
    lex = gz.lexicon
    rules = _rules()
    found: dict[str, Place] = {}
    for anchor in mentions:
        cc = anchor.location.country
        if anchor.kind not in ("country", "admin1") or not cc:
            continue
        m = _BEFORE_ANCHOR.search(text, max(0, anchor.start - 60), anchor.start)
        if m is None:
            continue
        # the direction stands before the mention or starts it ("شمال الكاميرون"), but is not part
        # of the name itself ("جنوب إفريقيا")
        frame = anchor.text[: len(anchor.text) - len(anchor.location.text or "")]
        direction = m.group() + " " + frame
        if not _DIRECTED.search(direction):
            continue
        key = normalize_key(m.group(1))
        if (
            key in gz
            or key in rules.region_heads
            or (lex is not None and key in lex.stoplist)
            or key in found
        ):
            continue
        country = _country(gz, cc)
        place = country.towns.get(arabic_skeleton(key))
        if place is not None and _lies(direction, place, country.centre):
            found[key] = place
    return [_mention(text, span, found[k], gz) for span, k in _occurrences(text, found, mentions)]


def _occurrences(text: str, found: dict[str, Place], mentions: list[PlaceMention]):
    """Each occurrence of a found word after a locative preposition, not inside another mention."""
    if not found:
        return
    for m in re.finditer(r"\w+", text):
        key = normalize_key(m.group())
        if (
            key in found
            and _LOCATIVE.search(text, max(0, m.start() - 12), m.start())
            and not any(p.start < m.end() and m.start() < p.end for p in mentions)
        ):
            yield m.span(), key


def _mention(text: str, span: tuple[int, int], p: Place, gz: Gazetteer) -> PlaceMention:
    s, e = span
    loc = Location(
        name=ascii_name(p.name),
        text=text[s:e],
        geonames_id=p.id,
        lat=p.lat,
        lon=p.lon,
        admin1=ascii_name(gz.admin1_name(p.admin1) or "") or None,
        country=p.country,
        precision=1,
    )
    return PlaceMention(s, e, text[s:e], loc, "town", SCORE)
