"""The map model: which markers, sizes, colours, tooltips and popups the figure rule's output produces."""

import itertools
import math
import re

import pandas as pd
import pytest

from protest_data.summary import city_day_summary, counters_by_city, figures
from rendering.i18n import ENGLISH
from rendering.markers import LAYERS, city_markers, nearest_city, with_layers
from rendering.symbols import CROWD, DETENTIONS, NEUTRAL_COLOUR, TEMPERATURE
from tests.protest_data.fixtures import report, tiny_dataset

D23 = "2021-01-23"


def _markers(data, layers, day=D23):
    rule = figures(data)
    summary = city_day_summary(data, rule)
    day_summary = summary[summary["date"] == pd.Timestamp(day)]
    return {m.city_id: m for m in city_markers(day_summary, counters_by_city(rule, pd.Timestamp(day)),
                                                  set(layers), ENGLISH)}


@pytest.fixture
def day(tmp_path):
    return tiny_dataset(tmp_path, [
        report("r1", D23, "kazan", "crowd", "2000", "2000", estimator="police"),
        report("r2", D23, "kazan", "crowd", "8000", "8000", estimator="organisers"),
        report("r3", D23, "kazan", "detentions", "123", "123", as_of="2021-01-23T21:00:00+03:00"),
        report("r4", D23, "anadyr", "held"),
        report("r5", D23, "anadyr", "temperature_c", "-40", "-40", estimator="Reuters"),
        report("r6", D23, "anadyr", "temperature_c", "-52", "-52", estimator="police"),
        report("r7", D23, "anadyr", "temperature_c", "-48", "-48", estimator="organisers"),
    ])


def _figures_in(popup: str) -> dict[str, str]:
    """estimator -> the figure shown beside it, read from the popup's markup."""
    pairs = re.findall(r'<strong class="figure">([^<]*)</strong> &mdash; <span class="estimator">([^<]*)</span>', popup)
    return {estimator: value for value, estimator in pairs}


def test_one_marker_per_city(day):
    assert sorted(_markers(day, LAYERS)) == ["anadyr", "kazan"]


def test_crowd_circles_span_the_smallest_and_largest_figure(day):
    outer, inner = _markers(day, {"crowd"})["kazan"].symbols
    assert (outer.value, inner.value) == (8000, 2000)
    assert math.isclose(CROWD.area(8000) / CROWD.area(2000), 4.0)
    # 9 px for 1,000 people; area grows with the value: 9 * sqrt(8) and 9 * sqrt(2)
    assert outer.radius == pytest.approx(25.4558, abs=1e-4) and inner.radius == pytest.approx(12.7279, abs=1e-4)


def test_detentions_use_their_own_scale_and_colour(day):
    (symbol,) = _markers(day, {"detentions"})["kazan"].symbols
    # 7 px for 100 detentions: 7 * sqrt(1.23)
    assert symbol.colour == DETENTIONS.colour == "#c53030" and symbol.radius == pytest.approx(7.7634, abs=1e-4)


def test_temperature_colour_is_the_median_and_the_text_the_range(day):
    anadyr = _markers(day, {"temperature"})["anadyr"]
    (symbol,) = anadyr.symbols
    # -48 °C: two fifteenths of the way from -50 °C (#08306b) to -35 °C (#2171b5), channel by channel, rounded
    assert symbol.colour == "#0b3975" and symbol.colour != TEMPERATURE.colour(-52)
    assert "\u221252 to \u221240\u00a0°C, 3 reports" in anadyr.tooltip


def test_a_city_without_a_figure_for_the_layers_shown_is_neutral(day):
    markers = _markers(day, {"crowd", "detentions"})
    assert markers["anadyr"].neutral and markers["anadyr"].dot_colour == NEUTRAL_COLOUR
    assert not markers["kazan"].neutral
    assert markers["anadyr"].tooltip == "Anadyr: \u221252 to \u221240\u00a0°C, 3 reports"  # said, though not drawn


def test_a_city_with_no_figure_at_all_says_so(tmp_path):
    data = tiny_dataset(tmp_path, [report("r1", D23, "anadyr", "held")])
    marker = _markers(data, LAYERS)["anadyr"]
    assert marker.neutral and marker.tooltip == "Anadyr: protest reported, no figure"


def test_switching_layers_off_leaves_only_dots(day):
    markers = _markers(day, set())
    assert all(m.symbols == () and m.neutral for m in markers.values()) and len(markers) == 2


def test_popup_shows_each_counter_with_its_figure_and_the_reports_behind_it(day):
    popup = _markers(day, {"crowd"})["kazan"].popup_html
    assert _figures_in(popup) == {"police": "2,000", "organisers": "8,000", "OVD-Info": "123"}
    assert 'data-report-ids="r3"' in popup and "31 January" not in popup
    assert "as of 23 January, 21:00 (UTC+3)" in popup


def test_unknown_layers_are_refused(day):
    with pytest.raises(ValueError):
        _markers(day, {"rain"})


def test_far_east_longitudes_stay_continuous(day):
    assert _markers(day, set())["anadyr"].lon == pytest.approx(177.51)


def test_a_click_selects_the_nearest_dot_on_screen_not_in_degrees(day):
    markers = list(_markers(day, set()).values())
    assert nearest_city(markers, 55.7, 49.3) == "kazan"
    assert nearest_city(markers, 64.0, 178.0) == "anadyr"
    assert nearest_city([], 0, 0) is None
    # At 64.7°N a degree of longitude is under half a degree of latitude on the ground: a click 10° east
    # of Anadyr is nearer to it than to a dot 6° north of the click, once longitudes are scaled.
    anadyr = next(m for m in markers if m.city_id == "anadyr")
    north = anadyr.__class__(**{**anadyr.__dict__, "city_id": "north", "lat": anadyr.lat + 6, "lon": anadyr.lon + 10})
    assert nearest_city([anadyr, north], anadyr.lat, anadyr.lon + 10) == "anadyr"


def test_real_days_draw_every_city_of_the_day(dataset):
    rule = figures(dataset)
    summary = city_day_summary(dataset, rule)
    for day_ in summary["date"].unique():
        day_summary = summary[summary["date"] == day_]
        markers = city_markers(day_summary, counters_by_city(rule, day_), set(LAYERS), ENGLISH)
        one_day = dataset.reports[(dataset.reports["date"] == day_) & dataset.reports["date_end"].isna()]
        assert len(markers) == len(day_summary) == one_day["city_id"].dropna().nunique()
        assert all(not pd.isna(m.lat) for m in markers)


def test_switching_layers_on_cached_markers_draws_what_building_them_afresh_draws(dataset):
    rule = figures(dataset)
    summary = city_day_summary(dataset, rule)
    for day_ in summary["date"].unique():
        day_summary, counters = summary[summary["date"] == day_], counters_by_city(rule, day_)
        bare = city_markers(day_summary, counters, set(), ENGLISH)
        for size in range(len(LAYERS) + 1):
            for layers in itertools.combinations(LAYERS, size):
                assert with_layers(bare, day_summary, set(layers)) == city_markers(day_summary, counters,
                                                                                   set(layers), ENGLISH)


@pytest.fixture(scope="module")
def real_markers(dataset):
    rule = figures(dataset)
    summary = city_day_summary(dataset, rule)

    def on(day, city):
        day_summary = summary[(summary["date"] == pd.Timestamp(day)) & (summary["city_id"] == city)]
        (marker,) = city_markers(day_summary, counters_by_city(rule, pd.Timestamp(day)), set(LAYERS), ENGLISH)
        return marker
    return on


def test_kazan_on_31_january_reads_as_the_band_ovd_info_gave(real_markers):
    kazan = real_markers("2021-01-31", "kazan")
    assert _figures_in(kazan.popup_html)["OVD-Info"] == "50\u2013100"
    assert "50\u2013100 (OVD-Info)" in kazan.tooltip
    detentions = [s.value for s in kazan.symbols if s.layer == "detentions"]
    assert detentions == [100, 50]


def test_different_counters_stand_side_by_side_in_real_cities(real_markers):
    yakutsk = _figures_in(real_markers("2021-01-31", "yakutsk").popup_html)
    assert (yakutsk["police"], yakutsk["OVD-Info"]) == ("14", "2")
    samara = _figures_in(real_markers("2021-01-31", "samara").popup_html)
    assert {"123", "37"} <= set(samara.values())
    chelyabinsk = _figures_in(real_markers("2021-01-23", "chelyabinsk").popup_html)
    assert chelyabinsk["TASS"] == "at least 30" and "at least 12" in chelyabinsk.values()


def _absence_markers(tmp_path, rows, day=D23):
    from protest_data.summary import absences_by_city, reports_with_sources

    data = tiny_dataset(tmp_path, rows)
    rule = figures(data)
    summary = city_day_summary(data, rule)
    absences = absences_by_city(reports_with_sources(data), pd.Timestamp(day))
    day_summary = summary[summary["date"] == pd.Timestamp(day)]
    return {m.city_id: m for m in city_markers(day_summary, counters_by_city(rule, pd.Timestamp(day)),
                                                  set(LAYERS), ENGLISH, absences)}


def test_a_reported_absence_is_a_quiet_ring_with_its_source(tmp_path):
    from rendering.mapview import city_model, dot_key, dot_styles
    from rendering.symbols import ABSENCE_COLOUR, ABSENCE_RING_COLOUR

    markers = _absence_markers(tmp_path, [
        report("none", D23, "grozny", "no_protest", estimator="Reuters"),
        report("held", D23, "kazan", "held"),
    ])
    grozny = markers["grozny"]
    assert grozny.absence_only and grozny.symbols == () and grozny.dot_colour == ABSENCE_COLOUR
    assert not markers["kazan"].absence_only
    assert 'class="absence" data-report-ids="none"' in grozny.popup_html
    assert "no protest" in grozny.tooltip
    drawn = {city["id"]: city for city in city_model(list(markers.values()))["cities"]}
    assert drawn["grozny"]["absence"] and not drawn["kazan"]["absence"]
    ring = dot_styles()[dot_key(neutral=True, absence=True)]
    assert ring["fillColor"] == ABSENCE_COLOUR and ring["color"] == ABSENCE_RING_COLOUR


def test_a_conflict_between_sources_is_shown_not_resolved(tmp_path):
    markers = _absence_markers(tmp_path, [
        report("none", D23, "kazan", "no_protest", estimator="police"),
        report("crowd", D23, "kazan", "crowd", "300", "300", estimator="Reuters"),
    ])
    kazan = markers["kazan"]
    assert not kazan.absence_only and kazan.symbols
    assert 'class="absence conflict" data-report-ids="none"' in kazan.popup_html
    assert "Sources disagree" in kazan.popup_html and _figures_in(kazan.popup_html) == {"Reuters": "300"}


def test_the_legend_explains_the_absence_ring():
    from rendering.legend import legend_html

    for layers in ((), ("crowd",), LAYERS):
        legend = legend_html(layers, ENGLISH)
        assert legend.count('class="legend-block legend-absence"') == 1
