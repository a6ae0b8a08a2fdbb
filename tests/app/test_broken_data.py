"""The dashboard on broken data: the validator's file, row and column on the page, never a traceback."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO
from tests.protest_data.fixtures import report, tiny_data_dir

BREAKS = {
    "UTF-16": (lambda raw: raw.decode("utf-8").encode("utf-16"), "reports.csv: is saved as UTF-16"),
    "a byte-order mark": (lambda raw: b"\xef\xbb\xbf" + raw, "reports.csv: starts with a UTF-8 byte-order mark"),
    "invalid UTF-8": (lambda raw: raw.replace(b"Kazan: 2000", b"Kazan: \xff2000"), "reports.csv, row 2, column quote: "
                                                                                     "is not valid UTF-8"),
    "a row cut short": (lambda raw: raw + b"r9,2021-01-23\n", "reports.csv, row 3, column date_end: has 2 cells"),
}


@pytest.mark.parametrize("name", BREAKS)
def test_a_broken_file_shows_the_validators_message(tmp_path, monkeypatch, name):
    data = tiny_data_dir(tmp_path, [report("r1", "2021-01-23", "kazan", "crowd", "2000", "2000")])
    change, expected = BREAKS[name]
    (data / "reports.csv").write_bytes(change((data / "reports.csv").read_bytes()))
    monkeypatch.setenv("PROTEST_DATA_DIR", str(data))
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60).run()
    assert not app.exception, app.exception
    assert "failed validation" in app.error[0].value
    assert expected in app.code[0].value
