"""Downloads parse, carry the documented columns, and validate."""

import csv
import io
import json
import zipfile

import frictionless
import pandas as pd
import pytest

from protest_data.exports import cities_geojson, number_text, package_zip, report_columns, reports_csv
from protest_data.filters import ReportFilter
from protest_data.summary import reports_with_sources


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_the_csv_of_every_report_is_reports_csv_cell_for_cell(dataset):
    """Every cell of the export equals the cell of data/reports.csv: same rows, same order, same text."""
    exported = _rows(reports_csv(dataset, reports_with_sources(dataset)))
    with (dataset.data_dir / "reports.csv").open(newline="", encoding="utf-8") as handle:
        original = list(csv.DictReader(handle))
    assert len(exported) == len(original)
    differing = [(row["report_id"], column, mine[column], row[column])
                 for mine, row in zip(exported, original) for column in row if mine[column] != row[column]]
    assert differing == []
    assert list(exported[0]) == list(original[0])


def test_a_filtered_csv_holds_the_same_cells_as_the_data(dataset):
    selected = ReportFilter(days=[dataset.reports["date"].min()]).apply(reports_with_sources(dataset), dataset.cities)
    exported = {row["report_id"]: row for row in _rows(reports_csv(dataset, selected))}
    with (dataset.data_dir / "reports.csv").open(newline="", encoding="utf-8") as handle:
        original = {row["report_id"]: row for row in csv.DictReader(handle)}
    assert exported and set(exported) == set(selected["report_id"])
    assert all(exported[rid] == original[rid] for rid in exported)


@pytest.mark.parametrize("value, written", [(-28.0, "-28"), (5000, "5000"), (1.5, "1.5"), (-0.25, "-0.25"),
                                            (pd.NA, ""), (None, ""), (float("nan"), "")])
def test_numbers_are_written_as_the_data_writes_them(value, written):
    assert number_text(value) == written


def test_geojson_marks_a_missing_value_as_null_never_zero(dataset):
    days = [f"{day:%Y_%m_%d}" for day in dataset.protest_days["date"]]
    nulls = zeros = 0
    for feature in cities_geojson(dataset)["features"]:
        props = feature["properties"]
        for day in days:
            fields = {k.removesuffix(f"_{day}"): v for k, v in props.items() if k.endswith(f"_{day}")}
            if not fields.pop("reported"):
                assert set(fields.values()) == {None}, (props["city_id"], day)
                continue
            for metric in ("crowd", "detentions", "temperature"):
                low, high, counters = (fields[f"{metric}_{f}"] for f in ("low", "high", "counters"))
                assert (low is None) == (high is None) == (counters is None), (props["city_id"], day, metric)
                assert counters is None or counters >= 1
                nulls += low is None
                zeros += counters == 0
            assert fields["reports"] >= 1 and fields["sources"] >= 1
    assert nulls > 0 and zeros == 0


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
