"""Sources & method: every source, the codebook, how the map picks a figure, how to cite."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pages.common import current_view, data_dir, dataset_or_stop, require_entrypoint, set_view
from pages.safe_text import md, project_markdown, web_url
from protest_data.citation import citation_text

REPO = Path(__file__).resolve().parent.parent

require_entrypoint()
dataset = dataset_or_stop()
set_view(current_view(dataset))

st.title("Sources & method")

counts = dataset.reports.groupby("source_id").size().rename("reports")
sources = dataset.sources.merge(counts, on="source_id", how="left").fillna({"reports": 0})
sources["url"] = sources["url"].map(web_url)  # only http(s) addresses become links
st.subheader(f"{len(sources)} sources")
st.dataframe(
    sources[["publisher", "title", "published", "kind", "language", "reports", "url", "source_id"]]
    .sort_values(["reports", "publisher"], ascending=[False, True]),
    hide_index=True,
    width="stretch",
    column_config={"url": st.column_config.LinkColumn("link"), "reports": st.column_config.NumberColumn("reports")},
)

st.subheader("How to cite")
st.code(citation_text(REPO / "CITATION.cff"), language=None, wrap_lines=True)
st.caption("CITATION.cff at the top of the repository holds the same. Cite the original source of any figure too.")

st.subheader("Codebook")
st.caption("data/CODEBOOK.md: what each column means, how figures are coded, how the map picks the figure it "
           "draws, what is never done, and where coverage is thin.")
st.markdown(project_markdown(Path(data_dir()) / "CODEBOOK.md"))
