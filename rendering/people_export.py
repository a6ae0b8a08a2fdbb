"""Reports for people: one row per report, with names instead of ids, as a spreadsheet should show them.

The raw CSV (protest_data.exports.reports_csv) is for machines: the columns and cells of reports.csv.
This table is for a reader with a spreadsheet: the city's name and region, the day, the metric and the
figure worded as the dashboard words it ("50–100", "at least 30", "up to 10,000"), who estimated it, the
source (publisher, title, URL, publication date), the as-of time, the quote and the curator's note, and
the report's id (to find it again, or to link to it with ?report=). Rows are sorted by day, city and
metric.

Two files carry it: a CSV with a UTF-8 byte-order mark (so that Excel reads Cyrillic as Cyrillic) and an
.xlsx workbook (openpyxl). Spreadsheets run a cell that starts with = + - or @ as a formula: the .xlsx
stores every cell as text, so nothing needs changing there; in the CSV such a cell gets a leading
apostrophe, the usual guard, which CODEBOOK.md ("Downloads") documents.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from . import formatting
from .cards import safe_url
from .formatting import DASH, missing
from .i18n import N_, Words
from .vocabulary import METRICS, estimator_name, metric_label, region_label

COLUMNS = (
    ("city", N_("City")),
    ("region", N_("Region")),
    ("day", N_("Day")),
    ("metric", N_("Metric")),
    ("figure", N_("Figure")),
    ("estimator", N_("Estimator")),
    ("publisher", N_("Publisher")),
    ("title", N_("Title")),
    ("url", N_("URL")),
    ("published", N_("Publication date")),
    ("as_of", N_("As of")),
    ("quote", N_("Quote")),
    ("note", N_("Note")),
    ("report_id", N_("Report ID")),
)
WIDTHS = {"city": 18, "region": 22, "day": 12, "metric": 16, "figure": 14, "estimator": 22, "publisher": 24,
          "title": 40, "url": 40, "published": 20, "as_of": 26, "quote": 80, "note": 50, "report_id": 34}
WRAPPED = {"title", "quote", "note"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_METRIC_ORDER = {metric: rank for rank, metric in enumerate(METRICS)}


def headers(words: Words) -> list[str]:
    return [words._(label) for _, label in COLUMNS]


def _text(value) -> str:
    return "" if missing(value) else str(value)


def people_table(reports: pd.DataFrame, cities: pd.DataFrame, words: Words) -> pd.DataFrame:
    """``reports`` (:func:`protest_data.summary.reports_with_sources` rows, filtered or not) for people.

    Columns are the keys of :data:`COLUMNS`; every cell is text ("" where the data has nothing).
    """
    names = {str(row["city_id"]): (str(row["name_ru"]) if words.lang == "ru" and not missing(row["name_ru"])
                                   else str(row["name_en"]), region_label(row["region"], row["country_code"], words))
             for _, row in cities.iterrows()}
    nationwide = words._("nationwide")
    rows = []
    for _, report in reports.iterrows():
        city = None if missing(report["city_id"]) else str(report["city_id"])
        name, region = names.get(city, (city, "")) if city else (nationwide, "")
        day = f"{report['date']:%Y-%m-%d}"
        if not missing(report.get("date_end")):
            day = f"{day} {DASH} {report['date_end']:%Y-%m-%d}"
        metric = str(report["metric"])
        title = _text(report.get("title"))
        rows.append({
            "city": name, "region": region, "day": day, "metric": metric_label(metric, words),
            "figure": formatting.figure(metric, report.get("value_low"), report.get("value_high"), words),
            "estimator": estimator_name(report["estimator"], words), "publisher": _text(report.get("publisher")),
            "title": "" if title == "unknown" else title, "url": _text(report.get("url")),
            "published": _text(report.get("source_published")), "as_of": _text(report.get("as_of_text")),
            "quote": _text(report["quote"]), "note": _text(report.get("note")),
            "report_id": str(report["report_id"]),
            "_sort": (report["date"], day, city is not None, name, _METRIC_ORDER.get(metric, len(METRICS)),
                      _text(report.get("as_of_text")), str(report["report_id"])),
        })
    rows.sort(key=lambda row: row["_sort"])
    return pd.DataFrame([{key: row[key] for key, _ in COLUMNS} for row in rows], columns=[k for k, _ in COLUMNS])


def _guarded(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def people_csv(table: pd.DataFrame, words: Words) -> bytes:
    """The table as CSV for spreadsheets: a UTF-8 byte-order mark, a header row in the interface's
    language, CRLF line ends, and formula-like cells guarded by a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers(words))
    for row in table.itertuples(index=False):
        writer.writerow([_guarded(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def people_xlsx(table: pd.DataFrame, words: Words, about: list[str] | tuple[str, ...] = ()) -> bytes:
    """The table as an .xlsx workbook: every cell text (never a formula), the header frozen and
    filterable, source URLs as links. ``about`` lines (what was filtered, how to cite) go on a second sheet.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = words._("Reports")[:31]
    keys = [key for key, _ in COLUMNS]
    for column, header in enumerate(headers(words), start=1):
        cell = sheet.cell(row=1, column=column, value=header)
        cell.font = Font(bold=True)
    for row_number, row in enumerate(table.itertuples(index=False), start=2):
        for column, (key, value) in enumerate(zip(keys, row), start=1):
            cell = sheet.cell(row=row_number, column=column)
            # U+FFFD shows where a character that a workbook cannot hold (a control character) was.
            cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
            cell.data_type = "s"  # text, even when it starts with '=': never run as a formula
            if key in WRAPPED:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if key == "url" and safe_url(value):
                cell.hyperlink = value
    for column, key in enumerate(keys, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = WIDTHS[key]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    if about:
        notes = workbook.create_sheet(words._("About")[:31])
        for row_number, line in enumerate(about, start=1):
            cell = notes.cell(row=row_number, column=1, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", line))
            cell.data_type = "s"
        notes.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
