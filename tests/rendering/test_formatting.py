"""Numbers, figures, dates and times in each language's own conventions."""

import pytest

from rendering import formatting
from rendering.i18n import ENGLISH, RUSSIAN, Words

NB = "\u00a0"


@pytest.mark.parametrize(("words", "expected"), [(ENGLISH, "1,546"), (RUSSIAN, f"1{NB}546")])
def test_numbers_group_digits_by_locale(words, expected):
    assert formatting.number(1546, words) == expected
    assert formatting.number(1546.0, words) == expected  # never '1546.0'


@pytest.mark.parametrize(
    ("low", "high", "metric", "english", "russian"),
    [(7000, 7000, "crowd", "7,000", f"7{NB}000"),
     (50, 100, "detentions", "50\u2013100", "50\u2013100"),
     (30, None, "detentions", "at least 30", "не менее 30"),
     (None, 10000, "crowd", "up to 10,000", f"до 10{NB}000"),
     (-54, -54, "temperature_c", f"\u221254{NB}°C", f"\u221254{NB}°C")],
)
def test_figures_keep_their_shape_in_both_languages(low, high, metric, english, russian):
    assert formatting.figure(metric, low, high, ENGLISH) == english
    assert formatting.figure(metric, low, high, RUSSIAN) == russian


def test_temperature_spans_say_how_many_reports():
    assert formatting.temperature_span(-54, -48, 3, ENGLISH) == f"\u221254 to \u221248{NB}°C, 3 reports"
    assert formatting.temperature_span(-54, -48, 3, RUSSIAN) == f"от \u221254 до \u221248{NB}°C, 3 сообщения"
    assert formatting.temperature_span(-43, -43, 1, RUSSIAN) == f"\u221243{NB}°C, 1 сообщение"
    assert formatting.temperature_span(-43, -43, 5, RUSSIAN) == f"\u221243{NB}°C, 5 сообщений"


def test_dates_read_as_each_language_writes_them():
    assert formatting.date("2021-01-23", ENGLISH) == "23 January 2021"
    assert formatting.date("2021-01-23", RUSSIAN) == "23 января 2021 г."


@pytest.mark.parametrize(("text", "english", "russian"), [
    ("2021-01-31T19:04:00+03:00", "31 January, 19:04 (UTC+3)", "31 января, 19:04 (UTC+3)"),
    ("2021-01-31T16:46:00+05:30", "31 January, 16:46 (UTC+5:30)", "31 января, 16:46 (UTC+5:30)"),
    ("2021-01-23T08:06:00+00:00", "23 January, 08:06 (UTC+0)", "23 января, 08:06 (UTC+0)"),
])
def test_as_of_times_keep_the_offset_their_source_used(text, english, russian):
    assert formatting.moment(text, ENGLISH) == english
    assert formatting.moment(text, RUSSIAN) == russian
    assert formatting.moment(None, ENGLISH) == ""


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        Words("de")
