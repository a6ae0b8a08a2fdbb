"""Regenerate the README's screenshots: `python docs/make_screenshots.py` (needs Chromium).

Starts the dashboard on the embedded data, opens each view in headless Chromium — on a laptop screen,
in Russian, and on a phone — clicks its city on the map as a reader would, and saves docs/map-*.png.
Run it after a change to what the map shows, and commit the images.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tools.browser import chromium_path, launch_chromium, open_dashboard, streamlit_server

DOCS = Path(__file__).resolve().parent
# file name: (query, city to click, viewport width, height, phone)
VIEWS = {
    "map-2021-01-23.png": ("date=2021-01-23&layers=crowd,detentions,temperature", "yekaterinburg", 1280, 860, False),
    "map-2021-01-31.png": ("date=2021-01-31&layers=crowd,detentions,temperature", "yakutsk", 1280, 860, False),
    "map-ru-2021-01-31.png": ("lang=ru&date=2021-01-31&layers=crowd,detentions", "kazan", 1280, 860, False),
    "map-phone-2021-01-23.png": ("date=2021-01-23&layers=crowd,detentions", "moscow", 390, 844, True),
}


def main() -> int:
    path = chromium_path()
    if path is None:
        print("Chromium not found: install Debian's chromium package or set CHROMIUM_PATH", file=sys.stderr)
        return 1
    with streamlit_server() as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright, path)
        for name, (query, city, width, height, phone) in VIEWS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, has_touch=phone,
                                          is_mobile=phone)
            page = context.new_page()
            frame = open_dashboard(page, f"{base}/?{query}")
            page.locator("iframe[title*='st_folium']").evaluate("f => f.scrollIntoView({block: 'center'})")
            disc = frame.locator(f"path.city-marker.city-{city}")
            disc.tap() if phone else disc.click()
            page.locator(f".st-key-city-panel-{city}").wait_for(state="attached", timeout=60_000)
            frame.locator(f'.leaflet-popup .city-popup[data-city="{city}"]').wait_for(timeout=30_000)
            if phone:  # the panel scrolled into view; show the map and its popup instead
                page.locator("iframe[title*='st_folium']").evaluate("f => f.scrollIntoView({block: 'center'})")
            else:  # the top of the page: title, controls, map and the panel beside it
                page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
            page.wait_for_load_state("networkidle")  # fonts, tiles of the outline and the panel drawn
            page.screenshot(path=str(DOCS / name))
            print(f"wrote {DOCS / name}")
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
