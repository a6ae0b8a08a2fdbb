"""Time protest_data.summary.city_day_summary against a straightforward per-group loop (the baseline).

The baseline computes the same figures one (day, city) group at a time, which is how the summary was
first written; both are run on the real data and on a tenfold copy of it, and must agree.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from protest_data.summary import city_day_summary, pick_count, reports_with_sources, single_day  # noqa: E402
from protest_data.tables import load_dataset  # noqa: E402


def per_group_baseline(dataset) -> pd.DataFrame:
    reports = single_day(reports_with_sources(dataset))
    reports = reports[reports["city_id"].notna()]
    rows = []
    for (day, city_id), group in reports.groupby(["date", "city_id"], sort=True):
        crowd = group[group["metric"] == "crowd"]
        numbers = pd.concat([crowd["value_low"], crowd["value_high"]]).dropna()
        chosen = pick_count(group[group["metric"] == "detentions"])
        rows.append({
            "date": day, "city_id": city_id,
            "crowd_max": numbers.max() if len(numbers) else pd.NA,
            "detentions": None if chosen is None else (
                chosen["value_low"] if pd.notna(chosen["value_low"]) else chosen["value_high"]),
        })
    return pd.DataFrame(rows)


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
    for label, data in (("real data", dataset), ("10x data", scaled(dataset, 10))):
        ours, baseline = city_day_summary(data), per_group_baseline(data)
        merged = ours.merge(baseline, on=["date", "city_id"], suffixes=("", "_baseline"))
        assert len(merged) == len(ours) == len(baseline)
        assert (merged["crowd_max"].fillna(-1) == merged["crowd_max_baseline"].astype("Float64").fillna(-1)).all()
        assert (merged["detentions"].fillna(-1) == merged["detentions_baseline"].astype("Float64").fillna(-1)).all()
        fast, slow = best_of(city_day_summary, data), best_of(per_group_baseline, data)
        print(f"{label:>9}: {len(data.reports):5d} reports, {len(ours):4d} city-days | "
              f"summary {fast * 1000:7.1f} ms | per-group baseline {slow * 1000:8.1f} ms | "
              f"baseline / summary = {slow / fast:5.1f}x")


if __name__ == "__main__":
    main()
