"""python -m rendering export-html OUT.html [--lang en|ru] [--data-dir DIR]

Writes the one-file map (see rendering/standalone.py): one self-contained HTML file to publish on any
static host, embed with an <iframe>, or open from disk.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from protest_data.tables import DEFAULT_DATA_DIR
from protest_data.validate import InvalidDataset

from .i18n import LANGUAGES
from .standalone import export_html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rendering", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export-html", help="write the one-file map")
    export.add_argument("out", type=Path, help="the HTML file to write")
    export.add_argument("--lang", choices=LANGUAGES, default="en", help="the interface's language")
    export.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="the data package (default: data/)")
    args = parser.parse_args(argv)

    try:
        page = export_html(args.data_dir, args.lang)
    except InvalidDataset as error:
        print(error, file=sys.stderr)
        return 1
    args.out.write_text(page, encoding="utf-8")
    print(f"{args.out}: {len(page.encode('utf-8')) / 1_000_000:.2f} MB ({args.lang})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
