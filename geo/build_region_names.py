"""Rebuild geo/data/region_names_ru.tsv: each region's Russian name, from the iso3166-2 package's data.

Not used at run time: the table it writes is committed. The names are the "(rus)" entries of each
subdivision's ``localOtherName`` in the MIT-licensed ``iso3166-2`` package (amckenna41/iso3166-2), which
compiles ISO 3166-2 with local names. To rebuild::

    pip download --no-deps iso3166-2==1.8.4 && unzip iso3166_2-1.8.4-py3-none-any.whl 'iso3166_2/iso3166-2.json'
    python -m geo.build_region_names iso3166_2/iso3166-2.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from .regions import REGION_NAMES_RU_FILE, _iso_codes

RUSSIAN_NAME = re.compile(r"([^,]+?) \(rus\)")


def russian_names(iso_json: Path) -> dict[str, str]:
    data = json.loads(Path(iso_json).read_text(encoding="utf-8"))
    names = {}
    for country in ("RU", "UA"):
        for code, entry in data[country].items():
            match = RUSSIAN_NAME.search(entry.get("localOtherName") or "")
            if match:
                names[code] = match.group(1).strip()
    return names


def main(argv: list[str]) -> int:
    names = russian_names(Path(argv[0]))
    wanted = sorted(set(_iso_codes().values()))
    missing = [code for code in wanted if code not in names]
    if missing:
        print(f"no Russian name for {missing}", file=sys.stderr)
        return 1
    lines = ["# ISO 3166-2 code -> Russian name, from the iso3166-2 package (MIT); see geo/build_region_names.py",
             "iso_code\tname_ru", *(f"{code}\t{names[code]}" for code in wanted)]
    REGION_NAMES_RU_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(wanted)} names to {REGION_NAMES_RU_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
