"""Find every number a passage of text states, so a test can prove a figure is in its quote.

Sources write numbers in many ways: ``15,000``, ``15 000``, ``1,6 тыс.``, ``3.3 thousand``,
``-50C``, ``minus 43``, ``three thousand``, ``полутора тысяч``. This module reads them all and
returns the set of values a reader could take from the text. It errs towards reading *more*
candidates (``1,176`` is both 1176 and 1.176), because its job is to confirm that a curated value
appears in the words, never to produce values for the dataset.

Vague plurals ("thousands", "тысячи", "dozens", "десятки") state no number and yield none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SPACES = "\u00a0\u202f\u2009\u2007"
_MINUS_SIGNS = "-\u2212\u2013\u2014"  # hyphen, minus, en dash, em dash

_MULTIPLIERS: dict[str, float] = {
    "thousand": 1_000,
    "тыс": 1_000,
    "тысяч": 1_000,
    "тысячи": 1_000,
    "тысяча": 1_000,
    "тысячу": 1_000,
    "тысячам": 1_000,
    "тысяче": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "млн": 1_000_000,
}

_EN_WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12, "half": 0.5,
}

# Russian numerals in the cases news copy uses (nominative, genitive, dative, instrumental...).
_RU_FORMS: dict[float, str] = {
    1: "один одна одно одного одной одному одним",
    2: "два две двух двум двумя",
    3: "три трёх трех трём трем тремя",
    4: "четыре четырёх четырех четырём четырем четырьмя",
    5: "пять пяти пятью",
    6: "шесть шести шестью",
    7: "семь семи семью",
    8: "восемь восьми восемью",
    9: "девять девяти девятью",
    10: "десять десяти десятью",
    11: "одиннадцать одиннадцати",
    12: "двенадцать двенадцати дюжина дюжины",
    13: "тринадцать тринадцати",
    14: "четырнадцать четырнадцати",
    15: "пятнадцать пятнадцати",
    16: "шестнадцать шестнадцати",
    17: "семнадцать семнадцати",
    18: "восемнадцать восемнадцати",
    19: "девятнадцать девятнадцати",
    20: "двадцать двадцати",
    30: "тридцать тридцати",
    40: "сорок сорока",
    50: "пятьдесят пятидесяти полсотни полсотня",
    60: "шестьдесят шестидесяти",
    70: "семьдесят семидесяти",
    80: "восемьдесят восьмидесяти",
    90: "девяносто девяноста",
    100: "сто ста",
    200: "двести двухсот двумстам",
    300: "триста трехсот трёхсот",
    400: "четыреста четырехсот четырёхсот",
    500: "пятьсот пятисот полтысячи полутысячи полтысяча полутысяча",
    600: "шестьсот шестисот",
    700: "семьсот семисот",
    800: "восемьсот восьмисот",
    900: "девятьсот девятисот",
    1.5: "полтора полторы полутора",
}
_RU_WORDS: dict[str, float] = {
    form: value for value, forms in _RU_FORMS.items() for form in forms.split()
}

_TEN_WORDS = {"десяток", "десятка", "десятков", "десятком"}  # "два десятка" = 20
_HUNDRED_WORDS = {"hundred", "сотня", "сотни", "сотен", "сотню"}  # "две сотни" = 200
_THOUSAND_WORDS = {"thousand", "тысяча", "тысячи", "тысяч", "тысячу", "тысяче", "тысячам", "тысячах", "тысячами"}
_MILLION_WORDS = {"million", "миллион", "миллиона", "миллионов"}
# "тысячи"/"thousands" alone mean "thousands of", not 1000; these words make them "a thousand".
_SINGULAR_CUES = {"a", "one", "более", "больше", "свыше", "около", "до", "менее", "меньше", "порядка", "о", "об", "под"}
_NEGATIVE_WORDS = {"minus", "минус"}
_FROST_CUES = re.compile(r"мороз|frost|below zero|ниже нуля|below freezing", re.IGNORECASE)

_DIGIT_RUN = re.compile(r"\d+")
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+")
_RANGE_GAP = re.compile(r"^\s*(?:[-\u2212\u2013\u2014]|до|to|or|или|and|и)\s*$", re.IGNORECASE)
_THOUSANDS_SEPARATORS = {",", ".", " ", *_SPACES}


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    value: float
    factor: float = 1.0  # the multiplier word that followed the digits, if any


def _normalise(text: str) -> str:
    for space in _SPACES:
        text = text.replace(space, " ")
    return text.replace("ё", "е").replace("Ё", "Е")


def _multiplier_after(text: str, end: int) -> tuple[float, int] | None:
    match = re.match(r"\s*-?\s*([A-Za-zА-Яа-я]+)\.?", text[end:])
    if not match:
        return None
    word = match.group(1).lower()
    if word in _MULTIPLIERS:
        return _MULTIPLIERS[word], end + match.end()
    if word.startswith("тысяч"):
        return 1_000, end + match.end()
    return None


def _sign_before(text: str, start: int) -> int:
    """-1 if the number at ``start`` is written as negative (-43, −50, minus 43, минус 43)."""
    if start > 0 and text[start - 1] in _MINUS_SIGNS:
        before = text[start - 2] if start > 1 else " "
        if not before.isalnum():
            return -1
    if re.search(r"(?:minus|минус)[\s\-\u2212\u2013]*$", text[max(0, start - 12) : start], re.IGNORECASE):
        return -1
    return 1


def _digit_tokens(text: str) -> list[_Token]:
    runs = list(_DIGIT_RUN.finditer(text))
    tokens: list[_Token] = []
    for i, run in enumerate(runs):
        if i > 0 and runs[i - 1].end() == run.start() - 1 and text[run.start() - 1] in ",.":
            continue  # the tail of 1,176 or 3.3, read together with its head below
        sign = _sign_before(text, run.start())
        readings: list[tuple[float, int]] = [(float(run.group()), run.end())]
        # Thousands groups: 15,000 / 15 000 / 5.300 / 1 234 567
        j, joined, end = i, run.group(), run.end()
        while j + 1 < len(runs):
            nxt = runs[j + 1]
            gap = text[end : nxt.start()]
            if len(gap) == 1 and gap in _THOUSANDS_SEPARATORS and len(nxt.group()) == 3 and len(run.group()) <= 3:
                joined += nxt.group()
                end = nxt.end()
                readings.append((float(joined), end))
                j += 1
            else:
                break
        # Decimals: 3.3 thousand / 1,6 тыс.
        if i + 1 < len(runs):
            nxt = runs[i + 1]
            if text[run.end() : nxt.start()] in {",", "."}:
                readings.append((float(f"{run.group()}.{nxt.group()}"), nxt.end()))
        for value, value_end in readings:
            multiplier = _multiplier_after(text, value_end)
            tokens.append(_Token(run.start(), value_end, sign * value))
            if multiplier:
                factor, mult_end = multiplier
                tokens.append(_Token(run.start(), mult_end, sign * value * factor, factor))
    return tokens


def _word_tokens(text: str) -> list[_Token]:
    """Spelled numbers: 'three thousand', 'две тысячи', 'полутора тысяч', 'a dozen'."""
    words = list(_WORD.finditer(text))
    tokens: list[_Token] = []
    i = 0
    while i < len(words):
        total = current = last_added = 0.0
        factor = 1.0
        seen_number = False
        start = words[i].start()
        j = i
        while j < len(words):
            word = words[j].group().lower().replace("ё", "е")
            gap = text[words[j - 1].end() : words[j].start()] if j > i else ""
            if j > i and gap.strip(" -") not in {"", "and"}:
                break
            if word in _EN_WORDS or word in _RU_WORDS:
                value = _EN_WORDS.get(word, _RU_WORDS.get(word, 0.0))
                if current and value >= last_added:
                    break  # 'три-четыре': two numbers, not one compound
                current += value
                last_added, factor = value, 1.0
            elif word in _TEN_WORDS and (seen_number or _cue_before(words, j)):
                current = last_added = (current or 1) * 10
            elif word in _HUNDRED_WORDS and (seen_number or _cue_before(words, j)):
                current = last_added = (current or 1) * 100
            elif word in _THOUSAND_WORDS and (seen_number or _cue_before(words, j)):
                total += (current or 1) * 1_000
                current, last_added, factor = 0, 0, 1_000
            elif word in _MILLION_WORDS and (seen_number or _cue_before(words, j)):
                total += (current or 1) * 1_000_000
                current, last_added, factor = 0, 0, 1_000_000
            elif (word == "a" and j == i) or (word == "and" and seen_number):
                j += 1
                continue
            else:
                break
            seen_number = True
            j += 1
        if seen_number:
            sign = -1 if i > 0 and words[i - 1].group().lower() in _NEGATIVE_WORDS else 1
            # factor: '... две тысячи' ends in a multiplier, which a range's first end shares
            tokens.append(_Token(start, words[j - 1].end(), sign * (total + current), factor))
            i = j
        else:
            i += 1
    return tokens


def _cue_before(words: list[re.Match[str]], index: int) -> bool:
    return index > 0 and words[index - 1].group().lower() in _SINGULAR_CUES


def _apply_range_multipliers(text: str, tokens: list[_Token]) -> list[_Token]:
    """In '15-20 тысяч' and 'от 3 до 5 thousand' the multiplier belongs to both ends."""
    extra = []
    ordered = sorted(tokens, key=lambda t: (t.start, t.end))
    for token in ordered:
        if token.factor != 1.0:
            continue
        following = next((t for t in ordered if t.start > token.end), None)
        if following is None or not _RANGE_GAP.match(text[token.end : following.start]):
            continue
        for later in ordered:
            if later.start == following.start and later.factor != 1.0:
                extra.append(_Token(token.start, later.end, token.value * later.factor, later.factor))
    return tokens + extra


def numbers_in(text: str) -> set[float]:
    """Every value the text states, as floats (negative where written as negative or as frost)."""
    return set(_numbers_in(text))


@lru_cache(maxsize=65536)
def _numbers_in(text: str) -> frozenset[float]:
    # Remembered: a quote is read once for each figure it holds (low, high, each metric).
    text = _normalise(text)
    tokens = _apply_range_multipliers(text, _digit_tokens(text) + _word_tokens(text))
    values = {token.value for token in tokens}
    if _FROST_CUES.search(text):
        values |= {-value for value in values if value > 0}
    return frozenset(values)


def forget_numbers() -> None:
    """Empty the cache of numbers read from texts (the validator calls it when it is done)."""
    _numbers_in.cache_clear()


def states_number(text: str, value: float) -> bool:
    """True if ``value`` is one of the numbers ``text`` states."""
    return any(abs(candidate - value) < 1e-9 for candidate in _numbers_in(text))
