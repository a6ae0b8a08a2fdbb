"""Time building one day's map layers (markers, popups, folium feature groups) against the base map.

The base map (outlines, fit to Russia) is built on every page run, so it is the natural yardstick:
the ratio says how much the day's markers add to each rerun.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from streamlit_folium import generate_leaflet_string  # noqa: E402

from protest_data.summary import city_day_summary, counters_by_city, figures  # noqa: E402
from protest_data.tables import load_dataset  # noqa: E402
from rendering.i18n import ENGLISH  # noqa: E402
from rendering.mapview import base_map, layer_groups  # noqa: E402
from rendering.markers import LAYERS, city_markers  # noqa: E402


def best_of(function, repeats: int = 5) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    dataset = load_dataset()
    rule = figures(dataset)
    summary = city_day_summary(dataset, rule)

    def build_base():
        fmap = base_map()
        fmap.get_root().render()

    base_time = best_of(build_base)
    for day in sorted(summary["date"].unique()):
        day_summary = summary[summary["date"] == day]
        counters = counters_by_city(rule, day)

        def build_layers(day_summary=day_summary, counters=counters):
            fmap = base_map()
            for group in layer_groups(city_markers(day_summary, counters, set(LAYERS), ENGLISH)):
                group.add_to(fmap)
                generate_leaflet_string(group)

        layers_time = best_of(build_layers) - base_time
        print(f"{str(day)[:10]}: {len(day_summary):3d} cities | base map {base_time * 1000:6.1f} ms | "
              f"day layers {layers_time * 1000:6.1f} ms | layers / base = {layers_time / base_time:4.1f}x")


if __name__ == "__main__":
    main()
