"""Downloads: reports as CSV, the city-level summary as GeoJSON, the whole data package as a zip.

Each keeps the data as it is (see CODEBOOK.md, "Downloads"): the raw CSV writes every cell as reports.csv
holds it (numbers as written, "-28" and never "-28.0"; times in the offset the source used); the GeoJSON
marks a missing value one way only, as null, never as 0. The "reports for people" table, which words
figures the way the dashboard does, is built in rendering.people_export.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from pathlib import Path

import pandas as pd

from .summary import city_day_summary
from .tables import Dataset, read_descriptor

SUMMARY_FIELDS = ["crowd_low", "crowd_high", "crowd_counters", "detentions_low", "detentions_high",
                  "detentions_counters", "temperature_low", "temperature_high", "temperature_middle",
                  "temperature_counters", "reports", "sources", "protest_reported"]
# Per metric: the fields that are null together when no source gave that figure.
FIGURE_FIELDS = {metric: [f"{metric}_low", f"{metric}_high", f"{metric}_counters"]
                 for metric in ("crowd", "detentions", "temperature")}


def report_fields(dataset: Dataset) -> list[dict]:
    resource = next(r for r in read_descriptor(dataset.data_dir)["resources"] if r["name"] == "reports")
    return resource["schema"]["fields"]


def report_columns(dataset: Dataset) -> list[str]:
    """The columns of reports.csv, in the order its Table Schema documents them."""
    return [field["name"] for field in report_fields(dataset)]


def number_text(value) -> str:
    """A number as the data writes it: integers without a decimal point, others in their shortest form."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def _cell_texts(frame: pd.DataFrame, field: dict) -> pd.Series:
    name, kind = field["name"], field["type"]
    if kind == "datetime":  # the text as written, with the source's own UTC offset
        return frame[f"{name}_text"].astype("string").fillna("")
    if kind == "date":
        return frame[name].dt.strftime("%Y-%m-%d").astype("string").fillna("")
    if kind in ("number", "integer"):
        return frame[name].map(number_text).astype("string")
    return frame[name].astype("string").fillna("")


def reports_csv(dataset: Dataset, reports: pd.DataFrame) -> bytes:
    """Reports (e.g. a filtered selection) with exactly the columns and cells of reports.csv, in its
    order (by report_id): UTF-8 without a byte-order mark, like the data package's own files."""
    fields = report_fields(dataset)
    frame = reports.sort_values("report_id", kind="mergesort")
    cells = pd.DataFrame({field["name"]: _cell_texts(frame, field) for field in fields})
    return cells.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def cities_geojson(dataset: Dataset) -> dict:
    """One Point feature per city, with its figures for each protest day as flat properties.

    ``reported_<day>`` says whether the dataset has any report about the city that day; when it is false,
    every other property of that day is null. ``<metric>_low``, ``_high`` and ``_counters`` are null
    together when no source gave that figure. A missing value is null, never 0.
    """
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
            values = {field: _plain(row[field]) if row is not None else None for field in SUMMARY_FIELDS}
            for metric, fields in FIGURE_FIELDS.items():
                if values[f"{metric}_high"] is None and values[f"{metric}_low"] is None:
                    values.update(dict.fromkeys(fields, None))  # no figure: null, never 0 counters
            if values["temperature_low"] is None:
                values["temperature_middle"] = None
            for field, value in values.items():
                properties[f"{field}_{key}"] = value
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
