"""First-level divisions (Russia's federal subjects; Crimea) from GeoNames admin1 codes.

The names come from GeoNames' admin1CodesASCII.txt (CC BY 4.0), of which geo/data holds the rows
for Russia and for the two Ukrainian divisions on the Crimean peninsula. Nothing here is typed by hand.

:func:`region_names` adds the region's ISO 3166-2 name and, where pycountry ships one, its Russian
name (pycountry's ISO 3166-2 data and its gettext domain ``iso3166-2``, locale ``ru``). The link from
a GeoNames code to an ISO 3166-2 code is geo/data/admin1_iso3166_2.tsv.

The one table typed by hand is geo/data/region_abbreviations.tsv: the few official abbreviations
Russian texts name some regions by (ХМАО, ЯНАО, ЕАО), which none of those datasets holds. Each row
names the full name it stands for, and :func:`mentions_abbreviation` matches them as whole words only.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .names import name_key

ADMIN1_FILE = Path(__file__).resolve().parent / "data" / "admin1CodesASCII_RU_UA.txt"
ISO_CROSSWALK_FILE = Path(__file__).resolve().parent / "data" / "admin1_iso3166_2.tsv"
REGION_NAMES_RU_FILE = Path(__file__).resolve().parent / "data" / "region_names_ru.tsv"
REGION_ABBREVIATIONS_FILE = Path(__file__).resolve().parent / "data" / "region_abbreviations.tsv"

# Crimea and Sevastopol: Ukrainian territory occupied and annexed by Russia in 2014.
OCCUPIED_UKRAINE = {"UA.11", "UA.20"}
OCCUPIED_STATUS = "Ukrainian territory occupied by Russia since 2014"

_GENERIC_WORDS = {
    "oblast", "oblasti", "obl", "republic", "respublika", "krai", "kray", "region", "autonomous",
    "okrug", "ao", "of", "the", "city", "federal", "province", "district",
}


@dataclass(frozen=True)
class Region:
    code: str  # GeoNames "RU.08"
    name: str  # "Bashkortostan Republic"
    geonames_id: int

    @property
    def country_code(self) -> str:
        return self.code.split(".")[0]

    @property
    def occupied(self) -> bool:
        return self.code in OCCUPIED_UKRAINE


@lru_cache(maxsize=1)
def all_regions() -> dict[str, Region]:
    regions = {}
    for line in ADMIN1_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        code, name, _ascii_name, geonames_id = line.split("\t")
        regions[code] = Region(code, name, int(geonames_id))
    return regions


def region_for(country_code: str, admin1_code: str) -> Region | None:
    return all_regions().get(f"{country_code}.{admin1_code}")


def _distinctive_keys(text: str) -> set[str]:
    words = re.split(r"[^\w]+", text.lower())
    return {name_key(word) for word in words if word and name_key(word) not in _GENERIC_WORDS} - {""}


def matches_hint(region: Region, hint: str) -> bool:
    """True if a free-text region hint ('Bashkortostan', 'Amur Oblast', 'RU.08') names this region."""
    hint = hint.strip()
    if not hint:
        return True
    if hint.upper() == region.code:
        return True
    hint_keys = _distinctive_keys(hint)
    region_keys = _distinctive_keys(region.name)
    # Udmurt / Udmurtiya, Primorsky / Primorye: a shared stem of six letters is the same region
    return bool(hint_keys & region_keys) or any(
        len(os.path.commonprefix([h, r])) >= 6 for h in hint_keys for r in region_keys
    )


@dataclass(frozen=True)
class RegionNames:
    """A region's names from kept datasets: GeoNames (English), ISO 3166-2 and its Russian translation."""

    code: str  # GeoNames "RU.12"
    iso_code: str  # ISO 3166-2 "RU-CE"
    en: str  # GeoNames: "Chechnya"
    iso_name: str  # ISO 3166-2, romanised from the Russian: "Chechenskaya Respublika"
    ru: str | None  # Russian name: geo/data/region_names_ru.tsv (iso3166-2 package), else pycountry's
    abbreviations: tuple[str, ...] = ()  # official abbreviations: geo/data/region_abbreviations.tsv ("ХМАО")

    def all(self) -> tuple[str, ...]:
        """Every name, for matching a text that names the region in any of them (abbreviations apart)."""
        return tuple(name for name in (self.en, self.iso_name, self.ru) if name)


@lru_cache(maxsize=1)
def _iso_codes() -> dict[str, str]:
    codes = {}
    for line in ISO_CROSSWALK_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("geonames_code") or not line.strip():
            continue
        geonames_code, iso_code, _how = line.split("\t")
        codes[geonames_code] = iso_code
    return codes


@lru_cache(maxsize=1)
def _russian():
    import gettext

    import pycountry

    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)


@lru_cache(maxsize=1)
def _russian_names() -> dict[str, str]:
    if not REGION_NAMES_RU_FILE.is_file():
        return {}
    rows = [line.split("\t") for line in REGION_NAMES_RU_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and not line.startswith("iso_code")]
    return {iso_code: name for iso_code, name in rows}


@lru_cache(maxsize=1)
def region_abbreviations() -> dict[str, tuple[str, ...]]:
    """ISO 3166-2 code -> the region's official abbreviations, from geo/data/region_abbreviations.tsv."""
    table: dict[str, tuple[str, ...]] = {}
    for line in REGION_ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("iso_code"):
            continue
        iso_code, abbreviation, _stands_for = line.split("\t")
        table[iso_code] = (*table.get(iso_code, ()), abbreviation)
    return table


def mentions_abbreviation(text: str, abbreviations: tuple[str, ...]) -> bool:
    """True if ``text`` holds one of ``abbreviations`` as a whole word, in its letter case ("ХМАО-Югры" yes,
    "хмао" or "ХМАОЯ" no). Short abbreviations are never matched as stems, unlike names."""
    return any(re.search(rf"(?<!\w){re.escape(abbreviation)}(?!\w)", text) for abbreviation in abbreviations)


@lru_cache(maxsize=None)
def region_names(code: str) -> RegionNames | None:
    """The names of the GeoNames admin1 region ``code`` ('RU.12'), or None for an unknown code."""
    import pycountry

    region = all_regions().get(code)
    iso_code = _iso_codes().get(code)
    if region is None or iso_code is None:
        return None
    subdivision = pycountry.subdivisions.get(code=iso_code)
    translated = _russian().gettext(subdivision.name)
    russian = _russian_names().get(iso_code) or (translated if translated != subdivision.name else None)
    return RegionNames(code, iso_code, region.name, subdivision.name, russian,
                       region_abbreviations().get(iso_code, ()))


def region_named(name: str, country_code: str) -> Region | None:
    """The region GeoNames calls ``name`` in ``country_code`` (as cities.csv's region column holds it)."""
    return next((r for r in all_regions().values() if r.name == name and r.country_code == country_code), None)
