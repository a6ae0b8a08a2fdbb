"""The Russian codebook (data/CODEBOOK.ru.md) stays in step with the English original (data/CODEBOOK.md).

The Sources & method page shows the Russian one when the interface is Russian, so a change to the English
codebook that is not carried into the translation would leave Russian readers with an outdated coding
manual. Both files are read as a sequence of blocks (headings, paragraphs, list items, table rows) and
compared block by block: the same headings at the same levels in the same order, the same lists, the same
tables with the same rows and cells, every `code span` of an English block present in its Russian block
(column names, metric values, file names and commands are never translated), and Russian words wherever
the English block has English words outside its code spans.
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
ENGLISH = DATA / "CODEBOOK.md"
RUSSIAN = DATA / "CODEBOOK.ru.md"
TITLE = "# Кодовая книга: "
NOTE = "*Перевод английского оригинала (data/CODEBOOK.md); при расхождении верен оригинал.*"

HEADING = re.compile(r"^(#{1,6})\s")
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")  # lower-case: proper names and codes such as "WGS 84" are not prose
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
FILE_NAME = re.compile(r"[\w.-]+\.(?:csv|md|json|txt|py)\b")


def code_spans(text: str) -> list[str]:
    """Code spans as CommonMark reads them: a line break inside one is a space."""
    return [" ".join(match.group(2).split()) for match in CODE_SPAN.finditer(text)]


def without_code(text: str) -> str:
    return CODE_SPAN.sub(" ", text)


def prose(text: str) -> str:
    """What is meant to be translated: the text without code spans and file names."""
    return FILE_NAME.sub(" ", without_code(text))


def blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text) for each block: kind is 'h<level>', 'p', 'li:-' or 'li:1', or 'tr:<cells>'."""
    found: list[list[str]] = []
    open_block = False  # whether the next non-blank line continues the last block
    for line in text.splitlines():
        if not line.strip():
            open_block = False
        elif heading := HEADING.match(line):
            found.append([f"h{len(heading.group(1))}", line])
            open_block = False
        elif line.startswith("|"):
            cells = without_code(line).count("|") - 1
            found.append([f"tr:{cells}", line])
            open_block = False
        elif item := LIST_ITEM.match(line):
            found.append(["li:-" if item.group(1) in "-*+" else "li:1", line])
            open_block = True
        elif open_block:
            found[-1][1] += "\n" + line
        else:
            found.append(["p", line])
            open_block = True
    return [(kind, body) for kind, body in found]


def _runs(kinds: list[str], prefix: str) -> list[int]:
    """The length of each run of consecutive blocks whose kind starts with prefix: rows per table
    (header and separator included) for 'tr:', items per list for 'li:'."""
    runs: list[int] = []
    previous = ""
    for kind in kinds:
        if kind.startswith(prefix):
            if not previous.startswith(prefix):
                runs.append(0)
            runs[-1] += 1
        previous = kind
    return runs


def _where(heading: str, index: int, body: str) -> str:
    start = " ".join(body.split())[:70]
    return f"under {heading!r}, block {index} ({start!r}…)"


def differences(english: str, russian: str) -> list[str]:
    """Everything that shows the translation out of step with the original; empty when in step."""
    lines = russian.splitlines()
    problems = []
    if not lines or not lines[0].startswith(TITLE):
        problems.append(f"the first line must start with {TITLE!r}")
    if len(lines) < 2 or lines[1] != NOTE:
        problems.append(f"the second line must be the translation note {NOTE!r}")
    russian = "\n".join(lines[:1] + lines[2:])

    original, translated = blocks(english), blocks(russian)
    kinds_en, kinds_ru = [kind for kind, _ in original], [kind for kind, _ in translated]
    headings_en = [kind for kind in kinds_en if kind.startswith("h")]
    headings_ru = [kind for kind in kinds_ru if kind.startswith("h")]
    if headings_en != headings_ru:
        problems.append(f"headings differ: original levels {headings_en}, translation {headings_ru}")
    for prefix, things, parts in (("tr:", "tables", "rows"), ("li:", "lists", "items")):
        if _runs(kinds_en, prefix) != _runs(kinds_ru, prefix):
            problems.append(f"{things} differ: the original's {things} have {_runs(kinds_en, prefix)} {parts}, "
                            f"the translation's {_runs(kinds_ru, prefix)}")
    if kinds_en != kinds_ru:
        for index, (kind_en, kind_ru) in enumerate(zip(kinds_en, kinds_ru)):
            if kind_en != kind_ru:
                problems.append(f"block {index}: the original has {kind_en} ({original[index][1][:70]!r}), "
                                f"the translation {kind_ru} ({translated[index][1][:70]!r})")
                break
        else:
            problems.append(f"the original has {len(kinds_en)} blocks, the translation {len(kinds_ru)}")
        return problems  # once the structure differs, block-by-block comparison would only add noise

    heading = "(top)"
    for index, ((kind, body_en), (_, body_ru)) in enumerate(zip(original, translated)):
        if kind.startswith("h"):
            heading = body_en
        where = _where(heading, index, body_en)
        missing = [span for span in dict.fromkeys(code_spans(body_en)) if span not in code_spans(body_ru)]
        if missing:
            problems.append(f"{where}: code spans missing from the translation: {missing}")
        if kind.startswith("h"):
            names_en, names_ru = FILE_NAME.findall(body_en), FILE_NAME.findall(body_ru)
            if names_en != names_ru:
                problems.append(f"{where}: the heading names {names_en}, its translation {names_ru}")
        if kind.startswith("tr:") and not set(without_code(body_en)) <= set("|-: "):
            first_en, first_ru = body_en.split("|")[1], body_ru.split("|")[1]
            if code_spans(first_en) != code_spans(first_ru):
                problems.append(f"{where}: the row is about {code_spans(first_en)}, its translation about "
                                f"{code_spans(first_ru)}")
        if ENGLISH_WORD.search(prose(body_en)) and not CYRILLIC.search(prose(body_ru)):
            problems.append(f"{where}: the translation has no Russian words outside its code spans")
    return problems


def _texts() -> tuple[str, str]:
    assert RUSSIAN.is_file(), "data/CODEBOOK.ru.md is missing: pages/sources.py shows it in Russian"
    return ENGLISH.read_text(encoding="utf-8"), RUSSIAN.read_text(encoding="utf-8")


def test_the_russian_codebook_is_in_step_with_the_english_one():
    english, russian = _texts()
    assert differences(english, russian) == []


def test_the_comparison_reads_the_structure_it_compares():
    english, _ = _texts()
    found = blocks(english)
    kinds = [kind for kind, _ in found]
    assert kinds[0] == "h1" and "h2" in kinds and "h3" in kinds
    assert any(kind.startswith("li:1") for kind in kinds) and any(kind.startswith("li:-") for kind in kinds)
    assert any(kind.startswith("tr:") for kind in kinds)
    assert "source_id" in code_spans(english)


def _changed(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_a_translation_out_of_step_is_caught():
    """Each kind of drift the test is for, made on a copy of the real translation, is reported."""
    english, russian = _texts()
    table_row = next(line for line in russian.splitlines() if line.startswith("| `label_ru`"))
    list_item = next(line for line in russian.splitlines() if line.startswith("- Цифры с `date_end`"))
    drifted = {  # change: what the report must say
        "a heading one level up": (_changed(russian, "\n### reports.csv", "\n## reports.csv"), "headings differ"),
        "a heading dropped": (_changed(russian, "\n## Таблицы\n", "\n"), "headings differ"),
        "a table row dropped": (_changed(russian, table_row + "\n", ""), "tables differ"),
        "a table cell dropped": (_changed(russian, "| 5300 | 5300 |", "| 5300 |"), "the translation tr:2"),
        "a list item dropped": (_changed(russian, list_item + "\n", ""), "lists differ"),
        "a code span translated": (_changed(russian, "`no_protest_reports`", "`число_сообщений`"),
                                   "code spans missing from the translation: ['no_protest_reports']"),
        "a block left in English": (_changed(russian, "Контекст: что произошло в этот день и почему.",
                                             "Context: what happened that day and why."), "no Russian words"),
        "the translation note dropped": (_changed(russian, NOTE + "\n", ""), "translation note"),
        "the title left in English": (_changed(russian, TITLE, "# Codebook: "), "first line"),
    }
    for change, (text, reason) in drifted.items():
        assert any(reason in problem for problem in differences(english, text)), change
    added = differences(english + "\n## A new section\n\nNew words.\n", russian)
    assert any("headings differ" in problem for problem in added), "an English section added"
