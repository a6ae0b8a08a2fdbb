"""Entry point: `streamlit run dashboard.py`. The map is the home page; pages/ holds the rest."""

import streamlit as st

from rendering.assets import install_leaflet

st.set_page_config(page_title="Navalny protests, January 2021", page_icon="🗺️", layout="wide")
install_leaflet()

st.navigation([
    st.Page("pages/map.py", title="Map", icon=":material/map:", default=True),
    st.Page("pages/compare.py", title="Compare the days", icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/data.py", title="Data", icon=":material/table:", url_path="data"),
    st.Page("pages/sources.py", title="Sources & method", icon=":material/menu_book:", url_path="sources"),
]).run()
