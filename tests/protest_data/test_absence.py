"""Reported absence ('no_protest'): a source says no protest took place in a city that day.

Rule tests run on the tiny hand-made package; the real data is checked for properties only.
"""

import pandas as pd

from protest_data.compare import compare_days
from protest_data.summary import city_day_summary, national_summary
from protest_data.validate import validate
from tests.protest_data.fixtures import CITIES, report, tiny_dataset, tiny_package

D23, D31 = "2021-01-23", "2021-01-31"
REPUBLICS = "В Ингушетии, Северной Осетии, Кабардино-Балкарии и Чечне акций протеста не было."
KAZAN = "В Казани на акцию вышли около 2000 человек."


def _problems(tmp_path, reports, s2=REPUBLICS):
    data = tiny_package(tmp_path, reports, passages={"s1": KAZAN, "s2": s2})
    return [(p.file.split("/")[-1], p.row, p.column, p.message) for p in validate(data)]


def _absence(**changes):
    row = report("a1", D23, "grozny", "no_protest", estimator="Reuters", source_id="s2", quote=REPUBLICS,
                 note="the source names the republic; recorded at its capital")
    row.update(changes)
    return row


def test_a_reported_absence_naming_the_republic_is_valid(tmp_path):
    assert _problems(tmp_path, [_absence()]) == []


def test_a_reported_absence_naming_the_city_is_valid(tmp_path):
    quote = "В Грозном акции не было."
    assert _problems(tmp_path, [_absence(quote=quote)], s2=quote) == []


def test_a_reported_absence_with_a_value_names_file_row_and_column(tmp_path):
    problems = _problems(tmp_path, [report("r1", D23, "kazan", "crowd", "2000", "2000", quote=KAZAN),
                                    _absence(value_low="3")])
    assert [(f, r, c) for f, r, c, _ in problems] == [("reports.csv", 3, "value_low")]
    assert "'no_protest' report carries no value" in problems[0][3]


def test_a_reported_absence_naming_neither_city_nor_region_fails(tmp_path):
    quote = "В Ингушетии акций протеста не было."
    problems = _problems(tmp_path, [_absence(quote=quote)], s2=quote)
    assert [(f, r, c) for f, r, c, _ in problems] == [("reports.csv", 2, "quote")]
    assert "'Grozny'" in problems[0][3] and "'Chechnya'" in problems[0][3]


def test_naming_the_region_is_enough_only_for_an_absence(tmp_path):
    problems = _problems(tmp_path, [_absence(metric="held")])
    assert [(r, c) for _, r, c, _ in problems] == [(2, "quote")]


def test_a_reported_absence_needs_a_city_and_a_quote(tmp_path):
    problems = _problems(tmp_path, [_absence(city_id=""), _absence(report_id="a2", quote="")])
    assert {(r, c) for _, r, c, _ in problems} >= {(2, "city_id"), (3, "quote")}


KHANTY_MANSIYSK = dict(city_id="khanty-mansiysk", name_en="Khanty-Mansiysk", name_ru="Ханты-Мансийск",
                       region="Khanty-Mansia", country_code="RU", territory_status="", lat="61.00", lon="69.03",
                       geonames_id="1503772", population="1", geocoder="gazetteer", geocoder_note="")
OKRUGS = "В тюменской акции приняли участие 270 человек, а жители ХМАО и ЯНАО не стали устраивать акций."


def _okrug_problems(tmp_path, quote, metric="no_protest"):
    row = _absence(city_id="khanty-mansiysk", quote=quote, metric=metric)
    data = tiny_package(tmp_path, [row], passages={"s1": KAZAN, "s2": quote}, cities=[*CITIES, KHANTY_MANSIYSK])
    return [(p.row, p.column, p.message) for p in validate(data)]


def test_an_absence_may_name_the_region_by_its_official_abbreviation(tmp_path):
    """ХМАО is Khanty-Mansiysk's region (geo/data/region_abbreviations.tsv): the absence is valid."""
    assert _okrug_problems(tmp_path, OKRUGS) == []


def test_an_unknown_or_mistyped_abbreviation_still_fails(tmp_path):
    quotes = ("Жители ХМНО не стали устраивать акций.",  # no region is abbreviated so
              "Жители ЯНАО не стали устраивать акций.",  # another region's abbreviation
              "Жители хмао не стали устраивать акций.",  # not as the region writes it
              "Жители ХМАОЮ не стали устраивать акций.")  # not a whole word
    for number, quote in enumerate(quotes):
        problems = _okrug_problems(tmp_path / str(number), quote)
        assert [(r, c) for r, c, _ in problems] == [(2, "quote")], quote
        assert "'Khanty-Mansiysk'" in problems[0][2]


def test_an_abbreviation_names_a_region_only_for_an_absence(tmp_path):
    assert [(r, c) for r, c, _ in _okrug_problems(tmp_path, OKRUGS, metric="held")] == [(2, "quote")]


def _tiny(tmp_path, reports):
    return tiny_dataset(tmp_path, reports)


def test_an_absence_only_city_is_never_a_protest_city(tmp_path):
    data = _tiny(tmp_path, [report("r1", D23, "kazan", "held"), _absence()])
    summary = city_day_summary(data).set_index("city_id")
    assert not summary.loc["grozny", "protest_reported"] and summary.loc["grozny", "no_protest_reports"] == 1
    assert summary.loc["kazan", "protest_reported"] and summary.loc["kazan", "no_protest_reports"] == 0
    assert national_summary(data, D23)["cities_in_dataset"] == 1
    assert list(compare_days(data, D23, D31)["city_id"]) == ["kazan"]


def test_conflicting_sources_are_both_kept(tmp_path):
    data = _tiny(tmp_path, [report("r1", D23, "grozny", "held", source_id="s1"), _absence()])
    grozny = city_day_summary(data).set_index("city_id").loc["grozny"]
    assert grozny["protest_reported"] and grozny["no_protest_reports"] == 1 and grozny["reports"] == 2
    assert national_summary(data, D23)["cities_in_dataset"] == 1
    compared = compare_days(data, D23, D31).set_index("city_id")
    assert compared.loc["grozny", "reported_a"] and compared.loc["grozny", "no_protest_a"]


def test_every_absence_in_the_data_names_a_city_and_carries_no_value(dataset):
    absences = dataset.reports[dataset.reports["metric"] == "no_protest"]
    assert absences["city_id"].notna().all() and absences["quote"].str.strip().astype(bool).all()
    assert absences["value_low"].isna().all() and absences["value_high"].isna().all()


def test_no_absence_only_city_counts_as_a_protest_city_in_the_real_data(dataset):
    summary = city_day_summary(dataset)
    reports = dataset.reports[dataset.reports["date_end"].isna() & dataset.reports["city_id"].notna()]
    for (day, city), group in reports.groupby(["date", "city_id"]):
        row = summary[(summary["date"] == day) & (summary["city_id"] == city)].iloc[0]
        assert bool(row["protest_reported"]) == bool((group["metric"] != "no_protest").any())
        assert row["no_protest_reports"] == (group["metric"] == "no_protest").sum()
    for day in summary["date"].unique():
        day_rows = summary[summary["date"] == pd.Timestamp(day)]
        assert national_summary(dataset, day)["cities_in_dataset"] == int(day_rows["protest_reported"].sum())
