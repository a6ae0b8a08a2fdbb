"""The validator passes on data/ and fails, naming file, row and column, on broken copies."""

import json
import subprocess
import sys

import pytest

from protest_data.tables import load_dataset
from protest_data.validate import InvalidDataset, load_valid_dataset, validate
from tests.conftest import REPO, read_rows, write_rows


def test_the_dataset_is_valid():
    assert [str(p) for p in validate()] == []


def _break_report(data_copy, **changes):
    path = data_copy / "reports.csv"
    rows = read_rows(path)
    index = next(i for i, row in enumerate(rows) if row["metric"] == "crowd" and row["value_low"])
    rows[index].update(changes)
    write_rows(path, rows)
    return index + 2  # spreadsheet row: header is row 1


def _messages(data_copy):
    return [(p.file.split("/")[-1], p.row, p.column, p.message) for p in validate(data_copy)]


def test_missing_column_is_reported(data_copy):
    path = data_copy / "reports.csv"
    rows = read_rows(path)
    for row in rows:
        del row["estimator"]
    write_rows(path, rows)
    problems = _messages(data_copy)
    assert any(f == "reports.csv" and r == 1 and c == "estimator" for f, r, c, _ in problems), problems


def test_bad_date_is_reported(data_copy):
    row = _break_report(data_copy, date="2021-01-32")
    assert any(f == "reports.csv" and r == row and c == "date" for f, r, c, _ in _messages(data_copy))


def test_a_date_that_is_no_protest_day_is_reported(data_copy):
    row = _break_report(data_copy, date="2021-01-24")
    problems = _messages(data_copy)
    assert any(r == row and c == "date" and "protest_days" in m for _, r, c, m in problems), problems


def test_low_above_high_is_reported(data_copy):
    path = data_copy / "reports.csv"
    rows = read_rows(path)
    index = next(i for i, row in enumerate(rows) if row["metric"] == "crowd" and row["value_low"]
                 and row["value_high"] and row["value_low"] != row["value_high"])
    rows[index]["value_low"], rows[index]["value_high"] = rows[index]["value_high"], rows[index]["value_low"]
    write_rows(path, rows)
    problems = _messages(data_copy)
    assert any(r == index + 2 and c == "value_low" and "greater than" in m for _, r, c, m in problems), problems


def test_unknown_city_is_reported(data_copy):
    row = _break_report(data_copy, city_id="atlantis")
    problems = _messages(data_copy)
    assert any(r == row and c == "city_id" and "'atlantis'" in m for _, r, c, m in problems), problems


def test_unknown_source_is_reported(data_copy):
    row = _break_report(data_copy, source_id="no-such-source")
    problems = _messages(data_copy)
    assert any(r == row and c == "source_id" and "'no-such-source'" in m for _, r, c, m in problems), problems


def test_quote_not_in_its_source_is_reported(data_copy):
    row = _break_report(data_copy, quote="A crowd of 5,000 people gathered, words no source wrote.")
    problems = _messages(data_copy)
    assert any(r == row and c == "quote" and "not found verbatim" in m for _, r, c, m in problems), problems


def test_number_not_in_its_quote_is_reported(data_copy):
    row = _break_report(data_copy, value_low="987654")
    problems = _messages(data_copy)
    assert any(r == row and c == "value_low" and "987654 is not stated" in m for _, r, c, m in problems), problems


def test_duplicate_id_is_reported(data_copy):
    path = data_copy / "reports.csv"
    rows = read_rows(path)
    rows[5]["report_id"] = rows[4]["report_id"]
    write_rows(path, rows)
    problems = _messages(data_copy)
    assert any(r == 7 and c == "report_id" and "duplicate" in m for _, r, c, m in problems), problems


def test_every_problem_is_reported_at_once(data_copy):
    path = data_copy / "reports.csv"
    rows = read_rows(path)
    with_city = next(i for i, row in enumerate(rows) if row["city_id"])
    with_figure = next(i for i, row in enumerate(rows) if row["value_low"] and i != with_city)
    other = next(i for i in range(len(rows)) if i not in (with_city, with_figure))
    rows[other]["date"] = "not a date"
    rows[with_city]["city_id"] = "atlantis"
    rows[with_figure]["value_low"] = "-1"
    write_rows(path, rows)
    rows_with_problems = {p.row for p in validate(data_copy)}
    assert {other + 2, with_city + 2, with_figure + 2} <= rows_with_problems


def _make_held_only(data_copy, day):
    path = data_copy / "protest_days.csv"
    days = read_rows(path)
    for row in days:
        if row["date"] == day:
            row["kind"] = "held_only"
    write_rows(path, days)


def test_a_city_figure_on_a_held_only_day_is_reported(data_copy):
    rows = read_rows(data_copy / "reports.csv")
    index = next(i for i, row in enumerate(rows) if row["city_id"] and row["metric"] == "crowd")
    _make_held_only(data_copy, rows[index]["date"])
    problems = _messages(data_copy)
    assert any(r == index + 2 and c == "metric" and "held-only day" in m for _, r, c, m in problems), problems


def test_held_absent_and_national_reports_are_fine_on_a_held_only_day(data_copy):
    rows = read_rows(data_copy / "reports.csv")
    national = next(row for row in rows if not row["city_id"] and row["metric"] == "detentions")
    _make_held_only(data_copy, national["date"])
    allowed = {i + 2 for i, row in enumerate(rows)
               if row["date"] == national["date"] and (not row["city_id"] or row["metric"] in ("held", "no_protest"))}
    flagged = {r for _, r, c, _ in _messages(data_copy) if c == "metric"}
    assert allowed and not allowed & flagged


def test_an_unknown_day_kind_is_reported(data_copy):
    path = data_copy / "protest_days.csv"
    days = read_rows(path)
    days[0]["kind"] = "figures only"
    write_rows(path, days)
    problems = _messages(data_copy)
    assert any(f == "protest_days.csv" and r == 2 and c == "kind" for f, r, c, _ in problems), problems


def test_every_declared_day_has_both_labels_and_a_kind(dataset):
    days = dataset.protest_days
    assert days["label"].notna().all() and days["label_ru"].notna().all() and days["kind"].notna().all()
    assert set(days["kind"]) <= {"figures", "held_only"}


def test_html_in_any_field_is_plain_text(data_copy):
    """Markup is data: the validator accepts it as text, and the loader keeps it verbatim."""
    source_id = read_rows(data_copy / "sources.csv")[0]["source_id"]
    city = read_rows(data_copy / "cities.csv")[0]
    hostile = f'Crowd in {city["name_en"]} of <img src=x onerror="alert(1)"> `${{alert(2)}}` \\ 500 people'
    archive = data_copy / "sources" / f"{source_id}.txt"
    archive.write_text(archive.read_text(encoding="utf-8") + "\n[...]\n" + hostile + "\n", encoding="utf-8")
    rows = read_rows(data_copy / "reports.csv")
    day = next(d["date"] for d in read_rows(data_copy / "protest_days.csv") if d["kind"] == "figures")
    rows.append({**rows[0], "report_id": "hostile-01", "source_id": source_id, "city_id": city["city_id"], "metric": "crowd",
                 "date": day, "date_end": "", "as_of": "", "value_low": "500", "value_high": "500",
                 "quote": hostile, "note": "<script>alert(3)</script>"})
    write_rows(data_copy / "reports.csv", rows)
    sources = read_rows(data_copy / "sources.csv")
    sources[0]["publisher"] = "<b>Bold</b> & co"
    write_rows(data_copy / "sources.csv", sources)
    assert [str(p) for p in validate(data_copy)] == []
    loaded = load_dataset(data_copy)
    assert loaded.reports.set_index("report_id").loc["hostile-01", "quote"] == hostile


def test_dataset_loads_in_one_call_with_typed_columns(dataset):
    reports = dataset.reports
    assert str(reports["date"].dtype).startswith("datetime64")
    assert str(reports["as_of"].dtype).startswith("datetime64") and "UTC" in str(reports["as_of"].dtype)
    assert str(reports["value_low"].dtype) == "Float64"
    assert str(dataset.cities["lat"].dtype) == "Float64"
    assert str(dataset.cities["geonames_id"].dtype) == "Int64"
    assert set(reports["metric"].unique()) <= {"held", "crowd", "detentions", "temperature_c", "cities", "no_protest"}


def test_load_valid_dataset_raises_with_every_problem(data_copy):
    _break_report(data_copy, city_id="atlantis", value_low="987654")
    with pytest.raises(InvalidDataset) as raised:
        load_valid_dataset(data_copy)
    assert len(raised.value.problems) >= 2
    assert "reports.csv, row" in str(raised.value)


def test_command_exits_non_zero_and_prints_every_problem(data_copy):
    _break_report(data_copy, city_id="atlantis", value_low="987654")
    result = subprocess.run([sys.executable, "-m", "protest_data", "validate", "--data-dir", str(data_copy)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1
    assert "column city_id" in result.stderr and "column value_low" in result.stderr


def test_command_passes_on_the_real_data():
    result = subprocess.run([sys.executable, "-m", "protest_data", "validate"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_every_report_can_be_traced_to_its_source_document(dataset):
    """'Where does this number come from': each row has a source with publisher, URL and archive."""
    merged = dataset.reports.merge(dataset.sources, on="source_id", how="left", validate="many_to_one")
    assert merged["publisher"].notna().all() and merged["url"].notna().all()
    for archive in dataset.sources["archive"]:
        assert (dataset.data_dir / archive).read_text(encoding="utf-8").strip()


def test_datapackage_declares_keys():
    descriptor = json.loads((REPO / "data" / "datapackage.json").read_text())
    reports = next(r for r in descriptor["resources"] if r["name"] == "reports")
    assert reports["schema"]["primaryKey"] == ["report_id"]
    assert {fk["reference"]["resource"] for fk in reports["schema"]["foreignKeys"]} == {
        "protest_days", "cities", "estimators", "sources"}
