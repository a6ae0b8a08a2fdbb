"""One broken row per validator rule, on the tiny package: the exact file, row, column and message.

Each case breaks one thing in a package that is otherwise valid and expects exactly the problems
listed, so a rule that is deleted, loosened or made noisier fails its case. Cases marked "valid" pin
the edges a rule must still accept (the first and last moment of the as-of window, for instance).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from protest_data.tables import DEFAULT_DATA_DIR
from protest_data.validate import validate
from tests.conftest import read_rows, write_rows
from tests.protest_data.fixtures import CITIES, REPORT_COLUMNS, report, tiny_data_dir

D23, D31 = "2021-01-23", "2021-01-31"
SAVE = "save it as UTF-8 (without a byte-order mark)"

# Spreadsheet rows of the base reports (the header is row 1).
BASE = [
    report("r1", D23, "kazan", "crowd", "2000", "3000", estimator="police"),  # row 2
    report("r2", D23, "kazan", "detentions", "123", "123", as_of="2021-01-23T21:00:00+03:00"),  # row 3
    report("r3", D23, "anadyr", "held"),  # row 4
    report("r4", D23, "", "cities", "88", "88", counted="detentions", as_of="2021-01-24T12:00:00+03:00",
           quote="Detentions in 88 cities, Kazan among them."),  # row 5
    report("r5", D23, "kazan", "detentions", "500", "500", date_end=D31),  # row 6
    report("r6", D31, "anadyr", "temperature_c", "-40", "-40", estimator="Reuters", source_id="s2"),  # row 7
]


def _city(city_id, name_en, name_ru, region):
    return dict(city_id=city_id, name_en=name_en, name_ru=name_ru, region=region, country_code="RU",
                territory_status="", lat="55", lon="50", geonames_id="", population="", geocoder="gazetteer",
                geocoder_note="")


# Cities whose names exercise the loose naming check: a long name (one slip allowed), short and
# four-letter names (endings change), a fleeting vowel, joining words ('on', 'na', 'St', 'Sankt').
NAMED = [
    _city("novosibirsk", "Novosibirsk", "Новосибирск", "Novosibirsk Oblast"),
    _city("tula", "Tula", "Тула", "Tula Oblast"),
    _city("oryol", "Oryol", "Орёл", "Oryol oblast"),
    _city("rostov-on-don", "Rostov-on-Don", "Ростов-на-Дону", "Rostov"),
    _city("st-petersburg", "St Petersburg", "Санкт-Петербург", "St.-Petersburg"),
    _city("yakutsk", "Yakutsk", "Якутск", "Sakha"),
]


@pytest.fixture
def tiny(tmp_path) -> Path:
    return tiny_data_dir(tmp_path, BASE, cities=[dict(c) for c in CITIES + NAMED])


def _found(data: Path) -> list[tuple[str, int | None, str | None, str]]:
    return [(Path(p.file).name, p.row, p.column, p.message) for p in validate(data)]


def edit(table: str, row: int, **changes) -> Callable[[Path], None]:
    """Change cells of one spreadsheet row (2 = the first data row) of data/<table>.csv."""
    def apply(data: Path) -> None:
        rows = read_rows(data / f"{table}.csv")
        rows[row - 2].update(changes)
        write_rows(data / f"{table}.csv", rows, list(rows[0].keys()))
    return apply


def write_bytes(name: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        (data / name).write_bytes(change((data / name).read_bytes()))
    return apply


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        for change in changes:
            change(data)
    return apply


def quoted(city_id: str, quote: str, metric: str = "held") -> Callable[[Path], None]:
    """Report r3 (row 4, source s1) about another city, with a new quote archived in s1's passages."""
    def apply(data: Path) -> None:
        edit("reports", 4, city_id=city_id, quote=quote, metric=metric)(data)
        archive = data / "sources" / "s1.txt"
        archive.write_text(archive.read_text(encoding="utf-8") + "[...]\n" + quote + "\n", encoding="utf-8")
    return apply


def not_named(name: str) -> list[tuple]:
    return [("reports.csv", 4, "quote", f"neither the quote, its archived passage nor the source's title or URL "
                                        f"names the city {name!r}")]


def archive_outside(data: Path) -> None:
    outside = data.parent / "outside.txt"
    outside.write_bytes((data / "sources" / "s2.txt").read_bytes())
    (data / "sources" / "s2.txt").unlink()
    (data / "sources" / "s2.txt").symlink_to(outside)


def rename_archive(data: Path) -> None:
    (data / "sources" / "s2.txt").rename(data / "sources" / "other.txt")
    edit("sources", 3, archive="sources/other.txt")(data)


def _enum(resource: str, column: str) -> list[str]:
    """A column's allowed values, as datapackage.json lists them (the schema grows; the rule stays)."""
    descriptor = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in descriptor["resources"] if r["name"] == resource)["schema"]["fields"]
    return next(f for f in fields if f["name"] == column)["constraints"]["enum"]


NOT_VERBATIM_S2 = ("reports.csv", 7, "quote", "not found verbatim in one archived passage of 's2' (data/sources/s2.txt)")

CASES: dict[str, tuple[Callable[[Path], None], list[tuple]]] = {
    # --- reports.csv: provenance -----------------------------------------------------------------
    "quote is verbatim": (
        edit("reports", 2, quote="Kazan: 2000 to 3000 people (crowd)"),
        [("reports.csv", 2, "quote", "not found verbatim in one archived passage of 's1' (data/sources/s1.txt)")]),
    "quote found across a line break": (
        both(write_bytes("sources/s1.txt", lambda b: b.replace(b"Kazan: 2000 to", b"Kazan:\n  2000  to"))), []),
    "quote names its city": (
        edit("reports", 2, city_id="anadyr"),
        [("reports.csv", 2, "quote", "neither the quote, its archived passage nor the source's title or URL names "
                                     "the city 'Anadyr'")]),
    "the city may be named in the passage only": (edit("reports", 2, quote="2000 to 3000"), []),
    "the city may be named in the source's URL only": (
        both(edit("reports", 4, quote="A protest."),
             edit("sources", 2, url="https://example.org/anadyr-news"),
             write_bytes("sources/s1.txt", lambda b: b.replace(b"A protest in Anadyr.", b"A protest."))), []),
    "the title or URL of another source does not count": (
        both(edit("reports", 4, quote="A protest."),
             edit("sources", 3, url="https://example.org/anadyr-news"),
             write_bytes("sources/s1.txt", lambda b: b.replace(b"A protest in Anadyr.", b"A protest."))),
        [("reports.csv", 4, "quote", "neither the quote, its archived passage nor the source's title or URL names "
                                     "the city 'Anadyr'")]),
    "a one-letter slip in a long name still names it (a letter missing)": (
        quoted("novosibirsk", "В Новсибирске прошла акция."), []),
    "a one-letter slip in a long name still names it (a letter more)": (
        quoted("novosibirsk", "В Новоссибирске прошла акция."), []),
    "a one-letter slip in a long name still names it (a letter changed)": (
        quoted("novosibirsk", "В Новасибирске прошла акция."), []),
    "two slips do not name a long name": (
        quoted("novosibirsk", "В Нвсибирске прошла акция."), not_named("Novosibirsk")),
    "a slip in a short name does not name it": (quoted("tula", "В Тлуе прошла акция."), not_named("Tula")),
    "a four-letter name changes its ending": (quoted("tula", "В Туле прошла акция."), []),
    "a fleeting vowel drops in other cases": (quoted("oryol", "В Орле прошла акция."), []),
    "'on' in a name names nothing by itself": (
        quoted("rostov-on-don", "A protest on the square."), not_named("Rostov-on-Don")),
    "'na' in a name names nothing by itself": (
        quoted("rostov-on-don", "Акция на площади."), not_named("Rostov-on-Don")),
    "the rest of such a name does": (quoted("rostov-on-don", "Акция в Ростове-на-Дону."), []),
    "'St' in a name names nothing by itself": (
        quoted("st-petersburg", "Police said it was calm."), not_named("St Petersburg")),
    "'Sankt' in a name names nothing by itself": (
        quoted("st-petersburg", "A protest in Sankt Gallen."), not_named("St Petersburg")),
    "an absence may name the region by one of its names' parts": (
        quoted("yakutsk", "В Якутии акций протеста не было.", metric="no_protest"), []),
    "an absence naming neither city nor region": (
        quoted("yakutsk", "В Бурятии акций протеста не было.", metric="no_protest"),
        [("reports.csv", 4, "quote", "neither the quote, its archived passage nor the source's title or URL names "
                                     "the city 'Yakutsk' or its region 'Sakha'")]),
    "low value is stated in the quote": (
        edit("reports", 2, value_low="2500"), [("reports.csv", 2, "value_low", "2500 is not stated in the quote")]),
    "high value is stated in the quote": (
        edit("reports", 2, value_high="3500"), [("reports.csv", 2, "value_high", "3500 is not stated in the quote")]),
    "a figure needs a value": (
        edit("reports", 2, value_low="", value_high=""),
        [("reports.csv", 2, "value_low", "a 'crowd' report needs value_low, value_high or both")]),
    "a figure may have a low value only": (edit("reports", 2, value_high=""), []),
    "a figure may have a high value only": (edit("reports", 2, value_low=""), []),
    "low is not above high": (
        both(edit("reports", 2, value_low="3000", value_high="2000")),
        [("reports.csv", 2, "value_low", "value_low 3000 is greater than value_high 2000")]),
    "a held report carries no low value": (
        edit("reports", 4, value_low="5"), [("reports.csv", 4, "value_low", "a 'held' report carries no value")]),
    "a held report carries no high value": (
        edit("reports", 4, value_high="5"), [("reports.csv", 4, "value_high", "a 'held' report carries no value")]),
    "a value with decimals is named as written": (
        edit("reports", 2, value_low="2.5"), [("reports.csv", 2, "value_low", "2.5 is not stated in the quote")]),
    "a value is written in plain digits": (
        edit("reports", 2, value_low="1_000"),
        [("reports.csv", 2, "value_low", "'1_000' is not a number written in plain digits (like -28, 1500 or 55.79)"),
         ("reports.csv", 2, "value_low", "1000 is not stated in the quote")]),
    "a count of people is a whole number in plain digits": (
        edit("cities", 2, population="١٢٣"),
        [("cities.csv", 2, "population", "'١٢٣' is not a whole number written in plain digits (like -28, 1500 or "
                                         "55.79)")]),
    "a value is a finite number": (
        edit("reports", 2, value_low="1e309"),
        [("reports.csv", 2, "value_low", "'1e309' is not a finite number")]),
    "a city report names its city": (
        edit("reports", 4, city_id=""), [("reports.csv", 4, "city_id", "a 'held' report must name its city")]),
    "a national count needs no city": (edit("reports", 3, city_id=""), []),
    "a cities count is national": (
        edit("reports", 5, city_id="kazan"),
        [("reports.csv", 5, "city_id", "a 'cities' count is national: leave city_id empty")]),
    "a cities count says what was counted": (
        edit("reports", 5, counted=""),
        [("reports.csv", 5, "counted", "a 'cities' count must say what was counted: protests, detentions or announced")]),
    "only a cities count says what was counted": (
        edit("reports", 2, counted="protests"),
        [("reports.csv", 2, "counted", "only a 'cities' count says what was counted")]),
    # --- reports.csv: dates ----------------------------------------------------------------------
    "date_end comes after date": (
        edit("reports", 6, date=D31, date_end=D23), [("reports.csv", 6, "date_end", "2021-01-23 is before date 2021-01-31")]),
    "date_end is not date": (
        edit("reports", 6, date_end=D23),
        [("reports.csv", 6, "date_end", "equal to date: leave date_end empty for a one-day figure")]),
    "as_of carries a UTC offset": (
        edit("reports", 3, as_of="2021-01-23T21:00:00"),
        [("reports.csv", 3, "as_of", "'2021-01-23T21:00:00' has no UTC offset (Moscow time is +03:00)")]),
    "as_of is ISO 8601": (
        edit("reports", 3, as_of="23 Jan 2021 21:00 +03:00"),
        [("reports.csv", 3, "as_of", "'23 Jan 2021 21:00 +03:00' is not an ISO 8601 date and time "
                                     "(like 2021-01-23T21:00:00+03:00)")]),
    "as_of is ISO 8601 in ASCII digits": (
        edit("reports", 3, as_of="١٢٣"),
        [("reports.csv", 3, "as_of", "'١٢٣' is not an ISO 8601 date and time (like 2021-01-23T21:00:00+03:00)")]),
    "as_of is not before the day": (
        edit("reports", 3, as_of="2021-01-22T23:59:59+03:00"),
        [("reports.csv", 3, "as_of", "2021-01-22T23:59:59+03:00 is outside the protest day 2021-01-23 "
                                     "(allowing 14 days for later counts)")]),
    "as_of may be the day's first moment": (edit("reports", 3, as_of="2021-01-23T00:00:00+03:00"), []),
    "as_of may be the window's last moment": (edit("reports", 3, as_of="2021-02-06T00:00:00+03:00"), []),
    "as_of is not after the window": (
        edit("reports", 3, as_of="2021-02-06T00:00:01+03:00"),
        [("reports.csv", 3, "as_of", "2021-02-06T00:00:01+03:00 is outside the protest day 2021-01-23 "
                                     "(allowing 14 days for later counts)")]),
    "as_of's window runs from date_end": (edit("reports", 6, as_of="2021-02-14T00:00:00+03:00"), []),
    "as_of's window ends 14 days after date_end": (
        edit("reports", 6, as_of="2021-02-14T00:00:01+03:00"),
        [("reports.csv", 6, "as_of", "2021-02-14T00:00:01+03:00 is outside the protest day 2021-01-23 to 2021-01-31 "
                                     "(allowing 14 days for later counts)")]),
    "as_of in another offset is compared in its own day": (edit("reports", 3, as_of="2021-01-23T00:30:00+12:00"), []),
    "a city figure on a held-only day": (
        edit("protest_days", 2, kind="held_only"),
        [("reports.csv", row, "metric", f"2021-01-23 is a held-only day (kind 'held_only' in protest_days.csv): a city "
                                        f"report on it is 'held' or 'no_protest', not {metric!r}")
         for row, metric in ((2, "crowd"), (3, "detentions"), (6, "detentions"))]),  # r3 held, r4 national: fine
    "a day's kind is one of two": (
        edit("protest_days", 2, kind="figures only"),
        [("protest_days.csv", 2, "kind", f"constraint \"enum\" is \"{_enum('protest_days', 'kind')}\"")]),
    # --- reports.csv: schema and keys (frictionless) ---------------------------------------------
    "date is a date": (edit("reports", 2, date="2021-01-32"), [("reports.csv", 2, "date", 'type is "date/default"')]),
    "date is a protest day": (
        edit("reports", 2, date="2021-01-24"),
        [("reports.csv", 2, "date", "'2021-01-24' is not a known protest_days entry (no such date in protest_days.csv)")]),
    "city is known": (
        edit("reports", 2, city_id="atlantis"),
        [("reports.csv", 2, "city_id", "'atlantis' is not a known cities entry (no such city_id in cities.csv)")]),
    "estimator is known": (
        edit("reports", 2, estimator="nobody"),
        [("reports.csv", 2, "estimator", "'nobody' is not a known estimators entry (no such estimator in estimators.csv)")]),
    "source is known": (
        edit("reports", 2, source_id="s9"),
        [("reports.csv", 2, "source_id", "'s9' is not a known sources entry (no such source_id in sources.csv)")]),
    "report ids are unique": (
        edit("reports", 3, report_id="r1"),
        [("reports.csv", 3, "report_id", "duplicate id: the same as in the row at position 2")]),
    "metric is one of those the schema lists": (
        edit("reports", 4, metric="rain"),
        [("reports.csv", 4, "metric", f"constraint \"enum\" is \"{_enum('reports', 'metric')}\"")]),
    "a quote is required": (
        edit("reports", 4, quote=""), [("reports.csv", 4, "quote", 'constraint "required" is "True"')]),
    "every column is there": (
        lambda data: write_rows(data / "reports.csv",
                                [{k: v for k, v in r.items() if k != "estimator"} for r in read_rows(data / "reports.csv")]),
        [("reports.csv", 1, "estimator", "this column is missing from the header (datapackage.json lists it)")]),
    "no column is unknown": (
        lambda data: write_rows(data / "cities.csv", [{**r, "mayor": "x"} for r in read_rows(data / "cities.csv")]),
        [("cities.csv", 1, "mayor", "column 13 ('mayor') is not in datapackage.json's schema for this table")]),
    "the columns are in the schema's order": (
        lambda data: write_rows(data / "estimators.csv", read_rows(data / "estimators.csv"),
                                ["kind", "estimator", "description"]),
        [("estimators.csv", 1, None, "the columns are not in datapackage.json's order: estimator, kind, description")]),
    "a column appears once": (
        write_bytes("estimators.csv", lambda b: b.replace(b"description\n", b"description,kind\n", 1)
                    .replace(b",\n", b",,other\n")),
        [("estimators.csv", 1, "kind", "this column appears twice in the header")]),
    "a column's cells are checked under its own name, whatever the order": (
        lambda data: write_rows(data / "reports.csv", [{**r, "date": "2021-01-32"} if r["report_id"] == "r1" else r
                                                       for r in read_rows(data / "reports.csv")],
                                ["date", *[c for c in REPORT_COLUMNS if c != "date"]]),
        [("reports.csv", 1, None, "the columns are not in datapackage.json's order: " + ", ".join(REPORT_COLUMNS)),
         ("reports.csv", 2, "date", 'type is "date/default"')]),
    # --- sources.csv and the archives ------------------------------------------------------------
    "the archive exists": (
        lambda data: (data / "sources" / "s2.txt").unlink(),
        [("sources.csv", 3, "archive", "archived passages not found at data/sources/s2.txt")]),
    "the archive is not empty": (
        write_bytes("sources/s2.txt", lambda b: b""),
        [("sources.csv", 3, "archive", "data/sources/s2.txt is empty"), NOT_VERBATIM_S2]),
    "the archive is named sources/<id>.txt": (
        rename_archive, [("sources.csv", 3, "archive", "should be sources/s2.txt")]),
    "the archive stays inside data/": (
        archive_outside,
        [("s2.txt", None, None, "is a link to a place outside the data directory: copy the file in instead"),
         ("sources.csv", 3, "archive", "data/sources/s2.txt leads outside the data directory (a link?): archived "
                                       "passages must be files inside data/")]),
    "the archive can be read": (
        edit("sources", 3, archive="sources/" + "x" * 300 + ".txt"),
        [("sources.csv", 3, "archive", "should be sources/s2.txt"),
         ("sources.csv", 3, "archive", f"cannot read data/sources/{'x' * 300}.txt: File name too long")]),
    "the archive is UTF-8, not UTF-16": (
        write_bytes("sources/s2.txt", lambda b: b.decode("utf-8").encode("utf-16")),
        [("sources.csv", 3, "archive", f"data/sources/s2.txt is saved as UTF-16 (it starts with a UTF-16 byte-order "
                                       f"mark): {SAVE}")]),
    "the archive has no byte-order mark": (
        write_bytes("sources/s2.txt", lambda b: codecs.BOM_UTF8 + b),
        [("sources.csv", 3, "archive", f"data/sources/s2.txt starts with a UTF-8 byte-order mark (BOM): {SAVE}")]),
    "the archive is valid UTF-8": (
        write_bytes("sources/s2.txt", lambda b: b"\xff" + b),
        [("sources.csv", 3, "archive", f"data/sources/s2.txt is not valid UTF-8 (byte 0xff on line 1): {SAVE}")]),
    "an undecodable byte is found by line (a line break first)": (
        write_bytes("sources/s2.txt", lambda b: b"\n\x80" + b),
        [("sources.csv", 3, "archive", f"data/sources/s2.txt is not valid UTF-8 (byte 0x80 on line 2): {SAVE}")]),
    "an undecodable byte is found by line (further down)": (
        write_bytes("sources/s2.txt", lambda b: b + b"one more line\n\xc3("),
        [("sources.csv", 3, "archive", f"data/sources/s2.txt is not valid UTF-8 (byte 0xc3 on line 3): {SAVE}")]),
    "a publication date is a real day": (
        edit("sources", 2, published="2021-02-30"),
        [("sources.csv", 2, "published", "'2021-02-30' is no real date or time (the day, month, hour or minute "
                                         "is out of range)")]),
    "a publication time is a real time": (
        edit("sources", 2, published="2021-01-23T25:00+03:00"),
        [("sources.csv", 2, "published", "'2021-01-23T25:00+03:00' is no real date or time (the day, month, hour "
                                         "or minute is out of range)")]),
    "a url is a web address": (
        edit("sources", 2, url="javascript:alert(1)"),
        [("sources.csv", 2, "url", 'constraint "pattern" is "^https?://\\S+$"')]),
    # --- cities.csv ------------------------------------------------------------------------------
    "a manual placement gives its reason": (
        edit("cities", 2, geocoder="manual"),
        [("cities.csv", 2, "geocoder_note", "a manual placement needs its reason")]),
    "a place outside Russia's borders gives its status": (
        edit("cities", 3, country_code="UA"),
        [("cities.csv", 3, "territory_status",
          "a place outside Russia's internationally recognised borders needs its status")]),
    "latitude is on the globe": (
        edit("cities", 2, lat="95"), [("cities.csv", 2, "lat", 'constraint "maximum" is "90"')]),
    # --- any CSV: encoding and shape -------------------------------------------------------------
    "a CSV has no byte-order mark": (
        write_bytes("reports.csv", lambda b: codecs.BOM_UTF8 + b),
        [("reports.csv", None, None, f"starts with a UTF-8 byte-order mark (BOM): {SAVE}")]),
    "a CSV is not UTF-16": (
        write_bytes("cities.csv", lambda b: b.decode("utf-8").encode("utf-16")),
        [("cities.csv", None, None, f"is saved as UTF-16 (it starts with a UTF-16 byte-order mark): {SAVE}")]),
    "a CSV has no NUL bytes": (
        write_bytes("cities.csv", lambda b: b.decode("utf-8").encode("utf-16-le")),
        [("cities.csv", None, None, "contains NUL bytes (first on line 1): it looks like UTF-16 or a binary file; "
                                    f"{SAVE}")]),
    "a CSV is valid UTF-8, cell by cell": (
        write_bytes("cities.csv", lambda b: b.replace("Казань".encode(), "Казань".encode("cp1251"))),
        [("cities.csv", 2, "name_ru", f"is not valid UTF-8 (byte 0xca on line 1 of the cell): {SAVE}")]),
    "an undecodable header names no column": (
        write_bytes("cities.csv", lambda b: b.replace(b"name_ru", b"name_r\xfc", 1)),
        [("cities.csv", 1, None, f"is not valid UTF-8 (byte 0xfc on line 1 of the cell): {SAVE}"),
         ("cities.csv", 1, "name_r\ufffd", "column 3 ('name_r\ufffd') is not in datapackage.json's schema for this table"),
         ("cities.csv", 1, "name_ru", "this column is missing from the header (datapackage.json lists it)")]),
    "an undecodable cell beyond the header's columns names no column": (
        write_bytes("estimators.csv", lambda b: b.replace(b"OVD-Info,monitor,", b"OVD-Info,monitor,,\xff", 1)),
        [("estimators.csv", 2, None, f"is not valid UTF-8 (byte 0xff on line 1 of the cell): {SAVE}")]),
    "a row has as many cells as the header (more)": (
        write_bytes("reports.csv", lambda b: b.replace(b"\nr3,", b"\nr3,extra,", 1)),
        [("reports.csv", 4, None, "has 14 cells but the header has 13: a missing or extra comma, or an unclosed quote?")]),
    "a row has as many cells as the header (fewer)": (
        write_bytes("reports.csv", lambda b: b + b"r7,2021-01-23\n"),
        [("reports.csv", 8, "date_end", "has 2 cells but the header has 13: a missing or extra comma, or an unclosed "
                                       "quote?")]),
    "a CSV has a header": (
        write_bytes("estimators.csv", lambda b: b""), [("estimators.csv", 1, None, "has no header row")]),
    "a table file exists": (
        lambda data: (data / "estimators.csv").unlink(), [("estimators.csv", None, None, "file is missing")]),
    "Windows line endings are fine": (write_bytes("reports.csv", lambda b: b.replace(b"\n", b"\r\n")), []),
    # --- datapackage.json ------------------------------------------------------------------------
    "the descriptor is JSON": (
        write_bytes("datapackage.json", lambda b: b'{"resources": ['),
        [("datapackage.json", None, None, "cannot read: Expecting value: line 1 column 16 (char 15)")]),
    "the descriptor has no byte-order mark": (
        write_bytes("datapackage.json", lambda b: codecs.BOM_UTF8 + b),
        [("datapackage.json", None, None, f"starts with a UTF-8 byte-order mark (BOM): {SAVE}")]),
    "the descriptor is an object": (
        write_bytes("datapackage.json", lambda b: b"[]"),
        [("datapackage.json", None, None, "must be a JSON object (a data package descriptor)")]),
    "the descriptor lists every table": (
        write_bytes("datapackage.json", lambda b: b.replace(b'"name": "estimators"', b'"name": "estimator"')),
        [("datapackage.json", None, None, "has no resource named 'estimators'"),
         ("datapackage.json", None, None, "resource 'estimator' is not one of the tables (protest_days, sources, "
                                          "estimators, cities, reports)")]),
    "a constraint is of the kind Table Schema allows": (
        write_bytes("datapackage.json", lambda b: b.replace(b'"minimum": -90', b'"minimum": null')),
        [("datapackage.json", None, None, "resource 'cities', field 'lat': constraint 'minimum' must be a number, "
                                          "not None")]),
    "a foreign key names what it refers to": (
        write_bytes("datapackage.json", lambda b: b.replace(
            b'"reference": {\n              "resource": "cities",\n              "fields": [\n                "city_id"\n              ]\n            }',
            b'"reference": null')),
        [("datapackage.json", None, None, "resource 'reports': foreignKeys[1] must name its fields and a reference to "
                                          "a resource's fields, not {'fields': ['city_id'], 'reference': None}")]),
    "a table lives at <name>.csv": (
        write_bytes("datapackage.json", lambda b: b.replace(b'"path": "cities.csv"', b'"path": "../cities.csv"')),
        [("datapackage.json", None, None, "resource 'cities' must have path cities.csv, not '../cities.csv'")]),
}


def test_the_base_package_is_valid(tiny):
    assert _found(tiny) == []


@pytest.mark.parametrize("name", CASES)
def test_each_rule_reports_file_row_column_and_message(tiny, name):
    change, expected = CASES[name]
    change(tiny)
    assert sorted(_found(tiny), key=str) == sorted(expected, key=str)
