"""National headlines: each figure names who counted it and when, and the other counters are named too."""

import re

import pandas as pd

from protest_data.summary import national_summary, protest_days
from rendering.headlines import national_headlines
from rendering.i18n import ENGLISH


def test_every_headline_names_its_counter_and_the_others(dataset):
    for day in protest_days(dataset):
        national = national_summary(dataset, day)
        headlines = {h.key: h for h in national_headlines(national, ENGLISH)}
        for key in ("detentions", "cities_with_detentions", "cities_with_protests"):
            counters = national[key]
            if not len(counters):
                assert key not in headlines
                continue
            assert counters["estimator"].iloc[0] in headlines[key].caption
            assert re.search(r"\d", headlines[key].value)
            for other in counters["estimator"].iloc[1:]:
                assert f"({other})" in headlines[key].help
        one_day = dataset.reports[(dataset.reports["date"] == pd.Timestamp(day)) & dataset.reports["date_end"].isna()]
        protests = one_day[one_day["metric"] != "no_protest"]  # a reported absence is never a protest city
        assert headlines["cities_in_dataset"].value == str(protests["city_id"].dropna().nunique())
