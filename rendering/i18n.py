"""The interface's languages: gettext catalogs (managed with Babel) and the locale they format with.

Catalogs live in ``rendering/locale/<lang>/LC_MESSAGES/messages.po`` and are compiled in memory when
first used, so no binary .mo file is kept in the repository. ``python -m rendering.catalogs`` extracts
the messages from the code and updates both catalogs (see README, "Translating").
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"
# Each language by its own name, as a language switch shows it.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}
DOMAIN = "messages"


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    path = catalog_path(lang)
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it where it is shown."""
    return message


@dataclass(frozen=True)
class Words:
    """One interface language: its messages and its locale's number and date conventions."""

    lang: str = DEFAULT_LANGUAGE

    def __post_init__(self):
        if self.lang not in LANGUAGES:
            raise ValueError(f"unknown interface language {self.lang!r}; expected one of {LANGUAGES}")

    def _(self, message: str, **values) -> str:
        text = translations(self.lang).gettext(message)
        return text.format(**values) if values else text

    def n_(self, singular: str, plural: str, count: int, **values) -> str:
        text = translations(self.lang).ngettext(singular, plural, count)
        return text.format(count=count, **values)

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.lang)


ENGLISH = Words("en")
RUSSIAN = Words("ru")
