"""README.md stays true for a newcomer: its two commands exist, CI runs the test one, images exist."""

import re

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
RUN = "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && streamlit run dashboard.py"
TEST = "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && python -m pytest"


def test_readme_gives_the_run_and_test_commands():
    assert RUN in README and TEST in README


def test_ci_runs_the_readmes_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == TEST


def test_ci_lints_with_ruff_before_the_tests():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    lint = next(i for i, line in enumerate(commands) if line.endswith("ruff check ."))
    assert lint < len(commands) - 1 and ".venv/bin/ruff" in commands[lint]


def test_readme_images_exist():
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (REPO / image).is_file(), image
