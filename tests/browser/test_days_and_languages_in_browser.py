"""The wave's other days, the Compare page's two days, and the Russian interface, in real Chromium."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from protest_data.summary import day_labels, held_only_days, protest_days
from rendering.i18n import ENGLISH, RUSSIAN
from tests.browser.harness import click_city, open_dashboard

pytestmark = pytest.mark.browser


def test_a_held_only_day_draws_no_figure_symbols_and_says_why(recording, server, dataset):
    days = held_only_days(dataset)
    if not days:
        pytest.skip("the data declares no held-only day")
    for day in days:
        frame = open_dashboard(recording.page, f"{server}/?date={day:%Y-%m-%d}&layers=crowd,detentions,temperature")
        expect(frame.locator("path.city-marker").first).to_be_attached()
        expect(frame.locator("path.symbol")).to_have_count(0)
        note = recording.page.locator(".st-key-held-only-note")
        expect(note).to_be_visible()
        expect(note).to_contain_text(ENGLISH._("On this day sources say where the action took place, not how many "
                                               "came or were detained city by city: the map shows where it was "
                                               "reported, without figure symbols."))


def test_the_compare_page_takes_its_two_days_from_the_url(recording, server, dataset):
    days = protest_days(dataset)
    first, second = days[0], pd.Timestamp("2021-04-21") if pd.Timestamp("2021-04-21") in days else days[-1]
    page = recording.page
    page.goto(f"{server}/compare?compare={first:%Y-%m-%d},{second:%Y-%m-%d}")
    names = day_labels(dataset, "en")
    expect(page.get_by_role("combobox", name=ENGLISH._("First day"))).to_have_value(names[first], timeout=60_000)
    expect(page.get_by_role("combobox", name=ENGLISH._("Second day"))).to_have_value(names[second])
    expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible()
    expect(page).to_have_url(re.compile(rf"compare={first:%Y-%m-%d}(%2C|,){second:%Y-%m-%d}"))


def test_the_russian_interface_and_back(recording, server, dataset):
    page = recording.page
    frame = open_dashboard(page, f"{server}/?lang=ru&date=2021-01-31&city=kazan")
    expect(page.locator("h1").first).to_have_text(RUSSIAN._("Navalny protests across Russia, 2021"))
    expect(page.locator("[data-testid='stSlider']").first).to_contain_text(day_labels(dataset, "ru")[
        pd.Timestamp("2021-01-31")])
    expect(page.locator(".legend-detentions .legend-title")).to_have_text(RUSSIAN._(
        "Detentions (area ∝ people detained): each counter's latest count; circles span the smallest to the largest"))
    popup = click_city(frame, "kazan")
    expect(popup.locator("#city-heading-kazan")).to_contain_text("Казань")
    expect(popup.locator(".metric-detentions .metric-label")).to_have_text(RUSSIAN._("Detentions"))
    quote = dataset.reports.set_index("report_id").loc["stahanov-20210131-4300-10", "quote"]
    card = page.locator("li.report[data-report-id='stahanov-20210131-4300-10']")
    expect(card.locator("blockquote")).to_have_text(quote)
    expect(card.locator(".badge.drawn")).to_have_text(RUSSIAN._("drawn on the map"))

    page.locator(".st-key-lang_switch").get_by_role("radio", name="English").click()
    expect(page.locator("h1").first).to_have_text(ENGLISH._("Navalny protests across Russia, 2021"))
    expect(page).to_have_url(re.compile(r"date=2021-01-31"))
    expect(page).to_have_url(re.compile(r"city=kazan"))
    expect(card.locator("blockquote")).to_have_text(quote)
    page.locator(".st-key-lang_switch").get_by_role("radio", name="Русский").click()
    expect(page.locator("h1").first).to_have_text(RUSSIAN._("Navalny protests across Russia, 2021"))
    expect(page).to_have_url(re.compile(r"lang=ru"))
    expect(page).to_have_url(re.compile(r"city=kazan"))
