"""Legends as self-contained HTML/SVG (no d3, no CDN): reference circle sizes and the temperature scale."""

from __future__ import annotations

from .cards import text
from .formatting import number
from .i18n import Words
from .symbols import (
    ABSENCE_COLOUR,
    ABSENCE_RING_COLOUR,
    CROWD,
    DETENTIONS,
    NEUTRAL_COLOUR,
    TEMPERATURE,
    ProportionalScale,
)


def _circles(scale: ProportionalScale, title: str, words: Words) -> str:
    items = []
    for value in scale.legend_values:
        diameter = 2 * scale.radius(value)
        items.append(
            '<div style="display:flex;flex-direction:column;align-items:center;gap:2px">'
            f'<span class="legend-circle" data-value="{value:g}" style="display:inline-block;width:{diameter:.1f}px;'
            f'height:{diameter:.1f}px;border-radius:50%;border:1px solid {scale.colour};'
            f'background:{scale.colour}4d"></span><span>{text(number(value, words))}</span></div>'
        )
    return (f'<div class="legend-block legend-{scale.name}"><div class="legend-title">{text(title)}</div>'
            f'<div style="display:flex;align-items:flex-end;gap:10px">{"".join(items)}</div></div>')


def _temperature(words: Words) -> str:
    stops = TEMPERATURE.stops
    low, high = stops[0][0], stops[-1][0]
    gradient = ", ".join(f"{colour} {100 * (value - low) / (high - low):.0f}%" for value, colour in stops)
    ticks = "".join(f'<span style="position:absolute;left:{100 * (value - low) / (high - low):.0f}%;'
                    f'transform:translateX(-50%)">{text(number(value, words))}</span>' for value, _ in stops)
    title = words._("Temperature at the protest, °C: the colour of the middle (median) of the reported values")
    return (f'<div class="legend-block legend-temperature"><div class="legend-title">{text(title)}</div>'
            f'<div style="width:240px;height:12px;background:linear-gradient(to right, {gradient})"></div>'
            f'<div style="position:relative;width:240px;height:16px;font-size:11px">{ticks}</div></div>')


def legend_html(layers: tuple[str, ...] | set[str], words: Words) -> str:
    blocks = []
    if "crowd" in layers:
        title = words._("Crowd (area ∝ people): the outer circle is the largest figure, the inner one the smallest, across all who estimated it")  # noqa: E501
        blocks.append(_circles(CROWD, title, words))
    if "detentions" in layers:
        title = words._("Detentions (area ∝ people detained): each counter's latest count; circles span the smallest to the largest")  # noqa: E501
        blocks.append(_circles(DETENTIONS, title, words))
    if "temperature" in layers:
        blocks.append(_temperature(words))
    neutral = text(words._("protest reported, no figure for the layers shown"))
    blocks.append('<div class="legend-block legend-neutral"><span style="display:inline-block;width:9px;height:9px;'
                  f'border-radius:50%;background:{NEUTRAL_COLOUR}"></span> {neutral}</div>')
    absent = text(words._("a source reports that no protest took place (never counted as a protest city)"))
    blocks.append('<div class="legend-block legend-absence"><span style="display:inline-block;width:7px;height:7px;'
                  f'border-radius:50%;background:{ABSENCE_COLOUR};border:1.5px solid {ABSENCE_RING_COLOUR}"></span> '
                  f'{absent}</div>')
    return ('<div class="map-legend" style="display:flex;flex-wrap:wrap;gap:18px;align-items:flex-end;'
            'font:12px system-ui, sans-serif">' + "".join(blocks) + "</div>")
