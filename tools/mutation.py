"""Mutation testing, by hand (not in CI): `python tools/mutation.py validate|numbers|figures [--max-children N]`.

Runs mutmut on one module against that module's own tests, in a scratch copy of the project, so a
surviving mutant costs one module's tests rather than the whole suite, and the working tree stays clean.
Prints the survivors; docs/mutation.md records them and says which matter.

To add a module: add a TARGETS entry naming the file and the tests that guard it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Tests that read the real data cost seconds per mutant and check, on the whole dataset, properties the
# rule tests check on the tiny package: they are left out.
REAL_DATA = ("not real_data and not the_dataset_is_valid and not typed_columns and not both_labels "
             "and not traced_to_its_source and not in_the_data and not in_the_real_data")
TARGETS = {
    "validate": ("protest_data/validate.py", ["tests/protest_data/test_validate.py",
                                              "tests/protest_data/test_validate_rules.py",
                                              "tests/protest_data/test_absence.py"]),
    "numbers": ("protest_data/numbers.py", ["tests/protest_data/test_numbers.py"]),
    # The rule's own cases, on the tiny package only (the summary, compare and coverage tests also reach the
    # rule, but through the pages' layout of its output, and some read the real data).
    "figures": ("protest_data/figures.py", ["tests/protest_data/test_figures.py"]),
}
COPIED = ("protest_data", "geo", "data", "tests", "rendering")


def config(module: str, tests: list[str]) -> str:
    quoted = ", ".join(f'"{test}"' for test in tests)
    return f"""[tool.mutmut]
source_paths = ["protest_data"]
only_mutate = ["{module}"]
also_copy = ["data", "geo", "rendering"]
pytest_add_cli_args_test_selection = [{quoted}]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-k", "{REAL_DATA}"]
mutate_only_covered_lines = true
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/mutation.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="run in this folder and keep it (mutmut resumes there)")
    args = parser.parse_args(argv)

    module, tests = TARGETS[args.target]
    scratch = args.keep or Path(tempfile.mkdtemp(prefix=f"mutation-{args.target}-"))
    for name in COPIED:  # refreshed on every run: mutmut re-tests only the functions that changed
        shutil.copytree(REPO / name, scratch / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    (scratch / "pyproject.toml").write_text(config(module, tests), encoding="utf-8")
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run([*mutmut, "run", "--max-children", str(args.max_children)], cwd=scratch, check=False)
    results = subprocess.run([*mutmut, "results"], cwd=scratch, capture_output=True, text=True, check=False)
    print(results.stdout)
    print(f"mutants and results kept in {scratch} (mutmut show <name> there shows one)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
