"""Data into Streamlit text elements, as text: one helper every page uses.

Streamlit reads the text of st.markdown, st.caption, st.subheader, st.title, st.header, st.metric
(label, value and help), st.info/warning/error/success, widget labels, and the options of
st.radio and st.select_slider as Markdown: links, images, headings, raw HTML, ``$…$`` formulas,
``:emoji:`` shortcodes and ``:red[…]`` colours all come alive. Text from the data (a publisher, a
city's region, an estimator...) must show as the characters it holds, so :func:`md` escapes it.

The options of st.selectbox and st.multiselect, st.dataframe cells and st.code are plain text already:
they need no escaping (escaped text there would show its backslashes). Links in a table
(st.column_config.LinkColumn) are built from :func:`web_url`, so only http(s) addresses become links.
"""

from __future__ import annotations

import math
import re
import string
from pathlib import Path
from urllib.parse import urlsplit

# CommonMark lets a backslash escape any ASCII punctuation character, and then shows it as itself.
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)\s*")
# GitHub-flavoured Markdown turns bare addresses into links *after* escapes are read (http://..., www.x,
# a@b.c), so escaping cannot stop it. An invisible WORD JOINER (U+2060) inside each trigger does.
WORD_JOINER = "\u2060"
_AUTOLINK_TRIGGERS = re.compile(r"(?i)(https?|ftp|www|mailto|xmpp)(?=\\[:.])|(?=\\@)")


def md(value: object) -> str:
    """``value`` as Markdown that Streamlit shows literally.

    Every ASCII punctuation character is backslash-escaped (so ``*``, ``[``, ``!``, ``#``, ``<``,
    ``$``, ``~``, ``|``, ``:`` and ``&`` lose their meaning), line breaks become spaces (a new
    line could start a heading, a list or an indented code block), and a WORD JOINER keeps bare
    addresses from becoming links. Missing values are "".
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        import pandas as pd

        if value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
            return ""
    except (TypeError, ValueError):
        pass
    text = _LINE_BREAKS.sub(" ", str(value))
    return _AUTOLINK_TRIGGERS.sub(lambda m: (m.group(1) or "") + WORD_JOINER, _PUNCTUATION.sub(r"\\\1", text))


def as_read(markdown: str) -> str:
    """What a reader sees of :func:`md`'s output: escapes and word joiners removed (for tests)."""
    return re.sub(r"\\(.)", r"\1", markdown.replace(WORD_JOINER, ""))


def web_url(value: object) -> str | None:
    """``value`` if it is an http(s) address with a host, else None: a table's link column shows no
    javascript:, data: or other link."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        return None
    return url


def project_markdown(path: Path) -> str:
    """A Markdown document the project's curators wrote (data/CODEBOOK.md), to be rendered as Markdown.

    The one way a file's Markdown reaches a page: the codebook is the project's own documentation, not
    text from a source. Its title is dropped (the page gives the section its heading) and its sections
    move down a level. If it cannot be read, a plain sentence says so instead.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return md(f"{path.name} could not be read ({error}).")
    body = text.split("\n", 1)[1] if "\n" in text else ""
    return body.replace("\n## ", "\n#### ").replace("\n### ", "\n##### ")
