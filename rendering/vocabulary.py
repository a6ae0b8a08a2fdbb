"""The shared vocabulary: the map's layers, the dataset's metrics, and what each is called."""

from __future__ import annotations

from .i18n import N_, Words

LAYERS = ("crowd", "detentions", "temperature")
DEFAULT_LAYERS = ("crowd", "detentions")
LAYER_METRIC = {"crowd": "crowd", "detentions": "detentions", "temperature": "temperature_c"}
# What the data records about a city on a day (reports.metric), in reading order.
METRICS = ("held", "no_protest", "crowd", "detentions", "temperature_c", "cities")
FIGURE_METRICS = ("crowd", "detentions", "temperature_c")

_LAYER_LABELS = {
    "crowd": N_("Crowd size"),
    "detentions": N_("Detentions"),
    "temperature": N_("Temperature"),
}
_METRIC_LABELS = {
    "held": N_("Protest reported"),
    "no_protest": N_("No protest reported"),
    "crowd": N_("Crowd"),
    "detentions": N_("Detentions"),
    "temperature_c": N_("Temperature"),
    "cities": N_("Cities"),
}


def layer_label(layer: str, words: Words) -> str:
    return words._(_LAYER_LABELS[layer])


def metric_label(metric: str, words: Words) -> str:
    return words._(_METRIC_LABELS[metric]) if metric in _METRIC_LABELS else metric
