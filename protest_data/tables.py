"""Load the data package into typed pandas frames, in one call."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TABLES = ("protest_days", "sources", "estimators", "cities", "reports")

# Frictionless field types -> pandas dtypes. Datetimes are held in UTC, with the original
# text alongside so the local offset a source used is never lost.
_PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64"}


@dataclass(frozen=True)
class Dataset:
    """The five tables of the data package, typed, plus where they were read from."""

    data_dir: Path
    protest_days: pd.DataFrame
    sources: pd.DataFrame
    estimators: pd.DataFrame
    cities: pd.DataFrame
    reports: pd.DataFrame


def read_descriptor(data_dir: Path) -> dict:
    return json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))


def _schema_fields(descriptor: dict, resource: str) -> list[dict]:
    for entry in descriptor["resources"]:
        if entry["name"] == resource:
            return entry["schema"]["fields"]
    raise KeyError(f"datapackage.json has no resource named {resource!r}")


def read_table(data_dir: Path, resource: str, descriptor: dict | None = None, text: str | None = None) -> pd.DataFrame:
    """Read one CSV with the column types its Table Schema declares.

    ``text``, when given, is the file's content already read (the validator passes what it checked,
    so a file is read from disk once).
    """
    data_dir = Path(data_dir)
    descriptor = descriptor or read_descriptor(data_dir)
    fields = _schema_fields(descriptor, resource)
    source = io.StringIO(text, newline="") if text is not None else data_dir / f"{resource}.csv"
    frame = pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    for field in fields:
        name, kind = field["name"], field.get("type", "string")  # Table Schema's default type
        if name not in frame.columns:
            continue
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        elif kind == "datetime":
            # Keep the text too: it carries the local offset the source used (+03:00 Moscow...).
            frame[f"{name}_text"] = frame[name].astype("string")
            frame[name] = pd.to_datetime(frame[name], format="ISO8601", utc=True)
        elif kind in ("integer", "number"):
            frame[name] = pd.to_numeric(frame[name]).astype(_PANDAS_TYPES[kind])
        else:
            frame[name] = frame[name].astype("string")
    return frame


def load_dataset(
    data_dir: Path | str = DEFAULT_DATA_DIR, *, descriptor: dict | None = None, texts: Mapping[str, str] | None = None
) -> Dataset:
    """All tables as typed frames. Does not validate: call :func:`protest_data.validate` for that.

    ``descriptor`` and ``texts`` (table name -> CSV text) let a caller that has read the files
    already (the validator) hand them over instead of reading them again.
    """
    data_dir = Path(data_dir)
    descriptor = descriptor or read_descriptor(data_dir)
    texts = texts or {}
    tables = {name: read_table(data_dir, name, descriptor, texts.get(name)) for name in TABLES}
    return Dataset(data_dir=data_dir, **tables)
