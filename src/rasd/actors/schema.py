"""Shapes of the knowledge-base YAML files (validated on load) and the checks across files.

``data/actors/*.yaml``  named actors and state forces      ``data/countries.yaml`` adjectives, names, role actors
``data/generic.yaml``   head nouns for unnamed parties       ``data/ambiguous.yaml`` context-resolved aliases
``data/sources.yaml``   agencies, outlets, monitors, source phrases and frames
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from rasd.records import ACTOR_TYPES, ActorType, SourceKind
from rasd.text import normalize_key

# ISO 3166-1 alpha-2 codes the knowledge base may use (the countries news of the region names).
ISO2 = frozenset(
    [
        "AE",
        "AF",
        "AL",
        "AM",
        "AO",
        "AR",
        "AT",
        "AU",
        "AZ",
        "BA",
        "BD",
        "BE",
        "BF",
        "BG",
        "BH",
        "BI",
        "BJ",
        "BR",
        "BY",
        "CA",
        "CD",
        "CF",
        "CG",
        "CH",
        "CI",
        "CM",
        "CN",
        "CO",
        "CU",
        "CY",
        "CZ",
        "DE",
        "DJ",
        "DK",
        "DZ",
        "EE",
        "EG",
        "ER",
        "ES",
        "ET",
        "FI",
        "FR",
        "GB",
        "GE",
        "GH",
        "GM",
        "GN",
        "GR",
        "GW",
        "HU",
        "ID",
        "IE",
        "IL",
        "IN",
        "IQ",
        "IR",
        "IS",
        "IT",
        "JO",
        "JP",
        "KE",
        "KG",
        "KM",
        "KP",
        "KR",
        "KW",
        "KZ",
        "LB",
        "LK",
        "LR",
        "LT",
        "LV",
        "LY",
        "MA",
        "MD",
        "ME",
        "ML",
        "MM",
        "MN",
        "MR",
        "MX",
        "MY",
        "MZ",
        "NE",
        "NG",
        "NL",
        "NO",
        "NP",
        "NZ",
        "OM",
        "PH",
        "PK",
        "PL",
        "PS",
        "PT",
        "QA",
        "RO",
        "RS",
        "RU",
        "RW",
        "SA",
        "SD",
        "SE",
        "SN",
        "SO",
        "SS",
        "SY",
        "TD",
        "TG",
        "TH",
        "TJ",
        "TM",
        "TN",
        "TR",
        "UA",
        "UG",
        "US",
        "UZ",
        "VE",
        "VN",
        "YE",
        "ZA",
        "ZM",
        "ZW",
    ]
)
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActorEntry(_Strict):
    id: str
    name: str
    type: ActorType
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    short: str | None = None
    wikidata: str | None = None
    theatre: list[str] = Field(default_factory=list)


class CountryEntry(_Strict):
    name: str  # English name used in templates ("Military Forces of {country}")
    adj_en: str  # English adjective ("Turkish")
    names: list[str] = Field(default_factory=list)  # names of the country (Arabic, English)
    adjectives: list[str] = Field(default_factory=list)  # masculine singular, no article: "تركي"
    signals: list[str] = Field(default_factory=list)  # cities/capitals that mark a document's country
    roles: dict[str, str] = Field(default_factory=dict)  # role → actor id of its state force


class RoleEntry(_Strict):
    template: str  # name when the country has no actor for this role: "Police Forces of {country}"
    type: ActorType
    heads: list[str]  # need a country adjective: "طائرات حربية" + "روسية"
    bare_heads: list[str] = Field(default_factory=list)  # resolve by the document's country alone
    bare_name: str | None = None  # name of a bare head when the document's country is unknown
    falls_back_to: str | None = None  # role whose actor stands in when the country has none for this one
    source_word: str = "forces"  # English word for a source phrase: "Israeli {army}"


class PeopleEntry(_Strict):
    id: str
    name: str
    type: ActorType
    heads: list[str]


class GenericFile(_Strict):
    roles: dict[str, RoleEntry]
    people: list[PeopleEntry]
    nationals: str  # people id that a plural nationality noun ("فلسطينيين") stands for
    named_heads: list[str]  # nouns that join a following name: "عناصر داعش", "طيران التحالف"
    connectors: list[str]  # words allowed between a head and a name: "عنصرين من الشرطة"
    adjective_suffixes: list[str]  # endings that inflect a nationality adjective: ه ين ون ا
    descriptive_adjectives: list[str]  # non-national adjectives a name may carry: الكردية، الشيعية
    guess: dict[str, list[str]]  # ACLED category → first words of unknown organisations
    # words that make a described person the attacker: "الشيطان الذي جهز نفسه بحزام ناسف"
    attacker_words: list[str] = Field(default_factory=list)
    # verbs of attack: ordinary people named right before one are the attacker ("فلسطينيا هاجم")
    attack_verbs: list[str] = Field(default_factory=list)
    # words after such a verb that make it the passive ("مدنيين قتلوا في انفجار")
    passive_followers: list[str] = Field(default_factory=list)


class AmbiguousEntry(_Strict):
    aliases: list[str]
    by_country: dict[str, str] = Field(default_factory=dict)  # document country → actor id
    recent: list[str] = Field(default_factory=list)  # most recently named of these actor ids
    recent_types: list[ActorType] = Field(default_factory=list)  # ...or of these categories
    default: str | None = None  # actor id when the context decides nothing
    note: str | None = None


class SourceEntry(_Strict):
    id: str
    name: str
    kind: SourceKind
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    framed: list[str] = Field(default_factory=list)  # count only after قال/بحسب/لـ or in quotes
    outlets: list[str] = Field(default_factory=list)  # Document.outlet ids of this publication


class Qualifier(_Strict):
    en: str
    kind: SourceKind
    first: bool = False  # English word order: "informed security sources"


class SourcesFile(_Strict):
    sources: list[SourceEntry]
    source_nouns: dict[str, list[str]]  # "source"/"sources" → Arabic nouns (مصدر، مصادر)
    qualifiers: dict[str, Qualifier]  # adjective after مصادر: محلية → local
    close_to: list[str]  # "مقرب من" phrases: source close to X
    via_frames: list[str]  # nouns before an organisation that make it a source: الناطق باسم، بيان
    claim_words: list[str]  # verbs/prepositions of attribution before one: قال، بحسب
    titles: dict[str, str]  # official titles → English ("رئيس الوزراء" → "Prime Minister")
    titles_need_country: list[str] = Field(default_factory=list)  # only with a country adjective


def alias_key(alias: str) -> str:
    """The form in which two aliases count as the same (for the uniqueness check)."""
    return " ".join(re.findall(r"[^\W_]+", normalize_key(alias)))


def check_actor_entries(
    actors: list[ActorEntry],
    countries: dict[str, CountryEntry],
    ambiguous: list[AmbiguousEntry],
    generic: GenericFile,
    sources: SourcesFile,
) -> list[str]:
    """Problems across the files: ids, categories, countries, aliases claimed twice, dangling refs."""
    problems: list[str] = []
    ids: dict[str, int] = {}
    for a in actors:
        ids[a.id] = ids.get(a.id, 0) + 1
        if not _ID.match(a.id):
            problems.append(f"{a.id}: id must be lower-case letters, digits, _ . -")
        if a.type not in ACTOR_TYPES:
            problems.append(f"{a.id}: unknown category {a.type!r}")
        for c in [a.country, *a.theatre]:
            if c is not None and c not in ISO2:
                problems.append(f"{a.id}: {c!r} is not an ISO2 code")
        if a.wikidata is not None and not _QID.match(a.wikidata):
            problems.append(f"{a.id}: {a.wikidata!r} is not a Wikidata QID")
    problems += [f"{i}: id used {n} times" for i, n in ids.items() if n > 1]
    for s in sources.sources:
        if s.id in ids:
            problems.append(f"{s.id}: source id also used by an actor")
    ambiguous_keys = {alias_key(x) for e in ambiguous for x in e.aliases}
    owner: dict[str, str] = {}
    for a in actors:
        for alias in {alias_key(x) for x in [a.name, *a.aliases]}:
            if not alias:
                problems.append(f"{a.id}: empty alias")
            elif alias in owner and owner[alias] != a.id and alias not in ambiguous_keys:
                problems.append(f"alias {alias!r} claimed by {owner[alias]} and {a.id}; mark it ambiguous")
            owner.setdefault(alias, a.id)
    for code, c in countries.items():
        if code not in ISO2:
            problems.append(f"countries: {code!r} is not an ISO2 code")
        for role, actor_id in c.roles.items():
            if role not in generic.roles:
                problems.append(f"countries.{code}: unknown role {role!r}")
            if actor_id not in ids:
                problems.append(f"countries.{code}.{role}: unknown actor {actor_id!r}")
    people_ids = {p.id for p in generic.people}
    if generic.nationals not in people_ids:
        problems.append(f"generic.nationals: unknown people id {generic.nationals!r}")
    for e in ambiguous:
        refs = [*e.by_country.values(), *e.recent, *([e.default] if e.default else [])]
        for r in refs:
            if r not in ids and r not in people_ids:
                problems.append(f"ambiguous {e.aliases[0]!r}: unknown actor {r!r}")
        for c in e.by_country:
            if c not in ISO2:
                problems.append(f"ambiguous {e.aliases[0]!r}: {c!r} is not an ISO2 code")
        if not (e.by_country or e.recent or e.recent_types or e.default):
            problems.append(f"ambiguous {e.aliases[0]!r}: no way to resolve it")
    for role in generic.roles.values():
        if role.falls_back_to and role.falls_back_to not in generic.roles:
            problems.append(f"role fallback {role.falls_back_to!r} is not a role")
    return problems
