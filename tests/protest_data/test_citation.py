import yaml

from protest_data.citation import citation_text
from tests.conftest import REPO


def test_citation_cff_is_valid_yaml_with_the_required_keys():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors"} <= set(cff)


def test_citation_text_names_title_version_and_year():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    text = citation_text(REPO / "CITATION.cff")
    year = str(cff["date-released"])[:4]
    assert year.isdigit() and f"({year})." in text
    assert cff["title"] in text and f"(Version {cff['version']}) [Data set]" in text


def test_citation_text_without_a_version_says_so(tmp_path):
    cff = tmp_path / "CITATION.cff"
    cff.write_text('cff-version: 1.2.0\nmessage: m\ntitle: "A title"\nauthors:\n  - name: "Someone"\n'
                   'date-released: "2030-05-01"\n', encoding="utf-8")
    assert citation_text(cff) == "Someone (2030). A title (Version unversioned) [Data set]."
