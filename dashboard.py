"""Entry point: `streamlit run dashboard.py`. The map is the home page; pages/ holds the rest."""

import streamlit as st

from geo.assets import install_leaflet

st.set_page_config(page_title="Navalny protests, January 2021", page_icon="🗺️", layout="wide")
install_leaflet()

st.navigation([
    st.Page("pages/map.py", title="Map", icon="🗺️", default=True),
]).run()
