"""Validate the data package: schema and keys through frictionless, provenance rules on top.

Every problem names the file, the row (as a spreadsheet shows it: the header is row 1), the column
and what is wrong. All problems are collected; none stops the others from being found.

The validator never raises on bad input. Each file is read from disk once, as bytes; its encoding is
checked (UTF-8, no byte-order mark), then the same text is parsed for frictionless, for the rules
below and, in :func:`load_valid_dataset`, for the typed tables. An exception inside a rule becomes a
problem naming the file (and the row, where one was being checked) and saying it is a bug.
"""

from __future__ import annotations

import codecs
import copy
import csv
import io
import json
import math
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import frictionless

from .numbers import states_number
from .tables import DEFAULT_DATA_DIR, TABLES, Dataset, load_dataset
from .text import latin_words, squash_spaces

FIGURE_METRICS = {"crowd", "detentions", "temperature_c", "cities"}
# 'held': a source says a protest took place; 'no_protest': a source says none took place there that day.
NO_VALUE_METRICS = {"held", "no_protest"}
NATIONAL_METRICS = {"detentions", "cities", "crowd"}
# A protest_days kind: that day's city reports say only whether a protest was held (national figures may exist).
HELD_ONLY = "held_only"
# Final tallies come days later (OVD-Info's bulletins of 30 January and 6 February).
AS_OF_WINDOW = timedelta(days=14)
# A file in a wrong encoding yields a problem per damaged cell; past this many, one line sums up the rest.
MAX_ENCODING_PROBLEMS = 10
BUG = "this is a bug in the validator (protest_data/validate.py): please report it, with the file"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class InvalidDataset(ValueError):
    """Raised by :func:`load_valid_dataset` with every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the data package:\n{lines}")


@dataclass
class Table:
    """One CSV as read once: its text (None if unreadable), header and rows as dicts of strings."""

    name: str
    text: str | None = None
    header: list[str] = field(default_factory=list)
    records: list[list[str]] = field(default_factory=list)  # every record after the header, as parsed
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (spreadsheet row, cells by column)
    reported: set[int] = field(default_factory=set)  # rows already reported whole (misaligned or undecodable)
    missing: set[str] = field(default_factory=set)  # schema columns the header lacks


@dataclass
class Checked:
    """What one validation read: the problems, and the files' contents for loading without re-reading."""

    problems: list[Problem]
    descriptor: dict | None
    tables: dict[str, Table]


def validate(data_dir: Path | str = DEFAULT_DATA_DIR) -> list[Problem]:
    """Every problem in the data package at ``data_dir``; an empty list means it is valid."""
    return _check(Path(data_dir)).problems


def load_valid_dataset(data_dir: Path | str = DEFAULT_DATA_DIR) -> Dataset:
    """Validate, then load from the same bytes. Raises :class:`InvalidDataset` listing every problem."""
    data_dir = Path(data_dir)
    checked = _check(data_dir)
    if checked.problems:
        raise InvalidDataset(checked.problems)
    try:
        texts = {name: table.text for name, table in checked.tables.items() if table.text is not None}
        return load_dataset(data_dir, descriptor=checked.descriptor, texts=texts)
    except Exception as error:  # valid data that does not load is the validator's fault, said so
        raise InvalidDataset([Problem(_shown(data_dir, "datapackage.json"), None, None,
                                      f"passed validation but could not be loaded ({_describe(error)}); {BUG}")]) from error


def _check(data_dir: Path) -> Checked:
    problems: list[Problem] = []
    checked = Checked(problems, None, {})
    try:
        with _guard(problems, _shown(data_dir, "datapackage.json")):
            _run(data_dir, checked)
    finally:
        _forget_texts()
    checked.problems = sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.message))
    return checked


def _forget_texts() -> None:
    """The words and numbers remembered during a validation: a server would keep them for good (at a
    hundred times today's data, the words of every archived passage)."""
    from .numbers import forget_numbers

    _words.cache_clear()
    _starts_like.cache_clear()
    forget_numbers()


def _run(data_dir: Path, checked: Checked) -> None:
    problems = checked.problems
    descriptor = _read_descriptor(data_dir, problems)
    if descriptor is None:
        return
    checked.descriptor = descriptor
    missing = [
        Problem(_shown(data_dir, f"{name}.csv"), None, None, "file is missing")
        for name in TABLES
        if not (data_dir / f"{name}.csv").is_file()
    ]
    if missing:
        problems.extend(missing)
        return
    tables = checked.tables
    for name in TABLES:
        shown = _shown(data_dir, f"{name}.csv")
        with _guard(problems, shown):
            tables[name] = _read_table(data_dir, name, problems)
    if len(tables) < len(TABLES):
        return
    for name, table in tables.items():
        if table.text is not None:
            problems.extend(_header_problems(_shown(data_dir, f"{name}.csv"), table, _field_names(descriptor, name)))
    if all(table.text is not None for table in tables.values()):
        with _guard(problems, _shown(data_dir, "datapackage.json")):
            problems.extend(_schema_problems(data_dir, descriptor, tables))
    rows = {name: [cells for _, cells in table.rows] for name, table in tables.items()}
    shown = {name: _shown(data_dir, f"{name}.csv") for name in TABLES}  # once: resolving paths is slow
    with _guard(problems, shown["sources"]):
        problems.extend(_tree_problems(data_dir))
    archives: dict[str, str] = {}
    for name, table in tables.items():
        with _guard(problems, shown[name]):
            problems.extend(_number_problems(shown[name], table, _fields(descriptor, name)))
    root = data_dir.resolve()
    for row_number, source in _checkable(tables["sources"]):
        with _guard(problems, shown["sources"], row_number):
            problems.extend(_source_problems(root, shown["sources"], row_number, source, archives))
    for row_number, city in _checkable(tables["cities"]):
        with _guard(problems, shown["cities"], row_number):
            problems.extend(_city_problems(shown["cities"], row_number, city))
    context = _ReportContext.build(rows, archives)
    for row_number, report in _checkable(tables["reports"]):
        with _guard(problems, shown["reports"], row_number):
            problems.extend(_check_report(shown["reports"], row_number, report, context))


@contextmanager
def _guard(problems: list[Problem], shown: str, row: int | None = None) -> Iterator[None]:
    """Turn an exception inside a check into a problem naming the file (and row): never a traceback."""
    try:
        yield
    except Exception as error:
        problems.append(Problem(shown, row, None, f"the validator failed here ({_describe(error)}); {BUG}"))


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _shown(data_dir: Path, name: str) -> str:
    """Paths in messages read as the user would type them: data/reports.csv."""
    path = data_dir / name
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


# --- Reading: bytes once, encoding checked -------------------------------------------------------

_UTF16_32_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                  (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
SAVE_AS = "save it as UTF-8 (without a byte-order mark)"


def _decode(raw: bytes, shown: str, problems: list[Problem], *, row: int | None = None,
            column: str | None = None, label: str = "") -> str | None:
    """The text of a file that should be UTF-8. Problems name what is wrong; None if it cannot be read.

    A UTF-8 byte-order mark is reported and skipped; UTF-16/32 and NUL bytes make the file unreadable;
    invalid UTF-8 is reported (by :func:`_bad_bytes`) and decoded with replacement characters so the
    other checks still run.
    """
    prefix = f"{label} " if label else ""
    for bom, encoding in _UTF16_32_BOMS:
        if raw.startswith(bom):
            problems.append(Problem(shown, row, column, f"{prefix}is saved as {encoding} (it starts with a {encoding} "
                                                        f"byte-order mark): {SAVE_AS}"))
            return None
    if raw.startswith(codecs.BOM_UTF8):
        problems.append(Problem(shown, row, column, f"{prefix}starts with a UTF-8 byte-order mark (BOM): {SAVE_AS}"))
        raw = raw[len(codecs.BOM_UTF8):]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        problems.append(Problem(shown, row, column, f"{prefix}contains NUL bytes (first on line {line}): it looks "
                                                    f"like UTF-16 or a binary file; {SAVE_AS}"))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="surrogateescape")  # the caller reports each bad byte's place


_UNDECODED_BYTE = re.compile("[\udc80-\udcff]")  # how surrogateescape keeps a byte that is not UTF-8


def _read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    """A package file's text, decoded with its encoding checked; None (and a problem) if unreadable."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(shown, None, None, f"cannot read: {error}"))
        return None
    return _decode(raw, shown, problems)


def _bad_bytes(text: str) -> bool:
    return _UNDECODED_BYTE.search(text) is not None


def _first_bad_byte(text: str) -> str:
    found = _UNDECODED_BYTE.search(text)
    if found is None:
        return ""
    line = text.count("\n", 0, found.start()) + 1
    return f"byte 0x{ord(found.group()) - 0xDC00:02x} on line {line}"


def _clean(text: str) -> str:
    """Undecodable bytes (held as surrogates) as U+FFFD, so later checks see ordinary text."""
    return _UNDECODED_BYTE.sub("\ufffd", text)


def _read_descriptor(data_dir: Path, problems: list[Problem]) -> dict | None:
    shown = _shown(data_dir, "datapackage.json")
    text = _read_text(data_dir / "datapackage.json", shown, problems)
    if text is None:
        return None
    if _bad_bytes(text):
        problems.append(Problem(shown, None, None, f"is not valid UTF-8 ({_first_bad_byte(text)}): {SAVE_AS}"))
        return None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(Problem(shown, None, None, f"cannot read: {error}"))
        return None
    structure = _descriptor_problems(descriptor)
    problems.extend(Problem(shown, None, None, message) for message in structure)
    return None if structure else descriptor


def _descriptor_problems(descriptor: object) -> list[str]:
    """What the code relies on in datapackage.json before frictionless looks at it."""
    if not isinstance(descriptor, dict):
        return ["must be a JSON object (a data package descriptor)"]
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        return ["needs a 'resources' list"]
    messages = []
    names = [r.get("name") for r in resources if isinstance(r, dict)]
    if len(names) < len(resources):
        messages.append("every entry of 'resources' must be a JSON object")
    for name in TABLES:
        entry = next((r for r in resources if isinstance(r, dict) and r.get("name") == name), None)
        if entry is None:
            messages.append(f"has no resource named {name!r}")
            continue
        if entry.get("path") != f"{name}.csv":
            messages.append(f"resource {name!r} must have path {name}.csv, not {entry.get('path')!r}")
        schema = entry.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(fields, list) or not all(isinstance(f, dict) and isinstance(f.get("name"), str)
                                                   and isinstance(f.get("type", "string"), str) for f in fields):
            messages.append(f"resource {name!r} needs a schema with a list of fields, each with a name and a type")
            continue
        messages += [f"resource {name!r}, field {f['name']!r}: {message}" for f in fields
                     for message in _constraint_problems(f)]
        messages += [f"resource {name!r}: {message}" for message in _key_problems(schema)]
    for name in names:
        if name not in TABLES:
            messages.append(f"resource {name!r} is not one of the tables ({', '.join(TABLES)})")
    return messages


def _names(value: object) -> bool:
    """A key's fields: one field name, or a list of them."""
    return isinstance(value, str) or (isinstance(value, list) and value != [] and all(isinstance(v, str) for v in value))


def _key_problems(schema: dict) -> list[str]:
    """primaryKey and foreignKeys shaped as Table Schema says (frictionless crashes on some others)."""
    messages = []
    if "primaryKey" in schema and not _names(schema["primaryKey"]):
        messages.append(f"primaryKey must be a field name or a list of them, not {schema['primaryKey']!r}")
    keys = schema.get("foreignKeys", [])
    if not isinstance(keys, list):
        return [*messages, f"foreignKeys must be a list, not {keys!r}"]
    for index, key in enumerate(keys):
        reference = key.get("reference") if isinstance(key, dict) else None
        if not (isinstance(key, dict) and _names(key.get("fields")) and isinstance(reference, dict)
                and isinstance(reference.get("resource"), str) and _names(reference.get("fields"))):
            messages.append(f"foreignKeys[{index}] must name its fields and a reference to a resource's fields, "
                            f"not {key!r}")
    return messages


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _constraint_problems(field: dict) -> list[str]:
    """Constraints of the kinds Table Schema allows (frictionless crashes on some others, 'minimum': null)."""
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        return ["'constraints' must be an object"]
    bounds_are = "a date" if field.get("type") in ("date", "datetime", "time", "year", "yearmonth") else "a number"
    checks = {
        "required": (lambda v: isinstance(v, bool), "true or false"),
        "unique": (lambda v: isinstance(v, bool), "true or false"),
        "enum": (lambda v: isinstance(v, list) and v != [], "a non-empty list"),
        "pattern": (lambda v: isinstance(v, str) and _compiles(v), "a regular expression"),
        "minLength": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0, "a whole number"),
        "maxLength": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0, "a whole number"),
        "minimum": (lambda v: isinstance(v, str) if bounds_are == "a date" else _is_number(v), bounds_are),
        "maximum": (lambda v: isinstance(v, str) if bounds_are == "a date" else _is_number(v), bounds_are),
    }
    return [f"constraint {key!r} must be {what}, not {constraints[key]!r}"
            for key, (valid, what) in checks.items() if key in constraints and not valid(constraints[key])]


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
        return True
    except re.error:
        return False


def _read_table(data_dir: Path, name: str, problems: list[Problem]) -> Table:
    shown = _shown(data_dir, f"{name}.csv")
    table = Table(name)
    text = _read_text(data_dir / f"{name}.csv", shown, problems)
    if text is None:
        return table
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        problems.append(Problem(shown, None, None, f"cannot be read as CSV: {error}"))
        return table
    if not records or not any(cell.strip() for cell in records[0]):
        problems.append(Problem(shown, 1, None, "has no header row"))
        return table
    if _bad_bytes(text):
        damaged = _encoding_problems(shown, records)
        table.reported |= {p.row for p in damaged if p.row is not None}
        problems.extend(_at_most(damaged, MAX_ENCODING_PROBLEMS, shown))
        text, records = _clean(text), [[_clean(cell) for cell in record] for record in records]
    table.text, table.header, table.records = text, records[0], records[1:]
    width = len(table.header)
    for index, record in enumerate(table.records, start=2):
        if not record or index in table.reported:
            continue  # a blank line (frictionless reports it), or a row already reported as undecodable
        if len(record) != width:
            # One message for the row; the rules (and frictionless) would only misread its shifted cells.
            column = table.header[len(record)] if len(record) < width else None  # the first cell missing
            problems.append(Problem(shown, index, column, f"has {len(record)} cells but the header has {width}: "
                                                        "a missing or extra comma, or an unclosed quote?"))
            table.reported.add(index)
            continue
        table.rows.append((index, dict(zip(table.header, record, strict=True))))
    return table


def _encoding_problems(shown: str, records: list[list[str]]) -> list[Problem]:
    """A problem per cell that is not valid UTF-8."""
    header = records[0]
    found = []
    for index, record in enumerate(records, start=1):
        for position, cell in enumerate(record):
            if _bad_bytes(cell):
                column = header[position] if index > 1 and position < len(header) else None
                found.append(Problem(shown, index, column, f"is not valid UTF-8 ({_first_bad_byte(cell)} of the cell): "
                                                           f"{SAVE_AS}"))
    return found


def _at_most(problems: list[Problem], limit: int, shown: str) -> list[Problem]:
    if len(problems) <= limit:
        return problems
    rest = len(problems) - limit
    return [*problems[:limit], Problem(shown, None, None, f"{rest} more cells are not valid UTF-8 "
                                                          f"(is the file saved as Windows-1251?): {SAVE_AS}")]


def _fields(descriptor: dict, name: str) -> list[dict]:
    resource = next(r for r in descriptor["resources"] if r.get("name") == name)
    return resource["schema"]["fields"]


def _field_names(descriptor: dict, name: str) -> list[str]:
    return [f["name"] for f in _fields(descriptor, name)]


# What the loader (pandas) reads as a number: ASCII digits, a sign, a decimal point, an exponent.
# Frictionless is more lenient ('1_000', Arabic-Indic digits), so the validator holds cells to this.
_NUMBER_FORMS = {
    "integer": re.compile(r"[-+]?[0-9]+"),
    "number": re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?"),
}


def _number_problems(shown: str, table: Table, fields: list[dict]) -> Iterator[Problem]:
    numeric = {f["name"]: f.get("type") for f in fields if f.get("type") in _NUMBER_FORMS}
    for row, cells in _checkable(table):
        for column, kind in numeric.items():
            cell = cells.get(column, "")
            if cell and not _NUMBER_FORMS[kind].fullmatch(cell):
                what = "a whole number" if kind == "integer" else "a number"
                yield Problem(shown, row, column, f"{cell!r} is not {what} written in plain digits "
                                                  "(like -28, 1500 or 55.79)")


def _primary_key(descriptor: dict, name: str) -> str | None:
    resource = next(r for r in descriptor["resources"] if r.get("name") == name)
    key = resource["schema"].get("primaryKey")
    return ",".join(key) if isinstance(key, list) else key if isinstance(key, str) else None


def _header_problems(shown: str, table: Table, expected: list[str]) -> Iterator[Problem]:
    """The header against the schema: a missing, unknown, repeated or misplaced column, by name."""
    header = table.header
    if header == expected:
        return
    table.missing = set(expected) - set(header)
    for column in expected:
        if column not in header:
            yield Problem(shown, 1, column, "this column is missing from the header (datapackage.json lists it)")
    for position, column in enumerate(header):
        if column not in expected:
            yield Problem(shown, 1, column or None, f"column {position + 1} ({column!r}) is not in datapackage.json's "
                                                    "schema for this table")
        elif header.index(column) != position:
            yield Problem(shown, 1, column, "this column appears twice in the header")
    present = [column for column in dict.fromkeys(header) if column in expected]
    if present != [column for column in expected if column in header]:
        yield Problem(shown, 1, None, "the columns are not in datapackage.json's order: "
                                      f"{', '.join(expected)}")


def _checkable(table: Table) -> list[tuple[int, dict[str, str]]]:
    """Rows the provenance rules can read: none while the header lacks a column they would misread."""
    return [] if table.missing else table.rows


def _in_schema_order(table: Table, expected: list[str]) -> list[list[str]]:
    """The records with their cells moved under the schema's columns, so frictionless checks each cell
    under its own name; a missing column is empty (and its errors dropped), an unknown one left out."""
    if table.header == expected:
        return [table.header, *table.records]
    where = {column: table.header.index(column) for column in expected if column in table.header}
    return [expected, *([record[where[c]] if c in where and where[c] < len(record) else "" for c in expected]
                        if record else [] for record in table.records)]


# --- Schema and keys (frictionless) --------------------------------------------------------------

def _schema_problems(data_dir: Path, descriptor: dict, tables: dict[str, Table]) -> Iterator[Problem]:
    """Frictionless over the rows already read, so it checks exactly what was decoded.

    The rows are handed over as clean UTF-8 copies of the tables in a scratch folder, not as inline
    data: frictionless deep-copies inline data many times over (at a hundred times today's data that
    alone took longer than every other check)."""
    with tempfile.TemporaryDirectory(prefix="protest-data-schema-") as scratch:
        decoded = copy.deepcopy(descriptor)
        for resource in decoded["resources"]:
            rows = _in_schema_order(tables[resource["name"]], _field_names(descriptor, resource["name"]))
            path = Path(scratch) / f"{resource['name']}.csv"
            with path.open("w", encoding="utf-8", newline="") as out:
                csv.writer(out, lineterminator="\n").writerows(rows)
            resource["path"] = path.name
            resource["encoding"], resource["format"] = "utf-8", "csv"
            resource["dialect"] = {"csv": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True}}  # never sniffed
        try:
            package = frictionless.Package(decoded, basepath=scratch)
        except frictionless.FrictionlessException as error:
            shown = _shown(data_dir, "datapackage.json")
            reasons = getattr(error, "reasons", None) or [error.error]
            for reason in reasons:
                yield Problem(shown, None, None, f"not a valid data package: {reason.message}")
            return
        report = package.validate()
    for task in report.tasks:
        shown = _shown(data_dir, f"{task.name}.csv")
        table = tables[task.name]
        primary_key = _primary_key(descriptor, task.name)
        for error in task.errors:
            if getattr(error, "row_number", None) in table.reported:
                continue  # the row is reported whole already
            problem = _from_frictionless(shown, error, primary_key)
            if problem.column is None or not set(problem.column.split(",")) & table.missing:
                yield problem
    for error in report.errors:
        yield Problem(_shown(data_dir, "datapackage.json"), None, None, error.message)


def _from_frictionless(shown: str, error: frictionless.Error, primary_key: str | None = None) -> Problem:
    """A frictionless error as a Problem. Header errors never come here: frictionless is given the cells
    already placed under the schema's columns (see _in_schema_order); _header_problems reports the header."""
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None)
    if error.type == "primary-key":
        column = primary_key
    if error.type == "foreign-key":
        column = ",".join(error.field_names)
        values = ", ".join(repr(cell) for cell in error.field_cells)
        return Problem(shown, row, column, f"{values} is not a known {error.reference_name} entry "
                       f"(no such {','.join(error.reference_field_names)} in {error.reference_name}.csv)")
    if error.type in ("primary-key", "unique-error"):
        return Problem(shown, row, column, f"duplicate id: {error.note}")
    return Problem(shown, row, column, error.note or error.message)


# --- Archives ------------------------------------------------------------------------------------

def _inside(root: Path, path: Path) -> bool:
    """True if ``path`` resolves (symlinks followed) to a place inside ``root`` (a resolved directory)."""
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def _tree_problems(data_dir: Path) -> Iterator[Problem]:
    """No file under data/ may lead outside it: the package zip and the archives read what is there."""
    root = data_dir.resolve()
    for path in sorted(data_dir.rglob("*")):
        if path.is_symlink() and not _inside(root, path):
            shown = _shown(data_dir, str(path.relative_to(data_dir)))
            yield Problem(shown, None, None, "is a link to a place outside the data directory: "
                                             "copy the file in instead")


_PUBLISHED_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z))?$")


def _source_problems(data_dir: Path, shown: str, row: int, source: dict[str, str],
                     archives: dict[str, str]) -> Iterator[Problem]:
    """Checks one source's publication time and archive, and, if readable, records the archive's text
    in ``archives`` by source_id. ``data_dir`` is resolved already."""
    published = source.get("published", "")
    if _PUBLISHED_SHAPE.match(published):  # other shapes: the schema's pattern reports them
        try:
            datetime.fromisoformat(published)
        except ValueError:
            yield Problem(shown, row, "published", f"{published!r} is no real date or time (the day, month, "
                                                   "hour or minute is out of range)")
    archive = source.get("archive", "")
    expected = f"sources/{source.get('source_id', '')}.txt"
    if archive and archive != expected:
        yield Problem(shown, row, "archive", f"should be {expected}")
    if not archive:
        return
    path = data_dir / archive
    if not _inside(data_dir, path):
        yield Problem(shown, row, "archive", f"data/{archive} leads outside the data directory (a link?): "
                                             "archived passages must be files inside data/")
        return
    try:
        raw = path.read_bytes() if path.is_file() else None
    except OSError as error:  # a name too long, a directory without permission...
        yield Problem(shown, row, "archive", f"cannot read data/{archive}: {error.strerror or error}")
        return
    if raw is None:
        yield Problem(shown, row, "archive", f"archived passages not found at data/{archive}")
        return
    problems: list[Problem] = []
    text = _decode(raw, shown, problems, row=row, column="archive", label=f"data/{archive}")
    yield from problems
    if text is None:
        return
    if _bad_bytes(text):
        yield Problem(shown, row, "archive", f"data/{archive} is not valid UTF-8 ({_first_bad_byte(text)}): {SAVE_AS}")
        text = _clean(text)
    archives[source.get("source_id", "")] = text
    if not text.strip():
        yield Problem(shown, row, "archive", f"data/{archive} is empty")


def _city_problems(shown: str, row: int, city: dict[str, str]) -> Iterator[Problem]:
    if city.get("geocoder") == "manual" and not city.get("geocoder_note", "").strip():
        yield Problem(shown, row, "geocoder_note", "a manual placement needs its reason")
    if city.get("country_code") == "UA" and not city.get("territory_status", "").strip():
        yield Problem(shown, row, "territory_status",
                      "a place outside Russia's internationally recognised borders needs its status")


# --- Reports -------------------------------------------------------------------------------------

PASSAGE_SEPARATOR = re.compile(r"^\s*\[\.\.\.\]\s*$", re.MULTILINE)


@dataclass(frozen=True)
class _ReportContext:
    passages: dict[str, list[str]]  # source_id -> archived passages, spaces squashed
    titles: dict[str, str]  # source_id -> "title url"
    city_names: dict[str, tuple[str, str]]  # city_id -> (name_en, name_ru)
    city_regions: dict[str, tuple[str, ...]]  # city_id -> the names of its region, for reports of absence
    city_region_abbreviations: dict[str, tuple[str, ...]]  # city_id -> its region's official abbreviations
    held_only: set[str]  # protest days whose city reports say only whether a protest was held

    @classmethod
    def build(cls, rows: dict[str, list[dict[str, str]]], archives: dict[str, str]) -> _ReportContext:
        passages = {
            source_id: [squash_spaces(part) for part in PASSAGE_SEPARATOR.split(text) if part.strip()]
            for source_id, text in archives.items()
        }
        titles = {s.get("source_id", ""): f"{s.get('title', '')} {s.get('url', '')}" for s in rows["sources"]}
        city_names = {c.get("city_id", ""): (c.get("name_en", ""), c.get("name_ru", "")) for c in rows["cities"]}
        city_regions = {c.get("city_id", ""): _region_names(c) for c in rows["cities"]}
        abbreviations = {c.get("city_id", ""): _region_abbreviations(c) for c in rows["cities"]}
        held_only = {d.get("date", "").strip() for d in rows["protest_days"] if d.get("kind", "").strip() == HELD_ONLY}
        return cls(passages, titles, city_names, city_regions, abbreviations, held_only)


def _city_region(city: dict[str, str]):
    from geo.regions import region_named, region_names

    region = region_named(city.get("region", ""), city.get("country_code", ""))
    return region_names(region.code) if region else None


def _region_names(city: dict[str, str]) -> tuple[str, ...]:
    """The names of a city's region (GeoNames, ISO 3166-2, Russian), for reports of absence."""
    names = _city_region(city)
    return names.all() if names else ()


def _region_abbreviations(city: dict[str, str]) -> tuple[str, ...]:
    """The official abbreviations of a city's region (geo/data/region_abbreviations.tsv: 'ХМАО')."""
    names = _city_region(city)
    return names.abbreviations if names else ()


def _check_report(shown: str, row: int, report: dict[str, str], context: _ReportContext) -> Iterator[Problem]:
    """The provenance rules for one row of reports.csv (which holds every column: see _checkable)."""
    metric = report["metric"]
    quote = report["quote"]
    city_id = report["city_id"]
    source_id = report["source_id"]

    around: list[str] = []  # the passages that contain the quote, and the source's title and URL
    if source_id in context.passages and quote:
        containing = [p for p in context.passages[source_id] if squash_spaces(quote) in p]
        if not containing:
            yield Problem(shown, row, "quote", f"not found verbatim in one archived passage of {source_id!r} "
                          f"(data/sources/{source_id}.txt)")
        around = [*containing, context.titles.get(source_id, "")]

    values = {name: _number(report[name]) for name in ("value_low", "value_high")}
    for name, value in values.items():
        if value is not None and not math.isfinite(value):
            yield Problem(shown, row, name, f"{report[name].strip()!r} is not a finite number")
            values[name] = None
    if metric in NO_VALUE_METRICS:
        for name in values:
            if report[name].strip():
                yield Problem(shown, row, name, f"a {metric!r} report carries no value")
    elif metric in FIGURE_METRICS:
        if not report["value_low"].strip() and not report["value_high"].strip():
            yield Problem(shown, row, "value_low", f"a {metric!r} report needs value_low, value_high or both")
        for name, value in values.items():
            if value is not None and quote and not states_number(quote, value):
                yield Problem(shown, row, name, f"{_plain(value)} is not stated in the quote")
        low, high = values["value_low"], values["value_high"]
        if low is not None and high is not None and low > high:
            yield Problem(shown, row, "value_low", f"value_low {_plain(low)} is greater than value_high {_plain(high)}")

    if not city_id and metric not in NATIONAL_METRICS:
        yield Problem(shown, row, "city_id", f"a {metric!r} report must name its city")
    if city_id and metric == "cities":
        yield Problem(shown, row, "city_id", "a 'cities' count is national: leave city_id empty")
    counted = report["counted"].strip()
    if metric == "cities" and not counted:
        yield Problem(shown, row, "counted", "a 'cities' count must say what was counted: protests, detentions or announced")
    if metric != "cities" and counted:
        yield Problem(shown, row, "counted", "only a 'cities' count says what was counted")
    if city_id in context.city_names and quote and not _names_city([quote, *around], *context.city_names[city_id]):
        regions = context.city_regions.get(city_id, ())
        if metric != "no_protest":
            yield Problem(shown, row, "quote", f"neither the quote, its archived passage nor the source's title "
                          f"or URL names the city {context.city_names[city_id][0]!r}")
        elif not (_names_region([quote, *around], regions)
                  or _names_abbreviation([quote, *around], context.city_region_abbreviations.get(city_id, ()))):
            region = f" or its region {regions[0]!r}" if regions else " (and its region is unknown)"
            yield Problem(shown, row, "quote", f"neither the quote, its archived passage nor the source's title "
                          f"or URL names the city {context.city_names[city_id][0]!r}{region}")
    if report["date"].strip() in context.held_only and city_id.strip() and metric not in NO_VALUE_METRICS:
        yield Problem(shown, row, "metric",
                      f"{report['date'].strip()} is a held-only day (kind {HELD_ONLY!r} in protest_days.csv): "
                      f"a city report on it is 'held' or 'no_protest', not {metric!r}")

    yield from _check_dates(shown, row, report)


def _check_dates(shown: str, row: int, report: dict[str, str]) -> Iterator[Problem]:
    day = _parse_date(report["date"])
    end = _parse_date(report["date_end"])
    if report["date_end"].strip():
        if end is None:
            return  # frictionless reports the format
        if day is not None and end < day:
            yield Problem(shown, row, "date_end", f"{end} is before date {day}")
        if end == day:
            yield Problem(shown, row, "date_end", "equal to date: leave date_end empty for a one-day figure")
    as_of_text = report["as_of"]
    if not as_of_text.strip():
        return
    try:
        # Stricter than frictionless's "any" datetime format, which takes '١٢٣' or 'Jan 23': the loader
        # reads as_of as ISO 8601, so that is what the validator accepts.
        as_of = datetime.fromisoformat(as_of_text)
    except ValueError:
        yield Problem(shown, row, "as_of", f"{as_of_text!r} is not an ISO 8601 date and time "
                                           "(like 2021-01-23T21:00:00+03:00)")
        return
    if as_of.tzinfo is None:
        yield Problem(shown, row, "as_of", f"{as_of_text!r} has no UTC offset (Moscow time is +03:00)")
        return
    if day is None:
        return
    start = datetime.combine(day, datetime.min.time(), as_of.tzinfo)
    try:
        latest = datetime.combine(end or day, datetime.min.time(), as_of.tzinfo) + AS_OF_WINDOW
    except OverflowError:  # a day near 9999-12-31: no protest day, which frictionless reports
        return
    if not start <= as_of <= latest:
        yield Problem(shown, row, "as_of", f"{as_of_text} is outside the protest day {day}"
                      f"{f' to {end}' if end else ''} (allowing {AS_OF_WINDOW.days} days for later counts)")


def _names_city(texts: Iterable[str], *names: str) -> bool:
    """Loose check that a text mentions the city, in any case or script ('в Уфе', 'в Орле', 'Jakutsku')."""
    stems = [stem for name in names for stem in _stems(name)]
    # Text by text, not their union: building one set of a long passage's words per report cost more
    # than the matching itself.
    return any(
        _starts_like(word, stem) and len(word) <= longest
        for text in texts
        for word in _words(text)
        for stem, longest in stems
    )


# Words every region name shares with others ('Respublika', 'oblast', 'kray', 'avtonomnyy okrug').
_REGION_GENERIC_WORDS = {"respublika", "republic", "oblast", "obl", "kray", "krai", "avtonomnyy", "avtonomnaya",
                         "autonomous", "okrug", "city", "of", "the", "region"}


def _names_region(texts: Iterable[str], names: tuple[str, ...]) -> bool:
    """True if a text names the region by one of ``names``: every distinctive word of that name appears.

    A name is read in parts split at dashes, brackets and commas ('North Ossetia–Alania',
    'Saha, Respublika'), so 'Северной Осетии' names 'Severnaya Osetiya' and 'Чечне' names 'Chechnya'.
    """
    texts = list(texts)
    for name in names:
        for part in re.split(r"[–—(),]", re.sub(r"['’ʹ]", "", name)):
            words = [word for word in latin_words(part) if word not in _REGION_GENERIC_WORDS]
            if words and all(_names_city(texts, word) for word in words):
                return True
    return False


def _names_abbreviation(texts: Iterable[str], abbreviations: tuple[str, ...]) -> bool:
    """True if a text names the region by an official abbreviation ('ХМАО'), as a whole word in its case."""
    from geo.regions import mentions_abbreviation

    return bool(abbreviations) and any(mentions_abbreviation(text, abbreviations) for text in texts)


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    """latin_words, remembered: the same passages and titles are read for many reports."""
    return frozenset(latin_words(text))


@lru_cache(maxsize=1 << 20)
def _starts_like(word: str, stem: str) -> bool:
    """word starts with stem, allowing one typo in long stems (a source's 'Новсибирске')."""
    if word.startswith(stem):
        return True
    if len(stem) < 6:
        return False
    return any(_one_edit_apart(word[:length], stem) for length in (len(stem) - 1, len(stem), len(stem) + 1))


def _one_edit_apart(a: str, b: str) -> bool:
    """True if at most one insertion, deletion or substitution turns ``a`` into ``b`` (in linear time)."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    same = 0
    while same < len(a) and a[same] == b[same]:
        same += 1
    if len(a) == len(b):
        return a[same + 1:] == b[same + 1:]
    return a[same:] == b[same + 1:]


def _stems(name: str) -> Iterator[tuple[str, int]]:
    """Stems of a city name that its inflected forms start with, and how long such a form may be."""
    for word in latin_words(name):
        if word in ("st", "on", "na", "sankt", "saint"):
            continue
        if len(word) <= 4:  # Уфа -> Уфе, Тула -> Туле: drop the ending only
            yield word[:-1], len(word) + 3
        else:
            yield word[: max(4, len(word) - 3)], len(word) + 8
        fleeting = re.sub(r"[aeoy](?=[^aeiouy]$)", "", word)  # Орёл -> Орла, Орле
        if fleeting != word:
            yield fleeting, len(word) + 3


def _number(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)

