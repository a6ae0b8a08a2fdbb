"""The one-file map's time to markers, against the physical floor, alternating in the same run.

    python -m bench.one_file [--runs 7] [--data-dir data] [--lang en]

Exports the one-file map (``python -m rendering export-html``) and opens it from file:// in Debian's
Chromium, timing from navigation to the moment the page marks its markers drawn (``body[data-drawn]``).
The physical floor is bench/physical.py's static Leaflet page with the same points (served on
loopback). Rounds alternate which goes first. Prints the medians, min–max, n and the ratio (target
≤ 1.5×), and writes them, with the file's size, to bench/RESULTS-one-file.md. It asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.physical import PhysicalFloor
from bench.points import day_points
from protest_data.tables import DEFAULT_DATA_DIR
from rendering.standalone import export_html
from tools.browser import chromium_path, launch_chromium

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out" / "one-file"
TIMEOUT_MS = 60_000


def _one_file(page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector("body[data-drawn]", state="attached", timeout=TIMEOUT_MS)
    return (time.perf_counter() - start) * 1000


def _physical(page, url: str, count: int) -> float:
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(f"document.querySelectorAll('path.city-marker').length >= {count}", timeout=TIMEOUT_MS)
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.one_file", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS-one-file.md")
    args = parser.parse_args(argv)
    browser_path = chromium_path()
    if browser_path is None:
        print("Chromium not found: install Debian's chromium package or set CHROMIUM_PATH", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    html = OUT / "map.html"
    html.write_text(export_html(args.data_dir, args.lang), encoding="utf-8")
    points = day_points(args.data_dir)
    first_day = next(iter(points))
    times: dict[str, list[float]] = {"one-file map": [], "physical floor": []}
    with PhysicalFloor(points, OUT / "physical-site") as floor, sync_playwright() as playwright:
        browser = launch_chromium(playwright, browser_path)
        for run in range(max(1, args.runs)):
            order = ("one-file map", "physical floor") if run % 2 == 0 else ("physical floor", "one-file map")
            for target in order:
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                if target == "one-file map":
                    times[target].append(_one_file(page, html.as_uri()))
                else:
                    times[target].append(_physical(page, floor.url(first_day), len(points[first_day])))
                context.close()
        browser.close()
    medians = {target: statistics.median(values) for target, values in times.items()}
    ratio = medians["one-file map"] / medians["physical floor"]
    size = html.stat().st_size
    lines = [
        "# The one-file map against the physical floor",
        "",
        f"Written by `python -m bench.one_file` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: time from "
        f"navigation to all markers of {first_day}, in Chromium, rounds alternating. File size: "
        f"{size / 1024:,.0f} KB ({args.lang}).",
        "",
        "| target | median ms | min–max | n |",
        "|---|---|---|---|",
        *(f"| {target} | {medians[target]:,.0f} | {min(v):,.0f}–{max(v):,.0f} | {len(v)} |"
          for target, v in times.items()),
        "",
        f"Ratio one-file map / physical floor: **{ratio:.2f}×** (target ≤ 1.5×).",
        "",
    ]
    args.results.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
