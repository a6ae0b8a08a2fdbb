"""The benchmark: the dashboard against its framework floor and its physical floor, alternating, in one run.

    python -m bench                 # scales 1 (the real data), 10 and 100; writes bench/RESULTS.md
    python -m bench --smoke         # a tiny generated package, one run of each measure (the test suite runs this)
    python -m bench --scales 1 10   # some scales only

For every scale it measures (see bench/README.md for how each is taken):

  (a) time to all markers in Chromium               dashboard | framework floor | physical floor
  (b) server time of one rerun: day, layer, same view
  (c) day switch in the browser, to the new markers
  (d) map payload per rerun (and all bytes of the rerun)
  (e) Streamlit process memory after all four pages, and per extra session
  (f) first load (validate and summarise), and the first page on a fresh server
  (g) python -m protest_data validate

and, once, the load test (bench/load.py). Nothing here asserts a time; every loop is bounded in count
and in time, and everything runs on loopback.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from bench.harness import (
    MAP_FRAME,
    REPO,
    Tab,
    chromium,
    chromium_version,
    expect_day,
    streamlit,
    wait_idle,
    wait_markers,
    wait_rerun,
    wait_sent,
)

TARGETS = ("dashboard", "framework", "lean", "physical")
STREAMLIT_TARGETS = ("dashboard", "framework", "lean")
FILE_TARGETS = ("dashboard", "framework", "physical")  # (f), (g): no page involved, so no lean floor
TARGET_NAMES = {"dashboard": "dashboard", "framework": "framework floor", "lean": "framework floor, GeoJSON",
                "physical": "physical floor"}
SLIDER = "[data-testid='stSlider'] [role='slider'], [data-testid='stSlider'] input[type='range']"
OTHER_LAYER = "Temperature"  # the toggle the layer change switches on (same label on the dashboard and the floor)
PAGES = ("Compare the days", "Data", "Sources & method", "Map")  # the dashboard's navigation, in visiting order


@dataclass(frozen=True)
class Plan:
    label: str
    scale: float
    runs: int  # alternation rounds per measure
    memory_runs: int  # fresh-server rounds for memory and first page
    budget_s: float  # no new round of a measure starts after this many seconds on it
    extra_sessions: int  # sessions opened to measure memory per session
    timeout_s: float  # one page load or rerun


def plans(scales: list[float], smoke: bool) -> list[Plan]:
    if smoke:
        return [Plan("smoke", 0.05, 1, 1, 120, 1, 120)]
    chosen = []
    for scale in scales:
        if scale <= 1:
            chosen.append(Plan("1x (real data)", 1, 7, 3, 900, 4, 180))
        elif scale <= 10:
            chosen.append(Plan(f"{scale:g}x", scale, 5, 3, 900, 4, 300))
        else:
            chosen.append(Plan(f"{scale:g}x", scale, 3, 2, 1200, 3, 600))
    return chosen


# -- results ----------------------------------------------------------------------------------------

@dataclass
class Measure:
    key: str
    title: str
    unit: str
    target: str = ""  # the target, as text
    samples: dict[str, list[float]] = field(default_factory=lambda: {t: [] for t in TARGETS})
    notes: list[str] = field(default_factory=list)

    def add(self, target: str, value: float | None) -> None:
        if value is not None:
            self.samples[target].append(float(value))

    def median(self, target: str) -> float | None:
        values = self.samples[target]
        return statistics.median(values) if values else None


MEASURES = [
    ("markers_ms", "(a) time to all markers in Chromium", "ms", "≤ 1.2× the framework floor"),
    ("rerun_day_ms", "(b) server time of one rerun: day change", "ms", "≤ 150 ms at 100×"),
    ("rerun_layer_ms", "(b) server time of one rerun: layer change", "ms", "≤ 150 ms at 100×"),
    ("rerun_same_ms", "(b) server time of one rerun: same view", "ms", "≤ 150 ms at 100×"),
    ("rerun_day_cpu_ms", "(b′) server CPU time of one rerun: day change", "ms", ""),
    ("rerun_layer_cpu_ms", "(b′) server CPU time of one rerun: layer change", "ms", ""),
    ("rerun_same_cpu_ms", "(b′) server CPU time of one rerun: same view", "ms", ""),
    ("day_switch_ms", "(c) day switch in the browser, to the new markers", "ms", "≤ 300 ms"),
    ("payload_day_kb", "(d) map payload sent per rerun: day change", "KB", "≤ 150 KB real, ≤ 1 MB at 100×"),
    ("payload_layer_kb", "(d) map payload sent per rerun: layer change", "KB", "≤ 150 KB real, ≤ 1 MB at 100×"),
    ("payload_same_kb", "(d) map payload sent per rerun: same view", "KB", "≤ 150 KB real, ≤ 1 MB at 100×"),
    ("rerun_bytes_day_kb", "(d′) all bytes of a day-change rerun", "KB", ""),
    ("pan_zoom_reruns", "reruns caused by a pan and a zoom", "count", "0"),
    ("memory_pages_mb", "(e) server memory (RSS) after all four pages", "MB", "≤ 300 MB at 100×"),
    ("memory_session_mb", "(e) server memory per extra open session", "MB", ""),
    ("first_load_s", "(f) first load: validate and summarise (fresh process)", "s", "≤ 10 s at 100×"),
    ("first_load_cpu_s", "(f′) first load, CPU time of the process", "s", ""),
    ("first_page_s", "(f″) first page on a fresh server, to all markers", "s", ""),
    ("validate_s", "(g) python -m protest_data validate, wall time", "s", "≤ 10 s at 100×"),
    ("validate_cpu_s", "(g′) python -m protest_data validate, CPU time", "s", ""),
]


def new_measures() -> dict[str, Measure]:
    return {key: Measure(key, title, unit, target) for key, title, unit, target in MEASURES}


# -- helpers ----------------------------------------------------------------------------------------

def cpu_seconds(pid: int) -> float:
    """utime + stime of a process, from /proc (10 ms resolution)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Budget:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def spent(self) -> bool:
        return time.monotonic() > self.end


def rotated(items: tuple, shift: int) -> tuple:
    shift %= len(items)
    return items[shift:] + items[:shift]


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def install_floor_leaflet() -> None:
    """The framework floor serves Leaflet from bench/static/ (Streamlit's static folder for bench/floor_app.py)."""
    import xstatic.pkg.leaflet as xstatic_leaflet

    target = REPO / "bench" / "static" / "vendor" / "leaflet"
    if not (target / "leaflet.js").is_file():
        shutil.copytree(xstatic_leaflet.BASE_DIR, target, dirs_exist_ok=True)


# -- one scale --------------------------------------------------------------------------------------

class Scale:
    def __init__(self, plan: Plan, out: Path):
        from bench.points import day_points, write_points

        self.plan, self.out = plan, out
        self.measures = new_measures()
        self.notes: list[str] = []
        self.server_errors: dict[str, list[str]] = {}
        if plan.scale == 1:
            self.data_dir = REPO / "data"
        else:
            from bench.synthetic import write_package

            self.data_dir = out / f"data-{plan.scale:g}x"
            log(f"{plan.label}: generating the synthetic package in {self.data_dir}")
            write_package(self.data_dir, plan.scale, seed=1)
        self.points = day_points(self.data_dir)
        self.points_file = write_points(self.data_dir, out / f"points-{plan.scale:g}x.json")
        self.days = list(self.points)
        self.first, self.second = self.days[0], self.days[1]
        self.dashboard_env = {"PROTEST_DATA_DIR": str(self.data_dir.resolve())}
        self.floor_env = {"BENCH_POINTS": str(self.points_file.resolve())}
        self.lean_env = {**self.floor_env, "BENCH_FLOOR": "geojson"}
        self.info = {"cities": len({p[0] for day in self.points.values() for p in day}), "days": len(self.days),
                     "cities_first_day": len(self.points[self.first]), "reports": _count_rows(self.data_dir / "reports.csv")}

    def url(self, target: str, base: str, day: str, layers: str = "crowd,detentions") -> str:
        if target == "physical":
            return self.physical.url(day, layers)
        return f"{base}/?date={day}&layers={layers}"

    def run(self, browser) -> None:
        from bench.physical import PhysicalFloor

        plan = self.plan
        install_floor_leaflet()
        with PhysicalFloor(self.points, self.out / "physical-site") as self.physical, \
                streamlit("dashboard.py", env=self.dashboard_env, log_dir=self.out) as dashboard, \
                streamlit("bench/floor_app.py", env=self.floor_env, log_dir=self.out) as floor, \
                streamlit("bench/floor_app.py", env=self.lean_env, log_dir=self.out) as lean:
            self.servers = {"dashboard": dashboard, "framework": floor, "lean": lean}
            log(f"{plan.label}: warming the servers (the first load is measured separately)")
            for target in TARGETS:
                self.attempt("warm-up", target, self.time_to_markers, browser, target)
            log(f"{plan.label}: (a) time to all markers")
            budget = Budget(plan.budget_s)
            for round_number in range(plan.runs):
                for target in rotated(TARGETS, round_number):
                    self.measures["markers_ms"].add(
                        target, self.attempt("(a) time to markers", target, self.time_to_markers, browser, target))
                if budget.spent():
                    break
            log(f"{plan.label}: (b, c, d) reruns, day switch, payload")
            budget = Budget(plan.budget_s)
            for round_number in range(plan.runs):
                for target in rotated(TARGETS, round_number):
                    self.attempt("(b, c, d) interactions", target, self.interactions, browser, target)
                if budget.spent():
                    break
            self.server_errors = {name: server.errors() for name, server in self.servers.items()}
        log(f"{plan.label}: (e, f″) memory and first page on fresh servers")
        budget = Budget(plan.budget_s)
        for round_number in range(plan.memory_runs):
            for target in rotated(STREAMLIT_TARGETS, round_number):
                self.attempt("(e, f″) fresh server", target, self.fresh_server, browser, target)
            if budget.spent():
                break
        log(f"{plan.label}: (f, g) first load and validate in fresh processes")
        budget = Budget(plan.budget_s)
        for round_number in range(plan.runs if plan.scale < 100 else plan.memory_runs):
            for target in rotated(FILE_TARGETS, round_number):
                self.attempt("(f) first load", target, self.first_load, target)
                self.attempt("(g) validate", target, self.validate, target)
            if budget.spent():
                break

    def attempt(self, what: str, target: str, function, *args):
        """Run one measurement; a failure is noted in the results and the run goes on."""
        try:
            return function(*args)
        except Exception as error:
            first_line = (str(error).strip().splitlines() or [""])[0][:300]
            note = f"{what}, {TARGET_NAMES[target]}: failed ({type(error).__name__}: {first_line}); not counted"
            self.notes.append(note)
            log(note)
            return None

    # (a)
    def time_to_markers(self, browser, target: str) -> float:
        with Tab(browser, record_frames=False) as tab:
            start = time.perf_counter()
            base = self.servers[target].base if target in self.servers else ""
            tab.page.goto(self.url(target, base, self.first), timeout=self.plan.timeout_s * 1000)
            wait_markers(tab.page, expect_day(self.points, self.first), target != "physical", self.plan.timeout_s)
            elapsed = (time.perf_counter() - start) * 1000
            _no_refusals(tab)
            return elapsed

    # (b), (c), (d)
    def interactions(self, browser, target: str) -> None:
        measures, timeout = self.measures, self.plan.timeout_s
        if target == "physical":
            self.physical_interactions(browser)
            return
        server = self.servers[target]
        with Tab(browser) as tab:
            page = tab.page
            page.goto(self.url(target, server.base, self.first), timeout=timeout * 1000)
            wait_markers(page, expect_day(self.points, self.first), True, timeout)
            wait_idle(tab, 0.7, timeout)

            mark = tab.frames.mark()
            box = page.locator(MAP_FRAME).bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.mouse.down()
            page.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2 + 60, steps=8)
            page.mouse.up()
            page.frame_locator(MAP_FRAME).locator(".leaflet-control-zoom-in").click()
            page.wait_for_timeout(1500)
            measures["pan_zoom_reruns"].add(target, tab.frames.sent_since(mark))
            wait_idle(tab, 0.5, timeout)

            mark, cpu = tab.frames.mark(), cpu_seconds(server.pid)
            slider = page.locator(SLIDER).first
            slider.focus()
            start = time.perf_counter()
            slider.press("ArrowRight")
            wait_markers(page, expect_day(self.points, self.second, self.first), True, timeout)
            measures["day_switch_ms"].add(target, (time.perf_counter() - start) * 1000)
            rerun = wait_rerun(tab, mark, timeout)
            wait_idle(tab, 0.7, timeout)
            measures["rerun_day_cpu_ms"].add(target, (cpu_seconds(server.pid) - cpu) * 1000)
            measures["rerun_day_ms"].add(target, rerun.server_ms)
            measures["payload_day_kb"].add(target, rerun.component_bytes / 1000)
            measures["rerun_bytes_day_kb"].add(target, rerun.bytes / 1000)

            mark, cpu = tab.frames.mark(), cpu_seconds(server.pid)
            page.locator("label").filter(has_text=OTHER_LAYER).first.click()
            rerun = wait_rerun(tab, mark, timeout)
            wait_idle(tab, 0.7, timeout)
            measures["rerun_layer_cpu_ms"].add(target, (cpu_seconds(server.pid) - cpu) * 1000)
            measures["rerun_layer_ms"].add(target, rerun.server_ms)
            measures["payload_layer_kb"].add(target, rerun.component_bytes / 1000)

            mark, cpu = tab.frames.mark(), cpu_seconds(server.pid)
            for _ in range(3):  # bounded: a key press can be lost while the page is busy; a repeat is harmless
                page.evaluate("document.activeElement && document.activeElement.blur()")
                page.keyboard.press("r")  # Streamlit's rerun shortcut: the same widgets, the same view
                if wait_sent(tab, mark, 10):
                    break
            rerun = wait_rerun(tab, mark, timeout)
            wait_idle(tab, 0.7, timeout)
            measures["rerun_same_cpu_ms"].add(target, (cpu_seconds(server.pid) - cpu) * 1000)
            measures["rerun_same_ms"].add(target, rerun.server_ms)
            measures["payload_same_kb"].add(target, rerun.component_bytes / 1000)
            _no_refusals(tab)

    def physical_interactions(self, browser) -> None:
        measures, timeout = self.measures, self.plan.timeout_s
        with Tab(browser, record_frames=False) as tab:
            page = tab.page
            page.goto(self.physical.url(self.first), timeout=timeout * 1000)
            wait_markers(page, expect_day(self.points, self.first), False, timeout)
            start = time.perf_counter()
            page.evaluate("day => { window.showDay(day); }", self.second)
            wait_markers(page, expect_day(self.points, self.second, self.first), False, timeout)
            measures["day_switch_ms"].add("physical", (time.perf_counter() - start) * 1000)
            _no_refusals(tab)
        # Its "rerun" is one request for the day's circles: time it, and its bytes are the payload.
        self.physical.payload.cache_clear()
        # The same view needs no request at all on a static page: no figure for it.
        for key, day, layers in (("day", self.second, "crowd,detentions"),
                                 ("layer", self.second, "crowd,detentions,temperature")):
            start = time.perf_counter()
            with urllib.request.urlopen(f"{self.physical.base}/points?date={day}&layers={layers}", timeout=timeout) as response:
                body = response.read()
            measures[f"rerun_{key}_ms"].add("physical", (time.perf_counter() - start) * 1000)
            measures[f"payload_{key}_kb"].add("physical", len(body) / 1000)
            if key == "day":
                measures["rerun_bytes_day_kb"].add("physical", len(body) / 1000)

    # (e), (f″)
    def fresh_server(self, browser, target: str) -> None:
        measures, timeout = self.measures, self.plan.timeout_s
        script, env = {"dashboard": ("dashboard.py", self.dashboard_env), "framework": ("bench/floor_app.py", self.floor_env),
                       "lean": ("bench/floor_app.py", self.lean_env)}[target]
        started = time.perf_counter()
        with streamlit(script, env=env, log_dir=self.out, timeout=timeout) as server:
            tabs = []
            try:
                tab = Tab(browser)
                tabs.append(tab)
                tab.page.goto(f"{server.base}/?date={self.first}", timeout=timeout * 1000)
                wait_markers(tab.page, expect_day(self.points, self.first), True, max(timeout, 600))
                measures["first_page_s"].add(target, time.perf_counter() - started)
                wait_idle(tab, 0.7, timeout)
                if target == "dashboard":
                    for name in PAGES:
                        mark = tab.frames.mark()
                        tab.page.get_by_role("link", name=name).first.click()
                        wait_rerun(tab, mark, max(timeout, 600))
                        wait_idle(tab, 0.7, timeout)
                    wait_markers(tab.page, expect_day(self.points, self.first), True, timeout)
                after_pages = server.rss_mb()
                measures["memory_pages_mb"].add(target, after_pages)
                combos = ("detentions", "crowd,detentions,temperature", "crowd", "temperature")
                for i in range(self.plan.extra_sessions):
                    day = self.days[(i + 1) % len(self.days)]
                    extra = Tab(browser, record_frames=False)
                    tabs.append(extra)
                    extra.page.goto(f"{server.base}/?date={day}&layers={combos[i % len(combos)]}", timeout=timeout * 1000)
                    wait_markers(extra.page, expect_day(self.points, day), True, timeout)
                time.sleep(1.0)
                if self.plan.extra_sessions:
                    measures["memory_session_mb"].add(target, (server.rss_mb() - after_pages) / self.plan.extra_sessions)
            finally:
                for tab in tabs:
                    tab.close()

    # (f)
    def first_load(self, target: str) -> None:
        mode = {"dashboard": "project", "framework": "frictionless", "physical": "files"}[target]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run([sys.executable, "-m", "bench.firstload", mode, str(self.data_dir)], cwd=REPO,
                                capture_output=True, text=True, timeout=self.plan.budget_s)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            raise RuntimeError(f"bench.firstload {mode} failed:\n{result.stderr[-2000:]}")
        self.measures["first_load_s"].add(target, json.loads(result.stdout)["seconds"])
        self.measures["first_load_cpu_s"].add(target, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))

    # (g)
    def validate(self, target: str) -> None:
        command = {
            "dashboard": [sys.executable, "-m", "protest_data", "validate", "--data-dir", str(self.data_dir)],
            "framework": [sys.executable, "-m", "bench.firstload", "frictionless", str(self.data_dir)],
            "physical": [sys.executable, "-m", "bench.firstload", "files", str(self.data_dir)],
        }[target]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=self.plan.budget_s)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
        self.measures["validate_s"].add(target, elapsed)
        self.measures["validate_cpu_s"].add(target, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))


def _count_rows(path: Path) -> int:
    import csv

    with path.open(newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def _no_refusals(tab: Tab) -> None:
    if tab.refused:
        raise RuntimeError(f"the page asked hosts beyond loopback: {tab.refused[:5]}")


# -- machine, tables, files -------------------------------------------------------------------------

def machine() -> dict[str, str]:
    from importlib.metadata import version

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))

    def installed(name: str) -> str:
        try:
            return version(name)
        except Exception:
            return "not installed"

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True,
                           text=True).stdout.strip()
    if commit and dirty:
        commit += " with uncommitted changes"
    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores (shared with other work: load average {os.getloadavg()[0]:.1f} at the start)",
        "Memory": f"{memory_kb / 1024 / 1024:.1f} GB",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Streamlit": installed("streamlit"),
        "streamlit-folium": installed("streamlit-folium"),
        "folium": installed("folium"),
        "pandas": installed("pandas"),
        "frictionless": installed("frictionless"),
        "Playwright": installed("playwright"),
        "Chromium": chromium_version(),
        "Leaflet (XStatic)": installed("XStatic-Leaflet"),
        "Code measured": f"commit {commit or 'unknown'}",
    }


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit in ("s",):
        return f"{value:,.2f}" if abs(value) >= 0.1 or value == 0 else f"{value:.2g}"
    if unit == "count":
        return f"{value:g}"
    if abs(value) >= 10:
        return f"{value:,.0f}"
    return f"{value:,.1f}" if abs(value) >= 0.1 or value == 0 else f"{value:.2g}"


def cell(measure: Measure, target: str) -> str:
    values = measure.samples[target]
    if not values:
        return "–"
    u = measure.unit
    return f"**{fmt(statistics.median(values), u)}** ({fmt(min(values), u)}–{fmt(max(values), u)}, n={len(values)})"


def ratio(measure: Measure, target: str) -> str:
    ours, floor = measure.median("dashboard"), measure.median(target)
    if ours is None or not floor:
        return "–"
    return f"{ours / floor:.1f}×"


def scale_table(scale: Scale) -> list[str]:
    lines = ["| measure | unit | dashboard | framework floor | framework floor, GeoJSON | physical floor "
             "| ÷ framework | ÷ GeoJSON | ÷ physical | target |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for measure in scale.measures.values():
        lines.append(f"| {measure.title} | {measure.unit} | {cell(measure, 'dashboard')} | {cell(measure, 'framework')} | "
                     f"{cell(measure, 'lean')} | {cell(measure, 'physical')} | {ratio(measure, 'framework')} | "
                     f"{ratio(measure, 'lean')} | {ratio(measure, 'physical')} | {measure.target or ''} |")
    return lines


def summary_table(scales: list[Scale]) -> list[str]:
    head = "| measure | " + " | ".join(s.plan.label for s in scales) + " | target |"
    lines = [head, "|---" * (len(scales) + 2) + "|"]
    for key, title, unit, target in MEASURES:
        if not target:
            continue
        cells = []
        for scale in scales:
            m = scale.measures[key]
            ours = m.median("dashboard")
            cells.append("–" if ours is None else
                         f"{fmt(ours, unit)} {unit} ({ratio(m, 'framework')} fw, {ratio(m, 'lean')} geo, "
                         f"{ratio(m, 'physical')} phys)")
        lines.append(f"| {title} | " + " | ".join(cells) + f" | {target} |")
    return lines


def write_results(path: Path, scales: list[Scale], load_lines: list[str], info: dict, started: datetime,
                  command: str) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{command}` on {started:%Y-%m-%d %H:%M} UTC, in {info['duration_min']:.0f} minutes. "
        "See bench/README.md for how each figure is measured. Figures are **median** (min–max, n) over runs that "
        "alternate the dashboard with its floors in the same run, so machine noise hits all three alike; the ratios "
        "are of medians.",
        "",
        "## Machine",
        "",
        *[f"- {name}: {value}" for name, value in info["machine"].items()],
        f"- Load average at the end: {info['load_end']:.1f}",
        "",
        "## Summary: the dashboard's medians, and their ratio to the floors",
        "",
        "fw: the framework floor (st_folium, one folium CircleMarker per circle); geo: the framework floor with the "
        "same circles as two GeoJSON layers; phys: the physical floor (a static Leaflet page).",
        "",
        *summary_table(scales),
        "",
    ]
    for scale in scales:
        shape = scale.info
        lines += [
            f"## {scale.plan.label}: {shape['cities']:,} cities ({shape['cities_first_day']:,} on the first day), "
            f"{shape['days']} days, {shape['reports']:,} reports",
            "",
            f"Data: `{_shown(scale.data_dir)}`" + ("" if scale.plan.scale == 1 else
                                                 f" (`python -m bench.synthetic --scale {scale.plan.scale:g} --seed 1`)"),
            "",
            *scale_table(scale),
            "",
        ]
        errors = {name: len(found) for name, found in getattr(scale, "server_errors", {}).items()}
        if errors:
            lines += [f"Errors in the server logs during the run: {errors}.", ""]
        for note in scale.notes:
            lines += [f"- {note}"]
        if scale.notes:
            lines.append("")
    if load_lines:
        lines += ["## Load (issue 16)", "", "```", *load_lines, "```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def print_summary(scales: list[Scale]) -> None:
    for scale in scales:
        print(f"\n== {scale.plan.label} ({scale.info['cities']} cities, {scale.info['days']} days, "
              f"{scale.info['reports']} reports)")
        print(f"{'measure (medians)':52s} {'dashboard':>10s} {'framework':>10s} {'GeoJSON':>10s} {'physical':>10s} "
              f"{'÷fw':>6s} {'÷geo':>6s} {'÷phys':>7s}")
        for m in scale.measures.values():
            print(f"{m.title[:52]:52s} " + " ".join(f"{fmt(m.median(t), m.unit):>10s}" for t in TARGETS)
                  + f" {ratio(m, 'framework'):>6s} {ratio(m, 'lean'):>6s} {ratio(m, 'physical'):>7s}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="a tiny generated package, one run of each measure")
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10, 100])
    parser.add_argument("--load-sessions", type=int, default=100, help="concurrent sessions of the load test (0: skip)")
    parser.add_argument("--load-browsers", type=int, default=10, help="how many of them are Chromium contexts")
    parser.add_argument("--runs", type=int, default=None, help="alternation rounds per measure (default: 7, 5, 3 by scale)")
    parser.add_argument("--out", type=Path, default=None, help="where logs, generated data and raw figures go")
    parser.add_argument("--results", type=Path, default=None, help="the Markdown file to write")
    args = parser.parse_args(argv)

    started, clock = datetime.now(timezone.utc), time.monotonic()
    out = (args.out or REPO / "bench" / "out" / ("smoke" if args.smoke else "full")).resolve()
    out.mkdir(parents=True, exist_ok=True)
    results_path = args.results or (out / "RESULTS.md" if args.smoke else REPO / "bench" / "RESULTS.md")
    info = {"machine": machine()}
    scales: list[Scale] = []
    command = "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:])

    def save(load_lines: list[str], load_json: dict | None) -> None:
        info["load_end"] = os.getloadavg()[0]
        info["duration_min"] = (time.monotonic() - clock) / 60
        write_results(results_path, scales, load_lines, info, started, command.strip())
        raw = {"machine": info, "load": load_json,
               "scales": {s.plan.label: {"shape": s.info, "samples": {k: m.samples for k, m in s.measures.items()},
                                         "notes": s.notes, "server_errors": s.server_errors} for s in scales}}
        results_path.with_suffix(".json").write_text(json.dumps(raw, indent=1, default=str), encoding="utf-8")

    with chromium() as browser:
        for plan in plans(args.scales, args.smoke):
            if args.runs:
                plan = replace(plan, runs=args.runs, memory_runs=min(plan.memory_runs, args.runs))
            scale = Scale(plan, out)
            scales.append(scale)
            try:
                scale.run(browser)
            except Exception as error:
                scale.notes.append(f"the run at this scale stopped: {type(error).__name__}: {str(error)[:300]}")
                log(scale.notes[-1])
            save([], None)  # what is measured so far survives a later failure
    load_lines: list[str] = []
    load_json = None
    sessions = 3 if args.smoke else args.load_sessions
    if sessions:
        from bench.load import describe, run_load

        first = scales[0]
        log(f"load: {sessions} sessions x 3 rounds on {_shown(first.data_dir)}")
        try:
            result = run_load(first.data_dir, first.points, sessions=sessions,
                              browsers=1 if args.smoke else min(args.load_browsers, sessions), rounds=3,
                              timeout_s=first.plan.timeout_s if args.smoke else 600, log_dir=out)
            load_lines = [f"data: {_shown(first.data_dir)}", *describe(result)]
            load_json = result.to_json()
        except Exception as error:
            load_lines = [f"the load test stopped: {type(error).__name__}: {str(error)[:300]}"]
            log(load_lines[0])
    save(load_lines, load_json)
    print_summary(scales)
    if load_lines:
        print("\n" + "\n".join(load_lines))
    print(f"\nwrote {results_path} and {results_path.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
