"""Place-stage figures on the dev events (reads ../shared; not a unit test).

For every gold event location, look at the place mentions find_places returns inside the event's
evidence sentences:

- found: a mention names the gold place (its surface ``text`` is the gold ``location.text`` in
  normalize_key form, or it carries the gold geonames_id);
- within 25 km: the found mention's coordinates are within 25 km of the gold coordinates (for a
  gold country-only location: the mention is that country).

Gold locations whose ``text`` is not a place name ("كل انحاء البلاد", none) are counted apart.

    python scripts/eval_places.py --shared ../shared [-v] [--acled 1500]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
from pathlib import Path

from rasd.places import find_places, load_gazetteer
from rasd.places.types import PlaceMention
from rasd.text import analyze, normalize_key

ROOT = Path(__file__).resolve().parent.parent


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def close(m: PlaceMention, gold: dict) -> bool:
    loc = m.location
    if gold.get("lat") is None:
        return loc.country == gold.get("country") and m.kind == "country"
    return loc.lat is not None and km(loc.lat, loc.lon, gold["lat"], gold["lon"]) <= 25.0


def names_gold(m: PlaceMention, gold: dict) -> bool:
    gt = normalize_key(gold.get("text") or "")
    if gold.get("geonames_id") and m.location.geonames_id == gold["geonames_id"]:
        return True
    mt = normalize_key(m.location.text or "")
    # the gold text may be a longer phrase around the name ("بلدة تركية على الحدود السورية")
    return bool(gt) and bool(mt) and (mt == gt or (len(mt) >= 4 and mt in gt))


def evaluate(shared: Path, verbose: bool = False) -> dict[str, int]:
    """Counts over the dev events: named, found, near (within 25 km), unnamed."""
    gz = load_gazetteer()
    total = found = near = unnamed = 0
    for path in sorted((shared / "eval" / "dev" / "events").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
        mentions = find_places(analyze(doc["text"], published), gz)
        for ev in doc["events"]:
            gold = ev.get("location")
            if not gold:
                continue
            spans = [(e["start"], e["end"]) for e in ev["evidence"]]
            inside = [m for m in mentions if any(s <= m.start and m.end <= e for s, e in spans)]
            hits = [m for m in inside if names_gold(m, gold)]
            ok = any(close(m, gold) for m in hits)
            named = bool(gold.get("text")) and normalize_key(gold["text"]) in normalize_key(
                " ".join(doc["text"][s:e] for s, e in spans)
            )
            if not named and not hits:
                unnamed += 1
                status = "UNNAMED"
            else:
                total += 1
                found += bool(hits)
                near += ok
                status = "ok" if ok else ("FAR" if hits else "MISSED")
            if verbose or status in ("FAR", "MISSED"):
                got = "; ".join(f"{m.text}->{m.location.name}/{m.location.country}" for m in inside)
                print(
                    f"{status:7} {path.name} gold={gold.get('text')}/{gold.get('name')} | in evidence: {got}"
                )
    return {"named": total, "found": found, "near": near, "unnamed": unnamed}


def evaluate_acled(shared: Path, n: int) -> dict[str, int]:
    """English check on ACLED notes: of ``n`` shuffled notes (seed 0), those with geo_precision 1;
    how many have a mention within 25 km of the ACLED point, and how many mentions with
    coordinates lie over 300 km from it."""
    gz = load_gazetteer()
    with open(shared / "data" / "acled" / "acled_notes_open.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    random.Random(0).shuffle(rows)
    notes = hit = mentions = far = 0
    for r in rows[:n]:
        g = r["gold"]
        if g.get("latitude") is None or g.get("geo_precision") != 1:
            continue
        notes += 1
        lat, lon = float(g["latitude"]), float(g["longitude"])
        dists = [
            km(m.location.lat, m.location.lon, lat, lon)
            for m in find_places(analyze(r["text"]), gz)
            if m.location.lat is not None and m.location.lon is not None
        ]
        hit += any(d <= 25.0 for d in dists)
        mentions += len(dists)
        far += sum(d > 300.0 for d in dists)
    return {"notes": notes, "hit": hit, "mentions": mentions, "far": far}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--acled", type=int, default=0, help="also check N shuffled ACLED notes (English)")
    args = ap.parse_args()
    r = evaluate(args.shared, args.verbose)
    total, found, near = r["named"], r["found"], r["near"]
    print(f"gold locations named in their evidence: {total} (plus {r['unnamed']} that name no place)")
    print(f"found (recall): {found}/{total} = {found / max(total, 1):.1%}")
    print(f"within 25 km of gold (of found): {near}/{found} = {near / max(found, 1):.1%}")
    print(f"within 25 km of gold (of all named): {near}/{total} = {near / max(total, 1):.1%}")
    if args.acled:
        a = evaluate_acled(args.shared, args.acled)
        print(f"ACLED notes with geo_precision 1: {a['notes']}")
        print(f"  a mention within 25 km: {a['hit']}/{a['notes']} = {a['hit'] / max(a['notes'], 1):.1%}")
        print(
            f"  mentions > 300 km away: {a['far']}/{a['mentions']} = {a['far'] / max(a['mentions'], 1):.1%}"
        )


if __name__ == "__main__":
    main()
