"""AppTest for the Compare, Data and Sources & method pages."""

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO, read_rows, write_rows


def _page(page: str, **query) -> AppTest:
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, app.exception
    return app


def test_compare_page_lists_every_city_reported_on_either_day(dataset):
    from protest_data.compare import compare_days
    from protest_data.summary import protest_days

    app = _page("compare")
    table = app.dataframe[0].value
    labels = {f"{day:%d %b}": day for day in protest_days(dataset)}
    compared = [labels[c.removeprefix("Reported ")] for c in table.columns if c.removeprefix("Reported ") in labels]
    assert len(compared) == 2
    assert {f"Detentions to, {day:%d %b}" for day in compared} <= set(table.columns)
    expected = compare_days(dataset, *compared)
    assert sorted(table["City"]) == sorted(expected["name_en"])
    assert "The national count as it grew" in [h.value for h in app.subheader]


def test_data_page_starts_from_the_shared_view():
    app = _page("data", date="2021-01-31", city="kazan")
    day, city = app.multiselect[0], app.multiselect[1]
    assert [pd.Timestamp(v) for v in day.value] == [pd.Timestamp("2021-01-31")] and city.value == ["kazan"]
    shown = app.dataframe[0].value
    assert set(shown["city"]) == {"Kazan"} and set(shown["day"]) == {"2021-01-31"}
    assert app.query_params["city"] == "kazan"


def test_data_page_filters_by_metric():
    app = _page("data")
    app.multiselect[0].set_value([]).run()
    app.multiselect[3].set_value(["temperature_c"]).run()
    shown = app.dataframe[0].value
    assert len(shown) > 0 and set(shown["metric"]) == {"temperature_c"}


def test_data_page_offers_three_downloads():
    app = _page("data")
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["Filtered reports (CSV)", "City summary (GeoJSON)", "Whole data package (zip)"]


def test_sources_page_lists_every_source_with_its_report_count(dataset):
    app = _page("sources")
    table = app.dataframe[0].value
    assert len(table) == len(dataset.sources)
    assert table["reports"].sum() == len(dataset.reports)
    assert any("[Data set]" in code.value for code in app.code)
    assert any("How the map picks the figure it draws" in m.value for m in app.markdown)


def test_an_invalid_dataset_shows_every_problem_instead_of_the_map(data_copy, monkeypatch):
    rows = read_rows(data_copy / "reports.csv")
    rows[0]["city_id"] = "atlantis"
    write_rows(data_copy / "reports.csv", rows)
    monkeypatch.setenv("PROTEST_DATA_DIR", str(data_copy))
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120).run()
    assert not app.exception
    assert "failed validation" in app.error[0].value
    assert "reports.csv, row 2, column city_id" in app.code[0].value
