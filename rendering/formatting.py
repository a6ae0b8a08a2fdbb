"""Numbers, figures, ranges, dates and times as each interface language writes them (through Babel).

The figure rule (protest_data.figures) decides *what* is said; this module only decides how it reads:
"1,546" and "23 January 2021" in English, "1 546" and "23 января 2021 г." in Russian.
"""

from __future__ import annotations

import math

import pandas as pd
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from .i18n import Words

MINUS = "\u2212"
DASH = "\u2013"
NBSP = "\u00a0"
_DATE_PATTERNS = {"en": "d MMMM y", "ru": "d MMMM y 'г.'"}
_SHORT_DATE_PATTERNS = {"en": "d MMM", "ru": "d MMM"}
_MOMENT_PATTERNS = {"en": "d MMMM, HH:mm", "ru": "d MMMM, HH:mm"}


def missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def number(value, words: Words) -> str:
    """A count or a temperature: locale grouping, a true minus sign, no trailing '.0'."""
    if missing(value):
        return ""
    value = float(value)
    shown = int(value) if value == math.floor(value) else value
    return format_decimal(shown, locale=words.locale, group_separator=True).replace("-", MINUS)


def _unit(metric: str) -> str:
    return f"{NBSP}°C" if metric == "temperature_c" else ""


def figure(metric: str, low, high, words: Words) -> str:
    """One report's figure in its own shape: '7,000', '50–100', 'at least 30', 'up to 10,000', '−43 °C'."""
    low_missing, high_missing = missing(low), missing(high)
    unit = _unit(metric)
    if low_missing and high_missing:
        return ""
    if high_missing:
        return words._("at least {value}", value=number(low, words) + unit)
    if low_missing:
        return words._("up to {value}", value=number(high, words) + unit)
    if float(low) == float(high):
        return number(low, words) + unit
    return f"{number(low, words)}{DASH}{number(high, words)}{unit}"


def temperature_span(low, high, reports: int, words: Words) -> str:
    """The temperatures reported for a place and day: '−54 to −48 °C, 3 reports'."""
    if missing(low):
        return ""
    if float(low) == float(high):
        span = number(low, words) + _unit("temperature_c")
    else:
        span = words._("{low} to {high}", low=number(low, words), high=number(high, words) + _unit("temperature_c"))
    return words.n_("{span}, {count} report", "{span}, {count} reports", reports, span=span)


def date(day, words: Words) -> str:
    """A protest day: '23 January 2021', '23 января 2021 г.'."""
    return format_date(pd.Timestamp(day).date(), _DATE_PATTERNS[words.lang], locale=words.locale)


def short_date(day, words: Words) -> str:
    return format_date(pd.Timestamp(day).date(), _SHORT_DATE_PATTERNS[words.lang], locale=words.locale)


def moment(iso_text, words: Words) -> str:
    """An as-of time in the offset its source used: '31 January, 19:04 (UTC+3)'."""
    if missing(iso_text) or not str(iso_text).strip():
        return ""
    stamp = pd.Timestamp(str(iso_text))
    if stamp.tzinfo is None:
        return format_datetime(stamp.to_pydatetime(), _MOMENT_PATTERNS[words.lang], locale=words.locale)
    offset = stamp.utcoffset()
    hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
    zone = f"UTC{'+' if offset.total_seconds() >= 0 else MINUS}{abs(hours)}{f':{minutes:02d}' if minutes else ''}"
    local = format_datetime(stamp.tz_localize(None).to_pydatetime(), _MOMENT_PATTERNS[words.lang], locale=words.locale)
    return f"{local} ({zone})"
