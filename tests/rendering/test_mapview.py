"""The rendered map: Leaflet from the app only, content passed as JSON strings, no CDN anywhere."""

import json
import re

import pytest

from rendering import assets
from rendering.assets import LEAFLET_CSS_URL, LEAFLET_JS_URL, install_leaflet
from rendering.mapview import city_model, js_string, script_json, standalone_html, symbol_rows
from rendering.markers import CityMarker, Symbol

HOSTILE = '<img src=x onerror="alert(1)"> `${alert(2)}` \\ </script><script>alert(3)</script>'


def _marker(**changes):
    base = dict(city_id="kazan", lat=55.8, lon=49.1, neutral=True, tooltip=f"Kazan {HOSTILE}",
                popup_html="<b>escaped elsewhere</b>", symbols=())
    base.update(changes)
    return CityMarker(**base)


def test_only_the_apps_own_leaflet_is_loaded():
    html = standalone_html([_marker()])
    assert re.findall(r'<script[^>]+src="([^"]+)"', html) == [LEAFLET_JS_URL]
    assert re.findall(r'<link[^>]+href="([^"]+)"', html) == [LEAFLET_CSS_URL]
    assert "cdn" not in html.lower() and "jquery" not in html.lower()
    assert not re.search(r"d3(\.v\d)?(\.min)?\.js", html)


def test_tooltip_text_cannot_break_out_of_its_string():
    html = standalone_html([_marker()])
    assert "<img" not in html and "alert(3)</script>" not in html
    # The tooltip travels as a JSON string (where a backtick is inert) and the page sets it as text.
    assert script_json(f"Kazan {HOSTILE}") in html
    assert "bindTooltip(`" not in html and "tip.textContent = c.tooltip" in html


def test_js_string_is_inert_in_a_script_element():
    encoded = js_string(HOSTILE + "\u2028")
    assert "<" not in encoded and ">" not in encoded and "\u2028" not in encoded
    assert encoded.startswith('"') and encoded.endswith('"')


def test_every_city_gets_one_clickable_dot_larger_places_on_top():
    small = _marker(city_id="kazan", importance=1_000.0)
    large = _marker(city_id="moscow", lat=55.75, lon=37.6, importance=10_000_000.0)
    model = city_model([large, small])
    assert [city["id"] for city in model["cities"]] == ["kazan", "moscow"]  # drawn later lies on top
    assert model["cities"][0]["tooltip"] == small.tooltip


def test_popups_travel_inline_or_only_as_the_address_of_the_days_file():
    markers = [_marker(city_id="kazan"), _marker(city_id="moscow", popup_html="<p>Moscow</p>")]
    inline = city_model(markers)
    assert inline["popups"] == {"kazan": "<b>escaped elsewhere</b>", "moscow": "<p>Moscow</p>"}
    assert inline["popups_url"] is None
    fetched = city_model(markers, popups_url="/app/static/popups/abc.json")
    assert fetched["popups"] is None and fetched["popups_url"] == "/app/static/popups/abc.json"
    assert "escaped elsewhere" not in json.dumps(fetched)


def test_symbols_are_rows_largest_first_with_their_city():
    big = Symbol("crowd", 1000.0, 12.345, "#c00", 0.25)
    inner = Symbol("crowd", 100.0, 4.0, "#c00", 0.45)
    rows = symbol_rows([_marker(city_id="kazan", neutral=False, symbols=(big, inner))])
    assert rows == [[55.8, 49.1, 12.35, "#c00", 0.25, "crowd", "kazan"],
                    [55.8, 49.1, 4.0, "#c00", 0.45, "crowd", "kazan"]]


def test_leaflet_is_installed_from_the_package(tmp_path):
    target = install_leaflet(tmp_path / "leaflet")
    assert (target / "leaflet.js").stat().st_size > 100_000
    assert (target / "leaflet.css").is_file() and (target / "images" / "layers.png").is_file()


def test_a_complete_install_is_left_alone(tmp_path, monkeypatch):
    target = install_leaflet(tmp_path / "leaflet")
    monkeypatch.setattr(assets.shutil, "copyfile", lambda *_: pytest.fail("copied again"))
    assert install_leaflet(target) == target


@pytest.mark.parametrize("damage", ["a file missing", "another version"])
def test_a_damaged_install_is_repaired(tmp_path, damage):
    target = install_leaflet(tmp_path / "leaflet")
    if damage == "a file missing":
        (target / "images" / "layers.png").unlink()
    else:
        (target / "VERSION").write_text("0.1\n")
    install_leaflet(target)
    assert (target / "images" / "layers.png").is_file()
    assert (target / "VERSION").read_text().strip() == assets.leaflet_version()


def test_popup_html_reaches_the_page_only_as_json(dataset):
    from protest_data.summary import city_day_summary, counters_by_city, figures
    from rendering.i18n import ENGLISH
    from rendering.markers import city_markers

    rule = figures(dataset)
    summary = city_day_summary(dataset, rule)
    day = summary["date"].min()
    markers = city_markers(summary[summary["date"] == day], counters_by_city(rule, day),
                           {"crowd", "detentions", "temperature"}, ENGLISH)
    html = standalone_html(markers)
    for marker in markers:  # each popup a JSON string inside the model, never a template literal
        assert script_json(marker.popup_html) in html
    assert "$(`" not in html and "bindPopup(`" not in html
