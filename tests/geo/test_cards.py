"""Text from sources is data, never markup: it is escaped wherever it reaches HTML."""

import pandas as pd
import pytest

from geo.cards import figure, report_card, safe_url, text

HOSTILE = '<img src=x onerror="alert(1)"> `${alert(2)}` \\ </script>'


def _report(**changes):
    base = dict(report_id="r-01", date=pd.Timestamp("2021-01-23"), metric="crowd", value_low=500.0, value_high=500.0,
                estimator="police", as_of_text=pd.NA, quote="Quote", url="https://example.org/a", publisher="Outlet",
                source_published="2021-01-23", title="Title", note=pd.NA, language="ru")
    base.update(changes)
    return pd.Series(base)


@pytest.mark.parametrize("field", ["quote", "publisher", "title", "estimator", "note"])
def test_hostile_text_in_any_field_is_escaped(field):
    card = report_card(_report(**{field: HOSTILE}))
    assert "<img" not in card and "</script>" not in card and "`" not in card
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in card


def test_only_web_links_become_links():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,hi") is None
    assert safe_url('https://example.org/?q="><script>') == "https://example.org/?q=&quot;&gt;&lt;script&gt;"
    assert 'href="' not in report_card(_report(url="javascript:alert(1)"))


def test_missing_values_are_empty_text():
    assert text(None) == text(pd.NA) == text(float("nan")) == ""


@pytest.mark.parametrize(
    ("low", "high", "metric", "expected"),
    [(7000, 7000, "crowd", "7,000"), (15000, 20000, "crowd", "15,000\u201320,000"),
     (5000, None, "crowd", "5,000 or more"), (None, 2000, "crowd", "up to 2,000"),
     (-43, -43, "temperature_c", "\u221243 °C")],
)
def test_figures_read_as_the_source_gave_them(low, high, metric, expected):
    assert figure(metric, low, high) == expected


def test_russian_quotes_are_shown_as_published():
    card = report_card(_report(quote="В Якутске -43 градуса, «мороз»", language="ru"))
    assert 'lang="ru">В Якутске -43 градуса, «мороз»</blockquote>' in card


def test_national_headlines_say_who_counted_and_when(dataset):
    from geo.cards import national_headlines
    from protest_data.summary import national_summary, protest_days

    for day in protest_days(dataset):
        headlines = {h.label: h for h in national_headlines(national_summary(dataset, day))}
        assert headlines["Detained nationwide"].value.replace(",", "").split()[0].isdigit(), day
        assert "OVD-Info" in headlines["Detained nationwide"].caption
        assert "reported by" in headlines["Detained nationwide"].caption
        one_day = dataset.reports[(dataset.reports["date"] == day) & dataset.reports["date_end"].isna()]
        assert headlines["Cities in this dataset"].value == str(one_day["city_id"].dropna().nunique())
