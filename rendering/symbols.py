"""Map symbols: proportional circles for counts, a colour scale for temperature, and their legends.

Circle *area* is proportional to the value (radius grows with the square root), the convention for
proportional symbols, so Moscow's crowd does not look a hundred times bigger than it is. Scales are
fixed, not fitted to the day on screen, so 23 and 31 January can be compared by eye.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

NEUTRAL_COLOUR = "#8a8a8a"  # protest reported, no figure for a switched-on layer
CITY_DOT_COLOUR = "#202020"
ABSENCE_COLOUR = "#ffffff"  # a hollow ring: a source reports that no protest took place
ABSENCE_RING_COLOUR = "#7a7a7a"


@dataclass(frozen=True)
class ProportionalScale:
    """radius (px) = reference_radius * sqrt(value / reference_value)."""

    name: str
    colour: str
    reference_value: float
    reference_radius: float
    legend_values: tuple[float, ...]

    def radius(self, value: float) -> float:
        if value is None or value <= 0 or math.isnan(value):
            return 0.0
        return self.reference_radius * math.sqrt(value / self.reference_value)

    def area(self, value: float) -> float:
        return math.pi * self.radius(value) ** 2


CROWD = ProportionalScale("crowd", "#2b6cb0", reference_value=1_000, reference_radius=9.0,
                          legend_values=(100, 1_000, 10_000, 40_000))
DETENTIONS = ProportionalScale("detentions", "#c53030", reference_value=100, reference_radius=7.0,
                               legend_values=(10, 100, 1_000, 3_000))


@dataclass(frozen=True)
class TemperatureScale:
    """Piecewise-linear colours from deep frost to thaw (°C)."""

    stops: tuple[tuple[float, str], ...] = (
        (-50.0, "#08306b"),
        (-35.0, "#2171b5"),
        (-20.0, "#6baed6"),
        (-5.0, "#c6dbef"),
        (5.0, "#fdd49e"),
        (15.0, "#e6550d"),
    )
    radius: float = 9.0

    def colour(self, celsius: float) -> str:
        stops = self.stops
        if celsius <= stops[0][0]:
            return stops[0][1]
        if celsius >= stops[-1][0]:
            return stops[-1][1]
        for (low, low_colour), (high, high_colour) in zip(stops, stops[1:]):
            if low <= celsius <= high:
                share = (celsius - low) / (high - low)
                return _mix(low_colour, high_colour, share)
        raise AssertionError("unreachable: stops cover the range")

    @property
    def legend_values(self) -> tuple[float, ...]:
        return tuple(value for value, _ in self.stops)


TEMPERATURE = TemperatureScale()


def _mix(a: str, b: str, share: float) -> str:
    first = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    second = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(x + (y - x) * share) for x, y in zip(first, second)]
    return "#" + "".join(f"{channel:02x}" for channel in mixed)
