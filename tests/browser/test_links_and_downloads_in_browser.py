"""Links, citations and downloads in Chromium against a real `streamlit run`.

- ?report=<id>, for a report chosen from the data on every day, opens that day and city with the
  report's card highlighted in the panel;
- "Share this view" shows the address of the view on screen;
- the Data page's downloads hold exactly the reports its visible filters select, in files whose names
  say the filter; the map's day is offered, never applied unasked;
- the map page's one-file map downloads as a self-contained HTML file.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import expect

from protest_data.filters import ReportFilter
from protest_data.summary import day_labels, figures, protest_days, reports_with_sources
from tests.browser.harness import click_city, open_dashboard

pytestmark = pytest.mark.browser


def _report_of(dataset, day: pd.Timestamp) -> pd.Series:
    """The first report (by id) behind a figure drawn in a city that day; on a day without figures (only
    'held' rows), the first report about a city that day. Chosen from the data, never hard-coded."""
    annotated = figures(dataset).reports
    drawn = annotated[annotated["drawn"] & (annotated["date"] == day) & (annotated["place"] != "")]
    if len(drawn):
        return drawn.sort_values("report_id").iloc[0].rename({"place": "city"})
    reports = dataset.reports
    rows = reports[(reports["date"] == day) & reports["date_end"].isna() & reports["city_id"].notna()]
    return rows.sort_values("report_id").iloc[0].rename({"city_id": "city"})


def test_a_report_link_highlights_its_card_on_every_day(recording, server, dataset):
    page = recording.page
    for day in protest_days(dataset):
        report = _report_of(dataset, day)
        open_dashboard(page, f"{server}/?report={report['report_id']}")
        highlighted = page.locator("li.report.highlight")
        expect(highlighted).to_have_count(1)
        expect(highlighted).to_have_attribute("data-report-id", str(report["report_id"]))
        expect(highlighted).to_be_in_viewport()
        query = parse_qs(urlsplit(page.url).query)
        assert query["date"] == [f"{day:%Y-%m-%d}"] and query["city"] == [report["city"]]
        assert query["report"] == [report["report_id"]]
    # Its own Link leads back to it; its citation names the dataset's version.
    card = page.locator("li.report.highlight")
    expect(card.locator("a.report-link")).to_have_attribute("href", f"./?report={report['report_id']}")
    card.locator("details.cite summary").click()
    expect(card.locator("p.citation")).to_contain_text("[Data set]")
    assert recording.hosts == {server.split("//")[1]}


def test_share_this_view_shows_the_views_address(recording, server):
    page = recording.page
    frame = open_dashboard(page, f"{server}/?date=2021-01-31&layers=detentions&city=kazan")
    page.get_by_role("button", name="Share this view").click()
    shown = page.locator("[data-testid='stPopoverBody'] code").first
    expect(shown).to_contain_text("city=kazan")
    address = shown.inner_text().strip()
    assert address.startswith(server)
    asked = parse_qs(urlsplit(address).query)
    assert asked["date"] == ["2021-01-31"] and asked["layers"] == ["detentions"] and asked["city"] == ["kazan"]
    assert parse_qs(urlsplit(page.url).query) == asked
    # A city clicked on the map is the city the address names.
    page.keyboard.press("Escape")
    click_city(frame, "moscow")
    expect(page).to_have_url(re.compile(r"city=moscow"))
    page.get_by_role("button", name="Share this view").click()
    expect(page.locator("[data-testid='stPopoverBody'] code").first).to_contain_text("city=moscow")


def _download(page, label: str) -> tuple[str, bytes]:
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name=label).click()
    download = info.value
    return download.suggested_filename, open(download.path(), "rb").read()


def _people_ids(data: bytes) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return [row["Report ID"] for row in rows]


def _city_on_several_days(dataset) -> tuple[str, pd.Timestamp]:
    one_day = dataset.reports[dataset.reports["date_end"].isna() & dataset.reports["city_id"].notna()]
    days = one_day.groupby("city_id")["date"].nunique().sort_values(ascending=False, kind="mergesort")
    city = days.index[0]
    return city, one_day.loc[one_day["city_id"] == city, "date"].max()


def test_the_data_pages_downloads_hold_what_its_visible_filters_select(recording, server, dataset):
    page = recording.page
    city, day = _city_on_several_days(dataset)
    name = dataset.cities.set_index("city_id").loc[city, "name_en"]
    label = day_labels(dataset, "en")[day]
    reports = reports_with_sources(dataset)
    page.goto(f"{server}/data?date={day:%Y-%m-%d}&city={city}")
    filters = page.get_by_text(re.compile(r"^Filters in use:"))
    expect(filters).to_have_text(f"Filters in use: City: {name}. The table and the downloads below hold these "
                                 "reports only.", timeout=60_000)
    day_filter = page.locator("[data-testid='stMultiSelect']").first
    expect(day_filter.get_by_text(label)).to_have_count(0)  # the map's day is not applied unasked

    wanted = ReportFilter(cities=[city]).apply(reports, dataset.cities)
    expect(page.get_by_text(re.compile(rf"^{len(wanted)} reports$"))).to_be_visible()
    name_csv, data = _download(page, "For people (CSV)")
    assert name_csv == ReportFilter(cities=[city]).file_name("csv") and data.startswith(b"\xef\xbb\xbf")
    assert sorted(_people_ids(data)) == sorted(wanted["report_id"])

    page.get_by_role("button", name=f"Only the map's day: {label}").click()
    expect(filters).to_contain_text(label)
    expect(filters).to_contain_text(name)
    expect(day_filter.get_by_text(label)).to_be_visible()
    both = ReportFilter(days=[day], cities=[city])
    wanted = both.apply(reports, dataset.cities)
    expect(page.get_by_text(re.compile(rf"^{len(wanted)} reports?$"))).to_be_visible()
    name_csv, data = _download(page, "For people (CSV)")
    assert name_csv == both.file_name("csv") == f"reports-{day:%Y-%m-%d}-{city}.csv"
    assert sorted(_people_ids(data)) == sorted(wanted["report_id"])
    name_xlsx, data = _download(page, "For people (Excel)")
    assert name_xlsx == both.file_name("xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert sorted(row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)) == sorted(wanted["report_id"])
    name_raw, data = _download(page, "Raw (CSV, as reports.csv)")
    assert name_raw == both.file_name("csv", prefix="reports-raw")
    raw = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert sorted(row["report_id"] for row in raw) == sorted(wanted["report_id"])
    assert {row["date"] for row in raw} == {f"{day:%Y-%m-%d}"} and {row["city_id"] for row in raw} == {city}
    assert recording.hosts == {server.split("//")[1]}


def test_the_map_page_downloads_its_one_file_copy(recording, server):
    page = recording.page
    open_dashboard(page, f"{server}/?date=2021-01-31")
    name, data = _download(page, "Download the map as one HTML file")
    assert name == "navalny-protests-map-en.html"
    html = data.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'id="map-data"' in html and "default-src 'none'" in html
