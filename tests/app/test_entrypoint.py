"""Deep links go through dashboard.py even as a fresh server's first request.

pages/common.require_entrypoint flips a private Streamlit switch (PagesManager.uses_pages_directory):
Streamlit 1.67 has no option to turn off its old "pages/ folder" mode, and the design keeps pages/.
These tests fail loudly when Streamlit changes what that switch does; the browser test
test_a_deep_link_on_a_fresh_server_goes_through_the_entry_point checks the result in Chromium.
"""

import inspect

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


def test_streamlit_still_decides_the_pages_folder_mode_by_the_switch():
    assert "uses_pages_directory" in vars(PagesManager)
    runner = inspect.getsource(script_runner.ScriptRunner)
    assert "if PagesManager.uses_pages_directory:" in runner and "_mpa_v1(" in runner
    assert 'self.main_script_parent / "pages"' in inspect.getsource(PagesManager.__init__)


def test_a_deep_link_as_the_first_run_shows_the_page_through_the_entry_point():
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    app.switch_page("pages/data.py")  # before any run: what a fresh server's first request to /data does
    app.run()
    assert not app.exception
    assert [title.value for title in app.title] == ["The data"]
    assert PagesManager.uses_pages_directory is False
