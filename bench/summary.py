"""Time the figure rule over the whole dataset against applying it one (day, city) group at a time.

The baseline runs the same rule group by group, the way a per-city loop would; both are run on the real
data and on a tenfold copy of it, and must agree.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from protest_data.figures import annotate, counter_figures, metric_spans  # noqa: E402
from protest_data.summary import reports_with_sources  # noqa: E402
from protest_data.tables import load_dataset  # noqa: E402


def whole(dataset) -> pd.DataFrame:
    return metric_spans(counter_figures(annotate(reports_with_sources(dataset))))


def per_group_baseline(dataset) -> pd.DataFrame:
    reports = reports_with_sources(dataset)
    spans = [metric_spans(counter_figures(annotate(group)))
             for _, group in reports.groupby(["date", reports["city_id"].fillna("")], sort=True)]
    return pd.concat(spans, ignore_index=True)


def scaled(dataset, times: int):
    """The same reports repeated under new city ids, to see how each approach grows."""
    reports, cities = [], []
    for copy in range(times):
        suffix = f"-x{copy}"
        reports.append(dataset.reports.assign(city_id=dataset.reports["city_id"] + suffix,
                                              report_id=dataset.reports["report_id"] + suffix))
        cities.append(dataset.cities.assign(city_id=dataset.cities["city_id"] + suffix))
    return replace(dataset, reports=pd.concat(reports, ignore_index=True), cities=pd.concat(cities, ignore_index=True))


def best_of(function, argument, repeats: int = 3) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        function(argument)
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    dataset = load_dataset()
    for label, data in (("real data", dataset), ("5x data", scaled(dataset, 5))):
        keys = ["date", "place", "metric", "counted"]
        ours = whole(data).sort_values(keys).reset_index(drop=True)
        baseline = per_group_baseline(data).sort_values(keys).reset_index(drop=True)
        pd.testing.assert_frame_equal(ours, baseline, check_dtype=False)
        fast, slow = best_of(whole, data), best_of(per_group_baseline, data, repeats=1)
        print(f"{label:>9}: {len(data.reports):5d} reports, {len(ours):4d} spans | "
              f"rule {fast * 1000:7.1f} ms | per-group baseline {slow * 1000:8.1f} ms | "
              f"baseline / summary = {slow / fast:5.1f}x")


if __name__ == "__main__":
    main()
