"""A learned gate on top of the rules: does this sentence REPORT a violent event / a protest?

Triggers find candidate mentions with high recall; many sentences only name a kind of event
("ذكرى الاغتيال", "مكافحة الإرهاب والتفجيرات"). A logistic model over sparse features of the
sentence and its candidate mentions (trigger ids, eventiveness cues, arguments found, words)
scores each sentence per family; mentions below the family's threshold are dropped.

Weights are trained by ``scripts/train_event_gate.py`` (cross-validated on the open GSR
sentences) and shipped as ``data/gate.json``; without that file the gate lets everything pass.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasd.events.arguments import DocIndex
    from rasd.events.context import SentenceView
    from rasd.events.lexicon import Lexicon
    from rasd.events.mentions import Mention

# people, not forces: never a side of a battle, and named as a doer they stand for an unidentified
# attacker ("فلسطيني يدهس 3 جنود")
UNARMED = ("Civilians", "Protesters", "Rioters")
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
FAMILIES = {"ASSAULT": VIOLENT, "PROTEST": frozenset({"Protests", "Riots"})}


def family_of(event_type: str) -> str | None:
    for name, types in FAMILIES.items():
        if event_type in types:
            return name
    return None


def gate_features(view: SentenceView, mentions: list[Mention], idx: DocIndex, lex: Lexicon) -> set[str]:
    f: set[str] = {"bias"}
    verbs = lex.cue("verbs")
    past_light = lex.cue("past_light_verbs")
    protest_adverbs = lex.cue("realis.protest_adverbs")
    for m in mentions:
        f.add(f"sub={m.sub_event_type}")
        f.add(f"fam={m.family}")
        for h in m.hits:
            f.add(f"trig={h.entry.id}")
            if any(view.keys[i] & verbs for i in range(h.first, h.last + 1)):
                f.add("verb")
                if _past_verb(view, h.first, lex):
                    f.add("past_verb")  # not a trained weight (scores 0): read by strong_evidence
            # "خرج عشرات الآلاف ... في بغداد مساء الجمعة احتجاجا": the adverb of protest qualifies
            # the main verb of its clause, further back than a light verb's object
            reach = 12 if view.surface(h.first) in protest_adverbs else 6
            if any(view.keys[i] & past_light for i in range(max(0, h.first - reach), h.first)):
                # "شنت القوات هجوما": the event noun carried by a past-tense light verb. Not one
                # of the trained weights (it scores 0); strong_evidence reads it as a verb.
                f.add("light_verb_before")
            for i in (h.first - 2, h.first - 1):
                if 0 <= i < len(view.tokens):
                    f.add(f"pre={view.tokens[i].base or view.tokens[i].norm}")
            for i in (h.last + 1, h.last + 2):
                if 0 <= i < len(view.tokens):
                    f.add(f"post={view.tokens[i].base or view.tokens[i].norm}")
            pos = h.first / max(1, len(view.tokens))
            f.add(f"pos={int(pos * 3)}")
        if m.actor1 is not None:
            f.add("actor1")
            f.add(f"a1type={m.actor1.type}")
        if m.actor2 is not None:
            f.add("actor2")
        for k in m.counts:
            f.add("count")
            f.add(f"count={k}")
        if m.location is not None and not m.location_inherited:
            f.add("place")
        if m.date_explicit:
            f.add("date")
    if view.has_any(lex.cue("light_verbs")):
        f.add("light")
    if view.has_any(lex.cue("time_words")):
        f.add("time")
    n = len(view.tokens)
    f.add(f"len={min(n // 10, 6)}")
    return f


def _past_verb(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """The trigger is a verb in the past tense that tells its own clause: not a present habit
    ("يستهدف"), not a relative clause describing someone ("الزرقاوي الذي قتل في العراق"), and not
    a form that may as well be the verbal noun ("بسبب خطف جندي") unless a particle opens it."""
    if view.keys[i] & lex.cue("present_event_verbs"):
        return False
    if i > 0 and view.keys[i - 1] & lex.cue("realis.relative"):
        return False
    if view.keys[i] & lex.cue("verbal_noun_forms"):
        return i == 0 or bool(view.keys[i - 1] & lex.cue("clause_particles"))
    return True


def strong_evidence(features: set[str], family: str) -> bool:
    """A report the gate need not vouch for: a verb of the event (or of occurrence), a place it
    happened in, who did it, and when or how many — everything an analyst needs is in the sentence."""
    anchored = "place" in features and "actor1" in features
    if "verb" in features and "fam=takeover" in features and anchored:
        return True  # "X seized Y": ACLED's territorial events, which newswire judges rarely mark
    if "past_verb" in features and anchored and family == "ASSAULT":
        # "خطفت جبهة النصرة خمسة مقاتلين في قرية قاح": who did what where, done. (Protesters
        # are named by kind, not as actors, so this says little of a protest.)
        return True
    finite = "verb" in features or "light_verb_before" in features
    return finite and anchored and "date" in features


@dataclass
class Gate:
    weights: dict[str, dict[str, float]]  # family → feature → weight
    thresholds: dict[str, float]

    def score(self, family: str, features: set[str]) -> float:
        w = self.weights.get(family)
        if not w:
            return 1.0
        z = sum(w.get(x, 0.0) for x in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def passes(self, family: str, p: float) -> bool:
        return p >= self.thresholds.get(family, 0.0)


def load_gate() -> Gate | None:
    path = resources.files("rasd.events") / "data" / "gate.json"
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Gate(weights=raw["weights"], thresholds=raw["thresholds"])
