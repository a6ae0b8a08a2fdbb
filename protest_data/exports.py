"""Downloads: reports as CSV, the city-level summary as GeoJSON, the whole data package as a zip."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from .summary import city_day_summary
from .tables import Dataset, read_descriptor

SUMMARY_FIELDS = ["crowd_low", "crowd_high", "crowd_counters", "detentions_low", "detentions_high",
                  "detentions_counters", "temperature_low", "temperature_high", "temperature_middle",
                  "temperature_counters", "reports", "sources"]


def report_columns(dataset: Dataset) -> list[str]:
    """The columns of reports.csv, in the order its Table Schema documents them."""
    resource = next(r for r in read_descriptor(dataset.data_dir)["resources"] if r["name"] == "reports")
    return [field["name"] for field in resource["schema"]["fields"]]


def reports_csv(dataset: Dataset, reports: pd.DataFrame) -> bytes:
    """Reports (e.g. a filtered selection) with exactly the documented columns, as in reports.csv."""
    columns = report_columns(dataset)
    frame = reports.copy()
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    frame["date_end"] = frame["date_end"].dt.strftime("%Y-%m-%d")
    frame["as_of"] = frame["as_of_text"]
    return frame[columns].to_csv(index=False, lineterminator="\n").encode("utf-8")


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def cities_geojson(dataset: Dataset) -> dict:
    """One Point feature per city, with its figures for each protest day as flat properties."""
    summary = city_day_summary(dataset)
    by_city_day = {(row["city_id"], row["date"]): row for row in summary.to_dict("records")}
    days = list(dataset.protest_days["date"].sort_values())
    features = []
    for city in dataset.cities.sort_values("city_id").itertuples(index=False):
        properties = {
            "city_id": city.city_id, "name_en": city.name_en, "name_ru": city.name_ru, "region": city.region,
            "country_code": city.country_code, "territory_status": _plain(city.territory_status),
            "geonames_id": _plain(city.geonames_id), "geocoder": city.geocoder,
        }
        for day in days:
            row = by_city_day.get((city.city_id, day))
            key = f"{day:%Y_%m_%d}"
            properties[f"reported_{key}"] = row is not None
            for field in SUMMARY_FIELDS:
                properties[f"{field}_{key}"] = _plain(row[field]) if row is not None else None
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(city.lon), float(city.lat)]},
            "properties": properties,
        })
    return {"type": "FeatureCollection", "features": features}


def cities_geojson_bytes(dataset: Dataset) -> bytes:
    return json.dumps(cities_geojson(dataset), ensure_ascii=False, indent=1).encode("utf-8")


def package_zip(data_dir: Path) -> bytes:
    """The data package as published: datapackage.json, the CSVs, the codebook, the archived passages."""
    data_dir = Path(data_dir)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(data_dir.rglob("*")):
            if path.is_file() and path.suffix in {".json", ".csv", ".md", ".txt"}:
                archive.write(path, Path("navalny-protests-2021") / path.relative_to(data_dir))
    return buffer.getvalue()
