"""The rendered map: Leaflet from the app only, content passed as JSON strings, no CDN anywhere."""

import re

from rendering.assets import LEAFLET_CSS_URL, LEAFLET_JS_URL, install_leaflet
from rendering.mapview import js_string, standalone_html
from rendering.markers import CityMarker

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
    assert "`${alert(2)}`" not in html


def test_js_string_is_inert_in_a_script_element():
    encoded = js_string(HOSTILE + "\u2028")
    assert "<" not in encoded and ">" not in encoded and "\u2028" not in encoded
    assert encoded.startswith('"') and encoded.endswith('"')


def test_every_city_gets_one_clickable_dot_with_its_class():
    html = standalone_html([_marker(city_id="kazan"), _marker(city_id="moscow", lat=55.75, lon=37.6)])
    assert html.count("city-marker city-kazan") == 1 and html.count("city-marker city-moscow") == 1


def test_leaflet_is_installed_from_the_package(tmp_path):
    target = install_leaflet(tmp_path / "leaflet")
    assert (target / "leaflet.js").stat().st_size > 100_000
    assert (target / "leaflet.css").is_file() and (target / "images" / "layers.png").is_file()
    assert install_leaflet(target) == target  # idempotent


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
    assert html.count('.bindPopup("') == len(markers)  # a JSON string, never a template literal
    assert "$(`" not in html and "bindTooltip(`" not in html
