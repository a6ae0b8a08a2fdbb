import pandas as pd
import pytest

from protest_data.compare import compare_days, default_comparison, national_timeline, top_detentions
from protest_data.summary import national_counts, protest_days
from tests.protest_data.fixtures import protest_day, report, tiny_dataset

D23, D31, D21A = "2021-01-23", "2021-01-31", "2021-04-21"


def test_days_side_by_side_with_missing_figures_left_missing(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D23, "kazan", "detentions", "50", "100"),
        report("r2", D31, "kazan", "detentions", "80", "80"),
        report("r3", D23, "anadyr", "held"),
        report("r4", D31, "anadyr", "detentions", "3", "3"),
    ])
    table = compare_days(data, D23, D31).set_index("city_id")
    assert (table.loc["kazan", "detentions_low_a"], table.loc["kazan", "detentions_high_a"]) == (50, 100)
    assert table.loc["kazan", "detentions_high_b"] == 80
    assert pd.isna(table.loc["anadyr", "detentions_high_a"])  # nothing on 23 January is not zero
    assert bool(table.loc["anadyr", "reported_a"]) and bool(table.loc["anadyr", "reported_b"])


def test_cities_reported_on_one_day_only_are_listed(tmp_path):
    data = tiny_dataset(tmp_path, [report("r1", D31, "kazan", "held")])
    table = compare_days(data, D23, D31)
    assert table["city_id"].tolist() == ["kazan"]
    assert not table.loc[0, "reported_a"] and table.loc[0, "reported_b"]
    assert table.loc[0, "reported_on"] == "b"


def test_any_two_days_compare_in_either_order(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D23, "kazan", "detentions", "171", "171"),
        report("r2", D21A, "kazan", "detentions", "68", "68"),
        report("r3", D21A, "anadyr", "held"),
    ])
    forward = compare_days(data, D23, D21A).set_index("city_id")
    backward = compare_days(data, D21A, D23).set_index("city_id")
    assert (forward.loc["kazan", "detentions_high_a"], forward.loc["kazan", "detentions_high_b"]) == (171, 68)
    assert (backward.loc["kazan", "detentions_high_a"], backward.loc["kazan", "detentions_high_b"]) == (68, 171)
    assert forward.loc["kazan", "reported_on"] == "both" and forward.loc["anadyr", "reported_on"] == "b"
    assert backward.loc["anadyr", "reported_on"] == "a"
    assert not [c for c in forward.columns if "23" in c or "21" in c or "jan" in c.lower() or "apr" in c.lower()]


def test_default_comparison_prefers_23_and_31_january(tmp_path):
    days = [pd.Timestamp(d) for d in (D21A, D31, "2021-02-02", D23)]
    assert default_comparison(days) == (pd.Timestamp(D23), pd.Timestamp(D31))


def test_default_comparison_falls_back_to_the_first_two_days():
    days = [pd.Timestamp(d) for d in (D21A, "2021-02-14", D31)]
    assert default_comparison(days) == (pd.Timestamp(D31), pd.Timestamp("2021-02-14"))


def test_default_comparison_needs_two_days():
    with pytest.raises(ValueError, match="two protest days"):
        default_comparison([pd.Timestamp(D23), pd.Timestamp(D23)])


def test_real_data_default_pair_is_offered(dataset):
    first, second = default_comparison(protest_days(dataset))
    assert first < second and {first, second} <= set(protest_days(dataset))


def test_top_detentions_ranks_cities(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D23, "kazan", "detentions", "171", "171"),
        report("r2", D23, "anadyr", "detentions", "3", "3"),
    ])
    assert top_detentions(data, D23)["city_id"].tolist() == ["kazan", "anadyr"]


def test_national_timeline_uses_timed_ovd_info_counts_on_one_axis(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D23, "", "detentions", "1090", "1090", as_of="2021-01-23T16:59:00+03:00"),
        report("r2", D31, "", "detentions", "5083", "5083", as_of="2021-01-31T23:32:00+03:00"),
        report("r3", D31, "", "detentions", "3000", "", estimator="Reuters", as_of="2021-01-31T16:00:00+03:00"),
        report("r4", D31, "", "detentions", "419", "419"),  # no time: not on the time axis
    ])
    timeline = national_timeline(data, [pd.Timestamp(D23), pd.Timestamp(D31)])
    assert timeline["report_id"].tolist() == ["r1", "r2"]
    assert timeline["hours_since_day_began"].round(2).tolist() == [16.98, 23.53]


def test_national_timeline_runs_in_date_order_over_any_days(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D21A, "", "detentions", "1226", "1226", as_of="2021-04-21T23:10:00+03:00"),
        report("r2", D23, "", "detentions", "1090", "1090", as_of="2021-01-23T16:59:00+03:00"),
        report("r3", D21A, "", "detentions", "220", "220", as_of="2021-04-21T18:20:00+03:00"),
    ], days=[protest_day(D23), protest_day(D21A)])
    timeline = national_timeline(data, [pd.Timestamp(D21A), pd.Timestamp(D23)])
    assert timeline["report_id"].tolist() == ["r2", "r3", "r1"]
    assert timeline["day"].tolist() == ["23 January", "21 April", "21 April"]


def test_real_timeline_shows_every_day_with_a_timed_ovd_info_count(dataset):
    days = protest_days(dataset)
    timeline = national_timeline(dataset, days)
    expected = set()
    for day in days:
        counts = national_counts(dataset, day)
        if ((counts["estimator"] == "OVD-Info") & counts["as_of"].notna()).any():
            expected.add(day)
    assert set(timeline["date"]) == expected and len(expected) >= 2
    assert timeline["date"].is_monotonic_increasing
