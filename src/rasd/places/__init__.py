"""Stage 3b — places: an offline GeoNames gazetteer, matching, disambiguation and precision.

Interface::

    gazetteer = load_gazetteer()                                   # compact index, loaded once
    find_places(analyzed, gazetteer) -> list[PlaceMention]         # resolved, document-aware
    document_country(mentions) -> str | None                       # the most named country
    country_name(iso2, gazetteer) -> str | None                    # "SY" -> "Syria"
"""

from rasd.places.find import document_country, find_places
from rasd.places.gazetteer import Gazetteer, load_country_names, load_gazetteer
from rasd.places.types import PlaceMention


def country_name(iso2: str, gazetteer: Gazetteer | None = None) -> str | None:
    """English (GeoNames) name of a country ("SY" → "Syria"); None when unknown. Without a
    gazetteer it reads only the small country table (about a millisecond)."""
    if gazetteer is not None:
        return gazetteer.country_name(iso2)
    return load_country_names().get(iso2.upper())


__all__ = ["Gazetteer", "PlaceMention", "country_name", "document_country", "find_places", "load_gazetteer"]
