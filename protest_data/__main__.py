"""python -m protest_data validate | coverage  [--data-dir DIR]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .coverage import format_coverage
from .tables import DEFAULT_DATA_DIR, load_dataset
from .validate import validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m protest_data", description=__doc__)
    parser.add_argument("command", choices=["validate", "coverage"])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args(argv)

    problems = validate(args.data_dir)
    if args.command == "validate" or problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"{len(problems)} problem(s) in {args.data_dir}", file=sys.stderr)
            return 1
        dataset = load_dataset(args.data_dir)
        print(f"{args.data_dir}: valid ({len(dataset.reports)} reports from {len(dataset.sources)} sources "
              f"about {len(dataset.cities)} cities)")
        return 0
    print(format_coverage(load_dataset(args.data_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
