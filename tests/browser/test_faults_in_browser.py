"""Faults a reader or a maintainer meets, against real servers: a deep link as a fresh server's first
request, a server restarted under an open page, and a start from another folder with static/ gone."""

from __future__ import annotations

import re
import shutil
import sys
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tools.browser import REPO, free_port, open_dashboard, streamlit_server

pytestmark = pytest.mark.browser

PAGE_PATHS = ["/", "/compare", "/data", "/sources"]  # dashboard.py's four pages, nothing else


def _links(page):
    """The page links of dashboard.py's navigation (drawn along the top of the page)."""
    return page.get_by_role("navigation", name="App pages").get_by_role("link")


def _navigation(page) -> list[str]:
    return [urlsplit(link.get_attribute("href")).path for link in _links(page).all()]


def test_a_deep_link_on_a_fresh_server_goes_through_the_entry_point(recording):
    """Pins pages.common.require_entrypoint: Streamlit 1.67 would otherwise run pages/data.py as an
    old-style page of its own, listing every file in pages/ (common.py, safe_text.py...) as a page."""
    page = recording.page
    with streamlit_server() as base:
        page.goto(f"{base}/data?date=2021-01-31")  # the server's very first request
        expect(page.get_by_role("heading", name="The data")).to_be_visible(timeout=60_000)
        expect(_links(page)).to_have_count(len(PAGE_PATHS))
        assert _navigation(page) == PAGE_PATHS
        expect(page).to_have_url(re.compile(re.escape(base) + r"/data\?date=2021-01-31"))


def test_a_restarted_server_and_a_reloaded_page_recover(recording):
    page = recording.page
    port = free_port()
    url = f"http://127.0.0.1:{port}/?date=2021-01-31&city=kazan"
    with streamlit_server(port=port):
        open_dashboard(page, url)
    # The server is gone; the open page shows Streamlit's connection notice, then a new server comes up.
    with streamlit_server(port=port):
        page.reload()
        frame = open_dashboard(page, url)
        expect(frame.locator("path.city-marker.city-kazan")).to_have_count(1)
        expect(page.get_by_role("heading", name=re.compile("Kazan · Казань"))).to_be_visible()


def test_serve_from_another_folder_recreates_static_and_warns_nothing(recording, tmp_path):
    """A copy of the project without static/, started by `python serve.py` typed in another folder."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("dashboard.py", "serve.py", "CITATION.cff"):
        shutil.copy(REPO / name, project / name)
    for name in (".streamlit", "pages", "rendering", "protest_data", "geo", "data"):
        shutil.copytree(REPO / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert not (project / "static").exists()
    with streamlit_server(command=[sys.executable, str(project / "serve.py"), "--server.headless", "true"],
                          cwd=elsewhere) as base:
        page = recording.page
        frame = open_dashboard(page, f"{base}/?date=2021-01-23")
        expect(frame.locator("path.city-marker").first).to_be_attached()
        assert (project / "static" / "vendor" / "leaflet" / "leaflet.js").is_file()
        assert not [line for line in base.output if "WARNING" in line], base.output
