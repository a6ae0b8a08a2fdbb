"""Reports for people: names instead of ids, figures as written, sorted; a CSV Excel reads; an .xlsx."""

import csv
import io
import re

import openpyxl
import pandas as pd
import pytest

from protest_data.summary import reports_with_sources
from rendering.formatting import DASH
from rendering.i18n import ENGLISH, RUSSIAN
from rendering.people_export import COLUMNS, headers, people_csv, people_table, people_xlsx
from rendering.vocabulary import METRICS, estimator_name, metric_label

CYRILLIC = re.compile("[\u0400-\u04ff]")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def reports(dataset):
    return reports_with_sources(dataset)


@pytest.fixture(scope="module")
def table(dataset, reports):
    return people_table(reports, dataset.cities, ENGLISH)


def test_one_row_per_report_with_the_documented_columns(table, reports):
    assert list(table.columns) == [key for key, _ in COLUMNS]
    assert sorted(table["report_id"]) == sorted(reports["report_id"])


def test_names_and_sources_replace_ids(table, reports, dataset):
    by_id = reports.set_index("report_id")
    cities = dataset.cities.set_index("city_id")
    for row in table.sample(60, random_state=2).itertuples():
        report = by_id.loc[row.report_id]
        if pd.isna(report["city_id"]):
            assert (row.city, row.region) == ("nationwide", "")
        else:
            assert (row.city, row.region) == (cities.loc[report["city_id"], "name_en"],
                                              cities.loc[report["city_id"], "region"])
        assert (row.publisher, row.url, row.quote) == (report["publisher"], report["url"], report["quote"])
        assert row.estimator == estimator_name(report["estimator"], ENGLISH)
        assert row.day.startswith(f"{report['date']:%Y-%m-%d}")


def test_figures_keep_their_shape(table, reports):
    by_id = reports.set_index("report_id")
    for row in table.itertuples():
        low, high = by_id.loc[row.report_id, ["value_low", "value_high"]]
        if pd.isna(low) and pd.isna(high):
            assert row.figure == ""
        elif pd.isna(high):
            assert row.figure.startswith("at least ")
        elif pd.isna(low):
            assert row.figure.startswith("up to ")
        elif low != high:
            assert DASH in row.figure and ".0" not in row.figure
        else:
            assert ".0" not in row.figure and row.figure


def test_rows_are_sorted_by_day_city_and_metric(table):
    rank = {metric_label(m, ENGLISH): i for i, m in enumerate(METRICS)}
    keys = [(row.day, row.city != "nationwide", row.city, rank[row.metric]) for row in table.itertuples()]
    assert keys == sorted(keys)


def test_csv_has_a_byte_order_mark_and_reads_back_as_the_table(table):
    data = people_csv(table, ENGLISH)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == headers(ENGLISH) and len(rows) == len(table) + 1
    for cells, original in zip(rows[1:], table.itertuples(index=False)):
        for cell, value in zip(cells, original):
            if value.startswith(FORMULA):
                assert cell == "'" + value
            else:
                assert cell == value
    assert any(CYRILLIC.search(cell) for cells in rows for cell in cells)
    assert not any(cell.startswith(FORMULA) for cells in rows for cell in cells)


def test_russian_csv_reads_cyrillic_with_a_bom(dataset, reports):
    table = people_table(reports, dataset.cities, RUSSIAN)
    text = people_csv(table, RUSSIAN).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert header == headers(RUSSIAN) and CYRILLIC.search(header[0])
    assert "Москва" in set(table["city"])


def test_xlsx_opens_with_its_columns_and_a_cyrillic_cell(table):
    workbook = openpyxl.load_workbook(io.BytesIO(people_xlsx(table, ENGLISH, ["Filters: none"])))
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == headers(ENGLISH) and len(rows) == len(table) + 1
    quote_column = [key for key, _ in COLUMNS].index("quote")
    russian = table[table["quote"].str.contains(CYRILLIC)].iloc[0]
    row = next(r for r in rows[1:] if r[-1] == russian["report_id"])
    assert row[quote_column] == russian["quote"]
    assert workbook.worksheets[1]["A1"].value == "Filters: none"


def test_xlsx_cells_are_text_never_formulas(table):
    planted = table.head(3).copy()
    planted.loc[planted.index[0], "quote"] = '=HYPERLINK("https://example.org","click")'
    planted.loc[planted.index[1], "quote"] = "- Москва — 307,"
    sheet = openpyxl.load_workbook(io.BytesIO(people_xlsx(planted, ENGLISH))).worksheets[0]
    quote_column = [key for key, _ in COLUMNS].index("quote") + 1
    cells = [sheet.cell(row=r, column=quote_column) for r in (2, 3)]
    assert [c.value for c in cells] == ['=HYPERLINK("https://example.org","click")', "- Москва — 307,"]
    assert [c.data_type for c in cells] == ["s", "s"]
