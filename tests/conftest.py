"""Shared fixtures: the real data package, and scratch copies of it to break."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from protest_data.tables import DEFAULT_DATA_DIR, load_dataset

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], fieldnames: list[str] | None = None) -> None:
    fieldnames = fieldnames or list(rows[0].keys())
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def pytest_collection_modifyitems(config, items):
    """Tests marked `online` need the internet: they run only with RUN_ONLINE_TESTS=1."""
    import os

    if os.environ.get("RUN_ONLINE_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="needs the internet; set RUN_ONLINE_TESTS=1 to run")
    for item in items:
        if "online" in item.keywords:
            item.add_marker(skip)
