"""Every page runs in both interface languages, and speaks the one asked for."""

import pytest
from streamlit.testing.v1 import AppTest

from rendering.i18n import LANGUAGES, Words
from tests.conftest import REPO

PAGES = {"map": "Navalny protests across Russia, 2021", "compare": "Compare two protest days",
         "data": "The data", "sources": "Sources & method"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_every_language(page, lang):
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    app.query_params["lang"] = lang
    app.run()
    if page != "map":
        app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == [Words(lang)._(PAGES[page])]
    assert app.query_params["lang" if lang != "en" else "date"]


def test_the_language_switch_keeps_the_day_and_the_city():
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    app.query_params.update({"lang": "ru", "date": "2021-01-31", "city": "kazan"})
    app.run()
    assert app.title[0].value == Words("ru")._(PAGES["map"])
    app.button_group[0].set_value("en").run()
    assert app.title[0].value == PAGES["map"] and "lang" not in app.query_params
    assert app.query_params["date"] == "2021-01-31" and app.query_params["city"] == "kazan"
    app.button_group[0].set_value("ru").run()
    assert app.title[0].value == Words("ru")._(PAGES["map"]) and app.query_params["lang"] == "ru"
    assert app.query_params["date"] == "2021-01-31" and app.query_params["city"] == "kazan"
