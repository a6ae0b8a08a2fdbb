"""What the floors draw for a point (bench/points.py): pure Python, so the framework floor imports no pandas."""

from __future__ import annotations

import math

LAYERS = ("crowd", "detentions", "temperature")
DEFAULT_LAYERS = ("crowd", "detentions")


def circles(point: list, layers) -> list[tuple[float, str, float]]:
    """(radius px, colour, fill opacity) of the symbols drawn under a city's dot, largest first: for crowd
    and detentions the largest figure, and the smallest inside it when they differ; for temperature a disc."""
    _, _, _, crowd_high, crowd_low, detentions_high, detentions_low, temperature = point
    drawn = []
    for layer, high, low, colour, reference, radius in (
            ("crowd", crowd_high, crowd_low, "#2b6cb0", 1000, 9.0),
            ("detentions", detentions_high, detentions_low, "#c53030", 100, 7.0)):
        if layer in layers and high:
            drawn.append((radius * math.sqrt(high / reference), colour, 0.25))
            if low and low != high:
                drawn.append((radius * math.sqrt(low / reference), colour, 0.45))
    if "temperature" in layers and temperature is not None:
        drawn.append((9.0, "#6baed6", 0.9))
    return sorted(drawn, reverse=True)


def parse_layers(text: str | None) -> tuple[str, ...]:
    if text is None:
        return DEFAULT_LAYERS
    return tuple(layer for layer in LAYERS if layer in text.split(","))
