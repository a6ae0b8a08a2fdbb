"""Coverage targets the dataset promises (issue: grow the dataset), and the command that prints them."""

from protest_data.coverage import coverage_by_day, coverage_by_region, national_coverage


def _day(dataset, day):
    table = coverage_by_day(dataset)
    return table[table["date"] == day].iloc[0]


def test_at_least_100_cities_on_23_january_and_60_on_31_january(dataset):
    assert _day(dataset, "2021-01-23")["cities"] >= 100
    assert _day(dataset, "2021-01-31")["cities"] >= 60


def test_at_least_50_cities_with_a_crowd_or_detention_figure_each_day(dataset):
    for day in ("2021-01-23", "2021-01-31"):
        assert _day(dataset, day)["cities_with_crowd_or_detentions"] >= 50


def test_national_running_counts_have_as_of_times(dataset):
    national = national_coverage(dataset)
    detentions = national[national["metric"] == "detentions"]
    assert len(detentions) == 2 and (detentions["with_as_of"] >= 5).all()


def test_regions_add_up_to_the_cities(dataset):
    regions = coverage_by_region(dataset)
    assert regions["cities 23 Jan"].sum() == _day(dataset, "2021-01-23")["cities"]
