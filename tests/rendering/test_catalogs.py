"""The message catalogs: complete in both languages, and in step with the code."""

import re

import pytest
from babel.messages.pofile import read_po

from rendering.catalogs import extract
from rendering.i18n import LANGUAGES, catalog_path

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _catalog(lang):
    with catalog_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def _strings(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _ids(message):
    return message.id if isinstance(message.id, tuple) else (message.id,)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(lang):
    for message in _catalog(lang):
        if not message.id:
            continue
        strings = _strings(message)
        assert all(strings), f"{lang}: no translation for {message.id!r}"
        wanted = set(PLACEHOLDER.findall(_ids(message)[0]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) <= wanted | {"count"}, f"{lang}: {string!r} vs {message.id!r}"


def test_the_russian_catalog_is_a_translation_not_a_copy():
    def words_in(text):
        return re.search("[A-Za-z]{3}", PLACEHOLDER.sub("", text))

    copied = [m.id for m in _catalog("ru")
              if m.id and words_in(_ids(m)[0]) and not re.search("[а-яё]", _strings(m)[0], re.IGNORECASE)]
    assert copied == []


def test_catalogs_hold_exactly_the_messages_in_the_code():
    in_code = {m.id for m in extract() if m.id}
    for lang in LANGUAGES:
        in_catalog = {m.id for m in _catalog(lang) if m.id}
        assert in_code == in_catalog, f"run `python -m rendering.catalogs`: {sorted(map(str, in_code ^ in_catalog))}"
