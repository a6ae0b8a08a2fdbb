"""Property tests: however reports.csv, sources.csv, cities.csv or datapackage.json is broken, the
validator answers with problems, never with a traceback, and never trips its own safety net.

Hypothesis mutates a valid tiny package: cells (empty, huge, numbers that are not numbers, quotes,
commas, line breaks, NUL), columns (dropped, doubled, renamed, reordered), rows (dropped, doubled,
cut short, lengthened, blank), encodings (UTF-16/32, Windows-1251, a BOM, stray bytes), truncation,
line endings, and in datapackage.json keys and value types anywhere in the tree.

CI runs the "ci" profile (a few hundred examples in all); ``HYPOTHESIS_PROFILE=thorough`` runs many
more (see README, "How we test").
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protest_data.validate import BUG, InvalidDataset, Problem, load_valid_dataset, validate
from tests.protest_data.fixtures import report, tiny_data_dir

settings.register_profile("ci", max_examples=60, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

D23, D31 = "2021-01-23", "2021-01-31"
BASE = [
    report("r1", D23, "kazan", "crowd", "2000", "3000", estimator="police"),
    report("r2", D23, "kazan", "detentions", "123", "123", as_of="2021-01-23T21:00:00+03:00"),
    report("r3", D23, "anadyr", "held"),
    report("r4", D23, "", "cities", "88", "88", counted="detentions", as_of="2021-01-24T12:00:00+03:00"),
    report("r5", D23, "kazan", "detentions", "500", "500", date_end=D31),
    report("r6", D31, "anadyr", "temperature_c", "-40", "-40", estimator="Reuters", source_id="s2"),
]

# Cell values chosen to hit parsers: numbers that are not, dates that are not, CSV and Markdown syntax.
TRICKY = st.sampled_from([
    "", " ", "nan", "NaN", "inf", "-inf", "1e309", "-0", "0x10", "1_000", "١٢٣", "12,5", " 12 ", "-",
    "2021-01-23", "2021-01-31", "2021-02-30", "9999-12-31", "0001-01-01", "2021-01-23T25:00",
    "2021-01-23T21:00:00", "2021-01-23T21:00:00+25:00", "2021-01-23T21:00:00Z", "kazan", "anadyr", "s1", "s2",
    "OVD-Info", "held", "crowd", "cities", "temperature_c", "protests", "manual", "UA", "RU",
    "sources/s1.txt", "sources/../reports.csv", "../../etc/passwd", "/etc/passwd", "sources/s2.txt",
    '"', '""', ",", "\n", "\r", "\r\n", "\u2028", "\ufeff", "\x00", "[...]", "x" * 200_000,
])
CELL = st.one_of(TRICKY, st.text(max_size=30))


def _records(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))


def _write_records(records: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(records)
    return out.getvalue().encode("utf-8")


@st.composite
def csv_mutation(draw, raw: bytes) -> bytes:
    """One way of breaking a CSV file, at the cell, column, row, encoding or byte level."""
    kind = draw(st.sampled_from(["cell", "cells", "column", "row", "encoding", "bytes", "truncate", "line endings"]))
    records = _records(raw)
    width = len(records[0])
    if kind in ("cell", "cells"):
        for _ in range(1 if kind == "cell" else draw(st.integers(2, 6))):
            row = draw(st.integers(0, len(records) - 1))
            records[row][draw(st.integers(0, width - 1))] = draw(CELL)
        return _write_records(records)
    if kind == "column":
        column = draw(st.integers(0, width - 1))
        action = draw(st.sampled_from(["drop", "double", "rename", "move", "add"]))
        for record in records:
            if action == "drop":
                del record[column]
            elif action == "double":
                record.append(record[column])
            elif action == "move":
                record.insert(0, record.pop(column))
            elif action == "add":
                record.append("extra")
        if action == "rename":
            records[0][column] = draw(CELL)
        return _write_records(records)
    if kind == "row":
        row = draw(st.integers(1, max(1, len(records) - 1))) if len(records) > 1 else 0
        action = draw(st.sampled_from(["drop", "double", "short", "long", "blank", "header only"]))
        if action == "drop" and len(records) > 1:
            del records[row]
        elif action == "double":
            records.insert(row, list(records[row]))
        elif action == "short":
            records[row] = records[row][: draw(st.integers(0, width - 1))]
        elif action == "long":
            records[row] = records[row] + draw(st.lists(CELL, min_size=1, max_size=3))
        elif action == "blank":
            records.insert(row, [])
        else:
            records = records[:1]
        return _write_records(records)
    if kind == "encoding":
        text = raw.decode("utf-8")
        encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32", "cp1251", "latin-1", "utf-8-bom"]))
        if encoding == "utf-8-bom":
            return codecs.BOM_UTF8 + raw
        return text.encode(encoding, errors="replace")
    if kind == "bytes":
        position = draw(st.integers(0, len(raw)))
        return raw[:position] + draw(st.binary(min_size=1, max_size=4)) + raw[position:]
    if kind == "truncate":
        return raw[: draw(st.integers(0, len(raw)))]
    ending = draw(st.sampled_from([b"\r\n", b"\r", b"\n\n"]))
    return raw.replace(b"\n", ending)


def _json_paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _json_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _json_paths(value, (*path, index))


JSON_VALUE = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(
    ["string", "integer", "number", "date", "datetime", "boolean", "any", "foo", "reports", "cities.csv",
     "../reports.csv", "report_id", ""]), st.just([]), st.just({}), st.lists(st.text(max_size=5), max_size=2))


@st.composite
def descriptor_mutation(draw, raw: bytes) -> bytes:
    """A change of a key or a value's type anywhere in datapackage.json, or a break of its bytes."""
    kind = draw(st.sampled_from(["value", "value", "delete", "rename key", "bytes", "truncate"]))
    if kind == "bytes":
        position = draw(st.integers(0, len(raw)))
        return raw[:position] + draw(st.binary(min_size=1, max_size=3)) + raw[position:]
    if kind == "truncate":
        return raw[: draw(st.integers(0, len(raw)))]
    descriptor = json.loads(raw)
    paths = [p for p in _json_paths(descriptor) if p]
    path = draw(st.sampled_from(paths))
    parent = descriptor
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if kind == "value":
        parent[last] = draw(JSON_VALUE)
    elif kind == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[draw(st.text(max_size=8))] = parent.pop(last)
    else:
        parent[last] = draw(JSON_VALUE)
    return json.dumps(descriptor).encode("utf-8")


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    data = tiny_data_dir(tmp_path_factory.mktemp("base"), BASE)
    assert validate(data) == []
    return data


def _check(base: Path, name: str, mutated: bytes) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        shutil.copytree(base, data)
        (data / name).write_bytes(mutated)
        _answers_with_problems(data)


def _answers_with_problems(data: Path) -> None:
    """validate() is load_valid_dataset()'s check: one call tests both (valid means loadable)."""
    try:
        loaded = load_valid_dataset(data)
        problems = []
    except InvalidDataset as invalid:
        loaded, problems = None, invalid.problems
    assert isinstance(problems, list) and all(isinstance(p, Problem) for p in problems)
    for problem in problems:
        assert isinstance(problem.file, str) and problem.file
        assert problem.row is None or (isinstance(problem.row, int) and problem.row >= 1)
        assert problem.column is None or isinstance(problem.column, str)
        assert problem.message and BUG not in problem.message, str(problem)  # the safety net never caught anything
    if loaded is not None:
        assert set(loaded.reports.columns) >= {"report_id", "date", "city_id", "value_low", "quote"}


def _mutated(data: st.DataObject, base: Path, name: str) -> bytes:
    raw = (base / name).read_bytes()
    strategy = descriptor_mutation(raw) if name.endswith(".json") else csv_mutation(raw)
    return data.draw(strategy)


@pytest.mark.parametrize("name", ["reports.csv", "sources.csv", "cities.csv", "datapackage.json"])
@given(data=st.data())
def test_any_broken_file_gets_problems_never_a_traceback(base, name, data):
    _check(base, name, _mutated(data, base, name))
