"""A scratch copy of data/ with hostile text appended to every text column of every table.

Each column gets its own payload, tagged with the column's name (so a leak names its field): Markdown
(an image from a trap server, a javascript: link, a heading after a line break, HTML, a $…$ formula,
an :emoji: shortcode) and HTML/JavaScript (<img onerror>, <script>, </script><script>, "><svg onload>,
a backtick ${…}), U+2028 and U+2029, a right-to-left override, and a trailing backslash. One note
also carries a 100 KB string. The copy still validates: each quote changed is archived changed,
estimators are renamed in estimators.csv and reports.csv alike, URLs stay web addresses.

Used by tests/app/test_markdown_payloads.py (AppTest) and tests/browser/test_payloads_in_browser.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from protest_data.tables import DEFAULT_DATA_DIR
from protest_data.validate import PASSAGE_SEPARATOR, validate
from tests.conftest import read_rows, write_rows

FIELDS = [
    "sources.publisher", "sources.title", "sources.url", "sources.note",
    "estimators.estimator", "estimators.description",
    "cities.name_en", "cities.name_ru", "cities.region", "cities.territory_status",
    "reports.quote", "reports.note", "reports.estimator",
    "protest_days.label", "protest_days.note",
]
# reports.estimator is a key into estimators.csv: both columns carry the same payload.
SAME_VALUES = {"reports.estimator": "estimators.estimator"}
CITY = "yakutsk"  # the city whose reports carry the quote payload, and the page's selected city
DAY = "2021-01-31"
BIG = 100_000


def slug(field: str) -> str:
    return SAME_VALUES.get(field, field).replace(".", "-").replace("_", "-")


def marker(field: str) -> str:
    return f"⟦{slug(field)}⟧"


def trap_path(field: str) -> str:
    return f"/trap-{slug(field)}.png"


def payload(field: str, trap: str) -> str:
    """The text appended to ``field``: ``trap`` is the base URL of the trap server (http://127.0.0.1:PORT)."""
    name = slug(field)
    image = f"{trap}{trap_path(field)}"
    if field == "sources.url":  # a URL stays a URL (the schema demands ^https?://\S+$): no spaces
        return f"#{marker(field)}![x]({image})[link](javascript:alert('{name}'))"
    return (f" {marker(field)} ![x]({image}) [link](javascript:alert('{name}')) <b>html</b> $x^2$ :smile: "
            f"<img src=x onerror=alert('{name}')> <script>alert('{name}')</script></script><script>alert(1)</script> "
            f"\"><svg onload=alert('{name}')> `${{alert('{name}')}}` \u2028\u2029 \u202eRTL\u202c\n# heading \\")


def visible_part(field: str, trap: str) -> str:
    """A stretch of the payload a reader must see as text, whatever escaping the page applies."""
    return f"{marker(field)} ![x]({trap}{trap_path(field)}) [link](javascript:alert('{slug(field)}'))"


def poisoned_copy(target: Path, trap: str) -> Path:
    """Copy data/ to ``target`` with every field's payload appended; assert the copy validates."""
    shutil.copytree(DEFAULT_DATA_DIR, target)
    tables = {name: read_rows(target / f"{name}.csv") for name in ("sources", "estimators", "cities", "reports",
                                                                      "protest_days")}
    for field in FIELDS:
        table, column = field.split(".")
        if field in SAME_VALUES or field == "reports.quote":
            continue
        for row in tables[table]:
            row[column] = row[column] + payload(field, trap)
    renamed = {row["estimator"].removesuffix(payload("estimators.estimator", trap)): row["estimator"]
               for row in tables["estimators"]}
    for row in tables["reports"]:
        row["estimator"] = renamed[row["estimator"]]
    _poison_quotes(target, tables, payload("reports.quote", trap))
    first = next(row for row in tables["reports"] if row["city_id"] == CITY and row["date"] == DAY)
    first["note"] += " " + "x" * BIG  # a 100 KB note, shown in the side panel
    for name, rows in tables.items():
        write_rows(target / f"{name}.csv", rows, list(rows[0].keys()))
    problems = [str(p) for p in validate(target)]
    assert problems == [], problems[:5]
    return target


def _poison_quotes(data: Path, tables: dict[str, list[dict]], text: str) -> None:
    """The city's quotes get the payload, and each its archived passage changed the same way."""
    archives = {row["source_id"]: data / row["archive"] for row in tables["sources"]}
    for row in tables["reports"]:
        if row["city_id"] != CITY:
            continue
        archive = archives[row["source_id"]]
        content = archive.read_text(encoding="utf-8")
        passage = next(p for p in PASSAGE_SEPARATOR.split(content) if row["quote"] in p)
        changed = passage.strip("\n").replace(row["quote"], row["quote"] + text)
        archive.write_text(content.rstrip("\n") + "\n[...]\n" + changed + "\n", encoding="utf-8")
        row["quote"] += text
