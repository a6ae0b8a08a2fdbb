"""Regenerate the README's screenshots: `python docs/make_screenshots.py` (needs Chromium).

Starts the dashboard on the embedded data, opens each protest day in headless Chromium and saves
docs/map-<day>.png. Run it after a change to what the map shows, and commit the images.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tools.browser import chromium_path, launch_chromium, open_dashboard, streamlit_server

DOCS = Path(__file__).resolve().parent
VIEWS = {
    "2021-01-23": "layers=crowd,detentions,temperature&city=yekaterinburg",
    "2021-01-31": "layers=crowd,detentions,temperature&city=yakutsk",
}


def main() -> int:
    path = chromium_path()
    if path is None:
        print("Chromium not found: install Debian's chromium package or set CHROMIUM_PATH", file=sys.stderr)
        return 1
    with streamlit_server() as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright, path)
        page = browser.new_page(viewport={"width": 1400, "height": 1250})
        for day, query in VIEWS.items():
            open_dashboard(page, f"{base}/?date={day}&{query}")
            page.wait_for_load_state("networkidle")  # fonts and the panel drawn
            target = DOCS / f"map-{day}.png"
            page.screenshot(path=str(target))
            print(f"wrote {target}")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
