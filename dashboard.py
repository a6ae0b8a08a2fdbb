"""Entry point: `streamlit run dashboard.py`. The map is the home page; pages/ holds the rest."""

import streamlit as st

from pages.common import interface_language
from rendering.assets import install_leaflet

words = interface_language()
st.set_page_config(page_title=words._("Navalny protests, 2021: a sourced map"), page_icon="🗺️", layout="wide")
install_leaflet()

st.navigation([
    st.Page("pages/map.py", title=words._("Map"), icon=":material/map:", default=True),
    st.Page("pages/compare.py", title=words._("Compare the days"), icon=":material/compare_arrows:",
            url_path="compare"),
    st.Page("pages/data.py", title=words._("Data"), icon=":material/table:", url_path="data"),
    st.Page("pages/sources.py", title=words._("Sources & method"), icon=":material/menu_book:", url_path="sources"),
], position="top").run()
