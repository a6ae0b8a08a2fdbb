"""Downloads parse, carry the documented columns, and validate."""

import csv
import io
import json
import zipfile

import frictionless

from protest_data.exports import cities_geojson, package_zip, report_columns, reports_csv
from protest_data.filters import ReportFilter
from protest_data.summary import reports_with_sources


def test_csv_has_the_documented_columns_and_round_trips(dataset):
    reports = reports_with_sources(dataset)
    rows = list(csv.DictReader(io.StringIO(reports_csv(dataset, reports).decode("utf-8"))))
    assert list(rows[0].keys()) == report_columns(dataset)
    assert len(rows) == len(dataset.reports)
    original = (dataset.data_dir / "reports.csv").read_text(encoding="utf-8")
    assert reports_csv(dataset, reports).decode("utf-8").splitlines()[0] == original.splitlines()[0]


def test_csv_of_a_filtered_selection(dataset):
    selected = ReportFilter(metrics=["temperature_c"]).apply(reports_with_sources(dataset), dataset.cities)
    rows = list(csv.DictReader(io.StringIO(reports_csv(dataset, selected).decode("utf-8"))))
    assert rows and {row["metric"] for row in rows} == {"temperature_c"}


def test_geojson_has_one_point_per_city(dataset):
    collection = cities_geojson(dataset)
    assert collection["type"] == "FeatureCollection"
    ids = [f["properties"]["city_id"] for f in collection["features"]]
    assert sorted(ids) == sorted(dataset.cities["city_id"]) and len(ids) == len(set(ids))
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    json.dumps(collection)  # plain JSON types only


def test_geojson_carries_every_declared_day(dataset):
    collection = cities_geojson(dataset)
    reported = dataset.reports.dropna(subset=["city_id"])
    for day in dataset.protest_days["date"]:
        key = f"reported_{day:%Y_%m_%d}"
        flagged = {f["properties"]["city_id"] for f in collection["features"] if f["properties"][key]}
        single_day = reported[(reported["date"] == day) & reported["date_end"].isna()]
        assert flagged == set(single_day["city_id"]), day


def test_zip_holds_a_package_that_validates(dataset, tmp_path):
    with zipfile.ZipFile(io.BytesIO(package_zip(dataset.data_dir))) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path)
    assert "navalny-protests-2021/datapackage.json" in names and "navalny-protests-2021/CODEBOOK.md" in names
    assert any(name.startswith("navalny-protests-2021/sources/") for name in names)
    report = frictionless.validate(str(tmp_path / "navalny-protests-2021" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])[:5]


def test_geojson_carries_the_figure_rules_spans(dataset):
    """Kazan on 31 January: OVD-Info's band of 50 to 100 detained stays a band in the download."""
    kazan = next(f for f in cities_geojson(dataset)["features"] if f["properties"]["city_id"] == "kazan")
    props = kazan["properties"]
    assert (props["detentions_low_2021_01_31"], props["detentions_high_2021_01_31"]) == (50, 100)
