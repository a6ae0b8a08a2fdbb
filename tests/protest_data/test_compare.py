import pandas as pd

from protest_data.compare import compare_days, national_timeline, top_detentions
from tests.protest_data.fixtures import report, tiny_dataset

D23, D31 = "2021-01-23", "2021-01-31"


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


def test_real_timeline_shows_both_days(dataset):
    timeline = national_timeline(dataset, [pd.Timestamp(D23), pd.Timestamp(D31)])
    assert set(timeline["day"]) == {"23 January", "31 January"}
