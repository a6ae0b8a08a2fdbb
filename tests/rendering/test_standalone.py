"""The one-file map: self-contained, built from the same map model and cards as the dashboard."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from protest_data.summary import (
    absences_by_city,
    city_day_summary,
    counters_by_city,
    day_labels,
    figures,
    protest_days,
    reports_for_city,
    reports_with_sources,
)
from protest_data.tables import load_dataset
from rendering.__main__ import main
from rendering.i18n import ENGLISH, RUSSIAN
from rendering.markers import LAYERS, city_markers
from rendering.standalone import CONTENT_SECURITY_POLICY, page_content, page_html, render_page
from tests.conftest import read_rows, write_rows
from tests.protest_data.fixtures import report, tiny_package

MAX_BYTES = 2_000_000


class Outline(HTMLParser):
    """Every start tag with its attributes, and whether it sits inside a <template>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict, bool]] = []
        self.depth = 0
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), self.depth > 0))
        self.depth += tag == "template"
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self.depth -= tag == "template"
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def content(dataset):
    return page_content(dataset, ENGLISH)


@pytest.fixture(scope="module")
def page(content):
    return render_page(content, ENGLISH)


def _outline(html: str) -> Outline:
    outline = Outline()
    outline.feed(html)
    return outline


def _data(html: str) -> dict:
    match = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_the_page_is_one_file_that_asks_for_nothing(page):
    outline = _outline(page)
    loading = [(tag, attrs) for tag, attrs, _ in outline.tags
               if tag in ("script", "link", "img", "iframe", "object", "embed", "audio", "video", "source")
               and ({"src", "href", "data"} & set(attrs))]
    assert loading == []
    assert not re.search(r"url\((?!data:|#default#VML)", page), "a stylesheet refers to a file or a host"
    assert f'content="{CONTENT_SECURITY_POLICY}"' in page and "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "sourceMappingURL" not in page
    assert len(page.encode("utf-8")) < MAX_BYTES


def test_the_scripts_are_leaflet_the_data_and_the_glue(page):
    outline = _outline(page)
    data, leaflet, glue = outline.scripts
    assert "Leaflet" in leaflet[:200] and "window.L" in leaflet
    assert "L.map(" in glue
    assert json.loads(data)["days"]


def test_the_data_cannot_end_its_script_element(tmp_path):
    hostile = '</script><script>alert(1)</script> \u2028 <!-- & >'
    data = tiny_package(tmp_path, [report("r1", "2021-01-23", "kazan", "crowd", "500", "500", quote=hostile)])
    rows = read_rows(data / "cities.csv")
    rows[0]["name_en"] = f"Kazan {hostile}"
    write_rows(data / "cities.csv", rows)
    html = page_html(load_dataset(data), ENGLISH)
    script = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and ">" not in script and "&" not in script and "\u2028" not in script
    assert _data(html)["cities"]["kazan"]["name"] == f"Kazan {hostile}"
    assert "<script>alert(1)" not in html and "&lt;/script&gt;&lt;script&gt;alert(1)" in html  # the quote, as text


def test_every_day_and_every_city_of_the_summary_has_its_markers(dataset, content):
    summary = city_day_summary(dataset)
    days = [f"{day:%Y-%m-%d}" for day in protest_days(dataset)]
    assert content.data["days"] == days
    for day in days:
        expected = set(summary.loc[summary["date"] == pd.Timestamp(day), "city_id"])
        assert {m["city"] for m in content.data["markers"][day]} == expected
        assert set(content.popups[day]) == expected
        assert "data-date" in content.headlines[day] or content.headlines[day].startswith('<ul class="headlines">')


def test_markers_are_the_map_models_with_every_layer(dataset, content):
    """Symbols, tooltips and popups come from rendering.markers, as on the dashboard."""
    rule = figures(dataset)
    summary = city_day_summary(dataset, rule)
    reports = reports_with_sources(dataset)
    for day in protest_days(dataset):
        key = f"{day:%Y-%m-%d}"
        model = {m.city_id: m for m in city_markers(summary[summary["date"] == day], counters_by_city(rule, day),
                                                     set(LAYERS), ENGLISH, absences_by_city(reports, day))}
        for marker in content.data["markers"][key]:
            expected = model[marker["city"]]
            assert marker["tooltip"] == expected.tooltip and content.popups[key][marker["city"]] == expected.popup_html
            assert marker["symbols"] == [[s.layer, round(s.radius, 2), s.colour, s.fill_opacity]
                                         for s in expected.symbols]
            assert (marker["lat"], marker["lon"], marker["absence"]) == (expected.lat, expected.lon,
                                                                         expected.absence_only)


def test_each_city_panel_lists_every_report_about_it(dataset, content):
    reports = reports_with_sources(dataset)
    for city_id, panel in content.panels.items():
        expected = set(reports_for_city(reports, city_id)["report_id"])
        listed = {rid for entry in panel.days.values() for rid in entry["reports"]} | set(panel.spanning)
        assert listed == expected, city_id
        assert set(panel.days) <= set(content.data["days"])
    shown = {rid for panel in content.panels.values()
             for rid in [*panel.spanning, *(r for e in panel.days.values() for r in e["reports"])]}
    assert set(content.reports) == shown


def test_cards_link_to_themselves_and_share_their_source_line(dataset, content):
    reports = reports_with_sources(dataset).set_index("report_id")
    for report_id, card in content.reports.items():
        source = reports.loc[report_id, "source_id"]
        assert card.startswith("<li class=\"report") and f'data-report-id="{report_id}"' in card
        assert card.count(f'<div class="source" data-source="{source}"></div>') == 1
        assert f'<a class="report-link" href="#report={report_id}">' in card
        assert content.sources[source].startswith('<div class="source">')
    assert set(content.sources) == set(reports.loc[list(content.reports), "source_id"])


def test_labels_get_names_and_populations(dataset, content):
    cities = dataset.cities.set_index("city_id")
    for city_id, city in content.data["cities"].items():
        assert city["name"] == cities.loc[city_id, "name_en"]
        assert city["population"] >= 0


def test_the_russian_page_is_in_russian(dataset):
    html = page_html(dataset, RUSSIAN)
    labels = day_labels(dataset, "ru")
    assert '<html lang="ru">' in html and all(f">{label}</option>" in html for label in labels.values())
    assert _data(html)["cities"]["moscow"]["name"] == "Москва"


def test_the_command_writes_the_file_and_refuses_invalid_data(tmp_path, data_copy, capsys):
    out = tmp_path / "map.html"
    assert main(["export-html", str(out), "--lang", "ru", "--data-dir", str(data_copy)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and "MB" in capsys.readouterr().out
    rows = read_rows(data_copy / "reports.csv")
    rows[0]["city_id"] = "atlantis"
    write_rows(data_copy / "reports.csv", rows)
    assert main(["export-html", str(tmp_path / "bad.html"), "--data-dir", str(data_copy)]) == 1
    assert "city_id" in capsys.readouterr().err and not (tmp_path / "bad.html").exists()
