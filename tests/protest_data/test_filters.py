import pandas as pd

from protest_data.filters import ReportFilter
from protest_data.summary import reports_with_sources


def test_no_filter_keeps_everything(dataset):
    reports = reports_with_sources(dataset)
    assert len(ReportFilter().apply(reports, dataset.cities)) == len(reports)


def test_filters_combine(dataset):
    reports = reports_with_sources(dataset)
    kept = ReportFilter(days=[pd.Timestamp("2021-01-31")], metrics=["detentions"], estimators=["OVD-Info"]).apply(
        reports, dataset.cities)
    assert len(kept) > 0
    assert set(kept["metric"]) == {"detentions"} and set(kept["estimator"]) == {"OVD-Info"}
    assert set(kept["date"].dt.strftime("%d")) == {"31"}


def test_region_filter_uses_the_citys_region(dataset):
    reports = reports_with_sources(dataset)
    kept = ReportFilter(regions=["Crimea"]).apply(reports, dataset.cities)
    assert set(kept["city_id"]) <= {"simferopol", "feodosia"} and len(kept) > 0
