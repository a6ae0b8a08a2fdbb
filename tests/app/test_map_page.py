"""Streamlit AppTest: the map page's controls and query parameters, without a browser."""

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pages.safe_text import as_read
from tests.conftest import REPO, read_rows, write_rows


def _app(**query) -> AppTest:
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


def _toggles(app):
    return {toggle.label: toggle.value for toggle in app.toggle}


def test_defaults_show_23_january_with_crowd_and_detentions():
    app = _app()
    assert not app.exception
    assert str(app.select_slider[0].value.date()) == "2021-01-23"
    assert _toggles(app) == {"Crowd size": True, "Detentions": True, "Temperature": False}
    assert app.query_params["date"] == "2021-01-23"
    assert [w for w in app.warning] == []


def test_day_options_come_from_the_data(data_copy, monkeypatch):
    """A protest day added to the data appears on the slider, last, without a code change."""
    rows = read_rows(data_copy / "protest_days.csv")
    added = max(pd.Timestamp(r["date"]) for r in rows) + pd.Timedelta(days=7)
    label = f"{added.day} {added:%B %Y}"
    write_rows(data_copy / "protest_days.csv",
               rows + [{**rows[0], "date": f"{added:%Y-%m-%d}", "label": label, "label_ru": label, "note": ""}])
    reports = read_rows(data_copy / "reports.csv")
    held = next(r for r in reports if r["city_id"] and r["metric"] == "held")
    write_rows(data_copy / "reports.csv", reports + [{**held, "report_id": "added-01", "date": f"{added:%Y-%m-%d}"}])
    monkeypatch.setenv("PROTEST_DATA_DIR", str(data_copy))
    app = _app()
    assert not app.exception, app.exception
    offered = {r["date"] for r in read_rows(data_copy / "reports.csv")} & {r["date"] for r in rows}
    options = app.select_slider[0].options
    assert len(options) == len(offered) + 1 and options[-1] == label


def test_query_parameters_restore_the_view():
    app = _app(date="2021-01-31", layers="detentions", city="kazan")
    assert str(app.select_slider[0].value.date()) == "2021-01-31"
    assert _toggles(app) == {"Crowd size": False, "Detentions": True, "Temperature": False}
    assert [s.value for s in app.subheader] == ["Kazan · Казань"]
    assert app.query_params["city"] == "kazan"


def test_invalid_parameters_fall_back_with_a_visible_notice():
    app = _app(date="2021-02-30", layers="bogus", city="<script>")
    assert not app.exception
    notices = " ".join(as_read(w.value) for w in app.warning)
    assert "2021-02-30" in notices and "bogus" in notices and "<script>" in notices
    assert str(app.select_slider[0].value.date()) == "2021-01-23"


def test_changing_controls_updates_the_url():
    app = _app()
    app.toggle(key="layer_temperature").set_value(True).run()
    assert app.query_params["layers"] == "crowd,detentions,temperature"
    app.toggle(key="layer_crowd").set_value(False).run()
    assert app.query_params["layers"] == "detentions,temperature"


def test_moving_the_slider_changes_the_day_and_summary(dataset):
    from protest_data.summary import city_day_summary, protest_days

    app = _app()
    first = pd.Timestamp(app.select_slider[0].value)
    summary = city_day_summary(dataset)
    cities = summary.groupby("date")["city_id"].nunique()
    other = next(day for day in protest_days(dataset) if cities[day] != cities[first])
    before = {m.label: m.value for m in app.metric}
    app.select_slider[0].set_value(other).run()
    after = {m.label: m.value for m in app.metric}
    assert app.query_params["date"] == f"{other:%Y-%m-%d}"
    assert before["Cities in this dataset"] != after["Cities in this dataset"]


def test_national_summary_names_its_source():
    app = _app(date="2021-01-31")
    labels = {m.label: m.value for m in app.metric}
    assert re.fullmatch(r"(at least |up to )?[\d,]+(\u2013[\d,]+)?", as_read(labels["Detained nationwide"]))
    captions = " ".join(as_read(c.value) for c in app.caption)
    assert "OVD-Info" in captions and "reported by" in captions


def test_picking_a_city_in_the_panel_selects_it():
    app = _app()
    app.selectbox[0].set_value("yakutsk").run()
    assert app.query_params["city"] == "yakutsk"
    assert any("Yakutsk" in s.value for s in app.subheader)


@pytest.mark.parametrize("layers", ["none", "temperature", "crowd,detentions,temperature"])
def test_every_layer_combination_renders(layers):
    assert not _app(layers=layers).exception
