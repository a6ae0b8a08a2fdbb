"""HTML for a city's reports, shared by map popups and the dashboard's side panel.

Everything that comes from the data (quotes, names, publishers, notes, links) is text, never markup:
it passes through :func:`text` (HTML-escaped, backticks too) or :func:`safe_url` before it is placed in
HTML. The result is later embedded in JavaScript as a JSON string (see rendering.mapview), never inside a
template literal, so ``${...}`` and backslashes stay inert as well.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

METRIC_LABELS = {
    "held": "Protest reported",
    "crowd": "Crowd",
    "detentions": "Detentions",
    "temperature_c": "Temperature",
    "cities": "Cities",
}


def text(value: object) -> str:
    """Data as HTML text: escaped, with missing values as an empty string."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, pd.Timestamp) and pd.isna(value):
        return ""
    return html.escape(str(value), quote=True).replace("`", "&#96;")


def safe_url(url: object) -> str | None:
    """An http(s) URL, escaped for an attribute; anything else (javascript:, data:) is refused."""
    if not isinstance(url, str) or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return text(url.strip())


def number(value: float) -> str:
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    if value == int(value):
        return f"{int(value):,}".replace("-", "\u2212")
    return f"{value:,}".replace("-", "\u2212")


def figure(metric: str, low: float | None, high: float | None) -> str:
    """How a report's value reads: '7,000', '15,000–20,000', '5,000 or more', 'up to 2,000', '−43 °C'."""
    low_missing, high_missing = low is None or pd.isna(low), high is None or pd.isna(high)
    unit = " °C" if metric == "temperature_c" else ""
    if low_missing and high_missing:
        return ""
    if high_missing:
        return f"{number(low)}{unit} or more"
    if low_missing:
        return f"up to {number(high)}{unit}"
    if float(low) == float(high):
        return f"{number(low)}{unit}"
    return f"{number(low)}\u2013{number(high)}{unit}"


def value_range(metric: str, smallest: float | None, largest: float | None) -> str:
    if smallest is None or pd.isna(smallest):
        return ""
    return figure(metric, smallest, largest)


def _as_of(report: pd.Series) -> str:
    as_of = report.get("as_of_text")
    if as_of is None or pd.isna(as_of):
        return ""
    moment = pd.Timestamp(as_of)
    return f"as of {moment:%d %b %H:%M} (UTC{moment.isoformat()[-6:]})"


def report_card(report: pd.Series, *, show_day: bool = False) -> str:
    """One report: its figure, who estimated it, when, the quote, and the source with a link."""
    metric = str(report["metric"])
    label = METRIC_LABELS.get(metric, metric)
    value = figure(metric, report.get("value_low"), report.get("value_high"))
    heading = f"{text(label)}: {text(value)}" if value else text(label)
    day = f'<span class="day">{text(pd.Timestamp(report["date"]).strftime("%d %B %Y"))}</span> ' if show_day else ""
    when = _as_of(report)
    link = safe_url(report.get("url"))
    publisher = text(report.get("publisher"))
    published = text(report.get("source_published"))
    title = text(report.get("title"))
    title_part = f", &ldquo;{title}&rdquo;" if title and title != "unknown" else ""
    source = f'<a href="{link}" target="_blank" rel="noopener noreferrer">{publisher}</a>' if link else publisher
    note = text(report.get("note"))
    language = text(report.get("language")) or "und"
    as_of = f' <span class="as-of">{text(when)}</span>' if when else ""
    published_part = f", {published}" if published else ""
    note_part = f'<div class="note">Note: {note}</div>' if note else ""
    return (
        f'<li class="report" data-report-id="{text(report["report_id"])}">'
        f'{day}<strong>{heading}</strong> &middot; <span class="estimator">{text(report["estimator"])}</span>{as_of}'
        f'<blockquote lang="{language}">{text(report["quote"])}</blockquote>'
        f'<div class="source">{source}{title_part}{published_part}</div>{note_part}'
        "</li>"
    )


def summary_lines(city: pd.Series) -> list[str]:
    """The day's figures for a city, each with who estimated it."""
    lines = []
    if city.get("crowd_estimates", 0):
        span = value_range("crowd", city["crowd_min"], city["crowd_max"])
        many = f" ({int(city['crowd_estimates'])} estimates)" if city["crowd_estimates"] > 1 else ""
        lines.append(f"<li>Crowd: <strong>{text(span)}</strong>{text(many)}</li>")
    if city.get("detentions_counts", 0):
        chosen = figure("detentions", city["detentions"], None if city["detentions_is_lower_bound"] else city["detentions"])
        as_of = city.get("detentions_as_of")
        when = f", as of {text(as_of)}" if isinstance(as_of, str) and as_of else ""
        spread = ""
        if city["detentions_counts"] > 1 and city["detentions_min"] != city["detentions_max"]:
            spread = f"; counts range {text(value_range('detentions', city['detentions_min'], city['detentions_max']))}"
        lines.append(f"<li>Detentions: <strong>{text(chosen)}</strong> "
                     f"({text(city['detentions_estimator'])}{when}{spread})</li>")
    if city.get("temperature_reports", 0):
        span = value_range("temperature_c", city["temperature_c"], city["temperature_max"])
        lines.append(f"<li>Temperature: <strong>{text(span)}</strong></li>")
    return lines


def city_heading(city: pd.Series) -> str:
    status = text(city.get("territory_status"))
    region = text(city.get("region"))
    where = f"{region} &mdash; {status}" if status else region
    return (
        f'<h4 class="city-name">{text(city["name_en"])} <span lang="ru">{text(city.get("name_ru"))}</span></h4>'
        f'<div class="region">{where}</div>'
    )


def city_popup(city: pd.Series, reports: pd.DataFrame) -> str:
    """The popup for one city on one day: figures with estimators, then every quote with its source."""
    lines = summary_lines(city)
    figures = f'<ul class="figures">{"".join(lines)}</ul>' if lines else '<p class="figures">Protest reported; no figures.</p>'
    cards = "".join(report_card(row) for _, row in reports.iterrows())
    return (
        f'<div class="city-popup" data-city="{text(city["city_id"])}">'
        f'{city_heading(city)}{figures}<ol class="reports">{cards}</ol></div>'
    )


def report_list(reports: Iterable[pd.Series] | pd.DataFrame, *, show_day: bool = True) -> str:
    rows = reports.iterrows() if isinstance(reports, pd.DataFrame) else enumerate(reports)
    return '<ol class="reports">' + "".join(report_card(row, show_day=show_day) for _, row in rows) + "</ol>"


@dataclass(frozen=True)
class Headline:
    """One national figure as the dashboard states it: the value, and who said it when."""

    label: str
    value: str
    caption: str
    help: str


def national_headlines(national: dict) -> list[Headline]:
    """The day's national figures (from protest_data.summary.national_summary), with attribution."""
    headlines = []
    for key, label, help_text in (
        ("detentions", "Detained nationwide", "The latest OVD-Info count in the data; the Compare page shows how it grew."),
        ("cities_with_detentions", "Cities with detentions", "Cities where OVD-Info recorded detentions, by the same rule."),
    ):
        chosen = national[key]
        if chosen is not None:
            as_of = chosen["as_of_text"]
            when = f"as of {as_of}" if isinstance(as_of, str) else "no time given"
            headlines.append(Headline(label, figure("detentions", chosen["value_low"], chosen["value_high"]),
                                      f"{chosen['estimator']}, {when}; reported by {chosen['publisher']}", help_text))
    protests = national["cities_with_protests"]
    if len(protests):
        numbers = pd.concat([protests["value_low"], protests["value_high"]]).dropna()
        counted_by = ", ".join(sorted(set(protests["estimator"])))
        headlines.append(Headline("Cities with protests", value_range("cities", numbers.min(), numbers.max()),
                                  f"{len(protests)} source counts, from {counted_by}",
                                  "Counts of cities with protests, as sources gave them; the Data page lists each."))
    headlines.append(Headline("Cities in this dataset", str(national["cities_in_dataset"]), "",
                              "Cities with at least one sourced report for this day: the dots on the map."))
    return headlines
