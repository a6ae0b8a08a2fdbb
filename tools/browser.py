"""Start a real `streamlit run dashboard.py` on a free port and drive Debian's Chromium with Playwright.

Shared by the browser tests (tests/browser/) and docs/make_screenshots.py.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Without the background-networking flags Chromium phones Google at start-up; the tests forbid that.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if Path(configured).exists() else None
    return next((path for path in CHROMIUM_CANDIDATES if Path(path).exists()), shutil.which("chromium"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(base: str, process: subprocess.Popen, timeout: float, interval: float) -> bool:
    """Poll a Streamlit server's health endpoint until it answers (True), or until its process ends or
    ``timeout`` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(interval)


class Server(str):
    """The base URL of a running dashboard, with the process behind it and what it printed."""

    process: subprocess.Popen
    output: list[str]


@contextmanager
def streamlit_server(env: dict[str, str] | None = None, timeout: float = 60.0, *, port: int | None = None,
                     command: list[str] | None = None, cwd: Path = REPO):
    """Yield the base URL of a fresh dashboard server; stop it afterwards.

    ``command`` replaces `python -m streamlit run <repo>/dashboard.py` (the port and address are added),
    ``cwd`` is where it starts (the repository unless a test says otherwise).
    """
    port = port or free_port()
    command = command or [sys.executable, "-m", "streamlit", "run", str(REPO / "dashboard.py"),
                          "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    command = [*command, "--server.port", str(port), "--server.address", "127.0.0.1"]
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    reader.start()
    base = Server(f"http://127.0.0.1:{port}")
    base.process, base.output = process, output
    try:
        if not wait_until_healthy(base, process, timeout, interval=0.3):
            process.kill()
            reader.join(timeout=5)
            raise RuntimeError(f"streamlit did not start on port {port}:\n{''.join(output)}")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        reader.join(timeout=5)


def launch_chromium(playwright, path: str):
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)


MAP_FRAME = "iframe[title*='st_folium']"


def open_dashboard(page, url: str):
    """Load a dashboard URL and wait until the map has drawn its city dots; return the map frame."""
    page.goto(url)
    page.wait_for_selector(MAP_FRAME, timeout=60_000)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.city-marker").first.wait_for(timeout=60_000)
    return frame


def click_city(frame, city_id: str):
    """Click a city's dot on the map, where a person would (the disc must be the element under the
    pointer), and return the popup it opens."""
    frame.locator(f"path.city-marker.city-{city_id}").click()
    return frame.locator(".leaflet-popup-content")
