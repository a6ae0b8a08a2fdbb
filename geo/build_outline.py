"""Rebuild geo/data/basemap.geojson from Natural Earth's 1:110m countries (public domain).

Not used at run time: the GeoJSON it writes is committed. The shapefile is the copy of Natural Earth
"admin 0 countries" that geopandas 0.14 shipped as ``naturalearth_lowres``; to rebuild::

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*'
    pip install pyshp
    python -m geo.build_outline geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Natural Earth draws Crimea as part of Ukraine, which is what this project shows.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .outline import BASEMAP_FILE, shift_antimeridian

# Countries drawn around Russia for context: everything touching this box, except the few whose
# outline itself crosses the antimeridian (they would smear across the map).
CONTEXT_BOX = (15.0, 30.0, 180.0, 84.0)  # west, south, east, north
SKIP = {"USA", "FJI", "-99"}


def _touches_box(bbox) -> bool:
    west, south, east, north = CONTEXT_BOX
    return not (bbox[2] < west or bbox[0] > east or bbox[3] < south or bbox[1] > north)


def _round(geometry: dict) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
            return [round(value[0], 3), round(value[1], 3)]
        return [walk(item) for item in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def build(shapefile: Path) -> dict:
    import shapefile as pyshp  # pyshp: only needed to rebuild

    features = []
    with pyshp.Reader(str(shapefile)) as reader:
        for item in reader.iterShapeRecords():
            iso, name = item.record["iso_a3"], item.record["name"]
            is_russia = iso == "RUS"
            if not is_russia and (iso in SKIP or not _touches_box(item.shape.bbox)):
                continue
            geometry = _round(item.shape.__geo_interface__)
            if is_russia:
                geometry = shift_antimeridian(geometry)
            features.append(
                {"type": "Feature", "properties": {"iso_a3": iso, "name": name, "russia": is_russia}, "geometry": geometry}
            )
    return {
        "type": "FeatureCollection",
        "name": "Natural Earth 1:110m admin 0 countries (public domain), Russia and neighbours",
        "features": sorted(features, key=lambda f: (not f["properties"]["russia"], f["properties"]["name"])),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    collection = build(Path(argv[0]))
    BASEMAP_FILE.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {BASEMAP_FILE} ({len(collection['features'])} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
