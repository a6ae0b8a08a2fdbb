"""Leaflet, served by the app itself from the XStatic-Leaflet package, never from a CDN.

Streamlit serves files under ``static/`` next to the entry script at ``/app/static/``
(``server.enableStaticServing`` in .streamlit/config.toml). :func:`install_leaflet` copies the
package's files there; the copy is not committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
LEAFLET_DIR = STATIC_DIR / "vendor" / "leaflet"
URL_PREFIX = "/app/static/vendor/leaflet"
LEAFLET_JS_URL = f"{URL_PREFIX}/leaflet.js"
LEAFLET_CSS_URL = f"{URL_PREFIX}/leaflet.css"
_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
          "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png")


def leaflet_version() -> str:
    return str(xstatic_leaflet.VERSION)


def install_leaflet(target: Path = LEAFLET_DIR) -> Path:
    """Copy Leaflet's files from the installed package into ``target`` (idempotent)."""
    source = Path(xstatic_leaflet.BASE_DIR)
    stamp = target / "VERSION"
    if stamp.is_file() and stamp.read_text().strip() == leaflet_version() and all((target / f).is_file() for f in _FILES):
        return target
    for name in _FILES:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target / name)
    stamp.write_text(leaflet_version() + "\n")
    return target
