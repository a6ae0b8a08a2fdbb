"""The day's popups as a file: written once per content, named by it, never half-written."""

import json
import os

from rendering.markers import CityMarker
from rendering.popup_store import KEPT_FILES, publish_popups


def _markers(popup="<p>Kazan</p>"):
    return [CityMarker("kazan", 55.8, 49.1, True, "Kazan", popup, ()),
            CityMarker("moscow", 55.75, 37.6, True, "Moscow", "<p>Moscow</p>", ())]


def test_the_file_holds_each_citys_popup_and_the_url_names_it(tmp_path):
    url = publish_popups(_markers(), tmp_path, "/app/static/popups")
    name = url.rsplit("/", 1)[1]
    assert url == f"/app/static/popups/{name}"
    assert json.loads((tmp_path / name).read_text(encoding="utf-8")) == {"kazan": "<p>Kazan</p>",
                                                                           "moscow": "<p>Moscow</p>"}
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no scratch file left behind


def test_same_content_same_file_other_content_another(tmp_path):
    first = publish_popups(_markers(), tmp_path)
    written = (tmp_path / first.rsplit("/", 1)[1]).stat().st_mtime_ns
    assert publish_popups(_markers(), tmp_path) == first
    assert (tmp_path / first.rsplit("/", 1)[1]).stat().st_mtime_ns == written  # not written again
    assert publish_popups(_markers("<p>Kazan, corrected</p>"), tmp_path) != first


def test_a_folder_that_cannot_be_written_means_the_map_carries_its_popups(tmp_path):
    blocked = tmp_path / "popups"
    blocked.write_text("a file where the folder should be")  # fails for root too, unlike a chmod
    assert publish_popups(_markers(), blocked) is None


def test_old_files_are_pruned_but_the_new_one_kept(tmp_path):
    for n in range(KEPT_FILES + 5):
        (tmp_path / f"old-{n:04}.json").write_text("{}")
        os.utime(tmp_path / f"old-{n:04}.json", (n, n))
    url = publish_popups(_markers(), tmp_path)
    names = {p.name for p in tmp_path.glob("*.json")}
    assert len(names) == KEPT_FILES and url.rsplit("/", 1)[1] in names
    assert "old-0000.json" not in names and f"old-{KEPT_FILES + 4:04}.json" in names


def test_the_outline_file_is_the_basemap(tmp_path):
    from geo.outline import basemap
    from rendering.popup_store import publish_outline

    url = publish_outline(tmp_path, "/app/static/outline")
    assert json.loads((tmp_path / url.rsplit("/", 1)[1]).read_text(encoding="utf-8")) == basemap()
