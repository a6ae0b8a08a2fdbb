"""Every text column of every table, with Markdown and HTML payloads, on every page (AppTest).

The dashboard runs on a copy of the data in which every text field carries a tagged payload
(tests/payloads.py). On each page no exception is raised, and wherever a field's text reaches one of
Streamlit's Markdown elements (title, subheader, caption, markdown, metric, alert, widget label,
Markdown options) it arrives escaped by pages.safe_text.md: the payload never arrives raw. The
fields the map's side panel shows in Markdown (the city's names, region and status; the national
figures' estimator and publisher) are checked to be there, so the test cannot pass by showing nothing.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pages.safe_text import md
from tests.conftest import REPO
from tests.payloads import CITY, DAY, FIELDS, marker, payload, poisoned_copy

TRAP = "http://127.0.0.1:9"  # AppTest renders nothing: the trap server is the browser test's
IN_MARKDOWN_ON_THE_MAP = ["cities.name_en", "cities.name_ru", "cities.region", "cities.territory_status",
                          "sources.publisher", "estimators.estimator", "reports.estimator"]
PAGES = ["map", "compare", "data", "sources"]


def _markdown_texts(app: AppTest) -> list[str]:
    """The text of every element Streamlit renders as Markdown."""
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "warning", "error", "info", "success"):
        texts += [element.value for element in getattr(app, kind)]
    for metric in app.metric:
        texts += [metric.label, metric.value, metric.proto.help]
    for widget in [*app.toggle, *app.select_slider, *app.selectbox, *app.multiselect, *app.radio]:
        texts.append(widget.label)
    for widget in [*app.select_slider, *app.radio]:
        texts += [str(option) for option in widget.options]
    return texts


@pytest.fixture(scope="module")
def pages_shown(tmp_path_factory):
    """page -> the Markdown texts it showed, with the dashboard on the poisoned copy and Yakutsk selected."""
    data = poisoned_copy(tmp_path_factory.mktemp("payloads") / "data", TRAP)
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("PROTEST_DATA_DIR", str(data))
    try:
        app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
        app.query_params.update(date=DAY, city=CITY, layers="crowd,detentions,temperature")
        app.run()
        shown = {}
        for page in PAGES:
            if page != "map":
                app.switch_page(f"pages/{page}.py").run()
            assert not app.exception, (page, app.exception)
            shown[page] = _markdown_texts(app)
        yield shown
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize("field", FIELDS)
def test_a_fields_payload_reaches_markdown_only_escaped(pages_shown, field):
    raw, escaped = payload(field, TRAP), md(payload(field, TRAP))
    for page, texts in pages_shown.items():
        for text in texts:
            if marker(field) in text:
                assert escaped in text and raw not in text, (page, text[:300])


@pytest.mark.parametrize("field", IN_MARKDOWN_ON_THE_MAP)
def test_the_map_shows_the_fields_escaped_payload(pages_shown, field):
    assert any(md(payload(field, TRAP)) in text for text in pages_shown["map"]), field


def test_every_page_ran_on_the_poisoned_copy(pages_shown):
    assert set(pages_shown) == set(PAGES) and all(pages_shown.values())
