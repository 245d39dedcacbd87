"""Stage 3b — places: an offline GeoNames gazetteer, matching, disambiguation and precision.

Interface::

    gazetteer = load_gazetteer()                                   # compact index, loaded once
    find_places(analyzed, gazetteer) -> list[PlaceMention]         # resolved, document-aware
"""

from rasd.places.gazetteer import Gazetteer, find_places, load_gazetteer
from rasd.places.types import PlaceMention

__all__ = ["Gazetteer", "PlaceMention", "find_places", "load_gazetteer"]
