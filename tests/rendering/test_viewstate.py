import pandas as pd

from rendering.viewstate import DEFAULT_LAYERS, View, read_view

DAYS = [pd.Timestamp("2021-01-23"), pd.Timestamp("2021-01-31")]
CITIES = ["kazan", "moscow"]


def test_a_full_query_restores_the_view():
    view, notices = read_view({"date": "2021-01-31", "layers": "detentions,temperature", "city": "kazan"}, DAYS, CITIES)
    assert view == View(DAYS[1], ("detentions", "temperature"), "kazan") and notices == []


def test_no_query_gives_the_defaults():
    assert read_view({}, DAYS, CITIES) == (View(DAYS[0], DEFAULT_LAYERS, None), [])


def test_invalid_values_fall_back_with_a_notice_each():
    view, notices = read_view({"date": "2021-02-30", "layers": "bogus", "city": "<script>"}, DAYS, CITIES)
    assert view == View(DAYS[0], DEFAULT_LAYERS, None)
    assert len(notices) == 3
    assert "2021-02-30" in notices[0] and "bogus" in notices[1] and "<script>" in notices[2]


def test_a_day_not_in_the_data_is_refused():
    view, notices = read_view({"date": "2021-02-02"}, DAYS, CITIES)
    assert view.date == DAYS[0] and notices


def test_known_layers_are_kept_beside_unknown_ones():
    view, notices = read_view({"layers": "crowd,rain"}, DAYS, CITIES)
    assert view.layers == ("crowd",) and "rain" in notices[0]


def test_no_layers_round_trips():
    view = View(DAYS[1], (), None)
    assert read_view(view.to_query(), DAYS, CITIES) == (view, [])


def test_streamlit_lists_are_accepted():
    view, _ = read_view({"date": ["2021-01-31"], "city": ["moscow"]}, DAYS, CITIES)
    assert view.date == DAYS[1] and view.city == "moscow"
