"""python -m geo resolve [--online] [--data-dir DIR]: write data/cities.csv from data/places.csv."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from protest_data.tables import DEFAULT_DATA_DIR

from .resolve import cities_used, read_places, resolve, write_cities


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("resolve", help="place every city the reports use and write cities.csv")
    run.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    run.add_argument("--online", action="store_true", help="ask Nominatim for names the gazetteer lacks")
    run.add_argument("--nominatim-domain", default="nominatim.openstreetmap.org", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    online = None
    if args.online:
        from .online import NominatimFallback

        online = NominatimFallback(domain=args.nominatim_domain)
    outcome = resolve(read_places(args.data_dir / "places.csv"), cities_used(args.data_dir / "reports.csv"),
                      online=online)
    write_cities(args.data_dir / "cities.csv", outcome.cities)
    by_geocoder: dict[str, int] = {}
    for city in outcome.cities:
        by_geocoder[city.geocoder] = by_geocoder.get(city.geocoder, 0) + 1
    summary = ", ".join(f"{count} by {name}" for name, count in sorted(by_geocoder.items())) or "none"
    print(f"wrote {args.data_dir / 'cities.csv'}: {len(outcome.cities)} cities placed ({summary})")
    if outcome.unused:
        print(f"{len(outcome.unused)} place(s) in places.csv not used by any report: {', '.join(outcome.unused)}")
    for problem in outcome.problems:
        print(problem, file=sys.stderr)
    if outcome.problems:
        print(f"{len(outcome.problems)} city problem(s): see above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
