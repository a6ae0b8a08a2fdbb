import pandas as pd
import pytest

from protest_data.filters import ReportFilter
from protest_data.summary import reports_with_sources


def test_no_filter_keeps_everything(dataset):
    reports = reports_with_sources(dataset)
    assert len(ReportFilter().apply(reports, dataset.cities)) == len(reports)


def test_filters_combine(dataset):
    reports = reports_with_sources(dataset)
    day = reports.loc[(reports["metric"] == "detentions") & (reports["estimator"] == "OVD-Info"), "date"].iloc[0]
    kept = ReportFilter(days=[day], metrics=["detentions"], estimators=["OVD-Info"]).apply(reports, dataset.cities)
    assert len(kept) > 0
    assert set(kept["metric"]) == {"detentions"} and set(kept["estimator"]) == {"OVD-Info"}
    assert set(kept["date"]) == {day}
    expected = reports[(reports["date"] == day) & (reports["metric"] == "detentions") & (reports["estimator"] == "OVD-Info")]
    assert len(kept) == len(expected)


def test_region_filter_uses_the_citys_region(dataset):
    reports = reports_with_sources(dataset)
    region = dataset.cities["region"].dropna().iloc[0]
    in_region = set(dataset.cities.loc[dataset.cities["region"] == region, "city_id"])
    kept = ReportFilter(regions=[region]).apply(reports, dataset.cities)
    assert len(kept) > 0 and set(kept["city_id"]) <= in_region and set(kept["region"]) == {region}
    assert len(kept) == reports["city_id"].isin(in_region).sum()


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
