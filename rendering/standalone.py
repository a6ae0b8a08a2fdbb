"""The one-file map: a single HTML file that any static host can serve and any page can embed.

``python -m rendering export-html OUT.html [--lang en|ru] [--data-dir DIR]`` writes it;
:func:`export_html` returns it as a string.

Everything is inside the file: Leaflet's script and stylesheet (from the XStatic-Leaflet package, with
its few images as data: URIs), the Natural Earth basemap, and every day's data. It loads nothing from
the network (a Content-Security-Policy in the page forbids it), so it opens from file:// and inside an
<iframe> on any host.

Nothing is re-implemented in JavaScript but the glue. The figure rule (protest_data.figures), the map
model (rendering.markers: symbols, radii, colours, tooltips, popups), the panel's cards, the history
timelines, the legends and the headlines are computed here, in Python, exactly as the dashboard
computes them, and every piece of text is escaped here (rendering.cards). The page's script only
chooses which precomputed pieces to show, and joins them. The data travels as one JSON document inside
``<script type="application/json">``, escaped for that context (rendering.mapview.script_json).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import xstatic.pkg.leaflet as xstatic_leaflet

from geo.outline import basemap
from protest_data.citation import dataset_reference
from protest_data.summary import (
    Figures,
    absences_by_city,
    city_day_summary,
    counters_by_city,
    day_counters,
    day_labels,
    figures,
    held_only_days,
    national_summary,
    protest_days,
    reports_for_city,
    reports_with_sources,
)
from protest_data.tables import DEFAULT_DATA_DIR, Dataset
from protest_data.validate import load_valid_dataset

from .cards import (
    DRAWN,
    SUPERSEDED,
    CardActions,
    city_heading,
    city_names,
    history_timeline,
    report_card,
    source_line,
    text,
)
from .citation import dataset_text
from .headlines import national_headlines
from .i18n import Words
from .legend import legend_html
from .mapview import MAP_STYLE, RUSSIA_BOUNDS, dot_styles, outline_styles, script_json
from .markers import CityMarker, city_markers
from .vocabulary import DEFAULT_LAYERS, LAYERS, layer_label

STATIC = Path(__file__).resolve().parent / "static"
LINK_PREFIX = "#report="
# The page may run its own inline script and styles and show data: images; nothing else, from nowhere.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                           "img-src data:; base-uri 'none'; form-action 'none'")


def export_html(data_dir: Path | str = DEFAULT_DATA_DIR, lang: str = "en") -> str:
    """The one-file map of the data package at ``data_dir``, validated first, in language ``lang``."""
    dataset = load_valid_dataset(data_dir)
    return page_html(dataset, Words(lang))


def page_html(dataset: Dataset, words: Words, *, rule: Figures | None = None,
              reports: pd.DataFrame | None = None) -> str:
    """The whole page, for an already validated dataset (the dashboard passes its cached rule)."""
    return render_page(page_content(dataset, words, rule=rule, reports=reports), words)


@dataclass(frozen=True)
class Panel:
    """One city's side panel, in escaped HTML: its heading; per day its figures, their history, a title
    and its reports (by id); then the reports spanning several days."""

    heading: str
    days: dict[str, dict]
    spanning: list[str]
    spanning_dates: list[str]
    spanning_title: str


@dataclass(frozen=True)
class Content:
    """What the page shows. ``data`` travels as JSON (numbers, ids and plain text only); the rest is
    escaped HTML that travels inside inert <template> elements, each piece once."""

    data: dict
    popups: dict[str, dict[str, str]]  # day -> city -> popup
    headlines: dict[str, str]  # day -> the national figures
    panels: dict[str, Panel]  # city -> panel
    reports: dict[str, str]  # report id -> card, its shared parts left as placeholders
    sources: dict[str, str]  # source id -> the source line its cards share
    pick: str


def page_content(dataset: Dataset, words: Words, *, rule: Figures | None = None,
                 reports: pd.DataFrame | None = None) -> Content:
    rule = rule or figures(dataset)
    reports = reports if reports is not None else reports_with_sources(dataset)
    summary = city_day_summary(dataset, rule)
    days = protest_days(dataset)
    names = city_names(dataset.cities, words)
    day_names = day_labels(dataset, words.lang)
    # Cards link to themselves inside the file (#report=). They carry no ready citation: it would be a
    # third of the file; the footer says how to cite a figure (its estimator and source, and the dataset).
    actions = CardActions(LINK_PREFIX, city_names=names)

    markers: dict[str, list[dict]] = {}
    popups: dict[str, dict[str, str]] = {}
    headlines: dict[str, str] = {}
    shown: set[str] = set()
    held_only = set(held_only_days(dataset))
    for day in days:
        key = f"{day:%Y-%m-%d}"
        day_markers = city_markers(summary[summary["date"] == day], counters_by_city(rule, day), set(LAYERS),
                                   words, absences_by_city(reports, day))
        markers[key] = [_marker(marker) for marker in day_markers]
        popups[key] = {marker.city_id: marker.popup_html for marker in day_markers}
        shown.update(marker.city_id for marker in day_markers)
        headlines[key] = _headlines(dataset, day, rule, words, held_only=day in held_only)

    statuses = dict(zip(rule.reports["report_id"].astype(str),
                        np.where(rule.reports["drawn"], DRAWN, SUPERSEDED), strict=True))
    cities = dataset.cities.set_index("city_id", drop=False)
    cards: dict[str, str] = {}
    sources: dict[str, str] = {}
    panels = {city_id: _panel(cities.loc[city_id], reports, rule, statuses, actions, words, cards, sources,
                               day_names)
              for city_id in sorted(shown)}
    population = pd.to_numeric(cities["population"], errors="coerce").fillna(0)
    data = {
        "lang": words.lang,
        "days": [f"{day:%Y-%m-%d}" for day in days],
        "dayNames": {f"{day:%Y-%m-%d}": day_names.get(day, f"{day:%Y-%m-%d}") for day in days},
        "layers": list(LAYERS),
        "defaultLayers": list(DEFAULT_LAYERS),
        "bounds": RUSSIA_BOUNDS,
        "basemap": basemap(),
        "outline": outline_styles(),
        "dots": dot_styles(),
        "cities": {city_id: {"name": names[city_id], "population": int(population[city_id])}
                   for city_id in sorted(shown)},
        "markers": markers,
        "attribution": text(words._("Outlines: {source} (public domain)", source="Natural Earth")),
    }
    pick = words._("Click a dot on the map, or choose a city above, to read every report about it on every day.")
    return Content(data, popups, headlines, panels, cards, dict(sorted(sources.items())),
                   f'<p class="pick">{text(pick)}</p>')


def _marker(marker: CityMarker) -> dict:
    return {
        "city": marker.city_id,
        "lat": marker.lat,
        "lon": marker.lon,
        "absence": marker.absence_only,
        "tooltip": marker.tooltip,  # plain text: the page sets it as text
        "symbols": [[s.layer, round(s.radius, 2), s.colour, s.fill_opacity] for s in marker.symbols],
    }


def _headlines(dataset: Dataset, day: pd.Timestamp, rule: Figures, words: Words, *, held_only: bool) -> str:
    """The day's national figures, with who counted them, as the Map page states them."""
    items = []
    for headline in national_headlines(national_summary(dataset, day, rule), words):
        caption = f' <span class="caption">{text(headline.caption)}</span>' if headline.caption else ""
        items.append(f'<li class="headline" data-key="{text(headline.key)}" title="{text(headline.help)}">'
                     f'<span class="label">{text(headline.label)}</span> <strong class="value">'
                     f'{text(headline.value)}</strong>{caption}</li>')
    notice = ""
    if held_only:
        said = words._("On this day sources say where the action took place, not how many came or were detained "
                       "city by city: the map shows where it was reported, without figure symbols.")
        notice = f'<p class="held-only">{text(said)}</p>'
    return f'<ul class="headlines">{"".join(items)}</ul>{notice}'


def _panel(city: pd.Series, reports: pd.DataFrame, rule: Figures, statuses: dict[str, str], actions: CardActions,
           words: Words, cards: dict[str, str], sources: dict[str, str],
           day_names: dict[pd.Timestamp, str]) -> Panel:
    """One city's side panel, as the dashboard's Map page lays it out."""
    city_id = str(city["city_id"])
    city_reports = reports_for_city(reports, city_id)
    annotated = rule.reports[rule.reports["place"] == city_id]
    days = {}
    one_day = city_reports[city_reports["date_end"].isna()]
    for day, group in one_day.groupby("date", sort=True):
        label = day_names.get(day, f"{day:%Y-%m-%d}")
        counters = day_counters(rule, day, city_id)
        figures_html = ""
        if len(counters):
            # The figures themselves are the popup's (the same figure_lines): the page copies them from there.
            title = words._("{day}: the figures", day=label)
            figures_html = f'<h5 class="figures-title">{text(title)}</h5>'
        title = words.n_("{day} — {count} report", "{day} — {count} reports", len(group), day=label)
        days[f"{day:%Y-%m-%d}"] = {
            "figures": figures_html,
            "history": history_timeline(annotated[annotated["date"] == day], words),
            "title": f'<h5 class="day-reports">{text(title)}</h5>',
            "reports": _cards(group, words, statuses, actions, cards, sources, show_day=False),
        }
    spanning = city_reports[city_reports["date_end"].notna()]
    spanning_label = words._("Over several protest days")
    return Panel(
        heading=city_heading(city, words),
        days=days,
        spanning=_cards(spanning, words, statuses, actions, cards, sources, show_day=True),
        spanning_dates=[f"{day:%Y-%m-%d}" for day in spanning["date"]],
        spanning_title=f'<h5 class="day-reports spanning">{text(spanning_label)}</h5>',
    )


def _cards(group: pd.DataFrame, words: Words, statuses: dict[str, str], actions: CardActions,
           cards: dict[str, str], sources: dict[str, str], *, show_day: bool) -> list[str]:
    """Each report's card, kept once by report id (panels refer to it by id)."""
    ids = []
    for _, report in group.iterrows():
        report_id = str(report["report_id"])
        if report_id not in cards:
            card = report_card(report, words, show_day=show_day, status=statuses.get(report_id), actions=actions)
            cards[report_id] = _shared_source_line(card, report, words, sources)
        ids.append(report_id)
    return ids


def _shared_source_line(card: str, report: pd.Series, words: Words, sources: dict[str, str]) -> str:
    """A card with its source line (publisher, title, date, link) kept once per source, as many cards
    repeat it word for word: the page puts a copy back into each card it shows."""
    source_id = text(report["source_id"])
    line = source_line(report, words)
    if card.count(line) != 1:
        raise AssertionError(f"report {report['report_id']}: its source line is not in its card exactly once")
    sources.setdefault(source_id, line)
    return card.replace(line, f'<div class="source" data-source="{source_id}"></div>')


def _templates(content: Content) -> str:
    """The escaped HTML pieces, each once, inside inert <template> elements the script clones from."""
    for source_id, line in content.sources.items():
        if not line.startswith('<div class="source">'):
            raise AssertionError(f"source {source_id}: its line should be one div.source")
    lines = {source_id: line.replace('<div class="source">', f'<div class="source" data-source="{source_id}">', 1)
             for source_id, line in content.sources.items()}
    content = Content(content.data, content.popups, content.headlines, content.panels, content.reports, lines,
                      content.pick)
    popups = "".join(f'<div class="day-popups" data-date="{day}">{"".join(by_city.values())}</div>'
                     for day, by_city in content.popups.items())
    headlines = "".join(f'<div class="day-headlines" data-date="{day}">{html}</div>'
                        for day, html in content.headlines.items())
    panels = []
    for city_id, panel in content.panels.items():
        days = "".join(
            f'<div class="panel-day" data-date="{day}" data-reports="{text(" ".join(entry["reports"]))}">'
            f'<div class="day-figures">{entry["figures"]}</div><div class="day-history">{entry["history"]}</div>'
            f'{entry["title"]}</div>'
            for day, entry in panel.days.items())
        spanning = (f'<div class="panel-spanning" data-reports="{text(" ".join(panel.spanning))}" '
                    f'data-dates="{" ".join(panel.spanning_dates)}">{panel.spanning_title}</div>'
                    if panel.spanning else "")
        panels.append(f'<section class="city-panel" data-city="{text(city_id)}"><div class="panel-heading">'
                      f'{panel.heading}</div>{days}{spanning}</section>')
    return (f'<template id="popups">{popups}</template>\n'
            f'<template id="headlines-source">{headlines}</template>\n'
            f'<template id="panels">{"".join(panels)}</template>\n'
            f'<template id="report-cards">{"".join(content.reports.values())}</template>\n'
            f'<template id="source-lines">{"".join(content.sources.values())}</template>\n'
            f'<template id="pick">{content.pick}</template>\n')


@lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str]:
    """Leaflet's script and stylesheet as text, ready to inline: no source map, images as data: URIs."""
    base = Path(xstatic_leaflet.BASE_DIR)
    script = (base / "leaflet.js").read_text(encoding="utf-8")
    script = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", script)
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        data = base64.b64encode((base / match.group(1)).read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)
    for name, content, closing in (("leaflet.js", script, "</script"), ("leaflet.css", css, "</style")):
        if closing in content.lower() or "<!--" in content:
            raise ValueError(f"{name} contains {closing!r} or '<!--': it cannot be inlined as it is")
    return script, css


def _static(name: str) -> str:
    content = (STATIC / name).read_text(encoding="utf-8")
    if "</script" in content.lower() or "</style" in content.lower() or "<!--" in content:
        raise ValueError(f"{name} must not contain '</script', '</style' or '<!--': it is inlined")
    return content


def render_page(content: Content, words: Words) -> str:
    """The page around :func:`page_content`."""
    data = content.data
    leaflet_js, leaflet_css = leaflet_assets()
    title = words._("Navalny protests across Russia, 2021")
    lede = words._("Every figure on this map is a report from a named source, with the words it was taken from. "
                   "Click a city for its quotes.")
    day_options = "".join(f'<option value="{day}">{text(data["dayNames"][day])}</option>' for day in data["days"])
    toggles = "".join(
        f'<label class="layer-toggle"><input type="checkbox" data-layer="{layer}"'
        f'{" checked" if layer in DEFAULT_LAYERS else ""}> {text(layer_label(layer, words))}</label>'
        for layer in LAYERS)
    by_name = sorted(data["cities"].items(), key=lambda item: item[1]["name"])
    city_options = "".join(f'<option value="{text(city_id)}">{text(city["name"])}</option>'
                           for city_id, city in by_name)
    reference = dataset_reference()
    about = words._("A copy of the dataset, version {version}, in one file: it needs no server and no network. "
                    "To cite a figure, name who estimated it and its source (both are beside each quote), and the "
                    "dataset: {citation}", version=reference.version, citation=dataset_text(reference, words))
    leaflet = f"Leaflet {xstatic_leaflet.VERSION}"
    credits = words._("Map: {leaflet}. Outlines: {outlines} (public domain). Places: {places} (CC BY 4.0). "
                      "Quoted passages remain the work of their publishers.",
                      leaflet=leaflet, outlines="Natural Earth", places="GeoNames")
    day_label, layers_label, city_label = words._("Protest day"), words._("Layers"), words._("City")
    map_label = words._("Map of the protests")
    noscript = words._("This map needs JavaScript to draw; the data is inside this file.")
    return f"""<!DOCTYPE html>
<html lang="{text(words.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{text(title)}</title>
<style>{leaflet_css}</style>
{MAP_STYLE}
<style>{_static("one_file_map.css")}</style>
</head>
<body>
<header>
<h1>{text(title)}</h1>
<p class="lede">{text(lede)}</p>
<div class="controls">
<label class="control">{text(day_label)} <select id="day">{day_options}</select></label>
<fieldset class="layers"><legend>{text(layers_label)}</legend>{toggles}</fieldset>
<label class="control">{text(city_label)} <select id="city"><option value="">—</option>{city_options}</select></label>
</div>
<div id="headlines"></div>
</header>
<main>
<div id="map-column">
<div id="map" aria-label="{text(map_label)}"></div>
<div id="legend">{legend_html(LAYERS, words)}</div>
</div>
<aside id="panel" aria-live="polite"></aside>
</main>
<footer><p>{text(about)}</p><p>{text(credits)}</p></footer>
<noscript><p class="noscript">{text(noscript)}</p></noscript>
{_templates(content)}<script id="map-data" type="application/json">{script_json(data)}</script>
<script>{leaflet_js}</script>
<script>{_static("one_file_map.js")}</script>
</body>
</html>
"""
