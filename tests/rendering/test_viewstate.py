import pandas as pd
import pytest

from rendering.viewstate import DEFAULT_LAYERS, View, read_view, report_locations

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


def test_language_and_comparison_travel_in_the_url():
    view = View(DAYS[1], ("crowd",), "kazan", "ru", (DAYS[1], DAYS[0]))
    assert view.to_query()["lang"] == "ru" and view.to_query()["compare"] == "2021-01-31,2021-01-23"
    assert read_view(view.to_query(), DAYS, CITIES) == (view, [])


def test_an_unknown_language_falls_back_with_a_notice():
    view, notices = read_view({"lang": "de"}, DAYS, CITIES)
    assert view.lang == "en" and len(notices) == 1 and "'de'" in notices[0]


def test_notices_speak_the_language_asked_for():
    _, notices = read_view({"lang": "ru", "city": "atlantis"}, DAYS, CITIES)
    assert notices == ["Город city='atlantis' не найден в данных, параметр пропущен."]


def test_the_browsers_language_is_the_default_and_the_url_overrides_it():
    assert read_view({}, DAYS, CITIES, default_lang="ru")[0].lang == "ru"
    assert read_view({"lang": "en"}, DAYS, CITIES, default_lang="ru")[0].lang == "en"
    assert read_view({}, DAYS, CITIES, default_lang="fr")[0].lang == "en"


def test_a_comparison_names_two_days_of_the_data():
    view, notices = read_view({"compare": "2021-01-23,2021-04-21"}, DAYS, CITIES)
    assert view.compare is None and notices


def test_the_default_comparison_is_the_design_cards_two_days():
    from rendering.viewstate import default_comparison

    wave = [pd.Timestamp(d) for d in ("2021-01-23", "2021-01-31", "2021-02-02", "2021-04-21")]
    assert default_comparison(wave) == (wave[0], wave[1])
    assert default_comparison([wave[3], wave[2]]) == (wave[2], wave[3])


REPORTS = {"kazan-31-01": (DAYS[1], "kazan"), "national-23-01": (DAYS[0], None),
           "later-01": (pd.Timestamp("2021-02-02"), "moscow")}


def test_a_report_link_opens_its_day_and_city_with_the_report_highlighted():
    view, notices = read_view({"report": "kazan-31-01"}, DAYS, CITIES, reports=REPORTS)
    assert view == View(DAYS[1], DEFAULT_LAYERS, "kazan", report="kazan-31-01") and notices == []
    assert read_view(view.to_query(), DAYS, CITIES, reports=REPORTS) == (view, [])


def test_a_report_decides_the_day_and_city_over_conflicting_parameters():
    view, notices = read_view({"report": "kazan-31-01", "date": "2021-01-23", "city": "moscow"}, DAYS, CITIES,
                              reports=REPORTS)
    assert (view.date, view.city, view.report) == (DAYS[1], "kazan", "kazan-31-01")
    assert len(notices) == 2 and "2021-01-23" in notices[0] and "moscow" in notices[1]


def test_a_national_report_keeps_the_city_asked_for():
    view, notices = read_view({"report": "national-23-01", "city": "moscow"}, DAYS, CITIES,
                              reports=REPORTS)
    assert (view.date, view.city, view.report) == (DAYS[0], "moscow", "national-23-01") and notices == []


@pytest.mark.parametrize("report", ["no-such-report", "later-01", "<script>"])
def test_an_unknown_or_unmapped_report_falls_back_with_a_notice(report):
    view, notices = read_view({"report": report, "date": "2021-01-31"}, DAYS, CITIES, reports=REPORTS)
    assert view == View(DAYS[1], DEFAULT_LAYERS, None)
    assert len(notices) == 1 and repr(report) in notices[0]


def test_report_locations_come_from_the_data(dataset):
    locations = report_locations(dataset.reports)
    assert set(locations) == set(dataset.reports["report_id"])
    for row in dataset.reports.sample(20, random_state=1).itertuples():
        day, city = locations[row.report_id]
        assert day == row.date and city == (None if pd.isna(row.city_id) else row.city_id)
