"""What the floors draw for a point (bench/points.py): pure Python, so the framework floor imports no pandas."""

from __future__ import annotations

import math

LAYERS = ("crowd", "detentions", "temperature")
DEFAULT_LAYERS = ("crowd", "detentions")


def circles(point: list, layers) -> list[tuple[float, str, float]]:
    """(radius px, colour, fill opacity) of the symbols drawn under a city's dot, largest first."""
    _, _, _, crowd_max, crowd_min, detentions, temperature = point
    drawn = []
    if "crowd" in layers and crowd_max:
        drawn.append((9.0 * math.sqrt(crowd_max / 1000), "#2b6cb0", 0.25))
        if crowd_min and crowd_min != crowd_max:
            drawn.append((9.0 * math.sqrt(crowd_min / 1000), "#2b6cb0", 0.45))
    if "detentions" in layers and detentions:
        drawn.append((7.0 * math.sqrt(detentions / 100), "#c53030", 0.45))
    if "temperature" in layers and temperature is not None:
        drawn.append((9.0, "#6baed6", 0.9))
    return sorted(drawn, reverse=True)


def parse_layers(text: str | None) -> tuple[str, ...]:
    if text is None:
        return DEFAULT_LAYERS
    return tuple(layer for layer in LAYERS if layer in text.split(","))
