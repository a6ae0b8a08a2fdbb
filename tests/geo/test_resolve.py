"""python -m geo resolve: places every city offline, reports what it cannot place, survives no network."""

import subprocess
import sys

from geo.resolve import PlaceRequest, resolve
from tests.conftest import REPO, read_rows, write_rows


def _run(*args):
    return subprocess.run([sys.executable, "-m", "geo", "resolve", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=120)


def test_cities_csv_is_the_output_of_the_command(data_copy):
    """The committed cache is exactly what the resolver writes: nobody edited coordinates by hand."""
    result = _run("--data-dir", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert (data_copy / "cities.csv").read_text() == (REPO / "data" / "cities.csv").read_text()


def test_cities_cover_every_city_in_the_reports(dataset):
    used = set(dataset.reports["city_id"].dropna())
    assert used <= set(dataset.cities["city_id"])


def test_works_with_the_network_unreachable(data_copy):
    places = read_rows(data_copy / "places.csv")
    places.append({**places[0], "city_id": "nowhere-town", "name_en": "Nowhere Town", "name_ru": "Нигдеград",
                   "region_hint": ""})
    write_rows(data_copy / "places.csv", places)
    reports = read_rows(data_copy / "reports.csv")
    reports.append({**reports[0], "report_id": "extra-01", "city_id": "nowhere-town"})
    write_rows(data_copy / "reports.csv", reports)

    # A closed local port stands in for the internet: connections are refused at once.
    result = _run("--data-dir", str(data_copy), "--online", "--nominatim-domain", "127.0.0.1:9")

    assert result.returncode == 1
    unreachable = [line for line in result.stderr.splitlines() if line.startswith("Nominatim unreachable")]
    assert len(unreachable) == 1
    assert "nowhere-town" in result.stderr and "unreachable" in result.stderr
    written = {row["city_id"] for row in read_rows(data_copy / "cities.csv")}
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
