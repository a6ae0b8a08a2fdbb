"""HTML for a city's figures and reports, shared by map popups and the dashboard's side panel.

Everything that comes from the data (quotes, names, publishers, notes, links) is text, never markup:
it passes through :func:`text` (HTML-escaped, backticks too) or :func:`safe_url` before it is placed in
HTML. The result is later embedded in JavaScript as a JSON string (see rendering.mapview), never inside
a template literal, so ``${...}`` and backslashes stay inert as well.

Which figures are shown, and which reports stand behind them, comes from the figure rule
(protest_data.figures): this module only lays them out.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pandas as pd

from protest_data.citation import DatasetReference

from . import formatting
from .citation import report_citation
from .formatting import missing
from .i18n import Words
from .vocabulary import estimator_name, metric_label, region_label

DRAWN = "drawn"
SUPERSEDED = "superseded"
MAX_COUNTERS_IN_TOOLTIP = 3


def text(value: object) -> str:
    """Data as HTML text: escaped, with missing values as an empty string."""
    if missing(value):
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


def city_name(city: pd.Series, words: Words) -> str:
    """The city's name in the interface's language."""
    return str(city["name_ru"] if words.lang == "ru" and not missing(city.get("name_ru")) else city["name_en"])


def _other_name(city: pd.Series, words: Words) -> tuple[str, str]:
    if words.lang == "ru":
        return str(city["name_en"]), "en"
    return ("" if missing(city.get("name_ru")) else str(city["name_ru"])), "ru"


def city_heading(city: pd.Series, words: Words, *, region: str | None = None) -> str:
    other, other_lang = _other_name(city, words)
    status = text(city.get("territory_status"))
    place = text(region if region is not None else region_label(city.get("region"), city.get("country_code"), words))
    where = f"{place} &mdash; {status}" if status else place
    return (
        f'<h4 class="city-name" id="city-heading-{text(city["city_id"])}">{text(city_name(city, words))} '
        f'<span lang="{other_lang}">{text(other)}</span></h4><div class="region">{where}</div>'
    )


def counter_figure(row: pd.Series, words: Words) -> str:
    """One counter's latest figure: '14 — police', with its time and the outlets that reported it."""
    value = formatting.figure(str(row["metric"]), row["value_low"], row["value_high"], words)
    when = formatting.moment(row.get("as_of_text"), words)
    as_of = words._("as of {time}", time=when)
    when_part = f' <span class="as-of">{text(as_of)}</span>' if when else ""
    via = ", ".join(row["publishers"])
    reported_by = words._("reported by {outlets}", outlets=via)
    via_part = f' <span class="via">{text(reported_by)}</span>' if via else ""
    ids = " ".join(row["report_ids"])
    return (f'<li class="counter" data-report-ids="{text(ids)}"><strong class="figure">{text(value)}</strong> '
            f'&mdash; <span class="estimator">{text(estimator_name(row["estimator"], words))}</span>{when_part}{via_part}</li>')


def records(rows) -> list:
    """Rows as plain mappings: building a city's lines from dicts is many times faster than from
    DataFrame rows, which matters when the map model is built for thousands of cities."""
    if rows is None:
        return []
    if isinstance(rows, pd.DataFrame):
        return rows.to_dict("records")
    return rows if isinstance(rows, list) else list(rows)


def _temperature_span(temps: list, words: Words) -> str:
    lows = [r["value_low"] if not missing(r["value_low"]) else r["value_high"] for r in temps]
    highs = [r["value_high"] if not missing(r["value_high"]) else r["value_low"] for r in temps]
    lows, highs = [v for v in lows if not missing(v)], [v for v in highs if not missing(v)]
    return formatting.temperature_span(min(lows, default=float("nan")), max(highs, default=float("nan")),
                                       len(temps), words)


def figure_lines(counters, words: Words) -> str:
    """A place's figures for one day: each metric, each counter's figure beside the others.

    ``counters`` is the figure rule's counters for the place (a DataFrame, or its rows as dicts)."""
    counters = records(counters)
    blocks = []
    for metric in ("crowd", "detentions"):
        rows = [row for row in counters if row["metric"] == metric]
        if rows:
            items = "".join(counter_figure(row, words) for row in rows)
            blocks.append(f'<div class="metric metric-{metric}"><span class="metric-label">'
                          f'{text(metric_label(metric, words))}</span><ul class="counters">{items}</ul></div>')
    temps = [row for row in counters if row["metric"] == "temperature_c"]
    if temps:
        span = _temperature_span(temps, words)
        sources = ", ".join(dict.fromkeys(estimator_name(row["estimator"], words) for row in temps))
        ids = " ".join(i for row in temps for i in row["report_ids"])
        blocks.append(f'<div class="metric metric-temperature_c"><span class="metric-label">'
                      f'{text(metric_label("temperature_c", words))}</span><ul class="counters">'
                      f'<li class="counter" data-report-ids="{text(ids)}"><strong class="figure">{text(span)}</strong>'
                      f' &mdash; <span class="estimator">{text(sources)}</span></li></ul></div>')
    return "".join(blocks)


def absence_lines(absences, words: Words, *, conflict: bool) -> str:
    """Who reports that no protest took place here that day (and, if others report one, that they differ)."""
    absences = records(absences)
    if not absences:
        return ""
    said = ", ".join(dict.fromkeys(f"{estimator_name(row['estimator'], words)} ({row['publisher']})"
                                   for row in absences))
    ids = " ".join(str(row["report_id"]) for row in absences)
    message = words._("Sources disagree: no protest here, according to {sources}", sources=said) if conflict \
        else words._("No protest here, according to {sources}", sources=said)
    return f'<p class="absence{" conflict" if conflict else ""}" data-report-ids="{text(ids)}">{text(message)}</p>'


def tooltip_text(city, counters, words: Words, *, absences=None, absence_only: bool = False) -> str:
    """Plain text for hovering a dot: the city and each metric's counters, briefly."""
    if absence_only:
        absent = words._("a source reports no protest here")
        return f"{city_name(city, words)}: {absent}"
    counters = records(counters)
    parts = []
    for metric in ("crowd", "detentions"):
        rows = [row for row in counters if row["metric"] == metric]
        if rows:
            shown = [f"{formatting.figure(metric, r['value_low'], r['value_high'], words)} "
                     f"({estimator_name(r['estimator'], words)})"
                     for r in rows[:MAX_COUNTERS_IN_TOOLTIP]]
            more = len(rows) - MAX_COUNTERS_IN_TOOLTIP
            if more > 0:
                shown.append(words.n_("{count} more", "{count} more", more))
            parts.append(f"{metric_label(metric, words)}: {', '.join(shown)}")
    temps = [row for row in counters if row["metric"] == "temperature_c"]
    if temps:
        parts.append(_temperature_span(temps, words))
    detail = "; ".join(parts) if parts else words._("protest reported, no figure")
    if records(absences):
        detail += "; " + words._("another source reports no protest")
    return f"{city_name(city, words)}: {detail}"


def city_popup(city, counters, words: Words, *, absences=None, absence_only: bool = False) -> str:
    """The popup for one city on one day: its figures with who counted them, and where to read more."""
    lines = figure_lines(counters, words)
    if absence_only:
        figures = ""
    else:
        no_figures = words._("Protest reported; no figures.")
        figures = lines or f'<p class="no-figures">{text(no_figures)}</p>'
    absence = absence_lines(absences, words, conflict=not absence_only)
    more = words._("Every quote is in the panel beside the map.")
    return (
        f'<div class="city-popup" data-city="{text(city["city_id"])}">{city_heading(city, words)}'
        f'<div class="figures">{figures}</div>{absence}'
        f'<p class="more">{text(more)}</p></div>'
    )


@dataclass(frozen=True)
class CardActions:
    """What a report card offers beside its quote: a link to the report, and a ready citation.

    ``link_prefix`` is the address a report id is appended to: ``./?report=`` on the dashboard (the map
    opens on that report), ``#report=`` in the one-file map. With a ``dataset`` and an ``accessed`` date
    (the citation's access date), each card also has 'Cite'. ``city_names`` gives each city's name in
    the interface's language.
    """

    link_prefix: str
    dataset: DatasetReference | None = None
    accessed: dt.date | None = None
    city_names: Mapping[str, str] = field(default_factory=dict)

    @property
    def cites(self) -> bool:
        return self.dataset is not None and self.accessed is not None

    def link(self, report_id: object) -> str:
        return self.link_prefix + quote(str(report_id), safe="")

    def citation(self, report: pd.Series, words: Words) -> str:
        city = report.get("city_id")
        name = None if missing(city) else self.city_names.get(str(city), str(city))
        return report_citation(report, words, dataset=self.dataset, accessed=self.accessed, city_name=name)


def city_names(cities: pd.DataFrame, words: Words) -> dict[str, str]:
    """Each city's name in the interface's language, by city_id."""
    return {str(row["city_id"]): city_name(row, words) for _, row in cities.iterrows()}


def card_actions(report: pd.Series, words: Words, actions: CardActions) -> str:
    """'Link' (an address that opens this report) and 'Cite' (the citation, shown on request)."""
    link_label, cite_label = words._("Link"), words._("Cite")
    cite = (f' <details class="cite"><summary>{text(cite_label)}</summary>'
            f'<p class="citation">{text(actions.citation(report, words))}</p></details>') if actions.cites else ""
    return (f'<div class="actions"><a class="report-link" href="{text(actions.link(report["report_id"]))}">'
            f'{text(link_label)}</a>{cite}</div>')


def source_line(report: pd.Series, words: Words) -> str:
    """Where a report was published: the publisher (linked), the title and the date, as one line."""
    link = safe_url(report.get("url"))
    publisher = text(report.get("publisher"))
    title = text(report.get("title"))
    title_part = f", &ldquo;{title}&rdquo;" if title and title != "unknown" else ""
    source = f'<a href="{link}" target="_blank" rel="noopener noreferrer">{publisher}</a>' if link else publisher
    published = report.get("source_published")
    published_part = f", {text(formatting.date(str(published)[:10], words))}" if not missing(published) else ""
    return f'<div class="source">{source}{title_part}{published_part}</div>'


def report_card(report: pd.Series, words: Words, *, show_day: bool = False, status: str | None = None,
                actions: CardActions | None = None, highlight: bool = False) -> str:
    """One report: its figure, who estimated it, when, the quote, and the source with a link.

    ``status`` marks a figure report as ``drawn`` (behind a figure on the map) or ``superseded`` (an
    earlier count by the same counter: history). ``actions`` adds 'Link' and 'Cite' (see :class:`CardActions`);
    ``highlight`` marks the report a link (?report=) opened.
    """
    metric = str(report["metric"])
    value = formatting.figure(metric, report.get("value_low"), report.get("value_high"), words)
    label = text(metric_label(metric, words))
    heading = f"{label}: {text(value)}" if value else label
    day = f'<span class="day">{text(formatting.date(report["date"], words))}</span> ' if show_day else ""
    when = formatting.moment(report.get("as_of_text"), words)
    as_of_text = words._("as of {time}", time=when)
    as_of = f' <span class="as-of">{text(as_of_text)}</span>' if when else ""
    note = text(report.get("note"))
    note_label = words._("Note:")
    note_part = f'<div class="note">{text(note_label)} {note}</div>' if note else ""
    language = text(report.get("language")) or "und"
    badges = {DRAWN: words._("drawn on the map"), SUPERSEDED: words._("superseded by a later count")}
    badge = f' <span class="badge {status}">{text(badges[status])}</span>' if status in badges else ""
    return (
        f'<li class="report{f" {status}" if status else ""}{" highlight" if highlight else ""}" '
        f'data-report-id="{text(report["report_id"])}">'
        f'{day}<strong>{heading}</strong> &middot; '
        f'<span class="estimator">{text(estimator_name(report["estimator"], words))}</span>'
        f'{as_of}{badge}<blockquote lang="{language}">{text(report["quote"])}</blockquote>'
        f'{source_line(report, words)}{note_part}'
        f'{card_actions(report, words, actions) if actions else ""}</li>'
    )


def report_list(reports: pd.DataFrame, words: Words, *, show_day: bool = True,
                statuses: dict[str, str] | None = None, actions: CardActions | None = None,
                highlight: str | None = None) -> str:
    statuses = statuses or {}
    cards = "".join(report_card(row, words, show_day=show_day, status=statuses.get(str(row["report_id"])),
                                actions=actions, highlight=str(row["report_id"]) == highlight)
                    for _, row in reports.iterrows())
    return f'<ol class="reports">{cards}</ol>'


def history_timeline(annotated: pd.DataFrame, words: Words) -> str:
    """For each counter with superseded counts, its counts in time order: the history of its figure."""
    blocks = []
    for (metric, _), rows in annotated.groupby(["metric", "counter"], sort=False):
        if not rows["superseded"].any():
            continue
        rows = rows.sort_values(["reported_at", "report_id"], na_position="first")
        items = []
        for _, row in rows.iterrows():
            when = formatting.moment(row.get("as_of_text"), words) or words._("time not given")
            value = formatting.figure(str(metric), row["value_low"], row["value_high"], words)
            state = DRAWN if row["drawn"] else SUPERSEDED
            items.append(f'<li class="{state}" data-report-id="{text(row["report_id"])}">{text(when)}: '
                         f'<strong>{text(value)}</strong> ({text(row["publisher"])})</li>')
        title = words._("{metric} counted by {counter}, over time", metric=metric_label(str(metric), words),
                        counter=estimator_name(rows["estimator"].iloc[0], words))
        blocks.append(f'<div class="timeline"><div class="timeline-title">{text(title)}</div>'
                      f'<ol>{"".join(items)}</ol></div>')
    return "".join(blocks)
