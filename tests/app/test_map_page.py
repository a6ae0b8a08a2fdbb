"""Streamlit AppTest: the map page's controls and query parameters, without a browser."""

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pages.safe_text import as_read
from protest_data.summary import figures, protest_days
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


def test_a_report_link_opens_its_day_and_city_with_the_report_highlighted(dataset):
    """The last day with a figure drawn in a city, and the first report (by id) behind one: from the data."""
    annotated = figures(dataset).reports
    drawn = annotated[annotated["drawn"] & (annotated["place"] != "")]
    day = drawn["date"].max()
    report = drawn[drawn["date"] == day].sort_values("report_id").iloc[0]
    app = _app(report=report["report_id"])
    assert not app.exception and [w for w in app.warning] == []
    assert app.select_slider[0].value == day
    assert app.query_params["report"] == report["report_id"] and app.query_params["city"] == report["place"]
    highlighted = [h.proto.body for h in app.html if 'highlight" data-report-id=' in h.proto.body]
    assert len(highlighted) == 1
    card = re.search(r'<li class="report[^"]* highlight" data-report-id="([^"]+)"', highlighted[0])
    assert card.group(1) == report["report_id"]
    assert f'href="./?report={report["report_id"]}"' in highlighted[0] and '<details class="cite">' in highlighted[0]

    other = next(d for d in protest_days(dataset) if d != day)
    app.select_slider[0].set_value(other).run()
    assert "report" not in app.query_params and not any("highlight\" data-report-id" in h.proto.body for h in app.html)


def test_an_unknown_report_link_says_so():
    app = _app(report="no-such-report-01")
    assert not app.exception
    assert any("no-such-report-01" in as_read(w.value) for w in app.warning)
    assert "report" not in app.query_params


def test_the_map_offers_its_one_file_copy_and_a_share_link():
    app = _app(date="2021-01-31", city="kazan")
    assert "Download the map as one HTML file" in [b.proto.label for b in app.get("download_button")]
    shared = [c.value for c in app.code if "?date=" in c.value]
    assert len(shared) == 1 and "date=2021-01-31" in shared[0] and "city=kazan" in shared[0]
