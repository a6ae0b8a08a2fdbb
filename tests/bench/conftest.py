"""Benchmark tests that drive Chromium skip without it, unless REQUIRE_BROWSER=1 (CI), where they fail."""

from __future__ import annotations

import os

import pytest

from tests.browser.harness import chromium_path


@pytest.fixture
def needs_chromium():
    if chromium_path() is None:
        message = "Chromium not found: install Debian's chromium package or set CHROMIUM_PATH"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
