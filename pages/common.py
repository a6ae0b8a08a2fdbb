"""Streamlit glue shared by the pages: cached loading, the shared view in the URL, page links."""

from __future__ import annotations

import datetime as dt
import os
import time
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from pages.safe_text import md
from protest_data.citation import dataset_reference
from protest_data.fingerprint import data_fingerprint, top_level_fingerprint
from protest_data.memory import release_freed_memory
from protest_data.summary import (
    Figures,
    absences_by_city,
    city_day_summary,
    counters_by_city,
    day_labels,
    figures,
    held_only_days,  # noqa: F401  (the pages import it from here)
    protest_days,
    reports_with_sources,
)
from protest_data.tables import DEFAULT_DATA_DIR, Dataset
from protest_data.validate import InvalidDataset, load_valid_dataset
from rendering.cards import CardActions, city_names
from rendering.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, Words
from rendering.markers import city_markers, with_layers
from rendering.popup_store import publish_outline, publish_popups
from rendering.standalone import page_html
from rendering.viewstate import View, read_view, report_locations
from rendering.vocabulary import search_label

VIEW_KEY = "view"
NOTICES_KEY = "view_notices"


def require_entrypoint() -> None:
    """Run every page through dashboard.py's st.navigation, even on a fresh server's first deep link.

    Until dashboard.py has called st.navigation once, Streamlit treats a folder named pages/ as an
    old-style multipage app and would run /data as a script of its own, with a menu of every file.
    Switching that mode off and rerunning sends the request through the entry point instead.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def data_dir() -> str:
    """The data package to show: data/, or PROTEST_DATA_DIR (tests point it at a scratch copy)."""
    return os.environ.get("PROTEST_DATA_DIR", str(DEFAULT_DATA_DIR))


# Every rerun asks for the data's version (a cache key). The package's own files are looked at every
# time; walking every archived passage (tens of thousands at a hundred times today's data) costs more
# than a rerun, so that is done at most this often: an edited passage shows up within this many seconds.
PASSAGES_CHECK_SECONDS = 10.0
_checked_passages: dict[str, tuple[float, str]] = {}


def data_version(directory: str) -> str:
    """A fingerprint of the data files (names, sizes, modification times): edited data is picked up."""
    now = time.monotonic()
    checked = _checked_passages.get(directory)
    if checked is None or now - checked[0] >= PASSAGES_CHECK_SECONDS:
        checked = (now, data_fingerprint(directory))
        _checked_passages[directory] = checked
    return f"{top_level_fingerprint(directory)}-{checked[1]}"


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(directory: str, version: str) -> Dataset:
    # Shared by every session and never changed in place (pages filter and copy): cache_data would
    # unpickle a fresh copy of every table on every rerun.
    try:
        return load_valid_dataset(directory)
    finally:
        release_freed_memory()


@st.cache_resource(max_entries=2)
def _derived(directory: str, version: str) -> tuple[pd.DataFrame, Figures, pd.DataFrame]:
    """What every rerun reads, computed once per data version and shared (read-only) by all sessions."""
    dataset = _load(directory, version)
    rule = figures(dataset)
    derived = reports_with_sources(dataset), rule, city_day_summary(dataset, rule)
    release_freed_memory()
    return derived


def _current() -> tuple[str, str]:
    directory = data_dir()
    return directory, data_version(directory)


def reports() -> pd.DataFrame:
    return _derived(*_current())[0]


@st.cache_resource(max_entries=64)
def _day_cities(directory: str, version: str, day: pd.Timestamp, lang: str) -> tuple:
    """A day's markers with no layer switched on: their tooltips and popups, built once per language."""
    reports_frame, rule, summary_frame = _derived(directory, version)
    return tuple(city_markers(summary_frame[summary_frame["date"] == day], counters_by_city(rule, day), set(),
                              Words(lang), absences_by_city(reports_frame, day)))


@st.cache_resource(max_entries=256)
def _day_markers(directory: str, version: str, day: pd.Timestamp, layers: tuple[str, ...], lang: str):
    summary_frame = _derived(directory, version)[2]
    return tuple(with_layers(list(_day_cities(directory, version, day, lang)),
                             summary_frame[summary_frame["date"] == day], set(layers)))


@st.cache_resource(max_entries=64)
def _day_popups_url(directory: str, version: str, day: pd.Timestamp, lang: str) -> str | None:
    # Popups do not depend on the layers: any layer set's markers carry the same ones.
    return publish_popups(list(_day_cities(directory, version, day, lang)))


def day_popups_url(day: pd.Timestamp, words: Words) -> str | None:
    """Where the map fetches the day's popups from (None: the map must carry them itself)."""
    return _day_popups_url(*_current(), pd.Timestamp(day), words.lang)


@st.cache_resource(max_entries=4)
def _city_search_labels(directory: str, version: str, lang: str) -> dict[str, str]:
    cities = _load(directory, version).cities
    return {str(city["city_id"]): search_label(city, Words(lang)) for city in cities.to_dict("records")}


def city_search_labels(words: Words) -> dict[str, str]:
    """Each city's label in the city box (both names, common spellings), by city_id."""
    return _city_search_labels(*_current(), words.lang)


@st.cache_resource
def outline_url() -> str | None:
    """Where the map fetches the basemap's outlines from (None: the map must carry them itself)."""
    return publish_outline()


def day_markers(day: pd.Timestamp, layers: tuple[str, ...], words: Words) -> list:
    """The map model for one day, layer set and language: built once per data version, then shared."""
    return list(_day_markers(*_current(), pd.Timestamp(day), tuple(layers), words.lang))


def figure_rule() -> Figures:
    return _derived(*_current())[1]


def summary() -> pd.DataFrame:
    return _derived(*_current())[2]


def dataset_or_stop() -> Dataset:
    """The validated dataset; on invalid data, every problem on screen and nothing else."""
    try:
        return _load(*_current())
    except InvalidDataset as error:
        words = interface_language()
        st.error(words._("The dataset failed validation, so nothing is shown. Problems:"))
        st.code("\n".join(str(p) for p in error.problems), language=None)
        st.stop()


def browser_language() -> str:
    """The reader's language as the browser reports it ('ru-RU' -> 'ru'), when Streamlit exposes it."""
    locale = getattr(st.context, "locale", None) or ""
    return str(locale).split("-")[0].lower()


def current_view(dataset: Dataset) -> View:
    """The view for this session: from the URL on first load, then from the widgets."""
    if VIEW_KEY not in st.session_state:
        view, notices = read_view(st.query_params.to_dict(), protest_days(dataset),
                                  dataset.cities["city_id"].tolist(), default_lang=browser_language(),
                                  reports=report_locations(dataset.reports))
        st.session_state[VIEW_KEY] = view
        st.session_state[NOTICES_KEY] = (notices, view)
    return st.session_state[VIEW_KEY]


def interface_language() -> Words:
    """The interface's language before the data is loaded (dashboard.py's page titles)."""
    if VIEW_KEY in st.session_state:
        return Words(st.session_state[VIEW_KEY].lang)
    asked = st.query_params.get("lang")
    lang = asked if asked in LANGUAGES else browser_language()
    return Words(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def set_view(view: View) -> None:
    st.session_state[VIEW_KEY] = view
    st.query_params.from_dict(view.to_query())


PAGE_STYLE = """
<style>
.block-container { padding-top: 3.2rem; padding-bottom: 2rem; }
h1 { font-size: 1.55rem !important; padding: 0.2rem 0 0 !important; }
[data-testid="stMetricValue"] { font-size: 1.3rem; }
.st-key-lang_switch { margin-bottom: -0.6rem; }
</style>
"""


def language_switch(view: View) -> Words:
    """The language switch every page shows at its top; returns the interface's words."""
    st.html(PAGE_STYLE)
    picked = st.segmented_control(
        "Language / Язык", LANGUAGES, default=view.lang, format_func=lambda lang: md(LANGUAGE_NAMES[lang]),
        key="lang_switch", label_visibility="collapsed", selection_mode="single")
    if picked and picked != view.lang:
        set_view(view.with_(lang=picked))
        st.rerun()
    return Words(view.lang)


def reveal(container_class: str) -> None:
    """Scroll the page so the given keyed container is in view, if it is not (on a phone the panel sits
    below the map). The class name is a fixed pattern; only its letters, digits and dashes are used."""
    safe = "".join(char for char in container_class if char.isalnum() or char in "-_")
    st.html("<script>const target = document.querySelector('." + safe + "');"
            "if (target) { target.scrollIntoView({block: 'nearest', behavior: 'smooth'}); }</script>",
            unsafe_allow_javascript=True)


def bold(text: str) -> str:
    """Text (from the data or a catalog) as a bold Markdown line that shows it literally."""
    return f"**{md(text)}**"


def show_notices(view: View) -> None:
    """What the URL asked for and did not get, shown until the reader changes the view."""
    notices, url_view = st.session_state.get(NOTICES_KEY, ([], None))
    if view == url_view:
        for notice in notices:
            st.warning(md(notice), icon="⚠️")


def day_names(dataset: Dataset, words: Words) -> dict[pd.Timestamp, str]:
    """Each protest day as the slider names it: its label in protest_days.csv, in the interface's language."""
    return day_labels(dataset, words.lang)


def report_actions(dataset: Dataset, words: Words) -> CardActions:
    """'Link' and 'Cite' on every report card: a link opens the map on the report (in this language);
    the citation's access date is today."""
    prefix = "./?report=" if words.lang == DEFAULT_LANGUAGE else f"./?{urlencode({'lang': words.lang})}&report="
    return CardActions(prefix, dataset_reference(), dt.date.today(), city_names(dataset.cities, words))


def share_url(view: View) -> str:
    """The address of this page with the view in it (the Map page: day, layers, city, language)."""
    base = getattr(st.context, "url", None) or ""
    return f"{base}?{urlencode(view.with_(report=None).to_query())}"


@st.cache_data(show_spinner=False, max_entries=4)
def _one_file_map(directory: str, version: str, lang: str) -> bytes:
    dataset = _load(directory, version)
    reports_frame, rule, _ = _derived(directory, version)
    return page_html(dataset, Words(lang), rule=rule, reports=reports_frame).encode("utf-8")


def one_file_map(lang: str) -> bytes:
    """The one-file map (rendering.standalone) of the data shown, built once per data version and language."""
    return _one_file_map(*_current(), lang)
