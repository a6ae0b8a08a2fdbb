"""Sources & method: every source, the codebook, how the map picks a figure, how to cite."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pages.common import current_view, data_dir, dataset_or_stop, language_switch, require_entrypoint, set_view
from pages.safe_text import md, project_markdown, web_url
from protest_data.citation import citation_text
from rendering.i18n import N_

REPO = Path(__file__).resolve().parent.parent
COLUMN_LABELS = {"publisher": N_("publisher"), "title": N_("title"), "published": N_("published"),
                 "kind": N_("kind"), "language": N_("language"), "source_id": N_("source")}
# The codebook in each interface language: the Russian one is a translation of the English original.
CODEBOOKS = {"en": "CODEBOOK.md", "ru": "CODEBOOK.ru.md"}

require_entrypoint()
dataset = dataset_or_stop()
view = current_view(dataset)
set_view(view)
words = language_switch(view)

st.title(words._("Sources & method"))

counts = dataset.reports.groupby("source_id").size().rename("reports")
sources = dataset.sources.merge(counts, on="source_id", how="left").fillna({"reports": 0})
sources["url"] = sources["url"].map(web_url)  # only http(s) addresses become links
st.subheader(md(words.n_("{count} source", "{count} sources", len(sources))))
config = {column: st.column_config.Column(words._(label)) for column, label in COLUMN_LABELS.items()}
config["url"] = st.column_config.LinkColumn(words._("link"))
config["reports"] = st.column_config.NumberColumn(words._("reports"))
st.dataframe(
    sources[["publisher", "title", "published", "kind", "language", "reports", "url", "source_id"]]
    .sort_values(["reports", "publisher"], ascending=[False, True]),
    hide_index=True,
    width="stretch",
    column_config=config,
)

st.subheader(words._("How to cite"))
st.code(citation_text(REPO / "CITATION.cff"), language=None, wrap_lines=True)
st.caption(words._("CITATION.cff at the top of the repository holds the same. Cite the original source of any "
                   "figure too."))

st.subheader(words._("Codebook"))
st.caption(words._("What each column means, how figures are coded, how the map picks the figure it draws, what is "
                   "never done, and where coverage is thin."))
codebook = Path(data_dir()) / CODEBOOKS[words.lang]
if not codebook.is_file():
    st.info(words._("The codebook has not been translated into this language yet; here is the original."))
    codebook = Path(data_dir()) / CODEBOOKS["en"]
st.markdown(project_markdown(codebook))
