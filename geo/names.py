"""Fold the many spellings of a Russian place name to one comparison key.

Sources write Екатеринбург, Ekaterinburg and Yekaterinburg; Naberezhnye and Naberezhnyye Chelny;
Komsomolsk-on-Amur and Komsomol'sk-na-Amure; GeoNames writes Kol’chugino with a typographic
apostrophe. :func:`name_key` maps all of these to the same string, so a gazetteer can compare them.
The key is for matching only and is never shown to anyone.
"""

from __future__ import annotations

import re
import unicodedata

from protest_data.text import transliterate

_APOSTROPHES = "'’‘ʹʼ`´\u02bb\u2032"
# Whole-word spellings that differ between English, transliterated Russian and GeoNames.
_WORD_EQUIVALENTS = {
    "saint": "sankt", "st": "sankt", "sv": "sankt",
    "petersburg": "peterburg",
    "on": "na", "upon": "na",
}
_VOWELS = "aeiouy"


def _strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _fold_word(word: str, several_words: bool) -> str:
    word = _WORD_EQUIVALENTS.get(word, word)
    word = re.sub(r"^ye", "e", word)  # Yekaterinburg / Ekaterinburg, Yelets / Elets
    word = word.replace("yy", "y").replace("iy", "y").replace("ii", "i")
    word = re.sub(r"(?<=[aeiou])y(?=[^aeiouy]|$)", "i", word)  # Altaysk / Altaisk
    if several_words and len(word) > 3:
        # Case endings and adjective forms differ: Amure/Amur, Donu/Don, Naberezhnye/Naberezhnyye
        word = word.rstrip(_VOWELS) or word
    return word


def name_key(name: str) -> str:
    """The comparison key of a place name, in any script."""
    text = transliterate(name.strip().lower().replace("ё", "е"))
    text = _strip_diacritics(text)
    for apostrophe in _APOSTROPHES:
        text = text.replace(apostrophe, "")
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w]
    several = len(words) > 1
    return " ".join(_fold_word(word, several) for word in words)

