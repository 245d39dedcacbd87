"""The event stage's data: trigger entries and context cues, loaded once from YAML.

Every word passes through :func:`rasd.text.normalize_key`; lookups use :func:`word_keys`, which
strips clitics, so a lexicon lists each word once without ``و ف ب ل ك ال`` or pronoun suffixes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rasd.datafiles import read_yaml
from rasd.events.gate import Gate, load_gate
from rasd.events.marks import KeyMarks
from rasd.frozen import Reduced, by_fields
from rasd.records import Actor
from rasd.text import normalize_key

_PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_ENCLITICS = ("هما", "هم", "ها", "هن", "كم", "نا", "ه")


@lru_cache(maxsize=200_000)
def word_keys(norm: str) -> frozenset[str]:
    """The lookup keys of a normalized word: itself and its clitic-stripped readings.

    Over-generation is harmless here: a key only matters if a lexicon lists it, and lexicon
    entries are at least three letters long after stripping (short words are listed whole).
    """
    keys = {norm}
    stems = {norm}
    # (each loop is asked first, in one C call, whether any of its affixes is there at all: most
    # words have no proclitic, and most of those no pronoun ending)
    if norm.startswith(_PROCLITICS):
        for p in _PROCLITICS:
            if norm.startswith(p) and len(norm) - len(p) >= 2:
                stems.add(norm[len(p) :])
        # a conjunction before a preposition/article: "وبالحسكه", "ولداعش"
        for s in list(stems):
            for p in ("ال", "ل", "ب"):
                if s.startswith(p) and len(s) - len(p) >= 2 and s != norm:
                    stems.add(s[len(p) :])
    keys |= stems
    for s in list(stems):
        if s.endswith(_ENCLITICS):
            for e in _ENCLITICS:
                if s.endswith(e) and len(s) - len(e) >= 3:
                    keys.add(s[: -len(e)])
        # accusative tanween is written as a final alef: "انفجارا", "هجوما", "قتيلا"
        if s.endswith("ا") and len(s) >= 5:
            keys.add(s[:-1])
    return frozenset(keys)


def token_keys(norm: str, base: str) -> frozenset[str]:
    """The lookup keys of a token: those of its normalized form, and its base (the text stage's
    segmentation) when that is not among them."""
    keys = word_keys(norm)
    return keys | {base} if base and base not in keys else keys


def _norm_all(words: list[str] | None) -> list[str]:
    return [normalize_key(w) for w in (words or []) if w and normalize_key(w)]


@dataclass(frozen=True)
class TriggerEntry:
    id: str
    family: str
    event_type: str
    sub_event_type: str
    plover: dict | None
    strength: float
    weak: bool = False
    requires_any: frozenset[str] = frozenset()
    excludes_any: frozenset[str] = frozenset()

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass
class Lexicon:
    entries: list[TriggerEntry]
    words: dict[str, list[TriggerEntry]]  # key → entries
    phrases: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]]  # first key → (all keys, entry)
    cues: dict
    sets: dict[str, frozenset[str]] = field(default_factory=dict)  # named cue word sets
    gate: Gate | None = None  # the learned sentence gate (None: rules only)
    _phrase_indexes: dict[str, dict[str, list[tuple[str, ...]]]] = field(default_factory=dict)
    _unions: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # every key a trigger can start with: most tokens share none and are skipped at once
        self.trigger_starts: frozenset[str] = frozenset(self.words) | frozenset(self.phrases)
        # actor ids (not words, so not normalized) of forces fighting for a government
        self.pro_government: frozenset[str] = frozenset(self.cues.get("pro_government_ids", []))
        # words that start a protest or riot trigger (realis: "احتجاجا" alone qualifies another act)
        self.protest_words: frozenset[str] = frozenset(
            k for k, es in self.words.items() if any(e.event_type in ("Protests", "Riots") for e in es)
        )
        # actor id → the ids it fights beside (cues: alliances), itself included
        self.allies: dict[str, frozenset[str]] = {}
        for group in self.cues.get("alliances", []):
            for actor_id in group:
                self.allies[actor_id] = self.allies.get(actor_id, frozenset({actor_id})) | frozenset(group)
        # a bit for every word set the rules test tokens against (see events/marks.py)
        self.marks = KeyMarks(token_keys)
        owned = [*self.sets.values(), self.trigger_starts, self.protest_words]
        owned += [s for e in self.entries for s in (e.requires_any, e.excludes_any) if s]
        for words in owned:
            self.marks.register(words, words)

    def cue(self, name: str) -> frozenset[str]:
        return self.sets[name]

    def union(self, *names: str) -> frozenset[str]:
        """The union of the cue sets ``names``, built once (and so with a bit of its own)."""
        words = self._unions.get(names)
        if words is None:
            words = self._unions[names] = frozenset().union(*(self.sets[n] for n in names))
            self.marks.register(words, words)
        return words

    def same_side(self, a: Actor, b: Actor) -> bool:
        """One actor, or two that fight beside each other (cues: alliances)."""
        if a.name == b.name or (a.id is not None and b.id in self.allies.get(a.id, ())):
            return True
        ids = sorted((a.id or "", b.id or ""))
        return ids[0].startswith("mil-") and ids[1].startswith("pol-") and ids[0][4:] == ids[1][4:]

    def government_side(self, actor: Actor) -> bool:
        """State forces, or a force fighting for the government (cues: pro_government_ids)."""
        return actor.type == "State forces" or actor.id in self.pro_government

    def phrase_index(self, name: str) -> dict[str, list[tuple[str, ...]]]:
        """The cue phrase list ``name`` (dotted path) indexed by first word, built once."""
        index = self._phrase_indexes.get(name)
        if index is None:
            node: Any = self.cues  # parsed YAML: mappings down to a list of phrases
            for part in name.split("."):
                node = node[part]
            index = {}
            for phrase in _norm_all(node):
                words = tuple(phrase.split())
                index.setdefault(words[0], []).append(words)
            self._phrase_indexes[name] = index
            self.marks.register_phrases(index)
        return index


def _flatten(prefix: str, node: object, out: dict[str, frozenset[str]]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            _flatten(f"{prefix}.{k}" if prefix else k, v, out)
    elif isinstance(node, list) and all(isinstance(x, str) for x in node):
        out[prefix] = frozenset(_norm_all(node))


def _merge_cues(into: dict, more: dict) -> None:
    for key, value in more.items():
        if isinstance(value, dict):
            _merge_cues(into.setdefault(key, {}), value)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = into[key] + value
        elif key not in into:
            into[key] = value


def load_lexicon() -> Lexicon:
    base = resources.files("rasd.events") / "data"
    # triggers.yaml / cues.yaml hold Arabic; triggers_<lang>.yaml / cues_<lang>.yaml add other
    # languages: trigger entries are appended, cue word lists are merged key by key.
    files = sorted(base.iterdir(), key=lambda f: f.name)
    raw_triggers: list[dict] = []
    cues: dict = {}
    for f in files:
        if f.name.startswith("triggers") and f.name.endswith(".yaml"):
            raw_triggers.extend(read_yaml(f, f"event triggers {f.name}") or [])
    for f in files:
        if f.name.startswith("cues") and f.name.endswith(".yaml"):
            _merge_cues(cues, read_yaml(f, f"event cues {f.name}") or {})
    entries: list[TriggerEntry] = []
    words: dict[str, list[TriggerEntry]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]] = {}
    for item in raw_triggers:
        entry = TriggerEntry(
            id=item["id"],
            family=item["family"],
            event_type=item["event_type"],
            sub_event_type=item["sub_event_type"],
            plover=item.get("plover"),
            strength=float(item.get("strength", 0.7)),
            weak=bool(item.get("weak", False)),
            requires_any=frozenset(_norm_all(item.get("requires_any"))),
            excludes_any=frozenset(_norm_all(item.get("excludes_any"))),
        )
        entries.append(entry)
        for w in _norm_all(item.get("words")):
            if " " in w:
                toks = tuple(w.split())
                phrases.setdefault(toks[0], []).append((toks, entry))
            else:
                words.setdefault(w, []).append(entry)
        for ph in _norm_all(item.get("phrases")):
            toks = tuple(ph.split())
            if len(toks) == 1:
                words.setdefault(toks[0], []).append(entry)
            else:
                phrases.setdefault(toks[0], []).append((toks, entry))
    for lst in phrases.values():
        lst.sort(key=lambda x: -len(x[0]))  # longest phrase first
    sets: dict[str, frozenset[str]] = {}
    _flatten("", cues, sets)
    return Lexicon(entries=entries, words=words, phrases=phrases, cues=cues, sets=sets, gate=load_gate())
