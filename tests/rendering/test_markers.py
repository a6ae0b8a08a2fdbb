"""The map model: which markers, sizes, colours and popup texts a summary frame produces."""

import math

import pandas as pd
import pytest

from protest_data.summary import city_day_summary, reports_with_sources
from rendering.markers import LAYERS, city_markers, nearest_city
from rendering.symbols import CROWD, DETENTIONS, NEUTRAL_COLOUR, TEMPERATURE
from tests.protest_data.fixtures import report, tiny_dataset

D23 = "2021-01-23"


@pytest.fixture
def day(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D23, "kazan", "crowd", "2000", "2000", estimator="police"),
        report("r2", D23, "kazan", "crowd", "8000", "8000", estimator="organisers"),
        report("r3", D23, "kazan", "detentions", "123", "123", as_of="2021-01-23T21:00:00+03:00"),
        report("r4", D23, "anadyr", "held"),
        report("r5", D23, "anadyr", "temperature_c", "-40", "-40", estimator="Reuters"),
    ])
    reports = reports_with_sources(data)
    return city_day_summary(data), reports[reports["date_end"].isna()]


def _by_city(markers):
    return {m.city_id: m for m in markers}


def test_one_marker_per_city(day):
    summary, reports = day
    assert sorted(m.city_id for m in city_markers(summary, reports, set(LAYERS))) == ["anadyr", "kazan"]


def test_circle_area_is_proportional_to_the_value(day):
    summary, reports = day
    kazan = _by_city(city_markers(summary, reports, {"crowd"}))["kazan"]
    outer, inner = kazan.symbols
    assert (outer.value, inner.value) == (8000, 2000)
    assert math.isclose(CROWD.area(8000) / CROWD.area(2000), 4.0)
    assert math.isclose(outer.radius, CROWD.radius(8000)) and math.isclose(inner.radius, CROWD.radius(2000))


def test_detentions_use_their_own_scale_and_colour(day):
    summary, reports = day
    (symbol,) = _by_city(city_markers(summary, reports, {"detentions"}))["kazan"].symbols
    assert symbol.colour == DETENTIONS.colour and math.isclose(symbol.radius, DETENTIONS.radius(123))


def test_temperature_is_a_colour(day):
    summary, reports = day
    (symbol,) = _by_city(city_markers(summary, reports, {"temperature"}))["anadyr"].symbols
    assert symbol.colour == TEMPERATURE.colour(-40) and symbol.radius == TEMPERATURE.radius


def test_a_city_without_a_figure_for_the_layers_shown_is_neutral(day):
    summary, reports = day
    markers = _by_city(city_markers(summary, reports, {"crowd", "detentions"}))
    assert markers["anadyr"].neutral and markers["anadyr"].dot_colour == NEUTRAL_COLOUR
    assert not markers["kazan"].neutral
    assert "no figure" in markers["anadyr"].tooltip or "layer off" in markers["anadyr"].tooltip


def test_switching_layers_off_leaves_only_dots(day):
    summary, reports = day
    markers = city_markers(summary, reports, set())
    assert all(m.symbols == () and m.neutral for m in markers) and len(markers) == 2


def test_popup_lists_figures_with_estimators_and_quotes(day):
    summary, reports = day
    popup = _by_city(city_markers(summary, reports, {"crowd"}))["kazan"].popup_html
    assert "Crowd: <strong>2,000\u20138,000</strong> (2 estimates)" in popup
    assert "Detentions: <strong>123</strong> (OVD-Info, as of 2021-01-23T21:00:00+03:00)" in popup
    assert popup.count('<li class="report"') == 3 and "Early Outlet" in popup


def test_unknown_layers_are_refused(day):
    summary, reports = day
    with pytest.raises(ValueError):
        city_markers(summary, reports, {"rain"})


def test_far_east_longitudes_stay_continuous(day):
    summary, reports = day
    assert _by_city(city_markers(summary, reports, set()))["anadyr"].lon == pytest.approx(177.51)


def test_a_click_selects_the_nearest_dot(day):
    summary, reports = day
    markers = city_markers(summary, reports, set())
    assert nearest_city(markers, 55.7, 49.3) == "kazan"
    assert nearest_city(markers, 64.0, 178.0) == "anadyr"
    assert nearest_city([], 0, 0) is None


def test_real_days_draw_every_city_of_the_day(dataset):
    summary = city_day_summary(dataset)
    reports = reports_with_sources(dataset)
    for day_ in summary["date"].unique():
        day_summary = summary[summary["date"] == day_]
        day_reports = reports[(reports["date"] == day_) & reports["date_end"].isna()]
        markers = city_markers(day_summary, day_reports, set(LAYERS))
        assert len(markers) == len(day_summary) == day_reports["city_id"].dropna().nunique()
        assert all(not pd.isna(m.lat) for m in markers)
