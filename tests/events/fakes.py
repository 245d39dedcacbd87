"""Small stand-ins for the place and actor stages, so event tests exercise the event stage alone.

They find a handful of names by plain substring search and return the same records the real
stages return; end-to-end tests through the real stages live in test_end_to_end.py.
"""

from __future__ import annotations

import re

from rasd.actors import ActorMention, SourceMention
from rasd.pipeline import DocAnalysis
from rasd.places import PlaceMention
from rasd.records import Actor, Document, Location, Source
from rasd.text import analyze

PLACES = {
    "صنعاء": Location(
        name="Sanaa", geonames_id=71137, lat=15.35472, lon=44.20667, admin1="Amanat al Asimah", country="YE"
    ),
    "تعز": Location(name="Taiz", geonames_id=70225, lat=13.57952, lon=44.02091, admin1="Taiz", country="YE"),
    "الحسكة": Location(
        name="Al Hasakah", geonames_id=173811, lat=36.50237, lon=40.74772, admin1="Al Hasakah", country="SY"
    ),
    "حلب": Location(
        name="Aleppo", geonames_id=170063, lat=36.20124, lon=37.16117, admin1="Aleppo", country="SY"
    ),
    "القاهرة": Location(
        name="Cairo", geonames_id=360630, lat=30.06263, lon=31.24967, admin1="Cairo", country="EG"
    ),
    "بغداد": Location(
        name="Baghdad", geonames_id=98182, lat=33.34058, lon=44.40088, admin1="Baghdad", country="IQ"
    ),
    "الموصل": Location(
        name="Mosul", geonames_id=99072, lat=36.335, lon=43.11889, admin1="Nineveh", country="IQ"
    ),
    "العراق": Location(name="Iraq", country="IQ", precision=3),
}
ACTORS = {
    "طائرات التحالف": Actor(name="Saudi-led Coalition", type="External/Other forces", id="saudi-coalition"),
    "طيران التحالف": Actor(name="Saudi-led Coalition", type="External/Other forces", id="saudi-coalition"),
    "الحوثيين": Actor(name="Houthis", type="Rebel group", id="houthis"),
    "الحوثي": Actor(name="Houthis", type="Rebel group", id="houthis"),
    "داعش": Actor(name="Islamic State", type="Rebel group", id="islamic-state"),
    "قوات سوريا الديمقراطية": Actor(name="Syrian Democratic Forces", type="Rebel group", id="sdf"),
    "قسد": Actor(name="Syrian Democratic Forces", type="Rebel group", id="sdf"),
    "الجيش العراقي": Actor(name="Military Forces of Iraq", type="State forces", id="iq-military"),
    "قوات الأمن": Actor(name="Police Forces of Iraq", type="State forces", id="iq-police"),
    "مدنيين": Actor(name="Civilians", type="Civilians"),
    "شخصا": Actor(name="Civilians", type="Civilians"),
    "المتظاهرين": Actor(name="Protesters", type="Protesters"),
    "المتمردون": Actor(name="Kurdistan Workers' Party", type="Rebel group", id="pkk"),
    "مسلحون مجهولون": Actor(name="Unidentified armed group", type="Political militia"),
}
SOURCES = {
    "المرصد السوري لحقوق الإنسان": Source(name="Syrian Observatory for Human Rights", kind="monitor"),
    "مصادر محلية": Source(name="local sources", kind="local"),
    "وزارة الداخلية": Source(name="Ministry of Interior", kind="official"),
}


def _find(text: str, table: dict) -> list[tuple[int, int, str, object]]:
    out = []
    for name in sorted(table, key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            if any(s <= m.start() < e for s, e, _, _ in out):
                continue
            out.append((m.start(), m.end(), name, table[name]))
    return sorted(out, key=lambda x: x[0])


def analysis_of(text: str, published: str | None = "2015-07-21") -> DocAnalysis:
    doc = Document(id="t", text=text, published=published)
    places = [
        PlaceMention(s, e, text[s:e], loc.model_copy(update={"text": text[s:e]}), "town")
        for s, e, _, loc in _find(text, PLACES)
    ]
    actors = [
        ActorMention(s, e, text[s:e], a.model_copy(update={"text": text[s:e]}))
        for s, e, _, a in _find(text, ACTORS)
    ]
    sources = [
        SourceMention(s, e, text[s:e], src.model_copy(update={"text": text[s:e]}))
        for s, e, _, src in _find(text, SOURCES)
    ]
    return DocAnalysis(
        document=doc, text=analyze(text, doc.published), places=places, actors=actors, sources=sources
    )
