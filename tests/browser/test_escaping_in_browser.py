"""Text from sources is shown as text in the browser, never run as markup or script."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from protest_data.tables import DEFAULT_DATA_DIR
from protest_data.validate import validate
from tests.conftest import read_rows, write_rows
from tools.browser import click_city, open_dashboard, streamlit_server

pytestmark = pytest.mark.browser

HOSTILE = 'In Kazan 500 people <img src=x onerror="alert(1)"> `${alert(2)}` \\ </script><script>alert(3)</script>'


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    source = read_rows(data / "sources.csv")[0]["source_id"]
    archive = data / "sources" / f"{source}.txt"
    archive.write_text(archive.read_text(encoding="utf-8") + "[...]\n" + HOSTILE + "\n", encoding="utf-8")
    sources = read_rows(data / "sources.csv")
    sources[0]["publisher"] = 'Outlet <b onmouseover="alert(4)">bold</b>'
    write_rows(data / "sources.csv", sources)
    reports = read_rows(data / "reports.csv")
    template = next(r for r in reports if r["city_id"] == "kazan" and r["date"] == "2021-01-23")
    reports.append({**template, "report_id": "hostile-01", "metric": "crowd", "counted": "", "value_low": "500",
                    "value_high": "500", "as_of": "", "date_end": "", "source_id": source, "quote": HOSTILE,
                    "estimator": "police", "note": "<i>note</i>"})
    write_rows(data / "reports.csv", reports)
    assert validate(data) == []
    with streamlit_server(env={"PROTEST_DATA_DIR": str(data)}) as base:
        yield base


def test_hostile_quote_shows_as_text_in_popup_and_panel(recording, hostile_server):
    page = recording.page
    frame = open_dashboard(page, f"{hostile_server}/?date=2021-01-23&city=kazan")
    popup = click_city(frame, "kazan")
    expect(popup).to_contain_text('Outlet <b onmouseover="alert(4)">bold</b>')  # the publisher, as text
    assert popup.locator("img").count() == 0 and popup.locator("b").filter(has_text="bold").count() == 0
    quote = page.locator("li.report[data-report-id='hostile-01'] blockquote")
    expect(quote).to_have_text(HOSTILE)
    assert page.locator("li.report[data-report-id='hostile-01'] img").count() == 0
    frame.locator("path.city-marker.city-kazan").hover(force=True)
    expect(frame.locator(".leaflet-tooltip.tooltip-kazan")).to_contain_text("Kazan")  # the tooltip is drawn: had it run, a dialog
    assert recording.dialogs == []
