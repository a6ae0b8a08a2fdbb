
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
