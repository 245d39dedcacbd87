"""The compact GeoNames index, loaded once and handed to :func:`find_places`.

The index is built by ``scripts/build_gazetteer.py`` into ``src/rasd/places/data/`` (gzip'd TSV:
places, first-level divisions, countries) and turned here into one hash table from the
``normalize_key`` form of every name to its candidates. Matching (``rasd.places.match``) looks up
word n-grams of the text in it: the same word-boundary matching an Aho-Corasick automaton gives,
without the automaton's build cost at load (over 1 s for these 150k Unicode keys, against the
0.3 s load target). Nothing is read at import time.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from rasd.datafiles import parse_yaml
from rasd.errors import ResourceError
from rasd.frozen import Reduced, by_fields
from rasd.places.types import Division, Place
from rasd.text import normalize_key

# Candidate kinds.
PLACE, ADMIN1, COUNTRY, BLOCKER = "p", "a", "c", "x"


# Candidate flags: the name was indexed without its article "ال"; and may then stand bare.
STRIPPED, BARE_OK = 1, 2


class Candidate(NamedTuple):
    kind: str  # PLACE | ADMIN1 | COUNTRY
    ref: int | str  # index into Gazetteer.places, or an admin1 / country code
    flags: int = 0  # STRIPPED | BARE_OK


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Context words (lexicon.yaml), all in normalize_key form; phrases are tuples of words."""

    town_frames: frozenset[tuple[str, ...]]
    province_frames: frozenset[tuple[str, ...]]
    loose_frames: frozenset[str]
    weekdays: frozenset[str]  # after a definite frame ("العاصمة الجمعة") a weekday is a date
    district_frames: frozenset[tuple[str, ...]]
    vicinity_frames: frozenset[tuple[str, ...]]
    sublocation_frames: frozenset[str]
    town_named_frames: frozenset[str]
    junction_frames: frozenset[str]
    sublocation_frames_with_article: frozenset[str]
    sublocation_stops: frozenset[str]
    media_nouns: frozenset[str]
    outlets: frozenset[str]
    saying_verbs: frozenset[str]
    person_titles: frozenset[str]
    given_names: frozenset[str]
    english_province_suffixes: frozenset[str]
    stoplist: frozenset[str]
    frame_words: frozenset[str]
    sublocation_non_names: frozenset[str]
    compound_name_heads: frozenset[str]
    english_stoplist: frozenset[str]
    weak_names: frozenset[str]
    not_places: frozenset[str]
    locative_prepositions: frozenset[str]
    focus_countries: frozenset[str]
    # the words the town, province, district and vicinity frames end with: a name whose previous
    # word ends none of them has no frame before it (match.py, add_context)
    frame_tails: frozenset[str]
    # word → the sublocation frame it is and its proclitics' length (find.py); not compared
    frame_memo: dict[str, tuple[str, int] | None] = field(default_factory=dict, compare=False, repr=False)

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(slots=True)
class Gazetteer:
    """The place index. ``lookup(key)`` gives a name's candidates, ``place(row)`` a place."""

    admin1: dict[str, Division] = field(default_factory=dict)
    countries: dict[str, Division] = field(default_factory=dict)
    lexicon: Lexicon | None = None
    max_words: int = 1  # longest name, in words
    names: dict[str, str] = field(default_factory=dict)  # key -> encoded candidates (see lookup)
    heads: frozenset[str] = frozenset()  # word prefixes of multi-word names ("دير", "رأس")
    _rows: list[str] = field(default_factory=list)  # places.tsv.gz lines, parsed on demand
    _places: dict[int, Place] = field(default_factory=dict)  # parsed rows (a cache, grows with use)
    start_memo: dict[str, tuple] = field(
        default_factory=dict
    )  # word → its readings as a name start (match.py, _start)
    # (frame, candidates) → the name's readings (resolve.py)
    readings_memo: dict[tuple, list] = field(default_factory=dict, compare=False, repr=False)
    # transliterated.py: country → its towns by consonant skeleton, built on first need
    skeletons: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __contains__(self, key: str) -> bool:
        return key in self.names

    def lookup(self, key: str) -> list[Candidate]:
        """Candidates of a name in ``normalize_key`` form (empty when unknown)."""
        enc = self.names.get(key)
        if not enc:
            return []
        out = []
        for c in enc.split(","):
            tag, ref = c[0], c[1:]
            if tag == "p":
                out.append(Candidate(PLACE, int(ref)))
            elif tag in "sb":
                out.append(Candidate(PLACE, int(ref), STRIPPED | (BARE_OK if tag == "b" else 0)))
            elif tag == "a":
                out.append(Candidate(ADMIN1, ref))
            elif tag == "x":
                return [Candidate(BLOCKER, key)]
            else:
                out.append(Candidate(COUNTRY, ref))
        return out

    def place(self, row: int) -> Place:
        p = self._places.get(row)
        if p is None:
            pid, name, lat, lon, pop, cc, admin1 = self._rows[row].split("\t")
            p = self._places[row] = Place(row, int(pid), name, float(lat), float(lon), int(pop), cc, admin1)
        return p

    def capital(self, division: Division) -> Place | None:
        return self.place(division.capital) if division.capital >= 0 else None

    def country_name(self, iso2: str) -> str | None:
        c = self.countries.get(iso2.upper())
        return c.name if c else None

    def admin1_name(self, code: str) -> str | None:
        a = self.admin1.get(code)
        return a.name if a else None


def _data_dir() -> Path:
    return Path(str(resources.files("rasd.places") / "data"))


def _read_lines(path: Path) -> list[str]:
    try:
        with gzip.open(path, "rb") as f:
            return f.read().decode("utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise ResourceError(f"place index {path} is missing or corrupt: {exc}") from exc


def _read_tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in _read_lines(path)]


def _phrases(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(normalize_key(w).split()) for w in words)


def _words(words: list[str]) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words)


def _spaces(s: str) -> list[int]:
    return [i for i, ch in enumerate(s) if ch == " "]


def _listed(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


def load_lexicon(data: Path | None = None) -> Lexicon:
    data = data or _data_dir()
    y = parse_yaml((data / "lexicon.yaml").read_text(encoding="utf-8"))
    auto = _listed(data / "stoplist_auto.txt")
    keep = _words(y.get("auto_stoplist_keep") or [])
    # A frame word is never a place by itself ("مدينة" is also Medina's name without its article).
    frames = [
        w for k in ("town_frames", "province_frames", "district_frames", "sublocation_frames") for w in y[k]
    ]
    frame_words = frozenset(k for k in _words(frames) if " " not in k)
    stop = _words(y["stoplist"]) | (_words(auto) - keep) | frame_words
    town, province = _phrases(y["town_frames"]), _phrases(y["province_frames"])
    district, vicinity = _phrases(y["district_frames"]), _phrases(y["vicinity_frames"])
    return Lexicon(
        town_frames=town,
        province_frames=province,
        loose_frames=_words(y["loose_frames"]),
        weekdays=_words(y.get("weekdays") or []),
        district_frames=district,
        vicinity_frames=vicinity,
        sublocation_frames=_words(y["sublocation_frames"]),
        town_named_frames=_words(y["town_named_frames"]),
        junction_frames=_words(y["junction_frames"]),
        sublocation_frames_with_article=_words(y["sublocation_frames_with_article"]),
        sublocation_stops=_words(y["sublocation_stops"]),
        media_nouns=_words(y["media_nouns"]),
        outlets=_words(y["outlets"]),
        saying_verbs=_words(y["saying_verbs"]),
        person_titles=_words(y["person_titles"]),
        given_names=_words(y["given_names"]),
        english_province_suffixes=_words(y["english_province_suffixes"]),
        stoplist=stop,
        frame_words=frame_words,
        sublocation_non_names=_words(y["sublocation_non_names"]),
        compound_name_heads=_words(y["compound_name_heads"]),
        english_stoplist=frozenset(y["english_stoplist"]),
        weak_names=frozenset(_listed(data / "weak_names.txt")) - keep,
        not_places=_words(y["not_places"]),
        locative_prepositions=_words(y["locative_prepositions"]),
        focus_countries=frozenset(y["focus_countries"]),
        frame_tails=frozenset(p[-1] for frames in (town, province, district, vicinity) for p in frames if p),
    )


def load_country_names(data: Path | None = None) -> dict[str, str]:
    """ISO2 → English country name, from the small country table alone."""
    return {iso: name for iso, name, _capital in _read_tsv((data or _data_dir()) / "countries.tsv.gz")}


def load_gazetteer(data: Path | None = None) -> Gazetteer:
    """Read the compact index (rows stay text until a lookup needs them; see bench/bench_places.py)."""
    data = data or _data_dir()
    lexicon = load_lexicon(data)
    gz = Gazetteer(lexicon=lexicon)
    gz._rows = _read_lines(data / "places.tsv.gz")
    lines = _read_lines(data / "names.txt.gz")
    try:
        count, max_words = map(int, lines[0].split())
    except (IndexError, ValueError) as exc:
        raise ResourceError("place name table has no header") from exc
    gz.names = dict(zip(lines[1 : count + 1], lines[count + 1 :], strict=True))
    gz.names.update((k, "x") for k in lexicon.not_places)
    gz.max_words = max(max_words, *(k.count(" ") + 1 for k in lexicon.not_places))
    gz.heads = frozenset(k[:pos] for k in gz.names if " " in k for pos in _spaces(k))
    for code, name, capital in _read_tsv(data / "admin1.tsv.gz"):
        gz.admin1[code] = Division(code, name, int(capital))
    for iso, name, capital in _read_tsv(data / "countries.tsv.gz"):
        gz.countries[iso] = Division(iso, name, int(capital))
    return gz
