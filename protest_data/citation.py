"""A plain-text citation from CITATION.cff."""

from __future__ import annotations

from pathlib import Path

import yaml


def citation_text(cff_path: Path) -> str:
    """'Authors (year). Title (Version v) [Data set].' as APA would put a dataset."""
    cff = yaml.safe_load(Path(cff_path).read_text(encoding="utf-8"))
    authors = ", ".join(
        author.get("name") or " ".join(p for p in (author.get("given-names"), author.get("family-names")) if p)
        for author in cff.get("authors", [])
    )
    year = str(cff.get("date-released", ""))[:4]
    parts = [f"{authors} ({year}). {cff['title']} (Version {cff.get('version', 'unversioned')}) [Data set]."]
    if cff.get("url") or cff.get("repository-code"):
        parts.append(cff.get("url") or cff.get("repository-code"))
    return " ".join(parts)
