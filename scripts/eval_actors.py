#!/usr/bin/env python3
"""How many gold actors and sources of the dev events resolve to the right canonical entity.

For each gold actor/source with a surface ``text``, the text is located in its document and the
mention that ``find_actors``/``find_sources`` (run over the whole document, so context counts)
found there is taken; failing that, ``kb.resolve``/``kb.resolve_source`` on the text alone, then
``kb.guess``. A prediction is right when its canonical NAME alone (not the surface text, which would
match trivially) passes the reference scorer's ``same_entity`` against the gold record's names
and aliases.

    python scripts/eval_actors.py [--shared ../shared] [--verbose]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

from rasd.actors import find_actors, find_sources, load_kb
from rasd.text import analyze, normalize_key

ROOT = Path(__file__).resolve().parent.parent


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("rasd_ref_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    out, i = [], text.find(surface)
    while i >= 0:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def _mention_for(mentions, spans):
    """The mention at the gold text: one with exactly its span if any, else the most overlapping
    one at its first occurrence that has a mention (the gold does not say which occurrence)."""
    for s, e in spans:
        for m in mentions:
            if (m.start, m.end) == (s, e):
                return m
    for s, e in spans:
        best, best_overlap = None, 0
        for m in mentions:
            overlap = min(e, m.end) - max(s, m.start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        if best is not None:
            return best
    return None


def _acled_names(shared: Path, kb, verbose: bool) -> float | None:
    """Share of ACLED's MENA actor names (weighted by their events) that resolve to an entry
    carrying that name as name/alias, or to the generic party it names ("Civilians (Syria)")."""
    path = shared / "data" / "acled" / "acled_notes_open.jsonl"
    if not path.is_file():
        return None
    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("is_mena"):
                counts.update(a for a in (row["gold"].get("actor1"), row["gold"].get("actor2")) if a)
    ok = 0
    for name, n in counts.items():
        actor = kb.resolve(name)
        entry = kb.get(actor.id) if actor is not None and actor.id else None
        names = {normalize_key(x) for x in [entry.name, *entry.aliases]} if entry else set()
        bare = normalize_key(re.sub(r"\s*\([^)]*\)\s*$", "", name))
        good = actor is not None and (normalize_key(name) in names or bare == normalize_key(actor.name))
        ok += n * good
        if verbose and not good:
            print(f"ACLED {n:5d} {name!r} → {actor.name if actor else None!r}")
    return ok / max(sum(counts.values()), 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every item, not only the misses")
    args = ap.parse_args()
    score = _scorer(args.shared)
    kb = load_kb()
    tally = {"actor": [0, 0], "source": [0, 0]}
    for path in sorted((args.shared / "eval" / "dev" / "events").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        analyzed = analyze(doc["text"])
        actors = find_actors(analyzed, kb)
        sources = find_sources(analyzed, kb)
        for ev in doc.get("events", []):
            items = [("actor", ev.get(k)) for k in ("actor1", "actor2")]
            items += [("source", s) for s in ev.get("sources", [])]
            for kind, gold in items:
                if not gold or not gold.get("text"):
                    continue
                pool = actors if kind == "actor" else sources
                m = _mention_for(pool, _occurrences(doc["text"], gold["text"]))
                if m is not None:
                    pred, how = (m.actor if kind == "actor" else m.source), "document"
                elif kind == "actor":
                    pred, how = kb.resolve(gold["text"]) or kb.guess(gold["text"]), "phrase"
                else:
                    pred, how = kb.resolve_source(gold["text"]), "phrase"
                # A guess keeps the surface form as its name, which matches the gold text trivially:
                # it counts as resolved only if it names no KB actor... so it does not count.
                guessed = kind == "actor" and pred is not None and pred.id is None
                ok = pred is not None and not guessed and score.same_entity({"name": pred.name}, gold)
                how += " (unresolved guess)" if guessed else ""
                tally[kind][0] += ok
                tally[kind][1] += 1
                if args.verbose or not ok:
                    mark = "ok  " if ok else "MISS"
                    got = pred.name if pred is not None else None
                    print(
                        f"{mark} {path.stem:13s} {kind:6s} {gold['text']!r:45s} gold={gold['name']!r} got={got!r} ({how})"
                    )
    acled = _acled_names(args.shared, kb, args.verbose)
    total = [tally["actor"][0] + tally["source"][0], tally["actor"][1] + tally["source"][1]]
    for kind, (ok, n) in [*tally.items(), ("all", total)]:
        print(f"{kind:7s} {ok:3d}/{n:3d}  {ok / max(n, 1):.1%}")
    if acled is not None:
        print(f"ACLED MENA actor names (English, weighted by events): {acled:.1%}")
    figures = {k: round(v[0] / max(v[1], 1), 4) for k, v in [*tally.items(), ("all", total)]}
    if acled is not None:
        figures["acled_names"] = round(acled, 4)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
