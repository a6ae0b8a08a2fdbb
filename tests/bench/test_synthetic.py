"""The benchmark's synthetic data package: valid, deterministic for a seed, shaped like the real data."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from bench.synthetic import shape_for, write_package
from geo.outline import inside_russia_outline
from protest_data.tables import DEFAULT_DATA_DIR
from protest_data.validate import validate


def _digest(directory: Path) -> dict[str, str]:
    return {str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(directory.rglob("*")) if path.is_file()}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return write_package(tmp_path_factory.mktemp("synthetic") / "data", scale=0.3, seed=7)


def test_the_generated_package_validates(small):
    assert validate(small) == []


def test_the_same_seed_gives_the_same_files_and_another_seed_does_not(small, tmp_path):
    again = write_package(tmp_path / "again", scale=0.3, seed=7)
    other = write_package(tmp_path / "other", scale=0.3, seed=8)
    assert _digest(again) == _digest(small)
    assert _digest(other) != _digest(small)


def test_every_source_is_marked_synthetic_and_points_nowhere_real(small):
    for source in _rows(small / "sources.csv"):
        assert source["url"].startswith("https://synthetic.invalid/")
        assert "SYNTHETIC" in source["note"]
        assert (small / source["archive"]).is_file()


def test_derived_cities_lie_inside_russias_outline_or_beside_their_occupied_origin(tmp_path):
    cities = _rows(write_package(tmp_path / "data", scale=2, seed=3) / "cities.csv")
    real = {row["city_id"] for row in _rows(DEFAULT_DATA_DIR / "cities.csv")}
    derived = [c for c in cities if c["city_id"] not in real]
    assert derived, "scale 2 adds cities beyond the real ones"
    for city in derived:
        if city["country_code"] == "RU":
            assert inside_russia_outline(float(city["lat"]), float(city["lon"])), city["city_id"]
        assert city["geocoder"] == "manual" and "jittered from" in city["geocoder_note"]


def test_scale_one_has_the_real_datas_shape_and_scale_100_the_issues():
    one, hundred = shape_for(1), shape_for(100)
    real_cities = len(_rows(DEFAULT_DATA_DIR / "cities.csv"))
    assert one.days == 2 and one.cities <= real_cities and 600 <= one.reports <= 1000
    assert 1900 <= hundred.cities <= 2100 and hundred.days == 20 and 85_000 <= hundred.reports <= 105_000
    with pytest.raises(ValueError):
        shape_for(0)


def test_it_refuses_to_replace_a_directory_that_is_not_a_data_package(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit):
        write_package(tmp_path, scale=0.1, seed=1)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
