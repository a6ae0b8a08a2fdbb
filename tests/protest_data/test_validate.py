"""The validator passes on data/ and fails, naming file, row and column, on broken copies.

The rule-by-rule table is in test_validate_rules.py; here: the real data, every problem at once,
markup as data, crashes turned into problems, loading from the bytes validated, and the command line.
"""

import json
from pathlib import Path

import pytest

import protest_data.tables as tables
import protest_data.validate as validate_module
from protest_data.__main__ import main
from protest_data.validate import InvalidDataset, Problem, load_valid_dataset, validate
from tests.conftest import REPO, read_rows, write_rows
from tests.protest_data.fixtures import report, tiny_data_dir

D23 = "2021-01-23"


@pytest.fixture
def tiny(tmp_path) -> Path:
    return tiny_data_dir(tmp_path, [
        report("r1", D23, "kazan", "crowd", "2000", "3000", estimator="police"),
        report("r2", D23, "kazan", "detentions", "123", "123", as_of="2021-01-23T21:00:00+03:00"),
        report("r3", D23, "anadyr", "held"),
    ])


def _break(data: Path, row: int, **changes) -> None:
    rows = read_rows(data / "reports.csv")
    rows[row - 2].update(changes)
    write_rows(data / "reports.csv", rows)


def test_the_dataset_is_valid():
    assert [str(p) for p in validate()] == []


def test_every_problem_is_reported_at_once(tiny):
    _break(tiny, 2, date="not a date")
    _break(tiny, 3, city_id="atlantis")
    _break(tiny, 4, value_low="-1")
    assert {p.row for p in validate(tiny)} == {2, 3, 4}


def test_html_in_any_field_is_plain_text(tiny):
    """Markup is data: the validator accepts it as text, and the loader keeps it verbatim."""
    hostile = 'Crowd in Kazan of <img src=x onerror="alert(1)"> `${alert(2)}` \\ 500 people'
    archive = tiny / "sources" / "s1.txt"
    archive.write_text(archive.read_text(encoding="utf-8") + "[...]\n" + hostile + "\n", encoding="utf-8")
    rows = read_rows(tiny / "reports.csv")
    rows.append({**rows[0], "report_id": "hostile-01", "value_low": "500", "value_high": "500", "quote": hostile,
                 "note": "<script>alert(3)</script>"})
    write_rows(tiny / "reports.csv", rows)
    sources = read_rows(tiny / "sources.csv")
    sources[0]["publisher"] = "<b>Bold</b> & co"
    write_rows(tiny / "sources.csv", sources)
    assert [str(p) for p in validate(tiny)] == []
    loaded = load_valid_dataset(tiny)
    assert loaded.reports.set_index("report_id").loc["hostile-01", "quote"] == hostile
    assert loaded.sources.loc[0, "publisher"] == "<b>Bold</b> & co"


def test_a_crash_inside_a_rule_is_a_problem_naming_file_and_row(tiny, monkeypatch):
    def broken_rule(shown, row, report, context):
        if report["report_id"] == "r2":
            raise RuntimeError("boom")
        return iter(())

    monkeypatch.setattr(validate_module, "_check_report", broken_rule)
    problems = validate(tiny)
    assert [(Path(p.file).name, p.row, p.column) for p in problems] == [("reports.csv", 3, None)]
    assert "RuntimeError: boom" in problems[0].message and "bug in the validator" in problems[0].message


def test_a_crash_outside_the_rules_is_a_problem_too(tiny, monkeypatch):
    monkeypatch.setattr(validate_module, "_read_descriptor", lambda *_: 1 / 0)
    (problem,) = validate(tiny)
    assert Path(problem.file).name == "datapackage.json" and "ZeroDivisionError" in problem.message


def test_valid_data_that_does_not_load_is_reported_not_raised(tiny, monkeypatch):
    def unloadable(*args, **kwargs):
        raise KeyError("lat")

    monkeypatch.setattr(validate_module, "load_dataset", unloadable)
    with pytest.raises(InvalidDataset) as raised:
        load_valid_dataset(tiny)
    (problem,) = raised.value.problems
    assert Path(problem.file).name == "datapackage.json" and "could not be loaded (KeyError: 'lat')" in problem.message


def test_a_schema_field_without_a_type_is_read_as_text(tiny):
    """Table Schema's default type is string; the loader follows it (hypothesis found a KeyError here)."""
    descriptor = json.loads((tiny / "datapackage.json").read_text(encoding="utf-8"))
    days = next(r for r in descriptor["resources"] if r["name"] == "protest_days")
    del next(f for f in days["schema"]["fields"] if f["name"] == "note")["type"]
    (tiny / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert str(load_valid_dataset(tiny).protest_days["note"].dtype) == "string"


def test_load_valid_dataset_raises_with_every_problem(tiny):
    _break(tiny, 2, city_id="atlantis", value_low="987654")
    with pytest.raises(InvalidDataset) as raised:
        load_valid_dataset(tiny)
    assert {(p.row, p.column) for p in raised.value.problems} >= {(2, "city_id"), (2, "value_low")}
    assert "reports.csv, row 2, column city_id" in str(raised.value)


def test_load_valid_dataset_reads_each_file_once(tiny, monkeypatch):
    """One read per file: the validator's bytes are what frictionless checks and pandas loads."""
    reads: list[str] = []
    original = Path.read_bytes

    def counting(path):
        reads.append(path.name)
        return original(path)

    parsed = []
    read_csv = tables.pd.read_csv

    def recording_read_csv(source, *args, **kwargs):
        parsed.append(type(source).__name__)
        return read_csv(source, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", counting)
    monkeypatch.setattr(Path, "read_text", lambda *a, **k: pytest.fail("a file read as text, again"))
    monkeypatch.setattr(tables.pd, "read_csv", recording_read_csv)
    loaded = load_valid_dataset(tiny)
    assert sorted(reads) == sorted(["datapackage.json", "protest_days.csv", "sources.csv", "estimators.csv",
                                    "cities.csv", "reports.csv", "s1.txt", "s2.txt"])
    assert parsed == ["StringIO"] * 5  # pandas parses the text already read, never the file
    assert loaded.reports["report_id"].tolist() == ["r1", "r2", "r3"]


@pytest.mark.parametrize(("damaged", "shown"), [(10, 10), (11, 11)])
def test_a_file_in_another_encoding_gets_ten_cell_problems_then_a_count(tiny, damaged, shown):
    rows = read_rows(tiny / "reports.csv")
    write_rows(tiny / "reports.csv", [{**rows[i % 3], "report_id": f"x{i}"} for i in range(damaged)])
    raw = (tiny / "reports.csv").read_bytes()
    (tiny / "reports.csv").write_bytes(raw.replace(b"\nx", b"\nx\xe9"))  # Latin-1 'é' in each report_id
    problems = [p for p in validate(tiny) if Path(p.file).name == "reports.csv"]
    cells = [p for p in problems if p.row is not None]
    assert len(cells) == 10 and all(p.column == "report_id" for p in cells)
    summary = [p.message for p in problems if p.row is None]
    assert summary == ([] if damaged == 10 else [f"{damaged - 10} more cells are not valid UTF-8 (is the file saved "
                                                 "as Windows-1251?): save it as UTF-8 (without a byte-order mark)"])


def test_the_loaded_dataset_knows_where_it_came_from(tiny):
    assert load_valid_dataset(tiny).data_dir == tiny


def test_invalid_dataset_lists_one_problem_a_line():
    error = InvalidDataset([Problem("a.csv", 2, "x", "one"), Problem("b.csv", None, None, "two")])
    assert str(error) == "2 problem(s) in the data package:\n  a.csv, row 2, column x: one\n  b.csv: two"


def test_problems_read_as_file_row_column_message():
    assert str(Problem("data/reports.csv", 7, "quote", "not found")) == "data/reports.csv, row 7, column quote: not found"
    assert str(Problem("data/cities.csv", None, None, "file is missing")) == "data/cities.csv: file is missing"


def test_dataset_loads_in_one_call_with_typed_columns(dataset):
    reports = dataset.reports
    assert str(reports["date"].dtype).startswith("datetime64")
    assert str(reports["as_of"].dtype).startswith("datetime64") and "UTC" in str(reports["as_of"].dtype)
    assert str(reports["value_low"].dtype) == "Float64"
    assert str(dataset.cities["lat"].dtype) == "Float64"
    assert str(dataset.cities["geonames_id"].dtype) == "Int64"
    assert set(reports["metric"].unique()) <= {"held", "crowd", "detentions", "temperature_c", "cities", "no_protest"}


def test_every_declared_day_has_both_labels_and_a_kind(dataset):
    days = dataset.protest_days
    assert days["label"].notna().all() and days["label_ru"].notna().all() and days["kind"].notna().all()
    assert set(days["kind"]) <= {"figures", "held_only"}


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


# --- python -m protest_data, in-process ----------------------------------------------------------

def test_command_exits_non_zero_and_prints_every_problem(tiny, capsys):
    _break(tiny, 2, city_id="atlantis", value_low="987654")
    assert main(["validate", "--data-dir", str(tiny)]) == 1
    err = capsys.readouterr().err
    assert "row 2, column city_id" in err and "row 2, column value_low" in err
    assert err.strip().endswith(f"3 problem(s) in {tiny}")  # city, value not stated, low above high


def test_command_passes_on_a_valid_package(tiny, capsys):
    assert main(["validate", "--data-dir", str(tiny)]) == 0
    assert capsys.readouterr().out.strip() == f"{tiny}: valid (3 reports from 2 sources about 3 cities)"


def test_command_passes_on_the_real_data(capsys):
    assert main(["validate"]) == 0
    assert ": valid (" in capsys.readouterr().out


def test_command_reports_a_utf16_file_instead_of_a_traceback(tiny, capsys):
    path = tiny / "reports.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert main(["validate", "--data-dir", str(tiny)]) == 1
    err = capsys.readouterr().err
    assert "reports.csv: is saved as UTF-16" in err and "Traceback" not in err


def test_coverage_command_prints_the_summary(tiny, capsys):
    assert main(["coverage", "--data-dir", str(tiny)]) == 0
    out = capsys.readouterr().out
    assert "Cities per protest day" in out and "Cities per region" in out


def test_coverage_command_refuses_invalid_data(tiny, capsys):
    _break(tiny, 2, city_id="atlantis")
    assert main(["coverage", "--data-dir", str(tiny)]) == 1
    assert "row 2, column city_id" in capsys.readouterr().err


def test_an_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["frobnicate"])
    assert exited.value.code == 2 and "invalid choice" in capsys.readouterr().err
