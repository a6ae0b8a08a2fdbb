"""Issue 16's load test: one server, 30 concurrent sessions, each loading a different view and clicking
a city. All must succeed with no error in the server log. Times and memory are reported, not asserted."""

from __future__ import annotations

import pytest

from bench.load import describe, run_load, views
from bench.points import day_points
from protest_data.tables import DEFAULT_DATA_DIR

pytestmark = pytest.mark.browser

SESSIONS = 30
# Chromium contexts are heavy on a 2-core machine: a few of them, and Streamlit websocket clients for the rest.
BROWSERS = 3


def test_thirty_concurrent_sessions_each_load_a_view_and_click_a_city(needs_chromium, tmp_path):
    points = day_points(DEFAULT_DATA_DIR)
    assert len({v.query for v in views(points, SESSIONS)}) == SESSIONS, "every session asks for a different view"
    result = run_load(DEFAULT_DATA_DIR, points, sessions=SESSIONS, browsers=BROWSERS, rounds=1, timeout_s=240,
                      log_dir=tmp_path)
    print("\n".join(describe(result)))
    assert result.attempts == SESSIONS
    assert result.successes == SESSIONS, [f"{o.kind} {o.view}: {o.error}" for o in result.failures()]
    assert {o.kind for o in result.outcomes[0]} == {"browser", "websocket"}
    assert all(o.markers_ms and o.click_ms for o in result.outcomes[0])
    assert result.server_errors == []
