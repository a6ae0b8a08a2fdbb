"""The one-file map in real Chromium, opened from file:// with every other request refused.

The file is exported from the data (``rendering.standalone.export_html``), written to a temporary
folder and opened from disk. Every request to anything but file:// is aborted and recorded; the tests
assert there were none, and that the page still draws, switches days, and shows quotes with sources.
"""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

import pandas as pd
import pytest
from playwright.sync_api import expect

from protest_data.figures import UNNAMED_ESTIMATORS
from protest_data.summary import city_day_summary, figures, protest_days, reports_with_sources
from protest_data.tables import DEFAULT_DATA_DIR, load_dataset
from protest_data.validate import validate
from rendering.i18n import ENGLISH
from rendering.standalone import export_html
from rendering.vocabulary import estimator_name
from tests.conftest import read_rows, write_rows

pytestmark = pytest.mark.browser

HOSTILE = ('In Moscow 500 people <img src=x onerror="alert(1)"> `${alert(2)}` \\ '
           '</script><script>alert(3)</script></template><img src=y onerror="alert(5)">')
HOSTILE_PUBLISHER = 'Outlet <b onmouseover="alert(4)">bold</b>'


class OfflinePage:
    """A browser page for which only file:// exists: anything else is aborted and recorded."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.attempts: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.context.on("request", self._seen)
        self.page = self.context.new_page()
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        if urlsplit(route.request.url).scheme == "file":
            route.continue_()
        else:
            self.attempts.append(route.request.url)
            route.abort()

    def _seen(self, request):
        if urlsplit(request.url).scheme not in ("file", "data") and request.url not in self.attempts:
            self.attempts.append(request.url)

    def open(self, path, fragment: str = ""):
        self.page.goto(path.as_uri() + fragment)
        self.page.locator("path.city-marker").first.wait_for(timeout=30_000)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("one-file") / "map.html"
    path.write_text(export_html(DEFAULT_DATA_DIR, "en"), encoding="utf-8")
    return path


@pytest.fixture
def offline(chromium):
    page = OfflinePage(chromium)
    yield page
    assert page.attempts == [], f"the page asked the network for {page.attempts}"
    assert page.errors == [], page.errors
    page.close()


def _days(dataset) -> list[str]:
    return [f"{day:%Y-%m-%d}" for day in protest_days(dataset)]


def _cities_on(dataset, day: str) -> set[str]:
    summary = city_day_summary(dataset)
    return set(summary.loc[summary["date"] == pd.Timestamp(day), "city_id"])


def _drawn_cities(page) -> set[str]:
    classes = page.locator("path.city-marker").evaluate_all("els => els.map(e => e.getAttribute('class'))")
    return {re.search(r"city-(?!marker)([a-z0-9-]+)", c).group(1) for c in classes}


def _report_of(dataset, day: str, city: str | None = None) -> pd.Series:
    """A report chosen from the data: the first (by id) behind a figure drawn that day in a city, or, on a
    day with no figures (only 'held' rows), the first report about a city that day."""
    annotated = figures(dataset).reports
    rows = annotated[annotated["drawn"] & (annotated["date"] == pd.Timestamp(day)) & (annotated["place"] != "")]
    if city is not None:
        rows = rows[rows["place"] == city]
    if len(rows):
        return rows.sort_values("report_id").iloc[0]
    reports = reports_with_sources(dataset)
    rows = reports[(reports["date"] == pd.Timestamp(day)) & reports["date_end"].isna() & reports["city_id"].notna()]
    if city is not None:
        rows = rows[rows["city_id"] == city]
    return rows.sort_values("report_id").iloc[0].rename({"city_id": "place"})


def test_every_day_draws_one_dot_per_city_with_nothing_from_the_network(offline, exported, dataset):
    page = offline.open(exported)
    for day in _days(dataset):
        page.select_option("#day", day)
        expect(page.locator("body")).to_have_attribute("data-drawn", day)
        expect(page.locator("path.city-marker")).to_have_count(len(_cities_on(dataset, day)))
        assert _drawn_cities(page) == _cities_on(dataset, day)
        expect(page).to_have_url(re.compile(f"#date={day}"))


def test_clicking_moscow_shows_its_figures_and_a_quote_with_its_source(offline, exported, dataset):
    page = offline.open(exported)
    for day in _days(dataset):
        if "moscow" not in _cities_on(dataset, day):
            continue
        page.select_option("#day", day)
        page.locator("path.city-marker.city-moscow").click(force=True)
        expect(page.locator("#panel #city-heading-moscow")).to_be_visible()
        expect(page.locator(".leaflet-popup")).to_have_count(1)  # the last day's popup has faded out
        expect(page.locator(".leaflet-popup-content .city-popup[data-city='moscow']")).to_be_visible()
        report = _report_of(dataset, day, "moscow")
        card = page.locator(f"#panel li.report[data-report-id='{report['report_id']}']")
        expect(card.locator("blockquote")).to_have_text(str(report["quote"]))
        expect(card.locator("div.source a")).to_have_attribute("href", str(report["url"]))
        expect(card.locator("div.source a")).to_have_text(str(report["publisher"]))
        expect(card.locator(".estimator")).to_have_text(estimator_name(report["estimator"], ENGLISH))
        expect(card.locator("a.report-link")).to_have_attribute("href", f"#report={report['report_id']}")
        if report["metric"] in ("crowd", "detentions", "temperature_c"):
            expect(page.locator("#panel .panel-figures .metric").first).to_be_visible()
        expect(page).to_have_url(re.compile(f"#date={day}.*city=moscow"))


def test_layer_toggles_change_symbols_and_legends(offline, exported, dataset):
    temperatures = dataset.reports[(dataset.reports["metric"] == "temperature_c") & dataset.reports["city_id"].notna()]
    day = f"{temperatures['date'].min():%Y-%m-%d}"
    page = offline.open(exported, f"#date={day}")
    expect(page.locator("path.symbol-crowd").first).to_be_attached()
    assert page.locator("path.symbol-temperature").count() == 0
    expect(page.locator(".legend-temperature")).to_be_hidden()
    page.locator("input[data-layer='crowd']").uncheck()
    expect(page.locator("path.symbol-crowd")).to_have_count(0)
    expect(page.locator(".legend-crowd")).to_be_hidden()
    page.locator("input[data-layer='temperature']").check()
    expect(page.locator("path.symbol-temperature").first).to_be_attached()
    expect(page.locator(".legend-temperature")).to_be_visible()
    expect(page).to_have_url(re.compile(r"layers=detentions%2Ctemperature"))


def test_city_labels_name_the_largest_cities_and_never_overlap(offline, exported, dataset):
    page = offline.open(exported)
    cities = dataset.cities.set_index("city_id")
    for day in _days(dataset):
        page.select_option("#day", day)
        drawn = _cities_on(dataset, day)
        largest = max(drawn, key=lambda c: float(cities.loc[c, "population"]) if pd.notna(cities.loc[c, "population"])
                      else 0.0)
        expect(page.locator(f".city-label span[data-city='{largest}']")).to_have_text(cities.loc[largest, "name_en"])
        boxes = page.locator(".city-label span").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })")
        assert len(boxes) > 3
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_a_report_link_opens_its_day_and_city_with_the_report_highlighted(offline, exported, dataset):
    for day in _days(dataset):
        report = _report_of(dataset, day)
        page = offline.open(exported, f"#report={report['report_id']}")
        expect(page.locator("#day")).to_have_value(day)
        highlighted = page.locator("#panel li.report.highlight")
        expect(highlighted).to_have_count(1)
        expect(highlighted).to_have_attribute("data-report-id", str(report["report_id"]))
        expect(page.locator(f"#panel #city-heading-{report['place']}")).to_be_visible()
        expect(highlighted).to_be_in_viewport()
    # A card's own Link opens that report the same way.
    other = page.locator("#panel li.report:not(.highlight) a.report-link").first
    target = other.get_attribute("href").removeprefix("#report=")
    other.click()
    expect(page.locator("#panel li.report.highlight")).to_have_attribute("data-report-id", target)


@pytest.fixture(scope="module")
def hostile_export(tmp_path_factory):
    """A scratch copy of the data with a hostile quote (kept in its source's archive) and publisher."""
    folder = tmp_path_factory.mktemp("hostile-one-file")
    data = folder / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    sources = read_rows(data / "sources.csv")
    source = sources[0]["source_id"]
    archive = data / "sources" / f"{source}.txt"
    archive.write_text(archive.read_text(encoding="utf-8") + "[...]\n" + HOSTILE + "\n", encoding="utf-8")
    sources[0]["publisher"] = HOSTILE_PUBLISHER
    write_rows(data / "sources.csv", sources)
    reports = read_rows(data / "reports.csv")
    day = _days(load_dataset(data))[0]
    moscow = [r for r in reports if r["city_id"] == "moscow" and r["date"] == day]
    # An estimator with no other figure for Moscow that day, so the popup names the hostile publisher.
    estimator = next(row["estimator"] for row in read_rows(data / "estimators.csv")
                     if row["estimator"] not in {r["estimator"] for r in moscow} | UNNAMED_ESTIMATORS)
    reports.append({**moscow[0], "report_id": "hostile-01", "metric": "crowd", "counted": "", "value_low": "500",
                    "value_high": "500", "as_of": "", "date_end": "", "source_id": source, "quote": HOSTILE,
                    "estimator": estimator, "note": "<i>note</i>"})
    write_rows(data / "reports.csv", reports)
    assert validate(data) == []
    path = folder / "map.html"
    path.write_text(export_html(data, "en"), encoding="utf-8")
    return path, day


def test_a_hostile_quote_and_publisher_stay_text(offline, hostile_export):
    path, day = hostile_export
    page = offline.open(path, f"#date={day}")
    page.locator("path.city-marker.city-moscow").hover(force=True)
    expect(page.locator(".leaflet-tooltip.tooltip-moscow")).to_contain_text("Moscow")
    assert page.locator(".leaflet-tooltip img").count() == 0
    page.locator("path.city-marker.city-moscow").click(force=True)
    card = page.locator("#panel li.report[data-report-id='hostile-01']")
    expect(card.locator("blockquote")).to_have_text(HOSTILE)
    expect(card.locator("div.source")).to_contain_text(HOSTILE_PUBLISHER)
    expect(card.locator("div.note")).to_contain_text("<i>note</i>")
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text(HOSTILE_PUBLISHER)
    assert page.locator("#panel img, #panel i, #panel b, .leaflet-popup-content img, .leaflet-popup-content b").count() == 0
    assert offline.dialogs == []  # the card and the popup are drawn (above): a script in them would have run


def test_the_map_draws_inside_an_iframe(offline, exported, dataset, tmp_path):
    embed = exported.parent / "article.html"
    embed.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>An article</title></head><body>'
                     "<p>The protests, city by city:</p>"
                     f'<iframe id="embedded" src="{exported.name}" width="960" height="640" title="Protest map">'
                     "</iframe></body></html>", encoding="utf-8")
    page = offline.page
    page.goto(embed.as_uri())
    frame = page.frame_locator("#embedded")
    first_day = _days(dataset)[0]
    expect(frame.locator("path.city-marker")).to_have_count(len(_cities_on(dataset, first_day)))
    frame.locator("path.city-marker.city-moscow").click(force=True)
    expect(frame.locator("#panel #city-heading-moscow")).to_be_visible()
    assert page.evaluate("window.scrollY") == 0
