"""Validate the data package: schema and keys through frictionless, provenance rules on top.

Every problem names the file, the row (as a spreadsheet shows it: the header is row 1), the column
and what is wrong. All problems are collected; none stops the others from being found.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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


def validate(data_dir: Path | str = DEFAULT_DATA_DIR) -> list[Problem]:
    """Every problem in the data package at ``data_dir``; an empty list means it is valid."""
    data_dir = Path(data_dir)
    descriptor_path = data_dir / "datapackage.json"
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        return [Problem(_shown(data_dir, "datapackage.json"), None, None, f"cannot read: {error}")]
    missing = [
        Problem(_shown(data_dir, f"{name}.csv"), None, None, "file is missing")
        for name in TABLES
        if not (data_dir / f"{name}.csv").is_file()
    ]
    if missing:
        return missing
    problems = list(_schema_problems(data_dir, descriptor))
    rows = {name: _raw_rows(data_dir / f"{name}.csv") for name in TABLES}
    problems += _source_problems(data_dir, rows["sources"])
    problems += _city_problems(data_dir, rows["cities"])
    problems += _report_problems(data_dir, rows)
    return sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.message))


def load_valid_dataset(data_dir: Path | str = DEFAULT_DATA_DIR) -> Dataset:
    """Validate, then load. Raises :class:`InvalidDataset` listing every problem."""
    problems = validate(data_dir)
    if problems:
        raise InvalidDataset(problems)
    return load_dataset(data_dir)


def _shown(data_dir: Path, name: str) -> str:
    """Paths in messages read as the user would type them: data/reports.csv."""
    path = data_dir / name
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _raw_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _schema_problems(data_dir: Path, descriptor: dict) -> Iterator[Problem]:
    package = frictionless.Package(descriptor, basepath=str(data_dir))
    report = package.validate()
    for task in report.tasks:
        shown = _shown(data_dir, Path(task.place).name if task.place else f"{task.name}.csv")
        for error in task.errors:
            yield _from_frictionless(shown, error)
    for error in report.errors:
        yield Problem(_shown(data_dir, "datapackage.json"), None, None, error.message)


def _from_frictionless(shown: str, error: frictionless.Error) -> Problem:
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None) or getattr(error, "label", None)
    if error.type == "foreign-key":
        column = ",".join(error.field_names)
        values = ", ".join(repr(cell) for cell in error.field_cells)
        return Problem(shown, row, column, f"{values} is not a known {error.reference_name} entry "
                       f"(no such {','.join(error.reference_field_names)} in {error.reference_name}.csv)")
    if error.type in ("missing-label", "extra-label", "incorrect-label", "duplicate-label"):
        return Problem(shown, 1, column, error.note or error.message)
    if error.type in ("primary-key", "unique-error"):
        return Problem(shown, row, column, f"duplicate id: {error.note}")
    return Problem(shown, row, column, error.note or error.message)


def _source_problems(data_dir: Path, sources: list[dict[str, str]]) -> Iterator[Problem]:
    shown = _shown(data_dir, "sources.csv")
    for row_number, source in enumerate(sources, start=2):
        archive = source.get("archive", "")
        if archive and not (data_dir / archive).is_file():
            yield Problem(shown, row_number, "archive", f"archived passages not found at data/{archive}")
        elif archive and not (data_dir / archive).read_text(encoding="utf-8").strip():
            yield Problem(shown, row_number, "archive", f"data/{archive} is empty")
        expected = f"sources/{source.get('source_id', '')}.txt"
        if archive and archive != expected:
            yield Problem(shown, row_number, "archive", f"should be {expected}")


def _city_problems(data_dir: Path, cities: list[dict[str, str]]) -> Iterator[Problem]:
    shown = _shown(data_dir, "cities.csv")
    for row_number, city in enumerate(cities, start=2):
        if city.get("geocoder") == "manual" and not city.get("geocoder_note", "").strip():
            yield Problem(shown, row_number, "geocoder_note", "a manual placement needs its reason")
        if city.get("country_code") == "UA" and not city.get("territory_status", "").strip():
            yield Problem(shown, row_number, "territory_status",
                          "a place outside Russia's internationally recognised borders needs its status")


PASSAGE_SEPARATOR = re.compile(r"^\s*\[\.\.\.\]\s*$", re.MULTILINE)


def _report_problems(data_dir: Path, rows: dict[str, list[dict[str, str]]]) -> Iterator[Problem]:
    shown = _shown(data_dir, "reports.csv")
    passages = _passages(data_dir, rows["sources"])
    titles = {s.get("source_id", ""): f"{s.get('title', '')} {s.get('url', '')}" for s in rows["sources"]}
    city_names = {c.get("city_id", ""): (c.get("name_en", ""), c.get("name_ru", "")) for c in rows["cities"]}
    city_regions = {c.get("city_id", ""): _region_names(c) for c in rows["cities"]}
    held_only = {d.get("date", "").strip() for d in rows["protest_days"] if d.get("kind", "").strip() == HELD_ONLY}
    for row_number, report in enumerate(rows["reports"], start=2):
        yield from _check_report(shown, row_number, report, passages, titles, city_names, city_regions)
        if report.get("date", "").strip() in held_only and report.get("city_id", "").strip() \
                and report.get("metric", "") not in NO_VALUE_METRICS:
            yield Problem(shown, row_number, "metric",
                          f"{report['date'].strip()} is a held-only day (kind {HELD_ONLY!r} in protest_days.csv): "
                          f"a city report on it is 'held' or 'no_protest', not {report.get('metric', '')!r}")


def _region_names(city: dict[str, str]) -> tuple[str, ...]:
    """The names of a city's region (GeoNames, ISO 3166-2, Russian), for reports of absence."""
    from geo.regions import region_named, region_names

    region = region_named(city.get("region", ""), city.get("country_code", ""))
    names = region_names(region.code) if region else None
    return names.all() if names else ()


def _passages(data_dir: Path, sources: list[dict[str, str]]) -> dict[str, list[str]]:
    """source_id -> its archived passages (split at '[...]' lines), spaces squashed."""
    texts = {}
    for source in sources:
        path = data_dir / source.get("archive", "")
        if path.is_file():
            parts = PASSAGE_SEPARATOR.split(path.read_text(encoding="utf-8"))
            texts[source.get("source_id", "")] = [squash_spaces(part) for part in parts if part.strip()]
    return texts


def _check_report(
    shown: str,
    row: int,
    report: dict[str, str],
    passages: dict[str, list[str]],
    titles: dict[str, str],
    city_names: dict[str, tuple[str, str]],
    city_regions: dict[str, tuple[str, ...]] | None = None,
) -> Iterator[Problem]:
    metric = report.get("metric", "")
    quote = report.get("quote", "")
    city_id = report.get("city_id", "")
    source_id = report.get("source_id", "")

    context = ""
    if source_id in passages and quote:
        containing = [p for p in passages[source_id] if squash_spaces(quote) in p]
        if not containing:
            yield Problem(shown, row, "quote", f"not found verbatim in one archived passage of {source_id!r} "
                          f"(data/sources/{source_id}.txt)")
        context = " ".join(containing) + " " + titles.get(source_id, "")

    values = {name: _number(report.get(name, "")) for name in ("value_low", "value_high")}
    if metric in NO_VALUE_METRICS:
        for name in values:
            if report.get(name, "").strip():
                yield Problem(shown, row, name, f"a {metric!r} report carries no value")
    elif metric in FIGURE_METRICS:
        if not report.get("value_low", "").strip() and not report.get("value_high", "").strip():
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
    counted = report.get("counted", "").strip()
    if metric == "cities" and not counted:
        yield Problem(shown, row, "counted", "a 'cities' count must say what was counted: protests, detentions or announced")
    if metric != "cities" and counted:
        yield Problem(shown, row, "counted", "only a 'cities' count says what was counted")
    if city_id in city_names and quote and not _names_city(f"{quote} {context}", *city_names[city_id]):
        regions = (city_regions or {}).get(city_id, ())
        if metric != "no_protest":
            yield Problem(shown, row, "quote", f"neither the quote, its archived passage nor the source's title "
                          f"or URL names the city {city_names[city_id][0]!r}")
        elif not _names_region(f"{quote} {context}", regions):
            region = f" or its region {regions[0]!r}" if regions else " (and its region is unknown)"
            yield Problem(shown, row, "quote", f"neither the quote, its archived passage nor the source's title "
                          f"or URL names the city {city_names[city_id][0]!r}{region}")

    yield from _check_dates(shown, row, report)


def _check_dates(shown: str, row: int, report: dict[str, str]) -> Iterator[Problem]:
    day = _parse_date(report.get("date", ""))
    end = _parse_date(report.get("date_end", ""))
    if report.get("date_end", "").strip():
        if end is None:
            return  # frictionless reports the format
        if day is not None and end < day:
            yield Problem(shown, row, "date_end", f"{end} is before date {day}")
        if end == day:
            yield Problem(shown, row, "date_end", "equal to date: leave date_end empty for a one-day figure")
    as_of_text = report.get("as_of", "").strip()
    if not as_of_text or day is None:
        return
    try:
        as_of = datetime.fromisoformat(as_of_text)
    except ValueError:
        return  # frictionless reports the format
    if as_of.tzinfo is None:
        yield Problem(shown, row, "as_of", f"{as_of_text!r} has no UTC offset (Moscow time is +03:00)")
        return
    start = datetime.combine(day, datetime.min.time(), as_of.tzinfo)
    latest = datetime.combine(end or day, datetime.min.time(), as_of.tzinfo) + AS_OF_WINDOW
    if not start <= as_of <= latest:
        yield Problem(shown, row, "as_of", f"{as_of_text} is outside the protest day {day}"
                      f"{f' to {end}' if end else ''} (allowing {AS_OF_WINDOW.days} days for later counts)")


def _names_city(text: str, *names: str) -> bool:
    """Loose check that a text mentions the city, in any case or script ('в Уфе', 'в Орле', 'Jakutsku')."""
    text_words = latin_words(text)
    return any(
        _starts_like(word, stem) and len(word) <= longest
        for name in names
        for stem, longest in _stems(name)
        for word in text_words
    )


# Words every region name shares with others ('Respublika', 'oblast', 'kray', 'avtonomnyy okrug').
_REGION_GENERIC_WORDS = {"respublika", "republic", "oblast", "obl", "kray", "krai", "avtonomnyy", "avtonomnaya",
                         "autonomous", "okrug", "city", "of", "the", "region"}


def _names_region(text: str, names: tuple[str, ...]) -> bool:
    """True if a text names the region by one of ``names``: every distinctive word of that name appears.

    A name is read in parts split at dashes, brackets and commas ('North Ossetia–Alania',
    'Saha, Respublika'), so 'Северной Осетии' names 'Severnaya Osetiya' and 'Чечне' names 'Chechnya'.
    """
    text_words = latin_words(text)
    for name in names:
        for part in re.split(r"[–—(),]", re.sub(r"['’ʹ]", "", name)):
            words = [word for word in latin_words(part) if word not in _REGION_GENERIC_WORDS]
            if words and all(_names_city(" ".join(text_words), word) for word in words):
                return True
    return False


def _starts_like(word: str, stem: str) -> bool:
    """word starts with stem, allowing one typo in long stems (a source's 'Новсибирске')."""
    if word.startswith(stem):
        return True
    if len(stem) < 6:
        return False
    return any(_edit_distance(word[:length], stem) <= 1 for length in (len(stem) - 1, len(stem), len(stem) + 1))


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


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

