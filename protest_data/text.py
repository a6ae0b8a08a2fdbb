"""Text folding shared by the validator and the gazetteer: Cyrillic to Latin, spaces, spelling variants."""

from __future__ import annotations

import re

_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian and Belarusian letters (GeoNames alternate names, Ukrainian outlets)
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}

_TRANSLITERATION = str.maketrans(_CYRILLIC_TO_LATIN)


def transliterate(text: str) -> str:
    """Cyrillic letters to Latin ones (a plain scheme, close to BGN/PCGN); other text is kept."""
    return text.translate(_TRANSLITERATION)


def squash_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def latin_words(text: str) -> list[str]:
    """Lower-case Latin words of a text in any script: 'в Якутске' -> ['v', 'yakutske'].

    Folds the spellings that differ between languages: Jakutsk/Yakutsk, Ekaterinburg/Yekaterinburg.
    """
    words = re.findall(r"[^\W\d_]+", transliterate(text.lower()))
    folded = []
    for word in words:
        word = word.replace("j", "y").replace("ye", "e")
        folded.append(word)
    return folded
