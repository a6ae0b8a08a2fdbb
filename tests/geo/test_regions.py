"""Region names from kept datasets: GeoNames admin1 names, ISO 3166-2 names and their Russian translations."""

import os
import re

import pycountry

from geo.names import name_key
from geo.regions import (
    REGION_ABBREVIATIONS_FILE,
    _iso_codes,
    all_regions,
    mentions_abbreviation,
    region_abbreviations,
    region_named,
    region_names,
)

GENERIC = {"respublika", "oblast", "kray", "krai", "avtonomnyy", "avtonomnaya", "okrug", "republic", "city",
           "autonomous", "of"}


def _keys(name):
    words = name.replace("-", " ").replace("–", " ").replace(",", " ").split()
    return {name_key(word) for word in words} - GENERIC - {""}


def test_every_region_has_exactly_one_iso_subdivision():
    codes = _iso_codes()
    assert set(codes) == set(all_regions())
    assert len(set(codes.values())) == len(codes)
    russian = {s.code for s in pycountry.subdivisions.get(country_code="RU")}
    assert {iso for code, iso in codes.items() if code.startswith("RU.")} == russian


def test_pairs_matched_by_name_share_a_stem():
    """The crosswalk's 'by name' rows are checked here; 'by hand' rows name the region differently."""
    from geo.regions import ISO_CROSSWALK_FILE

    for line in ISO_CROSSWALK_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("geonames_code"):
            continue
        code, iso_code, how = line.split("\t")
        if how != "by name":
            continue
        names = region_names(code)
        assert any(len(os.path.commonprefix([a, b])) >= min(4, len(a) - 1, len(b) - 1)  # Tula / Tul'skaya
                   for a in _keys(names.en) for b in _keys(names.iso_name)), line


def test_names_in_english_iso_and_russian():
    chechnya = region_names(region_named("Chechnya", "RU").code)
    assert chechnya.iso_code == "RU-CE" and chechnya.ru == "Чеченская Республика"
    assert set(chechnya.all()) == {"Chechnya", chechnya.iso_name, "Чеченская Республика"}


def test_a_missing_translation_is_none_not_a_copy_of_the_latin_name():
    for code in all_regions():
        names = region_names(code)
        assert names.ru is None or any("а" <= char <= "я" for char in names.ru.lower()), names


def test_unknown_region():
    assert region_names("RU.00") is None and region_named("Atlantis", "RU") is None


def test_every_region_in_the_data_has_a_russian_name(dataset):
    """The Russian interface names every region in Russian, from the kept table, never from memory."""
    for name, country in set(zip(dataset.cities["region"], dataset.cities["country_code"], strict=True)):
        region = region_named(name, country)
        assert region is not None, name
        names = region_names(region.code)
        assert names is not None and names.ru and re.search("[а-яА-Я]", names.ru), name


def test_each_abbreviation_is_the_initials_of_the_region_it_stands_for():
    """The one hand-typed table: every row is a region of the crosswalk, its 'stands_for' is that region's
    Russian name (Yugra's official suffix aside) and the abbreviation is made of its initial letters."""
    rows = [line.split("\t") for line in REGION_ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and not line.startswith("iso_code")]
    assert rows
    by_iso = {iso: code for code, iso in _iso_codes().items()}
    for iso_code, abbreviation, stands_for in rows:
        names = region_names(by_iso[iso_code])
        full = stands_for.split(" — ")[0]
        assert full == names.ru, (iso_code, stands_for, names.ru)
        initials = "".join(word[0] for word in re.split(r"[\s-]+", full)).upper()
        assert abbreviation == initials, (abbreviation, full)
        assert abbreviation in names.abbreviations


def test_official_abbreviations_of_the_okrugs():
    khmao = region_names(region_named("Khanty-Mansia", "RU").code)
    assert khmao.abbreviations == ("ХМАО",)
    assert region_names(region_named("Yamalo-Nenets", "RU").code).abbreviations == ("ЯНАО",)
    assert region_names(region_named("Jewish Autonomous Oblast", "RU").code).abbreviations == ("ЕАО",)
    assert region_names(region_named("Chechnya", "RU").code).abbreviations == ()
    assert set(region_abbreviations()) == {"RU-KHM", "RU-YAN", "RU-YEV"}


def test_an_abbreviation_matches_only_as_a_whole_word_in_its_case():
    assert mentions_abbreviation("жители ХМАО и ЯНАО не стали", ("ХМАО",))
    assert mentions_abbreviation("в ХМАО-Югре", ("ХМАО",))
    assert not mentions_abbreviation("жители хмао", ("ХМАО",))
    assert not mentions_abbreviation("ХМАОЮ", ("ХМАО",))
    assert not mentions_abbreviation("в ЕАОС", ("ЕАО",))
    assert not mentions_abbreviation("жители ХМНО", ("ХМАО",))
    assert not mentions_abbreviation("жители ХМАО", ())
