import yaml

from protest_data.citation import citation_text
from tests.conftest import REPO


def test_citation_cff_is_valid_yaml_with_the_required_keys():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors"} <= set(cff)


def test_citation_text_names_title_version_and_year():
    text = citation_text(REPO / "CITATION.cff")
    assert "Navalny protests across Russia" in text and "(Version 0.1.0) [Data set]" in text and "(2026)" in text
