"""python -m rendering.catalogs: extract the interface's messages and update the Russian and English catalogs.

Uses Babel's own extractor (the same as ``pybabel extract``) over rendering/, pages/ and dashboard.py, with
the keywords the code uses: ``words._(message)``, ``words.n_(singular, plural, n)`` and ``N_(message)``.
New messages arrive untranslated; the English catalog repeats each message, the Russian one must be
written by a person (tests/rendering/test_catalogs.py fails while any message lacks a translation).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

from .i18n import DOMAIN, LANGUAGES, catalog_path

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("rendering", "pages")
ENTRY_POINT = "dashboard.py"
KEYWORDS = {"_": None, "n_": (1, 2), "N_": None}


def extract() -> Catalog:
    template = Catalog(project="navalny-protests-map", domain=DOMAIN)
    for folder in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
                REPO / folder, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)):
            template.add(message, locations=[(f"{folder}/{filename}", lineno)], auto_comments=comments,
                         context=context)
    for lineno, message, comments, context in extract_from_file("python", REPO / ENTRY_POINT, keywords=KEYWORDS):
        template.add(message, locations=[(ENTRY_POINT, lineno)], auto_comments=comments, context=context)
    return template


def update(lang: str, template: Catalog) -> Catalog:
    path = catalog_path(lang)
    if path.is_file():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="navalny-protests-map")
    catalog.update(template, no_fuzzy_matching=True)
    if lang == "en":
        for message in catalog:
            if message.id and not message.string:
                message.string = message.id
            elif isinstance(message.id, tuple) and not all(message.string):
                message.string = message.id
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True)
    return catalog


def main() -> int:
    for lang in LANGUAGES:
        catalog = update(lang, extract())  # a fresh template each time: update() may share its messages
        missing = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
        print(f"{catalog_path(lang).relative_to(REPO)}: {len(catalog)} messages, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
