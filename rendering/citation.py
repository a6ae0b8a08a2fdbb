"""A ready citation for one figure: who estimated it, where it was published, and where it was read.

A figure in this dataset is always someone's figure (the estimator) reported by a source (publisher,
title, date, URL). A citation of it names both, then the dataset and its version (CITATION.cff) with
the report's id, and the day the reader accessed it. The access date is an argument, never read from a
clock here, so the same report always gives the same citation for the same day.

The result is plain text: whoever places it in HTML escapes it (rendering.cards does).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from protest_data.citation import DatasetReference

from . import formatting
from .formatting import DASH, missing
from .i18n import Words
from .vocabulary import estimator_name, metric_label


def dataset_text(reference: DatasetReference, words: Words) -> str:
    """'Authors (year). Title (Version v) [Data set].' in the interface's language."""
    version = words._("(Version {version}) [Data set]", version=reference.version)
    cited = f"{reference.authors} ({reference.year}). {reference.title} {version}."
    return f"{cited} {reference.url}" if reference.url else cited


def _day(report: pd.Series, words: Words) -> str:
    first = formatting.date(report["date"], words)
    end = report.get("date_end")
    return first if missing(end) else f"{first} {DASH} {formatting.date(end, words)}"


def source_text(report: pd.Series, words: Words) -> str:
    """'Publisher, “Title”, 23 January 2021, https://…': the parts the data has, in that order."""
    parts = [str(report["publisher"])] if not missing(report.get("publisher")) else []
    title = report.get("title")
    if not missing(title) and str(title) != "unknown":
        parts.append(f"\u201c{title}\u201d")
    published = report.get("source_published")
    if not missing(published) and str(published).strip():
        parts.append(formatting.date(str(published)[:10], words))
    if not missing(report.get("url")):
        parts.append(str(report["url"]))
    return ", ".join(parts)


def report_citation(report: pd.Series, words: Words, *, dataset: DatasetReference, accessed: dt.date,
                    city_name: str | None = None) -> str:
    """A citation of one report (a :func:`protest_data.summary.reports_with_sources` row).

    ``city_name`` is the city's name in the interface's language; national figures have none.
    """
    metric = str(report["metric"])
    value = formatting.figure(metric, report.get("value_low"), report.get("value_high"), words)
    label = metric_label(metric, words)
    claim = f"{label}: {value}" if value else label
    place = city_name if city_name else words._("nationwide")
    parts = [
        words._("{estimator}: {claim} ({place}, {day}).", estimator=estimator_name(report["estimator"], words),
                claim=claim, place=place,
                day=_day(report, words)),
        words._("Source: {source}.", source=source_text(report, words)),
        words._("Quoted in: {dataset} Report {report_id}.", dataset=dataset_text(dataset, words),
                report_id=report["report_id"]),
        words._("Accessed {date}.", date=formatting.date(pd.Timestamp(accessed), words)),
    ]
    # A sentence that ends in an abbreviation ('2021 г.', 'Ltd.') keeps one full stop, not two.
    return " ".join(part[:-1] if part.endswith("..") and not part.endswith("...") else part for part in parts)
