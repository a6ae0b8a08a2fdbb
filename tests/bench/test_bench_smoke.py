"""The benchmark's smoke mode, so it cannot rot: every measure yields a figure. No time is asserted."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from bench.run import MEASURES
from tests.conftest import REPO

pytestmark = pytest.mark.browser

# Counts of events, bytes the server need not resend (Streamlit caches an unchanged element in the page)
# and CPU times read at 10 ms resolution may be zero; memory per extra session is a difference of two
# readings and may be anything. Every other figure is a positive duration, size or memory.
MAY_BE_ZERO = {"pan_zoom_reruns", "payload_layer_kb", "payload_same_kb",
               "rerun_day_cpu_ms", "rerun_layer_cpu_ms", "rerun_same_cpu_ms", "first_load_cpu_s", "validate_cpu_s"}
ANY_NUMBER = {"memory_session_mb"}
# Measures of the data package alone: the lean framework floor (a page) has none.
NO_PAGE = {"first_load_s", "first_load_cpu_s", "validate_s", "validate_cpu_s"}
# Measures the physical floor has no counterpart for: no Streamlit process, and a static page makes no
# request at all for the same view.
NO_PHYSICAL = {"rerun_same_ms", "payload_same_kb", "rerun_day_cpu_ms", "rerun_layer_cpu_ms", "rerun_same_cpu_ms",
               "pan_zoom_reruns", "memory_pages_mb", "memory_session_mb", "first_page_s"}


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    result = subprocess.run([sys.executable, "-m", "bench", "--smoke", "--out", str(out)], cwd=REPO,
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-4000:]
    return out, result.stdout


def test_smoke_mode_measures_every_figure_for_the_dashboard_and_its_floors(needs_chromium, smoke):
    out, _ = smoke
    raw = json.loads((out / "RESULTS.json").read_text(encoding="utf-8"))
    (scale,) = raw["scales"].values()
    assert scale["notes"] == [], "a measurement failed"
    samples = scale["samples"]
    for key, *_ in MEASURES:
        targets = ("dashboard", "framework") + (() if key in NO_PHYSICAL else ("physical",)) + \
            (() if key in NO_PAGE else ("lean",))
        for target in targets:
            values = samples[key][target]
            assert len(values) == 1, (key, target, values)
            if key in ANY_NUMBER:
                assert math.isfinite(values[0]), (key, target, values)
            else:
                assert values[0] >= 0 if key in MAY_BE_ZERO else values[0] > 0, (key, target, values)


def test_smoke_mode_writes_the_results_table_with_the_machine_and_every_measure(needs_chromium, smoke):
    out, printed = smoke
    text = (out / "RESULTS.md").read_text(encoding="utf-8")
    for heading in ("## Machine", "CPU", "Chromium", "Streamlit", "## Load"):
        assert heading in text
    for _, title, _, _ in MEASURES:
        assert title in text and title[:40] in printed


def test_smoke_mode_load_sessions_all_succeed_without_server_errors(needs_chromium, smoke):
    out, _ = smoke
    load = json.loads((out / "RESULTS.json").read_text(encoding="utf-8"))["load"]
    assert load["attempts"] == load["sessions"] * load["rounds"] > 0
    failures = [o for rounds in load["outcomes"] for o in rounds if not o["ok"]]
    assert load["successes"] == load["attempts"], failures
    assert load["server_errors"] == []
    assert len(load["rss_mb"]) == load["rounds"] + 1 and all(m > 0 for m in load["rss_mb"])
