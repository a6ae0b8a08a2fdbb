"""Every text that Streamlit reads as Markdown is a literal, a catalog message or the escaping helper's output.

An AST scan of dashboard.py and pages/: a call of st.markdown, st.caption, st.subheader, st.write,
st.metric, st.title, st.header, st.info/warning/error/success/toast (on st or on any column or
container: ``panel.caption(...)``) and the label of any widget must pass its text as

- a string literal,
- a call of ``md`` or ``bold`` (pages.safe_text, pages.common), of the catalog functions ``_``, ``n_``,
  ``gettext`` or ``ngettext`` (whose placeholders are filled only with such values), of
  ``project_markdown`` (the codebook, written by the curators), or ``len(...)`` (a number),
- an f-string, a ``+``, a conditional or a ``.format(...)`` made only of those.

The options of st.radio and st.select_slider are Markdown too, so their ``format_func`` must return
such an expression. ``unsafe_allow_html`` is never set. The scanner is tested on snippets below, so
it cannot pass by accepting everything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

MARKDOWN_CALLS = {"markdown", "caption", "subheader", "write", "metric", "title", "header",
                  "info", "warning", "error", "success", "toast"}
WIDGETS = {"button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "select_slider", "slider",
           "text_input", "text_area", "number_input", "date_input", "time_input", "file_uploader",
           "download_button", "color_picker", "pills", "segmented_control", "feedback", "link_button",
           "page_link", "popover", "expander", "tabs", "form_submit_button", "chat_input", "audio_input",
           "camera_input", "data_editor"}
MARKDOWN_OPTIONS = {"radio", "select_slider", "pills", "segmented_control"}  # options shown as Markdown
# md and bold (pages.common: md's output in **...**, checked below), the catalogs, the curators' codebook
SAFE_FUNCTIONS = {"md", "bold", "_", "n_", "gettext", "ngettext", "project_markdown"}
COUNTS = {"len"}  # a number carries no Markdown
CATALOG_FUNCTIONS = {"_", "n_", "gettext", "ngettext"}
TEXT_KEYWORDS = {"body", "help"}  # of a Markdown call; a metric adds label, value, delta; a widget label, placeholder
METRIC_KEYWORDS = {"label", "value", "delta", "help"}
WIDGET_KEYWORDS = {"label", "help", "placeholder"}


def _func_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def is_safe(node: ast.expr | None) -> bool:
    """True if ``node`` can only produce literal text, catalog text or escaped text."""
    if node is None:
        return True
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call):
        name = _func_name(node.func)
        if name == "format" and isinstance(node.func, ast.Attribute):  # _("{n} of {m}").format(n=..., m=...)
            return is_safe(node.func.value) and all(is_safe(a) for a in [*node.args, *(k.value for k in node.keywords)])
        if name in CATALOG_FUNCTIONS:  # words._("{day}: …", day=…): what fills a placeholder must be safe too
            counts = node.args[2:3] if name in ("n_", "ngettext") else []  # the number choosing the plural
            others = [a for a in node.args if a not in counts] + [k.value for k in node.keywords]
            return all(is_safe(value) for value in others)
        return name in SAFE_FUNCTIONS or (name in COUNTS and isinstance(node.func, ast.Name))
    if isinstance(node, ast.JoinedStr):
        return all(is_safe(part.value) if isinstance(part, ast.FormattedValue) else True for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return is_safe(node.left) and is_safe(node.right)
    if isinstance(node, ast.IfExp):
        return is_safe(node.body) and is_safe(node.orelse)
    return False


def _format_func_is_safe(node: ast.expr) -> bool:
    if isinstance(node, ast.Lambda):
        return is_safe(node.body)
    return _func_name(node) in SAFE_FUNCTIONS


def _text_arguments(call: ast.Call, method: str) -> list[ast.expr]:
    """The arguments of a call that Streamlit shows as Markdown."""
    if method == "write":
        texts, keywords = list(call.args), TEXT_KEYWORDS
    elif method == "metric":
        texts, keywords = list(call.args[:3]), METRIC_KEYWORDS
    elif method in WIDGETS:
        texts, keywords = list(call.args[:1]), WIDGET_KEYWORDS
    else:
        texts, keywords = list(call.args[:1]), TEXT_KEYWORDS
    return texts + [kw.value for kw in call.keywords if kw.arg in keywords]


def unsafe_calls(source: str, filename: str = "<snippet>") -> list[str]:
    """Every place in ``source`` where data could reach Streamlit's Markdown unescaped."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        method = node.func.attr
        where = f"{filename}:{node.lineno} .{method}()"
        for keyword in node.keywords:
            if keyword.arg == "unsafe_allow_html":
                found.append(f"{where}: unsafe_allow_html")
        if method in MARKDOWN_CALLS or method in WIDGETS:
            found += [f"{where}: {ast.unparse(arg)}" for arg in _text_arguments(node, method) if not is_safe(arg)]
        if method in MARKDOWN_OPTIONS:
            found += [f"{where}: format_func={ast.unparse(kw.value)}" for kw in node.keywords
                      if kw.arg == "format_func" and not _format_func_is_safe(kw.value)]
    return found


def _app_files() -> list[Path]:
    return [REPO / "dashboard.py", *sorted((REPO / "pages").glob("*.py"))]


@pytest.mark.parametrize("path", _app_files(), ids=lambda p: p.name)
def test_no_data_reaches_markdown_unescaped(path):
    assert unsafe_calls(path.read_text(encoding="utf-8"), path.name) == []


def test_bold_is_made_only_of_escaped_text():
    """bold() is trusted above: its return value must itself pass the scan."""
    tree = ast.parse((REPO / "pages" / "common.py").read_text(encoding="utf-8"))
    bold = next(node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name == "bold")
    returns = [node.value for node in ast.walk(bold) if isinstance(node, ast.Return)]
    assert returns and all(is_safe(value) for value in returns)


def test_the_scan_covers_the_pages():
    names = {path.name for path in _app_files()}
    assert {"dashboard.py", "map.py", "compare.py", "data.py", "sources.py", "common.py"} <= names


@pytest.mark.parametrize("snippet", [
    'st.markdown(publisher)',
    "st.caption(f\"{city['region']} — more\")",
    'panel.caption(headline.caption)',
    'column.metric(headline.label, "1")',
    'column.metric("Label", value)',
    'st.metric("Label", "1", help=text)',
    'st.subheader("Reports about " + name)',
    'st.write("a", name)',
    'st.title(label if ok else other)',
    'st.warning(notice)',
    'st.sidebar.info(message)',
    'st.header(str(name))',
    'st.markdown(md(a) + b)',
    'st.caption(_("{name} said").format(name=name))',
    'st.caption(name.format(x=1))',
    'st.caption(words._("{day}: the figures", day=names[day]))',
    'st.markdown(words.n_("{count} report in {city}", "{count} reports in {city}", n, city=name))',
    'st.markdown("x", unsafe_allow_html=True)',
    'st.toggle(LABELS[layer])',
    'st.selectbox(label_from_data, options)',
    'st.select_slider("Day", days, format_func=lambda d: d.label)',
    'st.radio("Pick", options, format_func=str)',
])
def test_the_scan_flags_data_in_markdown(snippet):
    assert unsafe_calls(snippet), snippet


@pytest.mark.parametrize("snippet", [
    'st.markdown("**Literal**")',
    "st.caption(md(city['region']))",
    'panel.caption(f"{md(a)} · {_(\'b\')}")',
    'column.metric(md(label), md(value), help=_("Help"))',
    'st.subheader(_("Reports"))',
    'st.subheader(ngettext("{n} report", "{n} reports", len(rows)).format(n=len(rows)))',
    'st.caption(_("{name} said").format(name=md(name)))',
    'st.caption(words._("{day}: the figures", day=md(names[day])))',
    'st.markdown(words.n_("{count} report", "{count} reports", len(rows)))',
    'st.title(md(a) if a else "None")',
    'st.markdown(project_markdown(path))',
    'st.select_slider("Day", days, format_func=lambda d: md(label(d)))',
    'st.selectbox("City", ids, format_func=names.get)',  # selectbox options are plain text
    'st.code(text)',
    'st.dataframe(frame)',
])
def test_the_scan_accepts_literals_catalog_and_escaped_text(snippet):
    assert unsafe_calls(snippet) == []
