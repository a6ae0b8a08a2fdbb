"""A day's popups as one file the map fetches when a city is first opened, not with every rerun
(and, by the same means, the basemap's outlines, fetched once per page).

A popup carries every quote about its city: together they were most of what the map sent on each
change of day or layer. They are written once per content under ``static/popups/`` (Streamlit serves
``static/`` at ``/app/static/``), named by their hash, so an edited dataset gets new files and a page
never reads a stale one. If the folder cannot be written (a read-only install), the caller gets None
and the map carries its popups itself, as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from geo.outline import basemap

from .assets import STATIC_DIR
from .markers import CityMarker

OUTLINE_DIR, OUTLINE_URL_PREFIX = STATIC_DIR / "outline", "/app/static/outline"
POPUP_DIR = STATIC_DIR / "popups"
POPUP_URL_PREFIX = "/app/static/popups"
KEPT_FILES = 256  # older files are removed; each is one day in one language of one data version


def popup_document(markers: list[CityMarker]) -> str:
    """The popups of one day, by city id, as JSON (fetched as data, never run as a script)."""
    return json.dumps({marker.city_id: marker.popup_html for marker in markers}, ensure_ascii=False,
                      separators=(",", ":"))


def publish_popups(markers: list[CityMarker], directory: Path = POPUP_DIR,
                   url_prefix: str = POPUP_URL_PREFIX) -> str | None:
    """Write the day's popups (once per content) and return the URL the map fetches them from."""
    return publish(popup_document(markers), directory, url_prefix)


def publish_outline(directory: Path = OUTLINE_DIR, url_prefix: str = OUTLINE_URL_PREFIX) -> str | None:
    """Write the basemap's outlines (Natural Earth GeoJSON) and return the URL the map fetches them from."""
    return publish(json.dumps(basemap(), separators=(",", ":")), directory, url_prefix)


def publish(document: str, directory: Path, url_prefix: str) -> str | None:
    """Write a JSON document once, named by its content, and return its URL (None: not writable)."""
    name = hashlib.sha256(document.encode("utf-8")).hexdigest()[:24] + ".json"
    target = directory / name
    try:
        if not target.is_file():
            directory.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, document)
            _prune(directory, keep=target)
    except OSError:
        return None
    return f"{url_prefix}/{name}"


def _write_atomically(target: Path, document: str) -> None:
    # Another session may be serving the same file: it must never see half of it.
    handle, scratch = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(document)
        os.replace(scratch, target)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise


def _prune(directory: Path, keep: Path) -> None:
    files = sorted(directory.glob("*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in files[KEPT_FILES:]:
        if old != keep:
            old.unlink(missing_ok=True)
