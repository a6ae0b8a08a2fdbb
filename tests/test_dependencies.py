"""Every package the code imports is declared in pyproject.toml (the run-time code in dependencies,
the tests in the test extra), so `pip install -e '.[test]'` on a fresh machine is enough."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import REPO

RUNTIME = ["protest_data", "geo", "rendering", "pages", "dashboard.py", "serve.py"]
TESTS = ["tests", "tools"]
# Imported only by scripts run by hand, each saying how to install it (geo/build_outline.py: pyshp).
BY_HAND = {"shapefile"}
LOCAL = {"protest_data", "geo", "rendering", "pages", "tests", "tools", "bench", "serve", "dashboard"}


def _imports(paths: list[str]) -> set[str]:
    found = set()
    for name in paths:
        root = REPO / name
        for path in [root] if root.is_file() else root.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return found - LOCAL - BY_HAND - set(sys.stdlib_module_names)


def _declared(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ]", requirement)[0].lower().replace("_", "-") for requirement in requirements}


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    names = packages_distributions()
    return {module: {d.lower().replace("_", "-") for d in names.get(module, [module])} for module in modules}


def test_run_time_imports_are_declared_dependencies():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _declared(project["dependencies"])
    missing = {m: d for m, d in _distributions(_imports(RUNTIME)).items() if not d & declared}
    assert missing == {}


def test_test_imports_are_declared_in_the_test_extra():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _declared(project["dependencies"]) | _declared(project["optional-dependencies"]["test"])
    missing = {m: d for m, d in _distributions(_imports(TESTS)).items() if not d & declared}
    assert missing == {}
