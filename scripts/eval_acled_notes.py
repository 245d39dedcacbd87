"""Measure the event stage on English ACLED notes (current taxonomy only).

Each ACLED note describes one coded event; the pipeline runs on the note (with its publication
date) and the predicted event that best matches the gold record is scored:

    python scripts/eval_acled_notes.py --shared ../shared --n 500 --half odd

The sample is deterministic (distinct texts of the 2019+ taxonomy, shuffled with a fixed seed).
``--half even`` is the half used to tune the English lexicons; ``--half odd`` is held out and
gives the honest figure. ACLED codes displacement-like notes as Strategic developments, so a
predicted ``Displacement`` record counts as ``Strategic developments``/``Other``.
"""

from __future__ import annotations

import argparse
import json
import random
import unicodedata
from collections import Counter
from pathlib import Path

import rasd
from rasd.events import extract_events
from rasd.events.lexicon import load_lexicon
from rasd.records import Document, Event

CURRENT = "acled_2019plus"


def load_sample(shared: Path, n: int, seed: int) -> list[dict]:
    path = shared / "data" / "acled" / "acled_notes_open.jsonl"
    rows, seen = [], set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if not str(r.get("taxonomy", "")).startswith(CURRENT) or not r.get("text"):
                continue
            if r["text"] in seen:
                continue
            seen.add(r["text"])
            rows.append(r)
    rows.sort(key=lambda r: r["id"])
    random.Random(seed).shuffle(rows)
    return rows[:n]


def _fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def loose_place(pred: Event, gold: str | None) -> bool:
    if not gold or pred.location is None:
        return False
    g = _fold(gold)
    names = {_fold(pred.location.name), _fold(pred.location.text), _fold(pred.location.sublocation)}
    return any(x and (x == g or x in g or g in x) for x in names)


def _etype(e: Event) -> tuple[str, str]:
    if e.event_type == "Displacement":
        return "Strategic developments", "Other"
    return e.event_type, e.sub_event_type


def best_match(events: list[Event], gold: dict) -> Event | None:
    def score(e: Event) -> tuple:
        et, sub = _etype(e)
        return (et == gold["event_type"], sub == gold["sub_event_type"], loose_place(e, gold["location"]))

    return max(events, key=score) if events else None


def fatalities_of(e: Event) -> int:
    return e.fatalities.value or 0 if e.fatalities is not None else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--half", choices=("all", "even", "odd"), default="all")
    ap.add_argument("--errors", type=int, default=0, help="print this many misclassified notes")
    ap.add_argument(
        "--no-gate", action="store_true", help="rules only: the learned gate (trained on Arabic) is off"
    )
    args = ap.parse_args()

    sample = load_sample(args.shared, args.n, args.seed)
    if args.half != "all":
        sample = sample[args.half == "odd" :: 2]
    pipe = rasd.Pipeline()
    lexicon = load_lexicon()
    if args.no_gate:
        lexicon.gate = None
    n = len(sample)
    with_event = et_ok = sub_ok = loc_ok = fat_ok = n_events = zero_gold = 0
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[str] = []
    for r in sample:
        gold = r["gold"]
        doc = Document(id=r["id"], text=r["text"], published=r.get("published"))
        events = extract_events(pipe.analyze(doc, entities=False), lexicon)
        e = best_match(events, gold)
        with_event += bool(events)
        n_events += len(events)
        zero_gold += not int(gold.get("fatalities") or 0)
        pred_t, pred_s = _etype(e) if e else ("-", "-")
        et_ok += pred_t == gold["event_type"]
        sub_ok += pred_s == gold["sub_event_type"]
        loc_ok += e is not None and loose_place(e, gold["location"])
        fat_ok += (fatalities_of(e) if e else 0) == int(gold.get("fatalities") or 0)
        if pred_s != gold["sub_event_type"]:
            confusion[(gold["sub_event_type"], pred_s)] += 1
            if len(errors) < args.errors:
                errors.append(f"[{gold['sub_event_type']} → {pred_s}] {r['text'][:300]}")

    def pct(k: int) -> str:
        return f"{k}/{n} = {k / max(1, n):.3f}"

    gate = "off (rules only)" if args.no_gate else "on"
    print(f"ACLED notes ({CURRENT}), n={args.n} seed={args.seed}, half={args.half}, gate {gate}: {n} notes")
    print(f"documents with >=1 event : {pct(with_event)}")
    print(f"event_type accuracy      : {pct(et_ok)}")
    print(f"sub_event_type accuracy  : {pct(sub_ok)}")
    print(f"location match (loose)   : {pct(loc_ok)}")
    print(
        f"fatalities match         : {pct(fat_ok)}  (no event at all would score {zero_gold / max(1, n):.3f})"
    )
    print(f"events per note          : {n_events / max(1, n):.2f} (ACLED codes one per note)")
    print("most frequent sub-type confusions (gold → predicted):")
    for (g, p), k in confusion.most_common(12):
        print(f"  {k:4d}  {g} → {p}")
    for line in errors:
        print(line)


if __name__ == "__main__":
    main()
