"""A ready citation for one report: estimator, source, dataset with its version, access date."""

import datetime as dt

import pandas as pd

from protest_data.citation import dataset_reference
from protest_data.summary import reports_with_sources
from rendering.cards import CardActions, city_names, report_card
from rendering.citation import report_citation
from rendering.i18n import ENGLISH, RUSSIAN
from rendering.vocabulary import estimator_name
from tests.conftest import REPO

DATASET = dataset_reference(REPO / "CITATION.cff")
ACCESSED = dt.date(2026, 3, 5)


def _report(**changes):
    base = dict(report_id="outlet-20210131-x-01", date=pd.Timestamp("2021-01-31"), date_end=pd.NaT,
                city_id="kazan", metric="detentions", value_low=50.0, value_high=100.0, estimator="OVD-Info",
                publisher="Outlet", title="Detentions in Kazan", source_published="2021-01-31T20:15:00+03:00",
                url="https://example.org/kazan")
    base.update(changes)
    return pd.Series(base)


def test_a_citation_names_estimator_source_dataset_version_and_access_date():
    cited = report_citation(_report(), ENGLISH, dataset=DATASET, accessed=ACCESSED, city_name="Kazan")
    assert cited.startswith("OVD-Info: Detentions: 50\u2013100 (Kazan, 31 January 2021).")
    assert "Source: Outlet, \u201cDetentions in Kazan\u201d, 31 January 2021, https://example.org/kazan." in cited
    assert f"(Version {DATASET.version}) [Data set]" in cited and DATASET.title in cited
    assert "Report outlet-20210131-x-01." in cited
    assert cited.endswith("Accessed 5 March 2026.")


def test_the_access_date_is_the_one_passed_in():
    one = report_citation(_report(), ENGLISH, dataset=DATASET, accessed=dt.date(2026, 1, 1), city_name="Kazan")
    two = report_citation(_report(), ENGLISH, dataset=DATASET, accessed=dt.date(2027, 1, 1), city_name="Kazan")
    assert "Accessed 1 January 2026." in one and "Accessed 1 January 2027." in two


def test_unknown_titles_and_dates_are_left_out_not_invented():
    cited = report_citation(_report(title="unknown", source_published=pd.NA), ENGLISH, dataset=DATASET,
                            accessed=ACCESSED, city_name="Kazan")
    assert "Source: Outlet, https://example.org/kazan." in cited and "unknown" not in cited


def test_national_and_multi_day_figures_say_so():
    cited = report_citation(_report(city_id=pd.NA, metric="detentions", value_low=11000.0, value_high=pd.NA,
                                    date_end=pd.Timestamp("2021-02-02")), ENGLISH, dataset=DATASET, accessed=ACCESSED)
    assert "Detentions: at least 11,000 (nationwide, 31 January 2021 \u2013 2 February 2021)." in cited


def test_russian_citation():
    cited = report_citation(_report(), RUSSIAN, dataset=DATASET, accessed=ACCESSED, city_name="Казань")
    assert "(Казань, 31 января 2021 г.)" in cited and "OVD-Info: Задержания: 50\u2013100" in cited
    assert "Источник: Outlet, \u201cDetentions in Kazan\u201d, 31 января 2021 г., https://example.org/kazan." in cited
    assert f"(версия {DATASET.version}) [Набор данных]" in cited and cited.endswith("Дата обращения: 5 марта 2026 г.")


def test_every_real_report_can_be_cited(dataset):
    names = city_names(dataset.cities, ENGLISH)
    for _, report in reports_with_sources(dataset).iterrows():
        city = None if pd.isna(report["city_id"]) else names[report["city_id"]]
        cited = report_citation(report, ENGLISH, dataset=DATASET, accessed=ACCESSED, city_name=city)
        assert estimator_name(report["estimator"], ENGLISH) in cited and str(report["publisher"]) in cited
        assert str(report["url"]) in cited and str(report["report_id"]) in cited


def test_cards_carry_link_and_citation_escaped():
    actions = CardActions("./?report=", DATASET, ACCESSED, {"kazan": "Kazan"})
    hostile = '<img src=x onerror="alert(1)">'
    card = report_card(_report(quote="q", estimator=hostile, as_of_text=pd.NA, note=pd.NA, language="en"),
                       ENGLISH, actions=actions)
    assert '<a class="report-link" href="./?report=outlet-20210131-x-01"' in card
    assert '<details class="cite"><summary>Cite</summary><p class="citation">' in card
    assert "<img" not in card and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;: Detentions" in card
    assert "report-link" not in report_card(_report(quote="q", as_of_text=pd.NA, note=pd.NA), ENGLISH)
