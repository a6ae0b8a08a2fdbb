"""First-level divisions (Russia's federal subjects; Crimea) from GeoNames admin1 codes.

The names come from GeoNames' admin1CodesASCII.txt (CC BY 4.0), of which geo/data holds the rows
for Russia and for the two Ukrainian divisions on the Crimean peninsula. Nothing here is typed by hand.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .names import name_key

ADMIN1_FILE = Path(__file__).resolve().parent / "data" / "admin1CodesASCII_RU_UA.txt"

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
