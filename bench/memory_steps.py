"""Where a server's memory goes while it loads a package: RSS after each step, with and without giving
freed memory back (protest_data.memory), in two fresh processes per scale.

    python -m bench.memory_steps --scale 100
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

from bench.harness import REPO
from bench.profile import data_for

_STEPS = """
import json, os, sys
def rss():
    with open(f"/proc/{os.getpid()}/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS"))
release = sys.argv[2] == "release"
import pages.common  # the server's imports
from protest_data.memory import release_freed_memory
from protest_data.summary import city_day_summary, figures, reports_with_sources
from protest_data.validate import load_valid_dataset
steps = {"imports": rss()}
dataset = load_valid_dataset(sys.argv[1])
if release:
    release_freed_memory()
steps["validated and loaded"] = rss()
rule = figures(dataset)
derived = reports_with_sources(dataset), rule, city_day_summary(dataset, rule)
if release:
    release_freed_memory()
steps["figure rule and summaries"] = rss()
print(json.dumps(steps))
"""


def measure(data_dir: str, release: bool) -> dict[str, int]:
    done = subprocess.run([sys.executable, "-c", _STEPS, data_dir, "release" if release else "keep"], cwd=REPO,
                          capture_output=True, text=True, check=True, timeout=900,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1)
    args = parser.parse_args()
    data_dir = str(data_for(args.scale))
    kept, released = measure(data_dir, release=False), measure(data_dir, release=True)
    print(f"RSS in MB at scale {args.scale:g} ({data_dir})")
    print(f"{'step':28} {'freed memory kept':>18} {'given back':>11}")
    for step in kept:
        print(f"{step:28} {kept[step]:>18} {released[step]:>11}")


if __name__ == "__main__":
    main()
