"""Time the first load of a data package in a fresh process, and its two floors.

    python -m bench.firstload project DIR       validate + load + summarise, as the dashboard's first run does
    python -m bench.firstload frictionless DIR  frictionless's schema and key checks alone (the framework floor)
    python -m bench.firstload files DIR         read every CSV and archived passage, nothing else (the physical floor)

Prints one JSON object: the seconds the work took after the imports (``seconds``) and the imports
(``import_seconds``). A fresh process per call, so nothing is cached.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def project(data_dir: Path) -> float:
    from protest_data.summary import city_day_summary, national_summary, protest_days, reports_with_sources
    from protest_data.validate import load_valid_dataset

    start = time.perf_counter()
    dataset = load_valid_dataset(data_dir)
    city_day_summary(dataset)
    reports_with_sources(dataset)
    national_summary(dataset, protest_days(dataset)[0])
    return start


def frictionless_only(data_dir: Path) -> float:
    import frictionless

    start = time.perf_counter()
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    report = frictionless.Package(descriptor, basepath=str(data_dir)).validate()
    if not report.valid:
        raise SystemExit(f"{data_dir}: frictionless finds the package invalid")
    return start


def files_only(data_dir: Path) -> float:
    import csv

    start = time.perf_counter()
    rows = 0
    for path in sorted(data_dir.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            rows += sum(1 for _ in csv.reader(handle))
    characters = sum(len(path.read_text(encoding="utf-8")) for path in sorted((data_dir / "sources").glob("*.txt")))
    if not rows or not characters:
        raise SystemExit(f"{data_dir}: nothing read")
    return start


MODES = {"project": project, "frictionless": frictionless_only, "files": files_only}


def main(argv: list[str] | None = None) -> int:
    began = time.perf_counter()
    mode, data_dir = (argv or sys.argv[1:])[:2]
    if mode not in MODES:
        raise SystemExit(f"mode must be one of {sorted(MODES)}")
    start = MODES[mode](Path(data_dir))
    done = time.perf_counter()
    print(json.dumps({"mode": mode, "seconds": done - start, "import_seconds": start - began}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
