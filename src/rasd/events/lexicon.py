"""The event stage's data: trigger entries and context cues, loaded once from YAML.

Every word passes through :func:`rasd.text.normalize_key`; lookups use :func:`word_keys`, which
strips clitics, so a lexicon lists each word once without ``و ف ب ل ك ال`` or pronoun suffixes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rasd.datafiles import read_yaml
from rasd.events.gate import Gate, load_gate
from rasd.events.marks import KeyMarks, phrase_parts
from rasd.frozen import Reduced, by_fields
from rasd.records import Actor
from rasd.text import normalize_key
from rasd.text.analyze import default_analyzer

_PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_ENCLITICS = ("هما", "هم", "ها", "هن", "كم", "نا", "ه")

# the cue sets whose words tell that an act did not happen (realis.irrealis_reason): named here,
# as their union is one of those built at load (below)
IRREALIS = ("negation", "cessation", "future", "modal", "threat", "demand", "condition", "background")
IRREALIS_CUES = tuple(f"realis.{name}" for name in IRREALIS)

# The unions of cue sets the rules ask for (``Lexicon.union``), named once: the rules call
# ``lex.union(*NAME)`` with these, and ``EAGER_UNIONS`` below builds them all at load.
ATTRIBUTION = ("attribution.verbs", "attribution.frames")
SAYING = (*ATTRIBUTION, "claims", "speech_words")
CLAIMS_OR_PERPETRATION = ("claims", "perpetration")
# the words that name one person killed, hurt or held, and their verbs, by count kind
SINGULAR_TOLLS = {
    kind: (f"counts.singular_heads.{kind}", f"counts.singular_verbs.{kind}")
    for kind in ("fatalities", "injured", "arrested")
}
HELD_POPULATION = ("realis.displaced_population", "realis.detained_population")
TOLLS = ("counts.fatalities", "counts.injured", "counts.arrested")
ALL_TOLLS = (*TOLLS, "counts.displaced")
CROWD = ("protest_participants", "realis.protest_crowd")
RESULT_OR_CONTROL = ("result_verbs", "control_verbs")
REGAIN_OR_CONTROL = ("regain", "control_verbs")

# The unions above and the cue phrase lists (``Lexicon.phrase_index``, ``SentenceView.has_cue``)
# the rules in rasd/events ask for. They are built at load with the named sets, so that every set
# gets its bit at once, numbered by how often tokens meet it (see ``Lexicon.__post_init__``):
# built on first use, as they were, they took the last bits, and those of the phrase lists' common
# first and second words ("في", "منذ") made a third of all token masks wider than a machine word.
# One the rules ask for that is missing here still works: it is built on first use, with a bit
# above all the others (tests/events/test_bit_order.py checks extraction builds none).
EAGER_UNIONS: tuple[tuple[str, ...], ...] = (
    ATTRIBUTION,
    SAYING,
    IRREALIS_CUES,
    CLAIMS_OR_PERPETRATION,
    *SINGULAR_TOLLS.values(),
    HELD_POPULATION,
    ALL_TOLLS,
    TOLLS,
    CROWD,
    RESULT_OR_CONTROL,
    REGAIN_OR_CONTROL,
)
EAGER_PHRASE_LISTS: tuple[str, ...] = (
    "page_furniture",
    "accident",
    "aerial",
    "anti_aircraft",
    "claims",
    "clause_joiners",
    "separate_incident",
    "intervention",
    "perpetration",
    "realis.failed",
    "realis.judicial",
    "realis.landmark_before",
    "realis.long_ago_units",
    "realis.ordinary_crime",
    "realis.past_years",
    "realis.period_phrases",
    "realis.sentence_phrases",
    "realis.since",
    "realis.superlatives",
    "realis.totals",
    "realis.use_words",
)


# see data/whole_words.yaml
_WHOLE = frozenset(
    normalize_key(w)
    for w in read_yaml(resources.files("rasd.events") / "data" / "whole_words.yaml", "event whole words")
    or []
)


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
    whole = not stems.isdisjoint(_WHOLE)  # "والمجموعة" too: no reading ends with a pronoun
    for s in list(stems):
        if s.endswith(_ENCLITICS) and not whole:
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
    # number the word sets' bits by estimated frequency (False: in the order they are built, the
    # unions and phrase lists on first use, as before issue 11; for tests comparing the two)
    bits_by_frequency: bool = True
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
        owned: list[frozenset[str]] = [*self.sets.values(), self.trigger_starts, self.protest_words]
        owned += [s for e in self.entries for s in (e.requires_any, e.excludes_any) if s]
        if not self.bits_by_frequency:
            for words in owned:
                self.marks.register(words, words)
            return
        # Every set at once, the ones tokens meet most often first: most masks then fit in a
        # machine word (mypyc's short ints, below 2**62), and ``&``/``|`` on them allocate
        # nothing. How often a set is met is estimated from the text stage's vocabulary (word →
        # corpus count, shipped with it and loaded for the first document anyway) as the summed
        # counts of its words: no order is kept in a data file, and a set added to the cues takes
        # its place by itself. An estimate only orders bits; the answers do not depend on it.
        items: list[tuple[object, Iterable[str]]] = [(words, words) for words in owned]
        for names in EAGER_UNIONS:
            union = self._unions[names] = self._union_words(names)
            items.append((union, union))
        indexes = []
        for name in EAGER_PHRASE_LISTS:
            index = self._phrase_indexes[name] = self._index_of(name)
            parts = phrase_parts(index)
            indexes.append((index, parts))
            items += [(index, index), *((part, part) for part in parts)]
        vocab = default_analyzer().segmenter.vocab
        counts = [_corpus_count(vocab, members) for _, members in items]
        # (sorted stably: sets met as often keep the order above)
        for k in sorted(range(len(items)), key=counts.__getitem__, reverse=True):
            owner, members = items[k]
            self.marks.register(owner, members)
        for index, parts in indexes:
            self.marks.register_phrases(index, parts)  # registered above: its parts are noted

    def cue(self, name: str) -> frozenset[str]:
        return self.sets[name]

    def union(self, *names: str) -> frozenset[str]:
        """The union of the cue sets ``names``, built once (and so with a bit of its own)."""
        words = self._unions.get(names)
        if words is None:
            words = self._unions[names] = self._union_words(names)
            self.marks.register(words, words)
        return words

    def _union_words(self, names: tuple[str, ...]) -> frozenset[str]:
        return frozenset().union(*(self.sets[n] for n in names))

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
            index = self._phrase_indexes[name] = self._index_of(name)
            self.marks.register_phrases(index)
        return index

    def _index_of(self, name: str) -> dict[str, list[tuple[str, ...]]]:
        node: Any = self.cues  # parsed YAML: mappings down to a list of phrases
        for part in name.split("."):
            node = node[part]
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in _norm_all(node):
            words = tuple(phrase.split())
            index.setdefault(words[0], []).append(words)
        return index


def _corpus_count(vocab: dict[str, int], words: Iterable[str]) -> int:
    """How often the corpus behind the text stage's vocabulary holds ``words``, all together."""
    get = vocab.get
    return sum(get(w, 0) for w in words)


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


def load_lexicon(bits_by_frequency: bool = True) -> Lexicon:
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
    return Lexicon(
        entries=entries,
        words=words,
        phrases=phrases,
        cues=cues,
        sets=sets,
        gate=load_gate(),
        bits_by_frequency=bits_by_frequency,
    )
