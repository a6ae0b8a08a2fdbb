"""AppTest for the Compare, Data and Sources & method pages."""

import pandas as pd
from streamlit.testing.v1 import AppTest

from protest_data.summary import protest_days
from rendering.i18n import ENGLISH
from rendering.viewstate import default_comparison
from rendering.vocabulary import metric_label
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
    app = _page("compare")
    first, second = default_comparison(protest_days(dataset))
    table = app.dataframe[0].value
    one_day = dataset.reports[dataset.reports["date"].isin([first, second]) & dataset.reports["date_end"].isna()]
    protests = one_day[one_day["metric"] != "no_protest"]  # absence-only cities are not listed
    assert len(table) == protests["city_id"].dropna().nunique()
    assert {"city", "present", "detentions_a", "detentions_b", "reports_a", "reports_b"} <= set(table.columns)
    assert app.query_params["compare"] == f"{first:%Y-%m-%d},{second:%Y-%m-%d}"
    assert "The national count as it grew" in [h.value for h in app.subheader]


def test_compare_page_shows_no_none_and_links_every_figure(dataset):
    days = protest_days(dataset)
    app = _page("compare", compare=f"{days[-1]:%Y-%m-%d},{days[0]:%Y-%m-%d}")
    assert [s.value for s in app.selectbox][:2] == [days[-1], days[0]]
    table = app.dataframe[0].value
    text = table[[c for c in table.columns if c.split("_")[0] in ("crowd", "detentions", "temperature")]]
    assert text.notna().all().all() and not text.isin(["None", "nan", "<NA>"]).any().any()
    for suffix in ("a", "b"):
        reported = table[f"reports_{suffix}"].dropna()
        assert reported.str.contains("city=").all() and len(reported) > 0


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
    assert len(shown) > 0 and set(shown["metric"]) == {metric_label("temperature_c", ENGLISH)}


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
