"""A person reads no English sentence that bypasses the catalogs: string literals handed to Streamlit
on the pages must be catalog messages (words._/n_) or carry no words at all."""

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCANNED = [REPO / "dashboard.py", *sorted((REPO / "pages").glob("*.py"))]
# Arguments of Streamlit calls that a reader sees.
SHOWN_KEYWORDS = {"label", "help", "title", "caption", "placeholder", "body", "value", "display_text", "text"}
STREAMLIT_CALLS = {
    "title", "header", "subheader", "caption", "markdown", "write", "text", "metric", "info", "warning", "error",
    "success", "button", "download_button", "link_button", "toggle", "checkbox", "radio", "selectbox",
    "multiselect", "select_slider", "slider", "text_input", "segmented_control", "expander", "tabs", "Page",
    "set_page_config", "spinner", "TextColumn", "LinkColumn", "NumberColumn", "Column", "X", "Y", "Color", "Tooltip",
    "properties",
}
WORDS = re.compile(r"[A-Za-z]{3,}")
# Strings that are names, not sentences: a language's own name, units, Material icon names, URL paths.
ALLOWED = re.compile(r"^(:material/\w+:|pages/\w+\.py|[a-z_]+|[a-z_]+:[NQOT]|#[0-9a-f]{6}|Language / Язык"
                     r"|[\w.-]+\.(csv|geojson|zip|xlsx|html)|(text|application)/[\w.+-]+)$")
# (file names and media types of downloads are not sentences)


def _literals(node: ast.AST):
    """String constants reaching a call argument directly (not through a function call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        for value in node.values:
            if isinstance(value, ast.Constant):
                yield value
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def _english_literals(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        if name not in STREAMLIT_CALLS:
            continue
        arguments = [*call.args, *(k.value for k in call.keywords if k.arg in SHOWN_KEYWORDS)]
        for argument in arguments:
            for literal in _literals(argument):
                if WORDS.search(literal.value) and not ALLOWED.match(literal.value.strip()):
                    yield f"{path.relative_to(REPO)}:{literal.lineno}: {literal.value!r}"


def test_pages_hand_streamlit_no_english_outside_the_catalogs():
    found = [hit for path in SCANNED for hit in _english_literals(path)]
    assert found == []


def test_the_scan_catches_a_bare_english_label(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text('import streamlit as st\nst.title("Hello readers")\ncolumn.metric(label=f"Count {n}")\n'
                      'st.caption(words._("Fine"))\n', encoding="utf-8")
    global REPO
    saved, REPO = REPO, tmp_path
    try:
        assert len(list(_english_literals(sample))) == 2
    finally:
        REPO = saved
