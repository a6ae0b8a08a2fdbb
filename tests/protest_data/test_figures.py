"""The figure rule, case by case, on a tiny hand-made dataset (CODEBOOK.md, "How the map picks a figure")."""

import dataclasses

import pandas as pd

from protest_data.figures import UNNAMED_ESTIMATORS, reported_time
from protest_data.summary import city_day_summary, day_counters, figures, reports_with_sources
from tests.protest_data.fixtures import report, tiny_dataset

D23 = "2021-01-23"
D31 = "2021-01-31"
DAY = pd.Timestamp(D23)
AT_18 = "2021-01-23T18:00:00+03:00"


def _rule(tmp_path, rows):
    data = tiny_dataset(tmp_path, rows)
    return data, figures(data)


def _counters(rule, metric, place="kazan"):
    counters = day_counters(rule, DAY, place)
    return counters[counters["metric"] == metric].reset_index(drop=True)


def _drawn(rule):
    return set(rule.reports.loc[rule.reports["drawn"], "report_id"])


def _published(data, **published):
    """The dataset with its sources' publication dates replaced (source_id -> text, "" for unknown)."""
    sources = data.sources.assign(published=data.sources["source_id"].map(
        lambda source: published[source] or pd.NA).astype("string"))
    return dataclasses.replace(data, sources=sources)


def test_a_band_stays_a_band(tmp_path):
    data, rule = _rule(tmp_path, [report("r1", D23, "kazan", "detentions", "50", "100")])
    (row,) = _counters(rule, "detentions").itertuples()
    assert (row.value_low, row.value_high) == (50, 100)
    kazan = city_day_summary(data, rule).iloc[0]
    assert (kazan["detentions_low"], kazan["detentions_high"]) == (50, 100)


def test_bounds_stay_bounds(tmp_path):
    _, rule = _rule(tmp_path, [
        report("r1", D23, "kazan", "crowd", "5000", "", estimator="organisers"),  # 'more than 5,000'
        report("r2", D23, "kazan", "crowd", "", "10000", estimator="Reuters"),  # 'up to 10,000'
    ])
    shapes = {r.estimator: (r.value_low, r.value_high) for r in _counters(rule, "crowd").itertuples()}
    assert shapes["organisers"][0] == 5000 and pd.isna(shapes["organisers"][1])
    assert pd.isna(shapes["Reuters"][0]) and shapes["Reuters"][1] == 10000


def test_a_later_count_by_the_same_counter_supersedes_an_earlier_one(tmp_path):
    _, rule = _rule(tmp_path, [
        report("early", D23, "kazan", "detentions", "90", "90", as_of="2021-01-23T15:00:00+03:00"),
        report("late", D23, "kazan", "detentions", "60", "60", as_of="2021-01-23T21:00:00+03:00"),
    ])
    (row,) = _counters(rule, "detentions").itertuples()
    assert row.report_ids == ("late",) and row.value_low == 60 and row.history == 1
    superseded = rule.reports.set_index("report_id")["superseded"]
    assert superseded["early"] and not superseded["late"]


def test_a_count_published_the_next_day_is_later_than_any_count_of_the_day(tmp_path):
    _, rule = _rule(tmp_path, [
        report("evening", D23, "kazan", "detentions", "100", "100", as_of="2021-01-23T23:50:00+03:00"),
        report("next-day", D23, "kazan", "detentions", "80", "80", source_id="s2"),  # s2: 25 Jan, no time
    ])
    (row,) = _counters(rule, "detentions").itertuples()
    assert row.report_ids == ("next-day",)


def test_an_unknown_time_never_beats_a_known_time_on_the_same_date(tmp_path):
    _, rule = _rule(tmp_path, [
        report("timed", D23, "kazan", "detentions", "40", "40", as_of="2021-01-23T09:00:00+03:00"),
        report("undated", D23, "kazan", "detentions", "70", "70"),  # s1: published 23 Jan, no time
    ])
    (row,) = _counters(rule, "detentions").itertuples()
    assert row.report_ids == ("timed",)
    assert _drawn(rule) == {"timed"}


def test_at_the_same_time_the_larger_count_wins_and_equal_reprints_are_all_behind_it(tmp_path):
    _, rule = _rule(tmp_path, [
        report("a", D23, "kazan", "detentions", "30", "30", as_of="2021-01-23T18:00:00+03:00"),
        report("b", D23, "kazan", "detentions", "37", "37", as_of="2021-01-23T18:00:00+03:00"),
        report("c", D23, "kazan", "detentions", "37", "37", as_of="2021-01-23T18:00:00+03:00", source_id="s2"),
    ])
    (row,) = _counters(rule, "detentions").itertuples()
    assert row.value_low == 37 and set(row.report_ids) == {"b", "c"}
    assert _drawn(rule) == {"b", "c"}
    # The reprints behind the figure are listed in report_id order, each outlet once (the lists are tuples, or
    # arrays where pandas stores them as pyarrow lists).
    assert tuple(row.report_ids) == ("b", "c") and tuple(row.publishers) == ("Early Outlet", "Late Outlet")


def test_two_counters_stand_side_by_side(tmp_path):
    data, rule = _rule(tmp_path, [
        report("ovd", D23, "kazan", "detentions", "2", "2", as_of="2021-01-23T08:30:00+03:00"),
        report("pol", D23, "kazan", "detentions", "14", "14", estimator="police"),
    ])
    counters = _counters(rule, "detentions")
    assert dict(zip(counters["estimator"], counters["value_low"], strict=True)) == {"OVD-Info": 2, "police": 14}
    assert list(counters["estimator"]) == ["OVD-Info", "police"]  # monitors first
    assert _drawn(rule) == {"ovd", "pol"}
    kazan = city_day_summary(data, rule).iloc[0]
    assert (kazan["detentions_low"], kazan["detentions_high"], kazan["detentions_counters"]) == (2, 14, 2)
    # Neither has an earlier count: no history, and history counts reports (whole numbers).
    assert list(counters["history"]) == [0, 0] and pd.api.types.is_integer_dtype(counters["history"])


def test_unnamed_estimators_are_one_counter_per_source(tmp_path):
    name = sorted(UNNAMED_ESTIMATORS)[0]
    rows = [report("x", D23, "kazan", "crowd", "100", "100", estimator=name),
            report("y", D23, "kazan", "crowd", "300", "300", estimator=name, source_id="s2")]
    data = tiny_dataset(tmp_path, rows, extra_estimators=[name])
    counters = _counters(figures(data), "crowd")
    assert sorted(counters["value_low"]) == [100, 300]
    # Each such counter is named by the estimator and the source, so the two can be told apart.
    assert set(counters["counter"]) == {f"{name} · s1", f"{name} · s2"}


def test_temperatures_keep_every_report_and_colour_by_the_median(tmp_path):
    data, rule = _rule(tmp_path, [
        report("t1", D23, "anadyr", "temperature_c", "-54", "-54", estimator="Reuters"),
        report("t2", D23, "anadyr", "temperature_c", "-50", "-50", estimator="police"),
        report("t3", D23, "anadyr", "temperature_c", "-48", "-48", estimator="organisers"),
    ])
    anadyr = city_day_summary(data, rule).iloc[0]
    assert (anadyr["temperature_low"], anadyr["temperature_high"]) == (-54, -48)
    assert anadyr["temperature_middle"] == -50 and anadyr["temperature_counters"] == 3
    assert _drawn(rule) == {"t1", "t2", "t3"}
    # Each temperature is its own row: its one report, its outlet, no history.
    temperatures = _counters(rule, "temperature_c", "anadyr")
    assert sorted(tuple(ids) for ids in temperatures["report_ids"]) == [("t1",), ("t2",), ("t3",)]
    assert {tuple(p) for p in temperatures["publishers"]} == {("Early Outlet",)}
    assert list(temperatures["history"]) == [0, 0, 0]


def test_a_figure_spanning_several_days_is_never_drawn(tmp_path):
    _, rule = _rule(tmp_path, [
        report("wave", D23, "kazan", "detentions", "300", "300", date_end="2021-01-31"),
        report("day", D23, "kazan", "detentions", "20", "20"),
    ])
    assert _drawn(rule) == {"day"}


def test_reported_time_reads_every_form_of_publication_the_schema_allows():
    """as_of first; else the publication time, whatever its offset, with or without seconds; else a bare date
    as midnight in Moscow (21:00 UTC the day before); else unknown. All in UTC. A date or time that cannot be
    (the schema's pattern lets 2021-02-30 and 25:00 through) is unknown, never an error."""
    published = ["2021-01-25", "2021-01-23T18:30:00+03:00", "2021-01-23T18:30+03:00", "2021-01-23T20:00:00+05:00",
                 "2021-01-23T12:00Z", "2021-01-23", None, "2021-02-30", "2021-01-23T25:00+03:00"]
    as_of = [pd.Timestamp("2021-01-23T12:05:00Z")] + [pd.NaT] * (len(published) - 1)
    frame = pd.DataFrame({"as_of": pd.Series(as_of, dtype="datetime64[us, UTC]"),
                          "source_published": pd.Series(published, dtype="string")})
    times = reported_time(frame)
    assert str(times.dt.tz) == "UTC"
    assert [None if pd.isna(t) else t.isoformat() for t in times] == [
        "2021-01-23T12:05:00+00:00", "2021-01-23T15:30:00+00:00", "2021-01-23T15:30:00+00:00",
        "2021-01-23T15:00:00+00:00", "2021-01-23T12:00:00+00:00", "2021-01-22T21:00:00+00:00", None, None, None]


def test_a_bare_date_is_moscow_midnight_so_a_count_made_at_1am_moscow_time_beats_it(tmp_path):
    # 01:00 in Moscow is 22:00 UTC the day before: later than Moscow midnight, earlier than UTC midnight.
    _, rule = _rule(tmp_path, [
        report("night", D23, "kazan", "detentions", "5", "5", as_of="2021-01-23T01:00:00+03:00"),
        report("dated", D23, "kazan", "detentions", "9", "9"),  # s1: published 23 Jan, no time
    ])
    assert _drawn(rule) == {"night"}


def test_without_as_of_the_publication_time_orders_a_counters_counts_and_no_date_is_the_earliest(tmp_path):
    data = tiny_dataset(tmp_path, [
        report("undated", D23, "kazan", "detentions", "100", "100"),  # s1: no publication date at all
        report("timed", D23, "kazan", "detentions", "80", "80", source_id="s2"),
    ])
    rule = figures(_published(data, s1="", s2="2021-01-23T18:30+03:00"))
    assert _drawn(rule) == {"timed"}
    assert rule.reports.set_index("report_id")["superseded"]["undated"]


def test_national_figures_have_an_empty_place_and_a_cities_count_keeps_what_it_counted(tmp_path):
    _, rule = _rule(tmp_path, [
        report("n1", D23, "", "detentions", "3000", "3000", as_of=AT_18),
        report("c1", D23, "", "cities", "100", "100", as_of=AT_18, counted="protests"),
        report("c2", D23, "", "cities", "90", "90", as_of=AT_18, counted="detentions"),
    ])
    national = day_counters(rule, DAY, "")
    ids = [only for (only,) in national["report_ids"]]
    assert dict(zip(ids, national["counted"], strict=True)) == {
        "n1": "", "c1": "protests", "c2": "detentions"}  # one counter, two counts of cities: neither supersedes
    assert _drawn(rule) == {"n1", "c1", "c2"}


def test_at_equal_times_the_larger_upper_end_wins(tmp_path):
    _, rule = _rule(tmp_path, [
        report("band", D23, "kazan", "detentions", "10", "50", as_of=AT_18),
        report("one", D23, "kazan", "detentions", "40", "40", as_of=AT_18),
    ])
    assert _drawn(rule) == {"band"}


def test_at_equal_times_and_upper_ends_the_larger_lower_end_wins(tmp_path):
    _, rule = _rule(tmp_path, [
        report("a", D23, "kazan", "detentions", "30", "50", as_of=AT_18),
        report("b", D23, "kazan", "detentions", "40", "50", as_of=AT_18),
    ])
    assert _drawn(rule) == {"b"}


def test_at_equal_times_a_bound_is_compared_by_its_one_number(tmp_path):
    # 'more than 60' and 'up to 60' both state 60, at both ends: each beats '50 to 60'.
    _, rule = _rule(tmp_path, [
        report("a", D23, "kazan", "detentions", "50", "60", as_of=AT_18),
        report("b", D23, "kazan", "detentions", "60", "", as_of=AT_18),
        report("c", D23, "kazan", "crowd", "50", "60", as_of=AT_18),
        report("d", D23, "kazan", "crowd", "", "60", as_of=AT_18),
    ])
    assert _drawn(rule) == {"b", "d"}


def test_a_bound_is_not_the_same_figure_as_a_band_sharing_its_number(tmp_path):
    # At one time '50 to 100' beats 'more than 50'; the bound is history, not a reprint behind the band.
    _, rule = _rule(tmp_path, [
        report("band", D23, "kazan", "detentions", "50", "100", as_of=AT_18),
        report("bound", D23, "kazan", "detentions", "50", "", as_of=AT_18),
    ])
    assert _drawn(rule) == {"band"}
    (row,) = _counters(rule, "detentions").itertuples()
    assert tuple(row.report_ids) == ("band",) and row.history == 1


def test_a_later_count_sharing_only_the_upper_end_still_supersedes(tmp_path):
    _, rule = _rule(tmp_path, [
        report("early", D23, "kazan", "detentions", "50", "100", as_of="2021-01-23T15:00:00+03:00"),
        report("late", D23, "kazan", "detentions", "80", "100", as_of=AT_18),
    ])
    assert _drawn(rule) == {"late"}


def test_counters_of_one_kind_read_largest_first_then_by_name(tmp_path):
    names = ["Alpha", "Beta", "Gamma", "Delta"]  # estimators of kind 'other'
    data = tiny_dataset(tmp_path, [
        report("r1", D23, "kazan", "crowd", "100", "100", estimator="Alpha"),
        report("r2", D23, "kazan", "crowd", "300", "300", estimator="Beta"),
        report("r3", D23, "kazan", "crowd", "500", "", estimator="Gamma"),  # 'more than 500': 500
        report("r4", D23, "kazan", "crowd", "100", "100", estimator="Delta"),
        report("r5", D23, "kazan", "crowd", "10", "10", estimator="OVD-Info"),  # a monitor: first whatever its size
    ], extra_estimators=names)
    assert list(_counters(figures(data), "crowd")["estimator"]) == ["OVD-Info", "Gamma", "Beta", "Alpha", "Delta"]


def test_the_symbol_spans_bounds_by_their_one_number_and_counts_every_report(tmp_path):
    # 'up to 3,000' and 'more than 5,000' span 3,000 to 5,000; a reprint is a report, not a counter.
    _, rule = _rule(tmp_path, [
        report("up", D23, "kazan", "crowd", "", "3000", estimator="Reuters"),
        report("more", D23, "kazan", "crowd", "5000", "", estimator="organisers", as_of=AT_18),
        report("more-again", D23, "kazan", "crowd", "5000", "", estimator="organisers", as_of=AT_18, source_id="s2"),
    ])
    (span,) = rule.spans[rule.spans["place"] == "kazan"].itertuples()
    assert (span.low, span.high, span.counters, span.reports) == (3000, 5000, 2, 3)


def test_the_rule_adds_only_its_documented_columns(tmp_path):
    data, rule = _rule(tmp_path, [
        report("r1", D23, "kazan", "detentions", "5", "5"),
        report("r2", D23, "anadyr", "detentions", "7", "7", estimator="police"),
    ])
    added = set(rule.reports.columns) - set(reports_with_sources(data).columns)
    assert added == {"place", "counter", "reported_at", "drawn", "superseded"}
    assert list(rule.counters.columns) == [
        "date", "place", "metric", "counted", "counter", "estimator", "estimator_kind", "value_low", "value_high",
        "reported_at", "as_of_text", "report_ids", "publishers", "history"]
    for frame in (rule.reports, rule.counters):
        assert list(frame.index) == list(range(len(frame)))


def test_reports_and_counters_run_in_day_place_and_metric_order(tmp_path):
    # The history timelines and the cards read them in this order.
    _, rule = _rule(tmp_path, [
        report("k31", D31, "kazan", "detentions", "5", "5"),
        report("a23c", D23, "anadyr", "crowd", "50", "50"),
        report("k23d", D23, "kazan", "detentions", "4", "4"),
        report("a23d", D23, "anadyr", "detentions", "3", "3"),
    ])
    expected = [(pd.Timestamp(D23), "anadyr", "crowd"), (pd.Timestamp(D23), "anadyr", "detentions"),
                (pd.Timestamp(D23), "kazan", "detentions"), (pd.Timestamp(D31), "kazan", "detentions")]
    for frame in (rule.reports, rule.counters):
        assert list(zip(frame["date"], frame["place"], frame["metric"], strict=True)) == expected


def test_a_temperature_range_colours_by_its_middle(tmp_path):
    # '-10 to -6' counts as -8 in the median: the middle of -20, -8 and -2 is -8 (its low end, -10, would not be).
    data, rule = _rule(tmp_path, [
        report("t1", D23, "anadyr", "temperature_c", "-10", "-6", estimator="Reuters"),
        report("t2", D23, "anadyr", "temperature_c", "-20", "-20", estimator="police"),
        report("t3", D23, "anadyr", "temperature_c", "-2", "-2", estimator="organisers"),
    ])
    anadyr = city_day_summary(data, rule).iloc[0]
    assert (anadyr["temperature_low"], anadyr["temperature_middle"], anadyr["temperature_high"]) == (-20, -8, -2)
