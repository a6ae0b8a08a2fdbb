"""The figure rule, case by case, on a tiny hand-made dataset (CODEBOOK.md, "How the map picks a figure")."""

import pandas as pd

from protest_data.figures import UNNAMED_ESTIMATORS
from protest_data.summary import city_day_summary, day_counters, figures
from tests.protest_data.fixtures import report, tiny_dataset

D23 = "2021-01-23"
DAY = pd.Timestamp(D23)


def _rule(tmp_path, rows):
    data = tiny_dataset(tmp_path, rows)
    return data, figures(data)


def _counters(rule, metric, place="kazan"):
    counters = day_counters(rule, DAY, place)
    return counters[counters["metric"] == metric].reset_index(drop=True)


def _drawn(rule):
    return set(rule.reports.loc[rule.reports["drawn"], "report_id"])


def test_a_band_stays_a_band(tmp_path):
    data, rule = _rule(tmp_path, [report("r1", D23, "kazan", "detentions", "50", "100")])
    (row,) = _counters(rule, "detentions").itertuples()
    assert (row.value_low, row.value_high) == (50, 100)
    kazan = city_day_summary(data, rule).iloc[0]
    assert (kazan["detentions_low"], kazan["detentions_high"]) == (50, 100)


def test_bounds_stay_bounds(tmp_path):
    _, rule = _rule(tmp_path, [
        report("r1", D23, "kazan", "crowd", "5000", "", estimator="organisers"),  # 'more than 5,000'
        report("r2", D23, "kazan", "crowd", "", "10000", estimator="Reuters"),  # 'up to 10,000'
    ])
    shapes = {r.estimator: (r.value_low, r.value_high) for r in _counters(rule, "crowd").itertuples()}
    assert shapes["organisers"][0] == 5000 and pd.isna(shapes["organisers"][1])
    assert pd.isna(shapes["Reuters"][0]) and shapes["Reuters"][1] == 10000


def test_a_later_count_by_the_same_counter_supersedes_an_earlier_one(tmp_path):
    _, rule = _rule(tmp_path, [
        report("early", D23, "kazan", "detentions", "90", "90", as_of="2021-01-23T15:00:00+03:00"),
        report("late", D23, "kazan", "detentions", "60", "60", as_of="2021-01-23T21:00:00+03:00"),
    ])
    (row,) = _counters(rule, "detentions").itertuples()
    assert row.report_ids == ("late",) and row.value_low == 60 and row.history == 1
    superseded = rule.reports.set_index("report_id")["superseded"]
    assert superseded["early"] and not superseded["late"]


def test_a_count_published_the_next_day_is_later_than_any_count_of_the_day(tmp_path):
    _, rule = _rule(tmp_path, [
        report("evening", D23, "kazan", "detentions", "100", "100", as_of="2021-01-23T23:50:00+03:00"),
        report("next-day", D23, "kazan", "detentions", "80", "80", source_id="s2"),  # s2: 25 Jan, no time
    ])
    (row,) = _counters(rule, "detentions").itertuples()
    assert row.report_ids == ("next-day",)


def test_an_unknown_time_never_beats_a_known_time_on_the_same_date(tmp_path):
    _, rule = _rule(tmp_path, [
        report("timed", D23, "kazan", "detentions", "40", "40", as_of="2021-01-23T09:00:00+03:00"),
        report("undated", D23, "kazan", "detentions", "70", "70"),  # s1: published 23 Jan, no time
    ])
    (row,) = _counters(rule, "detentions").itertuples()
    assert row.report_ids == ("timed",)
    assert _drawn(rule) == {"timed"}


def test_at_the_same_time_the_larger_count_wins_and_equal_reprints_are_all_behind_it(tmp_path):
    _, rule = _rule(tmp_path, [
        report("a", D23, "kazan", "detentions", "30", "30", as_of="2021-01-23T18:00:00+03:00"),
        report("b", D23, "kazan", "detentions", "37", "37", as_of="2021-01-23T18:00:00+03:00"),
        report("c", D23, "kazan", "detentions", "37", "37", as_of="2021-01-23T18:00:00+03:00", source_id="s2"),
    ])
    (row,) = _counters(rule, "detentions").itertuples()
    assert row.value_low == 37 and set(row.report_ids) == {"b", "c"}
    assert _drawn(rule) == {"b", "c"}


def test_two_counters_stand_side_by_side(tmp_path):
    data, rule = _rule(tmp_path, [
        report("ovd", D23, "kazan", "detentions", "2", "2", as_of="2021-01-23T08:30:00+03:00"),
        report("pol", D23, "kazan", "detentions", "14", "14", estimator="police"),
    ])
    counters = _counters(rule, "detentions")
    assert dict(zip(counters["estimator"], counters["value_low"])) == {"OVD-Info": 2, "police": 14}
    assert list(counters["estimator"]) == ["OVD-Info", "police"]  # monitors first
    assert _drawn(rule) == {"ovd", "pol"}
    kazan = city_day_summary(data, rule).iloc[0]
    assert (kazan["detentions_low"], kazan["detentions_high"], kazan["detentions_counters"]) == (2, 14, 2)


def test_unnamed_estimators_are_one_counter_per_source(tmp_path):
    name = sorted(UNNAMED_ESTIMATORS)[0]
    rows = [report("x", D23, "kazan", "crowd", "100", "100", estimator=name),
            report("y", D23, "kazan", "crowd", "300", "300", estimator=name, source_id="s2")]
    data = tiny_dataset(tmp_path, rows, extra_estimators=[name])
    counters = _counters(figures(data), "crowd")
    assert sorted(counters["value_low"]) == [100, 300]


def test_temperatures_keep_every_report_and_colour_by_the_median(tmp_path):
    data, rule = _rule(tmp_path, [
        report("t1", D23, "anadyr", "temperature_c", "-54", "-54", estimator="Reuters"),
        report("t2", D23, "anadyr", "temperature_c", "-50", "-50", estimator="police"),
        report("t3", D23, "anadyr", "temperature_c", "-48", "-48", estimator="organisers"),
    ])
    anadyr = city_day_summary(data, rule).iloc[0]
    assert (anadyr["temperature_low"], anadyr["temperature_high"]) == (-54, -48)
    assert anadyr["temperature_middle"] == -50 and anadyr["temperature_counters"] == 3
    assert _drawn(rule) == {"t1", "t2", "t3"}


def test_a_figure_spanning_several_days_is_never_drawn(tmp_path):
    _, rule = _rule(tmp_path, [
        report("wave", D23, "kazan", "detentions", "300", "300", date_end="2021-01-31"),
        report("day", D23, "kazan", "detentions", "20", "20"),
    ])
    assert _drawn(rule) == {"day"}
