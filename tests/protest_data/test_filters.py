import pandas as pd
import pytest

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


@pytest.mark.parametrize("report_filter, name", [
    (ReportFilter(), "reports-all.csv"),
    (ReportFilter(days=[pd.Timestamp("2021-01-31")], cities=["novosibirsk"]), "reports-2021-01-31-novosibirsk.csv"),
    (ReportFilter(cities=["omsk", "tomsk", "kazan"]), "reports-3-cities.csv"),
    (ReportFilter(regions=["Sverdlovsk Oblast"], metrics=["detentions"]), "reports-sverdlovsk-oblast-detentions.csv"),
    (ReportFilter(estimators=["OVD-Info", "police"]), "reports-ovd-info-police.csv"),
    (ReportFilter(sources=["Новая газета"]), "reports-1-sources.csv"),  # no ASCII to name it by: counted
])
def test_file_names_say_what_the_filter_kept(report_filter, name):
    assert report_filter.file_name("csv") == name


def test_active_filters_are_the_non_empty_ones():
    active = ReportFilter(days=[pd.Timestamp("2021-01-31")], metrics=["crowd", "held"]).active
    assert active == {"days": (pd.Timestamp("2021-01-31"),), "metrics": ("crowd", "held")}
