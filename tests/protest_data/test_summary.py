"""The documented rules that turn many reports into what the map draws."""

import pandas as pd
import pytest

from protest_data.summary import (
    city_day_summary,
    day_labels,
    held_only_days,
    national_summary,
    protest_days,
    reports_for_city,
    reports_with_sources,
)
from tests.protest_data.fixtures import protest_day, report, tiny_dataset

D23, D31 = "2021-01-23", "2021-01-31"


def _row(summary, day, city):
    return summary[(summary["date"] == pd.Timestamp(day)) & (summary["city_id"] == city)].iloc[0]


def test_crowd_spans_every_counters_figure(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D23, "kazan", "crowd", "2000", "2000", estimator="police"),
        report("r2", D23, "kazan", "crowd", "5000", "", estimator="organisers"),  # 'more than 5,000'
        report("r3", D23, "kazan", "crowd", "", "8000", estimator="Reuters"),  # 'up to 8,000'
    ])
    kazan = _row(city_day_summary(data), D23, "kazan")
    assert (kazan["crowd_low"], kazan["crowd_high"], kazan["crowd_counters"]) == (2000, 8000, 3)


def test_figures_spanning_several_days_never_enter_a_day(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D23, "kazan", "held"),
        report("r2", D23, "kazan", "detentions", "500", "500", date_end=D31),
    ])
    kazan = _row(city_day_summary(data), D23, "kazan")
    assert pd.isna(kazan["detentions_high"]) and kazan["reports"] == 1


def test_each_city_and_day_is_one_row(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D23, "kazan", "held"), report("r2", D23, "kazan", "crowd", "10", "10"),
        report("r3", D31, "kazan", "held"), report("r4", D31, "anadyr", "held"),
    ])
    summary = city_day_summary(data)
    assert sorted(zip(summary["date"].dt.strftime("%d"), summary["city_id"])) == [
        ("23", "kazan"), ("31", "anadyr"), ("31", "kazan")]


def test_national_summary_uses_the_same_rule(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", D31, "", "detentions", "1009", "1009", as_of="2021-01-31T14:16:00+03:00"),
        report("r2", D31, "", "detentions", "5083", "5083", as_of="2021-01-31T23:32:00+03:00"),
        report("r3", D31, "", "cities", "88", "", counted="detentions", as_of="2021-02-06T12:00:00+03:00"),
        report("r4", D31, "", "cities", "85", "85", counted="detentions", as_of="2021-01-31T19:00:00+03:00"),
        report("r5", D31, "", "cities", "142", "142", estimator="organisers", counted="announced"),
        report("r6", D31, "", "cities", "", "100", estimator="Reuters", counted="protests"),
        report("r7", D31, "kazan", "held"),
    ])
    national = national_summary(data, D31)
    assert national["detentions"]["value_low"].tolist() == [5083]  # one counter: its latest count
    assert national["cities_in_dataset"] == 1
    assert national["cities_with_detentions"]["value_low"].tolist() == [88]  # the later count
    assert national["cities_with_protests"]["value_high"].tolist() == [100]  # announced plans left out


def test_days_offered_are_the_declared_days_with_reports(dataset):
    days = protest_days(dataset)
    declared = set(dataset.protest_days["date"])
    reported = set(dataset.reports["date"])
    assert days == sorted(declared & reported)  # in date order, each once
    assert len(days) >= 2  # something to compare


def test_a_declared_day_without_reports_is_not_offered(tmp_path):
    data = tiny_dataset(tmp_path, [report("r1", D31, "kazan", "held")])
    assert protest_days(data) == [pd.Timestamp(D31)]


def test_real_data_has_an_ovd_info_national_count_for_every_day(dataset):
    for day in protest_days(dataset):
        counters = national_summary(dataset, day)["detentions"]
        assert "OVD-Info" in set(counters["estimator"]) and counters["estimator"].is_unique, day


def test_day_labels_in_both_languages_name_the_date(dataset):
    english, russian = day_labels(dataset, "en"), day_labels(dataset, "ru")
    assert set(english) == set(russian) == set(dataset.protest_days["date"])
    for day in english:
        assert english[day].startswith(f"{day.day} {day:%B %Y}")
        assert russian[day].startswith(f"{day.day} ") and str(day.year) in russian[day]
        assert english[day] != russian[day]
    with pytest.raises(ValueError, match="'de'"):
        day_labels(dataset, "de")


def test_held_only_days_come_from_the_kind_column(tmp_path):
    data = tiny_dataset(tmp_path, [report("r1", D31, "kazan", "held")],
                        days=[protest_day(D23), protest_day(D31, kind="held_only")])
    assert held_only_days(data) == [pd.Timestamp(D31)]


def test_a_citys_reports_read_in_day_then_metric_order(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r3", D31, "kazan", "held"),
        report("r2", D23, "kazan", "detentions", "10", "10"),
        report("r1", D23, "kazan", "held"),
        report("r4", D23, "anadyr", "held"),
    ])
    assert reports_for_city(reports_with_sources(data), "kazan")["report_id"].tolist() == ["r1", "r2", "r3"]
