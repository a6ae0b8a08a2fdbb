"""The map in real Chromium against a real `streamlit run`: what a reader sees and clicks."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from protest_data.summary import city_day_summary, protest_days
from protest_data.tables import DEFAULT_DATA_DIR
from tools.browser import click_city, open_dashboard

pytestmark = pytest.mark.browser

with (DEFAULT_DATA_DIR / "protest_days.csv").open(newline="", encoding="utf-8") as _handle:
    DECLARED_DAYS = [row["date"] for row in csv.DictReader(_handle)]


def _cities_on(dataset, day: str) -> set[str]:
    summary = city_day_summary(dataset)
    return set(summary.loc[summary["date"] == pd.Timestamp(day), "city_id"])


def _drawn_cities(frame) -> set[str]:
    classes = frame.locator("path.city-marker").evaluate_all("els => els.map(e => e.getAttribute('class'))")
    return {re.search(r"city-(?!marker)([a-z0-9-]+)", c).group(1) for c in classes}


@pytest.mark.parametrize("day", DECLARED_DAYS)
def test_each_day_draws_one_marker_per_city(recording, server, dataset, day):
    expected = _cities_on(dataset, day)
    if not expected:
        pytest.skip(f"{day} is declared but has no city reports yet")
    frame = open_dashboard(recording.page, f"{server}/?date={day}")
    expect(frame.locator("path.city-marker")).to_have_count(len(expected))
    assert _drawn_cities(frame) == expected


def test_clicking_a_city_opens_its_popup_with_the_quote(recording, server):
    page = recording.page
    frame = open_dashboard(page, f"{server}/?date=2021-01-31")
    popup = click_city(frame, "yekaterinburg")
    expect(popup.locator("#city-heading-yekaterinburg")).to_be_visible()
    # the click also selects the city: side panel and URL follow, with every quote
    expect(page.get_by_role("heading", name=re.compile("Yekaterinburg · Екатеринбург"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"city=yekaterinburg"))
    expect(page.get_by_text("The Znak.com news website places the crowd size at 7,000 people.")).to_be_visible()


def test_toggles_change_what_is_drawn(recording, server):
    page = recording.page
    frame = open_dashboard(page, f"{server}/?date=2021-01-23&layers=crowd,detentions")
    expect(frame.locator("path.symbol-crowd").first).to_be_attached()
    detentions = frame.locator("path.symbol-detentions").count()
    assert detentions > 0 and frame.locator("path.symbol-temperature").count() == 0

    page.locator("label").filter(has_text="Crowd size").click()
    expect(frame.locator("path.symbol-crowd")).to_have_count(0)
    expect(frame.locator("path.symbol-detentions")).to_have_count(detentions)
    page.locator("label").filter(has_text="Temperature").click()
    expect(frame.locator("path.symbol-temperature").first).to_be_attached()
    expect(page).to_have_url(re.compile(r"layers=detentions%2Ctemperature|layers=detentions,temperature"))


def test_a_url_restores_the_view(recording, server):
    page = recording.page
    frame = open_dashboard(page, f"{server}/?date=2021-01-31&layers=detentions&city=kazan")
    expect(page.get_by_text("31 January 2021").first).to_be_visible()
    expect(frame.locator("path.symbol-crowd")).to_have_count(0)
    expect(frame.locator("path.symbol-detentions").first).to_be_attached()
    expect(page.get_by_role("heading", name=re.compile("Kazan · Казань"))).to_be_visible()


def test_invalid_parameters_show_a_notice_not_an_error(recording, server):
    page = recording.page
    open_dashboard(page, f"{server}/?date=2021-13-01&layers=rain")
    expect(page.get_by_text(re.compile("Ignored date='2021-13-01'"))).to_be_visible()
    expect(page.get_by_text(re.compile("Ignored unknown layer"))).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0


def test_changing_the_day_keeps_the_users_zoom(recording, server, dataset):
    days = protest_days(dataset)
    last = days[-1]
    on_last_only = sorted(_cities_on(dataset, last) - _cities_on(dataset, days[0])) or sorted(_cities_on(dataset, last))
    page = recording.page
    frame = open_dashboard(page, f"{server}/?date={days[0]:%Y-%m-%d}")
    map_frame = next(f for f in page.frames if "st_folium" in f.url)
    map_frame.evaluate("window.zooms = []; window.map.on('zoomend', () => window.zooms.push(window.map.getZoom()))")
    frame.locator(".leaflet-control-zoom-in").click()
    map_frame.wait_for_function("window.zooms.length === 1")  # a click during the zoom's animation is lost
    frame.locator(".leaflet-control-zoom-in").click()
    map_frame.wait_for_function("window.zooms.length === 2")  # both zooms have ended
    zoomed = map_frame.evaluate("window.map.getZoom()")
    slider = page.locator("[data-testid='stSlider'] input[type='range']").first
    slider.focus()
    slider.press("End")
    expect(page).to_have_url(re.compile(rf"date={last:%Y-%m-%d}"))
    expect(frame.locator(f"path.city-marker.city-{on_last_only[0]}")).to_have_count(1)
    assert map_frame.evaluate("window.map.getZoom()") == zoomed


def test_the_page_asks_no_host_but_the_app(recording, server, dataset):
    page = recording.page
    frame = open_dashboard(page, f"{server}/?date=2021-01-31&layers=crowd,detentions,temperature")
    expect(click_city(frame, "moscow")).to_contain_text("Moscow")
    page.wait_for_load_state("networkidle")
    assert recording.hosts == {server.split("//")[1]}


def test_kazan_on_31_january_reads_as_a_band_in_tooltip_and_popup(recording, server):
    """OVD-Info gave 'from 50 to 100': the tooltip and the popup both say 50–100, never a flat 50."""
    page = recording.page
    frame = open_dashboard(page, f"{server}/?date=2021-01-31&layers=detentions")
    dot = frame.locator("path.city-marker.city-kazan")
    dot.hover(force=True)
    tooltip = frame.locator(".leaflet-tooltip.tooltip-kazan")
    expect(tooltip).to_contain_text("Kazan")
    expect(tooltip).to_contain_text("50\u2013100 (OVD-Info)")
    popup = click_city(frame, "kazan")
    figure = popup.locator(".metric-detentions li.counter:has(.estimator:text-is('OVD-Info')) strong.figure")
    expect(figure).to_have_text("50\u2013100")
    expect(page.locator("li.report.drawn[data-report-id='stahanov-20210131-4300-10']")).to_be_visible()


def test_the_outlines_are_fetched_once_from_the_app_and_drawn_beneath_the_cities(recording, server, dataset):
    page = recording.page
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "/app/static/outline/" in request.url else None)
    days = protest_days(dataset)
    frame = open_dashboard(page, f"{server}/?date={days[0]:%Y-%m-%d}")
    expect(frame.locator("path.outline").first).to_be_attached()
    outlines = frame.locator("path.outline").count()
    assert outlines > 1  # Russia and its neighbours
    # The outlines lie in the pane beneath the cities' discs, so they never take a click.
    assert frame.locator(".leaflet-overlay-pane path.outline").count() == outlines
    assert frame.locator("path.outline").evaluate_all("els => els.every(e => !e.classList.contains('leaflet-interactive'))")
    slider = page.locator("[data-testid='stSlider'] input[type='range']").first
    slider.focus()
    slider.press("End")  # another day: the map's layers change, the outlines stay
    expect(page).to_have_url(re.compile(rf"date={days[-1]:%Y-%m-%d}"))
    expect(frame.locator("path.city-marker")).to_have_count(len(_cities_on(dataset, f"{days[-1]:%Y-%m-%d}")))
    expect(frame.locator("path.outline")).to_have_count(outlines)
    assert len(fetched) == 1 and fetched[0].startswith(server), fetched
