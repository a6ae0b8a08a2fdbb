"""pages.safe_text: data shown in Streamlit's Markdown as the characters it holds; only web links."""

import string

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from pages.safe_text import WORD_JOINER, as_read, md, project_markdown, web_url


def test_every_ascii_punctuation_character_is_escaped():
    escaped = "".join("\\" + char for char in string.punctuation)
    assert md(string.punctuation) == escaped.replace("\\@", WORD_JOINER + "\\@")  # the joiner: see below


def test_words_and_other_scripts_are_kept():
    assert md("Yakutsk · Якутск") == "Yakutsk · Якутск"


def test_markdown_payloads_lose_their_meaning():
    assert md("![x](http://127.0.0.1:9/trap.png)") == f"\\!\\[x\\]\\(http{WORD_JOINER}\\:\\/\\/127\\.0\\.0\\.1\\:9\\/trap\\.png\\)"
    assert md("# heading") == "\\# heading"
    assert md("$x^2$") == "\\$x\\^2\\$"
    assert md(":smile:") == "\\:smile\\:"


def test_bare_addresses_cannot_become_links():
    assert md("www.example.org") == f"www{WORD_JOINER}\\.example\\.org"
    assert md("HTTPS://example.org") == f"HTTPS{WORD_JOINER}\\:\\/\\/example\\.org"
    assert md("a@b.org") == f"a{WORD_JOINER}\\@b\\.org"


def test_a_line_break_cannot_start_a_block():
    assert md("one\n    two\r\n# three") == "one two \\# three"


def test_missing_values_are_empty():
    assert md(None) == md(float("nan")) == md(pd.NA) == ""


@given(st.text().filter(lambda t: not any(c in t for c in "\r\n")))
def test_a_reader_sees_exactly_the_text(text):
    assert as_read(md(text)) == text.replace(WORD_JOINER, "")


def test_only_web_addresses_become_links():
    assert web_url("https://example.org/a?b=c") == "https://example.org/a?b=c"
    assert web_url("HTTP://example.org") == "HTTP://example.org"
    for refused in ("javascript:alert(1)", "data:text/html,<b>x</b>", "JaVaScRiPt:alert(1)", "//example.org",
                    "https://", "ftp://example.org", "https://exa mple.org", None, float("nan")):
        assert web_url(refused) is None, refused


def test_the_codebook_is_rendered_one_level_down(tmp_path):
    path = tmp_path / "CODEBOOK.md"
    path.write_text("# Codebook\n\nIntro.\n\n## Columns\n\n### quote\n", encoding="utf-8")
    assert project_markdown(path) == "\nIntro.\n\n#### Columns\n\n##### quote\n"


def test_an_unreadable_codebook_is_a_sentence_not_a_traceback(tmp_path):
    assert "CODEBOOK\\.md could not be read" in project_markdown(tmp_path / "CODEBOOK.md")
