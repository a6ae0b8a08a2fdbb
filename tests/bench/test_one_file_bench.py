"""The one-file map's benchmark, once, so it cannot rot. No time is asserted."""

from __future__ import annotations

import re

import pytest

from bench.one_file import main

pytestmark = pytest.mark.browser


def test_the_one_file_benchmark_measures_both_targets(needs_chromium, tmp_path, capsys):
    results = tmp_path / "RESULTS-one-file.md"
    assert main(["--runs", "1", "--results", str(results)]) == 0
    text = results.read_text(encoding="utf-8")
    for target in ("one-file map", "physical floor"):
        row = re.search(rf"^\| {target} \| ([\d,]+) \|", text, re.MULTILINE)
        assert row and int(row.group(1).replace(",", "")) > 0
    assert re.search(r"Ratio one-file map / physical floor: \*\*\d+\.\d\d×\*\*", text)
