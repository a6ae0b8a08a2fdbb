"""Browser fixtures. Without Chromium these tests skip, unless REQUIRE_BROWSER=1 (CI), where they fail."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

from tools.browser import chromium_path, launch_chromium, streamlit_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def chromium():
    path = chromium_path()
    if path is None:
        message = "Chromium not found: install Debian's chromium package or set CHROMIUM_PATH"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, path)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server():
    with streamlit_server() as base:
        yield base


class RecordingPage:
    """A page that remembers every host it sent a request to (frames included)."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1200})
        self.page = self.context.new_page()
        self.hosts: set[str] = set()
        self.dialogs: list[str] = []
        self.context.on("request", lambda request: self.hosts.add(urlsplit(request.url).netloc))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def close(self):
        self.context.close()


@pytest.fixture
def recording(chromium):
    page = RecordingPage(chromium)
    yield page
    page.close()
