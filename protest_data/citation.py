"""A plain-text citation from CITATION.cff, and its parts for citing one figure."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

CITATION_FILE = Path(__file__).resolve().parent.parent / "CITATION.cff"


@dataclass(frozen=True)
class DatasetReference:
    """What a citation of the dataset names: its authors, year, title, version and where it lives."""

    authors: str
    year: str
    title: str
    version: str
    url: str | None


def dataset_reference(cff_path: Path = CITATION_FILE) -> DatasetReference:
    cff = yaml.safe_load(Path(cff_path).read_text(encoding="utf-8"))
    authors = ", ".join(
        author.get("name") or " ".join(p for p in (author.get("given-names"), author.get("family-names")) if p)
        for author in cff.get("authors", [])
    )
    return DatasetReference(authors=authors, year=str(cff.get("date-released", ""))[:4], title=str(cff["title"]),
                            version=str(cff.get("version", "unversioned")),
                            url=cff.get("url") or cff.get("repository-code"))


def citation_text(cff_path: Path = CITATION_FILE) -> str:
    """'Authors (year). Title (Version v) [Data set].' as APA would put a dataset."""
    ref = dataset_reference(cff_path)
    parts = [f"{ref.authors} ({ref.year}). {ref.title} (Version {ref.version}) [Data set]."]
    if ref.url:
        parts.append(ref.url)
    return " ".join(parts)
