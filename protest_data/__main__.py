"""python -m protest_data validate | coverage  [--data-dir DIR]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .coverage import format_coverage
from .tables import DEFAULT_DATA_DIR
from .validate import InvalidDataset, load_valid_dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m protest_data", description=__doc__)
    parser.add_argument("command", choices=["validate", "coverage"])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args(argv)

    try:
        dataset = load_valid_dataset(args.data_dir)
    except InvalidDataset as invalid:
        for problem in invalid.problems:
            print(problem, file=sys.stderr)
        print(f"{len(invalid.problems)} problem(s) in {args.data_dir}", file=sys.stderr)
        return 1
    if args.command == "validate":
        print(f"{args.data_dir}: valid ({len(dataset.reports)} reports from {len(dataset.sources)} sources "
              f"about {len(dataset.cities)} cities)")
    else:
        print(format_coverage(dataset))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
