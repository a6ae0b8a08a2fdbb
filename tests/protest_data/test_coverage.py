"""Coverage targets the dataset promises (issues: grow the dataset; the whole 2021 wave), and the command
that prints them. Targets name the days they were set for; everything else holds for any set of days."""

import subprocess
import sys

from protest_data.coverage import coverage_by_day, coverage_by_region, national_coverage
from protest_data.summary import protest_days
from tests.conftest import REPO
from tests.protest_data.fixtures import report, tiny_dataset


def _day(dataset, day):
    table = coverage_by_day(dataset)
    return table[table["date"] == day].iloc[0]


def test_at_least_100_cities_on_23_january_and_60_on_31_january(dataset):
    assert _day(dataset, "2021-01-23")["cities"] >= 100
    assert _day(dataset, "2021-01-31")["cities"] >= 60


def test_at_least_50_cities_with_a_crowd_or_detention_figure_on_the_january_days(dataset):
    for day in ("2021-01-23", "2021-01-31"):
        assert _day(dataset, day)["cities_with_crowd_or_detentions"] >= 50


def test_21_april_has_40_cities_25_with_a_figure_and_14_february_12_held(dataset):
    assert _day(dataset, "2021-04-21")["cities"] >= 40
    assert _day(dataset, "2021-04-21")["cities_with_crowd_or_detentions"] >= 25
    assert _day(dataset, "2021-02-14")["cities_with_held"] >= 12


def test_coverage_has_one_row_per_declared_day_in_date_order(dataset):
    table = coverage_by_day(dataset)
    assert table["date"].tolist() == sorted(dataset.protest_days["date"])
    assert table["kind"].tolist() == dataset.protest_days.sort_values("date")["kind"].tolist()


def test_held_only_days_have_no_city_figures(dataset):
    table = coverage_by_day(dataset)
    held_only = table[table["kind"] == "held_only"]
    assert (held_only[["cities_with_crowd", "cities_with_detentions", "cities_with_temperature_c"]] == 0).all().all()


def test_every_day_has_a_national_count_and_timed_counts_span_several_days(dataset):
    national = national_coverage(dataset)
    detentions = national[national["metric"] == "detentions"]
    assert set(detentions["date"]) == set(protest_days(dataset))
    assert (detentions["with_as_of"] >= 5).sum() >= 2  # a running count to draw on more than one day


def test_regions_add_up_to_the_cities_on_every_day(dataset):
    regions = coverage_by_region(dataset)
    for day in dataset.protest_days["date"]:
        assert regions[f"cities {day:%d %b}"].sum() == _day(dataset, day)["cities"], day


def test_coverage_command_prints_every_day():
    result = subprocess.run([sys.executable, "-m", "protest_data", "coverage"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "Cities per protest day" in result.stdout and "Cities per region" in result.stdout
    days = (REPO / "data" / "protest_days.csv").read_text(encoding="utf-8").splitlines()[1:]
    for line in days:
        assert line.split(",")[0] in result.stdout


def test_cities_with_a_figure_or_an_absence_are_subsets_of_all_cities(dataset):
    """Properties of the real data: whatever it holds on any day, the counts nest."""
    reports = dataset.reports[dataset.reports["date_end"].isna() & dataset.reports["city_id"].notna()]
    for row in coverage_by_day(dataset).itertuples():
        that_day = reports[reports["date"] == row.date]
        absent = set(that_day.loc[that_day["metric"] == "no_protest", "city_id"])
        assert row.cities_with_no_protest == len(absent)
        assert row.cities_with_figure <= row.protest_cities <= row.cities
        assert row.protest_cities + row.cities_with_no_protest - row.cities_with_both == row.cities
        assert row.cities_with_crowd_or_detentions <= row.cities_with_figure


def test_absences_are_counted_apart_from_protests(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("r1", "2021-01-23", "kazan", "crowd", "2000", "2000"),
        report("r2", "2021-01-23", "anadyr", "held"),
        report("r3", "2021-01-23", "grozny", "no_protest", quote="no protest in Grozny"),
        report("r4", "2021-01-23", "anadyr", "no_protest", quote="no protest in Anadyr"),
    ])
    day = _day(data, "2021-01-23")
    assert (day["cities"], day["protest_cities"], day["cities_with_figure"]) == (3, 2, 1)
    assert (day["cities_with_no_protest"], day["cities_with_both"]) == (2, 1)
    regions = coverage_by_region(data).set_index("region")
    assert regions.loc["Chechnya", "no protest 23 Jan"] == 1 and regions.loc["Chechnya", "with figures 23 Jan"] == 0


def test_coverage_command_prints_absences():
    result = subprocess.run([sys.executable, "-m", "protest_data", "coverage"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "cities_with_figure" in result.stdout and "cities_with_no_protest" in result.stdout
