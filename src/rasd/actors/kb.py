"""The actor knowledge base: YAML data compiled into lookup indexes, loaded once per process.

``load_kb()`` reads ``data/`` (validated by :mod:`rasd.actors.schema`) and returns an
:class:`ActorKB`; the pipeline keeps it. Matching lives in :mod:`rasd.actors.find` and
:mod:`rasd.actors.sources`; this module owns the data and the phrase-level API
(``resolve``, ``resolve_source``, ``guess``, ``get``, ``search``, ``actor_type_for``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from mypy_extensions import mypyc_attr

from rasd.actors.index import PhraseIndex, WordMarks
from rasd.actors.schema import (
    ActorEntry,
    AmbiguousEntry,
    CountryEntry,
    GenericFile,
    RoleEntry,
    SourcesFile,
    check_actor_entries,
)
from rasd.actors.tokens import Word, bare_forms, norm_words, token_words, words
from rasd.actors.types import ActorMention, KBActor, KBSource, SourceMention
from rasd.datafiles import parse_yaml
from rasd.errors import ResourceError
from rasd.frozen import Reduced, by_fields
from rasd.records import Actor, ActorType, Source, SourceKind
from rasd.text import normalize_key
from rasd.text.types import AnalyzedText

DATA_DIR = Path(str(resources.files("rasd.actors") / "data"))


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """An alias whose actor the document decides (see ``data/ambiguous.yaml``)."""

    alias: str
    by_country: dict[str, str]
    recent: frozenset[str]
    recent_types: frozenset[str]
    default: str | None

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


# Targets of the actor phrase index.
@dataclass(frozen=True, slots=True)
class Named:
    actor_id: str

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(frozen=True, slots=True)
class Context:
    index: int  # into ActorKB.ambiguities

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(frozen=True, slots=True)
class RoleHead:
    role: str
    bare: bool

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(frozen=True, slots=True)
class People:
    actor_id: str

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


@dataclass(frozen=True, slots=True)
class CountryName:
    iso: str

    def __reduce__(self) -> Reduced:
        return by_fields(self)  # frozen and compiled: see rasd/frozen.py


def _adjective_of(word_form: str, suffixes: tuple[str, ...], adjectives: dict[str, str]) -> str | None:
    """The ISO2 of a nationality adjective in any inflection: التركية، عراقيين، الإسرائيليون."""
    w = word_form[2:] if word_form.startswith("ال") and len(word_form) > 4 else word_form
    for suffix in suffixes:
        if suffix and w.endswith(suffix) and w[: -len(suffix)] in adjectives:
            return adjectives[w[: -len(suffix)]]
    return adjectives.get(w)


def _remembered_adjective(
    memo: dict[str, str | None], word_form: str, suffixes: tuple[str, ...], adjectives: dict[str, str]
) -> str | None:
    """``_adjective_of``, remembered by word form in ``memo`` (the knowledge base's): the marker
    and the matchers ask it again and again of the same words."""
    iso = memo.get(word_form, "\0")  # one lookup; "\0" is no country code
    if iso != "\0":
        return iso
    if len(memo) >= 100_000:
        memo.clear()
    iso = memo[word_form] = _adjective_of(word_form, suffixes, adjectives)
    return iso


class _AdjectiveTests:
    """The marker's two nationality tests, as methods of one compiled object over the knowledge
    base's own tables and memo (``ActorKB.adjective_country``, the same answers, remembered in
    the same dict). They were ``functools.partial``s of the Python-level ``ActorKB`` method: a
    partial, a generator and one or two Python-level calls per test and new word; here the
    lookups inside a test are native calls."""

    def __init__(
        self, memo: dict[str, str | None], suffixes: tuple[str, ...], adjectives: dict[str, str]
    ) -> None:
        self.memo = memo
        self.suffixes = suffixes
        self.adjectives = adjectives

    def country(self, word_form: str) -> str | None:
        return _remembered_adjective(self.memo, word_form, self.suffixes, self.adjectives)

    def some_form(self, w: Word) -> bool:
        """Whether some clitic form of ``w`` is a nationality adjective."""
        return any(self.country(form) for form, _ in w.forms)

    def norm(self, w: Word) -> bool:
        return bool(self.country(w.norm))


# Not a native class when compiled (setup.py): built once and pickled whole, by ``__dict__``.
@mypyc_attr(native_class=False)
class ActorKB:
    """Actors, sources, countries and the indexes that find them in text."""

    def __init__(
        self,
        actors: list[ActorEntry],
        countries: dict[str, CountryEntry],
        generic: GenericFile,
        ambiguous: list[AmbiguousEntry],
        sources: SourcesFile,
    ) -> None:
        problems = check_actor_entries(actors, countries, ambiguous, generic, sources)
        if problems:
            raise ResourceError("actor knowledge base is invalid:\n  " + "\n  ".join(problems[:20]))
        self.countries = countries
        self.roles: dict[str, RoleEntry] = generic.roles
        self.actors: dict[str, KBActor] = {}
        for a in actors:
            self.actors[a.id] = KBActor(
                id=a.id,
                name=a.name,
                type=a.type,
                country=a.country,
                aliases=tuple(a.aliases),
                short=a.short,
                wikidata=a.wikidata,
                theatre=tuple(a.theatre),
            )
        for p in generic.people:
            self.actors[p.id] = KBActor(id=p.id, name=p.name, type=p.type, country=None, generic=True)
        self.nationals_id = generic.nationals
        self._people_ids = tuple(p.id for p in generic.people)
        self._role_actors: dict[tuple[str, str], KBActor] = {}
        # The last document's actor mentions (text, country, mentions): find_sources needs the
        # same pass. Replaced whole, compared by text, so a stale or concurrent entry is never reused.
        self._last_actors: tuple[str, str | None, list[ActorMention], list[Word]] | None = None
        self._adjective_memo: dict[str, str | None] = {}
        self.role_of: dict[str, str] = {}  # actor id → the state role it plays (first listed wins)
        for c in countries.values():
            for role, actor_id in c.roles.items():
                self.role_of.setdefault(actor_id, role)

        # --- actor phrases: named aliases, ambiguous aliases, generic heads, people, countries
        self.ambiguities: list[Ambiguity] = []
        ambiguous_keys: dict[tuple[str, ...], int] = {}
        for e in ambiguous:
            amb = Ambiguity(
                alias=e.aliases[0],
                by_country=dict(e.by_country),
                recent=frozenset(e.recent),
                recent_types=frozenset(e.recent_types),
                default=e.default,
            )
            self.ambiguities.append(amb)
            for alias in e.aliases:
                ambiguous_keys[norm_words(alias)] = len(self.ambiguities) - 1
        self.names: PhraseIndex[Named | Context] = PhraseIndex()
        for a in actors:
            for alias in [a.name, *a.aliases]:
                key = norm_words(alias)
                if key and key not in ambiguous_keys:
                    self.names.add_words(key, Named(a.id))
        for key, i in ambiguous_keys.items():
            self.names.add_words(key, Context(i))
        self.heads: PhraseIndex[RoleHead] = PhraseIndex()
        seen_heads: set[tuple[str, ...]] = set()
        for role, r in generic.roles.items():
            bare = {norm_words(h) for h in r.bare_heads}
            for h in [*r.bare_heads, *r.heads]:
                key = norm_words(h)
                if key and key not in seen_heads:  # a head listed under two roles: the first wins
                    seen_heads.add(key)
                    self.heads.add_words(key, RoleHead(role, bare=key in bare))
        self.people: PhraseIndex[People] = PhraseIndex()
        for p in generic.people:
            for h in p.heads:
                self.people.add(h, People(p.id))
        self.country_names: PhraseIndex[CountryName] = PhraseIndex()
        self.signals: PhraseIndex[CountryName] = PhraseIndex()
        self.adjectives: dict[str, str] = {}
        for iso, c in countries.items():
            for n in c.names:
                self.country_names.add(n, CountryName(iso))
            for s in c.signals:
                self.signals.add(s, CountryName(iso))
            for adj in c.adjectives:
                self.adjectives[normalize_key(adj)] = iso
        self.adjective_suffixes = tuple(
            sorted({normalize_key(s) for s in generic.adjective_suffixes}, key=len)
        )
        self.descriptive = frozenset(normalize_key(x) for x in generic.descriptive_adjectives)
        # the same, each also with the pronoun suffix "ه": one set test per word (find.py)
        self.descriptive_forms = self.descriptive | {d + "ه" for d in self.descriptive}
        self.named_heads = frozenset(w for h in generic.named_heads for w in norm_words(h))
        self.connectors = frozenset(w for h in generic.connectors for w in norm_words(h))
        self.attacker_words = frozenset(w for h in generic.attacker_words for w in norm_words(h))
        self.attack_verbs = frozenset(w for h in generic.attack_verbs for w in norm_words(h))
        self.passive_followers = frozenset(w for h in generic.passive_followers for w in norm_words(h))
        self.guess_words: dict[str, ActorType] = {}
        for category, first_words in generic.guess.items():
            for w in first_words:
                self.guess_words[normalize_key(w)] = category  # type: ignore[assignment]

        # --- sources
        self.sources: dict[str, KBSource] = {}
        self.outlet_source: dict[str, str] = {}  # Document.outlet → the publication's source name
        self.source_names: PhraseIndex[tuple[str, bool]] = PhraseIndex()  # (source id, framed)
        for entry in sources.sources:
            self.sources[entry.id] = KBSource(
                entry.id, entry.name, entry.kind, entry.country, tuple([*entry.aliases, *entry.framed])
            )
            for alias in [entry.name, *entry.aliases]:
                self.source_names.add(alias, (entry.id, False))
            for alias in entry.framed:
                self.source_names.add(alias, (entry.id, True))
            for outlet in entry.outlets:
                self.outlet_source[outlet] = entry.name
        self.source_nouns = {
            number: frozenset(normalize_key(w) for w in ws) for number, ws in sources.source_nouns.items()
        }
        self._last_marks: tuple[list[Word], dict[str, list[int]]] | None = None
        self._marker: WordMarks | None = None  # built on first use, not pickled
        self.qualifiers = {normalize_key(k): q for k, q in sources.qualifiers.items()}
        self.close_to: PhraseIndex[str] = PhraseIndex()
        for phrase in sources.close_to:
            self.close_to.add(phrase, "close")
        self.via_frames: PhraseIndex[str] = PhraseIndex()
        for phrase in sources.via_frames:
            self.via_frames.add(phrase, "frame")
        for phrase in sources.claim_words:
            self.via_frames.add(phrase, "claim")
        self.titles: PhraseIndex[str] = PhraseIndex()
        for ar, en in sources.titles.items():
            self.titles.add(ar, en)
        self.titles_need_country = frozenset(sources.titles[t] for t in sources.titles_need_country)
        # Single words after which a framed alias counts: attribution verbs, frames, ل/ب written apart.
        self.frame_words = frozenset(
            {w for p in [*sources.via_frames, *sources.claim_words] for w in norm_words(p)[-1:]}
            - {"في", "من"}
            | {"ل", "ب", "عن"}
        )

    def __getstate__(self) -> dict[str, object]:
        # the per-document memos and the word memo are not part of the base
        memos: dict[str, object] = {
            "_last_actors": None,
            "_adjective_memo": {},
            "_last_marks": None,
            "_marker": None,
        }
        return {**self.__dict__, **memos}

    def word_marks(self, ws: list[Word]) -> dict[str, list[int]]:
        """For each index and word test the matchers use, the indexes of the words of ``ws``
        that may start a phrase or pass the test (one pass over the words, shared by the actor
        and the source passes of a document)."""
        last = self._last_marks
        if last is not None and last[0] is ws:  # the memo holds ws, so its id is not reused
            return last[1]
        marker = self._marker
        if marker is None:
            marker = self._marker = self._make_marker()
        marks = marker.positions(ws)
        self._last_marks = (ws, marks)
        return marks

    def _make_marker(self) -> WordMarks:
        adj = _AdjectiveTests(self._adjective_memo, self.adjective_suffixes, self.adjectives)
        indexes = (
            "names",
            "heads",
            "people",
            "country_names",
            "signals",
            "source_names",
            "via_frames",
            "titles",
        )
        return WordMarks(
            {
                **{name: list(getattr(self, name).first_words()) for name in indexes},
                # a word that may be one of the source nouns, whatever their number
                "source_noun": frozenset().union(*self.source_nouns.values()),
            },
            # (methods of a compiled object, not lambdas: mypyc, setup.py, fails on a closure in
            # this class's methods)
            {"nationality": adj.some_form, "adjective": adj.norm},
        )

    # ------------------------------------------------------------------ lookups

    def get(self, actor_id: str) -> KBActor | None:
        """The entry with this id (named actors, generic parties, and role actors like
        ``military.ly`` synthesized for countries without an entry of their own)."""
        if actor_id in self.actors:
            return self.actors[actor_id]
        role, _, iso = actor_id.partition(".")
        if role in self.roles and iso == "unknown":
            return self.bare_actor(role)
        if role in self.roles and iso.upper() in self.countries:
            return self.role_actor(role, iso.upper())
        return None

    def get_source(self, source_id: str) -> KBSource | None:
        return self.sources.get(source_id)

    def adjective_country(self, word_form: str) -> str | None:
        """ISO2 of a nationality adjective in any inflection: التركية، عراقيين، الإسرائيليون."""
        return _remembered_adjective(
            self._adjective_memo, word_form, self.adjective_suffixes, self.adjectives
        )

    def role_actor(self, role: str, iso: str) -> KBActor:
        """The state force that plays ``role`` ("military", "police", "air_force"...) for ``iso``."""
        key = (role, iso)
        if key in self._role_actors:
            return self._role_actors[key]
        country = self.countries[iso]
        r: str | None = role
        actor: KBActor | None = None
        while r is not None:
            if r in country.roles:
                actor = self.actors[country.roles[r]]
                break
            r = self.roles[r].falls_back_to
        if actor is None:
            spec = self.roles[role]
            self.role_of[f"{role}.{iso.lower()}"] = role
            actor = KBActor(
                id=f"{role}.{iso.lower()}",
                name=spec.template.format(country=country.name),
                type=spec.type,
                country=iso,
                generic=True,
            )
        self._role_actors[key] = actor
        return actor

    def bare_actor(self, role: str) -> KBActor:
        """The party a bare head names when the document's country is unknown ("Security forces")."""
        spec = self.roles[role]
        return KBActor(
            id=f"{role}.unknown", name=spec.bare_name or role, type=spec.type, country=None, generic=True
        )

    def actor_type_for(self, actor: Actor | KBActor | str, event_country: str | None) -> ActorType | None:
        """ACLED category of ``actor`` in an event in ``event_country``: a state's forces acting
        outside their home country are ``External/Other forces`` (Turkish Armed Forces in Syria)."""
        entry = self.get(actor) if isinstance(actor, str) else actor
        if isinstance(entry, Actor):
            entry = self.get(entry.id) if entry.id else None
            if entry is None:
                return actor.type if isinstance(actor, Actor) else None
        if entry is None:
            return None
        if (
            entry.type == "State forces"
            and entry.country
            and event_country
            and entry.country != event_country.upper()
        ):
            return "External/Other forces"
        return entry.type

    def as_perpetrator(self, actor: Actor) -> Actor:
        """The actor a people mention stands for when it is the attacker: "فلسطينيا هاجم الجنود"
        is an unidentified armed group (ACLED: Unidentified Armed Group (Palestine)), not civilians."""
        if actor.type in ("Civilians", "Protesters", "Rioters") and (
            actor.id is None or actor.id in self._people_ids
        ):
            unidentified = self.actors["unidentified"]
            return unidentified.record(text=actor.text)
        return actor

    def search(self, query: str = "") -> list[KBActor]:
        """Actors whose id, name, country or an alias contains ``query`` (all when empty)."""
        q = normalize_key(query)
        exact: list[KBActor] = []
        partial: list[KBActor] = []
        for a in self.actors.values():
            hay = [normalize_key(h) for h in [a.id, a.name, a.country or "", a.short or "", *a.aliases]]
            if not q or any(q in h for h in hay):
                (exact if q and q in hay else partial).append(a)
        return exact + partial  # entries with the query as a whole name or alias first

    def search_sources(self, query: str = "") -> list[KBSource]:
        q = normalize_key(query)
        return [
            s
            for s in self.sources.values()
            if not q or any(q in normalize_key(h) for h in [s.id, s.name, *s.aliases])
        ]

    # ------------------------------------------------------------------ phrases

    def resolve(self, phrase: str, country: str | None = None) -> Actor | None:
        """The actor a phrase names (an NER span, a noun phrase): the longest mention in it."""
        from rasd.actors.find import find_in_text

        mentions = find_in_text(phrase, self, country=country, countries=True)
        named = [m for m in mentions if m.via != "country"]
        if named:
            best = max(named, key=lambda m: (m.end - m.start, not m.generic, -m.start))
            return best.actor.model_copy(update={"text": phrase.strip()})
        # A country name stands for its state only when it is (nearly) the whole phrase:
        # "تركيا" → Turkish Armed Forces, but "Prisoners (Yemen)" is not Yemen's army.
        whole = len(normalize_key(phrase).strip(" ()\"'«»"))
        for m in mentions:
            if len(normalize_key(m.text)) >= 0.7 * whole:
                return m.actor.model_copy(update={"text": phrase.strip()})
        return None

    def guess(self, phrase: str, country: str | None = None) -> Actor:
        """``resolve``, or for an unknown organisation its surface form as name and a category
        guessed from its first word (جبهة/حركة/كتائب/لواء/جيش → Rebel group)."""
        found = self.resolve(phrase, country=country)
        if found is not None:
            return found
        surface = " ".join(phrase.split()).strip("\"'«»“”()")
        words = norm_words(surface)
        if any(not bare_forms(w).isdisjoint(self.attacker_words) for w in words):
            # a person described by the bomb or gun they carried: an unidentified attacker
            return self.actors["unidentified"].record(text=phrase.strip())
        category: ActorType | None = None
        first = words[:1]
        if first:
            w = first[0]
            for form in (w, w[1:] if w[:1] in "وفبل" else w):
                for cand in (form, form[2:] if form.startswith("ال") else form):
                    category = category or self.guess_words.get(cand)
        return Actor(name=surface, text=phrase.strip(), type=category, id=None)

    def resolve_source(self, phrase: str, country: str | None = None) -> Source | None:
        """The source a phrase names: a source phrase of the base, else an actor as its own source."""
        from rasd.actors.sources import find_sources_in_text, source_from_actor

        found = find_sources_in_text(phrase, self, country=country, phrase=True)
        if found:
            best = max(found, key=lambda m: (m.end - m.start, -m.start))
            return best.source.model_copy(update={"text": phrase.strip()})
        from rasd.actors.find import find_in_text

        # "الجيش والشرطة الإسرائيلية": coordinated state forces of one country speak together.
        roles = [
            (self.role_of.get(m.actor.id or ""), m.country)
            for m in find_in_text(phrase, self, country=country)
            if m.actor.type == "State forces"
        ]
        if len(roles) >= 2 and all(r for r, _ in roles) and len({c for _, c in roles}) == 1:
            iso = roles[0][1]
            if iso in self.countries:
                words = " and ".join(dict.fromkeys(self.roles[r].source_word for r, _ in roles if r))
                return Source(
                    name=f"{self.countries[iso].adj_en} {words}", text=phrase.strip(), kind="official"
                )
        actor = self.resolve(phrase, country=country)
        if actor is None:
            return None
        return source_from_actor(self, actor, phrase.strip())


def source_kind_of(actor_type: str | None) -> SourceKind:
    if actor_type in ("State forces", "External/Other forces"):
        return "official"
    if actor_type in ("Rebel group", "Political militia", "Identity militia"):
        return "armed group"
    if actor_type in ("Civilians", "Protesters", "Rioters"):
        return "local"
    return "anonymous"


def _load_yaml(path: Path) -> Any:  # parsed YAML: validated by the schema models
    return parse_yaml(path.read_text(encoding="utf-8"))


def _data_files(d: Path) -> list[Path]:
    return sorted((d / "actors").glob("*.yaml")) + [d / n for n in _TOP_FILES]


_TOP_FILES = ("countries.yaml", "generic.yaml", "ambiguous.yaml", "sources.yaml")
_CACHE_VERSION = "1"


def _code_hash() -> str:
    h = hashlib.sha1()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    # which modules are compiled with mypyc (setup.py): their classes pickle differently
    rasd_dir = Path(__file__).parent.parent
    for path in sorted(rasd_dir.glob("*/*.so")):
        h.update(str(path.relative_to(rasd_dir)).encode())
    return h.hexdigest()


# The code that builds the compiled base, as imported: a cache built by other code is not reused.
_CODE_HASH = _code_hash()


def _cache_path(d: Path) -> Path | None:
    """Where the compiled base is cached: a hash of the YAML and of this package's code, under
    ``$RASD_CACHE_DIR`` or ``~/.cache/rasd``. None when caching is switched off (RASD_CACHE_DIR="")."""
    root = os.environ.get("RASD_CACHE_DIR")
    if root == "":
        return None
    h = hashlib.sha1(f"{_CACHE_VERSION}:{_CODE_HASH}".encode())
    for path in _data_files(d):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rasd"
    return base / f"actors-{h.hexdigest()[:16]}.pickle"


def build_kb(data_dir: Path | None = None) -> ActorKB:
    """Read and validate the YAML knowledge base and compile its indexes (~0.3 s)."""
    d = data_dir or DATA_DIR
    actors: list[ActorEntry] = []
    for path in sorted((d / "actors").glob("*.yaml")):
        for raw in _load_yaml(path) or []:
            actors.append(ActorEntry.model_validate(raw))
    countries = {
        k: CountryEntry.model_validate(v) for k, v in (_load_yaml(d / "countries.yaml") or {}).items()
    }
    generic = GenericFile.model_validate(_load_yaml(d / "generic.yaml"))
    ambiguous = [AmbiguousEntry.model_validate(x) for x in _load_yaml(d / "ambiguous.yaml") or []]
    sources = SourcesFile.model_validate(_load_yaml(d / "sources.yaml"))
    return ActorKB(actors, countries, generic, ambiguous, sources)


def load_kb(data_dir: Path | None = None) -> ActorKB:
    """The knowledge base, from the compiled cache when the YAML has not changed since it was
    built (a few milliseconds), else built from the YAML and cached."""
    d = data_dir or DATA_DIR
    try:
        cache = _cache_path(d)
    except OSError as exc:
        raise ResourceError(f"actor knowledge base missing: {exc}") from exc
    if cache is not None and cache.is_file():
        try:
            with cache.open("rb") as f:
                kb = pickle.load(f)  # noqa: S301 - our own cache file, keyed by content hash
            if isinstance(kb, ActorKB):
                return kb
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # a stale or broken cache is rebuilt below
    kb = build_kb(d)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                pickle.dump(kb, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache)  # atomic: concurrent workers never read a half-written file
        except OSError:
            pass  # read-only home: work without the cache
    return kb


def find_actors(
    analyzed: AnalyzedText, kb: ActorKB, country: str | None = None, countries: bool = False
) -> list[ActorMention]:
    """Actor mentions of a whole document, ambiguous aliases resolved by its context.

    ``country``: the document's country (ISO2) if the caller knows it; otherwise it is inferred
    from the country names, nationality adjectives, cities and domestic actors the text mentions.
    ``countries``: also report bare country names ("تركيا") as their state's forces.
    """
    from rasd.actors.find import find_in_text

    ws = token_words(analyzed.text, analyzed.tokens)
    mentions = [
        _as_doer(m, analyzed.text, kb)
        for m in find_in_text(analyzed.text, kb, country=country, countries=countries, ws=ws)
    ]
    if not countries:
        # find_sources of the same document (the pipeline's next call) reuses this actor pass
        # and its words
        kb._last_actors = (analyzed.text, country, mentions, ws)
    return list(mentions)


def find_sources(
    analyzed: AnalyzedText, kb: ActorKB, country: str | None = None, outlet: str | None = None
) -> list[SourceMention]:
    """Source phrases of a document (agencies, outlets, monitors, officials, "local sources"...).
    ``outlet``: the document's own publication (``Document.outlet``), which reports its events
    rather than being a source of them ("قالت مصادر لـ«الشرق الأوسط»" in Asharq Al-Awsat)."""
    from rasd.actors.sources import find_sources_in_text

    found = find_sources_in_text(analyzed.text, kb, country=country)
    own = kb.outlet_source.get(outlet) if outlet else None
    return [m for m in found if m.source.name != own] if own else found


def country_forces(
    text: str, names: list[tuple[int, int, str]], kb: ActorKB, country: str | None = None
) -> list[ActorMention]:
    """Country names standing for their state's forces ("قصفت تركيا", "إسرائيل تشن غارات"), one
    mention per ``(start, end, iso2)`` span of a country name the places stage found. Country
    names are places first: the event stage reads these only where the grammar makes the country
    the doer. ``country``: the document's country, for the external/domestic type."""
    return [
        _state_forces(text, start, end, iso, kb, country, "country")
        for start, end, iso in names
        if iso in kb.countries
    ]


def _state_forces(
    text: str, start: int, end: int, iso: str, kb: ActorKB, country: str | None, via: str
) -> ActorMention:
    """The words ``text[start:end]`` standing for the military of ``iso``, typed as domestic or
    external by the document's ``country``."""
    actor = kb.role_actor("military", iso)
    surface = text[start:end]
    type_ = kb.actor_type_for(actor, country) if country else actor.type
    return ActorMention(
        start=start,
        end=end,
        text=surface,
        actor=actor.record(text=surface, type_=type_),
        generic=True,
        via=via,
        country=iso,
    )


def national_forces(
    text: str, kb: ActorKB, taken: list[tuple[int, int]], country: str | None = None
) -> list[ActorMention]:
    """Nationality adjectives standing for their state's forces ("الغارات الجوية التركية": Turkish
    air strikes), one mention per adjective outside the ``taken`` spans (the actors found, and the
    places: "تركيا" is Turkey, not the accusative adjective). Adjectives are mostly a thing's or
    a person's nationality: the event stage reads one as the doer only right after an attack noun."""
    memo = kb._last_actors
    ws = memo[3] if memo is not None and memo[0] == text else words(text)
    out = []
    # only the words the marker found to be adjectives (its "adjective" test is this lookup):
    # the document's marks are already made by the actor pass over the same words
    for i in kb.word_marks(ws)["adjective"]:
        w = ws[i]
        iso = kb.adjective_country(w.norm)
        if iso is None or iso not in kb.countries or any(s < w.end and w.start < e for s, e in taken):
            continue
        out.append(_state_forces(text, w.start, w.end, iso, kb, country, "adjective"))
    return out


def _as_doer(m: ActorMention, text: str, kb: ActorKB) -> ActorMention:
    """ "فلسطينيا هاجم الجنود": ordinary people named right before a verb of attack are the
    attacker — an unidentified armed group, not civilians."""
    if m.actor.type != "Civilians":
        return m
    after = text[m.end : m.end + 60].split()
    if not after or bare_forms(normalize_key(after[0])).isdisjoint(kb.attack_verbs):
        return m
    nxt = normalize_key(after[1]) if len(after) > 1 else ""
    if not nxt.isalnum() or nxt in kb.passive_followers or (nxt.startswith("ب") and nxt[1:3] == "ال"):
        return m  # "مدنيين قتلوا في انفجار": they were killed
    return dataclasses.replace(m, actor=kb.as_perpetrator(m.actor), generic=True, via="context")
