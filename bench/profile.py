"""Where the time goes: cProfile of one dashboard rerun, of validate, or of the first load, at a scale.

    python -m bench.profile rerun --scale 100 --change day     # or layer, same
    python -m bench.profile validate --scale 100
    python -m bench.profile firstload --scale 100

A rerun is profiled in Streamlit's AppTest: the page script runs as on the server, widget changes included,
and only the run after the change is profiled (the first run, which fills the caches, is not). It leaves
out what the server does after the script (sending the messages), which the benchmark's (b) includes.
The synthetic package for a scale is generated under bench/out/ if it is not there yet.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import site
import time
from pathlib import Path

from bench.harness import REPO


def data_for(scale: float) -> Path:
    if scale == 1:
        return REPO / "data"
    from bench.synthetic import write_package

    target = REPO / "bench" / "out" / "full" / f"data-{scale:g}x"
    if not (target / "reports.csv").is_file():
        write_package(target, scale, seed=1)
    return target


def profile_rerun(data_dir: Path, change: str, app_name: str = "dashboard") -> tuple[float, cProfile.Profile]:
    import pandas as pd
    from streamlit.testing.v1 import AppTest
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    from bench.points import day_points

    os.environ["PROTEST_DATA_DIR"] = str(data_dir.resolve())
    points = day_points(data_dir)
    days = list(points)
    script = "dashboard.py"
    if app_name == "floor":
        from bench.points import write_points

        points_file = REPO / "bench" / "out" / f"profile-points-{data_dir.name}.json"
        points_file.parent.mkdir(parents=True, exist_ok=True)
        os.environ["BENCH_POINTS"] = str(write_points(data_dir, points_file))
        script = "bench/floor_app.py"
    profiler = cProfile.Profile()
    active = {"on": False}
    original = LocalScriptRunner._run_script_thread

    def profiled(self):
        if not active["on"]:
            return original(self)
        profiler.enable()
        try:
            return original(self)
        finally:
            profiler.disable()

    LocalScriptRunner._run_script_thread = profiled
    try:
        app = AppTest.from_file(str(REPO / script), default_timeout=1800)
        app.query_params["date"] = days[0]
        app.run()
        if app.exception:
            raise RuntimeError(f"the page failed: {app.exception}")
        if change == "day":
            app.select_slider[0].set_value(pd.Timestamp(days[1]) if script == "dashboard.py" else days[1])
        elif change == "layer":
            next(t for t in app.toggle if not t.value).set_value(True)
        active["on"] = True
        start = time.perf_counter()
        app.run()
        elapsed = time.perf_counter() - start
        active["on"] = False
        if app.exception:
            raise RuntimeError(f"the page failed: {app.exception}")
    finally:
        LocalScriptRunner._run_script_thread = original
    return elapsed, profiler


def profile_call(function, *args) -> tuple[float, cProfile.Profile]:
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    try:
        function(*args)
    finally:
        profiler.disable()
    return time.perf_counter() - start, profiler


def first_load(data_dir: Path) -> None:
    from protest_data.summary import city_day_summary, reports_with_sources
    from protest_data.validate import load_valid_dataset

    dataset = load_valid_dataset(data_dir)
    city_day_summary(dataset)
    reports_with_sources(dataset)


def report(profiler: cProfile.Profile, top: int) -> str:
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top // 2)
    text = buffer.getvalue().replace(str(REPO) + "/", "")
    for prefix in sorted(site.getsitepackages() + [str(Path(os.__file__).parent)], key=len, reverse=True):
        text = text.replace(prefix + "/", "")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["rerun", "validate", "firstload"])
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--change", choices=["day", "layer", "same"], default="day")
    parser.add_argument("--app", choices=["dashboard", "floor"], default="dashboard",
                        help="rerun: the dashboard, or the framework floor (bench/floor_app.py)")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--out", type=Path, default=None, help="also write the profile to this file")
    args = parser.parse_args(argv)
    data_dir = data_for(args.scale)
    if args.what == "rerun":
        elapsed, profiler = profile_rerun(data_dir, args.change, args.app)
        title = f"one {args.app} rerun ({args.change} change) at scale {args.scale:g}, in AppTest"
    elif args.what == "validate":
        from protest_data.validate import validate

        elapsed, profiler = profile_call(validate, data_dir)
        title = f"validate() at scale {args.scale:g}"
    else:
        elapsed, profiler = profile_call(first_load, data_dir)
        title = f"first load (validate, load, summarise) at scale {args.scale:g}"
    text = f"{title}: {elapsed:.2f} s under the profiler\n\n{report(profiler, args.top)}"
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
