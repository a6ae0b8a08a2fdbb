"""Pages in Chromium: navigation keeps the view; each download parses as documented."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import frictionless
import pytest
from playwright.sync_api import expect

from protest_data.exports import report_columns
from tests.browser.harness import open_dashboard

pytestmark = pytest.mark.browser


def test_navigation_keeps_the_day_and_city(recording, server):
    page = recording.page
    open_dashboard(page, f"{server}/?date=2021-01-31&city=kazan")
    for name, path in (("Data", "/data"), ("Compare the days", "/compare"), ("Sources & method", "/sources"),
                       ("Map", "/")):
        page.get_by_role("link", name=name).click()
        expect(page).to_have_url(re.compile(re.escape(server + path) + r"\?date=2021-01-31.*city=kazan"))
    expect(page.get_by_role("heading", name=re.compile("Kazan · Казань"))).to_be_visible()


def _download(page, label: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    return open(info.value.path(), "rb").read()


def test_every_download_parses(recording, server, dataset, tmp_path):
    page = recording.page
    page.goto(f"{server}/data?date=2021-01-23")
    expect(page.get_by_role("button", name="Raw (CSV, as reports.csv)")).to_be_visible(timeout=60_000)

    # The map's day is offered, not applied: with no filter in use, the raw CSV holds every report.
    rows = list(csv.DictReader(io.StringIO(_download(page, "Raw (CSV, as reports.csv)").decode("utf-8"))))
    assert list(rows[0].keys()) == report_columns(dataset)
    assert sorted(row["report_id"] for row in rows) == sorted(dataset.reports["report_id"])

    collection = json.loads(_download(page, "City summary (GeoJSON)"))
    assert collection["type"] == "FeatureCollection"
    ids = [feature["properties"]["city_id"] for feature in collection["features"]]
    assert sorted(ids) == sorted(dataset.cities["city_id"])
    assert all(f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2
               for f in collection["features"])

    with zipfile.ZipFile(io.BytesIO(_download(page, "Whole data package (zip)"))) as archive:
        archive.extractall(tmp_path)
    report = frictionless.validate(str(tmp_path / "navalny-protests-2021" / "datapackage.json"))
    assert report.valid
    assert recording.hosts == {server.split("//")[1]}
