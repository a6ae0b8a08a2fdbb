"""Fold the many spellings of a Russian place name to one comparison key.

Sources write Екатеринбург, Ekaterinburg and Yekaterinburg; Naberezhnye and Naberezhnyye Chelny;
Komsomolsk-on-Amur and Komsomol'sk-na-Amure; GeoNames writes Kol’chugino with a typographic
apostrophe. :func:`name_key` maps all of these to the same string, so a gazetteer can compare them.
The key is for matching only and is never shown to anyone.
"""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian and Belarusian letters that GeoNames alternate names use
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}
_APOSTROPHES = "'’‘ʹʼ`´\u02bb\u2032"
# Whole-word spellings that differ between English, transliterated Russian and GeoNames.
_WORD_EQUIVALENTS = {
    "saint": "sankt", "st": "sankt", "sv": "sankt",
    "petersburg": "peterburg",
    "on": "na", "upon": "na",
}
_VOWELS = "aeiouy"


def transliterate(text: str) -> str:
    """Cyrillic letters to Latin ones (a plain scheme, close to BGN/PCGN); other text is kept."""
    return "".join(_CYRILLIC_TO_LATIN.get(char, char) for char in text)


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


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)
