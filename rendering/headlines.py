"""The day's national figures as the dashboard states them: each with who counted it, and when."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import formatting
from .i18n import N_, Words
from .vocabulary import estimator_name


@dataclass(frozen=True)
class Headline:
    """One national figure: the value, and who said it when; ``others`` lists the other counters."""

    key: str
    label: str
    value: str
    caption: str
    help: str


_LABELS = {
    "detentions": (N_("Detained nationwide"),
                   N_("The latest count of each counter, monitors first; the Compare page shows how it grew.")),
    "cities_with_detentions": (N_("Cities with detentions"), N_("Counts of cities where people were detained.")),
    "cities_with_protests": (N_("Cities with protests"),
                             N_("Counts of cities with protests, as sources gave them; the Data page lists each.")),
}


def _counter_text(row: pd.Series, metric: str, words: Words) -> str:
    who = estimator_name(row["estimator"], words)
    return f"{formatting.figure(metric, row['value_low'], row['value_high'], words)} ({who})"


def national_headlines(national: dict, words: Words) -> list[Headline]:
    """Headlines from :func:`protest_data.summary.national_summary`: the first counter in the figure
    rule's display order is shown, the others are named beside it, never merged into one number."""
    headlines = []
    for key, (label, help_text) in _LABELS.items():
        counters = national[key]
        if not len(counters):
            continue
        first = counters.iloc[0]
        metric = "detentions" if key == "detentions" else "cities"
        when = formatting.moment(first["as_of_text"], words)
        who = estimator_name(first["estimator"], words)
        attribution = words._("{counter}, as of {time}", counter=who, time=when) if when \
            else words._("{counter}, no time given", counter=who)
        caption = words._("{attribution}; reported by {outlets}", attribution=attribution,
                          outlets=", ".join(first["publishers"]))
        others = [_counter_text(row, metric, words) for _, row in counters.iloc[1:].iterrows()]
        if others:
            caption += " " + words.n_("({count} other count)", "({count} other counts)", len(others))
            help_text = words._(help_text) + " " + words._("Other counts: {counts}.", counts="; ".join(others))
        else:
            help_text = words._(help_text)
        headlines.append(Headline(key, words._(label), formatting.figure(metric, first["value_low"],
                                                                         first["value_high"], words),
                                  caption, help_text))
    headlines.append(Headline("cities_in_dataset", words._("Cities in this dataset"),
                              formatting.number(national["cities_in_dataset"], words), "",
                              words._("Cities with at least one sourced report for this day: the dots on the map.")))
    return headlines
