"""The physical floor: a static Leaflet page drawing the same circles, served on loopback.

One HTML page, Leaflet from the XStatic-Leaflet package (as rendering/assets.py serves it), and one
JSON document per (day, layers) with the circles the framework floor draws (bench/circles.py). The
page fetches the day's JSON and adds SVG circle markers, with the same classes the dashboard gives
its city dots, so the same probe counts them. ``window.showDay(day)`` switches day in place. No
framework, no server work: what drawing those circles costs the browser, plus one loopback fetch.
"""

from __future__ import annotations

import json
import shutil
import threading
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import xstatic.pkg.leaflet as xstatic_leaflet

from bench.circles import circles, parse_layers

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>physical floor</title>
<link rel="stylesheet" href="/leaflet/leaflet.css">
<style>html,body{margin:0;height:100%}#map{height:600px}</style>
<script src="/leaflet/leaflet.js"></script></head>
<body><div id="map"></div><script>
const params = new URLSearchParams(location.search);
const layers = params.get("layers") || "crowd,detentions";
window.map = L.map("map", {zoomSnap: 0.25}).fitBounds([[41.0, 19.0], [78.0, 191.0]]);
let group = L.layerGroup().addTo(window.map);
window.showDay = async function (day) {
  const response = await fetch(`/points?date=${day}&layers=${layers}`);
  const points = await response.json();
  const next = L.layerGroup();
  for (const [id, lat, lon, symbols, dot] of points) {
    for (const [radius, colour, opacity] of symbols) {
      L.circleMarker([lat, lon], {radius, color: colour, weight: 1, fillColor: colour, fillOpacity: opacity,
                                  interactive: false, className: `symbol city-${id}`}).addTo(next);
    }
  }
  for (const [id, lat, lon, symbols, dot] of points) {
    L.circleMarker([lat, lon], {radius: 3.5, color: "#ffffff", weight: 1.2, fillColor: dot, fillOpacity: 1,
                                className: `city-marker city-${id}`}).addTo(next);
  }
  window.map.removeLayer(group);
  group = next.addTo(window.map);
};
window.showDay(params.get("date"));
</script></body></html>
"""


class PhysicalFloor:
    """A loopback HTTP server for the static page; ``url(day, layers)`` opens a view."""

    def __init__(self, points: dict[str, list[list]], site_dir: Path):
        self.points = points
        leaflet = site_dir / "leaflet"
        if not (leaflet / "leaflet.js").is_file():
            shutil.copytree(xstatic_leaflet.BASE_DIR, leaflet, dirs_exist_ok=True)
        self.site_dir = site_dir
        floor = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                parts = urlsplit(self.path)
                if parts.path == "/":
                    body, kind = PAGE.encode("utf-8"), "text/html; charset=utf-8"
                elif parts.path == "/points":
                    query = parse_qs(parts.query)
                    body = floor.payload(query.get("date", [""])[0], query.get("layers", [None])[0])
                    kind = "application/json"
                elif parts.path.startswith("/leaflet/") and ".." not in parts.path:
                    file = site_dir / parts.path.lstrip("/")
                    if not file.is_file():
                        self.send_error(404)
                        return
                    body = file.read_bytes()
                    kind = {"js": "text/javascript", "css": "text/css", "png": "image/png"}.get(file.suffix[1:], "application/octet-stream")
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="physical-floor", daemon=True)

    @lru_cache(maxsize=256)  # noqa: B019 (one instance per benchmark scale)
    def payload(self, day: str, layers_text: str | None) -> bytes:
        layers = parse_layers(layers_text)
        rows = []
        for point in self.points.get(day, []):
            drawn = circles(point, layers)
            rows.append([point[0], point[1], point[2], [[round(r, 2), c, o] for r, c, o in drawn],
                         "#202020" if drawn else "#8a8a8a"])
        return json.dumps(rows, separators=(",", ":")).encode("utf-8")

    def url(self, day: str, layers: str = "crowd,detentions") -> str:
        return f"{self.base}/?date={day}&layers={layers}"

    def __enter__(self) -> PhysicalFloor:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
