"""AppTest for the Compare, Data and Sources & method pages."""

import pandas as pd
from streamlit.testing.v1 import AppTest

from pages.safe_text import md
from protest_data.summary import day_labels, protest_days
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


def _city_on_several_days(dataset) -> tuple[str, pd.Timestamp]:
    """A city with reports on more than one day (chosen from the data), and its last such day."""
    one_day = dataset.reports[dataset.reports["date_end"].isna() & dataset.reports["city_id"].notna()]
    days = one_day.groupby("city_id")["date"].nunique().sort_values(ascending=False, kind="mergesort")
    city = days.index[0]
    assert days.iloc[0] > 1
    return city, one_day.loc[one_day["city_id"] == city, "date"].max()


def test_data_page_offers_the_maps_day_and_never_applies_it_unasked(dataset):
    city, day = _city_on_several_days(dataset)
    name = dataset.cities.set_index("city_id").loc[city, "name_en"]
    label = day_labels(dataset, "en")[day]
    app = _page("data", date=f"{day:%Y-%m-%d}", city=city)
    days, cities = app.multiselect[0], app.multiselect[1]
    assert days.value == [] and cities.value == [city]
    shown = app.dataframe[0].value
    expected = dataset.reports[dataset.reports["city_id"] == city]
    assert set(shown["city"]) == {name} and len(shown) == len(expected)
    assert set(shown["day"]) == set(expected["date"].dt.strftime("%Y-%m-%d")) and len(set(shown["day"])) > 1
    filters = [m.value for m in app.markdown if "Filters in use" in m.value]
    assert len(filters) == 1 and md(name) in filters[0] and md(label) not in filters[0]

    offer = next(b for b in app.button if b.label == f"Only the map's day: {md(label)}")
    offer.click().run()
    assert [pd.Timestamp(v) for v in app.multiselect[0].value] == [day]
    shown = app.dataframe[0].value
    assert set(shown["day"]) == {f"{day:%Y-%m-%d}"} and set(shown["city"]) == {name}
    filters = [m.value for m in app.markdown if "Filters in use" in m.value]
    assert len(filters) == 1 and md(name) in filters[0] and md(label) in filters[0]
    assert app.query_params["city"] == city


def test_data_page_filters_by_metric():
    app = _page("data")
    app.multiselect[3].set_value(["temperature_c"]).run()
    shown = app.dataframe[0].value
    assert len(shown) > 0 and set(shown["metric"]) == {metric_label("temperature_c", ENGLISH)}


def test_data_page_offers_the_filtered_reports_three_ways_and_everything_two_ways():
    app = _page("data")
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["For people (CSV)", "For people (Excel)", "Raw (CSV, as reports.csv)",
                      "City summary (GeoJSON)", "Whole data package (zip)"]
    assert any(m.value == md("No filter in use: the table and the downloads below hold every report.")
               for m in app.markdown)


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
