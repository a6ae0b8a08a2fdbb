"""The shared vocabulary: the map's layers, the dataset's metrics, and what each is called."""

from __future__ import annotations

from functools import lru_cache

from geo.regions import region_named, region_names

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

# Estimators whose names are descriptions, not proper names (estimators.csv): shown in the interface's
# language. Outlets, monitors and people keep their own names in every language.
_ESTIMATOR_LABELS = {
    "activists": N_("activists"),
    "authorities": N_("authorities"),
    "eyewitnesses": N_("eyewitnesses"),
    "human rights defenders (Yekaterinburg)": N_("human rights defenders (Yekaterinburg)"),
    "media (unnamed)": N_("media (unnamed)"),
    "officials (unspecified)": N_("officials (unspecified)"),
    "organisers": N_("organisers"),
    "police": N_("police"),
    "unattributed": N_("unattributed"),
    "unnamed monitoring group": N_("unnamed monitoring group"),
    "various estimates": N_("various estimates"),
}


def estimator_name(estimator: object, words: Words) -> str:
    name = "" if estimator is None else str(estimator)
    return words._(_ESTIMATOR_LABELS[name]) if name in _ESTIMATOR_LABELS else name


@lru_cache(maxsize=None)
def _region_ru(region: str, country_code: str) -> str | None:
    found = region_named(region, country_code)
    names = region_names(found.code) if found else None
    return names.ru if names else None


def region_label(region: object, country_code: object, words: Words) -> str:
    """A region (cities.csv's GeoNames name) in the interface's language: Russian names come from
    geo/data/region_names_ru.tsv; a region without one keeps its GeoNames name."""
    name = "" if region is None else str(region)
    if words.lang == "ru" and name:
        return _region_ru(name, str(country_code)) or name
    return name


def _spellings(name: str) -> list[str]:
    """Common Latin spellings of a name besides the curated one: Saint/St, E/Ye, Yo/E."""
    variants = {name, name.replace("St ", "Saint "), name.replace("Saint ", "St ")}
    for old, new in (("Ye", "E"), ("Yo", "E"), ("-on-", "-na-")):
        variants |= {v.replace(old, new) for v in list(variants)}
    return sorted(variants - {name})


def search_label(city, words: Words) -> str:
    """How a city reads in the city box, so that typing either name, or a common spelling, finds it:
    'Kazan · Казань', 'Yekaterinburg · Екатеринбург · Ekaterinburg'."""
    english, russian = str(city["name_en"]), str(city["name_ru"])
    first, second = (russian, english) if words.lang == "ru" else (english, russian)
    return " · ".join([first, second, *_spellings(english)])
