"""Every text column of every table, with Markdown and HTML payloads, on every page, in Chromium.

One dashboard server runs on the poisoned copy of the data (tests/payloads.py), whose images point at a
trap HTTP server on the loopback. Chromium opens every page (the map with Yakutsk selected, its popup
and tooltip, then Compare, Data and Sources & method) and records what was built and fetched. For each
field: the trap never sees a request, no <img> and no <a> is built from the payload (a URL field may
only be an http(s) link), nothing runs (no dialog), and where the page shows the field its payload
is there to read as text.
"""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from pages.safe_text import WORD_JOINER
from tests.payloads import CITY, DAY, FIELDS, marker, poisoned_copy, slug, visible_part
from tools.browser import click_city, open_dashboard, streamlit_server

pytestmark = pytest.mark.browser

# What the map page shows as text with the city selected and its popup open.
VISIBLE_ON_THE_MAP = ["cities.name_en", "cities.name_ru", "cities.region", "cities.territory_status",
                      "sources.publisher", "sources.title", "estimators.estimator", "reports.estimator",
                      "reports.quote", "reports.note"]
PAGES = {"compare": "Most detentions", "data": "The data", "sources": "Sources & method"}  # a heading each shows


class Trap:
    """An HTTP server on the loopback that counts every request (a payload's image would come here)."""

    def __init__(self):
        hits = self.hits = Counter()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                hits[self.path] += 1
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def _collect(page) -> dict[str, list[str]]:
    """Text, image sources and link targets of the page and every frame in it."""
    found = {"text": [], "img": [], "a": [], "svg_onload": []}
    for frame in page.frames:
        found["text"].append(frame.evaluate("document.body ? document.body.innerText : ''"))
        found["img"] += frame.evaluate("[...document.querySelectorAll('img')].map(e => e.getAttribute('src') || '')")
        found["a"] += frame.evaluate("[...document.querySelectorAll('a')].map(e => e.getAttribute('href') || '')")
        found["svg_onload"] += frame.evaluate("[...document.querySelectorAll('[onload],[onerror]')].map(e => e.outerHTML)")
    return found


@pytest.fixture(scope="module")
def browsed(chromium, tmp_path_factory):
    trap = Trap()
    data = poisoned_copy(tmp_path_factory.mktemp("payloads") / "data", trap.base)
    context = chromium.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    dialogs, hosts = [], set()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    seen = {}
    try:
        with streamlit_server(env={"PROTEST_DATA_DIR": str(data)}) as base:
            frame = open_dashboard(page, f"{base}/?date={DAY}&layers=crowd,detentions,temperature")
            # A click opens the city's popup and selects it: the side panel shows its reports.
            expect(click_city(frame, CITY)).to_contain_text(marker("cities.name_en"), timeout=30_000)
            expect(page.get_by_text(marker("reports.quote")).first).to_be_visible(timeout=60_000)
            frame.locator(f"path.city-marker.city-{CITY}").hover(force=True)
            expect(frame.locator(f".leaflet-tooltip.tooltip-{CITY}")).to_contain_text(marker("cities.name_en"), timeout=30_000)
            page.wait_for_load_state("networkidle")
            seen["map"] = _collect(page)
            for path, title in PAGES.items():
                page.goto(f"{base}/{path}?date={DAY}&city={CITY}")
                expect(page.get_by_role("heading", name=title).first).to_be_visible(timeout=60_000)
                page.wait_for_load_state("networkidle")
                seen[path] = _collect(page)
            app_host = urlsplit(base).netloc
        yield {"seen": seen, "dialogs": dialogs, "trap": trap, "hosts": hosts, "app_host": app_host}
    finally:
        context.close()
        trap.close()


@pytest.mark.parametrize("field", FIELDS)
def test_a_fields_payload_builds_no_image_or_link_and_fetches_nothing(browsed, field):
    assert not [path for path in browsed["trap"].hits if slug(field) in path]
    for page, found in browsed["seen"].items():
        assert not [src for src in found["img"] if slug(field) in src], page
        links = [href for href in found["a"] if slug(field) in href]
        if field == "sources.url":  # the source's own address stays a link, and only as a web address
            assert all(urlsplit(href).scheme in ("http", "https") for href in links), (page, links)
        else:
            assert links == [], (page, links)
        assert not [html for html in found["svg_onload"] if slug(field) in html], page


@pytest.mark.parametrize("field", VISIBLE_ON_THE_MAP)
def test_the_map_shows_the_payload_as_text(browsed, field):
    text = "\n".join(browsed["seen"]["map"]["text"]).replace(WORD_JOINER, "")
    assert visible_part(field, browsed["trap"].base) in text


def test_nothing_ran_and_nothing_was_fetched_from_elsewhere(browsed):
    assert browsed["dialogs"] == []
    assert sum(browsed["trap"].hits.values()) == 0
    assert browsed["hosts"] == {browsed["app_host"]}


def test_only_web_links_anywhere(browsed):
    for page, found in browsed["seen"].items():
        schemes = {urlsplit(href).scheme for href in found["a"] if href}
        assert schemes <= {"", "http", "https"}, (page, schemes)


def test_the_100_kb_note_is_shown(browsed):
    assert "x" * 10_000 in "\n".join(browsed["seen"]["map"]["text"])
