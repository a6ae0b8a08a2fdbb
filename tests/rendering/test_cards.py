"""Text from sources is data, never markup: it is escaped wherever it reaches HTML."""

import pandas as pd
import pytest

from rendering.cards import DRAWN, SUPERSEDED, report_card, safe_url, text
from rendering.i18n import ENGLISH, RUSSIAN

HOSTILE = '<img src=x onerror="alert(1)"> `${alert(2)}` \\ </script>'


def _report(**changes):
    base = dict(report_id="r-01", date=pd.Timestamp("2021-01-23"), metric="crowd", value_low=500.0, value_high=500.0,
                estimator="police", as_of_text=pd.NA, quote="Quote", url="https://example.org/a", publisher="Outlet",
                source_published="2021-01-23", title="Title", note=pd.NA, language="ru")
    base.update(changes)
    return pd.Series(base)


@pytest.mark.parametrize("field", ["quote", "publisher", "title", "estimator", "note"])
def test_hostile_text_in_any_field_is_escaped(field):
    card = report_card(_report(**{field: HOSTILE}), ENGLISH)
    assert "<img" not in card and "</script>" not in card and "`" not in card
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in card


def test_only_web_links_become_links():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,hi") is None
    assert safe_url('https://example.org/?q="><script>') == "https://example.org/?q=&quot;&gt;&lt;script&gt;"
    assert 'href="' not in report_card(_report(url="javascript:alert(1)"), ENGLISH)


def test_missing_values_are_empty_text():
    assert text(None) == text(pd.NA) == text(float("nan")) == ""


def test_russian_quotes_are_shown_as_published_in_either_interface():
    for words in (ENGLISH, RUSSIAN):
        card = report_card(_report(quote="В Якутске -43 градуса, «мороз»", language="ru"), words)
        assert 'lang="ru">В Якутске -43 градуса, «мороз»</blockquote>' in card


def test_cards_say_whether_the_map_draws_them():
    drawn = report_card(_report(), ENGLISH, status=DRAWN)
    old = report_card(_report(), ENGLISH, status=SUPERSEDED)
    assert 'class="report drawn"' in drawn and 'class="badge drawn"' in drawn
    assert 'class="report superseded"' in old and 'class="badge drawn"' not in old
    assert "badge" not in report_card(_report(), ENGLISH)


def test_as_of_times_read_as_times_not_iso_text():
    card = report_card(_report(as_of_text="2021-01-31T19:04:00+03:00"), ENGLISH)
    assert "as of 31 January, 19:04 (UTC+3)" in card and "T19:04" not in card
