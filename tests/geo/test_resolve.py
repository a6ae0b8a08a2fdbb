"""python -m geo resolve: places every city offline, reports what it cannot place, survives no network."""

import shutil

import pytest

from geo.__main__ import main
from geo.resolve import PlaceRequest, resolve
from tests.conftest import REPO, read_rows, write_rows


@pytest.fixture
def places_and_reports(tmp_path):
    """The resolver's two inputs, copied: it reads places.csv and reports.csv and writes cities.csv."""
    target = tmp_path / "data"
    target.mkdir()
    for name in ("places.csv", "reports.csv"):
        shutil.copy(REPO / "data" / name, target / name)
    return target


def test_cities_csv_is_the_output_of_the_command(places_and_reports, capsys):
    """The committed cache is exactly what the resolver writes: nobody edited coordinates by hand."""
    assert main(["resolve", "--data-dir", str(places_and_reports)]) == 0, capsys.readouterr().err
    assert (places_and_reports / "cities.csv").read_text() == (REPO / "data" / "cities.csv").read_text()
    assert capsys.readouterr().out.startswith(f"wrote {places_and_reports / 'cities.csv'}: ")


def test_cities_cover_every_city_in_the_reports(dataset):
    used = set(dataset.reports["city_id"].dropna())
    assert used <= set(dataset.cities["city_id"])


def test_works_with_the_network_unreachable(places_and_reports, capsys):
    data = places_and_reports
    places = read_rows(data / "places.csv")
    places.append({**places[0], "city_id": "nowhere-town", "name_en": "Nowhere Town", "name_ru": "Нигдеград",
                   "region_hint": ""})
    write_rows(data / "places.csv", places)
    reports = read_rows(data / "reports.csv")
    reports.append({**reports[0], "report_id": "extra-01", "city_id": "nowhere-town"})
    write_rows(data / "reports.csv", reports)

    # A closed local port stands in for the internet: connections are refused at once.
    assert main(["resolve", "--data-dir", str(data), "--online", "--nominatim-domain", "127.0.0.1:9"]) == 1

    stderr = capsys.readouterr().err
    unreachable = [line for line in stderr.splitlines() if line.startswith("Nominatim unreachable")]
    assert len(unreachable) == 1
    assert "nowhere-town" in stderr and "unreachable" in stderr
    written = {row["city_id"] for row in read_rows(data / "cities.csv")}
    assert "kazan" in written and "nowhere-town" not in written


def test_an_unknown_city_is_reported_not_guessed():
    outcome = resolve([], {"atlantis": 12})
    assert outcome.cities == []
    assert outcome.problems == ["data/reports.csv, row 12, column city_id: unknown city 'atlantis' "
                                "(add it to data/places.csv)"]


def test_an_ambiguous_name_is_reported_with_its_candidates():
    outcome = resolve([PlaceRequest("kirov", "Kirov", "Киров", row=5)], {"kirov": 2})
    assert outcome.cities == []
    assert "ambiguous" in outcome.problems[0] and "Kaluga" in outcome.problems[0]


def test_english_and_russian_names_must_agree():
    outcome = resolve([PlaceRequest("kazan", "Kazan", "Самара", row=3)], {"kazan": 2})
    assert "different places" in outcome.problems[0]


def test_manual_placement_needs_a_reason():
    request = PlaceRequest("camp", "Camp", "Лагерь", region_hint="Sakha", manual_lat="62.0", manual_lon="129.7", row=4)
    outcome = resolve([request], {"camp": 2})
    assert "need a reason" in outcome.problems[0]
    reasoned = PlaceRequest(**{**request.__dict__, "manual_reason": "Not in GeoNames; coordinates from the source"})
    placed = resolve([reasoned], {"camp": 2}).cities[0]
    assert (placed.geocoder, placed.region) == ("manual", "Sakha")


def test_crimea_is_recorded_with_its_status(dataset):
    crimea = dataset.cities[dataset.cities["city_id"].isin(["simferopol", "sevastopol"])]
    assert set(crimea["country_code"]) == {"UA"}
    assert crimea["territory_status"].str.contains("occupied").all()
    assert not crimea["region"].str.contains("Russia").any()
