"""Clicking and tapping cities as a reader would, on laptop screens and on a phone."""

from __future__ import annotations

import re
from itertools import combinations

import pandas as pd
import pytest
from playwright.sync_api import expect

from protest_data.summary import city_day_summary, protest_days
from tools.browser import MAP_FRAME, open_dashboard

pytestmark = pytest.mark.browser

LAPTOPS = [(1280, 720), (1440, 900)]
PHONE = (390, 844)
BIG_FIVE = ["moscow", "st-petersburg", "yekaterinburg", "kazan", "nizhny-novgorod"]


@pytest.fixture(params=[*LAPTOPS, PHONE], ids=lambda size: f"{size[0]}x{size[1]}")
def screen(request, chromium):
    width, height = request.param
    phone = (width, height) == PHONE
    context = chromium.new_context(viewport={"width": width, "height": height}, has_touch=phone, is_mobile=phone)
    page = context.new_page()
    yield page, phone
    context.close()


def _busiest_day(dataset) -> pd.Timestamp:
    summary = city_day_summary(dataset)
    return summary.groupby("date").size().idxmax()


def _open(page, url):
    frame = open_dashboard(page, url)
    # A reader looks at the map before touching it: bring it to the middle of the screen.
    page.locator(MAP_FRAME).evaluate("frame => frame.scrollIntoView({block: 'center'})")
    return frame


def _touch(frame, city_id, phone):
    # On a phone, choosing a city scrolled the page down to its panel: the reader scrolls back up.
    frame.locator(".leaflet-container").evaluate("map => window.frameElement.scrollIntoView({block: 'center'})")
    disc = frame.locator(f"path.city-marker.city-{city_id}")
    disc.tap() if phone else disc.click()


def _close_popup(frame, phone, city_id):
    """Close the city's popup with its × as a reader would, so it does not cover the next dot.
    (A popup that was just replaced may still be fading out: the one to close is named by its city.)"""
    close = frame.locator(f'.leaflet-popup:has(.city-popup[data-city="{city_id}"]) .leaflet-popup-close-button')
    close.tap() if phone else close.click()
    expect(frame.locator(".leaflet-popup")).to_have_count(0)


def _opened(page, frame, city_id):
    """The popup and the side panel show exactly this city (by id, never by a name's substring)."""
    expect(frame.locator(f'.leaflet-popup-content .city-popup[data-city="{city_id}"]')).to_be_visible()
    # The server's rerun selects the city; on a busy two-core machine it can take a few seconds.
    expect(page.locator(f".st-key-city-panel-{city_id}")).to_be_attached(timeout=30_000)
    expect(page).to_have_url(re.compile(rf"[?&]city={re.escape(city_id)}(&|$)"))
    expect(frame.locator(f"path.city-highlight.city-{city_id}")).to_be_attached(timeout=30_000)
    expect(frame.locator(".leaflet-popup")).to_have_count(1)  # the replaced popup has faded out


def test_the_first_click_opens_that_exact_city(screen, server, dataset):
    page, phone = screen
    day = _busiest_day(dataset)
    frame = _open(page, f"{server}/?date={day:%Y-%m-%d}")
    _touch(frame, "kazan", phone)
    _opened(page, frame, "kazan")


def test_the_largest_cities_open_with_one_tap_on_their_own_dot(screen, server, dataset):
    page, phone = screen
    day = _busiest_day(dataset)
    summary = city_day_summary(dataset)
    that_day = summary[summary["date"] == day]
    # Every size: the five the issue names; on the phone, the hardest case, the thirty largest.
    largest = that_day.sort_values("population", ascending=False)["city_id"].head(30 if phone else 0).tolist()
    cities = [c for c in BIG_FIVE if c in set(that_day["city_id"])] + [c for c in largest if c not in BIG_FIVE]
    frame = _open(page, f"{server}/?date={day:%Y-%m-%d}")
    for city_id in cities:
        # A popup may have panned the map: the reader first shows all of Russia again.
        home = frame.locator("a.whole-country")
        home.tap() if phone else home.click()
        _touch(frame, city_id, phone)
        _opened(page, frame, city_id)
        _close_popup(frame, phone, city_id)


def test_labels_name_cities_at_the_default_zoom_without_overlapping(screen, server, dataset):
    page, _ = screen
    frame = _open(page, f"{server}/?date={_busiest_day(dataset):%Y-%m-%d}")
    labels = frame.locator(".city-label-text")
    expect(labels.first).to_be_visible()
    boxes = [box for box in (label.bounding_box() for label in labels.all()) if box]
    assert len(boxes) >= 5
    for a, b in combinations(boxes, 2):
        apart = (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                 or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
        assert apart, (a, b)


def test_the_popup_fits_inside_the_map_on_a_phone(chromium, server, dataset):
    context = chromium.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        for city_id in ("moscow", "vladivostok"):  # near the western and the eastern edge of the map
            # A fresh view each time: the first popup's autopan moves the far side of Russia off screen.
            frame = _open(page, f"{server}/?date={_busiest_day(dataset):%Y-%m-%d}")
            map_frame = next(f for f in page.frames if "st_folium" in f.url)
            _touch(frame, city_id, True)
            _opened(page, frame, city_id)
            # Boxes inside the map's own frame, once Leaflet has finished panning the popup into view.
            map_frame.wait_for_function("() => !map_div._panAnim || !map_div._panAnim._inProgress")
            boxes = map_frame.evaluate("""() => {
                const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
                return {map: box(document.querySelector('.leaflet-container')),
                        popup: box(document.querySelector('.leaflet-popup-content-wrapper')),
                        close: box(document.querySelector('.leaflet-popup-close-button')),
                        layers: box(document.querySelector('.leaflet-control-layers'))};
            }""")
            (ml, mt, mr, mb), (pl, pt, pr, pb) = boxes["map"], boxes["popup"]
            assert ml <= pl and pr <= mr and mt <= pt and pb <= mb, boxes
            (cl, ct, cr, cb), (ll, lt, lr, lb) = boxes["close"], boxes["layers"]
            assert cr <= ll or lr <= cl or cb <= lt or lb <= ct, boxes
    finally:
        context.close()


def test_choosing_a_city_in_the_box_brings_it_into_view_keeping_the_zoom(recording, server, dataset):
    page = recording.page
    day = _busiest_day(dataset)
    frame = _open(page, f"{server}/?date={day:%Y-%m-%d}")
    map_frame = next(f for f in page.frames if "st_folium" in f.url)
    for _ in range(3):
        # Leaflet ignores a zoom click while the last zoom still animates, as a person would see:
        # click, watch the map settle, click again.
        before = map_frame.evaluate("map_div.getZoom()")
        frame.locator(".leaflet-control-zoom-in").click()
        map_frame.wait_for_function(f"map_div.getZoom() > {before} && !map_div._animatingZoom")
    zoom = map_frame.evaluate("map_div.getZoom()")
    summary = city_day_summary(dataset)
    far_east = summary[summary["date"] == day].sort_values("lon").iloc[-1]
    shown = map_frame.evaluate(f"map_div.getBounds().contains([{far_east['lat']}, {far_east['lon']}])")
    assert not shown, "zoomed in on the middle, the easternmost city should be out of view"

    box = page.get_by_role("combobox", name="City")
    box.click()
    box.fill(str(far_east["name_en"]))
    page.keyboard.press("Enter")
    expect(frame.locator(f"path.city-highlight.city-{far_east['city_id']}")).to_be_attached(timeout=30_000)
    map_frame.wait_for_function(f"map_div.getBounds().contains([{far_east['lat']}, {far_east['lon']}])")
    assert map_frame.evaluate("map_div.getZoom()") == zoom


def test_the_wheel_scrolls_the_page_until_the_reader_uses_the_map(recording, server, dataset):
    page = recording.page
    page.set_viewport_size({"width": 1280, "height": 720})
    frame = open_dashboard(page, f"{server}/?date={protest_days(dataset)[0]:%Y-%m-%d}")
    map_frame = next(f for f in page.frames if "st_folium" in f.url)
    zoom = map_frame.evaluate("map_div.getZoom()")
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 300))
    scrolled = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop")
    page.mouse.wheel(0, 400)
    page.wait_for_function(
        f"() => document.querySelector('[data-testid=\"stMain\"]').scrollTop > {scrolled}")
    assert map_frame.evaluate("map_div.getZoom()") == zoom
    assert map_frame.evaluate("map_div.options.minZoom") is not None
    frame.locator(".leaflet-container").click(position={"x": 30, "y": 200})
    assert map_frame.evaluate("map_div.scrollWheelZoom.enabled()")


@pytest.mark.parametrize("typed", ["Казань", "Saint Petersburg", "Ekaterinburg"])
def test_the_city_box_finds_russian_names_and_common_spellings(recording, server, dataset, typed):
    wanted = {"Казань": "kazan", "Saint Petersburg": "st-petersburg", "Ekaterinburg": "yekaterinburg"}[typed]
    page = recording.page
    _open(page, f"{server}/?date={_busiest_day(dataset):%Y-%m-%d}")
    box = page.get_by_role("combobox", name="City")
    box.click()
    box.fill(typed)
    page.keyboard.press("Enter")
    expect(page.locator(f".st-key-city-panel-{wanted}")).to_be_attached(timeout=30_000)
    expect(page).to_have_url(re.compile(rf"[?&]city={wanted}(&|$)"))


def test_quotes_travel_with_the_city_opened_not_with_every_map(recording, server, dataset):
    """The map arrives without any popup; the first city opened fetches the day's popups (once, from
    the app itself), and a second city of that day is read from the same file."""
    page = recording.page
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "/app/static/popups/" in request.url else None)
    day = _busiest_day(dataset)
    frame = _open(page, f"{server}/?date={day:%Y-%m-%d}")
    expect(frame.locator(f"path.city-marker.city-{BIG_FIVE[0]}")).to_be_attached()
    assert fetched == []  # the map is drawn, and no quote has been sent yet
    first, second = BIG_FIVE[0], BIG_FIVE[3]
    frame.locator(f"path.city-marker.city-{first}").click()
    expect(frame.locator(f'.leaflet-popup-content .city-popup[data-city="{first}"]')).to_be_visible()
    expect(page.locator(f".st-key-city-panel-{first}")).to_be_attached(timeout=30_000)
    frame.locator(f"path.city-marker.city-{second}").click()
    expect(frame.locator(f'.leaflet-popup-content .city-popup[data-city="{second}"]')).to_be_visible()
    assert len(fetched) == 1 and fetched[0].startswith(server), fetched
